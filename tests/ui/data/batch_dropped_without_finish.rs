#![deny(unused_must_use)]
#[path = "../models/books.rs"]
mod books;
use books::Book;

async fn import(books: weaviate_orm::Collection<Book>) {
    books.batch().start();
}

fn main() {}
