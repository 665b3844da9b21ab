use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(name = "news-articles")]
struct Article {
    title: String,
}

fn main() {}
