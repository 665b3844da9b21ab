use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
struct Article<T> {
    title: T,
}

fn main() {}
