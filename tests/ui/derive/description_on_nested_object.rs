use weaviate_orm::WeaviateObject;

#[derive(WeaviateObject)]
#[weaviate(description = "Where invoices go.")]
struct Address {
    street: String,
}

fn main() {}
