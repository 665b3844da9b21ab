use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
enum Article {
    Draft,
}

fn main() {}
