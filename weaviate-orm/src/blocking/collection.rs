//! The blocking form of a collection handle.

use std::sync::Arc;

use uuid::Uuid;

use super::runtime::Runtime;
use crate::Result;
use crate::data::InsertManyReport;
use crate::model::{Object, WeaviateCollection};
use crate::query::{Projection, Query};

/// The blocking form of [`crate::Collection`]: writes, reads by id, counts,
/// and queries built with the async builder and run here.
pub struct Collection<T> {
    inner: crate::Collection<T>,
    runtime: Arc<Runtime>,
}

impl<T> Clone for Collection<T> {
    fn clone(&self) -> Self {
        Self { inner: self.inner.clone(), runtime: Arc::clone(&self.runtime) }
    }
}

impl<T> std::fmt::Debug for Collection<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Collection").field("inner", &self.inner).finish_non_exhaustive()
    }
}

impl<T: WeaviateCollection> Collection<T> {
    pub(super) fn new(inner: crate::Collection<T>, runtime: Arc<Runtime>) -> Self {
        Self { inner, runtime }
    }

    /// The collection's name.
    pub fn name(&self) -> &str {
        self.inner.name()
    }

    /// The handle scoped to `tenant`.
    pub fn with_tenant(&self, tenant: impl Into<String>) -> Self {
        Self { inner: self.inner.with_tenant(tenant), runtime: Arc::clone(&self.runtime) }
    }

    /// Inserts one object; see [`crate::Collection::insert`].
    pub fn insert(&self, object: &T) -> Result<Uuid> {
        self.runtime.run(self.inner.insert(object))
    }

    /// Inserts objects in one request; see [`crate::Collection::insert_many`].
    pub fn insert_many(&self, objects: &[T]) -> Result<InsertManyReport> {
        self.runtime.run(self.inner.insert_many(objects))
    }

    /// Replaces the object `id`; see [`crate::Collection::replace`].
    pub fn replace(&self, id: Uuid, object: &T) -> Result<()> {
        self.runtime.run(self.inner.replace(id, object))
    }

    /// Deletes the object `id`; `false` when there was none.
    pub fn delete(&self, id: Uuid) -> Result<bool> {
        self.runtime.run(self.inner.delete(id))
    }

    /// Whether the object `id` exists.
    pub fn exists(&self, id: Uuid) -> Result<bool> {
        self.runtime.run(self.inner.exists(id))
    }

    /// The object `id`, or `None`.
    pub fn fetch_by_id(&self, id: Uuid) -> Result<Option<Object<T>>> {
        self.runtime.run(self.inner.fetch_by_id(id))
    }

    /// The number of objects.
    pub fn count(&self) -> Result<u64> {
        self.runtime.run(self.inner.count())
    }

    /// Runs the query `build` makes of the collection's query builder: the
    /// same typed filters, searches and projections as the async client.
    ///
    /// ```no_run
    /// # #[derive(weaviate_orm::WeaviateCollection)] struct Article { title: String, words: i64 }
    /// # fn demo(articles: weaviate_orm::blocking::Collection<Article>) -> weaviate_orm::Result<()> {
    /// let long = articles.fetch(|query| query.filter(Article::FIELDS.words.greater_than(2000)).limit(10))?;
    /// # Ok(()) }
    /// ```
    pub fn fetch<P: Projection<T>>(&self, build: impl FnOnce(Query<T>) -> Query<T, P>) -> Result<Vec<Object<P>>> {
        self.runtime.run(build(self.inner.query()).fetch())
    }
}
