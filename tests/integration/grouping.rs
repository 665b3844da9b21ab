//! Grouped searches through every kind of property the server groups by.

use chrono::{DateTime, Utc};
use uuid::Uuid;
use weaviate_orm::WeaviateCollection;
use weaviate_orm::value::GeoCoordinates;
use weaviate_orm_tests::{client, fresh};

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_Grouped")]
struct Item {
    name: String,
    n: i64,
    x: f64,
    b: bool,
    d: DateTime<Utc>,
    u: Uuid,
    tags: Vec<String>,
    place: GeoCoordinates,
    #[weaviate(vector)]
    vector: Vec<f32>,
}

/// Two groups of two objects each, whatever the property grouped by.
fn two_pairs(groups: &[weaviate_orm::query::Group<Item>]) -> bool {
    groups.len() == 2 && groups.iter().all(|g| g.hits.len() == 2 && g.count == 2)
}

#[tokio::test]
async fn vector_searches_group_by_every_filterable_kind() {
    let client = client().await.expect("client");
    let items = fresh::<Item>(&client).await;
    for i in 0..4u8 {
        let half = i % 2;
        let item = Item {
            name: format!("g{half}"),
            n: i64::from(half),
            x: f64::from(half) + 0.5,
            b: half == 0,
            d: DateTime::from_timestamp(1_000_000 * i64::from(half), 0).expect("date"),
            u: Uuid::from_u128(u128::from(half)),
            tags: vec![format!("t{half}")],
            place: GeoCoordinates::new(1.0, f32::from(half)),
            vector: vec![1.0, f32::from(i)],
        };
        items.insert(&item).await.expect("insert");
    }
    let f = Item::FIELDS;
    let q = || items.query().near_vector(vec![1.0, 0.0]);
    let by_name = q().group_by(&f.name, 5, 5).fetch_groups().await.expect("text");
    assert!(two_pairs(&by_name), "text");
    let mut values: Vec<&str> = by_name.iter().map(|g| g.value.as_str()).collect();
    values.sort_unstable();
    assert_eq!(values, ["g0", "g1"]);
    assert!(two_pairs(&q().group_by(&f.n, 5, 5).fetch_groups().await.expect("int")), "int");
    assert!(two_pairs(&q().group_by(&f.x, 5, 5).fetch_groups().await.expect("number")), "number");
    assert!(two_pairs(&q().group_by(&f.b, 5, 5).fetch_groups().await.expect("boolean")), "boolean");
    assert!(two_pairs(&q().group_by(&f.d, 5, 5).fetch_groups().await.expect("date")), "date");
    assert!(two_pairs(&q().group_by(&f.u, 5, 5).fetch_groups().await.expect("uuid")), "uuid");
    assert!(two_pairs(&q().group_by(&f.tags, 5, 5).fetch_groups().await.expect("text[]")), "text[]");
    assert!(two_pairs(&q().group_by(&f.place, 5, 5).fetch_groups().await.expect("geo")), "geo");
}

/// Group values come back as stored, whatever characters they hold: a
/// vector search's groups are named by the stored JSON text (`R\u0026D`),
/// hybrid and keyword searches' by the value itself.
#[tokio::test]
async fn group_values_keep_every_character() {
    let client = client().await.expect("client");
    let items = fresh::<Item>(&client).await;
    let names = [r#"R&D <lab> "north""#, r"back\table", "ünïcödé ✓"];
    for (i, name) in names.iter().enumerate() {
        let item = Item {
            name: (*name).to_owned(),
            n: i as i64,
            x: 0.5,
            b: true,
            d: DateTime::from_timestamp(0, 0).expect("date"),
            u: Uuid::from_u128(i as u128),
            tags: vec![(*name).to_owned()],
            place: GeoCoordinates::new(1.0, 1.0),
            vector: vec![1.0, i as f32],
        };
        items.insert(&item).await.expect("insert");
    }
    let f = Item::FIELDS;
    let sorted = |groups: Vec<weaviate_orm::query::Group<Item>>| {
        let mut values: Vec<String> = groups.into_iter().map(|g| g.value).collect();
        values.sort_unstable();
        values
    };
    let mut expected: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
    expected.sort_unstable();
    let near = items.query().near_vector(vec![1.0, 0.0]).group_by(&f.name, 5, 5);
    assert_eq!(sorted(near.fetch_groups().await.expect("near_vector")), expected, "near_vector, text");
    let tags = items.query().near_vector(vec![1.0, 0.0]).group_by(&f.tags, 5, 5);
    assert_eq!(sorted(tags.fetch_groups().await.expect("near_vector")), expected, "near_vector, text[]");
    let hybrid = weaviate_orm::query::Hybrid::new("lab").alpha(0.5).vector(vec![1.0, 0.0]);
    let mixed = items.query().hybrid(hybrid).group_by(&f.name, 5, 5);
    assert_eq!(sorted(mixed.fetch_groups().await.expect("hybrid")), expected, "hybrid");
    // Keywords: `back\table` keeps its backslash (read as JSON, `\t` would become a tab).
    let keywords = items.query().bm25(weaviate_orm::query::Bm25::new("back table lab ünïcödé")).group_by(&f.name, 5, 5);
    assert_eq!(sorted(keywords.fetch_groups().await.expect("bm25")), expected, "bm25");
}
