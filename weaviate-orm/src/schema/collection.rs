//! A collection's configuration.

use serde_json::{Map, Value, json};

use super::{
    DataType, InvertedIndexConfig, ModuleConfig, MultiTenancyConfig, NamedVectorConfig, ObjectTtlConfig,
    PropertyConfig, ReplicationConfig, ShardingConfig, VectorIndexConfig, Vectorizer,
};

/// A collection as the schema describes it (`POST /v1/schema`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CollectionConfig {
    /// The collection name (a capital letter, then letters, digits and `_`).
    pub name: String,
    /// A description (from the struct's doc comment).
    pub description: Option<String>,
    /// The properties, in declaration order.
    pub properties: Vec<PropertyConfig>,
    /// What makes the default (unnamed) vector; unused with named vectors.
    pub vectorizer: Vectorizer,
    /// The default vector's index; unused with named vectors.
    pub vector_index: VectorIndexConfig,
    /// Named vectors; when there are any, the collection has no default vector.
    pub named_vectors: Vec<NamedVectorConfig>,
    /// Keyword index settings.
    pub inverted_index: InvertedIndexConfig,
    /// Multi-tenancy, when enabled.
    pub multi_tenancy: Option<MultiTenancyConfig>,
    /// Replication settings.
    pub replication: Option<ReplicationConfig>,
    /// Sharding settings.
    pub sharding: Option<ShardingConfig>,
    /// The generative (RAG) module.
    pub generative: Option<ModuleConfig>,
    /// The reranker module.
    pub reranker: Option<ModuleConfig>,
    /// When objects expire.
    pub object_ttl: Option<ObjectTtlConfig>,
    /// Settings this crate has no typed field for, as the server returned
    /// them (JSON shaped like the class): written back under the typed
    /// fields, so a collection read and created again is the same. Empty for
    /// a config built from a model.
    pub other: Value,
}

impl CollectionConfig {
    /// A collection with no properties, client-side vectors and the server's defaults.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            description: None,
            properties: Vec::new(),
            vectorizer: Vectorizer::None,
            vector_index: VectorIndexConfig::default(),
            named_vectors: Vec::new(),
            inverted_index: InvertedIndexConfig::default(),
            multi_tenancy: None,
            replication: None,
            sharding: None,
            generative: None,
            reranker: None,
            object_ttl: None,
            other: Value::Null,
        }
    }

    /// The property called `name`.
    pub fn property(&self, name: &str) -> Option<&PropertyConfig> {
        self.properties.iter().find(|p| p.name == name)
    }

    /// The collections its reference properties point into, each once, in
    /// the order of the properties (Weaviate has no references in nested
    /// properties).
    pub fn referenced_collections(&self) -> Vec<&str> {
        let mut targets: Vec<&str> = Vec::new();
        for property in &self.properties {
            if let DataType::Reference(to) = &property.data_type {
                targets.extend(to.iter().map(String::as_str).filter(|t| !targets.contains(t)).collect::<Vec<_>>());
            }
        }
        targets
    }

    /// The vectorizer modules in use: the default vector's, or each named vector's.
    pub fn vectorizer_modules(&self) -> Vec<&str> {
        if self.named_vectors.is_empty() {
            return self.vectorizer.module_name().into_iter().collect();
        }
        let mut modules: Vec<&str> = Vec::new();
        for module in self.named_vectors.iter().filter_map(|v| v.vectorizer.module_name()) {
            if !modules.contains(&module) {
                modules.push(module);
            }
        }
        modules
    }

    /// The collection as schema JSON.
    pub fn to_json(&self) -> Value {
        let mut out = Map::new();
        out.insert("class".into(), json!(self.name));
        if let Some(description) = &self.description {
            out.insert("description".into(), json!(description));
        }
        let mut module_config = Map::new();
        if self.named_vectors.is_empty() {
            out.insert("vectorizer".into(), json!(self.vectorizer.module_name().unwrap_or("none")));
            if let Vectorizer::Module(module) = &self.vectorizer {
                module_config.insert(module.name.clone(), module.config.clone());
            }
            out.insert("vectorIndexType".into(), json!(self.vector_index.kind.name()));
            out.insert("vectorIndexConfig".into(), self.vector_index.to_json());
        } else {
            let vectors: Map<String, Value> =
                self.named_vectors.iter().map(|v| (v.name.clone(), v.to_json())).collect();
            out.insert("vectorConfig".into(), Value::Object(vectors));
        }
        for module in [&self.generative, &self.reranker].into_iter().flatten() {
            module_config.insert(module.name.clone(), module.config.clone());
        }
        if !module_config.is_empty() {
            out.insert("moduleConfig".into(), Value::Object(module_config));
        }
        let modules = self.vectorizer_modules();
        out.insert("properties".into(), self.properties.iter().map(|p| p.to_json(&modules)).collect());
        if !self.inverted_index.is_default() {
            out.insert("invertedIndexConfig".into(), self.inverted_index.to_json());
        }
        if let Some(multi_tenancy) = self.multi_tenancy {
            out.insert("multiTenancyConfig".into(), multi_tenancy.to_json());
        }
        if let Some(replication) = self.replication {
            out.insert("replicationConfig".into(), replication.to_json());
        }
        if let Some(sharding) = self.sharding {
            out.insert("shardingConfig".into(), sharding.to_json());
        }
        if let Some(ttl) = &self.object_ttl {
            out.insert("objectTtlConfig".into(), ttl.to_json());
        }
        let mut out = Value::Object(out);
        super::remainder::merge(&mut out, &self.other);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collections_serialize_with_their_vectorizer() {
        let mut config = CollectionConfig::new("Article");
        config.description = Some("News.".into());
        config.vectorizer = Vectorizer::module("text2vec-bigram");
        config.properties.push(PropertyConfig::new("title", DataType::Text));
        config.generative = Some(ModuleConfig::new("generative-dummy"));
        config.properties.push(PropertyConfig::new("by", DataType::Reference(vec!["Author".into()])));
        config
            .properties
            .push(PropertyConfig::new("about", DataType::Reference(vec!["Topic".into(), "Author".into()])));
        assert_eq!(config.referenced_collections(), ["Author", "Topic"]);
        let json = config.to_json();
        assert_eq!(json["class"], "Article");
        assert_eq!(json["vectorizer"], "text2vec-bigram");
        assert_eq!(json["vectorIndexType"], "hnsw");
        assert_eq!(json["moduleConfig"], json!({"text2vec-bigram": {}, "generative-dummy": {}}));
        assert_eq!(json["properties"][0]["moduleConfig"]["text2vec-bigram"]["skip"], false);
        assert_eq!(CollectionConfig::new("Plain").to_json()["vectorizer"], "none");
    }

    #[test]
    fn named_vectors_replace_the_default_vector() {
        let mut config = CollectionConfig::new("Article");
        let mut title = NamedVectorConfig::new("title");
        title.vectorizer = Vectorizer::module("text2vec-bigram");
        title.source_properties = vec!["title".into()];
        config.named_vectors = vec![title, NamedVectorConfig::new("custom")];
        let json = config.to_json();
        assert!(json.get("vectorizer").is_none());
        assert_eq!(json["vectorConfig"]["title"]["vectorizer"], json!({"text2vec-bigram": {"properties": ["title"]}}));
        assert_eq!(json["vectorConfig"]["custom"]["vectorizer"], json!({"none": {}}));
        assert_eq!(config.vectorizer_modules(), vec!["text2vec-bigram"]);
    }
}
