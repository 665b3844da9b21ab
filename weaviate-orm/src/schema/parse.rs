//! Reading the server's schema JSON back into a typed [`CollectionConfig`].
//!
//! The server answers with every setting filled in, so the typed config has
//! the server's effective values where the model may have left `None`.

use serde_json::Value;

use super::json::{array, boolean, number, string};
use super::{
    AsyncReplicationConfig, CollectionConfig, DataType, DeletionStrategy, Distance, FilterStrategy,
    InvertedIndexConfig, ModuleConfig, MultiTenancyConfig, MultiVectorAggregation, MuveraConfig, NamedVectorConfig,
    ObjectTtlConfig, PropertyConfig, Quantizer, ReplicationConfig, ShardingConfig, TextAnalyzer, Tokenization,
    VectorIndexConfig, VectorIndexKind, Vectorizer,
};

/// Why schema JSON is not a collection this client understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("collection config at `{path}`: {message}")]
pub struct ConfigParseError {
    /// Where in the JSON, e.g. `properties.title.dataType`.
    pub path: String,
    /// What is wrong there.
    pub message: String,
}

type Parsed<T> = Result<T, ConfigParseError>;

fn error(path: &str, message: impl Into<String>) -> ConfigParseError {
    ConfigParseError { path: path.to_owned(), message: message.into() }
}

impl CollectionConfig {
    /// Reads a collection from the schema JSON the server returns
    /// (`GET /v1/schema/{name}`).
    pub fn from_json(json: &Value) -> Parsed<Self> {
        let name = json.get("class").and_then(Value::as_str).ok_or_else(|| error("class", "missing"))?;
        let mut config = Self::new(name);
        config.description = string(json, "description");
        let modules = json.get("moduleConfig").and_then(Value::as_object);
        let module = |prefix: &str| {
            modules?
                .iter()
                .find(|(name, _)| name.starts_with(prefix))
                .map(|(n, c)| ModuleConfig::with_config(n, c.clone()))
        };
        config.generative = module("generative-");
        config.reranker = module("reranker-");
        if let Some(Value::Object(vectors)) = json.get("vectorConfig") {
            for (name, vector) in vectors {
                config.named_vectors.push(named_vector(name, vector)?);
            }
        }
        if let Some(vectorizer) = string(json, "vectorizer").filter(|v| v != "none") {
            let settings = modules.and_then(|m| m.get(&vectorizer)).cloned().unwrap_or_else(|| serde_json::json!({}));
            config.vectorizer = Vectorizer::Module(ModuleConfig::with_config(vectorizer, settings));
        }
        if let Some(index) = json.get("vectorIndexConfig") {
            config.vector_index = vector_index(string(json, "vectorIndexType").as_deref(), index, "vectorIndexConfig")?;
        }
        for property in array(json, "properties") {
            config.properties.push(self::property(property, "properties")?);
        }
        if let Some(inverted) = json.get("invertedIndexConfig") {
            config.inverted_index = inverted_index(inverted);
        }
        let tenancy = json.get("multiTenancyConfig");
        if tenancy.and_then(|t| t.get("enabled")).and_then(Value::as_bool) == Some(true) {
            config.multi_tenancy = Some(MultiTenancyConfig {
                auto_tenant_creation: boolean(tenancy, "autoTenantCreation").unwrap_or(false),
                auto_tenant_activation: boolean(tenancy, "autoTenantActivation").unwrap_or(false),
            });
        } else if let Some(sharding) = json.get("shardingConfig") {
            config.sharding = Some(ShardingConfig {
                desired_count: number(Some(sharding), "desiredCount"),
                virtual_per_physical: number(Some(sharding), "virtualPerPhysical"),
                desired_virtual_count: number(Some(sharding), "desiredVirtualCount"),
            });
        }
        if let Some(replication) = json.get("replicationConfig") {
            config.replication = Some(ReplicationConfig {
                factor: number(Some(replication), "factor"),
                async_enabled: boolean(Some(replication), "asyncEnabled"),
                deletion_strategy: string(replication, "deletionStrategy")
                    .and_then(|s| DeletionStrategy::from_name(&s)),
                async_config: replication.get("asyncConfig").map(AsyncReplicationConfig::from_json),
            });
        }
        config.object_ttl = json.get("objectTtlConfig").and_then(ObjectTtlConfig::from_json);
        let mut server = json.clone();
        if config.multi_tenancy.is_some() {
            // The server answers with an empty `shardingConfig` for a
            // multi-tenant collection, and refuses one to create it.
            server.as_object_mut().map(|class| class.remove("shardingConfig"));
        }
        config.other = super::remainder::subtract(&server, &config.to_json()).unwrap_or(Value::Null);
        Ok(config)
    }
}

