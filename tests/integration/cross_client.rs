//! Cross-client checks with the official Python client on the same server:
//! objects of every data type written by one client and read by the other
//! with equal values, both ways, and a derived collection's settings as the
//! Python client's config API reads them.

use std::collections::BTreeMap;

use base64::Engine;
use chrono::{DateTime, TimeZone, Utc};
use serde_json::{Value, json};
use uuid::Uuid;
use weaviate_orm::value::{Blob, GeoCoordinates, PhoneNumber, PropertyValue};
use weaviate_orm::{Collection, Ref, WeaviateCollection, WeaviateObject};
use weaviate_orm_tests::{client, fresh, python, shared_server};

#[derive(WeaviateObject, Debug, Clone, PartialEq)]
struct Leg {
    name: String,
    departs: DateTime<Utc>,
    platforms: Vec<i64>,
    fares: Vec<f64>,
    code: Uuid,
    open: bool,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_CrossStation")]
struct Station {
    name: String,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_CrossTrip")]
struct Trip {
    #[weaviate(id)]
    id: Uuid,
    text: String,
    texts: Vec<String>,
    int: i64,
    ints: Vec<i64>,
    number: f64,
    numbers: Vec<f64>,
    boolean: bool,
    booleans: Vec<bool>,
    date: DateTime<Utc>,
    dates: Vec<DateTime<Utc>>,
    uuid: Uuid,
    uuids: Vec<Uuid>,
    geo: GeoCoordinates,
    phone: PhoneNumber,
    blob: Blob,
    first_leg: Leg,
    legs: Vec<Leg>,
    note: Option<String>,
    nothing: Vec<i64>,
    stations: Ref<Station>,
}

fn at(micros: i64) -> DateTime<Utc> {
    Utc.timestamp_micros(micros).single().expect("valid time")
}

fn leg(name: &str, seed: i64) -> Leg {
    Leg {
        name: name.into(),
        departs: at(1_700_000_000_123_456 + seed),
        platforms: vec![seed, seed + 1],
        fares: vec![2.5, 1e-7 * seed as f64],
        code: Uuid::from_u128(seed as u128),
        open: seed % 2 == 0,
    }
}

fn trip(id: u128, text: &str, stations: &[Uuid], seed: i64) -> Trip {
    Trip {
        id: Uuid::from_u128(id),
        text: text.into(),
        texts: vec!["a".into(), String::new(), "ü 世界".into()],
        int: (1 << 53) - seed,
        ints: vec![-(1 << 53), 0, seed],
        number: std::f64::consts::PI * seed as f64,
        numbers: vec![-0.5, 1e-300, 1.7976931348623157e308],
        boolean: seed % 2 == 1,
        booleans: vec![true, false],
        date: at(951_782_399_999_999 + seed),
        dates: vec![at(0), at(-14_182_940_500_000)],
        uuid: Uuid::from_u128(u128::MAX - seed as u128),
        uuids: vec![Uuid::nil(), Uuid::from_u128(42)],
        geo: GeoCoordinates::new(52.366_67, 4.9),
        phone: PhoneNumber::new("020 1234567", Some("NL")),
        blob: Blob(vec![0, 1, 2, 254, 255, seed as u8]),
        first_leg: leg("first", seed),
        legs: vec![leg("one", seed + 1), leg("two", seed + 2)],
        note: None,
        nothing: Vec::new(),
        stations: Ref::to_many(stations.iter().copied()),
    }
}

/// The canonical JSON of a value, as `tests/python/cross_client.py` writes it.
fn canonical(value: &PropertyValue) -> Option<Value> {
    let date = |d: &DateTime<Utc>| json!({ "$date": d.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string() });
    let uuid = |u: &Uuid| json!({ "$uuid": u.to_string() });
    let fields = |fields: &[(String, PropertyValue)]| -> Value {
        Value::Object(fields.iter().filter_map(|(k, v)| Some((k.clone(), canonical(v)?))).collect())
    };
    Some(match value {
        PropertyValue::Null => return None,
        PropertyValue::Text(s) => json!(s),
        PropertyValue::Int(n) => json!(n),
        PropertyValue::Number(n) => json!(n),
        PropertyValue::Bool(b) => json!(b),
        PropertyValue::Date(d) => date(d),
        PropertyValue::Uuid(u) => uuid(u),
        PropertyValue::Geo(g) => json!({ "$geo": [f64::from(g.latitude), f64::from(g.longitude)] }),
        PropertyValue::Phone(p) => json!({ "$phone": [p.input, p.default_country] }),
        PropertyValue::Blob(b) => json!({ "$blob": base64::engine::general_purpose::STANDARD.encode(&b.0) }),
        PropertyValue::TextArray(v) => json!(v),
        PropertyValue::IntArray(v) => json!(v),
        PropertyValue::NumberArray(v) => json!(v),
        PropertyValue::BoolArray(v) => json!(v),
        PropertyValue::DateArray(v) => Value::Array(v.iter().map(date).collect()),
        PropertyValue::UuidArray(v) => Value::Array(v.iter().map(uuid).collect()),
        PropertyValue::Object(f) => fields(f),
        PropertyValue::ObjectArray(items) => Value::Array(items.iter().map(|f| fields(f)).collect()),
        PropertyValue::Reference { beacons, .. } => {
            let mut ids: Vec<String> = beacons.iter().map(|b| b.id.to_string()).collect();
            ids.sort();
            json!({ "$refs": ids })
        }
        other => panic!("no canonical form for {other:?}"),
    })
}

fn canonical_object(trip: &Trip) -> Value {
    let properties: BTreeMap<String, Value> =
        trip.to_properties().iter().filter_map(|(k, v)| Some(((*k).to_owned(), canonical(v)?))).collect();
    json!({ "id": trip.id.to_string(), "properties": properties })
}

async fn python(command: &str, collection: &str, input: String) -> String {
    let server = shared_server().await;
    let args = [server.http_port().to_string(), server.grpc_port().to_string(), command.into(), collection.into()];
    let run = tokio::task::spawn_blocking(move || python::run_script("cross_client.py", &args, &input));
    run.await.expect("python task").unwrap_or_else(|error| panic!("{error}"))
}

async fn stations(client: &weaviate_orm::WeaviateClient) -> Vec<Uuid> {
    client.migrate::<Station>().await.expect("stations");
    let stations = client.collection::<Station>();
    let mut ids = Vec::new();
    for name in ["Centraal", "Zuid"] {
        ids.push(stations.insert(&Station { name: name.into() }).await.expect("station"));
    }
    ids
}

#[tokio::test]
async fn every_data_type_reads_the_same_in_both_clients() {
    let client = client().await.expect("connect");
    let stations = stations(&client).await;
    let trips: Collection<Trip> = fresh(&client).await;

    // Written by us, read by Python.
    let ours = trip(1, "written in Rust", &stations, 3);
    trips.insert(&ours).await.expect("insert");
    let read = python("read", trips.name(), String::new()).await;
    let read: Vec<Value> = read.lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    assert_eq!(read, [canonical_object(&ours)]);

    // Written by Python, read by us.
    let theirs = trip(2, "written in Python", &stations[..1], 4);
    python("write", trips.name(), canonical_object(&theirs).to_string()).await;
    let back = trips.fetch_by_id(theirs.id).await.expect("read").expect("stored by Python");
    assert_eq!(canonical_object(&back.properties), canonical_object(&theirs));
    let without_phone = |t: &Trip| Trip { phone: PhoneNumber::new("", None), ..t.clone() };
    assert_eq!(without_phone(&back.properties), without_phone(&theirs), "typed values equal too");
    assert_eq!(back.properties.phone.input, theirs.phone.input);
}

#[derive(WeaviateCollection)]
#[weaviate(
    name = "Test_CrossSettings",
    vector_index(kind = "hnsw", distance = "dot", ef = 77, ef_construction = 96, max_connections = 24),
    inverted_index(bm25_b = 0.7, bm25_k1 = 1.1, index_timestamps),
    generative = "generative-dummy",
    reranker = "reranker-dummy"
)]
/// Settings as Python sees them.
struct Configured {
    /// The headline.
    #[weaviate(tokenization = "field", index_searchable = false)]
    title: String,
    #[weaviate(index_range_filters = true)]
    words: i64,
    tags: Vec<String>,
    station: Ref<Station>,
}

