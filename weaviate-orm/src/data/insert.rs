//! Inserting typed objects over gRPC: one, or many in one request.

use super::requests::batch_objects;
use crate::collection::Collection;
use crate::consistency::{ConsistencyLevel, replicas_unreached};
use crate::model::WeaviateCollection;
use crate::{Error, Result};
use uuid::Uuid;

/// What [`insert_many`](Collection::insert_many) did with each object:
/// positions in `errors` index both the input and `ids`.
///
/// ```no_run
/// # use weaviate_orm::{Collection, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String }
/// # async fn demo(articles: Collection<Article>, drafts: Vec<Article>) -> weaviate_orm::Result<()> {
/// let report = articles.insert_many(&drafts).await?;
/// for (position, reason) in &report.errors {
///     eprintln!("{:?} ({}) was not stored: {reason}", drafts[*position].title, report.ids[*position]);
/// }
/// # Ok(()) }
/// ```
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
    /// An object the server refuses is an [`Error::ObjectRejected`]; one it
    /// could not write to enough replicas, an [`Error::ConsistencyNotReached`].
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Article { title: String }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// let id = articles.insert(&Article { title: "Borrowing".into() }).await?;
    /// println!("stored as {id}");
    /// # Ok(()) }
    /// ```
    pub async fn insert(&self, object: &T) -> Result<Uuid> {
        let report = self.insert_many(std::slice::from_ref(object)).await?;
        let id = report.ids.first().copied().unwrap_or_default();
        match report.errors.into_iter().next() {
            None => Ok(id),
            // The server refuses an object the user may not write among the
            // batch's per-object errors: it is an authorization error all the same.
            Some((_, reason)) if reason.starts_with("rbac: authorization, forbidden action") => {
                Err(Error::Authorization { operation: format!("insert into {}", self.name()), message: reason })
            }
            Some((_, reason)) if replicas_unreached(&reason) => Err(Error::ConsistencyNotReached {
                operation: format!("insert into {}", self.name()),
                level: ConsistencyLevel::named_in(&reason).or(self.consistency_level()),
                message: reason,
            }),
            Some((_, reason)) => Err(Error::ObjectRejected { collection: self.name().to_owned(), id, reason }),
        }
    }

    /// Inserts the objects in one gRPC request. Objects the client cannot
    /// encode and objects the server rejects are reported by position; the
    /// others are stored. For more than a few hundred objects, or to retry
    /// on transient errors, use a [`batch`](Collection::batch) import.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Article { title: String }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// let drafts = [Article { title: "Traits".into() }, Article { title: "Lifetimes".into() }];
    /// let report = articles.insert_many(&drafts).await?;
    /// assert!(report.errors.is_empty(), "{:?}", report.errors);
    /// # Ok(()) }
    /// ```
    pub async fn insert_many(&self, objects: &[T]) -> Result<InsertManyReport> {
        let mut report = InsertManyReport::default();
        let mut batch = Vec::with_capacity(objects.len());
        let mut positions = Vec::with_capacity(objects.len());
        for (index, object) in objects.iter().enumerate() {
            let id = object.object_id().unwrap_or_else(Uuid::new_v4);
            report.ids.push(id);
            match self.encode(object, id) {
                Ok(encoded) => {
                    positions.push(index);
                    batch.push(encoded);
                }
                Err(error @ Error::InvalidName { .. }) => return Err(error),
                Err(error) => report.errors.push((index, error.to_string())),
            }
        }
        for (position, error) in batch_objects(self.client(), &batch, self.consistency_proto()).await? {
            report.errors.push((positions[position], error));
        }
        report.errors.sort_by_key(|(index, _)| *index);
        Ok(report)
    }
}
