use weaviate_orm::WeaviateCollection;
use weaviate_orm::__private::Uuid;

#[derive(WeaviateCollection)]
struct Article {
    #[weaviate(id, tokenization = "field")]
    id: Uuid,
}

fn main() {}
