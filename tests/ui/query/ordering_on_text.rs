#[path = "../models/books.rs"]
mod books;
use books::Book;

fn main() {
    let _ = Book::FIELDS.title.greater_than("a");
}
