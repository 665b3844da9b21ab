#[path = "../models/places.rs"]
mod places;
use places::{Place, Review};
use weaviate_orm::query::Bm25;

fn main() {
    let _ = Bm25::<Place>::new("nice").field(&Review::FIELDS.text);
}
