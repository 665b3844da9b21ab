#[path = "../models/places.rs"]
mod places;
use places::Place;
use weaviate_orm::query::Bm25;

fn main() {
    let _ = Bm25::<Place>::new("many").field(&Place::FIELDS.visitors);
}
