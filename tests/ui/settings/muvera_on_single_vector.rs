use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(named_vector(name = "body", index(muvera(ksim = 4, repetitions = 10))))]
struct Article {
    title: String,
    #[weaviate(vector = "body")]
    body: Vec<f32>,
}

fn main() {}
