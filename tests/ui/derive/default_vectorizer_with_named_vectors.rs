use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(vectorizer = "text2vec-bigram", named_vector(name = "title", vectorizer = "text2vec-bigram"))]
struct Article {
    title: String,
}

fn main() {}
