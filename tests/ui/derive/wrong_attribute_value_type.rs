use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
struct Article {
    #[weaviate(index_searchable = "no")]
    title: String,
}

fn main() {}
