#[path = "../models/books.rs"]
mod books;
use books::Book;
use weaviate_orm::Ref;

async fn link(books: weaviate_orm::Collection<Book>, book: weaviate_orm::__private::Uuid, to: Ref<Book>) {
    let _ = books.add_reference(book, &Book::FIELDS.author, &to).await;
}

fn main() {}
