#[path = "../models/books.rs"]
mod books;
use books::Book;

fn main() {
    let _ = Book::FIELDS.tags.contains_any([1, 2]);
}
