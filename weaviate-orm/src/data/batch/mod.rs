//! Batch import where nothing is lost: every object and reference added
//! comes back either confirmed by the server or in the report's failed
//! lists, typed, with its position and the reason.
//!
//! ```no_run
//! # use weaviate_orm::{Collection, WeaviateCollection};
//! # #[derive(WeaviateCollection)] struct Article { title: String }
//! # async fn demo(articles: Collection<Article>, input: Vec<Article>) -> weaviate_orm::Result<()> {
//! let batch = articles.batch().start(); // server-side batching where the server has it
//! for article in input {
//!     batch.add(article).await?; // waits while the pipeline is full
//! }
//! let report = batch.finish().await?;
//! for failed in &report.failed {
//!     eprintln!("object #{} ({}) failed: {}", failed.index, failed.id, failed.error);
//! }
//! # Ok(()) }
//! ```
//!
//! # Modes
//! [`BatchMode`] picks how objects travel: a server-side `BatchStream`
//! (the default on servers from 1.36), fixed-size requests with a number in
//! flight, dynamic requests sized from the server's load, or requests paced
//! to a number of objects per minute for vectorizers with quotas.
//!
//! # Guarantees
//! - **Nothing is lost.** A request that fails as a whole on a transient
//!   error (the server unavailable, overloaded or restarting, a broken
//!   stream) is sent again after a back-off; ids are fixed before the first
//!   attempt, so a retry never duplicates an object. When the retries run
//!   out, the objects are in the failed list with the last error.
//! - **Bounded memory.** The caller awaits in `add` while the pipeline is
//!   full: at most a few requests' worth of objects are held.
//! - **References after their objects.** A reference added while an object
//!   it links is still in the pipeline waits until that object is stored,
//!   and fails with it if it fails.
//! - **Shared.** [`Batch::handle`] and [`ClientBatch::handle`] give cheap
//!   handles that other tasks add through.
//!
//! [`WeaviateClient::batch`](crate::WeaviateClient::batch) imports into
//! several collections at once.

mod client_batch;
mod collection_batch;
mod dynamic;
mod engine;
mod item;
mod retry;
mod stream;
mod transport;
mod unary;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task::JoinHandle;

pub use client_batch::{AnyCollection, ClientBatch, ClientBatchHandle};
pub use collection_batch::{Batch, BatchHandle};
pub use item::{AnyObject, FailedReference};

use self::engine::Engine;
use self::item::Entry;
use self::stream::{StreamLink, StreamSettings};
use self::transport::Transport;
use self::unary::{Sizing, Unary};
use crate::client::WeaviateClient;
use crate::data::ConsistencyLevel;
use crate::{Error, Result};

/// The first server version with the `BatchStream` protocol this crate speaks.
const STREAM_SINCE: semver::Version = semver::Version::new(1, 36, 0);
/// Request size when the server does not say its limit.
const DEFAULT_MAX_MESSAGE_BYTES: usize = 10 * 1024 * 1024;
/// Entries waiting between the callers and the pipeline.
const INPUT_CAPACITY: usize = 256;

/// How a batch sends objects to the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum BatchMode {
    /// [`Stream`](Self::Stream) when the server has it (1.36 and later),
    /// otherwise fixed-size requests of 100, two at a time.
    #[default]
    Auto,
    /// Server-side batching over one gRPC `BatchStream`: the server sets the
    /// pace and the batch size, and the stream resumes after a restart.
    Stream,
    /// Requests of `size` objects, `concurrency` of them in flight.
    Fixed {
        /// Objects (or references) per request.
        size: usize,
        /// Requests in flight at once.
        concurrency: usize,
    },
    /// Request size and concurrency follow the server's load (its
    /// `/v1/nodes` batch statistics, read every second).
    Dynamic,
    /// At most this many objects per minute, for vectorizers with quotas.
    RateLimited {
        /// Objects per minute.
        objects_per_minute: u32,
    },
}

/// Settings of a batch import; get one from
/// [`Collection::batch`](crate::Collection::batch) or
/// [`WeaviateClient::batch`](crate::WeaviateClient::batch) and `start` it.
#[must_use = "call `start` to begin the import"]
pub struct BatchBuilder<S> {
    scope: S,
    client: WeaviateClient,
    mode: BatchMode,
    retries: u32,
    max_memory_wait: Duration,
    consistency: Option<ConsistencyLevel>,
    on_progress: Option<ProgressHook>,
}

pub(crate) type ProgressHook = Arc<dyn Fn(BatchProgress) + Send + Sync>;

impl<S: std::fmt::Debug> std::fmt::Debug for BatchBuilder<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BatchBuilder")
            .field("scope", &self.scope)
            .field("mode", &self.mode)
            .field("retries", &self.retries)
            .field("consistency", &self.consistency)
            .finish_non_exhaustive()
    }
}

