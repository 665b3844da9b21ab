use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(vectorizer(text2vec_openai(model = "text-embedding-3-small", dimension = 512)))]
struct Article {
    title: String,
}

fn main() {}
