//! The model generator's round trip: collections made by the official
//! Python client with varied settings (`tests/python/schemas.py`), their
//! Rust models written by `weaviate-orm models`, and those models, compiled
//! into this test binary from the committed `generated_models.rs`, planned
//! against the server: nothing to change.

use weaviate_orm::embedded::{EmbeddedOptions, EmbeddedServer};
use weaviate_orm::{WeaviateClient, WeaviateCollection};
use weaviate_orm_tests::python;

/// The models as the generator wrote them (so `cargo fmt` leaves them
/// alone); `WEAVIATE_ORM_WRITE_MODELS=1` writes them again from what the
/// generator makes now.
#[path = "generated_models.rs"]
#[allow(missing_docs, unreachable_pub, dead_code)]
#[rustfmt::skip]
mod generated;

const COMMITTED: &str = include_str!("generated_models.rs");

/// The server the Python script fills: its own, with asynchronous indexing
/// (for the dynamic index) and a deletion schedule (for the time-to-live).
async fn server() -> EmbeddedServer {
    let options =
        EmbeddedOptions::default().env("ASYNC_INDEXING", "true").env("OBJECTS_TTL_DELETE_SCHEDULE", "0 * * * *");
    let server = EmbeddedServer::start(options).await.expect("start");
    let ports = [server.http_port().to_string(), server.grpc_port().to_string()];
    let made = tokio::task::spawn_blocking(move || python::run_script("schemas.py", &ports, "")).await;
    made.expect("python task").unwrap_or_else(|error| panic!("{error}"));
    server
}

/// Runs the command line against `server`, returning what it printed.
async fn cli(server: &EmbeddedServer, args: &[&str]) -> String {
    let (http, grpc) = (server.http_port().to_string(), server.grpc_port().to_string());
    let mut line = vec!["weaviate-orm", "--http-port", &http, "--grpc-port", &grpc];
    line.extend(args);
    let mut out = Vec::new();
    weaviate_orm::cli::run(line.clone(), &mut out).await.unwrap_or_else(|error| panic!("{line:?}: {error}"));
    String::from_utf8(out).expect("UTF-8")
}

async fn assert_up_to_date<T: WeaviateCollection>(client: &WeaviateClient) {
    let plan = client.plan_migration::<T>().await.expect("plan");
    assert!(plan.changes.is_empty(), "{plan}");
}

#[tokio::test]
async fn models_written_from_python_made_collections_plan_no_change() {
    let server = server().await;
    let source = cli(&server, &["models"]).await;
    if source != COMMITTED {
        if std::env::var_os("WEAVIATE_ORM_WRITE_MODELS").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/integration/generated_models.rs");
            std::fs::write(path, &source).expect("write the models");
        }
        let first = source.lines().zip(COMMITTED.lines()).position(|(a, b)| a != b).unwrap_or(0);
        let now: Vec<&str> = source.lines().skip(first).take(8).collect();
        panic!(
            "the generator writes other models than tests/integration/generated_models.rs (from line {}):\n{}\n\
             (WEAVIATE_ORM_WRITE_MODELS=1 writes them there)",
            first + 1,
            now.join("\n")
        );
    }
    let client = server.client_builder().connect().await.expect("connect");
    assert_up_to_date::<generated::GenAuthor>(&client).await;
    assert_up_to_date::<generated::GenBook>(&client).await;
    assert_up_to_date::<generated::GenTicket>(&client).await;
    assert_up_to_date::<generated::GenLog>(&client).await;
    assert_up_to_date::<generated::GenEmpty>(&client).await;

    // One collection brings the ones its references point into, and no others.
    let book = cli(&server, &["models", "--collection", "GenBook"]).await;
    assert!(book.contains("pub struct GenBook {") && book.contains("pub struct GenAuthor {"), "{book}");
    assert!(!book.contains("GenLog") && !book.contains("GenTicket"), "{book}");
    let listed = cli(&server, &["collections"]).await;
    assert!(listed.lines().any(|l| l.starts_with("GenBook ") && l.contains("colbert,cover,title")), "{listed}");
    let nodes = cli(&server, &["nodes"]).await;
    assert!(nodes.lines().nth(1).is_some_and(|l| l.contains("Healthy")), "{nodes}");
}

#[tokio::test]
async fn the_command_line_says_what_is_wrong() {
    let mut out = Vec::new();
    let usage = weaviate_orm::cli::run(["weaviate-orm", "modles"], &mut out).await.expect_err("a typo");
    assert!(usage.to_string().contains("similar subcommands exist: 'nodes', 'models'"), "{usage}");
    let port = ["weaviate-orm", "--http-port", "1", "--grpc-port", "2", "collections"];
    let unreachable = weaviate_orm::cli::run(port, &mut out).await.expect_err("nothing listens on port 1");
    assert!(
        matches!(unreachable, weaviate_orm::cli::Failure::Client(weaviate_orm::Error::Connection { .. })),
        "{unreachable:?}"
    );
}
