use weaviate_orm::WeaviateCollection;

/// MUVERA on the default vector, and on a named vector no field holds.
#[derive(WeaviateCollection)]
#[weaviate(vector_index(muvera(ksim = 4)))]
struct Article {
    title: String,
}

#[derive(WeaviateCollection)]
#[weaviate(named_vector(name = "colbert", index(multi_vector_aggregation = "maxSim")))]
struct Passage {
    title: String,
}

fn main() {}
