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

fn only_books(_: weaviate_orm::query::Filter<Book>) {}

fn main() {
    only_books(Author::FIELDS.name.equal("Ada"));
}
