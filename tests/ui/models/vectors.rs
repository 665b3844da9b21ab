// The collections the vector-name compile-fail cases use.

use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
pub struct Article {
    pub title: String,
    #[weaviate(vector = "body")]
    pub body: Vec<f32>,
    #[weaviate(vector = "tokens")]
    pub tokens: Vec<Vec<f32>>,
}

#[derive(WeaviateCollection)]
pub struct Image {
    pub caption: String,
    #[weaviate(vector = "pixels")]
    pub pixels: Vec<f32>,
}