fn named_vector(name: &str, json: &Value) -> Parsed<NamedVectorConfig> {
    let path = format!("vectorConfig.{name}");
    let mut vector = NamedVectorConfig::new(name);
    let vectorizer = json.get("vectorizer").and_then(Value::as_object).and_then(|m| m.iter().next());
    if let Some((module, settings)) = vectorizer.filter(|(module, _)| *module != "none") {
        let mut settings = settings.clone();
        if let Some(properties) = settings.as_object_mut().and_then(|s| s.remove("properties")) {
            vector.source_properties = serde_json::from_value(properties).unwrap_or_default();
        }
        vector.vectorizer = Vectorizer::Module(ModuleConfig::with_config(module, settings));
    }
    if let Some(index) = json.get("vectorIndexConfig") {
        vector.index = vector_index(string(json, "vectorIndexType").as_deref(), index, &path)?;
    }
    Ok(vector)
}

fn vector_index(kind: Option<&str>, json: &Value, path: &str) -> Parsed<VectorIndexConfig> {
    let kind = match kind {
        None => VectorIndexKind::Hnsw,
        Some(name) => VectorIndexKind::from_name(name)
            .ok_or_else(|| error(&format!("{path}.vectorIndexType"), format!("unknown index type {name:?}")))?,
    };
    // A dynamic index keeps its HNSW settings in `hnsw`.
    let hnsw = if kind == VectorIndexKind::Dynamic { json.get("hnsw").unwrap_or(json) } else { json };
    let mut index = VectorIndexConfig::new(kind);
    index.distance = string(json, "distance").and_then(|d| Distance::from_name(&d));
    index.ef = number(Some(hnsw), "ef");
    index.ef_construction = number(Some(hnsw), "efConstruction");
    index.max_connections = number(Some(hnsw), "maxConnections");
    index.dynamic_ef_min = number(Some(hnsw), "dynamicEfMin");
    index.dynamic_ef_max = number(Some(hnsw), "dynamicEfMax");
    index.dynamic_ef_factor = number(Some(hnsw), "dynamicEfFactor");
    index.flat_search_cutoff = number(Some(hnsw), "flatSearchCutoff");
    index.vector_cache_max_objects = number(Some(hnsw), "vectorCacheMaxObjects");
    index.cleanup_interval_seconds = number(Some(hnsw), "cleanupIntervalSeconds");
    index.filter_strategy = string(hnsw, "filterStrategy").and_then(|s| FilterStrategy::from_name(&s));
    index.skip = boolean(Some(hnsw), "skip");
    index.dynamic_threshold = number(Some(json), "threshold");
    let multi = hnsw.get("multivector").filter(|m| boolean(Some(m), "enabled") == Some(true));
    index.multi_vector = multi.is_some();
    index.multi_vector_aggregation =
        multi.and_then(|m| string(m, "aggregation")).and_then(|a| MultiVectorAggregation::from_name(&a));
    index.muvera = multi.and_then(|m| m.get("muvera")).filter(|m| boolean(Some(m), "enabled") == Some(true)).map(|m| {
        MuveraConfig {
            ksim: number(Some(m), "ksim"),
            dprojections: number(Some(m), "dprojections"),
            repetitions: number(Some(m), "repetitions"),
        }
    });
    index.quantizer = Quantizer::from_index_json(hnsw);
    if let Some(flat) = json.get("flat").filter(|_| kind == VectorIndexKind::Dynamic) {
        index.dynamic_flat.vector_cache_max_objects = number(Some(flat), "vectorCacheMaxObjects");
        index.dynamic_flat.quantizer = Quantizer::from_index_json(flat);
    }
    Ok(index)
}

fn property(json: &Value, parent: &str) -> Parsed<PropertyConfig> {
    let name = string(json, "name").ok_or_else(|| error(parent, "a property without a name"))?;
    let path = format!("{parent}.{name}");
    let types: Vec<String> = array(json, "dataType").iter().filter_map(|t| t.as_str().map(str::to_owned)).collect();
    let nested = || -> Parsed<Vec<PropertyConfig>> {
        array(json, "nestedProperties").iter().map(|p| property(p, &path)).collect()
    };
    let data_type = match types.first().map(String::as_str) {
        None => return Err(error(&format!("{path}.dataType"), "missing")),
        Some("object") => DataType::Object(nested()?),
        Some("object[]") => DataType::ObjectArray(nested()?),
        Some(first) if first.starts_with(|c: char| c.is_ascii_uppercase()) => DataType::Reference(types),
        Some(first) => DataType::from_name(first)
            .ok_or_else(|| error(&format!("{path}.dataType"), format!("unknown data type {first:?}")))?,
    };
    let mut property = PropertyConfig::new(name, data_type);
    property.description = string(json, "description");
    property.tokenization = string(json, "tokenization").and_then(|t| Tokenization::from_name(&t));
    property.index_filterable = boolean(Some(json), "indexFilterable");
    property.index_searchable = boolean(Some(json), "indexSearchable");
    property.index_range_filters = boolean(Some(json), "indexRangeFilters");
    if let Some(switches) = json.get("moduleConfig").and_then(Value::as_object).and_then(|m| m.values().next()) {
        property.skip_vectorization = boolean(Some(switches), "skip").unwrap_or(false);
        property.vectorize_property_name = boolean(Some(switches), "vectorizePropertyName").unwrap_or(false);
    }
    property.text_analyzer = json.get("textAnalyzer").map(|analyzer| TextAnalyzer {
        ascii_fold: boolean(Some(analyzer), "asciiFold").unwrap_or(false),
        ascii_fold_ignore: serde_json::from_value(analyzer["asciiFoldIgnore"].clone()).unwrap_or_default(),
        stopword_preset: string(analyzer, "stopwordPreset"),
    });
    Ok(property)
}

