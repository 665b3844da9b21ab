//! Every call is a `tracing` span naming what it did and the node that
//! answered; a move to another node is an event on it; secrets appear in
//! neither.

use std::sync::{Arc, Mutex};

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};
use weaviate_orm::{ClientBuilder, ConnectionParams, WeaviateCollection};
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

/// A subscriber that keeps every span and event of this thread.
#[derive(Clone, Default)]
struct Capture {
    spans: Arc<Mutex<Vec<Recorded>>>,
    events: Arc<Mutex<Vec<Recorded>>>,
    entered: Arc<Mutex<Vec<u64>>>,
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, attributes: &Attributes<'_>) -> Id {
        let mut recorded = Recorded::default();
        attributes.record(&mut recorded);
        let mut spans = self.spans.lock().expect("spans");
        spans.push(recorded);
        Id::from_u64(spans.len() as u64)
    }

    fn record(&self, span: &Id, values: &Record<'_>) {
        let mut spans = self.spans.lock().expect("spans");
        if let Some(recorded) = spans.get_mut(span.into_u64() as usize - 1) {
            values.record(recorded);
        }
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut recorded = Recorded::default();
        event.record(&mut recorded);
        let spans = self.spans.lock().expect("spans");
        let entered = self.entered.lock().expect("entered");
        recorded.within =
            entered.iter().filter_map(|id| spans.get(*id as usize - 1)).map(|s| s.fields.clone()).collect();
        self.events.lock().expect("events").push(recorded);
    }

    fn enter(&self, span: &Id) {
        self.entered.lock().expect("entered").push(span.into_u64());
    }

    fn exit(&self, span: &Id) {
        let mut entered = self.entered.lock().expect("entered");
        if let Some(position) = entered.iter().rposition(|id| *id == span.into_u64()) {
            entered.remove(position);
        }
    }
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
    let capture = Capture::default();
    let guard = tracing::subscriber::set_default(capture.clone());
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
    client.collections().delete(&name).await.expect("drop");
    drop(guard);

    let spans = capture.spans.lock().expect("spans").clone();
    let events = capture.events.lock().expect("events").clone();
    let grpc_url = format!("http://127.0.0.1:{}", server.grpc_port());
    let search = spans.iter().find(|s| s.get("operation") == Some("Search")).expect("a Search span");
    assert_eq!(search.get("collection"), Some(name.as_str()));
    assert_eq!(search.get("node"), Some(grpc_url.as_str()), "the node that answered");
    let batch = spans.iter().find(|s| s.get("operation") == Some("BatchObjects")).expect("a BatchObjects span");
    assert_eq!((batch.get("collection"), batch.get("objects")), (Some(name.as_str()), Some("1")));

    let moved = events
        .iter()
        .find(|e| e.get("message").is_some_and(|m| m.contains("moving to another node")))
        .expect("an event for the move to the second node");
    assert!(
        moved.within.iter().any(|span| span.iter().any(|(n, v)| n == "operation" && v == "GET /v1/meta")),
        "the move is an event on the call's span: {moved:?}"
    );
    let everything = format!("{spans:?}{events:?}");
    assert!(!everything.contains("do-not-print-me"), "a header's value appeared in a span or event");
}
