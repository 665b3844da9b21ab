use weaviate_orm::WeaviateCollection;

/// Two starts at once; an offset without a date property.
#[derive(WeaviateCollection)]
#[weaviate(object_ttl(after_creation = 3600, after_update = 3600, offset = 60))]
struct Article {
    title: String,
}

/// A date property the struct does not have.
#[derive(WeaviateCollection)]
#[weaviate(object_ttl(date_property = "expiry"))]
struct Coupon {
    expires: chrono::DateTime<chrono::Utc>,
}

/// A date property without an index to find expired objects by.
#[derive(WeaviateCollection)]
#[weaviate(object_ttl(date_property = "expires"))]
struct Ticket {
    #[weaviate(index_filterable = false)]
    expires: chrono::DateTime<chrono::Utc>,
}

fn main() {}
