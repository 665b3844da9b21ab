//! Comparing a model's configuration with the server's collection.
//!
//! The model's schema JSON is walked leaf by leaf against the server's:
//! settings the model does not declare are the server's business and are not
//! compared, except the few whose absence means something (a property's
//! tokenization and index switches, multi-tenancy, multi-vector), which are
//! compared against the server's defaults.

use serde_json::{Map, Value, json};

use super::CollectionConfig;
use super::plan::{BreakingChange, BreakingKind, Change, MigrationPlan};

/// A step in a JSON document: an object key, or the element of an array of
/// objects whose `name` is the given one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Key {
    Field(String),
    Named(String),
}

/// An edit of the server's class JSON, sent back with `PUT /v1/schema/{class}`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Edit {
    Set(Vec<Key>, Value),
    Remove(Vec<Key>),
}

/// The plan, and what applying its safe steps takes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Diff {
    pub(crate) plan: MigrationPlan,
    /// The model's JSON of each property to add, in plan order.
    pub(crate) new_properties: Vec<Value>,
    /// Edits of the class for settings and named vectors.
    pub(crate) edits: Vec<Edit>,
}

/// Compares `model` with the server's class (`None` when it does not exist).
pub(crate) fn diff(model: &CollectionConfig, server: Option<&Value>) -> Diff {
    let plan = MigrationPlan { collection: model.name.clone(), changes: Vec::new() };
    let mut diff = Diff { plan, new_properties: Vec::new(), edits: Vec::new() };
    let Some(server) = server else {
        diff.plan.changes.push(Change::CreateCollection);
        return diff;
    };
    let json = model.to_json();
    diff.settings(&json, server);
    diff.modules(&json, server, &model.vectorizer_modules());
    diff.vectors(&json, server);
    diff.properties(array(json.get("properties")), array(server.get("properties")), &[]);
    diff
}

impl Diff {
    fn push(&mut self, change: Change) {
        self.plan.changes.push(change);
    }

    fn breaking(&mut self, kind: BreakingKind, setting: String, from: &Value, to: &Value) {
        self.push(Change::Breaking(BreakingChange { kind, setting, from: from.clone(), to: to.clone() }));
    }

    fn update(&mut self, pointer: Vec<Key>, from: &Value, to: &Value) {
        self.push(Change::UpdateSetting { setting: display(&pointer), from: from.clone(), to: to.clone() });
        self.edits.push(Edit::Set(pointer, to.clone()));
    }

    /// Compares every leaf of `model` under `pointer`; `kind` says which
    /// differences are breaking (`Some`) and which are updates (`None`).
    fn leaves(
        &mut self,
        pointer: &mut Vec<Key>,
        model: &Value,
        server: Option<&Value>,
        kind: &dyn Fn(&[Key]) -> Option<BreakingKind>,
    ) {
        if let Value::Object(fields) = model {
            for (key, value) in fields {
                pointer.push(Key::Field(key.clone()));
                self.leaves(pointer, value, server.and_then(|s| s.get(key)), kind);
                pointer.pop();
            }
            return;
        }
        let server = server.unwrap_or(&Value::Null);
        if equivalent(model, server) {
            return;
        }
        match kind(pointer) {
            Some(kind) => self.breaking(kind, display(pointer), server, model),
            None => self.update(pointer.clone(), server, model),
        }
    }

    fn settings(&mut self, model: &Value, server: &Value) {
        let no_kind = |_: &[Key]| None;
        if let Some(description) = model.get("description") {
            self.leaves(&mut vec![field("description")], description, server.get("description"), &no_kind);
        }
        if let Some(inverted) = model.get("invertedIndexConfig") {
            self.leaves(&mut vec![field("invertedIndexConfig")], inverted, server.get("invertedIndexConfig"), &|p| {
                matches!(last_field(p), "indexTimestamps" | "indexNullState" | "indexPropertyLength")
                    .then_some(BreakingKind::InvertedIndexSetting)
            });
        }
        let mut tenancy = model.get("multiTenancyConfig").cloned().unwrap_or_else(|| json!({}));
        let multi_tenant = tenancy.get("enabled").and_then(Value::as_bool).unwrap_or(false);
        tenancy["enabled"] = json!(multi_tenant);
        let server_tenancy = server.get("multiTenancyConfig").cloned().unwrap_or_else(|| json!({"enabled": false}));
        self.leaves(&mut vec![field("multiTenancyConfig")], &tenancy, Some(&server_tenancy), &|p| {
            (last_field(p) == "enabled").then_some(BreakingKind::MultiTenancy)
        });
        if let Some(replication) = model.get("replicationConfig") {
            // Since 1.39 the server derives `asyncEnabled` from the factor and ignores the setting.
            let mut replication = replication.clone();
            replication.as_object_mut().map(|r| r.remove("asyncEnabled"));
            self.leaves(&mut vec![field("replicationConfig")], &replication, server.get("replicationConfig"), &no_kind);
        }
        if let (Some(sharding), false) = (model.get("shardingConfig"), multi_tenant) {
            self.leaves(&mut vec![field("shardingConfig")], sharding, server.get("shardingConfig"), &|_| {
                Some(BreakingKind::Sharding)
            });
        }
    }

