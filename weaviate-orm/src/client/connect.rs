//! One-call connection helpers, as in the Python client's `weaviate.connect_to_*`.
//! Each is a shortcut for a [`ClientBuilder`]; use the builder for more settings.

use super::auth::Secret;
use super::builder::ClientBuilder;
use super::config::ConnectionParams;
use super::weaviate_client::WeaviateClient;
use crate::Result;

/// Connects to a server on this machine (REST 8080, gRPC 50051).
pub async fn connect_to_local() -> Result<WeaviateClient> {
    ClientBuilder::local().connect().await
}

/// Connects to a server at the given REST and gRPC endpoints.
pub async fn connect_to_custom(params: ConnectionParams) -> Result<WeaviateClient> {
    ClientBuilder::custom(params).connect().await
}

/// Connects to a Weaviate Cloud cluster with an API key.
pub async fn connect_to_weaviate_cloud(cluster_url: &str, api_key: impl Into<Secret>) -> Result<WeaviateClient> {
    ClientBuilder::weaviate_cloud(cluster_url, api_key).connect().await
}
