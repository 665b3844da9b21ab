#[path = "../models/books.rs"]
mod books;
use books::{Author, Book};

fn main() {
    let _ = Book::FIELDS.author.count().ascending();
    let _ = Author::FIELDS;
}
