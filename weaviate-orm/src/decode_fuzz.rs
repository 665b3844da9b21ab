//! Fuzzing every decoder of server data: valid replies (gRPC search,
//! aggregate and batch replies; REST JSON of schemas, tenants, nodes, meta)
//! mutated from a fixed seed (bit flips, truncation, byte insertion and
//! deletion, splices), each run through the same code that reads real
//! replies. The property is that none of them panics: what the client
//! cannot use becomes an error.
//!
//! CI runs `FUZZ_ITERATIONS` (default 20,000) inputs per decoder; the long
//! run is `FUZZ_ITERATIONS=1000000 cargo test -p weaviate-orm --release --lib decode_fuzz`.

use prost::Message;
use serde_json::json;
use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use crate::aggregate::Aggregation;
use crate::model::WeaviateCollection;
use crate::query::Field;
use crate::query::results::decode_hit;
use crate::reply::positions;
use crate::schema::CollectionConfig;
use crate::value::{GeoCoordinates, PropertyValue};
use crate::value::{PropertyBag, PropertyError};

/// A model with a property of most kinds, decoded by hand as the derive would.
#[derive(Debug)]
struct Sample;

impl WeaviateCollection for Sample {
    const NAME: &'static str = "Sample";
    const VECTOR_NAMES: &'static [&'static str] = &["", "body"];
    // Read at their positions, but for `tags` and `place`, read by name.
    const PROPERTY_NAMES: &'static [&'static str] =
        &["title", "words", "score", "tags", "published", "place", "related"];

    fn config() -> CollectionConfig {
        CollectionConfig::new("Sample")
    }

    fn object_id(&self) -> Option<Uuid> {
        None
    }

    fn to_properties(&self) -> Vec<(&'static str, PropertyValue)> {
        Vec::new()
    }

    fn from_properties(_id: Uuid, mut bag: PropertyBag) -> Result<Self, PropertyError> {
        use crate::value::PropertyType;
        bag.take_at(0, "title", Option::<String>::from_value)?;
        bag.take_at(1, "words", Option::<i64>::from_value)?;
        bag.take_at(2, "score", Option::<f64>::from_value)?;
        bag.take::<Option<Vec<String>>>("tags")?;
        bag.take_at(4, "published", Option::<chrono::DateTime<chrono::Utc>>::from_value)?;
        bag.take::<Option<GeoCoordinates>>("place")?;
        bag.take_at(6, "related", Option::<crate::Ref<Sample>>::from_value)?;
        bag.take_vector::<Option<Vec<f32>>>("")?;
        bag.take_vector::<Option<Vec<Vec<f32>>>>("body")?;
        Ok(Self)
    }
}

fn iterations() -> usize {
    std::env::var("FUZZ_ITERATIONS").ok().and_then(|n| n.parse().ok()).unwrap_or(20_000)
}

/// `seed` with a few random mutations.
fn mutate(rng: &mut fastrand::Rng, seed: &[u8], other: &[u8]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..=rng.usize(..4) {
        let at = rng.usize(..=bytes.len());
        match rng.u8(..6) {
            0 if !bytes.is_empty() => {
                let i = at.min(bytes.len() - 1);
                bytes[i] ^= 1 << rng.u8(..8);
            }
            1 => bytes.truncate(at),
            2 => bytes.insert(at, rng.u8(..)),
            3 if at < bytes.len() => {
                bytes.remove(at);
            }
            4 => {
                let from = rng.usize(..=other.len());
                let len = rng.usize(..=other.len() - from).min(64);
                bytes.splice(at..at, other[from..from + len].iter().copied());
            }
            _ if !bytes.is_empty() => {
                let i = at.min(bytes.len() - 1);
                bytes[i] = [0x00, 0x7f, 0x80, 0xff, b'"', b'{', b'['][rng.usize(..7)];
            }
            _ => {}
        }
    }
    bytes
}

