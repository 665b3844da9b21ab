//! Named vectors: several vector spaces per collection, each with its own
//! vectorizer and index.

use serde_json::{Value, json};

use super::{VectorIndexConfig, Vectorizer};

/// One named vector of a collection.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct NamedVectorConfig {
    /// The vector's name.
    pub name: String,
    /// What makes the vector (`Vectorizer::None`: the client brings it).
    pub vectorizer: Vectorizer,
    /// The properties the vectorizer reads (empty: every text property).
    pub source_properties: Vec<String>,
    /// The vector's index.
    pub index: VectorIndexConfig,
}

impl NamedVectorConfig {
    /// A client-provided vector with a default HNSW index.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            vectorizer: Vectorizer::None,
            source_properties: Vec::new(),
            index: VectorIndexConfig::default(),
        }
    }

    /// The vector as one entry of `vectorConfig` JSON.
    pub fn to_json(&self) -> Value {
        let vectorizer = match &self.vectorizer {
            Vectorizer::None => json!({"none": {}}),
            Vectorizer::Module(module) => {
                let mut config = match &module.config {
                    Value::Object(map) => map.clone(),
                    _ => serde_json::Map::new(),
                };
                if !self.source_properties.is_empty() {
                    config.insert("properties".into(), json!(self.source_properties));
                }
                json!({ module.name.clone(): config })
            }
        };
        json!({
            "vectorizer": vectorizer,
            "vectorIndexType": self.index.kind.name(),
            "vectorIndexConfig": self.index.to_json(),
        })
    }
}
