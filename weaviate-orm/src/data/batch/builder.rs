//! [`BatchBuilder`]: an import's settings ([`BatchMode`], retries,
//! consistency, progress), and starting its pipeline on the right transport.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;

use super::dynamic;
use super::engine::Engine;
use super::pipeline::{Pipeline, PipelineSender};
use super::report::{BatchProgress, Counters, ProgressHook};
use super::stream::{StreamLink, StreamSettings};
use super::transport::Transport;
use super::unary::{Sizing, Unary};
use crate::client::WeaviateClient;
use crate::consistency::ConsistencyLevel;

/// Request size when the server does not say its limit.
const DEFAULT_MAX_MESSAGE_BYTES: usize = 10 * 1024 * 1024;
/// Entries waiting between the callers and the pipeline (each with its
/// object and its encoded bytes: with 6 KiB vectors, 64 hold under 1 MiB).
const INPUT_CAPACITY: usize = 64;

/// How a batch sends objects to the server; set it with
/// [`BatchBuilder::mode`] or the shortcuts next to it.
///
/// ```no_run
/// # use weaviate_orm::{Collection, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String }
/// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
/// use weaviate_orm::data::BatchMode;
///
/// // For a vectorizer whose quota is 3 000 objects a minute.
/// let batch = articles.batch().mode(BatchMode::RateLimited { objects_per_minute: 3_000 }).start();
/// # let _ = batch.finish().await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum BatchMode {
    /// The fastest safe mode on the server: today [`Dynamic`](Self::Dynamic)
    /// on every version. In this crate's benchmark (the README) it came
    /// within a few percent of the server's ceiling on vector and scalar
    /// imports alike, where the stream stays at the server's own pace (on
    /// 1.39 one worker per CPU, each storing one message at a time).
    #[default]
    Auto,
    /// Server-side batching over one gRPC `BatchStream` (servers from 1.36):
    /// the server sets the pace and the batch size, and the stream resumes
    /// after a restart. On an older server every object is handed back.
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
/// The defaults ([`BatchMode::Auto`], 8 retries) suit most imports.
///
/// ```no_run
/// # use weaviate_orm::{Collection, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String }
/// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
/// use weaviate_orm::ConsistencyLevel;
///
/// let batch = articles
///     .batch()
///     .size(200) // fixed-size requests...
///     .concurrency(4) // ...four at a time
///     .retries(3)
///     .consistency_level(ConsistencyLevel::Quorum)
///     .on_progress(|p| eprintln!("{} of {} confirmed", p.confirmed, p.added))
///     .start();
/// # let _ = batch.finish().await?;
/// # Ok(()) }
/// ```
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
    pub(super) fn launch<P: Send + 'static>(self) -> (S, Pipeline<P>) {
        let (sender, input) = mpsc::channel(INPUT_CAPACITY);
        let counters = Arc::new(Counters::default());
        let (client, mode, retries, max_memory_wait) = (self.client, self.mode, self.retries, self.max_memory_wait);
        let consistency = self.consistency.map(ConsistencyLevel::to_proto);
        let (hook, engine_counters) = (self.on_progress, counters.clone());
        let worker = tokio::spawn(async move {
            let (events, settled) = mpsc::unbounded_channel();
            let max_bytes = max_request_bytes(&client).await;
            let transport = if mode == BatchMode::Stream {
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
        BatchMode::Auto | BatchMode::Dynamic => Sizing::Dynamic(dynamic::DynamicSizing::start(client.clone())),
        BatchMode::RateLimited { objects_per_minute } => {
            let per_minute = objects_per_minute.max(1);
            Sizing::Paced {
                size: usize::try_from(per_minute / 60).unwrap_or(1).clamp(1, 100),
                per_object: Duration::from_secs_f64(60.0 / f64::from(per_minute)),
            }
        }
        BatchMode::Stream => Sizing::Fixed { size: 100, concurrency: 2 },
    }
}

/// The largest request to send the server.
async fn max_request_bytes(client: &WeaviateClient) -> usize {
    let meta = match client.server_meta() {
        Some(meta) => Some(meta.clone()),
        None => client.meta().await.ok(),
    };
    // Leave room for the request's own framing.
    meta.and_then(|meta| meta.grpc_max_message_size).map_or(DEFAULT_MAX_MESSAGE_BYTES, |limit| limit / 10 * 9)
}
