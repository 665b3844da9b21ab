//! [`ClientBuilder`]: every connection setting, and `connect`.

use std::path::Path;

use super::auth::{Auth, CallHeaders, Secret};
use super::config::{ConnectionParams, Endpoint, Timeouts};
use super::failover::Nodes;
use super::grpc::Grpc;
use super::oidc;
use super::rest::{Rest, http_client};
use super::transports::Transports;
use super::weaviate_client::{Owned, WeaviateClient};
use crate::{Error, Result};

/// Builds a [`WeaviateClient`]; the connection helpers
/// ([`connect_to_local`](crate::connect_to_local) and friends) are shortcuts for it.
///
/// ```no_run
/// # async fn demo() -> weaviate_orm::Result<()> {
/// use std::time::Duration;
/// use weaviate_orm::{Auth, ClientBuilder, ConnectionParams};
///
/// let client = ClientBuilder::custom(ConnectionParams::local())
///     .auth(Auth::api_key("my-key"))
///     .header("X-OpenAI-Api-Key", "sk-...")
///     .query_timeout(Duration::from_secs(60))
///     .connect()
///     .await?;
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct ClientBuilder {
    params: ConnectionParams,
    /// Other nodes of the same cluster, in the order they are tried.
    fallbacks: Vec<ConnectionParams>,
    auth: Option<Auth>,
    headers: Vec<(String, Secret)>,
    timeouts: Timeouts,
    ca_pems: Vec<Vec<u8>>,
    skip_init_checks: bool,
    owned: Option<Owned>,
}

impl ClientBuilder {
    /// A server at `params`.
    ///
    /// ```no_run
    /// # async fn demo() -> weaviate_orm::Result<()> {
    /// use weaviate_orm::{ClientBuilder, ConnectionParams};
    ///
    /// let client = ClientBuilder::custom(ConnectionParams::local_ports(8099, 50099)).connect().await?;
    /// # Ok(()) }
    /// ```
    pub fn custom(params: ConnectionParams) -> Self {
        Self {
            params,
            fallbacks: Vec::new(),
            auth: None,
            headers: Vec::new(),
            timeouts: Timeouts::default(),
            ca_pems: Vec::new(),
            skip_init_checks: false,
            owned: None,
        }
    }

    /// A server on this machine: REST on 8080, gRPC on 50051.
    pub fn local() -> Self {
        Self::custom(ConnectionParams::local())
    }

