//! The walk over the model's and the server's class JSON that finds every
//! difference; [`rules`](super::rules) classifies each.

use serde_json::{Map, Value, json};

use super::outcome::{Diff, Edit, Key, display};
use super::rules::{self, Scope};
use crate::schema::json::equivalent;
use crate::schema::plan::{BreakingChange, BreakingKind, Change};

/// One comparison in progress: what it has found, and the collection's
/// vectorizer modules (whose class-level settings are fixed).
pub(super) struct Walk<'a> {
    out: &'a mut Diff,
    vectorizers: &'a [&'a str],
}

/// Where the settings of a scope start in a pointer.
#[derive(Clone, Copy)]
struct At<'s> {
    scope: Scope<'s>,
    depth: usize,
}

impl<'a> Walk<'a> {
    pub(super) fn new(out: &'a mut Diff, vectorizers: &'a [&'a str]) -> Self {
        Self { out, vectorizers }
    }

    /// Compares the whole class.
    pub(super) fn collection(mut self, model: &Value, server: &Value) {
        self.settings(model, server);
        self.modules(model, server);
        self.vectors(model, server);
        self.properties(array(model.get("properties")), array(server.get("properties")), &[]);
    }

    fn push(&mut self, change: Change) {
        self.out.plan.changes.push(change);
    }

    fn breaking(&mut self, kind: BreakingKind, setting: String, from: &Value, to: &Value) {
        self.push(Change::Breaking(BreakingChange { kind, setting, from: from.clone(), to: to.clone() }));
    }

    fn update(&mut self, pointer: Vec<Key>, from: &Value, to: &Value) {
        self.push(Change::UpdateSetting { setting: display(&pointer), from: from.clone(), to: to.clone() });
        self.out.edits.push(Edit::Set(pointer, to.clone()));
    }

    /// A setting differs: breaking when the rules fix it, else an update.
    fn differ(&mut self, at: At<'_>, pointer: Vec<Key>, from: &Value, to: &Value) {
        match rules::fixed(at.scope, &pointer[at.depth..], self.vectorizers) {
            Some(kind) => self.breaking(kind, display(&pointer), from, to),
            None => self.update(pointer, from, to),
        }
    }

    /// Compares every leaf of `model` under `pointer`.
    fn leaves(&mut self, at: At<'_>, pointer: &mut Vec<Key>, model: &Value, server: Option<&Value>) {
        if let Value::Object(fields) = model {
            for (key, value) in fields {
                pointer.push(Key::Field(key.clone()));
                self.leaves(at, pointer, value, server.and_then(|s| s.get(key)));
                pointer.pop();
            }
            return;
        }
        let server = server.unwrap_or(&Value::Null);
        if !equivalent(model, server) {
            self.differ(at, pointer.clone(), server, model);
        }
    }

    fn settings(&mut self, model: &Value, server: &Value) {
        let at = At { scope: Scope::Collection, depth: 0 };
        for key in ["description", "invertedIndexConfig"] {
            if let Some(setting) = model.get(key) {
                self.leaves(at, &mut vec![field(key)], setting, server.get(key));
            }
        }
        let mut tenancy = model.get("multiTenancyConfig").cloned().unwrap_or_else(|| json!({}));
        let multi_tenant = tenancy.get("enabled").and_then(Value::as_bool).unwrap_or(false);
        tenancy["enabled"] = json!(multi_tenant);
        let server_tenancy = server.get("multiTenancyConfig").cloned().unwrap_or_else(|| json!({"enabled": false}));
        self.leaves(at, &mut vec![field("multiTenancyConfig")], &tenancy, Some(&server_tenancy));
        if let Some(replication) = model.get("replicationConfig") {
            // Since 1.39 the server derives `asyncEnabled` from the factor and ignores the setting.
            let mut replication = replication.clone();
            replication.as_object_mut().map(|r| r.remove("asyncEnabled"));
            self.leaves(at, &mut vec![field("replicationConfig")], &replication, server.get("replicationConfig"));
        }
        if let (Some(sharding), false) = (model.get("shardingConfig"), multi_tenant) {
            self.leaves(at, &mut vec![field("shardingConfig")], sharding, server.get("shardingConfig"));
        }
    }

    /// The class-level module settings: the default vector's vectorizer
    /// (fixed) and the generative and reranker modules (replaceable).
    fn modules(&mut self, model: &Value, server: &Value) {
        let Some(Value::Object(modules)) = model.get("moduleConfig") else { return };
        let server_modules = server.get("moduleConfig");
        for (module, settings) in modules {
            let pointer = vec![field("moduleConfig"), field(module)];
            let server_settings = server_modules.and_then(|m| m.get(module));
            if self.vectorizers.contains(&module.as_str()) {
                let at = At { scope: Scope::Collection, depth: 0 };
                self.leaves(at, &mut pointer.clone(), settings, server_settings);
                continue;
            }
            if server_settings.is_some_and(|s| contains(s, settings)) {
                continue;
            }
            // One generative and one reranker module per collection: the new one replaces the old.
            let role = module.split('-').next().unwrap_or_default();
            if let Some(Value::Object(server_modules)) = server_modules {
                for old in server_modules.keys().filter(|m| *m != module && m.split('-').next() == Some(role)) {
                    self.out.edits.push(Edit::Remove(vec![field("moduleConfig"), field(old)]));
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
                            self.out.edits.push(Edit::Set(pointer, vector.clone()));
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
        let index_type = model.get("vectorIndexType").and_then(Value::as_str).unwrap_or("hnsw");
        let scope = At { scope: Scope::Vector(index_type), depth: pointer.len() };
        let vectorizer = model.get("vectorizer").unwrap_or(&Value::Null);
        let server_vectorizer = server.get("vectorizer").unwrap_or(&Value::Null);
        if module_name(vectorizer) != module_name(server_vectorizer) {
            let (from, to) = (json!(module_name(server_vectorizer)), json!(module_name(vectorizer)));
            self.differ(scope, at("vectorizer"), &from, &to);
        } else if vectorizer.is_object() {
            self.leaves(scope, &mut at("vectorizer"), vectorizer, Some(server_vectorizer));
        }
        let server_type = server.get("vectorIndexType").and_then(Value::as_str).unwrap_or("hnsw");
        if index_type != server_type {
            self.differ(scope, at("vectorIndexType"), &json!(server_type), &json!(index_type));
            return;
        }
        let mut index = model.get("vectorIndexConfig").cloned().unwrap_or_else(|| json!({}));
        if index_type == "hnsw" && index.get("multivector").is_none() {
            index["multivector"] = json!({"enabled": false});
        }
        self.leaves(scope, &mut at("vectorIndexConfig"), &index, server.get("vectorIndexConfig"));
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
                    self.out.new_properties.push(property.clone());
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
        let scope = At { scope: Scope::Property, depth: pointer.len() };
        let (types, server_types) = (data_types(&model["dataType"]), data_types(&server["dataType"]));
        if types != server_types {
            self.differ(scope, at("dataType"), &server["dataType"], &model["dataType"]);
            return;
        }
        if let Some(description) = model.get("description") {
            let from = server.get("description").unwrap_or(&Value::Null);
            if description != from {
                self.differ(scope, at("description"), from, description);
            }
        }
        // Switches whose absence means the server's default.
        let text = types.iter().any(|t| t == "text" || t == "text[]");
        let defaults = [
            ("tokenization", if text { json!("word") } else { Value::Null }),
            ("indexFilterable", json!(true)),
            ("indexSearchable", json!(text)),
            ("indexRangeFilters", json!(false)),
        ];
        for (key, default) in defaults {
            let wanted = model.get(key).unwrap_or(&default);
            let found = server.get(key).unwrap_or(&default);
            if !equivalent(wanted, found) {
                self.differ(scope, at(key), found, wanted);
            }
        }
        // No analyzer and an empty one are the same to the server.
        let no_analyzer = json!({});
        let analyzer = model.get("textAnalyzer").unwrap_or(&no_analyzer);
        let server_analyzer = server.get("textAnalyzer").unwrap_or(&no_analyzer);
        if analyzer != server_analyzer {
            self.differ(scope, at("textAnalyzer"), server_analyzer, analyzer);
        }
        // Switches for a vectorizer the server's collection does not use are
        // covered by the vectorizer's own difference.
        let server_modules = server.get("moduleConfig");
        for (module, switches) in model.get("moduleConfig").and_then(Value::as_object).into_iter().flatten() {
            if let Some(server_switches) = server_modules.and_then(|m| m.get(module)) {
                let mut pointer = at("moduleConfig");
                pointer.push(field(module));
                self.leaves(scope, &mut pointer, switches, Some(server_switches));
            }
        }
        if let Some(nested) = model.get("nestedProperties") {
            self.properties(array(Some(nested)), array(server.get("nestedProperties")), pointer);
        }
    }
}

fn field(name: &str) -> Key {
    Key::Field(name.to_owned())
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
