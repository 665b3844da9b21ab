//! A real Weaviate server on this machine, started and stopped by the
//! program: the Rust counterpart of the Python client's `connect_to_embedded`.
//!
//! [`EmbeddedServer::start`] finds the pinned `weaviate-server` binary
//! (building it with `go install` on first use, see [`WEAVIATE_VERSION`]),
//! starts it on free loopback ports with a private data folder and the
//! modules that need no network, and waits until REST reports ready and gRPC
//! reports SERVING. The server stops when the handle is dropped, when
//! [`EmbeddedServer::shutdown`] is awaited, or when this process ends.
//!
//! ```no_run
//! # async fn demo() -> weaviate_orm::Result<()> {
//! use weaviate_orm::embedded::{EmbeddedOptions, EmbeddedServer};
//!
//! let server = EmbeddedServer::start(EmbeddedOptions::default()).await?;
//! let client = server.client_builder().connect().await?;
//! println!("Weaviate {}", client.meta().await?.version);
//! server.shutdown().await;
//! # Ok(()) }
//! ```

mod cluster;
mod connection;
mod environment;
mod install;
mod options;
mod process;
mod server;

pub use cluster::EmbeddedCluster;
pub use connection::connect_to_embedded;
pub use install::{CACHE_DIR_ENV, SERVER_BIN_ENV, WEAVIATE_VERSION, cache_dir, cached_binary, install_command};
pub use options::{DEFAULT_MODULES, EmbeddedOptions};
pub use server::{EmbeddedServer, StopMode};
