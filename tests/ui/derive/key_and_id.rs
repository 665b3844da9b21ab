use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
struct Article {
    #[weaviate(id)]
    id: weaviate_orm::__private::Uuid,
    #[weaviate(key)]
    slug: String,
}

fn main() {}
