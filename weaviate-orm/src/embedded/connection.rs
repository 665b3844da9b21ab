//! Connecting to an embedded server: its endpoints, a client builder that
//! knows its key and CA, and [`connect_to_embedded`].

use super::options::EmbeddedOptions;
use super::server::EmbeddedServer;
use crate::client::{Auth, ClientBuilder, ConnectionParams, Endpoint};
use crate::{Result, WeaviateClient};

impl EmbeddedServer {
    /// Where the server's REST and gRPC APIs listen (TLS when it serves TLS).
    pub fn connection_params(&self) -> ConnectionParams {
        match self.tls_ca {
            None => ConnectionParams::local_ports(self.ports.http, self.ports.grpc),
            Some(_) => ConnectionParams {
                http: Endpoint::tls("127.0.0.1", self.ports.http),
                grpc: Endpoint::tls("127.0.0.1", self.ports.grpc),
            },
        }
    }

    /// A client builder for this server: its first API key if it has any,
    /// and its CA when it serves TLS. Add any other setting before connecting.
    ///
    /// ```no_run
    /// # async fn demo() -> weaviate_orm::Result<()> {
    /// use std::time::Duration;
    /// use weaviate_orm::embedded::{EmbeddedOptions, EmbeddedServer};
    ///
    /// let server = EmbeddedServer::start(EmbeddedOptions::default().api_key("dev-key", "admin")).await?;
    /// let client = server.client_builder().query_timeout(Duration::from_secs(5)).connect().await?;
    /// # Ok(()) }
    /// ```
    pub fn client_builder(&self) -> ClientBuilder {
        let mut builder = ClientBuilder::custom(self.connection_params());
        if let Some(key) = &self.api_key {
            builder = builder.auth(Auth::ApiKey(key.clone()));
        }
        if let Some(ca) = &self.tls_ca {
            builder = builder.ca_certificate_pem(ca.clone());
        }
        builder
    }
}

/// Starts an embedded server and connects to it. The client owns the
/// server: it stops when the client is closed or its last clone dropped.
///
/// ```no_run
/// # async fn demo() -> weaviate_orm::Result<()> {
/// use weaviate_orm::embedded::EmbeddedOptions;
///
/// let client = weaviate_orm::connect_to_embedded(EmbeddedOptions::default()).await?;
/// println!("Weaviate {}", client.meta().await?.version);
/// client.close().await; // stops the server
/// # Ok(()) }
/// ```
pub async fn connect_to_embedded(options: EmbeddedOptions) -> Result<WeaviateClient> {
    let server = EmbeddedServer::start(options).await?;
    server.client_builder().owning(server).connect().await
}
