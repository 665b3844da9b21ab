#[path = "../models/books.rs"]
mod books;
use books::{Author, Book};
use weaviate_orm::Collection;

async fn rename(books: Collection<Book>, id: weaviate_orm::__private::Uuid) {
    let _ = books.update(id).set(&Book::FIELDS.author.path(Author::FIELDS.name), "Ada").apply().await;
}

fn main() {}
