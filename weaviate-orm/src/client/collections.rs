//! Collection management over REST: create, exists, read config, delete.

use reqwest::{Method, StatusCode};

use super::WeaviateClient;
use crate::collection::WeaviateCollection;
use crate::schema::CollectionConfig;
use crate::{Error, Result};

/// Collection management; get it with [`WeaviateClient::collections`].
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
        let t = self.client.transports()?;
        t.rest.send_json(Method::POST, "/schema", &config.to_json(), t.timeouts.insert).await.map(drop)
    }

    /// Whether a collection called `name` exists.
    pub async fn exists(&self, name: &str) -> Result<bool> {
        match self.config_json(name).await {
            Ok(_) => Ok(true),
            Err(Error::UnexpectedStatus { status: 404, .. }) => Ok(false),
            Err(error) => Err(error),
        }
    }

    /// The server's configuration of `name`, as the JSON it returns.
    pub async fn config_json(&self, name: &str) -> Result<serde_json::Value> {
        let t = self.client.transports()?;
        t.rest.get_json(&format!("/schema/{name}"), t.timeouts.query).await
    }

    /// Deletes the collection `name` and all its objects. Deleting a
    /// collection that does not exist succeeds.
    pub async fn delete(&self, name: &str) -> Result<()> {
        let t = self.client.transports()?;
        let path = format!("/schema/{name}");
        let request = t.rest.request(Method::DELETE, &path, t.timeouts.insert);
        match t.rest.send(&format!("DELETE /v1{path}"), t.timeouts.insert, request).await {
            Ok(_) => Ok(()),
            Err(Error::UnexpectedStatus { status, .. }) if status == StatusCode::NOT_FOUND.as_u16() => Ok(()),
            Err(error) => Err(error),
        }
    }
}
