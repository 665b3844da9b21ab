use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(vectorizer(text2vec_openia(model = "text-embedding-3-small")))]
struct Article {
    title: String,
}

fn main() {}
