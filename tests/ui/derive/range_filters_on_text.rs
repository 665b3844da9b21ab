use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
struct Article {
    #[weaviate(index_range_filters = true)]
    tags: Option<Vec<String>>,
}

fn main() {}