    /// The class-level module settings: the default vector's vectorizer
    /// (fixed) and the generative and reranker modules (replaceable).
    fn modules(&mut self, model: &Value, server: &Value, vectorizers: &[&str]) {
        let Some(Value::Object(modules)) = model.get("moduleConfig") else { return };
        let server_modules = server.get("moduleConfig");
        for (module, settings) in modules {
            let pointer = vec![field("moduleConfig"), field(module)];
            let server_settings = server_modules.and_then(|m| m.get(module));
            if vectorizers.contains(&module.as_str()) {
                self.leaves(&mut pointer.clone(), settings, server_settings, &|_| Some(BreakingKind::Vectorizer));
                continue;
            }
            if server_settings.is_some_and(|s| contains(s, settings)) {
                continue;
            }
            // One generative and one reranker module per collection: the new one replaces the old.
            let role = module.split('-').next().unwrap_or_default();
            if let Some(Value::Object(server_modules)) = server_modules {
                for old in server_modules.keys().filter(|m| *m != module && m.split('-').next() == Some(role)) {
                    self.edits.push(Edit::Remove(vec![field("moduleConfig"), field(old)]));
                }
            }
            self.update(pointer, server_settings.unwrap_or(&Value::Null), settings);
        }
    }

    fn vectors(&mut self, model: &Value, server: &Value) {
        let model_named = model.get("vectorConfig");
        let server_named = server.get("vectorConfig").filter(|v| v.as_object().is_some_and(|m| !m.is_empty()));
        let server_default = server.get("vectorIndexConfig").is_some();
        match (model_named, server_named) {
            (Some(Value::Object(vectors)), Some(server_vectors)) => {
                for (name, vector) in vectors {
                    let pointer = vec![field("vectorConfig"), field(name)];
                    match server_vectors.get(name) {
                        None => {
                            self.push(Change::AddNamedVector { vector: name.clone() });
                            self.edits.push(Edit::Set(pointer, vector.clone()));
                        }
                        Some(server_vector) => self.vector(pointer, vector, server_vector),
                    }
                }
                for name in server_vectors.as_object().into_iter().flat_map(Map::keys) {
                    if !vectors.contains_key(name) {
                        self.push(Change::ServerOnlyVector { vector: name.clone() });
                    }
                }
            }
            (Some(_), None) if server_default => {
                self.breaking(
                    BreakingKind::VectorLayout,
                    "vectorConfig".into(),
                    &json!("default vector"),
                    &json!("named vectors"),
                );
            }
            (None, Some(_)) if !server_default => {
                self.breaking(
                    BreakingKind::VectorLayout,
                    "vectorConfig".into(),
                    &json!("named vectors"),
                    &json!("default vector"),
                );
            }
            (None, _) => self.vector(Vec::new(), model, server),
            _ => {}
        }
    }

    /// One vector's vectorizer, index type and index settings; `pointer`
    /// leads to the named vector, or is empty for the default vector.
    fn vector(&mut self, pointer: Vec<Key>, model: &Value, server: &Value) {
        let at = |key: &str| {
            let mut p = pointer.clone();
            p.push(field(key));
            p
        };
        let vectorizer = model.get("vectorizer").unwrap_or(&Value::Null);
        let server_vectorizer = server.get("vectorizer").unwrap_or(&Value::Null);
        if module_name(vectorizer) != module_name(server_vectorizer) {
            let from = json!(module_name(server_vectorizer));
            self.breaking(BreakingKind::Vectorizer, display(&at("vectorizer")), &from, &json!(module_name(vectorizer)));
        } else if vectorizer.is_object() {
            self.leaves(&mut at("vectorizer"), vectorizer, Some(server_vectorizer), &|_| {
                Some(BreakingKind::Vectorizer)
            });
        }
        let index_type = model.get("vectorIndexType").and_then(Value::as_str).unwrap_or("hnsw");
        let server_type = server.get("vectorIndexType").and_then(Value::as_str).unwrap_or("hnsw");
        if index_type != server_type {
            self.breaking(
                BreakingKind::VectorIndexType,
                display(&at("vectorIndexType")),
                &json!(server_type),
                &json!(index_type),
            );
            return;
        }
        let mut index = model.get("vectorIndexConfig").cloned().unwrap_or_else(|| json!({}));
        if index_type == "hnsw" && index.get("multivector").is_none() {
            index["multivector"] = json!({"enabled": false});
        }
        let depth = pointer.len() + 1;
        self.leaves(&mut at("vectorIndexConfig"), &index, server.get("vectorIndexConfig"), &|p| {
            vector_index_setting(&p[depth..], index_type)
        });
    }

