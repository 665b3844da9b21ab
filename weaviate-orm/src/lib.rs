//! # weaviate-orm
//!
//! A typed, ORM-style client for the [Weaviate](https://weaviate.io) vector
//! database: Rust structs declare collections, imports never lose an object,
//! and queries are checked by the compiler.
//!
//! ```no_run
//! use weaviate_orm::embedded::EmbeddedOptions;
//! use weaviate_orm::WeaviateCollection;
//!
//! /// A trivia clue (the doc comment becomes the collection's description).
//! #[derive(WeaviateCollection, Debug)]
//! #[weaviate(vectorizer = "text2vec-bigram")]
//! struct Clue {
//!     question: String,
//!     answer: String,
//!     #[weaviate(index_range_filters = true)]
//!     value: i64,
//! }
//!
//! # async fn demo() -> weaviate_orm::Result<()> {
//! // A real Weaviate on free loopback ports (built with `go install` on first use).
//! let client = weaviate_orm::connect_to_embedded(EmbeddedOptions::default()).await?;
//! client.migrate::<Clue>().await?; // creates the collection from the struct
//!
//! let clues = client.collection::<Clue>();
//! let batch = clues.batch().start(); // every object confirmed or handed back
//! batch.add(Clue { question: "The largest planet".into(), answer: "Jupiter".into(), value: 200 }).await?;
//! let report = batch.finish().await?;
//! assert!(report.failed.is_empty());
//!
//! let f = Clue::FIELDS; // typed handles: a wrong name or value type does not compile
//! let hits = clues.query().filter(f.value.greater_than(100)).sort(f.value.descending()).limit(5).fetch().await?;
//! for hit in hits {
//!     println!("{}: {}", hit.properties.question, hit.properties.answer);
//! }
//! client.close().await; // stops the embedded server
//! # Ok(()) }
//! ```
//!
//! # Where things are
//!
//! - **Models**: `#[derive(WeaviateCollection)]` ([`WeaviateCollection`]) makes a
//!   struct a collection; every attribute, its values and what the compiler
//!   refuses are in [`derive_reference`]. [`Ref`] is a cross-reference,
//!   `#[derive(WeaviateObject)]` a nested object, `#[derive(WeaviateProjection)]`
//!   a partial read; [`value`] and [`vector`] hold the Rust types of properties
//!   and vectors.
//! - **Connecting**: [`connect_to_local`], [`connect_to_custom`],
//!   [`connect_to_weaviate_cloud`], [`connect_to_embedded`], and [`ClientBuilder`]
//!   for everything else (authentication with [`Auth`], headers, [`Timeouts`], TLS
//!   roots, skipping the start-up checks); [`embedded`] starts a real server
//!   from the program.
//! - **Schema**: [`migrate`] creates or migrates collections from the models,
//!   refusing breaking changes with a readable [`migrate::MigrationPlan`];
//!   [`client::Collections`] creates, reads and deletes them one by one;
//!   [`schema`] is the configuration itself.
//! - **Writing**: [`Collection`] is the handle on one collection's objects
//!   (insert, replace, update, delete, references, `insert_many`); [`data::batch`]
//!   imports in batches where nothing is lost, [`BatchReport`](data::BatchReport)
//!   accounting for every object.
//! - **Reading**: [`query`] has the typed [`Field`](query::Field)s,
//!   [`Filter`](query::Filter)s, [`Sort`](query::Sort)s and the
//!   [`Query`](query::Query) builder with every search (vector, object, text,
//!   keyword, hybrid), grouping, generation and reranking; [`aggregate`] counts
//!   and measures; [`tenants`] manages multi-tenancy.
//! - **Errors**: [`Error`] is the one error type, typed by what happened.
//!
//! `ARCHITECTURE.md` in the repository shows how the modules are layered.

pub mod aggregate;
pub mod aliases;
pub mod backup;
#[cfg(feature = "blocking")]
pub mod blocking;
#[cfg(feature = "cli")]
pub mod cli;
pub mod client;
pub mod cluster;
pub mod codegen;
mod collection;
mod consistency;
pub mod data;
#[cfg(test)]
mod decode_fuzz;
#[doc = include_str!("derive_reference.md")]
pub mod derive_reference {}
pub mod embedded;
mod error;
mod grpc_code;
mod id;
mod id_type;
pub mod migrate;
mod model;
pub mod names;
pub mod query;
pub mod rbac;
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
pub use collection::Collection;
pub use consistency::ConsistencyLevel;
pub use data::InsertManyReport;
pub use embedded::connect_to_embedded;
pub use error::{BackupErrorKind, EmbeddedError, Error, Result};
pub use grpc_code::GrpcCode;
pub use id::deterministic_id;
pub use id_type::IdType;
pub use model::{
    At, Object, Ref, RefTargets, RegisteredCollection, Targets, WeaviateCollection, registered_collections,
};
pub use value::{Beacon, PropertyBag, PropertyError};

