use weaviate_orm::WeaviateCollection;
use weaviate_orm::value::GeoCoordinates;

#[derive(WeaviateCollection)]
struct Shop {
    branches: Vec<GeoCoordinates>,
}

fn main() {}