impl<S> BatchBuilder<S> {
    pub(crate) fn new(scope: S, client: WeaviateClient, consistency: Option<ConsistencyLevel>) -> Self {
        Self {
            scope,
            client,
            mode: BatchMode::Auto,
            retries: 8,
            max_memory_wait: Duration::from_secs(30),
            consistency,
            on_progress: None,
        }
    }

    /// How objects travel (default [`BatchMode::Auto`]).
    pub fn mode(mut self, mode: BatchMode) -> Self {
        self.mode = mode;
        self
    }

    /// Server-side batching over a `BatchStream` ([`BatchMode::Stream`]).
    pub fn stream(self) -> Self {
        self.mode(BatchMode::Stream)
    }

    /// Requests sized from the server's load ([`BatchMode::Dynamic`]).
    pub fn dynamic(self) -> Self {
        self.mode(BatchMode::Dynamic)
    }

    /// Fixed-size requests of `size` objects (default concurrency 2).
    pub fn size(self, size: usize) -> Self {
        let concurrency = match self.mode {
            BatchMode::Fixed { concurrency, .. } => concurrency,
            _ => 2,
        };
        self.mode(BatchMode::Fixed { size: size.max(1), concurrency })
    }

    /// Fixed-size requests, `concurrency` in flight (default size 100).
    pub fn concurrency(self, concurrency: usize) -> Self {
        let size = match self.mode {
            BatchMode::Fixed { size, .. } => size,
            _ => 100,
        };
        self.mode(BatchMode::Fixed { size, concurrency: concurrency.max(1) })
    }

    /// At most `objects_per_minute` objects per minute ([`BatchMode::RateLimited`]).
    pub fn rate_limit(self, objects_per_minute: u32) -> Self {
        self.mode(BatchMode::RateLimited { objects_per_minute: objects_per_minute.max(1) })
    }

    /// Retries of a request or stream that failed on a transient error
    /// (default 8: waits of 0.5, 1, 2, 4, 8, then 10 s, about 45 s in all).
    pub fn retries(mut self, retries: u32) -> Self {
        self.retries = retries;
        self
    }

    /// The longest wait before sending again what a stream's server refused
    /// for lack of memory (default 30 s; the server suggests 300 s). Each
    /// such wait counts as one of the [`retries`](Self::retries).
    pub fn max_memory_wait(mut self, wait: Duration) -> Self {
        self.max_memory_wait = wait;
        self
    }

    /// The consistency level of every write.
    pub fn consistency_level(mut self, level: ConsistencyLevel) -> Self {
        self.consistency = Some(level);
        self
    }

    /// Called whenever objects or references are settled, with the running counts.
    pub fn on_progress(mut self, hook: impl Fn(BatchProgress) + Send + Sync + 'static) -> Self {
        self.on_progress = Some(Arc::new(hook));
        self
    }

    /// Starts the pipeline's worker on the current Tokio runtime.
    fn launch<P: Send + 'static>(self) -> (S, Pipeline<P>) {
        let (sender, input) = mpsc::channel(INPUT_CAPACITY);
        let counters = Arc::new(Counters::default());
        let (client, mode, retries, max_memory_wait) = (self.client, self.mode, self.retries, self.max_memory_wait);
        let consistency = self.consistency.map(ConsistencyLevel::to_proto);
        let (hook, engine_counters) = (self.on_progress, counters.clone());
        let worker = tokio::spawn(async move {
            let (events, settled) = mpsc::unbounded_channel();
            let (stream_supported, max_bytes) = server_limits(&client).await;
            let streams = match mode {
                BatchMode::Stream => true,
                BatchMode::Auto => stream_supported,
                _ => false,
            };
            let transport = if streams {
                let settings = StreamSettings { consistency, retries, max_bytes, max_memory_wait };
                Transport::Stream(StreamLink::start(client, settings, events))
            } else {
                Transport::Unary(Unary::new(client.clone(), consistency, retries, sizing(mode, &client), events))
            };
            Engine::new(input, settled, transport, engine_counters, hook, max_bytes).run().await
        });
        (self.scope, Pipeline { sender: PipelineSender { sender, counters }, worker })
    }
}

/// The request sizing of a unary mode.
fn sizing(mode: BatchMode, client: &WeaviateClient) -> Sizing {
    match mode {
        BatchMode::Fixed { size, concurrency } => Sizing::Fixed { size: size.max(1), concurrency: concurrency.max(1) },
        BatchMode::Dynamic => Sizing::Dynamic(dynamic::DynamicSizing::start(client.clone())),
        BatchMode::RateLimited { objects_per_minute } => {
            let per_minute = objects_per_minute.max(1);
            Sizing::Paced {
                size: usize::try_from(per_minute / 60).unwrap_or(1).clamp(1, 100),
                per_object: Duration::from_secs_f64(60.0 / f64::from(per_minute)),
            }
        }
        BatchMode::Auto | BatchMode::Stream => Sizing::Fixed { size: 100, concurrency: 2 },
    }
}

