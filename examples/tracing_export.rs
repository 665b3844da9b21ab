//! Exporting the client's traces with OpenTelemetry: every call the client
//! makes is a `tracing` span named `weaviate` (operation, collection,
//! tenant, consistency level, object count, the node that answered), with
//! moves to another node and back-offs as events on it. The
//! `tracing-opentelemetry` layer turns them into OpenTelemetry spans, here
//! printed by the stdout exporter; a service swaps in its own exporter
//! (`opentelemetry-otlp` for a collector) and keeps the rest.
//!
//! Run with `cargo run --example tracing_export`.

use std::process::ExitCode;

use opentelemetry::trace::TracerProvider as _;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing::Instrument;
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::{Layer as _, SubscriberExt};
use tracing_subscriber::util::SubscriberInitExt;
use weaviate_orm::embedded::EmbeddedOptions;
use weaviate_orm::{ConsistencyLevel, WeaviateCollection};

/// A note in a service's database.
#[derive(WeaviateCollection, Debug, Clone)]
#[weaviate(name = "TracedNote")]
struct Note {
    #[weaviate(key)]
    text: String,
    stars: i64,
}

#[tokio::main]
async fn main() -> ExitCode {
    // The stdout exporter prints each span as it ends; for a collector use
    // `opentelemetry_otlp::SpanExporter::builder().with_tonic().build()` and
    // `with_batch_exporter` instead.
    let provider =
        SdkTracerProvider::builder().with_simple_exporter(opentelemetry_stdout::SpanExporter::default()).build();
    let layer = tracing_opentelemetry::layer().with_tracer(provider.tracer("weaviate-orm-example"));
    // The client's spans and this program's; not those of the HTTP and gRPC crates below.
    let only = Targets::new()
        .with_target("weaviate_orm", tracing::Level::INFO)
        .with_target("tracing_export", tracing::Level::INFO);
    tracing_subscriber::registry().with(layer.with_filter(only)).init();

    // The application's own span: the client's spans become its children.
    let outcome = run().instrument(tracing::info_span!("import_notes")).await;
    if let Err(error) = provider.shutdown() {
        eprintln!("flushing the traces: {error}");
    }
    weaviate_orm_examples::exit_code(outcome)
}

async fn run() -> weaviate_orm::Result<()> {
    let client = weaviate_orm::connect_to_embedded(EmbeddedOptions::default()).await?;
    client.migrate::<Note>().await?;
    let notes = client.collection::<Note>().with_consistency_level(ConsistencyLevel::One);

    // One span per call: the batch's requests, the count, the search.
    let batch = notes.batch().start();
    for (text, stars) in [("Ship the cluster tests", 5), ("Profile the import", 4), ("Write the quickstart", 3)] {
        batch.add(Note { text: text.into(), stars }).await?;
    }
    let report = batch.finish().await?;
    let count = notes.count().await?;
    let f = Note::FIELDS;
    let best = notes.query().filter(f.stars.greater_or_equal(4)).fetch().await?;
    println!("imported {}, {count} stored, {} with four stars or more", report.confirmed, best.len());
    client.close().await;
    Ok(())
}
