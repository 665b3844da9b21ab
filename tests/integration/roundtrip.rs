//! Every collection setting survives the typed config: the official Python
//! client creates one collection per group of settings, each setting away
//! from its default (`tests/python/roundtrip.py`); each is read here into a
//! [`CollectionConfig`], created again from it as `<name>Copy`, and the two
//! collections' schema JSON must be the same, key by key. The typed read
//! must see the settings it has fields for.
//!
//! What the shared server does not take (a dynamic index, the GSE and
//! Kagome tokenizers, object TTL) is checked on a server of this test's own.

use std::collections::BTreeSet;
use std::fmt::Debug;

use serde_json::Value;
use weaviate_orm::WeaviateClient;
use weaviate_orm::embedded::{EmbeddedOptions, EmbeddedServer};
use weaviate_orm::schema::{
    CollectionConfig, DataType, DeletionStrategy, Distance, FilterStrategy, NamedVectorConfig, PropertyConfig,
    Tokenization, VectorIndexKind,
};
use weaviate_orm_tests::{python, shared_server};

/// Runs `roundtrip.py` in `mode` against `server`; the collections it made.
async fn create_in_python(server: &EmbeddedServer, mode: &str) -> Vec<String> {
    let args = [server.http_port().to_string(), server.grpc_port().to_string(), mode.to_owned()];
    let run = tokio::task::spawn_blocking(move || python::run_script("roundtrip.py", &args, ""));
    let out = run.await.expect("python task").unwrap_or_else(|error| panic!("{error}"));
    serde_json::from_str(out.trim()).unwrap_or_else(|error| panic!("roundtrip.py printed {out:?}: {error}"))
}

/// A server that takes what the shared one does not.
async fn extra_server() -> EmbeddedServer {
    let mut options =
        EmbeddedOptions::default().env("ASYNC_INDEXING", "true").env("OBJECTS_TTL_DELETE_SCHEDULE", "0 * * * *");
    for tokenizer in ["GSE", "GSE_CH", "KAGOME_JA", "KAGOME_KR"] {
        options = options.env(format!("ENABLE_TOKENIZER_{tokenizer}"), "true");
    }
    EmbeddedServer::start(options).await.unwrap_or_else(|error| panic!("the extra server did not start: {error}"))
}

/// Reads `name` typed, checks what the typed fields hold, creates
/// `<name>Copy` from it and compares the two collections' JSON.
async fn round_trip(client: &WeaviateClient, name: &str, differences: &mut Vec<String>, misread: &mut Vec<String>) {
    let collections = client.collections();
    let mut config = match collections.config(name).await {
        Ok(config) => config,
        Err(error) => return differences.push(format!("{name}: the typed read failed: {error}")),
    };
    misread.extend(spot_checks(&config).into_iter().map(|m| format!("{name}: {m}")));
    let copy = format!("{name}Copy");
    config.name.clone_from(&copy);
    collections.delete(&copy).await.expect("delete an old copy");
    if let Err(error) = collections.create_from_config(&config).await {
        return differences.push(format!("{name}: the server refused the recreated collection: {error}"));
    }
    let (original, recreated) = (schema(client, name).await, schema(client, &copy).await);
    diff(name, &original, &recreated, differences);
}

/// The server's JSON of `name`, without the name.
async fn schema(client: &WeaviateClient, name: &str) -> Value {
    let mut json = client.collections().config_json(name).await.expect("config_json");
    json.as_object_mut().and_then(|o| o.remove("class"));
    json
}

