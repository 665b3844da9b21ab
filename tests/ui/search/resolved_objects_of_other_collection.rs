#[path = "../models/books.rs"]
mod books;
use books::Book;

fn check(book: Book) {
    // `author` points to `Author`; its targets cannot be read as `Book`s.
    let _ = book.author.objects::<Book, _>();
}

fn main() {}
