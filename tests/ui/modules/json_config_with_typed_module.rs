use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(vectorizer(text2vec_openai(model = "x")), vectorizer_config = r#"{"model": "y"}"#)]
struct Article {
    title: String,
}

fn main() {}
