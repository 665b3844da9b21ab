use weaviate_orm::{Ref, WeaviateCollection};

#[derive(WeaviateCollection)]
struct Author {
    name: String,
}

#[derive(WeaviateCollection)]
struct Publisher {
    name: String,
}

#[derive(WeaviateCollection)]
struct Book {
    title: String,
    credits: Ref<(Author, Publisher)>,
}

fn main() {
    let _ = Book::FIELDS.credits.path(Book::FIELDS.title).equal("x");
}
