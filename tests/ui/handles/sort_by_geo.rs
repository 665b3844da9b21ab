#[path = "../models/places.rs"]
mod places;
use places::Place;

fn main() {
    let _ = Place::FIELDS.location.ascending();
}
