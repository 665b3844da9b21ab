//! Batch import where nothing is lost: every object and reference added
//! comes back either confirmed by the server or in the report's failed
//! lists, typed, with its position and the reason.
//!
//! ```no_run
//! # use weaviate_orm::{Collection, WeaviateCollection};
//! # #[derive(WeaviateCollection)] struct Article { title: String }
//! # async fn demo(articles: Collection<Article>, input: Vec<Article>) -> weaviate_orm::Result<()> {
//! let batch = articles.batch().start(); // dynamic batching, sized from the server's load
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
//! [`BatchMode`] picks how objects travel: requests sized from the server's
//! load (dynamic batching, the default), a server-side `BatchStream`
//! (servers from 1.36), fixed-size requests with a number in flight, or
//! requests paced to a number of objects per minute for vectorizers with
//! quotas.
//!
//! # Guarantees
//! - **Nothing is lost.** A request that fails as a whole on a transient
//!   error (the server unavailable, overloaded or restarting, a broken
//!   stream) is sent again after a back-off; ids are fixed before the first
//!   attempt, so a retry never duplicates an object. When the retries run
//!   out, the objects are in the failed list with the last error.
//! - **Bounded memory.** The caller awaits in `add` while the pipeline is
//!   full. Besides 64 entries waiting to be taken in, it holds one
//!   request's worth ready and the entries of the requests in flight: at
//!   most `size × (concurrency + 1)` objects with fixed-size requests, and
//!   with dynamic batching and the stream no more once 4 MiB of encoded
//!   objects are unanswered. Each keeps its object, to hand it back, and its
//!   encoded bytes, to send it again.
//! - **References after their objects.** A reference added while an object
//!   it links is still in the pipeline waits until that object is stored,
//!   and fails with it if it fails.
//! - **Shared.** [`Batch::handle`] and [`ClientBatch::handle`] give cheap
//!   handles that other tasks add through.
//!
//! [`WeaviateClient::batch`](crate::WeaviateClient::batch) imports into
//! several collections at once.

mod builder;
mod client_batch;
mod collection_batch;
mod dynamic;
mod engine;
mod item;
mod pipeline;
mod report;
mod retry;
mod stream;
mod transport;
mod unary;

pub use builder::{BatchBuilder, BatchMode};
pub use client_batch::{AnyCollection, ClientBatch, ClientBatchHandle};
pub use collection_batch::{Batch, BatchHandle};
pub use item::{AnyObject, FailedReference};
pub use report::{BatchProgress, BatchReport, FailedObject};
