use weaviate_orm::{Ref, WeaviateCollection};

#[derive(WeaviateCollection)]
struct A { x: String }
#[derive(WeaviateCollection)]
struct B { x: String }

#[derive(WeaviateCollection)]
struct Hub {
    links: Ref<(A, B, A, B, A, B, A, B, A)>,
}

fn main() {}
