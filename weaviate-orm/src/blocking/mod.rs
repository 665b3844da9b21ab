//! A blocking client for synchronous code, like `reqwest::blocking`: the
//! same typed API, each call run to completion on a private runtime.
//!
//! ```no_run
//! # #[derive(weaviate_orm::WeaviateCollection)] struct Article { title: String }
//! # fn demo() -> weaviate_orm::Result<()> {
//! use weaviate_orm::blocking::WeaviateClient;
//! use weaviate_orm::client::ConnectionParams;
//!
//! let client = WeaviateClient::connect(ConnectionParams::local())?;
//! client.migrate::<Article>()?;
//! let articles = client.collection::<Article>();
//! articles.insert(&Article { title: "Borrowing".into() })?;
//! let hits = articles.fetch(|query| query.limit(5))?;
//! println!("{} of {}", hits.len(), articles.count()?);
//! # Ok(()) }
//! ```
//!
//! The client is cheap to clone and safe to share between threads. Called
//! from inside an async runtime (where blocking would stall it), every call
//! is an [`Error::InvalidConfig`](crate::Error::InvalidConfig) saying so,
//! never a panic; use the async client there.

mod collection;
mod runtime;

pub use collection::Collection;

use std::sync::Arc;

use self::runtime::Runtime;
use crate::client::{ClientBuilder, ConnectionParams};
use crate::migrate::MigrationReport;
use crate::model::WeaviateCollection;
use crate::{Result, ServerMeta};

/// The blocking form of [`crate::WeaviateClient`].
#[derive(Debug, Clone)]
pub struct WeaviateClient {
    inner: crate::WeaviateClient,
    runtime: Arc<Runtime>,
}

impl WeaviateClient {
    /// Connects with `params` and runs the start-up checks.
    pub fn connect(params: ConnectionParams) -> Result<Self> {
        Self::connect_with(ClientBuilder::custom(params))
    }

    /// Connects with a configured builder (credentials, headers, timeouts...).
    pub fn connect_with(builder: ClientBuilder) -> Result<Self> {
        let runtime = Arc::new(Runtime::new()?);
        let inner = runtime.run(builder.connect())?;
        Ok(Self { inner, runtime })
    }

    /// The server's version and modules.
    pub fn meta(&self) -> Result<ServerMeta> {
        self.runtime.run(self.inner.meta())
    }

    /// Creates or updates the collection of `T`; see [`crate::WeaviateClient::migrate`].
    pub fn migrate<T: WeaviateCollection>(&self) -> Result<MigrationReport> {
        self.runtime.run(self.inner.migrate::<T>())
    }

    /// The collection of `T`.
    pub fn collection<T: WeaviateCollection>(&self) -> Collection<T> {
        Collection::new(self.inner.collection::<T>(), Arc::clone(&self.runtime))
    }

    /// The collection `name`, typed by `T`.
    pub fn collection_named<T: WeaviateCollection>(&self, name: impl Into<String>) -> Collection<T> {
        Collection::new(self.inner.collection_named::<T>(name), Arc::clone(&self.runtime))
    }

    /// The async client this one drives, for what has no blocking form yet:
    /// run its futures with [`block_on`](Self::block_on).
    pub fn as_async(&self) -> &crate::WeaviateClient {
        &self.inner
    }

    /// Runs a future of the async client to completion.
    pub fn block_on<F: std::future::Future>(&self, future: F) -> Result<F::Output> {
        self.runtime.run_any(future)
    }
}
