//! Batch import where nothing is lost: objects go out in fixed-size gRPC
//! requests, several at a time, and every object comes back either confirmed
//! or in the report's failed list, typed, with its position and the reason.
//!
//! ```no_run
//! # use weaviate_orm::{Collection, WeaviateCollection};
//! # #[derive(WeaviateCollection)] struct Article { title: String }
//! # async fn demo(articles: Collection<Article>, input: Vec<Article>) -> weaviate_orm::Result<()> {
//! let batch = articles.batch().size(200).concurrency(2).start();
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
//! Memory stays bounded: at most `size × (concurrency + 2)` objects are held
//! (queued, being gathered, in flight). Requests that fail as a whole on a
//! transient error (the server unavailable or overloaded, a timeout) are
//! retried with exponential back-off; ids are fixed before the first
//! attempt, so a retry never duplicates an object.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task::JoinSet;
use uuid::Uuid;

use super::Collection;
use crate::collection::WeaviateCollection;
use crate::{Error, Result};

/// Settings of a batch import; start it with [`Collection::batch`].
#[must_use = "call `start` to begin the import"]
pub struct BatchBuilder<T> {
    collection: Collection<T>,
    size: usize,
    concurrency: usize,
    retries: u32,
    objects_per_minute: Option<u32>,
    on_progress: Option<ProgressHook>,
}

type ProgressHook = Arc<dyn Fn(BatchProgress) + Send + Sync>;

impl<T> std::fmt::Debug for BatchBuilder<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BatchBuilder")
            .field("collection", &self.collection)
            .field("size", &self.size)
            .field("concurrency", &self.concurrency)
            .field("retries", &self.retries)
            .field("objects_per_minute", &self.objects_per_minute)
            .finish_non_exhaustive()
    }
}

/// Counts of a running import, as the progress hook and
/// [`Batch::progress`] see them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BatchProgress {
    /// Objects handed to [`Batch::add`].
    pub added: usize,
    /// Objects sent to the server (retries not counted twice).
    pub sent: usize,
    /// Objects the server confirmed.
    pub confirmed: usize,
    /// Objects that failed.
    pub failed: usize,
}

/// An object the import could not write, handed back.
#[derive(Debug, Clone, PartialEq)]
pub struct FailedObject<T> {
    /// Its position among the objects added (0-based).
    pub index: usize,
    /// The id it was sent with.
    pub id: Uuid,
    /// The object itself.
    pub object: T,
    /// Why it failed.
    pub error: String,
}

/// The outcome of an import: every object added is counted as confirmed or
/// listed as failed.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchReport<T> {
    /// Objects the server confirmed.
    pub confirmed: usize,
    /// Objects that failed, by position.
    pub failed: Vec<FailedObject<T>>,
}

/// Live counters shared by the batch, its worker and its handles.
#[derive(Debug, Default)]
struct Counters {
    added: AtomicUsize,
    sent: AtomicUsize,
    confirmed: AtomicUsize,
    failed: AtomicUsize,
}

impl Counters {
    fn snapshot(&self) -> BatchProgress {
        BatchProgress {
            added: self.added.load(Ordering::Relaxed),
            sent: self.sent.load(Ordering::Relaxed),
            confirmed: self.confirmed.load(Ordering::Relaxed),
            failed: self.failed.load(Ordering::Relaxed),
        }
    }
}

/// A running import; objects go in with [`add`](Self::add), the report
/// comes out of [`finish`](Self::finish). Cheap [`handle`](Self::handle)s
/// let other tasks add objects too.
#[derive(Debug)]
pub struct Batch<T> {
    handle: BatchHandle<T>,
    worker: tokio::task::JoinHandle<BatchReport<T>>,
}

/// Adds objects to a running [`Batch`] from another task.
#[derive(Debug)]
pub struct BatchHandle<T> {
    sender: mpsc::Sender<Pending<T>>,
    counters: Arc<Counters>,
    collection: String,
}

impl<T> Clone for BatchHandle<T> {
    fn clone(&self) -> Self {
        Self { sender: self.sender.clone(), counters: self.counters.clone(), collection: self.collection.clone() }
    }
}

/// An object waiting to be sent, with its position and id.
#[derive(Debug)]
struct Pending<T> {
    index: usize,
    id: Uuid,
    object: T,
}

