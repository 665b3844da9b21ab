//! [`Collection`]: the handle on one collection's objects, typed by its
//! model, scoped to a tenant and a consistency level. What it can do is
//! added by the modules above it: writes in [`data`](crate::data), reads in
//! [`query`](crate::query), [`aggregate`](crate::aggregate), tenants in
//! [`tenants`](crate::tenants).

use std::fmt;
use std::marker::PhantomData;

use weaviate_orm_proto::v1 as pb;

use crate::client::{Transports, WeaviateClient};
use crate::model::WeaviateCollection;
use crate::{Result, names};

/// The objects of collection `T`; get it with [`WeaviateClient::collection`].
///
/// [`with_tenant`](Self::with_tenant) and
/// [`with_consistency_level`](Self::with_consistency_level) scope every
/// operation made through the returned handle, reads included.
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

/// How many replicas must acknowledge a read or write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsistencyLevel {
    /// One replica.
    One,
    /// A majority of replicas.
    Quorum,
    /// Every replica.
    All,
}

impl ConsistencyLevel {
    /// The name the REST API uses.
    pub fn name(self) -> &'static str {
        match self {
            Self::One => "ONE",
            Self::Quorum => "QUORUM",
            Self::All => "ALL",
        }
    }

    pub(crate) fn to_proto(self) -> i32 {
        let level = match self {
            Self::One => pb::ConsistencyLevel::One,
            Self::Quorum => pb::ConsistencyLevel::Quorum,
            Self::All => pb::ConsistencyLevel::All,
        };
        level as i32
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

    /// This collection as seen by `tenant` (multi-tenant collections).
    pub fn with_tenant(&self, tenant: impl Into<String>) -> Self {
        Self { tenant: Some(tenant.into()), ..self.clone() }
    }

    /// This collection with reads and writes at `level`.
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