    fn properties(&mut self, model: &[Value], server: &[Value], parents: &[Key]) {
        for property in model {
            let name = property["name"].as_str().unwrap_or_default();
            let mut pointer = parents.to_vec();
            if parents.is_empty() {
                pointer.push(field("properties"));
            } else {
                pointer.push(field("nestedProperties"));
            }
            pointer.push(Key::Named(name.to_owned()));
            match server.iter().find(|p| p["name"] == name) {
                None if parents.is_empty() => {
                    let data_type = data_types(&property["dataType"]).join(", ");
                    self.push(Change::AddProperty { property: name.to_owned(), data_type });
                    self.new_properties.push(property.clone());
                }
                None => self.breaking(
                    BreakingKind::NestedPropertyAdded,
                    display(&pointer),
                    &Value::Null,
                    &property["dataType"],
                ),
                Some(server_property) => self.property(&pointer, property, server_property),
            }
        }
        for property in server {
            let name = property["name"].as_str().unwrap_or_default();
            if !model.iter().any(|p| p["name"] == name) {
                let mut path = display(parents);
                if !path.is_empty() {
                    path = path.trim_start_matches("properties.").to_owned() + ".";
                }
                self.push(Change::ServerOnlyProperty { property: path + name });
            }
        }
    }

    fn property(&mut self, pointer: &[Key], model: &Value, server: &Value) {
        let at = |key: &str| {
            let mut p = pointer.to_vec();
            p.push(field(key));
            p
        };
        let (types, server_types) = (data_types(&model["dataType"]), data_types(&server["dataType"]));
        if types != server_types {
            self.breaking(BreakingKind::DataType, display(&at("dataType")), &server["dataType"], &model["dataType"]);
            return;
        }
        if let Some(description) = model.get("description") {
            let from = server.get("description").unwrap_or(&Value::Null);
            if description != from {
                self.update(at("description"), from, description);
            }
        }
        let text = types.iter().any(|t| t == "text" || t == "text[]");
        let defaults = [
            ("tokenization", if text { json!("word") } else { Value::Null }, BreakingKind::Tokenization),
            ("indexFilterable", json!(true), BreakingKind::PropertyIndex),
            ("indexSearchable", json!(text), BreakingKind::PropertyIndex),
            ("indexRangeFilters", json!(false), BreakingKind::PropertyIndex),
        ];
        for (key, default, kind) in defaults {
            let wanted = model.get(key).unwrap_or(&default);
            let found = server.get(key).unwrap_or(&default);
            if !equivalent(wanted, found) {
                self.breaking(kind, display(&at(key)), found, wanted);
            }
        }
        // Switches for a vectorizer the server's collection does not use are
        // covered by the vectorizer's own difference.
        let server_modules = server.get("moduleConfig");
        for (module, switches) in model.get("moduleConfig").and_then(Value::as_object).into_iter().flatten() {
            if let Some(server_switches) = server_modules.and_then(|m| m.get(module)) {
                let mut pointer = at("moduleConfig");
                pointer.push(field(module));
                self.leaves(&mut pointer, switches, Some(server_switches), &|_| {
                    Some(BreakingKind::PropertyVectorization)
                });
            }
        }
        if let Some(nested) = model.get("nestedProperties") {
            self.properties(array(Some(nested)), array(server.get("nestedProperties")), pointer);
        }
    }
}

