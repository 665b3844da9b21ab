//! Aliases: a second name for a collection, re-pointed at another
//! collection in one step. Every call on a collection handle (queries,
//! batches, aggregates) reaches the alias's current target when the handle
//! is opened by the alias: [`WeaviateClient::collection_via_alias`].

use reqwest::Method;
use serde::Deserialize;
use serde_json::json;

use crate::client::WeaviateClient;
use crate::client::rest::{Path, if_exists};
use crate::collection::Collection;
use crate::model::WeaviateCollection;
use crate::{Result, names};

/// An alias and the collection it names.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Alias {
    /// The alias.
    pub alias: String,
    /// The collection it points to.
    #[serde(rename = "class")]
    pub collection: String,
}

/// The server's aliases; get it with [`WeaviateClient::aliases`].
///
/// ```no_run
/// # use weaviate_orm::{WeaviateClient, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String }
/// # async fn demo(client: WeaviateClient) -> weaviate_orm::Result<()> {
/// let aliases = client.aliases();
/// aliases.create("Articles", "Article_v1").await?;
/// let articles = client.collection_via_alias::<Article>("Articles")?;
/// // ... later, once Article_v2 holds the data:
/// aliases.update("Articles", "Article_v2").await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Aliases {
    client: WeaviateClient,
}

#[derive(Deserialize)]
struct AliasList {
    #[serde(default)]
    aliases: Vec<Alias>,
}

impl WeaviateClient {
    /// The server's aliases.
    pub fn aliases(&self) -> Aliases {
        Aliases { client: self.clone() }
    }

    /// A handle on the collection an alias points to, typed by `T`: each
    /// call reaches the alias's target at the time of the call.
    pub fn collection_via_alias<T: WeaviateCollection>(&self, alias: &str) -> Result<Collection<T>> {
        names::alias(alias)?;
        Ok(self.collection_named(alias))
    }
}

impl Aliases {
    /// Makes `alias` name `collection`; an alias or collection of that name
    /// must not exist.
    pub async fn create(&self, alias: &str, collection: &str) -> Result<()> {
        let body = json!({"alias": names::alias(alias)?, "class": names::collection(collection)?});
        let t = self.client.transports()?;
        t.rest.send_json(Method::POST, &Path::new("aliases"), &body, t.timeouts.insert).await.map(drop)
    }

    /// The alias `alias`, or `None` when there is none.
    pub async fn get(&self, alias: &str) -> Result<Option<Alias>> {
        let path = Path::new("aliases").then(names::alias(alias)?)?;
        let t = self.client.transports()?;
        if_exists(t.rest.get_json(&path, t.timeouts.query).await)
    }

    /// Every alias, sorted by name.
    pub async fn list(&self) -> Result<Vec<Alias>> {
        self.list_at(Path::new("aliases")).await
    }

    /// The aliases of `collection`, sorted by name.
    pub async fn list_for(&self, collection: &str) -> Result<Vec<Alias>> {
        names::collection(collection)?;
        self.list_at(Path::new("aliases").query("class", collection)).await
    }

    async fn list_at(&self, path: Path) -> Result<Vec<Alias>> {
        let t = self.client.transports()?;
        let mut list: AliasList = t.rest.get_json(&path, t.timeouts.query).await?;
        list.aliases.sort_by(|a, b| a.alias.cmp(&b.alias));
        Ok(list.aliases)
    }

    /// Re-points `alias` to `collection`, in one step: a call through the
    /// alias reaches either the old target or the new one, never neither.
    pub async fn update(&self, alias: &str, collection: &str) -> Result<()> {
        let path = Path::new("aliases").then(names::alias(alias)?)?;
        let body = json!({"class": names::collection(collection)?});
        let t = self.client.transports()?;
        t.rest.send_json(Method::PUT, &path, &body, t.timeouts.insert).await.map(drop)
    }

    /// Deletes `alias` (not its collection); `false` when there was none.
    pub async fn delete(&self, alias: &str) -> Result<bool> {
        let path = Path::new("aliases").then(names::alias(alias)?)?;
        let t = self.client.transports()?;
        t.rest.delete(&path, t.timeouts.insert).await
    }
}
