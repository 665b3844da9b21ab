#[path = "../models/books.rs"]
mod books;
use books::{Author, Book};

fn main() {
    let _ = Book::FIELDS.author.path(Author::FIELDS.name).descending();
}
