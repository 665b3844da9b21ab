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

mod ast;
mod builder;
mod count;
mod field;
mod filter;
mod generate;
mod group;
mod iterate;
mod operand;
mod projection;
mod properties;
pub(crate) mod results;
pub(crate) mod search;
mod sort;
mod vector_name;

pub use builder::Query;
pub use field::{AddressesProperty, Field, FilterOnly, Property};
pub use filter::{Filter, MAX_FILTER_DEPTH};
pub use generate::{Generate, Generated};
pub use group::Group;
pub use iterate::ObjectIterator;
pub use operand::{
    Array, Equatable, Filterable, Geo, Groupable, HasLength, ObjectId, Operand, Ordered, Sortable, TextLike, Timestamp,
};
pub use projection::{Projection, ReadableAs, check_projection_field};
pub use results::{Hit, Metadata};
pub use search::{Bm25, Combination, Fusion, Hybrid, KeywordOperator, Move, NearText, TargetVectors};
pub use sort::Sort;
pub use vector_name::VectorName;

#[doc(hidden)]
pub use ast::Value;
