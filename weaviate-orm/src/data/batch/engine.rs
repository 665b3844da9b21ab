//! The pipeline shared by every batch mode: takes entries from the callers,
//! holds references back until the objects they link are settled, cuts
//! chunks for the transport, and books what the server said into the report.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::Instant;
use uuid::Uuid;

use super::item::{Entry, FailedReference, Item, Settled};
use super::report::{BatchReport, Counters, FailedObject, ProgressHook};
use super::retry;
use super::transport::Transport;

/// A partial chunk is sent once no entry has come in for this long.
const IDLE_FLUSH: Duration = Duration::from_secs(1);

/// A reference waiting for objects still in the pipeline.
struct Parked<P> {
    entry: Entry<P>,
    waiting_for: usize,
    failure: Option<String>,
}

pub(crate) struct Engine<P> {
    input: mpsc::Receiver<Entry<P>>,
    events: mpsc::UnboundedReceiver<Vec<Settled<P>>>,
    transport: Transport<P>,
    counters: Arc<Counters>,
    on_progress: Option<ProgressHook>,
    /// The largest request body, in bytes.
    max_bytes: usize,
    ready_objects: VecDeque<Entry<P>>,
    ready_references: VecDeque<Entry<P>>,
    /// Object ids added and not yet settled, with how many times each.
    unsettled: HashMap<Uuid, usize>,
    /// References waiting for objects, by reference index.
    parked: HashMap<usize, Parked<P>>,
    /// For each unsettled object, the parked references that wait for it.
    dependents: HashMap<Uuid, Vec<usize>>,
    /// Entries handed to the transport and not yet settled.
    outstanding: usize,
    /// The encoded bytes of every entry taken in and not yet booked.
    bytes: usize,
    /// Entries taken in so far and their bytes, for their mean size.
    taken: (usize, usize),
    /// Entries refused with a transient error, and when to send them again.
    delayed: Vec<(Instant, Entry<P>)>,
    report: BatchReport<P>,
}