/// Whether the server speaks `BatchStream`, and the largest request to send it.
async fn server_limits(client: &WeaviateClient) -> (bool, usize) {
    let meta = match client.server_meta() {
        Some(meta) => Some(meta.clone()),
        None => client.meta().await.ok(),
    };
    let Some(meta) = meta else { return (false, DEFAULT_MAX_MESSAGE_BYTES) };
    let stream = meta.semver().is_ok_and(|v| semver::Version::new(v.major, v.minor, v.patch) >= STREAM_SINCE);
    // Leave room for the request's own framing.
    let max_bytes = meta.grpc_max_message_size.map_or(DEFAULT_MAX_MESSAGE_BYTES, |limit| limit / 10 * 9);
    (stream, max_bytes)
}

/// Counts of a running import, as the progress hook and `progress()` see them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BatchProgress {
    /// Objects added.
    pub added: usize,
    /// Objects handed to the server (resends not counted twice).
    pub sent: usize,
    /// Objects the server confirmed.
    pub confirmed: usize,
    /// Objects that failed: the running error count.
    pub failed: usize,
    /// References added.
    pub references_added: usize,
    /// References the server confirmed.
    pub references_confirmed: usize,
    /// References that failed.
    pub references_failed: usize,
}

/// An object the import could not write, handed back.
#[derive(Debug, Clone, PartialEq)]
pub struct FailedObject<T> {
    /// Its position among the objects added (0-based).
    pub index: usize,
    /// The id it was sent with.
    pub id: uuid::Uuid,
    /// The object itself.
    pub object: T,
    /// Why it failed.
    pub error: String,
}

/// The outcome of an import: every object and reference added is counted
/// as confirmed or listed as failed.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchReport<T> {
    /// Objects the server confirmed.
    pub confirmed: usize,
    /// Objects that failed, by position.
    pub failed: Vec<FailedObject<T>>,
    /// References the server confirmed.
    pub references_confirmed: usize,
    /// References that failed, by position.
    pub failed_references: Vec<FailedReference>,
}

impl<T> Default for BatchReport<T> {
    fn default() -> Self {
        Self { confirmed: 0, failed: Vec::new(), references_confirmed: 0, failed_references: Vec::new() }
    }
}

/// Live counters shared by the pipeline and its handles.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    added: AtomicUsize,
    sent: AtomicUsize,
    confirmed: AtomicUsize,
    failed: AtomicUsize,
    references_added: AtomicUsize,
    references_confirmed: AtomicUsize,
    references_failed: AtomicUsize,
}

impl Counters {
    fn snapshot(&self) -> BatchProgress {
        let load = |counter: &AtomicUsize| counter.load(Ordering::Relaxed);
        BatchProgress {
            added: load(&self.added),
            sent: load(&self.sent),
            confirmed: load(&self.confirmed),
            failed: load(&self.failed),
            references_added: load(&self.references_added),
            references_confirmed: load(&self.references_confirmed),
            references_failed: load(&self.references_failed),
        }
    }
}

/// A started pipeline: where entries go in, and the task that reports.
struct Pipeline<P> {
    sender: PipelineSender<P>,
    worker: JoinHandle<BatchReport<P>>,
}

impl<P> Pipeline<P> {
    /// Waits for the worker's report once every sender is gone.
    async fn finish(worker: JoinHandle<BatchReport<P>>) -> Result<BatchReport<P>> {
        worker.await.map_err(|error| Error::UnexpectedResponse {
            operation: "batch import".into(),
            message: format!("the batch worker stopped: {error}"),
        })
    }
}

/// The adding end of a pipeline, shared by handles.
struct PipelineSender<P> {
    sender: mpsc::Sender<Entry<P>>,
    counters: Arc<Counters>,
}

impl<P> Clone for PipelineSender<P> {
    fn clone(&self) -> Self {
        Self { sender: self.sender.clone(), counters: self.counters.clone() }
    }
}

impl<P> std::fmt::Debug for PipelineSender<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PipelineSender").field("progress", &self.counters.snapshot()).finish()
    }
}

impl<P> PipelineSender<P> {
    /// The next position among objects (or references).
    fn next_index(&self, reference: bool) -> usize {
        let counter = if reference { &self.counters.references_added } else { &self.counters.added };
        counter.fetch_add(1, Ordering::Relaxed)
    }

    /// Queues one entry, waiting while the pipeline is full.
    async fn push(&self, item: item::Item<P>) -> Result<()> {
        let index = self.next_index(matches!(item, item::Item::Reference { .. }));
        self.sender.send(Entry { index, item, retries: 0, unanswered: false }).await.map_err(|_| {
            Error::UnexpectedResponse {
                operation: "batch import".into(),
                message: "the batch has already finished".into(),
            }
        })
    }

    fn progress(&self) -> BatchProgress {
        self.counters.snapshot()
    }
}
