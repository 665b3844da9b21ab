//! Typed objects of one collection: [`Collection`] and its writes
//! (`insert_many`, with per-object errors, vectors and references). Reads
//! are in [`crate::query`].

use std::fmt;
use std::marker::PhantomData;

use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use crate::client::WeaviateClient;
use crate::client::grpc::request;
use crate::collection::WeaviateCollection;
use crate::value::ValueError;
use crate::value::wire::WriteProperties;
use crate::vector::{Vector, f32_bytes};
use crate::{Error, Result};

/// The objects of collection `T`; get it with [`WeaviateClient::collection`].
pub struct Collection<T> {
    client: WeaviateClient,
    name: String,
    marker: PhantomData<fn() -> T>,
}

impl<T> Clone for Collection<T> {
    fn clone(&self) -> Self {
        Self { client: self.client.clone(), name: self.name.clone(), marker: PhantomData }
    }
}

impl<T> fmt::Debug for Collection<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Collection").field("name", &self.name).finish_non_exhaustive()
    }
}

/// A typed object with its id.
#[derive(Debug, Clone, PartialEq)]
pub struct Object<T> {
    /// The object's id.
    pub id: Uuid,
    /// Its properties.
    pub properties: T,
}

/// What `insert_many` did with each object.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InsertManyReport {
    /// The id of every object, by input position.
    pub ids: Vec<Uuid>,
    /// The objects that failed: input position and the reason.
    pub errors: Vec<(usize, String)>,
}

impl WeaviateClient {
    /// The objects of the collection `T`.
    pub fn collection<T: WeaviateCollection>(&self) -> Collection<T> {
        self.collection_named(T::NAME)
    }

    /// The objects of type `T` stored in the collection `name` (one type
    /// can describe several collections, e.g. versioned ones).
    pub fn collection_named<T: WeaviateCollection>(&self, name: impl Into<String>) -> Collection<T> {
        Collection { client: self.clone(), name: name.into(), marker: PhantomData }
    }
}

impl<T: WeaviateCollection> Collection<T> {
    /// The collection's name on the server.
    pub fn name(&self) -> &str {
        &self.name
    }

    pub(crate) fn client(&self) -> &WeaviateClient {
        &self.client
    }

    /// Inserts the objects in one gRPC request. Objects the client cannot
    /// encode and objects the server rejects are reported by position; the
    /// others are stored.
    pub async fn insert_many(&self, objects: &[T]) -> Result<InsertManyReport> {
        let t = self.client.transports()?;
        let mut report = InsertManyReport::default();
        let mut batch = Vec::with_capacity(objects.len());
        let mut positions = Vec::with_capacity(objects.len());
        for (index, object) in objects.iter().enumerate() {
            let id = object.object_id().unwrap_or_else(Uuid::new_v4);
            report.ids.push(id);
            match encode(object, id, &self.name) {
                Ok(message) => {
                    positions.push(index);
                    batch.push(message);
                }
                Err(error) => report.errors.push((index, error.to_string())),
            }
        }
        if !batch.is_empty() {
            let message = pb::BatchObjectsRequest { objects: batch, consistency_level: None };
            let timeout = t.timeouts.insert;
            let reply = t
                .grpc
                .call("BatchObjects", timeout, t.grpc.weaviate().batch_objects(request(message, timeout)))
                .await?;
            for error in reply.errors {
                let position = usize::try_from(error.index).ok().and_then(|i| positions.get(i).copied());
                match position {
                    Some(index) => report.errors.push((index, error.error)),
                    None => {
                        return Err(Error::UnexpectedResponse {
                            operation: "BatchObjects".into(),
                            message: format!("error for unknown index {}: {}", error.index, error.error),
                        });
                    }
                }
            }
            report.errors.sort_by_key(|(index, _)| *index);
        }
        Ok(report)
    }
}

/// One object as a batch message: its properties and vectors.
fn encode<T: WeaviateCollection>(
    object: &T,
    id: Uuid,
    collection: &str,
) -> std::result::Result<pb::BatchObject, ValueError> {
    let values = object.to_properties();
    let properties = WriteProperties::from_values(values.iter().map(|(k, v)| (*k, v)))?;
    let mut message = pb::BatchObject {
        uuid: id.to_string(),
        properties: Some(properties.into_batch()),
        collection: collection.to_owned(),
        ..Default::default()
    };
    for (name, vector) in object.vectors() {
        match (name, vector) {
            ("", Vector::Single(values)) => message.vector_bytes = f32_bytes(&values),
            (name, vector) => message.vectors.push(vector.to_proto(name)?),
        }
    }
    Ok(message)
}
