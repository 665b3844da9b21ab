//! Collection configuration: what the derive builds from a struct and what is
//! sent to `POST /v1/schema`.

mod collection;
mod data_type;
mod distribution;
mod inverted_index;
mod module;
mod named_vector;
mod parse;
mod property;
mod vector_index;

pub use collection::{CollectionConfig, Vectorizer};
pub use data_type::DataType;
pub use distribution::{MultiTenancyConfig, ReplicationConfig, ShardingConfig};
pub use inverted_index::InvertedIndexConfig;
pub use module::ModuleConfig;
pub use named_vector::NamedVectorConfig;
pub use parse::ConfigParseError;
pub use property::{PropertyConfig, Tokenization};
pub use vector_index::{Distance, Quantizer, VectorIndexConfig, VectorIndexKind};

/// Adds `key: value` to a JSON object when the setting is given; settings
/// left out keep the server's default.
fn insert_some<T: serde::Serialize>(out: &mut serde_json::Map<String, serde_json::Value>, key: &str, value: Option<T>) {
    if let Some(value) = value {
        out.insert(key.into(), serde_json::json!(value));
    }
}
