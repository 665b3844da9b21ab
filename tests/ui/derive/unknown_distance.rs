use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(vector_index(distance = "l2_squared"))]
struct Article {
    title: String,
}

fn main() {}
