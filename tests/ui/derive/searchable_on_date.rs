use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
struct Article {
    #[weaviate(index_searchable = true)]
    published: chrono::DateTime<chrono::Utc>,
}

fn main() {}
