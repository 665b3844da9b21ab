#[path = "../models/books.rs"]
mod books;
use books::{Author, Book};

fn main() {
    let _ = Book::FIELDS.title.equal("Dune") & Author::FIELDS.name.equal("Frank");
}
