//! The client-bound workload: 100,000 objects of ten scalar properties and
//! no vector, where the server's indexing is cheap and the client's own
//! work (encoding, matching results) shows. Its ceiling is the best of
//! several pre-encoded replays (request sizes × requests in flight): no one
//! replay configuration bounds every client.
//!
//! ```text
//! cargo run --release -p weaviate-orm-tests --bin bench -- --workload scalar [--rounds 3]
//! ```

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use uuid::Uuid;
use weaviate_orm::{Collection, WeaviateClient, WeaviateCollection};
use weaviate_orm_proto::v1 as pb;

use super::Failure;

/// The collection of this workload.
pub(crate) const COLLECTION: &str = "BenchRecord";
/// How many objects one import writes.
pub(crate) const OBJECTS: usize = 100_000;
/// The replays whose best is the ceiling: (objects per request, requests in flight).
pub(crate) const REPLAYS: [(usize, usize); 4] = [(200, 8), (1000, 2), (1000, 4), (2000, 4)];

/// One object: ten scalar properties, as a log or catalogue row has.
#[derive(WeaviateCollection, Debug, Clone)]
#[weaviate(name = "BenchRecord")]
pub(crate) struct Record {
    #[weaviate(id)]
    id: Uuid,
    title: String,
    body: String,
    tag: String,
    code: String,
    count: i64,
    rank: i64,
    score: f64,
    ratio: f64,
    active: bool,
    created: DateTime<Utc>,
}

/// The `OBJECTS` records, the same on every call (and in the Python worker).
pub(crate) fn records() -> Vec<Record> {
    (0..OBJECTS)
        .map(|i| Record {
            id: Uuid::new_v5(&Uuid::NAMESPACE_OID, format!("record-{i}").as_bytes()),
            title: format!("Record number {i}"),
            body: format!("The body of record {i}, a sentence of ordinary length with a few words in it."),
            tag: format!("tag-{}", i % 97),
            code: format!("C{:06}", i * 7 % 1_000_000),
            count: i as i64,
            rank: (i % 1000) as i64,
            score: i as f64 * 0.5,
            ratio: (i % 100) as f64 / 100.0,
            active: i % 3 == 0,
            created: DateTime::from_timestamp(1_600_000_000 + i as i64 * 60, 0).unwrap_or_default(),
        })
        .collect()
}

/// The import in `mode`: `default` (nothing configured: dynamic batching),
/// `stream` or `fixed` (1000 × 4).
pub(crate) async fn import(records: Collection<Record>, data: Vec<Record>, mode: &str) -> Result<Value, Failure> {
    let builder = match mode {
        "default" => records.batch(),
        "stream" => records.batch().stream(),
        "fixed" => records.batch().size(1000).concurrency(4),
        other => return Err(format!("unknown import mode {other}").into()),
    };
    let batch = builder.start();
    for record in data {
        batch.add(record).await?;
    }
    let report = batch.finish().await?;
    Ok(json!({ "objects": report.confirmed, "failed": report.failed.len() }))
}

/// The import replayed as requests encoded beforehand, `size` objects
/// each, `concurrency` in flight.
pub(crate) async fn ceiling(grpc: &str, data: &[Record], size: usize, concurrency: usize) -> Result<Value, Failure> {
    let requests: Vec<pb::BatchObjectsRequest> = data
        .chunks(size)
        .map(|chunk| pb::BatchObjectsRequest { objects: chunk.iter().map(prebuilt).collect(), consistency_level: None })
        .collect();
    super::replay(grpc, requests, concurrency).await
}

