use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(vectorizer(text2vec_openai(dimensions = "512")))]
struct Article {
    title: String,
}

fn main() {}