    /// A Weaviate Cloud cluster, e.g. `https://abc123.c0.europe-west3.gcp.weaviate.cloud`,
    /// authenticated with an API key. REST and gRPC both use TLS on port 443;
    /// gRPC is at the `grpc-` host of the cluster.
    ///
    /// ```no_run
    /// # async fn demo() -> weaviate_orm::Result<()> {
    /// use weaviate_orm::ClientBuilder;
    ///
    /// let api_key = std::env::var("WEAVIATE_API_KEY").unwrap_or_default();
    /// let client = ClientBuilder::weaviate_cloud("https://abc123.c0.europe-west3.gcp.weaviate.cloud", api_key)
    ///     .header("X-OpenAI-Api-Key", std::env::var("OPENAI_API_KEY").unwrap_or_default())
    ///     .connect()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn weaviate_cloud(cluster_url: &str, api_key: impl Into<Secret>) -> Self {
        let host = cluster_url.trim().trim_start_matches("https://").trim_start_matches("http://");
        let host = host.split('/').next().unwrap_or(host).to_owned();
        let grpc_host = if host.starts_with("grpc-") { host.clone() } else { format!("grpc-{host}") };
        Self::custom(ConnectionParams { http: Endpoint::tls(host, 443), grpc: Endpoint::tls(grpc_host, 443) })
            .auth(Auth::ApiKey(api_key.into()))
    }

    /// Also knows another node of the same cluster. The client talks to one
    /// node at a time, the first given preferred; when it cannot connect to
    /// that node, it moves to the next (for REST and gRPC alike, with a
    /// `tracing` warning) and stays there. A request that could not connect
    /// was never sent, so it goes to the next node whatever it is; reads
    /// and writes idempotent by id are retried there on transient failures
    /// too. A production cluster behind a load balancer needs none of this:
    /// give the balancer's address alone.
    ///
    /// ```no_run
    /// # async fn demo() -> weaviate_orm::Result<()> {
    /// use weaviate_orm::{ClientBuilder, ConnectionParams};
    ///
    /// let client = ClientBuilder::custom(ConnectionParams::local_ports(8080, 50051))
    ///     .fallback(ConnectionParams::local_ports(8081, 50052))
    ///     .fallback(ConnectionParams::local_ports(8082, 50053))
    ///     .connect()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn fallback(mut self, params: ConnectionParams) -> Self {
        self.fallbacks.push(params);
        self
    }

    /// Authenticates every call; see [`Auth`] for the kinds of credentials.
    ///
    /// ```no_run
    /// # async fn demo() -> weaviate_orm::Result<()> {
    /// use weaviate_orm::{Auth, ClientBuilder};
    ///
    /// // OIDC: the client logs in at the server's identity provider and keeps its token fresh.
    /// let client = ClientBuilder::local()
    ///     .auth(Auth::client_password("ada", "pa55word").with_scopes(["openid", "offline_access"]))
    ///     .connect()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn auth(mut self, auth: Auth) -> Self {
        self.auth = Some(auth);
        self
    }

    /// Sends a header with every REST and gRPC call (e.g. a module's API key
    /// such as `X-OpenAI-Api-Key`). Values are treated as secrets. A name or
    /// value that a header cannot carry makes [`connect`](Self::connect)
    /// fail with [`Error::InvalidConfig`].
    ///
    /// ```no_run
    /// # async fn demo() -> weaviate_orm::Result<()> {
    /// use weaviate_orm::ClientBuilder;
    ///
    /// let client = ClientBuilder::local()
    ///     .header("X-Cohere-Api-Key", std::env::var("COHERE_API_KEY").unwrap_or_default())
    ///     .header("X-Request-Source", "nightly-import")
    ///     .connect()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn header(mut self, name: impl Into<String>, value: impl Into<Secret>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Replaces all timeouts; [`init_timeout`](Self::init_timeout),
    /// [`query_timeout`](Self::query_timeout) and
    /// [`insert_timeout`](Self::insert_timeout) set one each.
    ///
    /// ```no_run
    /// # async fn demo() -> weaviate_orm::Result<()> {
    /// use std::time::Duration;
    /// use weaviate_orm::{ClientBuilder, Timeouts};
    ///
    /// let client = ClientBuilder::local()
    ///     .timeouts(Timeouts { insert: Duration::from_secs(300), ..Timeouts::default() })
    ///     .init_timeout(Duration::from_secs(30)) // a slow network
    ///     .connect()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = timeouts;
        self
    }

    /// The timeout for connecting and the start-up checks (default 10 s).
    ///
    /// ```no_run
    /// # use std::time::Duration;
    /// # use weaviate_orm::ClientBuilder;
    /// # async fn demo() -> weaviate_orm::Result<()> {
    /// let client = ClientBuilder::local().init_timeout(Duration::from_secs(30)).connect().await?;
    /// # Ok(()) }
    /// ```
    pub fn init_timeout(mut self, timeout: std::time::Duration) -> Self {
        self.timeouts.init = timeout;
        self
    }

    /// The timeout for reads: searches, aggregates, object and schema reads
    /// (default 30 s).
    ///
    /// ```no_run
    /// # use std::time::Duration;
    /// # use weaviate_orm::ClientBuilder;
    /// # async fn demo() -> weaviate_orm::Result<()> {
    /// // An interactive search: give up quickly.
    /// let client = ClientBuilder::local().query_timeout(Duration::from_secs(3)).connect().await?;
    /// # Ok(()) }
    /// ```
    pub fn query_timeout(mut self, timeout: std::time::Duration) -> Self {
        self.timeouts.query = timeout;
        self
    }

    /// The timeout for writes: inserts, batch requests, updates and deletes
    /// (default 90 s).
    ///
    /// ```no_run
    /// # use std::time::Duration;
    /// # use weaviate_orm::ClientBuilder;
    /// # async fn demo() -> weaviate_orm::Result<()> {
    /// // Writes through a slow vectorizer module.
    /// let client = ClientBuilder::local().insert_timeout(Duration::from_secs(300)).connect().await?;
    /// # Ok(()) }
    /// ```
    pub fn insert_timeout(mut self, timeout: std::time::Duration) -> Self {
        self.timeouts.insert = timeout;
        self
    }

    /// Trusts this CA certificate (PEM) for both transports, in addition to
    /// the system's roots.
    pub fn ca_certificate_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.ca_pems.push(pem.into());
        self
    }

    /// Trusts the CA certificate in this PEM file (see
    /// [`ca_certificate_pem`](Self::ca_certificate_pem)). Fails with
    /// [`Error::InvalidConfig`] when the file cannot be read.
    ///
    /// ```no_run
    /// # async fn demo() -> weaviate_orm::Result<()> {
    /// use weaviate_orm::{ClientBuilder, ConnectionParams, Endpoint};
    ///
    /// let params = ConnectionParams {
    ///     http: Endpoint::tls("weaviate.internal", 443),
    ///     grpc: Endpoint::tls("weaviate.internal", 50051),
    /// };
    /// let client = ClientBuilder::custom(params).ca_certificate_file("/etc/ssl/internal-ca.pem")?.connect().await?;
    /// # Ok(()) }
    /// ```
    pub fn ca_certificate_file(self, path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let pem = std::fs::read(path)
            .map_err(|e| Error::InvalidConfig(format!("reading CA certificate {}: {e}", path.display())))?;
        Ok(self.ca_certificate_pem(pem))
    }

    /// Skips the start-up checks (server version, gRPC health): `connect`
    /// then makes no network call, and problems show on the first real call.
    /// [`WeaviateClient::run_init_checks`] runs them later.
    ///
    /// ```no_run
    /// # async fn demo() -> weaviate_orm::Result<()> {
    /// use weaviate_orm::ClientBuilder;
    ///
    /// // Start even if Weaviate is not up yet; check once it should be.
    /// let client = ClientBuilder::local().skip_init_checks(true).connect().await?;
    /// assert!(client.server_meta().is_none());
    /// let meta = client.run_init_checks().await?;
    /// # Ok(()) }
    /// ```
    pub fn skip_init_checks(mut self, skip: bool) -> Self {
        self.skip_init_checks = skip;
        self
    }

    /// Hands the client something to keep alive, such as an
    /// [`EmbeddedServer`](crate::embedded::EmbeddedServer): it is dropped (a
    /// server stops) when the client is closed or its last clone is dropped.
    ///
    /// ```no_run
    /// # async fn demo() -> weaviate_orm::Result<()> {
    /// use std::time::Duration;
    /// use weaviate_orm::embedded::{EmbeddedOptions, EmbeddedServer};
    ///
    /// let server = EmbeddedServer::start(EmbeddedOptions::default()).await?;
    /// let client = server.client_builder().query_timeout(Duration::from_secs(5)).owning(server).connect().await?;
    /// client.close().await; // stops the server
    /// # Ok(()) }
    /// ```
    pub fn owning(mut self, value: impl Send + Sync + 'static) -> Self {
        self.owned = Some(Owned::new(value));
        self
    }

    /// Creates the transports and, unless skipped, checks that the server is
    /// supported (`/v1/meta`) and that gRPC is serving.
    ///
    /// ```no_run
    /// # async fn demo() -> weaviate_orm::Result<()> {
    /// use weaviate_orm::{ClientBuilder, Error};
    ///
    /// match ClientBuilder::local().connect().await {
    ///     Ok(client) => println!("connected to Weaviate {:?}", client.server_meta().map(|m| &m.version)),
    ///     Err(Error::Connection { url, .. }) => eprintln!("nothing answers at {url}: is Weaviate running?"),
    ///     Err(Error::UnsupportedServer { found, required }) => eprintln!("Weaviate {found} is too old ({required}+)"),
    ///     Err(other) => return Err(other),
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn connect(self) -> Result<WeaviateClient> {
        let credentials = self.auth.as_ref().map(Auth::credentials).unwrap_or_default();
        let init = self.timeouts.init;
        let headers = CallHeaders::new(&self.headers, credentials)?;
        let all: Vec<&ConnectionParams> = std::iter::once(&self.params).chain(&self.fallbacks).collect();
        let nodes = Nodes::new(all.len());
        let http: Vec<&Endpoint> = all.iter().map(|p| &p.http).collect();
        let rest = Rest::new(&http, nodes.clone(), &self.ca_pems, headers.clone(), init)?;
        if let Some(auth) = self.auth.as_ref().filter(|auth| auth.uses_oidc()) {
            let http = http_client(&self.ca_pems, init)?
                .build()
                .map_err(|e| Error::InvalidConfig(format!("building the OIDC HTTP client: {e}")))?;
            oidc::start(&rest, http, auth, headers.credentials()).await?;
        }
        let grpc_endpoints: Vec<&Endpoint> = all.iter().map(|p| &p.grpc).collect();
        let grpc = Grpc::new(&grpc_endpoints, nodes, &self.ca_pems, headers, init)?;
        let transports = Transports { rest, grpc, timeouts: self.timeouts };
        let meta = if self.skip_init_checks { None } else { Some(transports.init_checks().await?) };
        Ok(WeaviateClient::new(transports, meta, self.auth.is_some(), self.owned))
    }
}

