use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
struct Article {
    #[weaviate(text_analyzer(ascii_fold))]
    pages: i64,
}

fn main() {}
