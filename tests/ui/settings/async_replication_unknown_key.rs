use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(replication(factor = 3, async_config(hashtree_hight = 16)))]
struct Article {
    title: String,
}

fn main() {}
