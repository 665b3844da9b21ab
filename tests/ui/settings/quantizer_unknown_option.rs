use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(vector_index(quantizer(rq(bits = 8, rescore_limt = 40))))]
struct Article {
    title: String,
}

fn main() {}
