#[path = "../models/books.rs"]
mod books;
use books::{Author, Book};
use weaviate_orm::Collection;

fn check(books: Collection<Book>) {
    let _ = books.query().near_vector(vec![0.5]).rerank(&Book::FIELDS.author.path(Author::FIELDS.name), None);
}

fn main() {}
