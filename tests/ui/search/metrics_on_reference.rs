#[path = "../models/books.rs"]
mod books;
use books::{Author, Book};
use weaviate_orm::Collection;

fn check(books: Collection<Book>) {
    let _ = books.aggregate().metrics(&Book::FIELDS.author);
    let _ = Author::FIELDS;
}

fn main() {}
