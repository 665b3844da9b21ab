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
mod object_ttl;
mod parse;
mod plan;
mod property;
mod quantizer;
mod remainder;
mod vector_index;

pub use collection::CollectionConfig;
pub use distribution::{
    AsyncReplicationConfig, DeletionStrategy, MultiTenancyConfig, ReplicationConfig, ShardingConfig,
};
pub use inverted_index::InvertedIndexConfig;
pub use module::{ModuleConfig, Vectorizer};
pub use named_vector::NamedVectorConfig;
pub use object_ttl::{ObjectTtlConfig, TtlStart};
pub use parse::ConfigParseError;
pub use plan::{BreakingChange, BreakingKind, Change, MigrationPlan, Policy};
pub use property::{DataType, PropertyConfig, TextAnalyzer, Tokenization};
pub use quantizer::{BqConfig, PqConfig, PqEncoderDistribution, PqEncoderType, Quantizer, RqConfig, SqConfig};
pub use vector_index::{
    Distance, DynamicFlatConfig, FilterStrategy, MultiVectorAggregation, MuveraConfig, VectorIndexConfig,
    VectorIndexKind,
};
