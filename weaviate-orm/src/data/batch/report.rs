//! What an import reports: [`BatchReport`] at the end, [`BatchProgress`]
//! while it runs, from the live counters.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::item::FailedReference;

/// Called with the running counts whenever objects or references are settled.
pub(crate) type ProgressHook = Arc<dyn Fn(BatchProgress) + Send + Sync>;

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
