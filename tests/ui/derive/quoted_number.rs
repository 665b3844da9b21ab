use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(vector_index(ef_construction = "128"))]
struct Article {
    title: String,
}

fn main() {}
