//! Every call is a `tracing` span naming what it did and the node that
//! answered; a move to another node is an event on it; secrets appear in
//! neither.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};
use std::thread::ThreadId;

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};
use weaviate_orm::{ClientBuilder, ConnectionParams, ConsistencyLevel, WeaviateCollection};
use weaviate_orm_tests::{shared_server, unique_name};

#[derive(WeaviateCollection, Debug)]
#[weaviate(name = "Test_Traced")]
struct Traced {
    title: String,
}

/// What a span or an event recorded: its fields as text.
#[derive(Debug, Clone, Default)]
struct Recorded {
    fields: Vec<(String, String)>,
    /// For an event: the fields of the spans it happened in.
    within: Vec<Vec<(String, String)>>,
}

impl Recorded {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

impl Visit for Recorded {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.fields.push((field.name().to_owned(), format!("{value:?}").trim_matches('"').to_owned()));
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.fields.push((field.name().to_owned(), value.to_owned()));
    }
}

/// A subscriber that keeps every span and event while it is armed. It is
/// the process's global one: a thread-local subscriber misses callsites
/// that other tests' threads registered first.
#[derive(Default)]
struct Capture {
    armed: AtomicBool,
    spans: Mutex<Vec<Recorded>>,
    events: Mutex<Vec<Recorded>>,
    /// The spans each thread is in.
    entered: Mutex<HashMap<ThreadId, Vec<u64>>>,
}

impl Subscriber for &'static Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, attributes: &Attributes<'_>) -> Id {
        let mut recorded = Recorded::default();
        if self.armed.load(Ordering::Relaxed) {
            attributes.record(&mut recorded);
        }
        let mut spans = self.spans.lock().expect("spans");
        spans.push(recorded);
        Id::from_u64(spans.len() as u64)
    }

    fn record(&self, span: &Id, values: &Record<'_>) {
        if !self.armed.load(Ordering::Relaxed) {
            return;
        }
        let mut spans = self.spans.lock().expect("spans");
        if let Some(recorded) = spans.get_mut(span.into_u64() as usize - 1) {
            values.record(recorded);
        }
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        if !self.armed.load(Ordering::Relaxed) {
            return;
        }
        let mut recorded = Recorded::default();
        event.record(&mut recorded);
        let spans = self.spans.lock().expect("spans");
        let entered = self.entered.lock().expect("entered");
        let mine = entered.get(&std::thread::current().id()).cloned().unwrap_or_default();
        recorded.within = mine.iter().filter_map(|id| spans.get(*id as usize - 1)).map(|s| s.fields.clone()).collect();
        self.events.lock().expect("events").push(recorded);
    }

    fn enter(&self, span: &Id) {
        self.entered.lock().expect("entered").entry(std::thread::current().id()).or_default().push(span.into_u64());
    }

    fn exit(&self, span: &Id) {
        let mut entered = self.entered.lock().expect("entered");
        let mine = entered.entry(std::thread::current().id()).or_default();
        if let Some(position) = mine.iter().rposition(|id| *id == span.into_u64()) {
            mine.remove(position);
        }
    }
}

/// The process's capturing subscriber, installed on first use.
fn capture() -> &'static Capture {
    static CAPTURE: OnceLock<&'static Capture> = OnceLock::new();
    CAPTURE.get_or_init(|| {
        let capture: &'static Capture = Box::leak(Box::default());
        tracing::subscriber::set_global_default(capture).expect("no other global subscriber in the test binary");
        capture
    })
}

#[tokio::test]
async fn every_call_is_a_span_and_a_move_to_another_node_an_event_on_it() {
    let server = shared_server().await;
    // A node that is down: ports nobody listens on.
    let dead = {
        let http = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
        let grpc = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
        ConnectionParams::local_ports(http.local_addr().expect("addr").port(), grpc.local_addr().expect("addr").port())
    };
    let capture = capture();
    capture.armed.store(true, Ordering::Relaxed);
    let client = ClientBuilder::custom(dead)
        .fallback(server.connection_params())
        .header("X-Tracing-Secret", "do-not-print-me")
        .connect()
        .await
        .expect("connect through the second node");
    let name = unique_name("Traced");
    client.collections().create_named::<Traced>(&name).await.expect("create");
    let traced = client.collection_named::<Traced>(name.clone());
    traced.insert(&Traced { title: "seen".into() }).await.expect("insert");
    assert_eq!(traced.query().fetch().await.expect("search").len(), 1);
    let stream = traced.batch().stream().consistency_level(ConsistencyLevel::Quorum).start();
    for n in 0..13 {
        stream.add(Traced { title: format!("streamed {n}") }).await.expect("add");
    }
    assert_eq!(stream.finish().await.expect("stream").confirmed, 13);
    client.collections().delete(&name).await.expect("drop");
    capture.armed.store(false, Ordering::Relaxed);

    let spans = capture.spans.lock().expect("spans").clone();
    let events = capture.events.lock().expect("events").clone();
    let grpc_url = format!("http://127.0.0.1:{}", server.grpc_port());
    let search = spans
        .iter()
        .find(|s| s.get("operation") == Some("Search") && s.get("collection") == Some(name.as_str()))
        .expect("a Search span");
    assert_eq!(search.get("collection"), Some(name.as_str()));
    assert_eq!(search.get("node"), Some(grpc_url.as_str()), "the node that answered");
    let batch = spans
        .iter()
        .find(|s| s.get("operation") == Some("BatchObjects") && s.get("collection") == Some(name.as_str()))
        .expect("a BatchObjects span");
    assert_eq!((batch.get("collection"), batch.get("objects")), (Some(name.as_str()), Some("1")));
    // A batch stream may carry several collections: its span names the level, the node and what it settled.
    let streamed = |s: &&Recorded| s.get("operation") == Some("BatchStream") && s.get("objects") == Some("13");
    let stream = spans.iter().find(streamed).expect("a BatchStream span that settled 13 objects");
    assert_eq!((stream.get("consistency"), stream.get("node")), (Some("QUORUM"), Some(grpc_url.as_str())));

    // Other tests run meanwhile: find the move on this test's first call.
    let on_meta =
        |e: &&Recorded| e.within.iter().any(|span| span.iter().any(|(n, v)| n == "operation" && v == "GET /v1/meta"));
    let moved = events.iter().filter(|e| e.get("message").is_some_and(|m| m.contains("moving to another node")));
    assert!(moved.clone().next().is_some(), "an event for the move to the second node");
    assert!(
        moved.clone().any(|e| on_meta(&e)),
        "the move is an event on the call's span: {:?}",
        moved.collect::<Vec<_>>()
    );
    let everything = format!("{spans:?}{events:?}");
    assert!(!everything.contains("do-not-print-me"), "a header's value appeared in a span or event");
}
