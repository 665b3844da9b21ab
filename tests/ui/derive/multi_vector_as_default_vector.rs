use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
struct Article {
    title: String,
    #[weaviate(vector)]
    tokens: Vec<Vec<f32>>,
}

fn main() {}
