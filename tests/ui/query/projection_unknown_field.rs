#[path = "../models/books.rs"]
mod books;
use books::Book;
use weaviate_orm::WeaviateProjection;

#[derive(WeaviateProjection)]
#[weaviate(of = Book)]
struct Summary {
    title: String,
    subtitel: String,
}

fn main() {}