/// Runs `decode` on `iterations()` mutations of the seeds.
fn fuzz(name: &str, seeds: &[Vec<u8>], decode: impl Fn(&[u8])) {
    let mut rng = fastrand::Rng::with_seed(0x5EED_0000 ^ name.len() as u64);
    for seed in seeds {
        decode(seed);
    }
    for _ in 0..iterations() {
        let seed = &seeds[rng.usize(..seeds.len())];
        let other = &seeds[rng.usize(..seeds.len())];
        decode(&mutate(&mut rng, seed, other));
    }
}

fn value(kind: pb::value::Kind) -> pb::Value {
    pb::Value { kind: Some(kind) }
}

fn sample_result(id: &str) -> pb::SearchResult {
    use pb::value::Kind;
    let fields = [
        ("title", value(Kind::TextValue("A title".into()))),
        ("words", value(Kind::IntValue(1200))),
        ("score", value(Kind::NumberValue(0.5))),
        ("published", value(Kind::DateValue("2024-05-06T07:08:09.123456Z".into()))),
        ("place", value(Kind::GeoValue(pb::GeoCoordinate { latitude: 52.3, longitude: 4.9 }))),
        (
            "tags",
            value(Kind::ListValue(pb::ListValue {
                kind: Some(pb::list_value::Kind::TextValues(pb::TextValues { values: vec!["a".into(), "b".into()] })),
            })),
        ),
    ];
    let properties = pb::Properties { fields: fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect() };
    let related = pb::PropertiesResult {
        target_collection: "Sample".into(),
        metadata: Some(pb::MetadataResult { id: Uuid::from_u128(7).to_string(), ..Default::default() }),
        ..Default::default()
    };
    pb::SearchResult {
        properties: Some(pb::PropertiesResult {
            non_ref_props: properties.encode_to_vec().into(),
            ref_props: vec![pb::RefPropertiesResult { properties: vec![related], prop_name: "related".into() }],
            target_collection: "Sample".into(),
            ..Default::default()
        }),
        metadata: Some(pb::MetadataResult {
            id: id.to_owned(),
            vector_bytes: [0.5f32, -1.0].iter().flat_map(|v| v.to_le_bytes()).collect(),
            vectors: vec![pb::Vectors {
                name: "body".into(),
                vector_bytes: vec![2, 0, 0, 0, 128, 63, 0, 0, 0, 64],
                r#type: pb::vectors::VectorType::MultiFp32.into(),
            }],
            distance: 0.25,
            distance_present: true,
            ..Default::default()
        }),
        ..Default::default()
    }
}

#[test]
fn search_replies_never_panic() {
    let reply = pb::SearchReply {
        results: vec![sample_result(&Uuid::from_u128(1).to_string()), sample_result("not a uuid")],
        group_by_results: vec![pb::GroupByResult {
            name: "g".into(),
            number_of_objects: 1,
            objects: vec![sample_result(&Uuid::from_u128(2).to_string())],
            ..Default::default()
        }],
        ..Default::default()
    };
    fuzz("search", &[reply.encode_to_vec()], |bytes| {
        let Ok(reply) = pb::SearchReply::decode(bytes) else { return };
        for result in reply.results {
            let _ = decode_hit::<Sample, Sample>("Sample", result);
        }
        for group in reply.group_by_results {
            let _ = crate::reply::count("Search", "count", Some(group.number_of_objects));
            for result in group.objects {
                let _ = decode_hit::<Sample, Sample>("Sample", result);
            }
        }
    });
}

