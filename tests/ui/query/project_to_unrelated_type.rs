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
async fn titles(books: weaviate_orm::Collection<Book>) {
    let _ = books.query().project::<Author>().fetch().await;
}

fn main() {}
