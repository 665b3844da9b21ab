use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(vector_index(quantizer = "bq", pq_segments = 8))]
struct Article {
    title: String,
}

fn main() {}