fn inverted_index(json: &Value) -> InvertedIndexConfig {
    let bm25 = json.get("bm25");
    let stopwords = json.get("stopwords");
    let words = |key: &str| -> Vec<String> {
        stopwords.and_then(|s| s.get(key)).and_then(|w| serde_json::from_value(w.clone()).ok()).unwrap_or_default()
    };
    InvertedIndexConfig {
        bm25_b: bm25.and_then(|b| b.get("b")).and_then(Value::as_f64).map(|b| b as f32),
        bm25_k1: bm25.and_then(|b| b.get("k1")).and_then(Value::as_f64).map(|k| k as f32),
        stopwords_preset: stopwords.and_then(|s| string(s, "preset")),
        stopwords_additions: words("additions"),
        stopwords_removals: words("removals"),
        index_null_state: boolean(Some(json), "indexNullState"),
        index_property_length: boolean(Some(json), "indexPropertyLength"),
        index_timestamps: boolean(Some(json), "indexTimestamps"),
        cleanup_interval_seconds: number(Some(json), "cleanupIntervalSeconds"),
        stopword_presets: json
            .get("stopwordPresets")
            .and_then(|p| serde_json::from_value(p.clone()).ok())
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_server_class_reads_into_a_typed_config() {
        let json = json!({
            "class": "Article", "description": "News.", "vectorizer": "text2vec-bigram",
            "moduleConfig": {"text2vec-bigram": {"vectorizeClassName": true}, "generative-dummy": {}},
            "vectorIndexType": "hnsw",
            "vectorIndexConfig": {"distance": "dot", "ef": -1, "efConstruction": 128,
                                  "pq": {"enabled": false}, "bq": {"enabled": true}, "multivector": {"enabled": false}},
            "invertedIndexConfig": {"bm25": {"b": 0.75, "k1": 1.2}, "stopwords": {"preset": "en", "additions": null},
                                    "indexTimestamps": true, "cleanupIntervalSeconds": 60},
            "multiTenancyConfig": {"enabled": false},
            "shardingConfig": {"desiredCount": 2, "virtualPerPhysical": 128, "actualCount": 2},
            "replicationConfig": {"factor": 1, "asyncEnabled": false},
            "properties": [
                {"name": "title", "dataType": ["text"], "tokenization": "field", "indexSearchable": true,
                 "moduleConfig": {"text2vec-bigram": {"skip": true, "vectorizePropertyName": false}}},
                {"name": "place", "dataType": ["object[]"], "nestedProperties": [{"name": "city", "dataType": ["text"]}]},
                {"name": "author", "dataType": ["Author", "Editor"]}
            ]
        });
        let config = CollectionConfig::from_json(&json).expect("parses");
        assert_eq!(config.vectorizer.module_name(), Some("text2vec-bigram"));
        assert_eq!(config.generative.as_ref().map(|g| g.name.as_str()), Some("generative-dummy"));
        assert_eq!(config.vector_index.distance, Some(Distance::Dot));
        assert_eq!(config.vector_index.quantizer, Some(Quantizer::bq()));
        assert_eq!(config.vector_index.ef, Some(-1));
        assert_eq!(config.inverted_index.index_timestamps, Some(true));
        assert_eq!(config.sharding.and_then(|s| s.desired_count), Some(2));
        let title = config.property("title").expect("title");
        assert_eq!((title.tokenization, title.skip_vectorization), (Some(Tokenization::Field), true));
        let city = PropertyConfig::new("city", DataType::Text);
        assert_eq!(config.property("place").map(|p| &p.data_type), Some(&DataType::ObjectArray(vec![city])));
        let targets = DataType::Reference(vec!["Author".into(), "Editor".into()]);
        assert_eq!(config.property("author").map(|p| &p.data_type), Some(&targets));
    }

    #[test]
    fn a_multi_tenant_collection_keeps_no_sharding_config() {
        let json = json!({
            "class": "A", "multiTenancyConfig": {"enabled": true, "autoTenantCreation": true, "autoTenantActivation": false},
            "shardingConfig": {"desiredCount": 0, "virtualPerPhysical": 0, "function": "", "actualCount": 0}
        });
        let config = CollectionConfig::from_json(&json).expect("parses");
        assert_eq!(config.sharding, None);
        assert!(config.other.get("shardingConfig").is_none(), "{}", config.other);
        assert!(config.to_json().get("shardingConfig").is_none());
    }

    #[test]
    fn unknown_data_types_name_their_place() {
        let json = json!({"class": "A", "properties": [{"name": "x", "dataType": ["vector"]}]});
        let error = CollectionConfig::from_json(&json).expect_err("unknown");
        assert_eq!(error.to_string(), "collection config at `properties.x.dataType`: unknown data type \"vector\"");
    }
}
