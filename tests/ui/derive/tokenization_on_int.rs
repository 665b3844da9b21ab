use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
struct Article {
    #[weaviate(tokenization = "word")]
    words: i64,
}

fn main() {}
