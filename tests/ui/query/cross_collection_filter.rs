#[path = "../models/books.rs"]
mod books;
use books::{Author, Book};

fn only_books(_: weaviate_orm::query::Filter<Book>) {}

fn main() {
    only_books(Author::FIELDS.name.equal("Ada"));
}