/// The derive macro; shares its name with the trait, so one import brings
/// both. Its attributes: [`derive_reference`].
#[cfg(feature = "derive")]
pub use weaviate_derive::WeaviateCollection;

/// The derive for nested objects: a struct that is the value of an `object`
/// property, or of an `object[]` one in a `Vec`. Its attributes:
/// [`derive_reference`](crate::derive_reference#nested-objects-weaviateobject).
#[cfg(feature = "derive")]
pub use weaviate_derive::WeaviateObject;

/// The derive for projections: a struct with some of a collection's
/// properties, `#[weaviate(of = Article)]`, for [`query::Query::project`].
/// Its attributes: [`derive_reference`](crate::derive_reference#projections-weaviateprojection).
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
        message = "`tokenization`, `index_searchable` and `text_analyzer` apply to text properties, and `{Self}` is not text",
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

    /// Field types `object_ttl(date_property = "...")` may name.
    #[diagnostic::on_unimplemented(
        message = "an object's time-to-live counts from a date property, and `{Self}` is not a date",
        label = "this names a property that needs a `DateTime<Utc>` field (or an `Option` of one)"
    )]
    pub trait DateAttribute {
        /// Named by the derive's check.
        const FITS: () = ();
    }
    impl DateAttribute for chrono::DateTime<chrono::Utc> {}
    impl<T: DateAttribute> DateAttribute for Option<T> {}

    /// Field types `muvera` and `multi_vector_aggregation` apply to.
    #[diagnostic::on_unimplemented(
        message = "`muvera` and `multi_vector_aggregation` configure a multi-vector, and `{Self}` holds one vector",
        label = "the field holding this vector needs a multi-vector type, `Vec<Vec<f32>>` (or an `Option` of one)"
    )]
    pub trait MultiVectorAttribute {
        /// Named by the derive's check.
        const FITS: () = ();
    }
    impl MultiVectorAttribute for Vec<Vec<f32>> {}
    impl<T: MultiVectorAttribute> MultiVectorAttribute for Option<T> {}

    /// The quantizers' options structs by the names the derive's attributes
    /// use: `quantizer(rq(bits = 8))` names `quantizers::rq`.
    #[allow(non_camel_case_types)]
    pub mod quantizers {
        /// Product quantization.
        pub type pq = crate::schema::PqConfig;
        /// Binary quantization.
        pub type bq = crate::schema::BqConfig;
        /// Scalar quantization.
        pub type sq = crate::schema::SqConfig;
        /// Rotational quantization.
        pub type rq = crate::schema::RqConfig;
    }

    /// The typed modules by the names the derive's attributes use:
    /// `vectorizer(text2vec_openai(..))` names `modules::vectorizer::text2vec_openai`.
    pub mod modules {
        pub use crate::schema::modules::ModuleSettings;
        pub use crate::schema::modules::attribute::{require, set};

        /// Vectorizer modules.
        pub mod vectorizer {
            pub use crate::schema::modules::multi2vec_names::*;
            pub use crate::schema::modules::text2vec_names::*;
        }

        /// Generative modules.
        pub mod generative {
            pub use crate::schema::modules::generative_names::*;
        }

        /// Reranker modules.
        pub mod reranker {
            pub use crate::schema::modules::reranker_names::*;
        }
    }

    /// The client's own decoding of a `Search` reply's bytes, for the codec
    /// benchmark (`tests/src/bin/bench/codec.rs`).
    pub fn decode_search_reply<C: crate::WeaviateCollection>(bytes: prost::bytes::Bytes) -> crate::Result<Vec<C>> {
        crate::query::results::decode_reply::<C>(bytes)
    }

    /// The client's own encoding of `object` into the bytes a batch sends,
    /// for the codec benchmark.
    pub fn encode_batch_object<C: crate::WeaviateCollection>(
        object: &C,
        id: Uuid,
    ) -> crate::Result<impl AsRef<[u8]> + use<C>> {
        crate::data::encode::batch_object(object, id, C::NAME, "")
    }

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
