#[path = "../models/books.rs"]
mod books;
use books::{Author, Book};
async fn titles(books: weaviate_orm::Collection<Book>) {
    let _ = books.query().project::<Author>().fetch().await;
}

fn main() {}
