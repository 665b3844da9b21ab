//! Weaviate's own default `ef = -1` is accepted wherever it stands.
use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(vector_index(ef = -1, distance = "dot"))]
struct Article {
    title: String,
}

#[derive(WeaviateCollection)]
#[weaviate(named_vector(name = "body", index(ef = -1, distance = "cosine", max_connections = 16)))]
struct Note {
    body: String,
}

fn main() {
    let _ = (Article::config(), Note::config());
}
