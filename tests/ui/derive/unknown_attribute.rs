use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
struct Article {
    #[weaviate(tokenisation = "word")]
    title: String,
}

fn main() {}
