use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(name = "Raft")]
struct Consensus {
    term: i64,
}

fn main() {}
