use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
struct Table {
    rows: Vec<Vec<String>>,
}

fn main() {}
