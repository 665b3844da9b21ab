//! Inserting typed objects over gRPC: one, or many in one request.

use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use super::Collection;
use crate::client::grpc::request;
use crate::collection::WeaviateCollection;
use crate::{Error, Result};

/// What `insert_many` did with each object.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InsertManyReport {
    /// The id of every object, by input position.
    pub ids: Vec<Uuid>,
    /// The objects that failed: input position and the reason.
    pub errors: Vec<(usize, String)>,
}

impl<T: WeaviateCollection> Collection<T> {
    /// Inserts one object and returns its id: the id field, the key-derived
    /// id, or a new random one. An object with the same id is replaced.
    pub async fn insert(&self, object: &T) -> Result<Uuid> {
        let report = self.insert_many(std::slice::from_ref(object)).await?;
        let id = report.ids.first().copied().unwrap_or_default();
        match report.errors.into_iter().next() {
            None => Ok(id),
            Some((_, reason)) => Err(Error::ObjectRejected { collection: self.name.clone(), id, reason }),
        }
    }

    /// Inserts the objects in one gRPC request. Objects the client cannot
    /// encode and objects the server rejects are reported by position; the
    /// others are stored.
    pub async fn insert_many(&self, objects: &[T]) -> Result<InsertManyReport> {
        let mut report = InsertManyReport::default();
        let mut batch = Vec::with_capacity(objects.len());
        let mut positions = Vec::with_capacity(objects.len());
        for (index, object) in objects.iter().enumerate() {
            let id = object.object_id().unwrap_or_else(Uuid::new_v4);
            report.ids.push(id);
            match self.encode(object, id) {
                Ok(message) => {
                    positions.push(index);
                    batch.push(message);
                }
                Err(error) => report.errors.push((index, error.to_string())),
            }
        }
        for (position, error) in self.send_objects(batch).await? {
            report.errors.push((positions[position], error));
        }
        report.errors.sort_by_key(|(index, _)| *index);
        Ok(report)
    }

    /// Sends encoded objects in one `BatchObjects` request; returns the
    /// failed ones as (position in `objects`, reason).
    pub(crate) async fn send_objects(&self, objects: Vec<pb::BatchObject>) -> Result<Vec<(usize, String)>> {
        if objects.is_empty() {
            return Ok(Vec::new());
        }
        let t = self.client.transports()?;
        let count = objects.len();
        let message = pb::BatchObjectsRequest { objects, consistency_level: self.consistency_proto() };
        let timeout = t.timeouts.insert;
        let reply =
            t.grpc.call("BatchObjects", timeout, t.grpc.weaviate().batch_objects(request(message, timeout))).await?;
        reply
            .errors
            .into_iter()
            .map(|error| match usize::try_from(error.index).ok().filter(|i| *i < count) {
                Some(position) => Ok((position, error.error)),
                None => Err(Error::UnexpectedResponse {
                    operation: "BatchObjects".into(),
                    message: format!("error for unknown index {}: {}", error.index, error.error),
                }),
            })
            .collect()
    }
}
