//! A module with its settings, as generative and reranker modules are configured.

use serde_json::{Value, json};

/// A Weaviate module (e.g. `generative-openai`) with its settings.
#[derive(Debug, Clone, PartialEq)]
pub struct ModuleConfig {
    /// The module's name.
    pub name: String,
    /// Its settings (`{}` for the defaults).
    pub config: Value,
}

impl ModuleConfig {
    /// The module with its default settings.
    pub fn new(name: impl Into<String>) -> Self {
        Self { name: name.into(), config: json!({}) }
    }

    /// The module with the given settings.
    pub fn with_config(name: impl Into<String>, config: Value) -> Self {
        Self { name: name.into(), config }
    }
}
