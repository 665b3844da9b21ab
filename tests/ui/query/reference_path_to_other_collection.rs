#[path = "../models/books.rs"]
mod books;
use books::Book;

fn main() {
    let _ = Book::FIELDS.author.path(Book::FIELDS.title).equal("x");
}
