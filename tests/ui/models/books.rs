// The collections the query compile-fail cases use.

use weaviate_orm::{Ref, WeaviateCollection};

#[derive(WeaviateCollection)]
pub struct Author {
    pub name: String,
}

#[derive(WeaviateCollection)]
pub struct Book {
    pub title: String,
    pub pages: i64,
    pub tags: Vec<String>,
    pub author: Ref<Author>,
}
