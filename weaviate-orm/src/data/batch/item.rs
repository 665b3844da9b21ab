//! What flows through a batch pipeline: objects and references with their
//! positions, already encoded, and what the server said about each.

use std::any::Any;
use std::fmt;

use prost::Message;
use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use crate::client::encoded::EncodedObject;

/// One object or reference waiting for the server, with its position among
/// the items of its kind added to the batch.
#[derive(Debug)]
pub(crate) struct Entry<P> {
    pub(crate) index: usize,
    pub(crate) item: Item<P>,
    /// How many times the server refused it with a transient error.
    pub(crate) retries: u32,
    /// Whether it went to the server without an answer coming back.
    pub(crate) unanswered: bool,
}

/// The payload of an [`Entry`].
#[derive(Debug)]
pub(crate) enum Item<P> {
    /// An object, encoded once (every request that carries it writes these
    /// bytes); `object` is handed back if it fails.
    Object { id: Uuid, encoded: EncodedObject, object: P },
    /// An object the client could not encode: it fails without being sent.
    Unencodable { id: Uuid, object: P, error: String },
    /// A reference from one object to another.
    Reference { message: pb::BatchReference },
}

impl<P> Entry<P> {
    /// The object id, for objects.
    pub(crate) fn object_id(&self) -> Option<Uuid> {
        match &self.item {
            Item::Object { id, .. } | Item::Unencodable { id, .. } => Some(*id),
            Item::Reference { .. } => None,
        }
    }

    pub(crate) fn is_reference(&self) -> bool {
        matches!(self.item, Item::Reference { .. })
    }

    /// The entry, or, when an object alone is larger than `max_bytes` (what
    /// one request may carry), the same object as unencodable with its size:
    /// it fails alone, before it is sent, instead of breaking the requests
    /// of its neighbours again and again.
    pub(crate) fn refuse_if_larger_than(self, max_bytes: usize) -> Self {
        let size = self.wire_size();
        match self.item {
            Item::Object { id, object, .. } if size > max_bytes => {
                let error = format!(
                    "the object is {size} bytes encoded; one batch message may carry at most {max_bytes} \
                     (90% of the server's gRPC message limit)"
                );
                Self { item: Item::Unencodable { id, object, error }, ..self }
            }
            item => Self { item, ..self },
        }
    }

    /// The bytes this entry adds to a request.
    pub(crate) fn wire_size(&self) -> usize {
        match &self.item {
            Item::Object { encoded, .. } => encoded.len() + 8,
            Item::Reference { message } => message.encoded_len() + 8,
            Item::Unencodable { .. } => 0,
        }
    }
}

/// The reason given for an entry that was sent but never answered: the
/// server may have stored it.
pub(crate) fn unanswered(reason: &str) -> String {
    format!("{reason} (sent without an answer: the server may have stored it; sending it again is safe)")
}

/// The key under which the BatchStream protocol reports a reference: its
/// source object and property, without the target.
pub(crate) fn stream_beacon(reference: &pb::BatchReference) -> String {
    format!("weaviate://localhost/{}/{}/{}", reference.from_collection, reference.from_uuid, reference.name)
}

/// An entry and what became of it: `Ok` when the server stored it, or the reason.
pub(crate) type Settled<P> = (Entry<P>, Result<(), String>);

/// A reference the import could not add, handed back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedReference {
    /// Its position among the references added (0-based).
    pub index: usize,
    /// The collection of the source object.
    pub from_collection: String,
    /// The source object.
    pub from: Uuid,
    /// The reference property.
    pub property: String,
    /// The target's collection, when the reference names it (multi-target).
    pub to_collection: Option<String>,
    /// The target object.
    pub to: Uuid,
    /// Why it failed.
    pub error: String,
}

impl FailedReference {
    pub(crate) fn new(index: usize, message: &pb::BatchReference, error: String) -> Self {
        Self {
            index,
            from_collection: message.from_collection.clone(),
            from: message.from_uuid.parse().unwrap_or_default(),
            property: message.name.clone(),
            to_collection: message.to_collection.clone(),
            to: message.to_uuid.parse().unwrap_or_default(),
            error,
        }
    }
}

/// An object of any collection, as a client-level batch hands failed
/// objects back; [`downcast`](Self::downcast) gets the typed object.
pub struct AnyObject {
    collection: String,
    object: Box<dyn Any + Send>,
}

impl AnyObject {
    pub(crate) fn new<T: Send + 'static>(collection: &str, object: T) -> Self {
        Self { collection: collection.to_owned(), object: Box::new(object) }
    }

    /// The collection the object was meant for.
    pub fn collection(&self) -> &str {
        &self.collection
    }

    /// Whether the object is a `T`.
    pub fn is<T: 'static>(&self) -> bool {
        self.object.is::<T>()
    }

    /// The typed object, or `self` back if it is not a `T`.
    pub fn downcast<T: 'static>(self) -> Result<T, Self> {
        match self.object.downcast::<T>() {
            Ok(object) => Ok(*object),
            Err(object) => Err(Self { collection: self.collection, object }),
        }
    }
}

impl fmt::Debug for AnyObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AnyObject").field("collection", &self.collection).finish_non_exhaustive()
    }
}
