use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(vector_index(distance = "dot"), named_vector(name = "title", vectorizer = "text2vec-bigram"))]
struct Article {
    title: String,
}

fn main() {}
