//! Rust types for the Weaviate v1 gRPC protocol, generated from the project's
//! own definitions in `proto/proto/` by `cargo xtask codegen`.
//!
//! These types track the server's wire format and are not a stable API; use
//! the typed API of `weaviate-orm` instead. The Weaviate release the
//! definitions were checked against is in [`WEAVIATE_VERSION`].

/// The Weaviate release whose wire protocol the definitions were checked against.
pub const WEAVIATE_VERSION: &str = include_str!("../WEAVIATE_VERSION");

/// Messages and the client of the `weaviate.v1.Weaviate` service.
#[rustfmt::skip]
#[allow(clippy::all, missing_docs, unreachable_pub, missing_debug_implementations, rust_2018_idioms)]
pub mod v1 {
    include!("generated/weaviate.v1.rs");
}

/// The standard gRPC health-checking protocol.
#[rustfmt::skip]
#[allow(clippy::all, missing_docs, unreachable_pub, missing_debug_implementations, rust_2018_idioms)]
pub mod health {
    include!("generated/grpc.health.v1.rs");
}
