use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(multi_tenancy, sharding(desired_count = 2))]
struct Article {
    title: String,
}

fn main() {}
