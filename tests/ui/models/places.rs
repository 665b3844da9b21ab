// The collection the search and aggregate compile-fail cases use.

use weaviate_orm::WeaviateCollection;
use weaviate_orm::value::GeoCoordinates;

#[derive(WeaviateCollection)]
pub struct Place {
    pub name: String,
    pub visitors: i64,
    pub location: GeoCoordinates,
}

#[derive(WeaviateCollection)]
pub struct Review {
    pub text: String,
}
