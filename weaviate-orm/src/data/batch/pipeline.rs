//! A started import's plumbing: the channel entries go in by, shared by
//! handles, and the worker task that ends with the report.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use super::item::{self, Entry};
use super::report::{BatchProgress, BatchReport, Counters};
use crate::{Error, Result};

/// A started pipeline: where entries go in, and the task that reports.
pub(super) struct Pipeline<P> {
    pub(super) sender: PipelineSender<P>,
    pub(super) worker: JoinHandle<BatchReport<P>>,
}

impl<P> Pipeline<P> {
    /// Waits for the worker's report once every sender is gone.
    pub(super) async fn finish(worker: JoinHandle<BatchReport<P>>) -> Result<BatchReport<P>> {
        worker.await.map_err(|error| Error::UnexpectedResponse {
            operation: "batch import".into(),
            message: format!("the batch worker stopped: {error}"),
        })
    }
}

/// The adding end of a pipeline, shared by handles.
pub(super) struct PipelineSender<P> {
    pub(super) sender: mpsc::Sender<Entry<P>>,
    pub(super) counters: Arc<Counters>,
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
    pub(super) async fn push(&self, item: item::Item<P>) -> Result<()> {
        let index = self.next_index(matches!(item, item::Item::Reference { .. }));
        self.sender.send(Entry { index, item, retries: 0, unanswered: false }).await.map_err(|_| {
            Error::UnexpectedResponse {
                operation: "batch import".into(),
                message: "the batch has already finished".into(),
            }
        })
    }

    pub(super) fn progress(&self) -> BatchProgress {
        self.counters.snapshot()
    }
}
