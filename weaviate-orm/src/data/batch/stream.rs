//! The server-side batching transport: one `BatchStream` at a time.
//!
//! The stream opens with `Start`; data messages follow, each at most the
//! server's recommended batch size (its `Backoff` messages) and below the
//! gRPC message limit, while fewer than two batches are unacknowledged.
//! `Results` settle entries by uuid (objects) or by source beacon
//! (references). When the server shuts down (`ShuttingDown`), runs out of
//! memory (`OutOfMemory`) or the connection breaks, everything without a
//! result is sent again on a new stream after a back-off; fixed ids make
//! that idempotent. When the callers are done, `Stop` closes the stream.
//!
//! No wait is unbounded: while entries are unanswered (or the stream is
//! closing), the server must acknowledge or settle something within the
//! insert timeout, or the stream counts as broken (a stuck server, a
//! stalled connection) and the next one connects afresh. The `Backoff`
//! messages the server sends every few seconds whatever happens do not
//! count: a server stuck on a write keeps sending them.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::Instant;
use tokio_stream::wrappers::ReceiverStream;
use tracing::Instrument;
use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;
use weaviate_orm_proto::v1::batch_stream_reply::{self as reply, results};
use weaviate_orm_proto::v1::batch_stream_request as request;

use super::item::{Entry, Item, Settled, stream_beacon, unanswered};
use super::retry;
use super::retry::sleep_until_some;
use crate::Error;
use crate::client::encoded::Encoded;
use crate::client::grpc::Grpc;
use crate::client::{Transports, WeaviateClient};

/// The client's batch size until the server recommends one.
const START_BATCH_SIZE: usize = 100;
/// How a stream behaves; see the batch builder for each setting.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StreamSettings {
    pub(crate) consistency: Option<i32>,
    pub(crate) retries: u32,
    pub(crate) max_bytes: usize,
    /// The longest wait after an `OutOfMemory` before trying again.
    pub(crate) max_memory_wait: Duration,
}

/// The engine's end of the stream actor.
pub(crate) struct StreamLink<P> {
    submissions: Option<mpsc::UnboundedSender<Vec<Entry<P>>>>,
    batch_size: Arc<AtomicUsize>,
}

impl<P: Send + 'static> StreamLink<P> {
    pub(crate) fn start(
        client: WeaviateClient,
        settings: StreamSettings,
        events: mpsc::UnboundedSender<Vec<Settled<P>>>,
    ) -> Self {
        let (submissions, receiver) = mpsc::unbounded_channel();
        let batch_size = Arc::new(AtomicUsize::new(START_BATCH_SIZE));
        let actor = Actor {
            client,
            settings,
            submissions: receiver,
            input_closed: false,
            events,
            batch_size: batch_size.clone(),
            queue: VecDeque::new(),
            in_flight: InFlight::default(),
            settled: 0,
        };
        tokio::spawn(actor.run());
        Self { submissions: Some(submissions), batch_size }
    }

    pub(crate) fn chunk_limit(&self) -> usize {
        self.batch_size.load(Ordering::Relaxed)
    }

    /// Room for three batches between the engine and the server's results.
    pub(crate) fn has_room(&self, outstanding: usize) -> bool {
        outstanding < 3 * self.chunk_limit()
    }

    pub(crate) fn submit(&mut self, chunk: Vec<Entry<P>>) {
        if let Some(submissions) = &self.submissions
            && submissions.send(chunk).is_err()
        {
            tracing::error!("the batch stream task stopped; entries were not sent");
        }
    }

    /// No more entries: the actor finishes once everything is settled.
    pub(crate) fn close(&mut self) {
        self.submissions = None;
    }
}

/// Entries sent on the current stream and not yet answered. An object's
/// result names its id: nearly every id is sent once, so each has one
/// entry; an id added again while the first is in flight waits in `repeats`.
struct InFlight<P> {
    objects: HashMap<Uuid, Entry<P>>,
    repeats: HashMap<Uuid, VecDeque<Entry<P>>>,
    references: HashMap<String, VecDeque<Entry<P>>>,
    len: usize,
    unacked: usize,
}

impl<P> Default for InFlight<P> {
    fn default() -> Self {
        Self { objects: HashMap::new(), repeats: HashMap::new(), references: HashMap::new(), len: 0, unacked: 0 }
    }
}

impl<P> InFlight<P> {
    fn insert(&mut self, entry: Entry<P>) {
        match &entry.item {
            Item::Reference { message } => self.references.entry(stream_beacon(message)).or_default().push_back(entry),
            _ => match entry.object_id() {
                Some(id) if self.objects.contains_key(&id) => self.repeats.entry(id).or_default().push_back(entry),
                Some(id) => {
                    self.objects.insert(id, entry);
                }
                None => return,
            },
        }
        self.len += 1;
        self.unacked += 1;
    }