fn prebuilt(record: &Record) -> pb::BatchObject {
    use prost_types::value::Kind;
    let value = |kind| prost_types::Value { kind: Some(kind) };
    let fields = BTreeMap::from([
        ("title".to_owned(), value(Kind::StringValue(record.title.clone()))),
        ("body".to_owned(), value(Kind::StringValue(record.body.clone()))),
        ("tag".to_owned(), value(Kind::StringValue(record.tag.clone()))),
        ("code".to_owned(), value(Kind::StringValue(record.code.clone()))),
        ("count".to_owned(), value(Kind::NumberValue(record.count as f64))),
        ("rank".to_owned(), value(Kind::NumberValue(record.rank as f64))),
        ("score".to_owned(), value(Kind::NumberValue(record.score))),
        ("ratio".to_owned(), value(Kind::NumberValue(record.ratio))),
        ("active".to_owned(), value(Kind::BoolValue(record.active))),
        ("created".to_owned(), value(Kind::StringValue(record.created.to_rfc3339()))),
    ]);
    pb::BatchObject {
        uuid: record.id.to_string(),
        collection: COLLECTION.into(),
        properties: Some(pb::batch_object::Properties {
            non_ref_properties: Some(prost_types::Struct { fields }),
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// Drops and recreates the collection.
pub(crate) async fn recreate(client: &WeaviateClient) -> Result<(), Failure> {
    let collections = client.collections();
    if collections.exists(COLLECTION).await? {
        collections.delete(COLLECTION).await?;
    }
    collections.create::<Record>().await?;
    Ok(())
}

/// The label of the replay of `size` objects per request, `concurrency` in flight.
pub(crate) fn replay_label(size: &str, concurrency: &str) -> &'static str {
    // Labels are static in the run table; there are only a few replays.
    Box::leak(format!("replay {size} × {concurrency}").into_boxed_str())
}

/// Every run's figures, for the JSON file.
pub(crate) fn runs_json(results: &super::Results) -> Value {
    let runs: BTreeMap<String, &Vec<Value>> =
        results.iter().map(|((label, side), v)| (format!("{side}: {label}"), v)).collect();
    json!({ "objects": OBJECTS, "runs": runs })
}

/// The table: each import's rate, its share of the ceiling (the best
/// replay) and its CPU time per object.
pub(crate) fn report(results: &super::Results, setting: &str) -> String {
    let median = |label: &str, side: &str, key: &str| {
        results.get(&(label.to_owned(), side.to_owned())).map_or(f64::NAN, |runs| super::median(runs, key))
    };
    let rate = |label: &str, side: &str| median(label, side, "objects") / median(label, side, "seconds");
    // A replay's time is its sending alone: the requests are built before.
    let replay_rate = |label: &str| median(label, "replay", "objects") / median(label, "replay", "send_seconds");
    let replays: Vec<(&String, f64)> =
        results.keys().filter(|(_, side)| side == "replay").map(|(label, _)| (label, replay_rate(label))).collect();
    let (best, ceiling) =
        replays.iter().fold((None, 0.0), |(b, c), (l, r)| if *r > c { (Some(*l), *r) } else { (b, c) });
    let mut rows = Vec::new();
    for (side, label) in [
        ("rust", "default (dynamic)"),
        ("rust", "stream"),
        ("rust", "fixed 1000 × 4"),
        ("python", "fixed 1000 × 4"),
        ("python", "dynamic"),
    ] {
        let r = rate(label, side);
        let cpu_us = median(label, side, "cpu_seconds") * 1e6 / OBJECTS as f64;
        let mib = (median(label, side, "peak_rss_kb") - median(label, side, "rss_before_kb")) / 1024.0;
        rows.push(format!(
            "| {side}: {label} | {r:.0} obj/s | {:.0}% | {cpu_us:.1} µs | {mib:.1} MiB |",
            100.0 * r / ceiling
        ));
    }
    let replayed: Vec<String> = replays.iter().map(|(l, r)| format!("{l}: {r:.0} obj/s")).collect();
    format!(
        "Client-bound workload: {OBJECTS} objects, ten scalar properties, no vectors; {setting}.\n\n\
         | import | rate | of the ceiling | client CPU per object | memory above the data |\n|---|---|---|---|---|\n{}\n\n\
         Ceiling: {ceiling:.0} objects/s ({}); all replays: {}.\n",
        rows.join("\n"),
        best.map_or("none", |b| b.as_str()),
        replayed.join(", ")
    )
}
