#[path = "../models/books.rs"]
mod books;
use books::{Author, Book};

async fn rename(books: weaviate_orm::Collection<Book>, id: weaviate_orm::__private::Uuid) {
    let _ = books.update(id).set(&Author::FIELDS.name, "Frank".to_owned()).apply().await;
}

fn main() {}
