//! Modules as typed attributes: a vectorizer, a generative module and a
//! reranker, each set key by key on the runtime's settings struct.

#[derive(WeaviateCollection)]
#[weaviate(
    vectorizer(text2vec_openai(model = "text-embedding-3-small", dimensions = 512)),
    generative(openai(model = "gpt-4o-mini", temperature = 0.2)),
    reranker(dummy)
)]
struct Article {
    title: String,
}
