#[path = "../models/books.rs"]
mod books;
use books::{Author, Book};
use weaviate_orm::Collection;

fn check(books: Collection<Book>) {
    let _ = books.query().near_vector(vec![0.5]).group_by(&Book::FIELDS.author, 3, 2);
    let _ = Author::FIELDS;
}

fn main() {}
