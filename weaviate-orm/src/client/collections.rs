//! Collection management over REST: create, exists, list, read the config
//! (typed or as JSON), delete. Migrations are in [`crate::migrate`].

use reqwest::{Method, StatusCode};

use super::WeaviateClient;
use super::rest::Path;
use crate::model::WeaviateCollection;
use crate::schema::CollectionConfig;
use crate::{Error, Result, names};

/// Collection management; get it with [`WeaviateClient::collections`].
///
/// To create collections and keep them in step with the models, prefer
/// [`WeaviateClient::migrate`]; these calls do one thing each.
///
/// ```no_run
/// # use weaviate_orm::{WeaviateClient, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String }
/// # async fn demo(client: WeaviateClient) -> weaviate_orm::Result<()> {
/// let collections = client.collections();
/// if !collections.exists(Article::NAME).await? {
///     collections.create::<Article>().await?;
/// }
/// println!("{:?}", collections.list().await?);
/// let config = collections.config(Article::NAME).await?; // with the server's defaults filled in
/// collections.delete("OldArticle").await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Collections {
    client: WeaviateClient,
}

impl WeaviateClient {
    /// Collection management.
    pub fn collections(&self) -> Collections {
        Collections { client: self.clone() }
    }
}

impl Collections {
    /// Creates the collection of `T` from its derived configuration.
    pub async fn create<T: WeaviateCollection>(&self) -> Result<()> {
        self.create_from_config(&T::config()).await
    }

    /// Creates a collection called `name` with the configuration of `T`.
    pub async fn create_named<T: WeaviateCollection>(&self, name: &str) -> Result<()> {
        let mut config = T::config();
        config.name = name.to_owned();
        self.create_from_config(&config).await
    }

    /// Creates a collection from a configuration.
    pub async fn create_from_config(&self, config: &CollectionConfig) -> Result<()> {
        config.check_names()?;
        let t = self.client.transports()?;
        t.rest.send_json(Method::POST, &Path::new("schema"), &config.to_json(), t.timeouts.insert).await.map(drop)
    }

    /// Whether a collection called `name` exists.
    pub async fn exists(&self, name: &str) -> Result<bool> {
        Ok(self.config_if_exists(name).await?.is_some())
    }

    /// The server's configuration of `name`, as the JSON it returns.
    pub async fn config_json(&self, name: &str) -> Result<serde_json::Value> {
        let path = class_path(name)?;
        let t = self.client.transports()?;
        t.rest.get_json(&path, t.timeouts.query).await
    }

    /// The names of every collection on the server, sorted.
    pub async fn list(&self) -> Result<Vec<String>> {
        let mut names: Vec<String> =
            self.list_json().await?.iter().filter_map(|c| c["class"].as_str()).map(str::to_owned).collect();
        names.sort();
        Ok(names)
    }

    /// The configuration of every collection, as the JSON the server returns.
    pub async fn list_json(&self) -> Result<Vec<serde_json::Value>> {
        let t = self.client.transports()?;
        let schema: serde_json::Value = t.rest.get_json(&Path::new("schema"), t.timeouts.query).await?;
        Ok(schema.get("classes").and_then(serde_json::Value::as_array).cloned().unwrap_or_default())
    }

    /// The server's configuration of `name`, typed, with the server's
    /// effective value for every setting.
    pub async fn config(&self, name: &str) -> Result<CollectionConfig> {
        typed(&self.config_json(name).await?, &format!("GET /v1/schema/{name}"))
    }

    /// The configuration of every collection, typed, in the order of their names.
    pub async fn configs(&self) -> Result<Vec<CollectionConfig>> {
        let mut configs: Vec<CollectionConfig> =
            self.list_json().await?.iter().map(|json| typed(json, "GET /v1/schema")).collect::<Result<_>>()?;
        configs.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(configs)
    }

    /// The server's configuration of `name` as pretty-printed JSON, e.g. to
    /// keep next to a backup or to recreate the collection elsewhere.
    pub async fn export_json(&self, name: &str) -> Result<String> {
        let json = self.config_json(name).await?;
        serde_json::to_string_pretty(&json).map_err(|e| Error::UnexpectedResponse {
            operation: format!("GET /v1/schema/{name}"),
            message: e.to_string(),
        })
    }

    /// The server's configuration of `name`, or `None` when there is no such collection.
    pub async fn config_if_exists(&self, name: &str) -> Result<Option<serde_json::Value>> {
        super::rest::if_exists(self.config_json(name).await)
    }

    /// Deletes the collection `name` and all its objects. Deleting a
    /// collection that does not exist succeeds.
    pub async fn delete(&self, name: &str) -> Result<()> {
        let path = class_path(name)?;
        let t = self.client.transports()?;
        let request = t.rest.request(Method::DELETE, &path, t.timeouts.insert);
        match t.rest.send(&format!("DELETE /v1{path}"), t.timeouts.insert, request).await {
            Ok(_) => Ok(()),
            Err(Error::UnexpectedStatus { status, .. }) if status == StatusCode::NOT_FOUND.as_u16() => Ok(()),
            Err(error) => Err(error),
        }
    }

    /// Deletes **every** collection and all their objects; returns their names.
    /// The argument is there so that this is never called by accident.
    ///
    /// ```no_run
    /// # async fn demo(client: weaviate_orm::WeaviateClient) -> weaviate_orm::Result<()> {
    /// use weaviate_orm::client::DeleteAll;
    ///
    /// let deleted = client.collections().delete_all(DeleteAll::AndLoseEveryObject).await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_all(&self, confirm: DeleteAll) -> Result<Vec<String>> {
        let DeleteAll::AndLoseEveryObject = confirm;
        let names = self.list().await?;
        for name in &names {
            self.delete(name).await?;
        }
        Ok(names)
    }
}

/// `/schema/{name}`, for a valid collection name.
fn class_path(name: &str) -> Result<Path> {
    Path::new("schema").then(names::collection(name)?)
}

/// The confirmation [`Collections::delete_all`] asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeleteAll {
    /// Yes: delete every collection, and every object in them.
    AndLoseEveryObject,
}

/// A collection's JSON from the server, typed; `operation` names the request that returned it.
fn typed(json: &serde_json::Value, operation: &str) -> Result<CollectionConfig> {
    CollectionConfig::from_json(json)
        .map_err(|error| Error::UnexpectedResponse { operation: operation.to_owned(), message: error.to_string() })
}
