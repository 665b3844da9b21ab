#[path = "../models/places.rs"]
mod places;
use places::Place;
use weaviate_orm::Collection;

fn check(places: Collection<Place>) {
    let _ = places.aggregate().metrics(&Place::FIELDS.location);
}

fn main() {}
