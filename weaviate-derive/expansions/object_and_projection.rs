//! A nested object, and a projection of a collection.

#[derive(WeaviateObject)]
struct Place {
    city: String,
    #[weaviate(rename = "zipCode")]
    zip: Option<String>,
}

#[derive(WeaviateProjection)]
#[weaviate(of = Clue)]
struct Question {
    #[weaviate(id)]
    id: Uuid,
    question: String,
}
