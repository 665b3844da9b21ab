use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(generative = "generative-openai", generative_config = "{model: gpt}")]
struct Article {
    title: String,
}

fn main() {}