#[test]
fn aggregate_replies_never_panic() {
    use pb::aggregate_reply::aggregations::Aggregation as Reply;
    use pb::aggregate_reply::aggregations::aggregation as reply;
    let integer = reply::Integer { count: Some(3), mean: Some(2.0), maximum: Some(4), ..Default::default() };
    let text = reply::Text {
        count: Some(3),
        top_occurences: Some(reply::text::TopOccurrences {
            items: vec![reply::text::top_occurrences::TopOccurrence { value: "a".into(), occurs: 2 }],
        }),
        ..Default::default()
    };
    let aggregations = pb::aggregate_reply::Aggregations {
        aggregations: vec![
            Reply { property: "words".into(), aggregation: Some(reply::Aggregation::Int(integer)) },
            Reply { property: "title".into(), aggregation: Some(reply::Aggregation::Text(text)) },
        ],
    };
    let single = pb::AggregateReply {
        result: Some(pb::aggregate_reply::Result::SingleResult(pb::aggregate_reply::Single {
            objects_count: Some(3),
            aggregations: Some(aggregations),
        })),
        ..Default::default()
    };
    let words: Field<Sample, i64> = Field::new("words");
    let title: Field<Sample, String> = Field::new("title");
    fuzz("aggregate", &[single.encode_to_vec()], |bytes| {
        let Ok(reply) = pb::AggregateReply::decode(bytes) else { return };
        if let Some(pb::aggregate_reply::Result::SingleResult(single)) = reply.result {
            let _ = crate::reply::count("Aggregate", "count", single.objects_count);
            if let Ok(aggregation) = Aggregation::<Sample>::from_proto(single.objects_count, single.aggregations) {
                let _ = (aggregation.get(&words), aggregation.get(&title));
            }
        }
    });
}

#[test]
fn batch_replies_never_panic() {
    let objects =
        pb::BatchObjectsReply { errors: vec![pb::BatchError { index: 1, error: "bad vector".into() }], took: 0.1 };
    let delete = pb::BatchDeleteReply {
        matches: 2,
        successful: 1,
        failed: 1,
        objects: vec![pb::BatchDeleteObject { uuid: vec![0; 16], successful: false, error: Some("x".into()) }],
        took: 0.1,
        ..Default::default()
    };
    fuzz("batch", &[objects.encode_to_vec(), delete.encode_to_vec()], |bytes| {
        if let Ok(reply) = pb::BatchObjectsReply::decode(bytes) {
            let _ = positions("BatchObjects", 3, reply.errors);
        }
        if let Ok(reply) = pb::BatchDeleteReply::decode(bytes) {
            for object in reply.objects {
                let _ = crate::reply::uuid_bytes("BatchDelete", &object.uuid);
            }
            let _ = crate::reply::count("BatchDelete", "matches", Some(reply.matches));
        }
    });
}

#[test]
fn rest_json_never_panics() {
    let schema = json!({
        "class": "Article",
        "description": "Articles",
        "properties": [
            {"name": "title", "dataType": ["text"], "tokenization": "word", "indexFilterable": true},
            {"name": "meta", "dataType": ["object"], "nestedProperties": [{"name": "a", "dataType": ["int"]}]},
            {"name": "author", "dataType": ["Author"]}
        ],
        "vectorConfig": {"body": {"vectorizer": {"none": {}}, "vectorIndexType": "hnsw",
                                   "vectorIndexConfig": {"distance": "cosine", "ef": -1}}},
        "invertedIndexConfig": {"bm25": {"k1": 1.2, "b": 0.75}, "stopwords": {"preset": "en"}},
        "multiTenancyConfig": {"enabled": false},
        "replicationConfig": {"factor": 1, "deletionStrategy": "NoAutomatedResolution"},
        "shardingConfig": {"desiredCount": 1, "virtualPerPhysical": 128}
    });
    let tenants = json!([{"name": "acme", "activityStatus": "HOT"}, {"name": "b", "activityStatus": "ACTIVE"}]);
    let meta = json!({"hostname": "http://[::]:8080", "version": "1.39.3", "modules": {}, "grpcMaxMessageSize": 1});
    let seeds = [schema, tenants, meta].map(|v| serde_json::to_vec(&v).unwrap_or_default());
    fuzz("json", &seeds, |bytes| {
        let Ok(json) = serde_json::from_slice::<serde_json::Value>(bytes) else { return };
        let _ = CollectionConfig::from_json(&json);
        let _ = serde_json::from_value::<Vec<crate::tenants::Tenant>>(json.clone());
        if let Ok(meta) = serde_json::from_value::<crate::ServerMeta>(json) {
            let _ = meta.check_supported();
        }
    });
}
