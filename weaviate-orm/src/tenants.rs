//! The tenants of a multi-tenant collection: create, list, get, update
//! their activity, remove. Data and query calls are scoped to one with
//! [`Collection::with_tenant`].

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::client::WeaviateClient;
use crate::client::rest::{Path, if_exists};
use crate::collection::Collection;
use crate::model::WeaviateCollection;
use crate::{Error, Result, names};

/// Whether a tenant's data is loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum TenantStatus {
    /// Loaded: readable and writable.
    Active,
    /// On local disk, not loaded: neither readable nor writable.
    Inactive,
    /// Moved to cloud storage (needs the offload module).
    Offloaded,
    /// Being moved to cloud storage.
    Offloading,
    /// Being brought back from cloud storage.
    Onloading,
    /// Older name of `Active`.
    #[serde(rename = "HOT")]
    Hot,
    /// Older name of `Inactive`.
    #[serde(rename = "COLD")]
    Cold,
    /// Older name of `Offloaded`.
    #[serde(rename = "FROZEN")]
    Frozen,
}

impl TenantStatus {
    /// The current name of older names (`HOT` is `ACTIVE`, and so on).
    fn normalized(self) -> Self {
        match self {
            Self::Hot => Self::Active,
            Self::Cold => Self::Inactive,
            Self::Frozen => Self::Offloaded,
            other => other,
        }
    }
}

/// A tenant and its activity status.
///
/// ```
/// use weaviate_orm::tenants::{Tenant, TenantStatus};
///
/// let archive = Tenant::new("archive-2019").with_status(TenantStatus::Inactive);
/// assert_eq!(Tenant::from("acme").status, TenantStatus::Active); // names make active tenants
/// # let _ = archive;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tenant {
    /// Its name.
    pub name: String,
    /// Whether its data is loaded.
    #[serde(rename = "activityStatus")]
    pub status: TenantStatus,
}

impl Tenant {
    /// An active tenant named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self { name: name.into(), status: TenantStatus::Active }
    }

    /// The same tenant with `status`.
    pub fn with_status(self, status: TenantStatus) -> Self {
        Self { status, ..self }
    }
}

impl From<&str> for Tenant {
    fn from(name: &str) -> Self {
        Self::new(name)
    }
}

impl From<String> for Tenant {
    fn from(name: String) -> Self {
        Self::new(name)
    }
}

/// The tenants of one collection; get it with [`Collection::tenants`].
/// Reads and writes then go through [`Collection::with_tenant`].
///
/// ```no_run
/// # use weaviate_orm::{Collection, WeaviateCollection};
/// # #[derive(WeaviateCollection)] #[weaviate(multi_tenancy)] struct Note { body: String }
/// # async fn demo(notes: Collection<Note>) -> weaviate_orm::Result<()> {
/// use weaviate_orm::tenants::{Tenant, TenantStatus};
///
/// let tenants = notes.tenants();
/// tenants.create(["acme", "globex"]).await?;
/// notes.with_tenant("acme").insert(&Note { body: "Only Acme sees this".into() }).await?;
/// tenants.update([Tenant::new("globex").with_status(TenantStatus::Inactive)]).await?; // unloaded, kept on disk
/// println!("{:?}", tenants.list().await?);
/// tenants.remove(["globex"]).await?; // and all its objects
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Tenants {
    client: WeaviateClient,
    collection: String,
}

impl<T: WeaviateCollection> Collection<T> {
    /// The tenants of this (multi-tenant) collection.
    pub fn tenants(&self) -> Tenants {
        Tenants { client: self.client().clone(), collection: self.name().to_owned() }
    }
}

