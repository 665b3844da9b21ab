use weaviate_orm::{Ref, WeaviateCollection, WeaviateProjection};

#[derive(WeaviateCollection)]
struct Author {
    name: String,
}

#[derive(WeaviateCollection)]
struct Book {
    title: String,
    pages: i64,
    tags: Vec<String>,
    author: Ref<Author>,
}
#[derive(WeaviateProjection)]
#[weaviate(of = Book)]
struct Summary {
    title: String,
    subtitel: String,
}

fn main() {}
