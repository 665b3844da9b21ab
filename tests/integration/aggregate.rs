//! Aggregates: every metric of every field type, over all objects, a
//! filter, a vector search, and grouped by a field.

use chrono::{DateTime, TimeZone, Utc};
use weaviate_orm::WeaviateCollection;
use weaviate_orm::aggregate::{GroupValue, IntMetrics, NumberMetrics};
use weaviate_orm_tests::{client, fresh};

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_AggBook")]
struct Book {
    title: String,
    genre: String,
    pages: i64,
    rating: f64,
    in_print: bool,
    published: DateTime<Utc>,
    #[weaviate(vector)]
    vector: Vec<f32>,
}

fn day(year: i32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, 6, 1, 0, 0, 0).single().expect("valid date")
}

fn book(title: &str, genre: &str, pages: i64, rating: f64, in_print: bool, year: i32, x: f32) -> Book {
    let vector = vec![x, 1.0 - x];
    Book { title: title.into(), genre: genre.into(), pages, rating, in_print, published: day(year), vector }
}

#[tokio::test]
async fn every_metric_of_every_field_type() {
    let client = client().await.expect("connect");
    let books = fresh::<Book>(&client).await;
    for b in [
        book("a", "poetry", 100, 4.0, true, 1990, 1.0),
        book("b", "poetry", 200, 3.0, false, 2000, 0.9),
        book("c", "novel", 300, 5.0, true, 2010, 0.1),
        book("d", "novel", 300, 2.0, true, 2020, 0.0),
        book("e", "essay", 600, 1.0, false, 2020, 0.5),
    ] {
        books.insert(&b).await.expect("insert");
    }
    let f = Book::FIELDS;
    let all = books.aggregate().metrics(&f.pages).metrics(&f.rating).metrics(&f.genre).metrics(&f.in_print);
    let all = all.metrics(&f.published).fetch().await.expect("aggregate");

    assert_eq!(all.total, Some(5));
    let pages: IntMetrics = all.get(&f.pages).expect("pages");
    let summary = (pages.count, pages.minimum, pages.maximum, pages.mean, pages.median, pages.mode, pages.sum);
    assert_eq!(summary, (Some(5), Some(100), Some(600), Some(300.0), Some(300.0), Some(300), Some(1500)));
    let rating: NumberMetrics = all.get(&f.rating).expect("rating");
    assert_eq!(
        (rating.minimum, rating.maximum, rating.sum, rating.mean),
        (Some(1.0), Some(5.0), Some(15.0), Some(3.0))
    );
    assert_eq!(rating.median, Some(3.0));

    let genre = all.get(&f.genre).expect("genre");
    assert_eq!(genre.count, Some(5));
    let mut top = genre.top_occurrences.clone();
    top.sort();
    assert_eq!(top, [("essay".to_owned(), 1), ("novel".to_owned(), 2), ("poetry".to_owned(), 2)]);

    let in_print = all.get(&f.in_print).expect("in print");
    assert_eq!((in_print.total_true, in_print.total_false), (Some(3), Some(2)));
    assert_eq!((in_print.percentage_true, in_print.percentage_false), (Some(0.6), Some(0.4)));

    let published = all.get(&f.published).expect("published");
    assert_eq!((published.minimum, published.maximum), (Some(day(1990)), Some(day(2020))));
    assert_eq!((published.median, published.mode), (Some(day(2010)), Some(day(2020))));

    let long = books.aggregate().metrics(&f.pages).filter(f.pages.greater_or_equal(300)).fetch().await;
    let long = long.expect("filtered");
    assert_eq!((long.total, long.get(&f.pages).and_then(|p| p.sum)), (Some(3), Some(1200)));

    let near = books.aggregate().metrics(&f.pages).near_vector(vec![1.0, 0.0]).object_limit(2).fetch().await;
    let near = near.expect("near vector");
    assert_eq!(near.get(&f.pages).and_then(|p| p.sum), Some(300), "the two closest: a and b");
    // The same shape as a query's search: the threshold may come first.
    let close = books.aggregate().metrics(&f.pages).max_distance(0.1).near_vector(vec![1.0, 0.0]).fetch().await;
    let close = close.expect("near vector within a distance");
    assert_eq!((close.total, close.get(&f.pages).and_then(|p| p.sum)), (Some(2), Some(300)), "within 0.1: a and b");

    let mut groups = books.aggregate().metrics(&f.pages).fetch_groups(&f.genre, None).await.expect("groups");
    groups.sort_by_key(|g| format!("{:?}", g.value));
    let summary: Vec<(GroupValue, Option<u64>, Option<i64>)> = groups
        .iter()
        .map(|g| (g.value.clone(), g.aggregation.total, g.aggregation.get(&f.pages).and_then(|p| p.sum)))
        .collect();
    assert_eq!(
        summary,
        [
            (GroupValue::Text("essay".into()), Some(1), Some(600)),
            (GroupValue::Text("novel".into()), Some(2), Some(600)),
            (GroupValue::Text("poetry".into()), Some(2), Some(300)),
        ]
    );
}
