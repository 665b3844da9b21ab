//! A collection's configuration.

use serde_json::{Map, Value, json};

use super::PropertyConfig;

/// What makes the collection's vectors.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Vectorizer {
    /// The client brings its own vectors.
    None,
    /// A vectorizer module, e.g. `text2vec-bigram`, with its settings.
    Module {
        /// The module's name.
        name: String,
        /// The module's settings (`{}` for its defaults).
        config: Value,
    },
}

impl Vectorizer {
    /// A module with its default settings.
    pub fn module(name: impl Into<String>) -> Self {
        Self::Module { name: name.into(), config: json!({}) }
    }

    /// The module's name, or `None` when vectors come from the client.
    pub fn module_name(&self) -> Option<&str> {
        match self {
            Self::None => None,
            Self::Module { name, .. } => Some(name),
        }
    }
}

/// A collection as the schema describes it (`POST /v1/schema`).
#[derive(Debug, Clone, PartialEq)]
pub struct CollectionConfig {
    /// The collection name (a capital letter, then letters, digits and `_`).
    pub name: String,
    /// A description (from the struct's doc comment).
    pub description: Option<String>,
    /// The properties, in declaration order.
    pub properties: Vec<PropertyConfig>,
    /// What makes the vectors.
    pub vectorizer: Vectorizer,
}

impl CollectionConfig {
    /// A collection with no properties and client-side vectors.
    pub fn new(name: impl Into<String>) -> Self {
        Self { name: name.into(), description: None, properties: Vec::new(), vectorizer: Vectorizer::None }
    }

    /// The property called `name`.
    pub fn property(&self, name: &str) -> Option<&PropertyConfig> {
        self.properties.iter().find(|p| p.name == name)
    }

    /// The collection as schema JSON.
    pub fn to_json(&self) -> Value {
        let module = self.vectorizer.module_name();
        let mut out = Map::new();
        out.insert("class".into(), json!(self.name));
        if let Some(description) = &self.description {
            out.insert("description".into(), json!(description));
        }
        out.insert("vectorizer".into(), json!(module.unwrap_or("none")));
        if let Vectorizer::Module { name, config } = &self.vectorizer {
            out.insert("moduleConfig".into(), json!({ name: config }));
        }
        out.insert("properties".into(), self.properties.iter().map(|p| p.to_json(module)).collect());
        Value::Object(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::DataType;

    #[test]
    fn collections_serialize_with_their_vectorizer() {
        let mut config = CollectionConfig::new("Article");
        config.description = Some("News.".into());
        config.vectorizer = Vectorizer::module("text2vec-bigram");
        config.properties.push(PropertyConfig::new("title", DataType::Text));
        let json = config.to_json();
        assert_eq!(json["class"], "Article");
        assert_eq!(json["vectorizer"], "text2vec-bigram");
        assert_eq!(json["moduleConfig"], json!({"text2vec-bigram": {}}));
        assert_eq!(json["properties"][0]["moduleConfig"]["text2vec-bigram"]["skip"], false);
        assert_eq!(CollectionConfig::new("Plain").to_json()["vectorizer"], "none");
    }
}
