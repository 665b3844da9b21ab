#[path = "../models/books.rs"]
mod books;
use books::{Author, Book};
use weaviate_orm::query::Generate;

fn main() {
    let _ = Generate::<Book>::new().task("sum up").task_field(&Book::FIELDS.author.path(Author::FIELDS.name));
}
