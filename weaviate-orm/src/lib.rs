//! # weaviate-orm
//!
//! A typed, ORM-style client for the [Weaviate](https://weaviate.io) vector
//! database: Rust structs declare collections, imports never lose an object,
//! and queries are checked by the compiler.
//!
//! This part of the crate connects to a server:
//!
//! ```no_run
//! # async fn demo() -> weaviate_orm::Result<()> {
//! use weaviate_orm::embedded::EmbeddedOptions;
//!
//! // Starts a real Weaviate on free loopback ports (built with `go install` on first use).
//! let client = weaviate_orm::connect_to_embedded(EmbeddedOptions::default()).await?;
//! let meta = client.meta().await?;
//! println!("Weaviate {} with modules {:?}", meta.version, meta.modules.keys().collect::<Vec<_>>());
//! client.close().await;
//! # Ok(()) }
//! ```
//!
//! - [`connect_to_local`], [`connect_to_custom`], [`connect_to_weaviate_cloud`],
//!   [`connect_to_embedded`], and [`ClientBuilder`] for everything else
//!   (authentication, headers, timeouts, TLS roots, skipping the start-up checks);
//! - [`embedded`]: a real server started and stopped by the program;
//! - `#[derive(WeaviateCollection)]` ([`WeaviateCollection`]): a struct is a
//!   collection, with its settings as attributes; `#[derive(WeaviateObject)]`
//!   for nested objects; `#[derive(WeaviateProjection)]` for partial reads;
//! - [`migrate`]: create or migrate collections from the models, refusing
//!   breaking changes with a readable plan; [`registered_collections`] lists
//!   every derived model of the program;
//! - [`Collection`]: a collection's objects (`insert_many`, [`Collection::query`]);
//! - [`query`]: typed fields, filters, sorting, projections, the query builder;
//! - [`schema`]: collection configuration;
//! - [`value`]: the Rust types that map to Weaviate data types; [`Ref`] for
//!   references and [`vector`] for vectors;
//! - [`Error`]: the one error type.

pub mod aggregate;
pub mod client;
mod collection;
pub mod data;
#[cfg(test)]
mod decode_fuzz;
pub mod embedded;
mod error;
mod grpc_code;
mod id;
mod id_type;
pub mod migrate;
mod model;
pub mod names;
pub mod query;
mod reply;
pub mod schema;
pub mod tenants;
pub mod value;
pub mod vector;
mod vocabulary;

pub use client::{
    Auth, ClientBuilder, ConnectionParams, Endpoint, MIN_SERVER_VERSION, Secret, ServerMeta, Timeouts, WeaviateClient,
    connect_to_custom, connect_to_local, connect_to_weaviate_cloud,
};
pub use collection::{Collection, ConsistencyLevel};
pub use data::InsertManyReport;
pub use embedded::connect_to_embedded;
pub use error::{EmbeddedError, Error, Result};
pub use grpc_code::GrpcCode;
pub use id::deterministic_id;
pub use id_type::IdType;
pub use model::{
    At, Object, Ref, RefTargets, RegisteredCollection, Targets, WeaviateCollection, registered_collections,
};
pub use value::{Beacon, PropertyBag, PropertyError};

/// The derive macro; shares its name with the trait, so one import brings both.
#[cfg(feature = "derive")]
pub use weaviate_derive::WeaviateCollection;

/// The derive for nested objects: a struct that is the value of an `object`
/// property, or of an `object[]` one in a `Vec`.
#[cfg(feature = "derive")]
pub use weaviate_derive::WeaviateObject;

/// The derive for projections: a struct with some of a collection's
/// properties, `#[weaviate(of = Article)]`, for [`query::Query::project`].
#[cfg(feature = "derive")]
pub use weaviate_derive::WeaviateProjection;

/// What the derive's generated code needs; not part of the public API.
#[doc(hidden)]
pub mod __private {
    pub use inventory;
    pub use uuid::Uuid;

    pub use crate::vocabulary::Field;

    /// Field types that `tokenization` and `index_searchable` apply to.
    #[diagnostic::on_unimplemented(
        message = "`tokenization` and `index_searchable` apply to text properties, and `{Self}` is not text",
        label = "this needs a `String` or `Vec<String>` field (or an `Option` of one)"
    )]
    pub trait TextAttribute {
        /// Named by the derive's check.
        const FITS: () = ();
    }
    impl TextAttribute for String {}
    impl TextAttribute for Vec<String> {}
    impl<T: TextAttribute> TextAttribute for Option<T> {}

    /// Field types that `index_range_filters` applies to.
    #[diagnostic::on_unimplemented(
        message = "`index_range_filters` applies to int, number and date properties, and `{Self}` is none of them",
        label = "this needs an `i64`, `i32`, `f64`, `f32` or `DateTime<Utc>` field (or an `Option` of one)"
    )]
    pub trait RangeAttribute {
        /// Named by the derive's check.
        const FITS: () = ();
    }
    impl RangeAttribute for i64 {}
    impl RangeAttribute for i32 {}
    impl RangeAttribute for f64 {}
    impl RangeAttribute for f32 {}
    impl RangeAttribute for chrono::DateTime<chrono::Utc> {}
    impl<T: RangeAttribute> RangeAttribute for Option<T> {}

    /// JSON the derive has already checked.
    pub fn json(text: &str) -> serde_json::Value {
        serde_json::from_str(text).unwrap_or_default()
    }
}

/// The raw gRPC messages, generated from the project's protocol definitions.
///
/// Unstable: these types follow the server's wire format. The typed API
/// never requires them.
pub use weaviate_orm_proto as proto;

/// The README's examples, compiled as doctests so they stay correct.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
