#[path = "../models/books.rs"]
mod books;
use books::Book;

fn main() {
    let _ = Book::FIELDS.title.within_geo_range(weaviate_orm::value::GeoCoordinates::new(0.0, 0.0), 1.0);
}
