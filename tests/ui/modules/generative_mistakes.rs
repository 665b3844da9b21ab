use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(generative(opanai(model = "gpt-4o")))]
struct Article {
    title: String,
}

#[derive(WeaviateCollection)]
#[weaviate(generative(openai(temprature = 0.5, max_tokens = -1)))]
struct Note {
    title: String,
}

fn main() {}
