//! The request-per-chunk transport of the fixed-size, dynamic and
//! rate-limited modes: each chunk is one `BatchObjects` or `BatchReferences`
//! request, several in flight at once, retried on transient failures.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::Instant;
use weaviate_orm_proto::v1 as pb;

use super::dynamic::DynamicSizing;
use super::item::{Entry, Item, Settled, unanswered};
use super::retry;
use crate::Result;
use crate::client::WeaviateClient;
use crate::client::encoded::EncodedObject;
use crate::data::requests::{batch_objects, batch_references};

/// How chunk size and concurrency are chosen.
pub(crate) enum Sizing {
    /// Fixed by the caller.
    Fixed { size: usize, concurrency: usize },
    /// Following the server's load.
    Dynamic(Arc<DynamicSizing>),
    /// Paced to a number of objects per minute.
    Paced { size: usize, per_object: Duration },
}

pub(crate) struct Unary<P> {
    client: WeaviateClient,
    consistency: Option<i32>,
    retries: u32,
    sizing: Sizing,
    /// Requests sent whose answer the engine has not booked yet: counted
    /// until then, so the entries the import holds never exceed what its
    /// size and concurrency say.
    in_flight: usize,
    next_send: Instant,
    events: mpsc::UnboundedSender<Vec<Settled<P>>>,
}

impl<P: Send + 'static> Unary<P> {
    pub(crate) fn new(
        client: WeaviateClient,
        consistency: Option<i32>,
        retries: u32,
        sizing: Sizing,
        events: mpsc::UnboundedSender<Vec<Settled<P>>>,
    ) -> Self {
        Self { client, consistency, retries, sizing, in_flight: 0, next_send: Instant::now(), events }
    }

    pub(crate) fn chunk_limit(&self) -> usize {
        match &self.sizing {
            Sizing::Fixed { size, .. } | Sizing::Paced { size, .. } => *size,
            Sizing::Dynamic(dynamic) => dynamic.size(),
        }
    }

    /// Whether it chooses its own request sizes (dynamic batching).
    pub(crate) fn sizes_itself(&self) -> bool {
        matches!(self.sizing, Sizing::Dynamic(_))
    }

    pub(crate) fn has_room(&self) -> bool {
        let concurrency = match &self.sizing {
            Sizing::Fixed { concurrency, .. } => *concurrency,
            Sizing::Dynamic(dynamic) => dynamic.concurrency(),
            Sizing::Paced { .. } => 1,
        };
        self.in_flight < concurrency
    }

    /// The engine booked the answer of one request.
    pub(crate) fn answered(&mut self) {
        self.in_flight = self.in_flight.saturating_sub(1);
    }

    /// Sends `chunk` (all objects or all references) as one request in its own task.
    pub(crate) fn submit(&mut self, chunk: Vec<Entry<P>>) {
        let not_before = self.next_send;
        if let Sizing::Paced { per_object, .. } = &self.sizing {
            let count = u32::try_from(chunk.len()).unwrap_or(u32::MAX);
            self.next_send = Instant::now().max(not_before) + *per_object * count;
        }
        let dynamic = match &self.sizing {
            Sizing::Dynamic(dynamic) => Some(dynamic.clone()),
            _ => None,
        };
        self.in_flight += 1;
        let events = self.events.clone();
        let (client, consistency, retries) = (self.client.clone(), self.consistency, self.retries);
        tokio::spawn(async move {
            tokio::time::sleep_until(not_before).await;
            if let Some(dynamic) = dynamic {
                dynamic.wait_while_paused().await;
            }
            let settled = send(&client, consistency, chunk, retries).await;
            // One message per request: the engine counts it as answered.
            // It outlives every request, so the receiver is there.
            let _ = events.send(settled);
        });
    }
}

/// Sends one chunk, retrying transient failures, and says what became of
/// every entry.
async fn send<P>(
    client: &WeaviateClient,
    consistency: Option<i32>,
    chunk: Vec<Entry<P>>,
    retries: u32,
) -> Vec<Settled<P>> {
    let mut attempt = 0;
    let result = loop {
        let messages = Messages::of(&chunk);
        match messages.send(client, consistency).await {
            Err(error) if attempt < retries && retry::is_transient(&error) => {
                attempt += 1;
                let delay = retry::delay(attempt);
                tracing::warn!(attempt, "batch request failed ({error}); retrying in {delay:?}");
                tokio::time::sleep(delay).await;
            }
            other => break other,
        }
    };
    match result {
        Ok(errors) => {
            let mut outcome: Vec<Result<(), String>> = vec![Ok(()); chunk.len()];
            for (position, error) in errors {
                if let Some(slot) = outcome.get_mut(position) {
                    *slot = Err(error);
                }
            }
            chunk.into_iter().zip(outcome).collect()
        }
        Err(error) => {
            // After a transient failure the request may have been carried out.
            let reason = if retry::is_transient(&error) { unanswered(&error.to_string()) } else { error.to_string() };
            chunk.into_iter().map(|entry| (entry, Err(reason.clone()))).collect()
        }
    }
}

/// The messages of a chunk: all objects or all references.
enum Messages {
    Objects(Vec<EncodedObject>),
    References(Vec<pb::BatchReference>),
}

impl Messages {
    fn of<P>(chunk: &[Entry<P>]) -> Self {
        if chunk.first().is_some_and(Entry::is_reference) {
            Self::References(
                chunk
                    .iter()
                    .filter_map(|entry| match &entry.item {
                        Item::Reference { message } => Some(message.clone()),
                        _ => None,
                    })
                    .collect(),
            )
        } else {
            Self::Objects(
                chunk
                    .iter()
                    .filter_map(|entry| match &entry.item {
                        Item::Object { encoded, .. } => Some(encoded.clone()),
                        _ => None,
                    })
                    .collect(),
            )
        }
    }

    /// Sends them as one request.
    async fn send(self, client: &WeaviateClient, consistency: Option<i32>) -> Result<Vec<(usize, String)>> {
        match self {
            Self::Objects(objects) => batch_objects(client, &objects, consistency).await,
            Self::References(references) => batch_references(client, references, consistency).await,
        }
    }
}
