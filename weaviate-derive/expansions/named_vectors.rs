//! Named vectors: one made by a module with a quantizer's options, one
//! brought by the client, and a MUVERA-encoded multi-vector; multi-tenancy on.

#[derive(WeaviateCollection)]
#[weaviate(
    multi_tenancy(auto_tenant_creation),
    named_vector(
        name = "title",
        vectorizer = "text2vec-bigram",
        source_properties = ["title"],
        index(quantizer(pq(segments = 8, encoder_type = "tile")))
    ),
    named_vector(name = "tokens", index(distance = "cosine", muvera(ksim = 4)))
)]
struct Passage {
    title: String,
    #[weaviate(vector = "embedding")]
    embedding: Vec<f32>,
    #[weaviate(vector = "tokens")]
    tokens: Option<Vec<Vec<f32>>>,
}