impl<P: Send + 'static> Engine<P> {
    pub(crate) fn new(
        input: mpsc::Receiver<Entry<P>>,
        events: mpsc::UnboundedReceiver<Vec<Settled<P>>>,
        transport: Transport<P>,
        counters: Arc<Counters>,
        on_progress: Option<ProgressHook>,
        max_bytes: usize,
    ) -> Self {
        Self {
            input,
            events,
            transport,
            counters,
            on_progress,
            max_bytes,
            ready_objects: VecDeque::new(),
            ready_references: VecDeque::new(),
            unsettled: HashMap::new(),
            parked: HashMap::new(),
            dependents: HashMap::new(),
            outstanding: 0,
            bytes: 0,
            taken: (0, 0),
            delayed: Vec::new(),
            report: BatchReport::default(),
        }
    }

    /// Runs until the callers are done and every entry is settled.
    pub(crate) async fn run(mut self) -> BatchReport<P> {
        let mut input_open = true;
        let mut last_input = Instant::now();
        loop {
            let held = self.ready_objects.len() + self.ready_references.len() + self.parked.len() + self.delayed.len();
            // One chunk waits while the transport is full: it goes the moment
            // a request (or the stream's window) has room, and every entry
            // held beyond it would only be memory.
            let accepting = input_open && held < self.chunk_limit() && self.bytes < self.transport.byte_budget();
            let idle = last_input.elapsed() >= IDLE_FLUSH;
            self.dispatch(!accepting || idle);
            if !input_open && held == 0 && self.outstanding == 0 {
                break;
            }
            let has_partial = !self.ready_objects.is_empty() || !self.ready_references.is_empty();
            let next_retry = self.delayed.iter().map(|(at, _)| *at).min();
            tokio::select! {
                Some(settled) = self.events.recv() => {
                    self.transport.answered();
                    self.book(settled);
                }
                entry = self.input.recv(), if accepting => match entry {
                    Some(entry) => {
                        last_input = Instant::now();
                        self.accept(entry);
                    }
                    None => input_open = false,
                },
                () = tokio::time::sleep_until(last_input + IDLE_FLUSH), if has_partial && !idle => {}
                () = retry::sleep_until_some(next_retry), if next_retry.is_some() => self.requeue_due(),
                else => {
                    tracing::error!("the batch transport stopped with {} entries unsettled", self.outstanding);
                    break;
                }
            }
        }
        self.transport.close();
        self.report.failed.sort_by_key(|f| f.index);
        self.report.failed_references.sort_by_key(|f| f.index);
        self.report
    }

    /// Takes in one entry from a caller.
    fn accept(&mut self, entry: Entry<P>) {
        let entry = entry.refuse_if_larger_than(self.max_bytes);
        let size = entry.wire_size();
        self.bytes += size;
        self.taken = (self.taken.0 + 1, self.taken.1.saturating_add(size));
        match &entry.item {
            Item::Object { id, .. } => {
                *self.unsettled.entry(*id).or_default() += 1;
                self.ready_objects.push_back(entry);
            }
            Item::Unencodable { error, .. } => {
                let error = error.clone();
                self.outstanding += 1; // booked like a settled entry
                self.book(vec![(entry, Err(error))]);
            }
            Item::Reference { message } => {
                let mut waiting_for = 0;
                for end in [&message.from_uuid, &message.to_uuid] {
                    let Ok(id) = end.parse::<Uuid>() else { continue };
                    if self.unsettled.contains_key(&id) {
                        let waiting = self.dependents.entry(id).or_default();
                        if !waiting.contains(&entry.index) {
                            waiting.push(entry.index);
                            waiting_for += 1;
                        }
                    }
                }
                if waiting_for == 0 {
                    self.ready_references.push_back(entry);
                } else {
                    self.parked.insert(entry.index, Parked { entry, waiting_for, failure: None });
                }
            }
        }
    }

    /// Hands chunks to the transport while it has room; partial chunks only
    /// when `flush` says so.
    fn dispatch(&mut self, flush: bool) {
        let mixed = self.transport.takes_mixed_chunks();
        while self.transport.has_room(self.outstanding) {
            let limit = self.chunk_limit();
            let objects = self.ready_objects.len();
            let references = self.ready_references.len();
            let chunk = if mixed {
                if objects + references == 0 || (objects + references < limit && !flush) {
                    return;
                }
                let mut chunk = self.cut(true, limit);
                let room = limit.saturating_sub(chunk.len());
                chunk.extend(self.cut(false, room));
                chunk
            } else if objects >= limit || (objects > 0 && flush) {
                self.cut(true, limit)
            } else if references >= limit || (references > 0 && flush) {
                self.cut(false, limit)
            } else {
                return;
            };
            if chunk.is_empty() {
                return;
            }
            self.outstanding += chunk.len();
            let first_sends = chunk.iter().filter(|e| !e.is_reference() && e.retries == 0).count();
            self.counters.sent.fetch_add(first_sends, relaxed());
            self.transport.submit(chunk);
        }
    }

    /// Entries per chunk: the transport's, and where a byte budget holds, no
    /// more than half of it at the mean size taken in so far, so that one
    /// chunk is always on its way while another is answered (with 6 KiB
    /// vector objects a stream's batch of 1000 alone would fill it).
    fn chunk_limit(&self) -> usize {
        let budget = self.transport.byte_budget();
        let (entries, bytes) = self.taken;
        let within = match bytes.checked_div(entries) {
            Some(mean) if budget < usize::MAX => budget / 2 / mean.max(1),
            _ => usize::MAX,
        };
        self.transport.chunk_limit().min(within).max(1)
    }

    /// Up to `limit` ready objects (or references), within the byte limit
    /// (one entry always goes, whatever its size).
    fn cut(&mut self, objects: bool, limit: usize) -> Vec<Entry<P>> {
        let queue = if objects { &mut self.ready_objects } else { &mut self.ready_references };
        let mut chunk = Vec::with_capacity(limit.min(queue.len()));
        let mut bytes = 0;
        while chunk.len() < limit {
            let Some(next) = queue.front() else { break };
            bytes += next.wire_size();
            if bytes > self.max_bytes && !chunk.is_empty() {
                break;
            }
            chunk.extend(queue.pop_front());
        }
        chunk
    }

    /// Books settled entries into the report and releases the references
    /// that waited for them.
    fn book(&mut self, settled: Vec<Settled<P>>) {
        for (mut entry, result) in settled {
            self.outstanding = self.outstanding.saturating_sub(1);
            if let Err(error) = &result
                && entry.retries < retry::ENTRY_RETRIES
                && retry::is_transient_message(error)
            {
                entry.retries += 1;
                let delay = retry::delay(entry.retries);
                tracing::debug!(index = entry.index, "sending again in {delay:?} after: {error}");
                self.delayed.push((Instant::now() + delay, entry));
                continue;
            }
            self.bytes = self.bytes.saturating_sub(entry.wire_size());
            let index = entry.index;
            match entry.item {
                Item::Object { id, object, .. } | Item::Unencodable { id, object, .. } => {
                    if let Err(error) = &result {
                        self.release(id, Some(error));
                        self.counters.failed.fetch_add(1, relaxed());
                        self.report.failed.push(FailedObject { index, id, object, error: error.clone() });
                    } else {
                        self.release(id, None);
                        self.counters.confirmed.fetch_add(1, relaxed());
                        self.report.confirmed += 1;
                    }
                }
                Item::Reference { message } => match result {
                    Ok(()) => {
                        self.counters.references_confirmed.fetch_add(1, relaxed());
                        self.report.references_confirmed += 1;
                    }
                    Err(error) => {
                        self.counters.references_failed.fetch_add(1, relaxed());
                        self.report.failed_references.push(FailedReference::new(index, &message, error));
                    }
                },
            }
        }
        if let Some(hook) = &self.on_progress {
            hook(self.counters.snapshot());
        }
    }

    /// Moves the delayed entries that are due back into the ready queues.
    fn requeue_due(&mut self) {
        let now = Instant::now();
        let (due, later): (Vec<_>, Vec<_>) = self.delayed.drain(..).partition(|(at, _)| *at <= now);
        self.delayed = later;
        for (_, entry) in due {
            if entry.is_reference() {
                self.ready_references.push_back(entry);
            } else {
                self.ready_objects.push_back(entry);
            }
        }
    }

    /// One object with `id` settled; references waiting for it move on once
    /// nothing else holds them back, or fail with it.
    fn release(&mut self, id: Uuid, failure: Option<&String>) {
        let Some(count) = self.unsettled.get_mut(&id) else { return };
        *count -= 1;
        if *count > 0 {
            return;
        }
        self.unsettled.remove(&id);
        for index in self.dependents.remove(&id).unwrap_or_default() {
            let Some(parked) = self.parked.get_mut(&index) else { continue };
            parked.waiting_for -= 1;
            if let Some(reason) = failure {
                parked.failure = Some(format!("the object {id} it links failed: {reason}"));
            }
            if parked.waiting_for > 0 {
                continue;
            }
            let Some(Parked { entry, failure, .. }) = self.parked.remove(&index) else { continue };
            match failure {
                None => self.ready_references.push_back(entry),
                Some(reason) => {
                    self.outstanding += 1; // booked like a settled entry
                    self.book(vec![(entry, Err(reason))]);
                }
            }
        }
    }
}

fn relaxed() -> std::sync::atomic::Ordering {
    std::sync::atomic::Ordering::Relaxed
}
