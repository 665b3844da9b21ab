//! What an import reports: [`BatchReport`] at the end, [`BatchProgress`]
//! while it runs, from the live counters.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::item::FailedReference;

/// Called with the running counts whenever objects or references are settled.
pub(crate) type ProgressHook = Arc<dyn Fn(BatchProgress) + Send + Sync>;

/// Counts of a running import, as the progress hook
/// ([`BatchBuilder::on_progress`](super::BatchBuilder::on_progress)) and
/// [`Batch::progress`](super::Batch::progress) see them.
///
/// ```no_run
/// # use weaviate_orm::{Collection, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String }
/// # async fn demo(articles: Collection<Article>, input: Vec<Article>) -> weaviate_orm::Result<()> {
/// let batch = articles.batch().start();
/// for article in input {
///     batch.add(article).await?;
///     let p = batch.progress();
///     if p.added % 10_000 == 0 {
///         println!("{} added, {} sent, {} confirmed, {} failed", p.added, p.sent, p.confirmed, p.failed);
///     }
/// }
/// # let _ = batch.finish().await?;
/// # Ok(()) }
/// ```
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

/// An object the import could not write, handed back whole with the id it
/// was sent with, so it can be fixed and sent again.
///
/// ```no_run
/// # use weaviate_orm::{Collection, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String }
/// # use weaviate_orm::data::Batch;
/// # async fn demo(articles: Collection<Article>, batch: Batch<Article>) -> weaviate_orm::Result<()> {
/// use weaviate_orm::data::FailedObject;
///
/// for FailedObject { index, id, object, error } in batch.finish().await?.failed {
///     eprintln!("object #{index} {:?} ({id}) failed: {error}", object.title);
/// }
/// # Ok(()) }
/// ```
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
///
/// ```no_run
/// # use weaviate_orm::{Collection, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String }
/// # use weaviate_orm::data::Batch;
/// # async fn demo(articles: Collection<Article>, batch: Batch<Article>) -> weaviate_orm::Result<()> {
/// let report = batch.finish().await?;
/// println!("{} stored, {} failed", report.confirmed, report.failed.len());
/// // Failed objects come back whole: send them again, here one request.
/// let again: Vec<Article> = report.failed.into_iter().map(|failed| failed.object).collect();
/// let retried = articles.insert_many(&again).await?;
/// # Ok(()) }
/// ```
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
    pub(super) added: AtomicUsize,
    pub(super) sent: AtomicUsize,
    pub(super) confirmed: AtomicUsize,
    pub(super) failed: AtomicUsize,
    pub(super) references_added: AtomicUsize,
    pub(super) references_confirmed: AtomicUsize,
    pub(super) references_failed: AtomicUsize,
}

impl Counters {
    pub(super) fn snapshot(&self) -> BatchProgress {
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