/// Whether a vector index setting (path below `vectorIndexConfig`) is fixed.
fn vector_index_setting(path: &[Key], index_type: &str) -> Option<BreakingKind> {
    let first = match path.first() {
        Some(Key::Field(first)) => first.as_str(),
        _ => return None,
    };
    match first {
        "distance" => Some(BreakingKind::Distance),
        "efConstruction" | "maxConnections" | "cleanupIntervalSeconds" | "multivector" => {
            Some(BreakingKind::VectorIndexSetting)
        }
        "hnsw" | "flat" if index_type == "dynamic" => vector_index_setting(&path[1..], first),
        "pq" | "bq" | "rq" | "sq" if index_type == "flat" => Some(BreakingKind::VectorIndexSetting),
        _ => None,
    }
}

fn field(name: &str) -> Key {
    Key::Field(name.to_owned())
}

fn last_field(pointer: &[Key]) -> &str {
    match pointer.last() {
        Some(Key::Field(name) | Key::Named(name)) => name,
        None => "",
    }
}

/// A pointer as a dotted path: `properties.title.tokenization`.
pub(crate) fn display(pointer: &[Key]) -> String {
    let parts: Vec<&str> = pointer
        .iter()
        .filter_map(|key| match key {
            Key::Field(name) if name == "nestedProperties" => None,
            Key::Field(name) | Key::Named(name) => Some(name.as_str()),
        })
        .collect();
    parts.join(".")
}

fn array(value: Option<&Value>) -> &[Value] {
    value.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default()
}

/// A property's data types, sorted (the order of reference targets does not matter).
fn data_types(value: &Value) -> Vec<String> {
    let mut types: Vec<String> = array(Some(value)).iter().filter_map(|t| t.as_str().map(str::to_owned)).collect();
    types.sort();
    types
}

/// The module of a vectorizer setting: `"text2vec-bigram"` or `{"text2vec-bigram": {...}}`.
fn module_name(vectorizer: &Value) -> Option<&str> {
    match vectorizer {
        Value::String(name) => Some(name),
        Value::Object(modules) => modules.keys().next().map(String::as_str),
        _ => None,
    }
}

/// Whether `server` has every leaf of `model` with an equivalent value.
fn contains(server: &Value, model: &Value) -> bool {
    match model {
        Value::Object(fields) => fields.iter().all(|(k, v)| contains(server.get(k).unwrap_or(&Value::Null), v)),
        _ => equivalent(model, server),
    }
}

