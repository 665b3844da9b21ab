//! Queries checked by the compiler: typed [`Field`] handles (made by the
//! derive as `Article::FIELDS`), [`Filter`]s combined with `&`, `|` and `!`,
//! [`Sort`]s, and the [`Query`] builder that returns typed objects.
//!
//! Each operator exists only where Weaviate supports it, and values are
//! checked against the field's type:
//!
//! ```compile_fail
//! # use weaviate_orm::WeaviateCollection;
//! # #[derive(WeaviateCollection)] struct Article { title: String }
//! let wrong = Article::FIELDS.title.greater_than(3); // text has no order, and 3 is not text
//! ```

mod builder;
mod count;
mod generate;
mod group;
mod iterate;
mod properties;
pub(crate) mod results;
mod state;

#[doc(hidden)]
pub use crate::vocabulary::Value;
pub use crate::vocabulary::{
    AddressesProperty, AnthropicProvider, Array, AwsProvider, Bm25, CohereProvider, Combination, DatabricksProvider,
    DummyProvider, Equatable, Field, Filter, FilterOnly, Filterable, FriendliAiProvider, Fusion, Generate,
    GenerativeProvider, Geo, GoogleProvider, Groupable, HasLength, Hybrid, KeywordOperator, MAX_FILTER_DEPTH,
    MistralProvider, Move, NearText, NvidiaProvider, ObjectId, OllamaProvider, OpenAiProvider, Operand, Ordered,
    Projection, Property, ReadableAs, Sort, Sortable, TargetVectors, TextLike, Timestamp, VectorName, XaiProvider,
    check_projection_field,
};
pub use builder::Query;
pub use generate::Generated;
pub use group::Group;
pub use iterate::ObjectIterator;
pub use results::{Hit, Metadata};
