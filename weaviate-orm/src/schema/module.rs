//! Modules with their settings: [`ModuleConfig`] for generative and
//! reranker modules, and [`Vectorizer`] for what makes the vectors.

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

/// What makes a collection's (or a named vector's) vectors.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Vectorizer {
    /// The client brings its own vectors.
    None,
    /// A vectorizer module, e.g. `text2vec-bigram`, with its settings.
    Module(ModuleConfig),
}

impl Vectorizer {
    /// A module with its default settings.
    pub fn module(name: impl Into<String>) -> Self {
        Self::Module(ModuleConfig::new(name))
    }

    /// The module's name, or `None` when vectors come from the client.
    pub fn module_name(&self) -> Option<&str> {
        match self {
            Self::None => None,
            Self::Module(module) => Some(&module.name),
        }
    }
}
