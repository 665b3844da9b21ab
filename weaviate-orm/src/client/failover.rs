//! Riding out failures: which node the transports talk to, moving to the
//! next when one cannot be reached, and retrying what may be retried with
//! capped exponential back-off and jitter, within the caller's timeout.
//!
//! A request that could not connect never reached a server: it is sent to
//! the next node whatever it is. A request that failed in flight (the
//! connection broke, the node was shutting down or unavailable) is sent
//! again only when doing so cannot change the outcome: reads, and writes
//! that are idempotent by id ([`Retry`]).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::Error;

/// What a failed attempt may be followed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Retry {
    /// A read: retried on transient failures.
    Read,
    /// A write whose repetition stores the same thing (by id): retried.
    Idempotent,
    /// Anything else: sent again only when it never left (no connection).
    Once,
}

impl Retry {
    fn on_transient(self) -> bool {
        matches!(self, Self::Read | Self::Idempotent)
    }
}

/// How an attempt failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Failure {
    /// No connection could be made: nothing was sent.
    Unreachable,
    /// The request may have reached the server (a broken connection, a
    /// node shutting down or unavailable).
    Transient,
    /// An answer: not retried.
    Final,
}

/// The node the client talks to, shared by both transports (they move
/// together), among the nodes it knows.
#[derive(Debug, Clone)]
pub(crate) struct Nodes {
    current: Arc<AtomicUsize>,
    count: usize,
}

impl Nodes {
    pub(crate) fn new(count: usize) -> Self {
        Self { current: Arc::new(AtomicUsize::new(0)), count: count.max(1) }
    }

    /// The node to talk to now.
    pub(crate) fn current(&self) -> usize {
        self.current.load(Ordering::Relaxed) % self.count
    }

    /// Moves on from `failed` (unless another call already did) and returns
    /// the node to try next.
    pub(crate) fn move_on(&self, failed: usize) -> usize {
        let next = (failed + 1) % self.count;
        let _ = self.current.compare_exchange(failed, next, Ordering::Relaxed, Ordering::Relaxed);
        self.current()
    }
}

/// One call's attempts: which node each goes to, and whether and when the
/// next one starts.
pub(crate) struct Attempts<'a> {
    nodes: &'a Nodes,
    retry: Retry,
    deadline: Instant,
    /// Nodes found unreachable in a row.
    unreachable: usize,
    /// Transient failures so far.
    transient: u32,
    pub(crate) node: usize,
}

/// Transient failures retried at most this often.
const MAX_RETRIES: u32 = 5;
/// The first back-off; doubled each time, up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_millis(100);
const MAX_BACKOFF: Duration = Duration::from_secs(2);

impl<'a> Attempts<'a> {
    pub(crate) fn new(nodes: &'a Nodes, retry: Retry, timeout: Duration) -> Self {
        Self { nodes, retry, deadline: Instant::now() + timeout, unreachable: 0, transient: 0, node: nodes.current() }
    }

    /// The time left for the next attempt.
    pub(crate) fn remaining(&self) -> Duration {
        self.deadline.saturating_duration_since(Instant::now())
    }

    /// After a failed attempt: whether to try again (having moved to the
    /// node to try and waited its back-off). `operation` and `error` name
    /// it in the trace; `urls` names the nodes.
    pub(crate) async fn again(&mut self, failure: Failure, operation: &str, error: &Error, urls: &[String]) -> bool {
        let url = |node: usize| urls.get(node).map_or("", String::as_str);
        match failure {
            Failure::Final => false,
            Failure::Unreachable => {
                self.unreachable += 1;
                if self.unreachable >= self.nodes.count {
                    return false;
                }
                let from = self.node;
                self.node = self.nodes.move_on(from);
                tracing::warn!(operation, from = url(from), to = url(self.node), %error, "node unreachable; moving to another node");
                true
            }
            Failure::Transient => {
                if !self.retry.on_transient() || self.transient >= MAX_RETRIES {
                    return false;
                }
                let delay = backoff(self.transient);
                if delay >= self.remaining() {
                    return false;
                }
                self.transient += 1;
                self.unreachable = 0;
                let from = self.node;
                if self.nodes.count > 1 {
                    self.node = self.nodes.move_on(from);
                }
                tracing::warn!(
                    operation,
                    attempt = self.transient,
                    delay_ms = delay.as_millis() as u64,
                    node = url(self.node),
                    %error,
                    "transient failure; retrying after a back-off"
                );
                tokio::time::sleep(delay).await;
                true
            }
        }
    }
}

/// The back-off before retry `n` (from 0): up to 100 ms × 2ⁿ, capped at
/// 2 s, with full jitter (a uniformly random part of it, at least half).
fn backoff(n: u32) -> Duration {
    let ceiling = FIRST_BACKOFF.saturating_mul(1 << n.min(5)).min(MAX_BACKOFF);
    let half = ceiling / 2;
    half + half.mul_f64(random_unit())
}

/// A number in [0, 1) that differs between calls, without a random-number
/// dependency: the standard library's randomly keyed hasher.
fn random_unit() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(Instant::now().elapsed().as_nanos());
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(message: &str) -> Error {
        Error::Connection { url: "u".into(), message: message.into() }
    }

    #[test]
    fn backoff_doubles_up_to_its_cap_with_jitter() {
        for n in 0..8 {
            let ceiling = Duration::from_millis(100 * (1 << n.min(5))).min(MAX_BACKOFF);
            let delay = backoff(n);
            assert!(delay >= ceiling / 2 && delay <= ceiling, "{n}: {delay:?} outside {ceiling:?}");
        }
    }

    #[tokio::test]
    async fn unreachable_nodes_are_each_tried_once() {
        let nodes = Nodes::new(3);
        let urls = vec!["a".to_owned(), "b".to_owned(), "c".to_owned()];
        let mut attempts = Attempts::new(&nodes, Retry::Once, Duration::from_secs(5));
        assert!(attempts.again(Failure::Unreachable, "x", &error("refused"), &urls).await);
        assert_eq!(attempts.node, 1);
        assert!(attempts.again(Failure::Unreachable, "x", &error("refused"), &urls).await);
        assert_eq!(attempts.node, 2);
        assert!(!attempts.again(Failure::Unreachable, "x", &error("refused"), &urls).await, "every node was tried");
        assert_eq!(nodes.current(), 2, "later calls start at the node that was tried last");
    }

    #[tokio::test]
    async fn transient_failures_are_retried_only_when_it_is_safe() {
        let nodes = Nodes::new(1);
        let urls = vec!["a".to_owned()];
        let mut once = Attempts::new(&nodes, Retry::Once, Duration::from_secs(5));
        assert!(!once.again(Failure::Transient, "x", &error("reset"), &urls).await);
        let mut read = Attempts::new(&nodes, Retry::Read, Duration::from_secs(5));
        assert!(read.again(Failure::Transient, "x", &error("reset"), &urls).await);
        assert!(!read.again(Failure::Final, "x", &error("bad request"), &urls).await);
        let mut hurried = Attempts::new(&nodes, Retry::Read, Duration::from_millis(1));
        assert!(!hurried.again(Failure::Transient, "x", &error("reset"), &urls).await, "no time left for a back-off");
    }
}
