#[path = "../models/places.rs"]
mod places;
use places::Place;
use weaviate_orm::Collection;

fn check(places: Collection<Place>) {
    let _ = places.query().rerank(&Place::FIELDS.visitors, None);
}

fn main() {}
