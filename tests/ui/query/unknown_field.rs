#[path = "../models/books.rs"]
mod books;
use books::Book;

fn main() {
    let _ = Book::FIELDS.titel.equal("Dune");
}