    /// The oldest entry in flight with this id.
    fn take_object(&mut self, uuid: &str) -> Option<Entry<P>> {
        let id = uuid.parse().ok()?;
        let entry = self.objects.remove(&id)?;
        if let Some(next) = take(&mut self.repeats, &id) {
            self.objects.insert(id, next);
        }
        self.len -= 1;
        Some(entry)
    }

    fn take_reference(&mut self, beacon: &str) -> Option<Entry<P>> {
        let entry = take(&mut self.references, beacon)?;
        self.len -= 1;
        Some(entry)
    }

    fn acknowledge(&mut self, count: usize) {
        self.unacked = self.unacked.saturating_sub(count);
    }

    /// Everything unanswered, objects before references, in the order added.
    fn drain(&mut self) -> Vec<Entry<P>> {
        let repeats = self.repeats.drain().flat_map(|(_, queue)| queue);
        let mut entries: Vec<Entry<P>> = self.objects.drain().map(|(_, entry)| entry).chain(repeats).collect();
        entries.sort_by_key(|entry| entry.index);
        let mut references: Vec<Entry<P>> = self.references.drain().flat_map(|(_, queue)| queue).collect();
        references.sort_by_key(|entry| entry.index);
        entries.extend(references);
        self.len = 0;
        self.unacked = 0;
        entries
    }
}

fn take<K, Q, P>(map: &mut HashMap<K, VecDeque<Entry<P>>>, key: &Q) -> Option<Entry<P>>
where
    K: std::borrow::Borrow<Q> + std::hash::Hash + Eq,
    Q: std::hash::Hash + Eq + ?Sized,
{
    let queue = map.get_mut(key)?;
    let entry = queue.pop_front();
    if queue.is_empty() {
        map.remove(key);
    }
    entry
}

/// How a stream ended.
enum End {
    /// The server closed it after every entry was answered and the callers were done.
    Finished,
    /// It broke or was closed early; what is unanswered goes again.
    Interrupted { reason: String, answered_some: bool, wait: Option<Duration> },
    /// It cannot work again (a closed client, bad credentials, an old
    /// server); `maybe_stored` unless the server surely stored nothing
    /// (it refused the credentials).
    Fatal { reason: String, maybe_stored: bool },
}

impl End {
    fn fatal(error: &Error) -> Self {
        let maybe_stored = !matches!(error, Error::Authentication { .. } | Error::Authorization { .. });
        Self::Fatal { reason: format!("the server refused the batch stream ({error})"), maybe_stored }
    }
}

struct Actor<P> {
    client: WeaviateClient,
    settings: StreamSettings,
    submissions: mpsc::UnboundedReceiver<Vec<Entry<P>>>,
    input_closed: bool,
    events: mpsc::UnboundedSender<Vec<Settled<P>>>,
    batch_size: Arc<AtomicUsize>,
    /// Entries to send, in order; unanswered ones go back to its front.
    queue: VecDeque<Entry<P>>,
    in_flight: InFlight<P>,
    /// Entries the current stream settled.
    settled: usize,
}

