//! Collection configuration: what the derive builds from a struct and what is
//! sent to `POST /v1/schema`.

mod collection;
pub(crate) mod diff;
mod distribution;
mod inverted_index;
pub(crate) mod json;
mod module;
pub mod modules;
mod named_vector;
mod parse;
mod plan;
mod property;
mod remainder;
mod vector_index;

pub use collection::CollectionConfig;
pub use distribution::{DeletionStrategy, MultiTenancyConfig, ReplicationConfig, ShardingConfig};
pub use inverted_index::InvertedIndexConfig;
pub use module::{ModuleConfig, Vectorizer};
pub use named_vector::NamedVectorConfig;
pub use parse::ConfigParseError;
pub use plan::{BreakingChange, BreakingKind, Change, MigrationPlan, Policy};
pub use property::{DataType, PropertyConfig, Tokenization};
pub use vector_index::{Distance, FilterStrategy, Quantizer, VectorIndexConfig, VectorIndexKind};
