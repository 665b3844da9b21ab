//! Single objects by id: replace, delete, exists, fetch.

use reqwest::{Method, StatusCode};
use uuid::Uuid;

use crate::client::rest::{Path, if_exists};
use crate::collection::Collection;
use crate::consistency::ConsistencyLevel;
use crate::model::Object;
use crate::model::WeaviateCollection;
use crate::vocabulary::Filter;
use crate::{Error, Result};

impl<T: WeaviateCollection> Collection<T> {
    /// A 404 of a request on the object `id` as [`Error::ObjectNotFound`].
    pub(crate) fn found<R>(&self, id: Uuid, answer: Result<R>) -> Result<R> {
        match answer {
            Err(Error::UnexpectedStatus { status, .. }) if status == StatusCode::NOT_FOUND.as_u16() => {
                Err(Error::ObjectNotFound { collection: self.name().to_owned(), id })
            }
            other => other,
        }
    }

    /// `/objects/{collection}/{id}`.
    pub(crate) fn object_path(&self, id: Uuid) -> Result<Path> {
        Path::new("objects").then(self.name())?.then(&id.to_string())
    }

    /// Replaces the object `id` with `object`: every property and vector is
    /// overwritten, and properties that are `None` are removed. Fails with
    /// [`Error::ObjectNotFound`] when there is no such object. To change some properties
    /// only, use [`update`](Self::update).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Article { title: String, summary: Option<String> }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// let id = articles.insert(&Article { title: "Draft".into(), summary: Some("to do".into()) }).await?;
    /// articles.replace(id, &Article { title: "Final".into(), summary: None }).await?; // the summary is removed
    /// # Ok(()) }
    /// ```
    pub async fn replace(&self, id: Uuid, object: &T) -> Result<()> {
        let t = self.transports()?;
        let path = self.object_path(id)?;
        let body = self.rest_body(object, id)?;
        let request = t.rest.request(Method::PUT, &path, t.timeouts.insert).query(&self.rest_params());
        let sent = t.rest.send(&format!("PUT /v1{path}"), t.timeouts.insert, request.json(&body)).await;
        self.found(id, sent).map(drop)
    }

    /// Deletes the object `id`; `false` when there was none. (A filtered
    /// delete by id, since the REST delete answers the same either way.)
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Article { title: String, summary: Option<String> }
    /// # async fn demo(articles: Collection<Article>, id: uuid::Uuid) -> weaviate_orm::Result<()> {
    /// if !articles.delete(id).await? {
    ///     println!("{id} was already gone");
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn delete(&self, id: Uuid) -> Result<bool> {
        Ok(self.delete_many(Filter::by_id().equal(id)).run().await?.successful > 0)
    }

    /// Whether the object `id` exists (without reading it).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Article { title: String, summary: Option<String> }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// let id = articles.insert(&Article { title: "Draft".into(), summary: None }).await?;
    /// assert!(articles.exists(id).await?);
    /// articles.delete(id).await?;
    /// assert!(!articles.exists(id).await?);
    /// # Ok(()) }
    /// ```
    ///
    /// With a [consistency level](Collection::with_consistency_level), the
    /// replicas it names are asked (a stale one repaired), and a level that
    /// cannot be reached is an [`Error::ConsistencyNotReached`](crate::Error::ConsistencyNotReached).
    pub async fn exists(&self, id: Uuid) -> Result<bool> {
        // HEAD answers a missed level without the message that says so.
        let method = if self.consistency_level().is_some() { Method::GET } else { Method::HEAD };
        let t = self.transports()?;
        let path = self.object_path(id)?;
        let request = t.rest.request(method.clone(), &path, t.timeouts.query).query(&self.rest_params());
        Ok(if_exists(t.rest.send(&format!("{method} /v1{path}"), t.timeouts.query, request).await)?.is_some())
    }

    /// The object `id`, or `None`.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Article { title: String, summary: Option<String> }
    /// # async fn demo(articles: Collection<Article>, id: uuid::Uuid) -> weaviate_orm::Result<()> {
    /// match articles.fetch_by_id(id).await? {
    ///     Some(article) => println!("{}", article.properties.title),
    ///     None => println!("no article {id}"),
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// With a [consistency level](Collection::with_consistency_level) above
    /// `ONE`, the object is first read from the replicas the level names, as
    /// Weaviate's replicated read does: a replica that missed it is
    /// repaired, and a level that cannot be reached is an
    /// [`Error::ConsistencyNotReached`](crate::Error::ConsistencyNotReached).
    /// (A search consults one replica per shard whatever its level.)
    pub async fn fetch_by_id(&self, id: Uuid) -> Result<Option<Object<T>>> {
        let replicated = self.consistency_level().is_some_and(|level| level != ConsistencyLevel::One);
        if replicated && !self.exists(id).await? {
            return Ok(None);
        }
        let found = self.query().filter(Filter::by_id().equal(id)).limit(1).fetch().await?.pop();
        if replicated && found.is_none() {
            // The replicas have it, the node's search does not (its index is behind theirs).
            return Err(Error::UnexpectedResponse {
                operation: format!("reading {id} from {}", self.name()),
                message: "the replicas hold the object but the node's search does not find it yet".into(),
            });
        }
        Ok(found)
    }

    /// The objects with these ids that exist, in no particular order; ids
    /// with no object are left out.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Article { title: String, summary: Option<String> }
    /// # async fn demo(articles: Collection<Article>, ids: Vec<uuid::Uuid>) -> weaviate_orm::Result<()> {
    /// let found = articles.fetch_by_ids(ids.iter().copied()).await?;
    /// println!("{} of {} still exist", found.len(), ids.len());
    /// # Ok(()) }
    /// ```
    pub async fn fetch_by_ids(&self, ids: impl IntoIterator<Item = Uuid>) -> Result<Vec<Object<T>>> {
        let ids: Vec<Uuid> = ids.into_iter().collect();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let limit = u32::try_from(ids.len()).unwrap_or(u32::MAX);
        self.query().filter(Filter::by_id().contains_any(ids)).limit(limit).fetch().await
    }
}