impl<P: Send + 'static> Actor<P> {
    async fn run(mut self) {
        let mut failures = 0;
        loop {
            if self.queue.is_empty() && self.in_flight.len == 0 {
                if self.input_closed {
                    return;
                }
                match self.submissions.recv().await {
                    Some(chunk) => self.queue.extend(chunk),
                    None => return,
                }
            }
            let end = self.traced_session().await;
            let mut unanswered: VecDeque<Entry<P>> = self.in_flight.drain().into();
            unanswered.append(&mut self.queue);
            self.queue = unanswered;
            match end {
                End::Finished => failures = 0,
                End::Interrupted { reason, answered_some, wait } => {
                    failures = if answered_some { 1 } else { failures + 1 };
                    if failures > self.settings.retries {
                        let reason = format!("the batch stream failed {failures} times: {reason}");
                        return self.fail_everything(reason, true).await;
                    }
                    let delay = wait.unwrap_or_else(|| retry::delay(failures));
                    tracing::warn!(
                        unanswered = self.queue.len(),
                        "batch stream interrupted ({reason}); resending in {delay:?}"
                    );
                    tokio::time::sleep(delay).await;
                }
                End::Fatal { reason, maybe_stored } => return self.fail_everything(reason, maybe_stored).await,
            }
        }
    }

    /// One stream, in its `tracing` span.
    async fn traced_session(&mut self) -> End {
        let transports = match self.client.transports() {
            Ok(transports) => transports.clone(),
            Err(error) => return End::Fatal { reason: error.to_string(), maybe_stored: true },
        };
        let span = transports.grpc.stream_span(self.settings.consistency);
        self.settled = 0;
        let end = self.session(&transports, &span).instrument(span.clone()).await;
        span.record("objects", self.settled);
        end
    }

    /// One stream, from `Start` to its end.
    async fn session(&mut self, transports: &Transports, span: &tracing::Span) -> End {
        let timeout = transports.timeouts.insert;
        let transport = &transports.grpc;
        let (sender, receiver) = mpsc::channel(4);
        let start = request::Start { consistency_level: self.settings.consistency };
        if sender.try_send(Encoded::message(&stream_request(request::Message::Start(start)))).is_err() {
            let reason = "the stream's request channel refused the start message".into();
            return End::Fatal { reason, maybe_stored: false };
        }
        let node = transport.current_node();
        transport.opened_on(span, node);
        let opening = transport.batch_stream_encoded(node, ReceiverStream::new(receiver));
        let mut replies = match tokio::time::timeout(timeout, opening).await {
            Ok(Ok(response)) => response.into_inner(),
            Ok(Err(status)) => return interrupted_or_fatal(transport, node, timeout, &status, false),
            Err(_) => {
                transport.reconnect(node);
                let reason = format!("no answer to the stream's start within {timeout:?}");
                return End::Interrupted { reason, answered_some: false, wait: None };
            }
        };
        let mut sender = Some(sender);
        let mut stopping = false;
        let mut answered_some = false;
        let mut wait = None;
        let mut refused_for_memory = 0;
        // When the server must have said something by, while it owes answers.
        let mut answer_by: Option<Instant> = None;
        loop {
            let done = self.input_closed && self.queue.is_empty() && self.in_flight.len == 0;
            let want_stop = stopping || done;
            let want_data = !want_stop && !self.queue.is_empty() && self.may_send();
            let owed = self.in_flight.len > 0 || sender.is_none();
            answer_by = if owed { answer_by.or_else(|| Some(Instant::now() + timeout)) } else { None };
            let mut half_close = false;
            tokio::select! {
                () = sleep_until_some(answer_by), if answer_by.is_some() => {
                    let reason = format!(
                        "the server settled nothing for {timeout:?} with {} entries unanswered",
                        self.in_flight.len
                    );
                    transport.reconnect(node);
                    return End::Interrupted { reason, answered_some, wait: None };
                }
                reply = replies.message() => match reply {
                    Ok(Some(reply)) => match reply.message {
                        Some(reply::Message::Results(results)) => {
                            answer_by = None;
                            answered_some = true;
                            self.settle(results);
                        }
                        Some(reply::Message::Acks(acks)) => {
                            answer_by = None;
                            self.in_flight.acknowledge(acks.uuids.len() + acks.beacons.len());
                        }
                        Some(reply::Message::Backoff(backoff)) => {
                            let size = usize::try_from(backoff.batch_size).unwrap_or(START_BATCH_SIZE).clamp(1, 10_000);
                            self.batch_size.store(size, Ordering::Relaxed);
                        }
                        Some(reply::Message::ShuttingDown(_)) => {
                            tracing::info!("the server is shutting down; this batch stream stops and resumes on a new one");
                            stopping = true;
                        }
                        Some(reply::Message::OutOfMemory(oom)) => {
                            self.requeue(&oom);
                            let seconds = u64::try_from(oom.wait_time).unwrap_or(1).max(1);
                            wait = Some(Duration::from_secs(seconds).min(self.settings.max_memory_wait));
                            refused_for_memory += oom.uuids.len() + oom.beacons.len();
                            stopping = true;
                        }
                        Some(reply::Message::Started(_)) | None => {}
                    },
                    Ok(None) if done => return End::Finished,
                    Ok(None) => {
                        let reason = if refused_for_memory > 0 {
                            format!("the server is out of memory and refused {refused_for_memory} entries")
                        } else {
                            format!("the server closed the stream with {} entries unanswered", self.in_flight.len + self.queue.len())
                        };
                        return End::Interrupted { reason, answered_some, wait };
                    }
                    Err(status) => return interrupted_or_fatal(transport, node, timeout, &status, answered_some),
                },
                permit = reserve(sender.as_ref()), if want_stop || want_data => match permit {
                    Some(permit) if want_stop => {
                        permit.send(Encoded::message(&stream_request(request::Message::Stop(request::Stop {}))));
                        half_close = true;
                    }
                    Some(permit) => permit.send(self.next_data()),
                    None => half_close = true,
                },
                chunk = self.submissions.recv(), if !self.input_closed => match chunk {
                    Some(chunk) => self.queue.extend(chunk),
                    None => self.input_closed = true,
                },
            }
            if half_close {
                sender = None;
            }
        }
    }

    /// Fewer than two batches unacknowledged.
    fn may_send(&self) -> bool {
        self.in_flight.unacked < 2 * self.batch_size.load(Ordering::Relaxed)
    }

    /// The next data message from the front of the queue.
    fn next_data(&mut self) -> Encoded {
        let limit = self.batch_size.load(Ordering::Relaxed);
        let (mut objects, mut references) = (Vec::new(), Vec::new());
        let mut bytes = 0;
        while objects.len() + references.len() < limit {
            let Some(next) = self.queue.front() else { break };
            bytes += next.wire_size();
            if bytes > self.settings.max_bytes && !(objects.is_empty() && references.is_empty()) {
                break;
            }
            let Some(entry) = self.queue.pop_front() else { break };
            match &entry.item {
                Item::Object { encoded, .. } => objects.push(encoded.clone()),
                Item::Reference { message } => references.push(message.clone()),
                Item::Unencodable { error, .. } => {
                    let error = error.clone();
                    let _ = self.events.send(vec![(entry, Err(error))]);
                    continue;
                }
            }
            self.in_flight.insert(Entry { unanswered: true, ..entry });
        }
        Encoded::stream_data(&objects, &references)
    }

    /// Books the server's results.
    fn settle(&mut self, results: reply::Results) {
        let mut settled = Vec::with_capacity(results.successes.len() + results.errors.len());
        for success in results.successes {
            let entry = match success.detail {
                Some(results::success::Detail::Uuid(uuid)) => self.in_flight.take_object(&uuid),
                Some(results::success::Detail::Beacon(beacon)) => self.in_flight.take_reference(&beacon),
                None => None,
            };
            settled.extend(entry.map(|entry| (entry, Ok(()))));
        }
        for error in results.errors {
            let entry = match error.detail {
                Some(results::error::Detail::Uuid(uuid)) => self.in_flight.take_object(&uuid),
                Some(results::error::Detail::Beacon(beacon)) => self.in_flight.take_reference(&beacon),
                None => None,
            };
            match entry {
                Some(entry) => settled.push((entry, Err(error.error))),
                None => tracing::warn!("batch stream result for an unknown entry: {}", error.error),
            }
        }
        self.settled += settled.len();
        if !settled.is_empty() {
            let _ = self.events.send(settled);
        }
    }

    /// Puts the entries the server refused for lack of memory back in front.
    fn requeue(&mut self, oom: &reply::OutOfMemory) {
        let mut refused: Vec<Entry<P>> = oom.uuids.iter().filter_map(|uuid| self.in_flight.take_object(uuid)).collect();
        refused.extend(oom.beacons.iter().filter_map(|beacon| self.in_flight.take_reference(beacon)));
        // Refused outright: not stored.
        refused.iter_mut().for_each(|entry| entry.unanswered = false);
        self.in_flight.acknowledge(refused.len());
        for entry in refused.into_iter().rev() {
            self.queue.push_front(entry);
        }
    }

    /// Fails what is queued and everything still to come with `reason`;
    /// entries sent without an answer say that the server may have stored
    /// them, unless it surely did not.
    async fn fail_everything(mut self, reason: String, maybe_stored: bool) {
        tracing::error!("batch stream gave up: {reason}");
        let queued: Vec<Entry<P>> = self.queue.drain(..).collect();
        let failed = queued.into_iter().map(|entry| {
            let error = if entry.unanswered && maybe_stored { unanswered(&reason) } else { reason.clone() };
            (entry, Err(error))
        });
        let _ = self.events.send(failed.collect());
        while let Some(chunk) = self.submissions.recv().await {
            let _ = self.events.send(chunk.into_iter().map(|entry| (entry, Err(reason.clone()))).collect());
        }
    }
}

fn stream_request(message: request::Message) -> pb::BatchStreamRequest {
    pb::BatchStreamRequest { message: Some(message) }
}

/// A permit to send on the stream, or never when it is closed.
async fn reserve<T>(sender: Option<&mpsc::Sender<T>>) -> Option<mpsc::Permit<'_, T>> {
    match sender {
        Some(sender) => sender.reserve().await.ok(),
        None => std::future::pending().await,
    }
}

/// How a failed stream ends: typed by what happened, retried when that may pass.
fn interrupted_or_fatal(
    grpc: &Grpc,
    node: usize,
    timeout: Duration,
    status: &tonic::Status,
    answered_some: bool,
) -> End {
    let error = grpc.error("BatchStream", node, timeout, status);
    grpc.stream_failed(node, &error);
    if retry::is_transient(&error) {
        End::Interrupted { reason: error.to_string(), answered_some, wait: None }
    } else {
        End::fatal(&error)
    }
}
