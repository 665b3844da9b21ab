#[path = "../models/places.rs"]
mod places;
use places::{Place, Review};
use weaviate_orm::aggregate::Aggregation;

fn check(stats: Aggregation<Place>) {
    let _ = stats.get(&Review::FIELDS.text);
}

fn main() {}
