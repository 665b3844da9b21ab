use weaviate_orm::WeaviateObject;

#[derive(WeaviateObject)]
#[weaviate(name = "Address", vectorizer = "text2vec-bigram")]
struct Address {
    #[weaviate(id)]
    id: weaviate_orm::__private::Uuid,
    street: String,
}

fn main() {}
