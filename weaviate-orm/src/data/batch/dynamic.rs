//! Dynamic batching: request size and concurrency follow the server's load,
//! read once a second from `GET /v1/nodes` (`batchStats`: the length of the
//! server's object queue and how many objects per second it stores).
//!
//! With an empty queue the size grows, then the concurrency. With up to two
//! seconds of backlog the size matches what each request slot can store in a
//! second. With more, both shrink; with ten seconds or more, sending pauses
//! until the server catches up. A server with asynchronous indexing reports
//! no queue: it buffers vectors itself, so requests are large and several.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

use serde::Deserialize;

use crate::client::WeaviateClient;
use crate::client::rest::Path;

const START_SIZE: usize = 100;
const MIN_SIZE: usize = 50;
const MAX_SIZE: usize = 1000;
const MAX_CONCURRENCY: usize = 8;
const POLL_EVERY: Duration = Duration::from_secs(1);
/// A paused request waits at most this long before it goes anyway.
const MAX_PAUSE: Duration = Duration::from_secs(60);

/// The current size and concurrency, shared by the requests and the poller.
#[derive(Debug)]
pub(crate) struct DynamicSizing {
    size: AtomicUsize,
    concurrency: AtomicUsize,
    paused: AtomicBool,
}

/// What the server says about its write load.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct BatchStats {
    /// Objects waiting to be stored; absent with asynchronous indexing.
    queue_length: Option<u64>,
    /// Objects stored per second lately.
    #[serde(default)]
    rate_per_second: u64,
}

/// The next (size, concurrency, paused) from the current ones and the load.
fn adapt(size: usize, concurrency: usize, stats: BatchStats) -> (usize, usize, bool) {
    let Some(queue) = stats.queue_length else {
        return (MAX_SIZE, 4, false);
    };
    if queue == 0 {
        let size = (size + size / 2 + MIN_SIZE).min(MAX_SIZE);
        let concurrency = if size == MAX_SIZE { (concurrency + 1).min(MAX_CONCURRENCY) } else { concurrency };
        return (size, concurrency, false);
    }
    let rate = stats.rate_per_second.max(1) as f64;
    let backlog_seconds = queue as f64 / rate;
    let per_slot = rate / concurrency as f64;
    let clamp = |n: f64| (n as usize).clamp(MIN_SIZE, MAX_SIZE);
    if backlog_seconds < 2.0 {
        (clamp(per_slot), concurrency, false)
    } else if backlog_seconds < 10.0 {
        (clamp(per_slot * 2.0 / backlog_seconds), concurrency.saturating_sub(1).max(1), false)
    } else {
        (MIN_SIZE, 1, true)
    }
}

impl DynamicSizing {
    /// Starts at 100 objects × 2 requests and polls the server while the
    /// returned value is alive.
    pub(crate) fn start(client: WeaviateClient) -> Arc<Self> {
        let sizing = Arc::new(Self {
            size: AtomicUsize::new(START_SIZE),
            concurrency: AtomicUsize::new(2),
            paused: AtomicBool::new(false),
        });
        tokio::spawn(poll(client, Arc::downgrade(&sizing)));
        sizing
    }

    pub(crate) fn size(&self) -> usize {
        self.size.load(Ordering::Relaxed)
    }

    pub(crate) fn concurrency(&self) -> usize {
        self.concurrency.load(Ordering::Relaxed)
    }

    /// Waits while the server has ten seconds or more of backlog.
    pub(crate) async fn wait_while_paused(&self) {
        let deadline = tokio::time::Instant::now() + MAX_PAUSE;
        while self.paused.load(Ordering::Relaxed) && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    fn apply(&self, stats: BatchStats) {
        let (size, concurrency, paused) = adapt(self.size(), self.concurrency(), stats);
        self.size.store(size, Ordering::Relaxed);
        self.concurrency.store(concurrency, Ordering::Relaxed);
        self.paused.store(paused, Ordering::Relaxed);
    }
}

async fn poll(client: WeaviateClient, sizing: Weak<DynamicSizing>) {
    loop {
        tokio::time::sleep(POLL_EVERY).await;
        let Some(sizing) = sizing.upgrade() else { return };
        match batch_stats(&client).await {
            Ok(Some(stats)) => sizing.apply(stats),
            Ok(None) => {}
            Err(error) => tracing::debug!("dynamic batching could not read /v1/nodes: {error}"),
        }
    }
}

/// The first node's batch statistics.
async fn batch_stats(client: &WeaviateClient) -> crate::Result<Option<BatchStats>> {
    #[derive(Deserialize)]
    struct Nodes {
        #[serde(default)]
        nodes: Vec<Node>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Node {
        batch_stats: Option<BatchStats>,
    }
    let t = client.transports()?;
    let nodes: Nodes = t.rest.get_json(&Path::new("nodes?output=minimal"), t.timeouts.query).await?;
    Ok(nodes.nodes.into_iter().next().and_then(|node| node.batch_stats))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(queue: Option<u64>, rate: u64) -> BatchStats {
        BatchStats { queue_length: queue, rate_per_second: rate }
    }

    #[test]
    fn an_idle_server_gets_larger_then_more_requests() {
        assert_eq!(adapt(100, 2, stats(Some(0), 0)), (200, 2, false));
        assert_eq!(adapt(900, 2, stats(Some(0), 0)), (1000, 3, false));
        assert_eq!(adapt(1000, 8, stats(Some(0), 0)), (1000, 8, false));
    }

    #[test]
    fn a_backlog_shrinks_requests_and_a_long_one_pauses() {
        // One second of backlog: each of 2 slots gets half the rate.
        assert_eq!(adapt(1000, 2, stats(Some(800), 800)), (400, 2, false));
        // Five seconds: smaller requests, one fewer at a time.
        assert_eq!(adapt(1000, 4, stats(Some(4000), 800)), (80, 3, false));
        assert_eq!(adapt(1000, 4, stats(Some(20_000), 800)), (MIN_SIZE, 1, true));
    }

    #[test]
    fn asynchronous_indexing_means_large_requests() {
        assert_eq!(adapt(100, 2, stats(None, 0)), (1000, 4, false));
    }

    #[test]
    fn node_statistics_parse() {
        let parsed: BatchStats = serde_json::from_str(r#"{"queueLength":3,"ratePerSecond":120}"#).expect("parses");
        assert_eq!(parsed, stats(Some(3), 120));
        let parsed: BatchStats = serde_json::from_str(r#"{"ratePerSecond":0}"#).expect("parses");
        assert_eq!(parsed, stats(None, 0));
    }
}
