#[path = "../models/vectors.rs"]
mod vectors;
use vectors::{Article, Image};
use weaviate_orm::Collection;

fn check(articles: Collection<Article>) {
    let _ = articles.query().near_named_vector(&Article::VECTORS.tokens, vec![0.5]);
    let _ = Image::VECTORS;
}

fn main() {}
