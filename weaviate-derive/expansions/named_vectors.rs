//! Named vectors: one made by a module, one brought by the client, and a
//! multi-vector; multi-tenancy on.

#[derive(WeaviateCollection)]
#[weaviate(
    multi_tenancy(auto_tenant_creation),
    named_vector(name = "title", vectorizer = "text2vec-bigram", source_properties = ["title"]),
    named_vector(name = "tokens", index(distance = "cosine"))
)]
struct Passage {
    title: String,
    #[weaviate(vector = "embedding")]
    embedding: Vec<f32>,
    #[weaviate(vector = "tokens")]
    tokens: Option<Vec<Vec<f32>>>,
}
