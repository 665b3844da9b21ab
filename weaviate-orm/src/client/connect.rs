//! One-call connection helpers, as in the Python client's `weaviate.connect_to_*`.
//! Each is a shortcut for a [`ClientBuilder`]; use the builder for more settings.

use super::auth::Secret;
use super::builder::ClientBuilder;
use super::config::ConnectionParams;
use super::weaviate_client::WeaviateClient;
use crate::Result;

/// Connects to a server on this machine (REST 8080, gRPC 50051), as
/// started by Weaviate's `docker compose` setup.
///
/// ```no_run
/// # async fn demo() -> weaviate_orm::Result<()> {
/// let client = weaviate_orm::connect_to_local().await?;
/// println!("Weaviate {}", client.meta().await?.version);
/// # Ok(()) }
/// ```
pub async fn connect_to_local() -> Result<WeaviateClient> {
    ClientBuilder::local().connect().await
}

/// Connects to a server at the given REST and gRPC endpoints.
///
/// ```no_run
/// # async fn demo() -> weaviate_orm::Result<()> {
/// use weaviate_orm::{ConnectionParams, Endpoint};
///
/// // Another container of the same `docker compose` project.
/// let params = ConnectionParams { http: Endpoint::plain("weaviate", 8080), grpc: Endpoint::plain("weaviate", 50051) };
/// let client = weaviate_orm::connect_to_custom(params).await?;
/// # Ok(()) }
/// ```
pub async fn connect_to_custom(params: ConnectionParams) -> Result<WeaviateClient> {
    ClientBuilder::custom(params).connect().await
}

/// Connects to a Weaviate Cloud cluster with an API key; see
/// [`ClientBuilder::weaviate_cloud`] for how the URL maps to endpoints.
///
/// ```no_run
/// # async fn demo() -> weaviate_orm::Result<()> {
/// let url = "https://abc123.c0.europe-west3.gcp.weaviate.cloud";
/// let api_key = std::env::var("WEAVIATE_API_KEY").unwrap_or_default();
/// let client = weaviate_orm::connect_to_weaviate_cloud(url, api_key).await?;
/// # Ok(()) }
/// ```
pub async fn connect_to_weaviate_cloud(cluster_url: &str, api_key: impl Into<Secret>) -> Result<WeaviateClient> {
    ClientBuilder::weaviate_cloud(cluster_url, api_key).connect().await
}