impl WeaviateClient {
    /// A builder for a server on this machine; see [`ClientBuilder`] for the others.
    ///
    /// ```no_run
    /// # async fn demo() -> weaviate_orm::Result<()> {
    /// use weaviate_orm::{Auth, WeaviateClient};
    ///
    /// let client = WeaviateClient::builder().auth(Auth::api_key("my-key")).connect().await?;
    /// # Ok(()) }
    /// ```
    pub fn builder() -> ClientBuilder {
        ClientBuilder::local()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloud_urls_map_to_tls_endpoints() {
        let builder = ClientBuilder::weaviate_cloud("https://abc.c0.weaviate.cloud/", "key");
        assert_eq!(builder.params.http, Endpoint::tls("abc.c0.weaviate.cloud", 443));
        assert_eq!(builder.params.grpc, Endpoint::tls("grpc-abc.c0.weaviate.cloud", 443));
        assert_eq!(builder.auth, Some(Auth::api_key("key")));
    }

    #[test]
    fn debug_output_hides_secrets() {
        let builder =
            ClientBuilder::local().auth(Auth::api_key("top-secret-key")).header("X-Cohere-Api-Key", "cohere-secret");
        let shown = format!("{builder:?}");
        assert!(!shown.contains("top-secret-key") && !shown.contains("cohere-secret"), "{shown}");
        assert!(shown.contains("X-Cohere-Api-Key"), "{shown}");
    }
}