#[tokio::test]
async fn derived_settings_read_the_same_in_the_python_client() {
    let client = client().await.expect("connect");
    client.migrate::<Station>().await.expect("stations");
    let configured: Collection<Configured> = fresh(&client).await;
    let seen: Value = serde_json::from_str(&python("config", configured.name(), String::new()).await).expect("JSON");

    let property = |name: &str| seen["properties"].as_array().and_then(|ps| ps.iter().find(|p| p["name"] == name));
    assert_eq!(seen["description"], "Settings as Python sees them.");
    assert_eq!(
        (
            &seen["vector_index_type"],
            &seen["distance"],
            &seen["ef"],
            &seen["ef_construction"],
            &seen["max_connections"]
        ),
        (&json!("hnsw"), &json!("dot"), &json!(77), &json!(96), &json!(24))
    );
    assert_eq!(seen["bm25"], json!([0.7, 1.1]));
    assert_eq!(seen["index_timestamps"], true);
    assert_eq!((&seen["generative"], &seen["reranker"]), (&json!("generative-dummy"), &json!("reranker-dummy")));
    assert_eq!(seen["multi_tenancy"], false);
    let title = property("title").expect("title");
    assert_eq!(
        (&title["data_type"], &title["tokenization"], &title["index_searchable"], &title["description"]),
        (&json!("text"), &json!("field"), &json!(false), &json!("The headline."))
    );
    let words = property("words").expect("words");
    assert_eq!((&words["data_type"], &words["index_range_filters"]), (&json!("int"), &json!(true)));
    assert_eq!(property("tags").expect("tags")["data_type"], "text[]");
    assert_eq!(seen["references"], json!([{ "name": "station", "targets": ["Test_CrossStation"] }]));
}
