#[path = "../models/places.rs"]
mod places;
use places::Place;
use weaviate_orm::query::Filter;

fn main() {
    let _ = Filter::<Place>::by_id().ascending();
}
