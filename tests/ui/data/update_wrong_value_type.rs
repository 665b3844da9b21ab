#[path = "../models/books.rs"]
mod books;
use books::Book;

async fn grow(books: weaviate_orm::Collection<Book>, id: weaviate_orm::__private::Uuid) {
    let _ = books.update(id).set(&Book::FIELDS.pages, "many").apply().await;
}

fn main() {}