/// Where `a` (the original) and `b` (the copy) differ, as JSON paths with
/// both values. Arrays of named objects (properties) pair up by name.
fn diff(path: &str, a: &Value, b: &Value, out: &mut Vec<String>) {
    let show = |v: Option<&Value>| v.map_or_else(|| "(absent)".to_owned(), Value::to_string);
    match (a, b) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for key in keys {
                let here = format!("{path}.{key}");
                match (a.get(key), b.get(key)) {
                    (Some(x), Some(y)) => diff(&here, x, y, out),
                    (x, y) => out.push(format!("{here}: original {}, copy {}", show(x), show(y))),
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if named(a) && named(b) => {
            let names = |items: &[Value]| -> Vec<String> {
                items.iter().filter_map(|i| i["name"].as_str()).map(str::to_owned).collect()
            };
            let (names_a, names_b) = (names(a), names(b));
            if names_a != names_b {
                out.push(format!("{path}: original names {names_a:?}, copy names {names_b:?}"));
            }
            for name in names_a.iter().filter(|n| names_b.contains(n)) {
                let find = |items: &[Value]| items.iter().find(|i| i["name"] == name.as_str()).cloned();
                diff(&format!("{path}[{name}]"), &find(a).unwrap_or_default(), &find(b).unwrap_or_default(), out);
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                diff(&format!("{path}[{i}]"), x, y, out);
            }
        }
        _ if a == b => {}
        _ => out.push(format!("{path}: original {}, copy {}", show(Some(a)), show(Some(b)))),
    }
}

fn named(items: &[Value]) -> bool {
    !items.is_empty() && items.iter().all(|i| i["name"].is_string())
}

/// PQ with every option the Python side sets, as an HNSW index reads it.
const PQ: &str = "Some(Pq(PqConfig { segments: Some(8), centroids: Some(128), \
                  training_limit: Some(50000), encoder_type: Some(Tile), encoder_distribution: Some(Normal), rescore_limit: None, cache: None }))";
/// BQ with every option the Python side sets, as a flat index reads it.
const FLAT_BQ: &str = "Some(Bq(BqConfig { rescore_limit: Some(150), cache: Some(true) }))";
/// SQ with every option the Python side sets, as an HNSW index reads it.
const SQ: &str = "Some(Sq(SqConfig { rescore_limit: Some(30), training_limit: Some(50000), cache: None }))";

/// An expected value as its `Debug` text, for settings whose types cannot
/// be built outside the crate (`#[non_exhaustive]`).
struct Shown<'a>(&'a str);

