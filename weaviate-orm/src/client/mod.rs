//! Connecting to Weaviate: [`WeaviateClient`], its [`ClientBuilder`], the
//! connection helpers, authentication and timeouts.

mod auth;
mod builder;
mod collections;
mod config;
mod connect;
mod graphql;
pub(crate) mod grpc;
mod meta;
mod oidc;
pub(crate) mod rest;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

pub use auth::{Auth, Secret};
pub use builder::ClientBuilder;
pub use collections::{Collections, DeleteAll};
pub use config::{ConnectionParams, Endpoint, Timeouts};
pub use connect::{connect_to_custom, connect_to_embedded, connect_to_local, connect_to_weaviate_cloud};
pub use meta::{MIN_SERVER_VERSION, ServerMeta};

use crate::embedded::EmbeddedServer;
use crate::{Error, Result};
use rest::Path;

/// Both transports and the timeouts that apply to them.
#[derive(Debug, Clone)]
pub(crate) struct Transports {
    pub(crate) rest: rest::Rest,
    pub(crate) grpc: grpc::Grpc,
    pub(crate) timeouts: Timeouts,
}

impl Transports {
    /// The Python client's start-up checks: `/v1/meta` (refusing servers that
    /// are too old), then the gRPC health check.
    pub(crate) async fn init_checks(&self) -> Result<ServerMeta> {
        let meta: ServerMeta = self.rest.get_json(&Path::new("meta"), self.timeouts.init).await?;
        meta.check_supported()?;
        self.grpc.check_health(self.timeouts.init).await?;
        Ok(meta)
    }
}

/// A connection to one Weaviate server over REST and gRPC.
///
/// Cheap to clone: clones share the connections. After [`close`](Self::close)
/// every call on any clone fails with [`Error::ClosedClient`].
///
/// ```no_run
/// # async fn demo() -> weaviate_orm::Result<()> {
/// let client = weaviate_orm::connect_to_local().await?;
/// assert!(client.is_ready().await?);
/// println!("Weaviate {}", client.meta().await?.version);
/// client.close().await;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct WeaviateClient {
    inner: Arc<Inner>,
}

struct Inner {
    transports: Transports,
    meta: Option<ServerMeta>,
    authenticated: bool,
    closed: AtomicBool,
    embedded: tokio::sync::Mutex<Option<EmbeddedServer>>,
}

impl WeaviateClient {
    /// A builder for a server on this machine; see [`ClientBuilder`] for the others.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::local()
    }

    fn new(
        transports: Transports,
        meta: Option<ServerMeta>,
        authenticated: bool,
        embedded: Option<EmbeddedServer>,
    ) -> Self {
        Self {
            inner: Arc::new(Inner {
                transports,
                meta,
                authenticated,
                closed: AtomicBool::new(false),
                embedded: tokio::sync::Mutex::new(embedded),
            }),
        }
    }

    /// The transports, unless the client is closed.
    pub(crate) fn transports(&self) -> Result<&Transports> {
        if self.is_closed() {
            return Err(Error::ClosedClient);
        }
        Ok(&self.inner.transports)
    }

    /// Whether the server is ready to serve (`/v1/.well-known/ready`).
    /// An unreachable server is not ready; only a closed client is an error.
    pub async fn is_ready(&self) -> Result<bool> {
        self.probe(Path::new(".well-known/ready")).await
    }

    /// Whether the server process is up (`/v1/.well-known/live`).
    pub async fn is_live(&self) -> Result<bool> {
        self.probe(Path::new(".well-known/live")).await
    }

    async fn probe(&self, path: Path) -> Result<bool> {
        let t = self.transports()?;
        Ok(t.rest.probe(&path, t.timeouts.query).await?.is_some_and(|status| status.is_success()))
    }

    /// Asks the server for its version, modules and limits (`GET /v1/meta`).
    pub async fn meta(&self) -> Result<ServerMeta> {
        let t = self.transports()?;
        t.rest.get_json(&Path::new("meta"), t.timeouts.query).await
    }

    /// What the server said at connect time, unless the checks were skipped.
    pub fn server_meta(&self) -> Option<&ServerMeta> {
        self.inner.meta.as_ref()
    }

    /// Runs the start-up checks now (useful after `skip_init_checks`).
    pub async fn run_init_checks(&self) -> Result<ServerMeta> {
        self.transports()?.init_checks().await
    }

    /// Closes the client: later calls on it and its clones fail with
    /// [`Error::ClosedClient`]. An embedded server the client owns is stopped.
    pub async fn close(&self) {
        self.inner.closed.store(true, Ordering::SeqCst);
        if let Some(server) = self.inner.embedded.lock().await.take() {
            server.shutdown().await;
        }
    }

    /// Whether [`close`](Self::close) was called.
    pub fn is_closed(&self) -> bool {
        self.inner.closed.load(Ordering::SeqCst)
    }
}

impl std::fmt::Debug for WeaviateClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let t = &self.inner.transports;
        f.debug_struct("WeaviateClient")
            .field("rest", &t.rest.base())
            .field("grpc", &t.grpc)
            .field("timeouts", &t.timeouts)
            .field("authenticated", &self.inner.authenticated)
            .field("closed", &self.is_closed())
            .finish_non_exhaustive()
    }
}
