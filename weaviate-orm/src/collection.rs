//! [`Collection`]: the handle on one collection's objects, typed by its
//! model, scoped to a tenant and a consistency level. What it can do is
//! added by the modules above it: writes in [`data`](crate::data), reads in
//! [`query`](crate::query), [`aggregate`](crate::aggregate), tenants in
//! [`tenants`](crate::tenants).

use std::fmt;
use std::marker::PhantomData;

use crate::client::{Transports, WeaviateClient};
use crate::consistency::ConsistencyLevel;
use crate::model::WeaviateCollection;
use crate::{Result, names};

/// The objects of collection `T`; get it with [`WeaviateClient::collection`].
///
/// [`with_tenant`](Self::with_tenant) and
/// [`with_consistency_level`](Self::with_consistency_level) scope every
/// operation made through the returned handle, reads included. Handles are
/// cheap to clone and share the client's connections.
///
/// ```no_run
/// # use weaviate_orm::{WeaviateClient, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64 }
/// # async fn demo(client: WeaviateClient) -> weaviate_orm::Result<()> {
/// let articles = client.collection::<Article>();
/// let id = articles.insert(&Article { title: "Ownership".into(), words: 1200 }).await?;
/// let article = articles.fetch_by_id(id).await?;
/// let long = articles.query().filter(Article::FIELDS.words.greater_than(1000)).fetch().await?;
/// # Ok(()) }
/// ```
pub struct Collection<T> {
    client: WeaviateClient,
    name: String,
    tenant: Option<String>,
    consistency: Option<ConsistencyLevel>,
    marker: PhantomData<fn() -> T>,
}

impl<T> Clone for Collection<T> {
    fn clone(&self) -> Self {
        Self {
            client: self.client.clone(),
            name: self.name.clone(),
            tenant: self.tenant.clone(),
            consistency: self.consistency,
            marker: PhantomData,
        }
    }
}

impl<T> fmt::Debug for Collection<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Collection")
            .field("name", &self.name)
            .field("tenant", &self.tenant)
            .field("consistency", &self.consistency)
            .finish_non_exhaustive()
    }
}

impl WeaviateClient {
    /// The objects of the collection `T`.
    pub fn collection<T: WeaviateCollection>(&self) -> Collection<T> {
        self.collection_named(T::NAME)
    }

    /// The objects of type `T` stored in the collection `name` (one type
    /// can describe several collections, e.g. versioned ones).
    pub fn collection_named<T: WeaviateCollection>(&self, name: impl Into<String>) -> Collection<T> {
        Collection { client: self.clone(), name: name.into(), tenant: None, consistency: None, marker: PhantomData }
    }
}

impl<T: WeaviateCollection> Collection<T> {
    /// The collection's name on the server.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// This collection as seen by `tenant` (multi-tenant collections):
    /// writes go into the tenant, and reads see only its objects. Create
    /// tenants with [`tenants`](Self::tenants), or let the collection's
    /// `auto_tenant_creation` make them on first write.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] #[weaviate(multi_tenancy(auto_tenant_creation))] struct Note { body: String }
    /// # async fn demo(notes: Collection<Note>) -> weaviate_orm::Result<()> {
    /// let ada = notes.with_tenant("ada");
    /// ada.insert(&Note { body: "only Ada sees this".into() }).await?;
    /// let hers = ada.query().fetch().await?;
    /// # Ok(()) }
    /// ```
    pub fn with_tenant(&self, tenant: impl Into<String>) -> Self {
        Self { tenant: Some(tenant.into()), ..self.clone() }
    }

    /// This collection with reads and writes at `level` (on replicated
    /// collections; the server's default is `QUORUM`).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, ConsistencyLevel, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Article { title: String }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// let strict = articles.with_consistency_level(ConsistencyLevel::All);
    /// strict.insert(&Article { title: "On every replica".into() }).await?;
    /// let fast = articles.with_consistency_level(ConsistencyLevel::One).query().limit(10).fetch().await?;
    /// # Ok(()) }
    /// ```
    pub fn with_consistency_level(&self, level: ConsistencyLevel) -> Self {
        Self { consistency: Some(level), ..self.clone() }
    }

    /// The tenant operations are scoped to.
    pub fn tenant(&self) -> Option<&str> {
        self.tenant.as_deref()
    }

    /// The consistency level of operations, when set.
    pub fn consistency_level(&self) -> Option<ConsistencyLevel> {
        self.consistency
    }

    pub(crate) fn client(&self) -> &WeaviateClient {
        &self.client
    }

    /// Checks the collection's name and tenant against the server's rules;
    /// every operation does, before it sends anything.
    pub(crate) fn check_names(&self) -> Result<()> {
        names::collection(&self.name)?;
        if let Some(tenant) = &self.tenant {
            names::tenant(tenant)?;
        }
        Ok(())
    }

    /// The transports for an operation on this collection: its names are
    /// valid and the client is open.
    pub(crate) fn transports(&self) -> Result<&Transports> {
        self.check_names()?;
        self.client.transports()
    }

    pub(crate) fn consistency_proto(&self) -> Option<i32> {
        self.consistency.map(ConsistencyLevel::to_proto)
    }

    /// The tenant and consistency level as REST query parameters.
    pub(crate) fn rest_params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if let Some(tenant) = &self.tenant {
            params.push(("tenant", tenant.clone()));
        }
        if let Some(level) = self.consistency {
            params.push(("consistency_level", level.name().to_owned()));
        }
        params
    }
}
