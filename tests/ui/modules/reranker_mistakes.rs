use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(reranker(text2vec_openai(model = "x")))]
struct Article {
    title: String,
}

#[derive(WeaviateCollection)]
#[weaviate(reranker(cohere(model = 3)))]
struct Note {
    title: String,
}

fn main() {}
