//! Objects with everything a derive can hold: nested objects at depth,
//! vectors (default, named, multi-vectors), multi-target references and
//! deterministic ids, written and read back exactly through the real server.

use chrono::{DateTime, Utc};
use uuid::Uuid;
use weaviate_orm::{Collection, Ref, WeaviateCollection, WeaviateObject};
use weaviate_orm_tests::{client, fresh};

async fn read_all<T: WeaviateCollection>(collection: &Collection<T>) -> Vec<(Uuid, T)> {
    let mut objects: Vec<(Uuid, T)> =
        collection.query().fetch().await.expect("fetch").into_iter().map(|o| (o.id, o.properties)).collect();
    objects.sort_by_key(|(id, _)| *id);
    objects
}

#[derive(WeaviateObject, Debug, Clone, PartialEq)]
struct Point {
    latitude: f64,
    seen: DateTime<Utc>,
    labels: Vec<String>,
}

/// An address, nested in a person.
#[derive(WeaviateObject, Debug, Clone, PartialEq)]
struct Address {
    street: String,
    number: i64,
    #[weaviate(rename = "zipCode")]
    zip: Option<String>,
    point: Point,
    history: Vec<Point>,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_People")]
struct Person {
    #[weaviate(id)]
    id: Uuid,
    name: String,
    home: Address,
    previous: Vec<Address>,
    office: Option<Address>,
}

fn point(latitude: f64) -> Point {
    Point {
        latitude,
        seen: DateTime::parse_from_rfc3339("2024-05-01T10:00:00.123456+02:00").expect("date").with_timezone(&Utc),
        labels: vec!["a".into(), "ü".into()],
    }
}

fn address(street: &str) -> Address {
    Address { street: street.into(), number: -3, zip: None, point: point(1.5), history: vec![point(2.0), point(-0.5)] }
}

#[tokio::test]
async fn nested_objects_round_trip_at_any_depth() {
    let client = client().await.expect("connect");
    let people = fresh::<Person>(&client).await;
    let ada = Person {
        id: Uuid::from_u128(1),
        name: "Ada".into(),
        home: Address { zip: Some("1011".into()), ..address("Main") },
        previous: vec![address("Old"), Address { history: vec![], ..address("Older") }],
        office: Some(address("Work")),
    };
    let bob =
        Person { id: Uuid::from_u128(2), name: "Bob".into(), home: address("Side"), previous: vec![], office: None };
    let report = people.insert_many(&[ada.clone(), bob.clone()]).await.expect("insert");
    assert_eq!(report.errors, vec![]);
    assert_eq!(read_all(&people).await, vec![(ada.id, ada), (bob.id, bob)]);

    let schema = client.collections().config_json(people.name()).await.expect("config");
    let home = schema["properties"].as_array().and_then(|ps| ps.iter().find(|p| p["name"] == "home")).cloned();
    let nested = home.unwrap_or_default()["nestedProperties"].clone();
    let names: Vec<&str> = nested.as_array().into_iter().flatten().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(names, vec!["street", "number", "zipCode", "point", "history"]);
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_Embedded", vector_index(distance = "dot"))]
struct Embedded {
    #[weaviate(id)]
    id: Uuid,
    title: String,
    #[weaviate(vector)]
    embedding: Vec<f32>,
}

#[tokio::test]
async fn the_default_vector_round_trips_exactly() {
    let client = client().await.expect("connect");
    let collection = fresh::<Embedded>(&client).await;
    let objects = vec![
        Embedded { id: Uuid::from_u128(1), title: "a".into(), embedding: vec![0.1, -2.5, f32::MIN_POSITIVE, 1e30] },
        Embedded { id: Uuid::from_u128(2), title: "b".into(), embedding: vec![1.0, 0.0, 0.0, 0.0] },
    ];
    let report = collection.insert_many(&objects).await.expect("insert");
    assert_eq!(report.errors, vec![]);
    let read: Vec<Embedded> = read_all(&collection).await.into_iter().map(|(_, o)| o).collect();
    assert_eq!(read, objects);

    // A vector of the wrong length is refused by the server for that object only.
    let wrong = Embedded { id: Uuid::from_u128(3), title: "c".into(), embedding: vec![1.0] };
    let report = collection.insert_many(&[wrong, Embedded { id: Uuid::from_u128(4), ..objects[1].clone() }]).await;
    let report = report.expect("insert");
    assert_eq!(report.errors.iter().map(|(i, _)| *i).collect::<Vec<_>>(), vec![0], "{:?}", report.errors);
    assert_eq!(read_all(&collection).await.len(), 3);
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(
    name = "Test_MultiVectors",
    named_vector(name = "title", vectorizer = "text2vec-bigram", source_properties = ["title"])
)]
struct Document {
    #[weaviate(id)]
    id: Uuid,
    title: String,
    #[weaviate(vector = "custom")]
    custom: Vec<f32>,
    #[weaviate(vector = "colbert")]
    colbert: Vec<Vec<f32>>,
    #[weaviate(vector = "optional")]
    optional: Option<Vec<f32>>,
}

#[tokio::test]
async fn named_and_multi_vectors_round_trip_exactly() {
    let client = client().await.expect("connect");
    let collection = fresh::<Document>(&client).await;
    let objects = vec![
        Document {
            id: Uuid::from_u128(1),
            title: "hello world".into(),
            custom: vec![0.25, -0.5, 3.0],
            colbert: vec![vec![1.0, 2.0], vec![3.0, 4.0], vec![-5.0, 0.125]],
            optional: Some(vec![9.0, 8.0]),
        },
        Document {
            id: Uuid::from_u128(2),
            title: "other words".into(),
            custom: vec![1.0, 1.0, 1.0],
            colbert: vec![vec![0.5, 0.5]],
            optional: None,
        },
    ];
    let report = collection.insert_many(&objects).await.expect("insert");
    assert_eq!(report.errors, vec![]);
    let read: Vec<Document> = read_all(&collection).await.into_iter().map(|(_, o)| o).collect();
    assert_eq!(read, objects);
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_RefPerson")]
struct Writer {
    #[weaviate(id)]
    id: Uuid,
    name: String,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_RefPublisher")]
struct Publisher {
    #[weaviate(id)]
    id: Uuid,
    name: String,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_RefWork")]
struct Work {
    #[weaviate(key)]
    isbn: String,
    title: String,
    credits: Ref<(Writer, Publisher)>,
    writers: Ref<Writer>,
}

#[tokio::test]
async fn multi_target_references_and_deterministic_ids() {
    let client = client().await.expect("connect");
    for name in [Writer::NAME, Publisher::NAME, Work::NAME] {
        client.collections().delete(name).await.expect("delete");
    }
    client.collections().create::<Writer>().await.expect("create");
    client.collections().create::<Publisher>().await.expect("create");
    client.collections().create::<Work>().await.expect("create");
    let (w1, w2, p1) = (Uuid::from_u128(11), Uuid::from_u128(12), Uuid::from_u128(21));
    let writers = [Writer { id: w1, name: "W1".into() }, Writer { id: w2, name: "W2".into() }];
    assert_eq!(client.collection::<Writer>().insert_many(&writers).await.expect("insert").errors, vec![]);
    let publishers = [Publisher { id: p1, name: "P1".into() }];
    assert_eq!(client.collection::<Publisher>().insert_many(&publishers).await.expect("insert").errors, vec![]);

    let work = Work {
        isbn: "978-3-16-148410-0".into(),
        title: "A Work".into(),
        credits: Ref::new().with::<Writer, _>(w1).with::<Publisher, _>(p1).with::<Writer, _>(w2),
        writers: Ref::to_many([w2, w1]),
    };
    let works = client.collection::<Work>();
    let first = works.insert_many(std::slice::from_ref(&work)).await.expect("insert");
    // The same key again, with a new title: the same object, replaced.
    let again = Work { title: "A Work, revised".into(), ..work.clone() };
    let second = works.insert_many(std::slice::from_ref(&again)).await.expect("insert");
    assert_eq!(first.ids, second.ids, "the id comes from the key");
    assert_eq!(
        first.ids[0],
        weaviate_orm::deterministic_id(
            Work::NAME,
            &[("isbn", weaviate_orm::value::PropertyValue::Text(work.isbn.clone()))]
        )
    );

    // A path through a multi-target reference names the target collection.
    let by_publisher = works.query().filter(Work::FIELDS.credits.path(Publisher::FIELDS.name).equal("P1"));
    assert_eq!(by_publisher.fetch().await.expect("filter").len(), 1);
    let by_writer = works.query().filter(Work::FIELDS.credits.path(Writer::FIELDS.name).equal("P1"));
    assert_eq!(by_writer.fetch().await.expect("filter").len(), 0);

    let stored = read_all(&works).await;
    assert_eq!(stored.len(), 1, "re-importing does not duplicate");
    let (_, read) = &stored[0];
    assert_eq!(read.title, "A Work, revised");
    assert_eq!(read.writers, again.writers);
    let mut credits: Vec<(String, Uuid)> =
        read.credits.beacons().iter().map(|b| (b.collection.clone(), b.id)).collect();
    credits.sort();
    assert_eq!(
        credits,
        vec![(Writer::NAME.to_owned(), w1), (Writer::NAME.to_owned(), w2), (Publisher::NAME.to_owned(), p1),]
    );
}
