use weaviate_orm::WeaviateCollection;
use weaviate_orm::__private::Uuid;

#[derive(WeaviateCollection)]
struct Article {
    #[weaviate(id)]
    id: Uuid,
    #[weaviate(id)]
    other_id: Uuid,
}

fn main() {}
