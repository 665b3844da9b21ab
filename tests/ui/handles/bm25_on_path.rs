#[path = "../models/books.rs"]
mod books;
use books::{Author, Book};
use weaviate_orm::query::Bm25;

fn main() {
    let _ = Bm25::<Book>::new("tolkien").field(&Book::FIELDS.author.path(Author::FIELDS.name));
}
