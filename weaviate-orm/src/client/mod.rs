//! Connecting to Weaviate: [`WeaviateClient`], its [`ClientBuilder`], the
//! connection helpers, authentication and timeouts.

mod auth;
mod builder;
mod collections;
mod config;
mod connect;
pub(crate) mod encoded;
mod failover;
mod graphql;
pub(crate) mod grpc;
mod meta;
mod oidc;
pub(crate) mod rest;
mod search;
mod span;
mod transports;
mod weaviate_client;

pub use auth::{Auth, Secret};
pub use builder::ClientBuilder;
pub use collections::{Collections, DeleteAll};
pub use config::{ConnectionParams, Endpoint, Timeouts};
pub use connect::{connect_to_custom, connect_to_local, connect_to_weaviate_cloud};
pub use meta::{MIN_SERVER_VERSION, ServerMeta};
pub(crate) use transports::Transports;
pub use weaviate_client::WeaviateClient;
