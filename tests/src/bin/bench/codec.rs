//! The codec micro-benchmark: the client's own decoding of a `Search`
//! reply into typed objects, and its encoding of typed objects into the
//! bytes a batch sends, each against bare prost on the same bytes. No
//! server: the reply is the one the server sends for the client-bound
//! workload's objects (ten scalar properties each), built here.
//!
//! ```text
//! cargo run --release -p weaviate-orm-tests --bin bench -- --workload codec
//! ```
//!
//! Bare prost decodes the reply into its generic form (each object's
//! properties a `HashMap<String, Value>`), which is where a client without
//! typed decoding starts; it encodes a `BatchObject` message built
//! beforehand, where the client starts from the user's struct.

use std::path::PathBuf;
use std::time::Instant;

use prost::Message;
use serde_json::json;
use uuid::Uuid;
use weaviate_orm::value::PropertyValue;
use weaviate_orm::{__private, WeaviateCollection};
use weaviate_orm_proto::v1 as pb;

use super::Failure;
use super::scalar::{self, Record};

/// Objects in the reply (the search page of a large `limit`).
const OBJECTS: usize = 1000;
/// Timed samples of each measurement; the table has their median.
const SAMPLES: usize = 7;

/// `SearchReply` as bare prost decodes it: the properties in a map.
#[derive(Clone, PartialEq, prost::Message)]
struct GenericReply {
    #[prost(float, tag = "1")]
    took: f32,
    #[prost(message, repeated, tag = "2")]
    results: Vec<GenericResult>,
}

/// `SearchResult`, generic.
#[derive(Clone, PartialEq, prost::Message)]
struct GenericResult {
    #[prost(message, optional, tag = "1")]
    properties: Option<GenericProperties>,
    #[prost(message, optional, tag = "2")]
    metadata: Option<pb::MetadataResult>,
}

/// `PropertiesResult`, generic.
#[derive(Clone, PartialEq, prost::Message)]
struct GenericProperties {
    #[prost(string, tag = "3")]
    target_collection: String,
    #[prost(message, optional, tag = "11")]
    non_ref_props: Option<pb::Properties>,
}

/// Runs the micro-benchmark and prints its table.
pub(crate) fn run() -> Result<(), Failure> {
    let records: Vec<Record> = scalar::records().into_iter().take(OBJECTS).collect();
    let reply =
        GenericReply { took: 0.5, results: records.iter().map(result_of).collect::<Result<_, _>>()? }.encode_to_vec();
    // The client decodes from tonic's buffer, whose slices are shared, not copied.
    let shared = prost::bytes::Bytes::from(reply.clone());

    // Both sides read every object, and ours the same values.
    let ours = __private::decode_search_reply::<Record>(shared.clone())?;
    let generic = GenericReply::decode(reply.as_slice())?;
    if ours.len() != OBJECTS || generic.results.len() != OBJECTS {
        return Err(format!("decoded {} and {} of {OBJECTS} objects", ours.len(), generic.results.len()).into());
    }
    for (decoded, record) in ours.iter().zip(&records) {
        if decoded.to_properties() != record.to_properties() {
            return Err(format!("decoding changed a record: {decoded:?}").into());
        }
    }
    let decode_ours = per_object("ours: decode", || {
        __private::decode_search_reply::<Record>(shared.clone()).map(|objects| objects.len())
    })?;
    let decode_prost = per_object("prost: decode", || GenericReply::decode(reply.as_slice()).map(|r| r.results.len()))?;

    // Ours from the struct; prost from the message ours decodes to, which
    // must be what ours encoded.
    let ids: Vec<Uuid> = records.iter().map(|r| r.object_id().unwrap_or_default()).collect();
    let encoded: Vec<Vec<u8>> = records
        .iter()
        .zip(&ids)
        .map(|(r, id)| __private::encode_batch_object(r, *id).map(|bytes| bytes.as_ref().to_vec()))
        .collect::<Result<_, _>>()?;
    let messages: Vec<pb::BatchObject> =
        encoded.iter().map(|bytes| pb::BatchObject::decode(bytes.as_slice())).collect::<Result<_, _>>()?;
    let same_bytes = messages.iter().zip(&encoded).all(|(m, bytes)| m.encode_to_vec() == *bytes);
    let encode_ours = per_object("ours: encode", || {
        records.iter().zip(&ids).try_fold(0, |n, (r, id)| {
            __private::encode_batch_object(r, *id).map(|bytes| n + usize::from(!bytes.as_ref().is_empty()))
        })
    })?;
    let encode_prost = per_object("prost: encode", || {
        Ok::<_, Failure>(messages.iter().filter(|m| !m.encode_to_vec().is_empty()).count())
    })?;

    let table = format!(
        "Codec micro-benchmark: {OBJECTS} objects of ten scalar properties (four texts, two ints, two numbers, a bool, \
         a date), median of {SAMPLES} samples of the thread's CPU time.\n\n\
         | per object | weaviate-orm | bare prost | ours vs prost |\n|---|---|---|---|\n\
         | decode a `Search` reply (into `Record` / into prost's generic messages) | {:.2} µs | {:.2} µs | {:.2}× |\n\
         | encode a batch object (from `Record` / from a built `BatchObject`) | {:.2} µs | {:.2} µs | {:.2}× |\n\n\
         Reply: {} bytes. {}\n",
        decode_ours * 1e6,
        decode_prost * 1e6,
        decode_prost / decode_ours,
        encode_ours * 1e6,
        encode_prost * 1e6,
        encode_prost / encode_ours,
        reply.len(),
        if same_bytes {
            "Our encoding of each object is byte for byte prost's."
        } else {
            "Our encoding of each object holds the same message as prost's, its fields in another order."
        },
    );
    println!("{table}");
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench");
    std::fs::create_dir_all(&folder)?;
    std::fs::write(folder.join("codec.md"), &table)?;
    let figures = json!({
        "objects": OBJECTS,
        "reply_bytes": reply.len(),
        "seconds_per_object": {
            "decode": { "ours": decode_ours, "prost": decode_prost },
            "encode": { "ours": encode_ours, "prost": encode_prost },
        },
        "same_bytes": same_bytes,
    });
    std::fs::write(folder.join("codec.json"), serde_json::to_string_pretty(&figures)?)?;
    Ok(())
}

