//! Shared test support: one embedded Weaviate server per test process, and
//! unique collection names so tests can share it.

use std::sync::atomic::{AtomicU32, Ordering};

use tokio::sync::OnceCell;
use weaviate_orm::embedded::{EmbeddedOptions, EmbeddedServer};
use weaviate_orm::{Collection, Result, WeaviateClient, WeaviateCollection};
pub use weaviate_orm_examples::cache;

pub mod fault_proxy;
pub mod jeopardy;
pub mod keycloak;
pub mod python;
pub mod reindex_child;

/// The server shared by every test of this process; started on first use,
/// stopped when the process ends.
pub async fn shared_server() -> &'static EmbeddedServer {
    static SERVER: OnceCell<EmbeddedServer> = OnceCell::const_new();
    SERVER
        .get_or_init(|| async {
            match EmbeddedServer::start(EmbeddedOptions::default()).await {
                Ok(server) => server,
                Err(error) => panic!("the shared Weaviate server did not start: {error}"),
            }
        })
        .await
}

/// A client of the shared server.
pub async fn client() -> Result<WeaviateClient> {
    shared_server().await.client_builder().connect().await
}

/// A collection name no other test of this run uses, e.g. `Test_Books_3_12345`.
pub fn unique_name(base: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    format!("Test_{base}_{}_{}", COUNTER.fetch_add(1, Ordering::Relaxed), std::process::id())
}

/// A new, empty collection of `T` under a unique name.
///
/// # Panics
/// When the server refuses to create it.
pub async fn fresh<T: WeaviateCollection>(client: &WeaviateClient) -> Collection<T> {
    let name = unique_name(T::NAME.trim_start_matches("Test_"));
    if let Err(error) = client.collections().create_named::<T>(&name).await {
        panic!("creating {name}: {error}");
    }
    client.collection_named(name)
}

/// Waits until the kernel reports the process stopped: a signal takes
/// effect when the process is next scheduled, which on a busy machine can
/// be after the next request was answered.
///
/// # Panics
/// When it does not stop within about 2 s.
pub async fn wait_until_stopped(pid: libc::pid_t) {
    for _ in 0..200 {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        // The state follows the command name, which is in parentheses.
        if stat.rsplit_once(") ").is_some_and(|(_, rest)| rest.starts_with('T')) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("process {pid} did not stop");
}