/// Equal, counting `null` and `[]` as the same and numbers equal when the
/// server's 32-bit floats round them.
fn equivalent(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * x.abs().max(y.abs()).max(1.0),
            _ => x == y,
        },
        (Value::Null, Value::Array(items)) | (Value::Array(items), Value::Null) => items.is_empty(),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{DataType, PropertyConfig, Tokenization, Vectorizer};

    fn server_class() -> Value {
        json!({
            "class": "Article",
            "vectorizer": "none",
            "vectorIndexType": "hnsw",
            "vectorIndexConfig": {"distance": "cosine", "ef": -1, "efConstruction": 128, "multivector": {"enabled": false}},
            "invertedIndexConfig": {"bm25": {"b": 0.75, "k1": 1.2}, "indexTimestamps": false,
                                    "stopwords": {"preset": "en", "additions": null}},
            "multiTenancyConfig": {"enabled": false, "autoTenantCreation": false},
            "moduleConfig": {"generative-dummy": {}},
            "properties": [
                {"name": "title", "dataType": ["text"], "tokenization": "word", "indexFilterable": true,
                 "indexSearchable": true, "indexRangeFilters": false},
                {"name": "legacy", "dataType": ["int"], "indexFilterable": true, "indexSearchable": false,
                 "indexRangeFilters": false},
                {"name": "place", "dataType": ["object"], "indexFilterable": true, "indexSearchable": false,
                 "indexRangeFilters": false, "nestedProperties": [
                    {"name": "city", "dataType": ["text"], "tokenization": "word", "indexFilterable": true,
                     "indexSearchable": true, "indexRangeFilters": false}]}
            ]
        })
    }

    fn model() -> CollectionConfig {
        let mut config = CollectionConfig::new("Article");
        config.properties.push(PropertyConfig::new("title", DataType::Text));
        let city = PropertyConfig::new("city", DataType::Text);
        config.properties.push(PropertyConfig::new("place", DataType::Object(vec![city])));
        config
    }

    fn changes(model: &CollectionConfig) -> Vec<String> {
        diff(model, Some(&server_class())).plan.changes.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_missing_collection_is_created() {
        let plan = diff(&model(), None).plan;
        assert_eq!(plan.changes, vec![Change::CreateCollection]);
        assert_eq!(plan.to_string(), "Article:\n  + create collection");
    }

    #[test]
    fn an_unchanged_model_needs_nothing_but_notes_server_only_properties() {
        let diff = diff(&model(), Some(&server_class()));
        assert!(diff.plan.is_up_to_date(), "{}", diff.plan);
        assert_eq!(diff.plan.changes, vec![Change::ServerOnlyProperty { property: "legacy".into() }]);
        assert!(diff.edits.is_empty() && diff.new_properties.is_empty());
    }

    #[test]
    fn new_properties_and_mutable_settings_are_safe_steps() {
        let mut model = model();
        model.description = Some("News.".into());
        model.properties.push(PropertyConfig::new("author", DataType::Reference(vec!["Author".into()])));
        model.inverted_index.bm25_b = Some(0.8);
        model.multi_tenancy = None;
        model.generative = Some(crate::schema::ModuleConfig::new("generative-other"));
        let diff = diff(&model, Some(&server_class()));
        assert_eq!(
            diff.plan.changes.iter().filter(|c| c.writes()).map(ToString::to_string).collect::<Vec<_>>(),
            [
                "~ description: null -> \"News.\"",
                "~ invertedIndexConfig.bm25.b: 0.75 -> 0.8",
                "~ moduleConfig.generative-other: null -> {}",
                "+ add property `author` (Author)",
            ]
        );
        assert!(diff.edits.contains(&Edit::Remove(vec![field("moduleConfig"), field("generative-dummy")])));
        assert_eq!(diff.new_properties[0]["name"], "author");
    }

    #[test]
    fn fixed_settings_are_breaking_with_old_and_new_values() {
        let mut model = model();
        model.properties[0].tokenization = Some(Tokenization::Field);
        model.properties[1] = PropertyConfig::new(
            "place",
            DataType::Object(vec![
                PropertyConfig::new("city", DataType::Int),
                PropertyConfig::new("zip", DataType::Text),
            ]),
        );
        model.vectorizer = Vectorizer::module("text2vec-bigram");
        model.vector_index.distance = Some(crate::schema::Distance::Dot);
        model.inverted_index.index_timestamps = Some(true);
        model.multi_tenancy = Some(crate::schema::MultiTenancyConfig::default());
        let breaking: Vec<String> = diff(&model, Some(&server_class()))
            .plan
            .breaking()
            .map(|b| format!("{:?} {}: {} -> {}", b.kind, b.setting, b.from, b.to))
            .collect();
        assert_eq!(
            breaking,
            [
                "InvertedIndexSetting invertedIndexConfig.indexTimestamps: false -> true",
                "MultiTenancy multiTenancyConfig.enabled: false -> true",
                "Vectorizer vectorizer: \"none\" -> \"text2vec-bigram\"",
                "Distance vectorIndexConfig.distance: \"cosine\" -> \"dot\"",
                "Tokenization properties.title.tokenization: \"word\" -> \"field\"",
                "DataType properties.place.city.dataType: [\"text\"] -> [\"int\"]",
                "NestedPropertyAdded properties.place.zip: null -> [\"text\"]",
            ]
        );
        let shown = changes(&model).join("\n");
        assert!(shown.contains("! properties.title.tokenization: \"word\" -> \"field\" (breaking: Weaviate fixes"));
    }

    #[test]
    fn quantizers_are_mutable_on_hnsw_and_fixed_on_flat() {
        let hnsw = [field("pq"), field("enabled")];
        assert_eq!(vector_index_setting(&hnsw, "hnsw"), None);
        assert_eq!(vector_index_setting(&hnsw, "flat"), Some(BreakingKind::VectorIndexSetting));
        let dynamic_flat = [field("flat"), field("bq"), field("enabled")];
        assert_eq!(vector_index_setting(&dynamic_flat, "dynamic"), Some(BreakingKind::VectorIndexSetting));
        assert_eq!(vector_index_setting(&[field("ef")], "hnsw"), None);
        assert_eq!(vector_index_setting(&[field("maxConnections")], "hnsw"), Some(BreakingKind::VectorIndexSetting));
    }

    #[test]
    fn floats_compare_through_f32_rounding_and_null_equals_empty() {
        assert!(equivalent(&json!(0.8), &json!(0.800000011920929)));
        assert!(!equivalent(&json!(0.8), &json!(0.81)));
        assert!(equivalent(&Value::Null, &json!([])));
        assert!(!equivalent(&Value::Null, &json!(["a"])));
    }
}