impl Debug for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// What the typed config must have read, by collection; the mismatches.
fn spot_checks(config: &CollectionConfig) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |what: &str, got: &dyn Debug, want: &dyn Debug| {
        let (got, want) = (format!("{got:?}"), format!("{want:?}"));
        if got != want {
            out.push(format!("typed {what} is {got}, expected {want}"));
        }
    };
    let index = &config.vector_index;
    let vector =
        |name: &str| config.named_vectors.iter().find(|v| v.name == name).map(|v: &NamedVectorConfig| &v.index);
    let property = |name: &str| config.property(name);
    let nested = |parent: &str, name: &str| -> Option<PropertyConfig> {
        property(parent)?.data_type.nested_properties()?.iter().find(|p| p.name == name).cloned()
    };
    let hnsw_knobs = |index: &weaviate_orm::schema::VectorIndexConfig| {
        (
            index.ef,
            index.ef_construction,
            index.max_connections,
            index.dynamic_ef_min,
            index.dynamic_ef_max,
            index.dynamic_ef_factor,
            index.flat_search_cutoff,
            index.vector_cache_max_objects,
            index.cleanup_interval_seconds,
        )
    };
    let knobs = (Some(77), Some(96), Some(24), Some(90), Some(600), Some(9), Some(30000), Some(500_000), Some(301));
    match config.name.as_str() {
        "RtHnswPq" => {
            check("kind", &index.kind, &VectorIndexKind::Hnsw);
            check("distance", &index.distance, &Some(Distance::Dot));
            check("HNSW knobs", &hnsw_knobs(index), &knobs);
            check("filter strategy", &index.filter_strategy, &Some(FilterStrategy::Sweeping));
            check("skip", &index.skip, &Some(false));
            check("quantizer", &index.quantizer, &Shown(PQ));
        }
        "RtBq" => {
            check("distance", &index.distance, &Some(Distance::L2Squared));
            check("quantizer", &index.quantizer, &Shown("Some(Bq(BqConfig { rescore_limit: None, cache: None }))"));
        }
        "RtSq" => {
            check("distance", &index.distance, &Some(Distance::Manhattan));
            check("quantizer", &index.quantizer, &Shown(SQ));
        }
        "RtRq" => {
            check("filter strategy", &index.filter_strategy, &Some(FilterStrategy::Acorn));
            let rq = "Some(Rq(RqConfig { bits: Some(4), rescore_limit: Some(40), training_limit: Some(60000), \
                      centering: Some(true), cache: None }))";
            check("quantizer", &index.quantizer, &Shown(rq));
        }
        "RtFlatBq" => {
            check("kind", &index.kind, &VectorIndexKind::Flat);
            check("distance", &index.distance, &Some(Distance::Hamming));
            check("vector cache", &index.vector_cache_max_objects, &Some(400_000));
            check("quantizer", &index.quantizer, &Shown(FLAT_BQ));
        }
        "RtDynamic" => {
            check("kind", &index.kind, &VectorIndexKind::Dynamic);
            check("threshold", &index.dynamic_threshold, &Some(5000));
            check("distance", &index.distance, &Some(Distance::L2Squared));
            check("HNSW knobs", &hnsw_knobs(index), &knobs);
            check("quantizer (of the HNSW part)", &index.quantizer, &Shown(SQ));
            let flat = format!("DynamicFlatConfig {{ vector_cache_max_objects: Some(300000), quantizer: {FLAT_BQ} }}");
            check("flat part", &index.dynamic_flat, &Shown(&flat));
        }
        "RtMultiVector" => {
            check("multi-vector", &vector("colbert").map(|i| i.multi_vector), &Some(true));
            check("distance", &vector("colbert").and_then(|i| i.distance), &Some(Distance::Dot));
            check("aggregation", &vector("colbert").and_then(|i| i.multi_vector_aggregation), &Shown("Some(MaxSim)"));
            let muvera = "Some(MuveraConfig { ksim: Some(5), dprojections: Some(8), repetitions: Some(12) })";
            check("muvera", &vector("colbert").and_then(|i| i.muvera), &Shown(muvera));
        }
        "RtInverted" => {
            let inverted = &config.inverted_index;
            check("bm25", &(inverted.bm25_b, inverted.bm25_k1), &(Some(0.7_f32), Some(1.1_f32)));
            check("stop words preset", &inverted.stopwords_preset, &Some("none"));
            check(
                "stop words",
                &(&inverted.stopwords_additions, &inverted.stopwords_removals),
                &(["foo", "bar"], ["the"]),
            );
            check(
                "index switches",
                &(inverted.index_null_state, inverted.index_property_length, inverted.index_timestamps),
                &(Some(true), Some(true), Some(true)),
            );
            check("cleanup interval", &inverted.cleanup_interval_seconds, &Some(61));
            check("stop word presets", &inverted.stopword_presets, &Shown(r#"{"custom": ["lorem", "ipsum"]}"#));
            let analyzer = property("body").and_then(|p| p.text_analyzer.clone());
            let custom =
                r#"Some(TextAnalyzer { ascii_fold: false, ascii_fold_ignore: [], stopword_preset: Some("custom") })"#;
            check("body's analyzer", &analyzer, &Shown(custom));
        }
        "RtReplication" => {
            check(
                "replication",
                &config.replication.map(|r| (r.factor, r.deletion_strategy)),
                &Some((Some(1), Some(DeletionStrategy::DeleteOnConflict))),
            );
            let tuning = "Some(AsyncReplicationConfig { hashtree_height: Some(14), frequency: Some(31000), \
                          frequency_while_propagating: Some(3100), logging_frequency: Some(61), \
                          diff_batch_size: Some(1100), diff_per_node_timeout: Some(11), \
                          pre_propagation_timeout: Some(301), propagation_timeout: Some(71), \
                          propagation_limit: Some(11000), propagation_delay: Some(31), \
                          propagation_concurrency: Some(6), propagation_batch_size: Some(110) })";
            check("async replication", &config.replication.and_then(|r| r.async_config), &Shown(tuning));
        }
        "RtSharding" => check(
            "sharding",
            &config.sharding.map(|s| (s.desired_count, s.virtual_per_physical, s.desired_virtual_count)),
            &Some((Some(1), Some(64), Some(64))),
        ),
        "RtMultiTenancy" => check(
            "multi-tenancy",
            &config.multi_tenancy.map(|m| (m.auto_tenant_creation, m.auto_tenant_activation)),
            &Some((true, true)),
        ),
        "RtProperties" => {
            check("description", &config.description, &Some("Every data type."));
            check("vectorizer", &config.vectorizer.module_name(), &Some("text2vec-bigram"));
            check("property count", &config.properties.len(), &24);
            for (name, tokenization) in [
                ("word", Tokenization::Word),
                ("lowercase", Tokenization::Lowercase),
                ("whitespace", Tokenization::Whitespace),
                ("field", Tokenization::Field),
                ("trigram", Tokenization::Trigram),
                ("texts", Tokenization::Lowercase),
            ] {
                check(
                    &format!("{name}.tokenization"),
                    &property(name).and_then(|p| p.tokenization),
                    &Some(tokenization),
                );
            }
            let switches =
                |name: &str| property(name).map(|p| (p.index_filterable, p.index_searchable, p.index_range_filters));
            check("field's index switches", &switches("field"), &Some((Some(true), Some(false), Some(false))));
            check("int's index switches", &switches("int"), &Some((Some(false), Some(false), Some(true))));
            check("word.description", &property("word").and_then(|p| p.description.clone()), &Some("Word tokens."));
            check("lowercase skips vectorization", &property("lowercase").map(|p| p.skip_vectorization), &Some(true));
            let folding = r#"Some(TextAnalyzer { ascii_fold: true, ascii_fold_ignore: ["é", "ñ"], stopword_preset: Some("custom") })"#;
            check("word's analyzer", &property("word").and_then(|p| p.text_analyzer.clone()), &Shown(folding));
            check(
                "whitespace vectorizes its name",
                &property("whitespace").map(|p| p.vectorize_property_name),
                &Some(false),
            );
            check("geo's type", &property("geo").map(|p| p.data_type.name()), &Some("geoCoordinates"));
            check("addresses' type", &property("addresses").map(|p| p.data_type.name()), &Some("object[]"));
            let street = nested("address", "street");
            check(
                "address.street",
                &street.map(|s| (s.tokenization, s.index_searchable, s.description)),
                &Some((Some(Tokenization::Field), Some(false), Some("The street.".to_owned()))),
            );
            let inner = nested("address", "inner").map(|p| p.data_type.nested_properties().map(<[_]>::len));
            check("address.inner's nested properties", &inner, &Some(Some(1)));
            let targets = |name: &str| property(name).map(|p| p.data_type.clone());
            check("single's targets", &targets("single"), &Some(DataType::Reference(vec!["RtHnswPq".into()])));
            check("multi's targets", &targets("multi"), &Some(DataType::Reference(vec!["RtBq".into(), "RtSq".into()])));
        }
        "RtBlobHash" => {
            check("hash's type", &property("hash").map(|p| p.data_type.schema_names()), &Some(["blobHash"]))
        }
        "RtTokenizers" => {
            for (name, tokenization) in [
                ("gse", Tokenization::Gse),
                ("gse_ch", Tokenization::GseCh),
                ("kagome_ja", Tokenization::KagomeJa),
                ("kagome_kr", Tokenization::KagomeKr),
            ] {
                check(
                    &format!("{name}.tokenization"),
                    &property(name).and_then(|p| p.tokenization),
                    &Some(tokenization),
                );
            }
        }
        "RtObjectTtl" => {
            let ttl = r#"Some(ObjectTtlConfig { expires_after: DateProperty("expires"), seconds: 3600, filter_expired_objects: Some(true) })"#;
            check("object TTL", &config.object_ttl, &Shown(ttl));
        }
        "RtNamedVectors" => {
            let names: Vec<&str> = config.named_vectors.iter().map(|v| v.name.as_str()).collect();
            check("named vectors", &names, &["bigram", "flat_rq", "hnsw_pq", "unindexed"]);
            check("hnsw_pq's quantizer", &vector("hnsw_pq").and_then(|i| i.quantizer), &Shown(PQ));
            check("hnsw_pq's knobs", &vector("hnsw_pq").map(hnsw_knobs), &Some(knobs));
            check("unindexed's skip", &vector("unindexed").and_then(|i| i.skip), &Some(true));
            check(
                "flat_rq",
                &vector("flat_rq").map(|i| (i.kind, i.distance, i.quantizer)),
                &Shown(
                    "Some((Flat, Some(Dot), Some(Rq(RqConfig { bits: Some(1), rescore_limit: Some(40), \
                     training_limit: None, centering: None, cache: Some(true) }))))",
                ),
            );
            let bigram = config.named_vectors.iter().find(|v| v.name == "bigram");
            check(
                "bigram's vectorizer",
                &bigram.map(|v| (v.vectorizer.module_name(), &v.source_properties, v.index.quantizer)),
                &Shown(
                    r#"Some((Some("text2vec-bigram"), ["title"], Some(Bq(BqConfig { rescore_limit: None, cache: None }))))"#,
                ),
            );
            let module = |m: &Option<weaviate_orm::schema::ModuleConfig>| m.as_ref().map(|m| m.name.clone());
            check("generative", &module(&config.generative), &Some("generative-dummy"));
            check("reranker", &module(&config.reranker), &Some("reranker-dummy"));
        }
        other => out.push(format!("no checks for {other}")),
    }
    out
}

#[tokio::test]
async fn python_collections_with_every_setting_round_trip_through_the_typed_config() {
    let shared = shared_server().await;
    let extra = extra_server().await;
    let mut differences = Vec::new();
    let mut misread = Vec::new();
    let mut names = Vec::new();
    for (server, mode) in [(shared, "plain"), (&extra, "extra")] {
        let created = create_in_python(server, mode).await;
        let client = server.client_builder().connect().await.expect("connect");
        for name in &created {
            round_trip(&client, name, &mut differences, &mut misread).await;
        }
        names.extend(created);
    }
    extra.shutdown().await;
    assert_eq!(names.len(), 16, "{names:?}");
    assert!(
        differences.is_empty() && misread.is_empty(),
        "{} differences between a Python collection and its copy from the typed config:\n  {}\n\
         {} settings the typed config misread:\n  {}",
        differences.len(),
        differences.join("\n  "),
        misread.len(),
        misread.join("\n  "),
    );
}
