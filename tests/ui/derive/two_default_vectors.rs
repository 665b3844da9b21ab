use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
struct Article {
    title: String,
    #[weaviate(vector)]
    a: Vec<f32>,
    #[weaviate(vector)]
    b: Vec<f32>,
}

fn main() {}
