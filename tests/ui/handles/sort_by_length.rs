#[path = "../models/books.rs"]
mod books;
use books::{Author, Book};
use weaviate_orm::Collection;

fn check(books: Collection<Book>) {
    let _ = books.query().sort(Book::FIELDS.title.length().ascending());
    let _ = Author::FIELDS;
}

fn main() {}
