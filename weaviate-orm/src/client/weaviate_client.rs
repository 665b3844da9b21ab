//! [`WeaviateClient`]: the connection every operation starts from.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::meta::ServerMeta;
use super::rest::Path;
use super::transports::Transports;
use crate::{Error, Result};

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
    owned: tokio::sync::Mutex<Option<Owned>>,
}

/// Something a client keeps alive for its lifetime (an embedded server),
/// type-erased so that the client knows nothing of what it is. It is
/// dropped when the client is closed, or with the last clone.
pub(crate) struct Owned {
    /// Held only to be dropped.
    _value: Box<dyn std::any::Any + Send + Sync>,
}

impl Owned {
    pub(crate) fn new(value: impl Send + Sync + 'static) -> Self {
        Self { _value: Box::new(value) }
    }
}

impl std::fmt::Debug for Owned {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Owned(..)")
    }
}

impl WeaviateClient {
    pub(super) fn new(
        transports: Transports,
        meta: Option<ServerMeta>,
        authenticated: bool,
        owned: Option<Owned>,
    ) -> Self {
        Self {
            inner: Arc::new(Inner {
                transports,
                meta,
                authenticated,
                closed: AtomicBool::new(false),
                owned: tokio::sync::Mutex::new(owned),
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
    ///
    /// ```no_run
    /// # async fn demo(client: weaviate_orm::WeaviateClient) -> weaviate_orm::Result<()> {
    /// // Wait for a server that is still starting.
    /// while !client.is_ready().await? {
    ///     tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn is_ready(&self) -> Result<bool> {
        self.probe(Path::new(".well-known/ready")).await
    }

    /// Whether the server process is up (`/v1/.well-known/live`), even if it
    /// is not [ready](Self::is_ready) yet.
    ///
    /// ```no_run
    /// # async fn demo(client: weaviate_orm::WeaviateClient) -> weaviate_orm::Result<()> {
    /// if client.is_live().await? && !client.is_ready().await? {
    ///     println!("Weaviate is up, but still loading");
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn is_live(&self) -> Result<bool> {
        self.probe(Path::new(".well-known/live")).await
    }

    async fn probe(&self, path: Path) -> Result<bool> {
        let t = self.transports()?;
        Ok(t.rest.probe(&path, t.timeouts.query).await?.is_some_and(|status| status.is_success()))
    }

    /// Asks the server for its version, modules and limits (`GET /v1/meta`).
    ///
    /// ```no_run
    /// # async fn demo(client: weaviate_orm::WeaviateClient) -> weaviate_orm::Result<()> {
    /// let meta = client.meta().await?;
    /// println!("Weaviate {} with modules {:?}", meta.version, meta.modules.keys());
    /// if !meta.has_module("generative-openai") {
    ///     eprintln!("generation is not available on this server");
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn meta(&self) -> Result<ServerMeta> {
        let t = self.transports()?;
        t.rest.get_json(&Path::new("meta"), t.timeouts.query).await
    }

    /// What the server said at connect time, unless the checks were skipped
    /// ([`ClientBuilder::skip_init_checks`](crate::ClientBuilder::skip_init_checks)).
    /// Unlike [`meta`](Self::meta), it makes no call.
    ///
    /// ```no_run
    /// # async fn demo() -> weaviate_orm::Result<()> {
    /// let client = weaviate_orm::connect_to_local().await?;
    /// if let Some(meta) = client.server_meta() {
    ///     println!("connected to Weaviate {}", meta.version);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn server_meta(&self) -> Option<&ServerMeta> {
        self.inner.meta.as_ref()
    }

    /// Runs the start-up checks now (useful after
    /// [`skip_init_checks`](crate::ClientBuilder::skip_init_checks)); see
    /// there for an example.
    pub async fn run_init_checks(&self) -> Result<ServerMeta> {
        self.transports()?.init_checks().await
    }

    /// Closes the client: later calls on it and its clones fail with
    /// [`Error::ClosedClient`]. What the client owns (an embedded server) is
    /// dropped, on a blocking thread: a server stops and is waited for.
    ///
    /// ```no_run
    /// # async fn demo() -> weaviate_orm::Result<()> {
    /// use weaviate_orm::Error;
    ///
    /// let client = weaviate_orm::connect_to_local().await?;
    /// let clone = client.clone();
    /// client.close().await;
    /// assert!(clone.is_closed());
    /// assert!(matches!(clone.meta().await, Err(Error::ClosedClient)));
    /// # Ok(()) }
    /// ```
    pub async fn close(&self) {
        self.inner.closed.store(true, Ordering::SeqCst);
        if let Some(owned) = self.inner.owned.lock().await.take() {
            let _ = tokio::task::spawn_blocking(move || drop(owned)).await;
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
