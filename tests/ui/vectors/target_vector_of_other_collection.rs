#[path = "../models/vectors.rs"]
mod vectors;
use vectors::{Article, Image};
use weaviate_orm::Collection;
use weaviate_orm::query::{Combination, Hybrid, NearText, TargetVectors};

fn check(articles: Collection<Article>) {
    let _ = TargetVectors::<Article>::new(Combination::Sum).vector(&Image::VECTORS.pixels, vec![0.5]);
    let _ = Hybrid::<Article>::new("cats").target_vector(&Image::VECTORS.pixels);
    let _ = articles.query().near_text(NearText::new(["cats"]).target_vector(&Image::VECTORS.pixels));
    let _ = articles.query().near_object_in(weaviate_orm::__private::Uuid::nil(), &Image::VECTORS.pixels);
}

fn main() {}
