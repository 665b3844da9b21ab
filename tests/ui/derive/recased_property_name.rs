use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
struct Article {
    #[weaviate(rename = "CamelCase")]
    camel: String,
}

fn main() {}
