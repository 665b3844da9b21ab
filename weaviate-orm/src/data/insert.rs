//! Inserting typed objects over gRPC: one, or many in one request.

use super::requests::batch_objects;
use crate::collection::Collection;
use crate::model::WeaviateCollection;
use crate::{Error, Result};
use uuid::Uuid;

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
            Some((_, reason)) => Err(Error::ObjectRejected { collection: self.name().to_owned(), id, reason }),
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
                Err(error @ Error::InvalidName { .. }) => return Err(error),
                Err(error) => report.errors.push((index, error.to_string())),
            }
        }
        for (position, error) in batch_objects(self.client(), batch, self.consistency_proto()).await? {
            report.errors.push((positions[position], error));
        }
        report.errors.sort_by_key(|(index, _)| *index);
        Ok(report)
    }
}
