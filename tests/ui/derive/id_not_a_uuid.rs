use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
struct Article {
    #[weaviate(id)]
    key: String,
}

fn main() {}
