use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
struct Article {
    id: String,
}

fn main() {}
