use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(object_ttl(date_property = "expires", offset = 60))]
struct Coupon {
    expires: String,
}

fn main() {}