impl Tenants {
    /// Creates tenants (names, or [`Tenant`]s with a status). Tenant names
    /// are checked first: a bad one is an [`Error::InvalidName`] and
    /// nothing is sent.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] #[weaviate(multi_tenancy)] struct Note { body: String }
    /// # async fn demo(notes: Collection<Note>) -> weaviate_orm::Result<()> {
    /// use weaviate_orm::tenants::{Tenant, TenantStatus};
    ///
    /// notes.tenants().create(["acme", "globex"]).await?;
    /// notes.tenants().create([Tenant::new("archive").with_status(TenantStatus::Inactive)]).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create<I: Into<Tenant>>(&self, tenants: impl IntoIterator<Item = I>) -> Result<()> {
        self.send(Method::POST, tenants).await
    }

    /// Sets the activity status of existing tenants.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] #[weaviate(multi_tenancy)] struct Note { body: String }
    /// # async fn demo(notes: Collection<Note>) -> weaviate_orm::Result<()> {
    /// use weaviate_orm::tenants::{Tenant, TenantStatus};
    ///
    /// let tenants = notes.tenants();
    /// tenants.update([Tenant::new("acme").with_status(TenantStatus::Inactive)]).await?; // frees its memory
    /// tenants.update([Tenant::new("acme")]).await?; // active again
    /// # Ok(()) }
    /// ```
    pub async fn update(&self, tenants: impl IntoIterator<Item = Tenant>) -> Result<()> {
        self.send(Method::PUT, tenants).await
    }

    /// Removes tenants and all their objects.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] #[weaviate(multi_tenancy)] struct Note { body: String }
    /// # async fn demo(notes: Collection<Note>) -> weaviate_orm::Result<()> {
    /// notes.tenants().remove(["globex"]).await?;
    /// # Ok(()) }
    /// ```
    pub async fn remove<S: Into<String>>(&self, names: impl IntoIterator<Item = S>) -> Result<()> {
        let tenants: Vec<String> = names.into_iter().map(Into::into).collect();
        for tenant in &tenants {
            names::tenant(tenant)?;
        }
        let path = self.path()?;
        let t = self.client.transports()?;
        t.rest.send_json(Method::DELETE, &path, &json!(tenants), t.timeouts.insert).await.map(drop)
    }

    /// Every tenant, by name.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] #[weaviate(multi_tenancy)] struct Note { body: String }
    /// # async fn demo(notes: Collection<Note>) -> weaviate_orm::Result<()> {
    /// use weaviate_orm::tenants::TenantStatus;
    ///
    /// let all = notes.tenants().list().await?;
    /// let inactive = all.iter().filter(|t| t.status == TenantStatus::Inactive);
    /// println!("inactive: {:?}", inactive.map(|t| &t.name).collect::<Vec<_>>());
    /// # Ok(()) }
    /// ```
    pub async fn list(&self) -> Result<Vec<Tenant>> {
        let path = self.path()?;
        let t = self.client.transports()?;
        let mut tenants: Vec<Tenant> = t.rest.get_json(&path, t.timeouts.query).await?;
        for tenant in &mut tenants {
            tenant.status = tenant.status.normalized();
        }
        tenants.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(tenants)
    }

    /// The tenant `name`, or `None`.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] #[weaviate(multi_tenancy)] struct Note { body: String }
    /// # async fn demo(notes: Collection<Note>) -> weaviate_orm::Result<()> {
    /// if let Some(tenant) = notes.tenants().get("acme").await? {
    ///     println!("acme is {:?}", tenant.status);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn get(&self, name: &str) -> Result<Option<Tenant>> {
        let path = self.path()?.then(names::tenant(name)?)?;
        let t = self.client.transports()?;
        let tenant = if_exists(t.rest.get_json::<Tenant>(&path, t.timeouts.query).await)?;
        Ok(tenant.map(|tenant| Tenant { status: tenant.status.normalized(), ..tenant }))
    }

    /// Whether the tenant `name` exists.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] #[weaviate(multi_tenancy)] struct Note { body: String }
    /// # async fn demo(notes: Collection<Note>) -> weaviate_orm::Result<()> {
    /// let tenants = notes.tenants();
    /// if !tenants.exists("acme").await? {
    ///     tenants.create(["acme"]).await?;
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn exists(&self, name: &str) -> Result<bool> {
        Ok(self.get(name).await?.is_some())
    }

    async fn send<I: Into<Tenant>>(&self, method: Method, tenants: impl IntoIterator<Item = I>) -> Result<()> {
        let tenants: Vec<Tenant> = tenants.into_iter().map(Into::into).collect();
        for tenant in &tenants {
            names::tenant(&tenant.name)?;
        }
        let body = serde_json::to_value(&tenants)
            .map_err(|e| Error::InvalidConfig(format!("tenants cannot be written as JSON: {e}")))?;
        let path = self.path()?;
        let t = self.client.transports()?;
        t.rest.send_json(method, &path, &body, t.timeouts.insert).await.map(drop)
    }

    /// `/schema/{collection}/tenants`.
    fn path(&self) -> Result<Path> {
        Ok(Path::new("schema").then(names::collection(&self.collection)?)?.and("tenants"))
    }
}