impl<T: WeaviateCollection> Collection<T> {
    /// A batch import into this collection (and its tenant, if any).
    pub fn batch(&self) -> BatchBuilder<T> {
        BatchBuilder {
            collection: self.clone(),
            size: 100,
            concurrency: 2,
            retries: 4,
            objects_per_minute: None,
            on_progress: None,
        }
    }
}

impl<T: WeaviateCollection + Send + 'static> BatchBuilder<T> {
    /// Objects per request (default 100).
    pub fn size(mut self, size: usize) -> Self {
        self.size = size.max(1);
        self
    }

    /// Requests in flight at once (default 2).
    pub fn concurrency(mut self, concurrency: usize) -> Self {
        self.concurrency = concurrency.max(1);
        self
    }

    /// Retries of a request that failed as a whole on a transient error (default 4).
    pub fn retries(mut self, retries: u32) -> Self {
        self.retries = retries;
        self
    }

    /// At most this many objects per minute, for vectorizers with quotas.
    pub fn rate_limit(mut self, objects_per_minute: u32) -> Self {
        self.objects_per_minute = Some(objects_per_minute.max(1));
        self
    }

    /// Called after every request with the running counts.
    pub fn on_progress(mut self, hook: impl Fn(BatchProgress) + Send + Sync + 'static) -> Self {
        self.on_progress = Some(Arc::new(hook));
        self
    }

    /// Starts the import's worker on the current Tokio runtime.
    pub fn start(self) -> Batch<T> {
        let (sender, receiver) = mpsc::channel(self.size);
        let counters = Arc::new(Counters::default());
        let handle = BatchHandle { sender, counters: counters.clone(), collection: self.collection.name.clone() };
        let worker = tokio::spawn(self.run(receiver, counters));
        Batch { handle, worker }
    }

    async fn run(self, mut receiver: mpsc::Receiver<Pending<T>>, counters: Arc<Counters>) -> BatchReport<T> {
        let mut report = BatchReport { confirmed: 0, failed: Vec::new() };
        let mut in_flight = JoinSet::new();
        let pace = self.objects_per_minute.map(|n| Duration::from_secs_f64(60.0 / f64::from(n)));
        let mut next_send = tokio::time::Instant::now();
        loop {
            let mut chunk = Vec::with_capacity(self.size);
            if receiver.recv_many(&mut chunk, self.size).await == 0 {
                break;
            }
            // Fill the request up unless the senders are done.
            while chunk.len() < self.size {
                let missing = self.size - chunk.len();
                if receiver.recv_many(&mut chunk, missing).await == 0 {
                    break;
                }
            }
            if let Some(pace) = pace {
                tokio::time::sleep_until(next_send).await;
                next_send = tokio::time::Instant::now() + pace * u32::try_from(chunk.len()).unwrap_or(u32::MAX);
            }
            while in_flight.len() >= self.concurrency {
                self.settle(in_flight.join_next().await, &mut report, &counters);
            }
            counters.sent.fetch_add(chunk.len(), Ordering::Relaxed);
            in_flight.spawn(send(self.collection.clone(), chunk, self.retries));
        }
        while let Some(done) = in_flight.join_next().await {
            self.settle(Some(done), &mut report, &counters);
        }
        report.failed.sort_by_key(|f| f.index);
        report
    }

    /// Books one finished request into the report.
    fn settle(
        &self,
        done: Option<std::result::Result<Outcome<T>, tokio::task::JoinError>>,
        report: &mut BatchReport<T>,
        counters: &Counters,
    ) {
        let outcome = match done {
            Some(Ok(outcome)) => outcome,
            Some(Err(error)) => {
                // `send` does not panic; should its task die anyway, say so loudly.
                tracing::error!(collection = self.collection.name(), "a batch request task stopped: {error}");
                return;
            }
            None => return,
        };
        report.confirmed += outcome.confirmed;
        counters.confirmed.fetch_add(outcome.confirmed, Ordering::Relaxed);
        counters.failed.fetch_add(outcome.failed.len(), Ordering::Relaxed);
        report.failed.extend(outcome.failed);
        if let Some(hook) = &self.on_progress {
            hook(counters.snapshot());
        }
    }
}

