use weaviate_orm::{Ref, WeaviateCollection};

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

fn main() {
    let _ = Book::FIELDS.title.contains_any(["a", "b"]);
}
