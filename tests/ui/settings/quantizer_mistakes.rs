use weaviate_orm::WeaviateCollection;

/// A flat index reads no training limit; `flat(...)` belongs to a dynamic index.
#[derive(WeaviateCollection)]
#[weaviate(vector_index(
    kind = "flat",
    quantizer(sq(training_limit = 50000)),
    flat(quantizer = "bq")
))]
struct Article {
    title: String,
}

/// An HNSW index ignores a BQ cache.
#[derive(WeaviateCollection)]
#[weaviate(vector_index(quantizer(bq(cache = true))))]
struct Review {
    title: String,
}

/// A misspelled encoder type.
#[derive(WeaviateCollection)]
#[weaviate(vector_index(quantizer(pq(encoder_type = "tiles")), distance = "dot"))]
struct Note {
    title: String,
}

/// A quantizer Weaviate does not have.
#[derive(WeaviateCollection)]
#[weaviate(vector_index(quantizer(lvq(bits = 4))))]
struct Memo {
    title: String,
}

fn main() {}