/// What one request did.
struct Outcome<T> {
    confirmed: usize,
    failed: Vec<FailedObject<T>>,
}

/// Sends one chunk, retrying transient failures; never loses an object.
async fn send<T: WeaviateCollection>(collection: Collection<T>, chunk: Vec<Pending<T>>, retries: u32) -> Outcome<T> {
    let mut failed = Vec::new();
    let mut messages = Vec::with_capacity(chunk.len());
    let mut sent = Vec::with_capacity(chunk.len());
    for pending in chunk {
        match collection.encode(&pending.object, pending.id) {
            Ok(message) => {
                messages.push(message);
                sent.push(Some(pending));
            }
            Err(error) => failed.push(fail(pending, error.to_string())),
        }
    }
    let mut attempt = 0;
    let mut first = Some(messages);
    let result = loop {
        // A retry encodes the objects again rather than keeping a copy of every request.
        let messages = first
            .take()
            .unwrap_or_else(|| sent.iter().flatten().filter_map(|p| collection.encode(&p.object, p.id).ok()).collect());
        match collection.send_objects(messages).await {
            Err(error) if attempt < retries && is_transient(&error) => {
                attempt += 1;
                let delay = Duration::from_millis(250 * 2u64.pow(attempt.min(6)));
                tracing::warn!(
                    collection = collection.name(),
                    attempt,
                    "batch request failed ({error}); retrying in {delay:?}"
                );
                tokio::time::sleep(delay).await;
            }
            other => break other,
        }
    };
    match result {
        Ok(errors) => {
            for (position, error) in errors {
                if let Some(pending) = sent.get_mut(position).and_then(Option::take) {
                    failed.push(fail(pending, error));
                }
            }
        }
        Err(error) => {
            let reason = error.to_string();
            failed.extend(sent.iter_mut().filter_map(Option::take).map(|p| fail(p, reason.clone())));
        }
    }
    let confirmed = sent.iter().filter(|p| p.is_some()).count();
    Outcome { confirmed, failed }
}

fn fail<T>(pending: Pending<T>, error: String) -> FailedObject<T> {
    FailedObject { index: pending.index, id: pending.id, object: pending.object, error }
}

/// Whether a whole-request failure may succeed when retried.
fn is_transient(error: &Error) -> bool {
    match error {
        Error::Connection { .. } | Error::Timeout { .. } => true,
        Error::Grpc { code, .. } => matches!(
            code,
            tonic::Code::Unavailable | tonic::Code::ResourceExhausted | tonic::Code::Aborted | tonic::Code::Internal
        ),
        _ => false,
    }
}

impl<T: WeaviateCollection + Send + 'static> Batch<T> {
    /// Queues `object` and returns the id it will have. Waits while the
    /// pipeline is full.
    pub async fn add(&self, object: T) -> Result<Uuid> {
        self.handle.add(object).await
    }

    /// A handle for adding objects from other tasks.
    pub fn handle(&self) -> BatchHandle<T> {
        self.handle.clone()
    }

    /// The running counts; `failed` is the running error count.
    pub fn progress(&self) -> BatchProgress {
        self.handle.counters.snapshot()
    }

    /// Waits for every object to be confirmed or failed. Handles still held
    /// elsewhere must be dropped first, or this waits for them.
    pub async fn finish(self) -> Result<BatchReport<T>> {
        drop(self.handle);
        self.worker.await.map_err(|error| Error::UnexpectedResponse {
            operation: "batch import".into(),
            message: format!("the batch worker stopped: {error}"),
        })
    }
}

impl<T: WeaviateCollection + Send + 'static> BatchHandle<T> {
    /// Queues `object` and returns the id it will have. Waits while the
    /// pipeline is full.
    pub async fn add(&self, object: T) -> Result<Uuid> {
        let id = object.object_id().unwrap_or_else(Uuid::new_v4);
        let index = self.counters.added.fetch_add(1, Ordering::Relaxed);
        self.sender.send(Pending { index, id, object }).await.map_err(|_| Error::UnexpectedResponse {
            operation: format!("batch import into {}", self.collection),
            message: "the batch has already finished".into(),
        })?;
        Ok(id)
    }
}