/// One search result as the server sends it: the id and the properties.
fn result_of(record: &Record) -> Result<GenericResult, Failure> {
    use pb::value::Kind;
    let mut fields = std::collections::HashMap::new();
    for (name, value) in record.to_properties() {
        let kind = match value {
            PropertyValue::Text(text) => Kind::TextValue(text),
            PropertyValue::Int(int) => Kind::IntValue(int),
            PropertyValue::Number(number) => Kind::NumberValue(number),
            PropertyValue::Bool(flag) => Kind::BoolValue(flag),
            PropertyValue::Date(date) => Kind::DateValue(date.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)),
            other => return Err(format!("no wire form here for {other:?}").into()),
        };
        fields.insert(name.to_owned(), pb::Value { kind: Some(kind) });
    }
    let id = record.object_id().unwrap_or_default().to_string();
    Ok(GenericResult {
        properties: Some(GenericProperties {
            target_collection: Record::NAME.to_owned(),
            non_ref_props: Some(pb::Properties { fields }),
        }),
        metadata: Some(pb::MetadataResult { id, ..Default::default() }),
    })
}

/// The seconds per object of `work` (which handles `OBJECTS` objects and
/// says how many it handled): the median of `SAMPLES` timed samples, each
/// repeating `work` for at least 0.2 s. Not run (NaN) when `--only` leaves
/// `label` out, to profile one.
fn per_object<E: Into<Failure>>(label: &str, mut work: impl FnMut() -> Result<usize, E>) -> Result<f64, Failure> {
    if super::ONLY.get().cloned().flatten().is_some_and(|only| !label.contains(&only)) {
        return Ok(f64::NAN);
    }
    let mut samples = Vec::with_capacity(SAMPLES);
    for _ in 0..SAMPLES {
        let (started, cpu, mut objects) = (Instant::now(), thread_cpu_seconds(), 0usize);
        while started.elapsed().as_secs_f64() < 0.2 {
            objects += std::hint::black_box(work().map_err(Into::into)?);
        }
        samples.push((thread_cpu_seconds() - cpu) / objects.max(1) as f64);
    }
    samples.sort_by(f64::total_cmp);
    Ok(samples[SAMPLES / 2])
}

/// The CPU time this thread has used: unlike the wall clock, it leaves out
/// the time the machine gave to others.
fn thread_cpu_seconds() -> f64 {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `now` is a valid timespec for the call to fill in.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    now.tv_sec as f64 + now.tv_nsec as f64 * 1e-9
}
