use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
struct Article {
    title: String,
    counts: std::collections::HashMap<String, i64>,
}

fn main() {}
