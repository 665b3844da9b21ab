use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
struct Article {
    #[weaviate(tokenization = "words")]
    title: String,
}

fn main() {}
