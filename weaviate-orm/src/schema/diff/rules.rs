//! The rules of what Weaviate can change in place, in one table: a
//! difference at a setting the table marks is breaking (it needs a new
//! collection, and the table says why); any other setting is updated with
//! `PUT /v1/schema/{class}`.

use super::outcome::Key;
use crate::schema::BreakingKind::{self, *};

/// Where a differing setting sits: the table's rows are written relative to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope<'a> {
    /// The collection: `invertedIndexConfig.indexTimestamps`.
    Collection,
    /// A vector (the default one, or below `vectorConfig.<name>`), with its
    /// index type: `vectorIndexConfig.distance`.
    Vector(&'a str),
    /// A property, nested ones included: `tokenization`.
    Property,
}

/// One row: a setting's path (`*` any one key, `**` anything below), the
/// vector index type it applies to (`None`: any), and why it is fixed.
struct Rule {
    scope: Scope<'static>,
    path: &'static [&'static str],
    index_type: Option<&'static str>,
    kind: BreakingKind,
}

const fn rule(scope: Scope<'static>, path: &'static [&'static str], kind: BreakingKind) -> Rule {
    Rule { scope, path, index_type: None, kind }
}

const fn on(index_type: &'static str, path: &'static [&'static str], kind: BreakingKind) -> Rule {
    Rule { scope: Scope::Vector(""), path, index_type: Some(index_type), kind }
}

const C: Scope<'static> = Scope::Collection;
const V: Scope<'static> = Scope::Vector("");
const P: Scope<'static> = Scope::Property;

/// Every setting Weaviate fixes when a collection, vector or property is made.
const FIXED: &[Rule] = &[
    rule(C, &["invertedIndexConfig", "indexTimestamps"], InvertedIndexSetting),
    rule(C, &["invertedIndexConfig", "indexNullState"], InvertedIndexSetting),
    rule(C, &["invertedIndexConfig", "indexPropertyLength"], InvertedIndexSetting),
    rule(C, &["multiTenancyConfig", "enabled"], MultiTenancy),
    rule(C, &["shardingConfig", "**"], Sharding),
    // The class-level settings of the collection's vectorizer module.
    rule(C, &["moduleConfig", "<vectorizer>", "**"], Vectorizer),
    rule(V, &["vectorizer", "**"], Vectorizer),
    rule(V, &["vectorIndexType"], VectorIndexType),
    rule(V, &["vectorIndexConfig", "distance"], Distance),
    rule(V, &["vectorIndexConfig", "efConstruction"], VectorIndexSetting),
    rule(V, &["vectorIndexConfig", "maxConnections"], VectorIndexSetting),
    rule(V, &["vectorIndexConfig", "cleanupIntervalSeconds"], VectorIndexSetting),
    rule(V, &["vectorIndexConfig", "multivector", "**"], VectorIndexSetting),
    rule(V, &["vectorIndexConfig", "skip"], VectorIndexSetting),
    // A flat index fixes its quantizer; HNSW can switch one on later.
    on("flat", &["vectorIndexConfig", "pq", "**"], VectorIndexSetting),
    on("flat", &["vectorIndexConfig", "bq", "**"], VectorIndexSetting),
    on("flat", &["vectorIndexConfig", "rq", "**"], VectorIndexSetting),
    on("flat", &["vectorIndexConfig", "sq", "**"], VectorIndexSetting),
    rule(P, &["dataType"], DataType),
    rule(P, &["tokenization"], Tokenization),
    rule(P, &["indexFilterable"], PropertyIndex),
    rule(P, &["indexSearchable"], PropertyIndex),
    rule(P, &["indexRangeFilters"], PropertyIndex),
    rule(P, &["moduleConfig", "*", "**"], PropertyVectorization),
    rule(P, &["textAnalyzer", "**"], TextAnalyzer),
];

/// Why the setting at `path` (relative to `scope`) cannot change in place,
/// or `None` when it can. `vectorizers` are the collection's vectorizer
/// modules. A dynamic index's `hnsw` and `flat` parts follow their own type's rows.
pub(super) fn fixed(scope: Scope<'_>, path: &[Key], vectorizers: &[&str]) -> Option<BreakingKind> {
    let names: Vec<&str> = path.iter().map(|key| key.name()).collect();
    let (names, index_type) = match (scope, names.as_slice()) {
        (Scope::Vector("dynamic"), ["vectorIndexConfig", part @ ("hnsw" | "flat"), rest @ ..]) => {
            ([&["vectorIndexConfig"][..], rest].concat(), Some(*part))
        }
        (Scope::Vector(index_type), _) => (names.clone(), Some(index_type)),
        _ => (names.clone(), None),
    };
    FIXED
        .iter()
        .filter(|rule| same_scope(rule.scope, scope))
        .filter(|rule| rule.index_type.is_none() || rule.index_type == index_type)
        .find(|rule| matches(rule.path, &names, vectorizers))
        .map(|rule| rule.kind)
}

fn same_scope(a: Scope<'_>, b: Scope<'_>) -> bool {
    matches!(
        (a, b),
        (Scope::Collection, Scope::Collection)
            | (Scope::Vector(_), Scope::Vector(_))
            | (Scope::Property, Scope::Property)
    )
}

/// Whether `path` matches `pattern`: `*` is any one key, `**` anything
/// below (nothing included), `<vectorizer>` one of `vectorizers`.
fn matches(pattern: &[&str], path: &[&str], vectorizers: &[&str]) -> bool {
    match (pattern.split_first(), path.split_first()) {
        (Some((&"**", _)), _) => true,
        (None, None) => true,
        (Some((&expected, pattern)), Some((&found, path))) => {
            let key_matches = match expected {
                "*" => true,
                "<vectorizer>" => vectorizers.contains(&found),
                _ => expected == found,
            };
            key_matches && matches(pattern, path, vectorizers)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(names: &[&str]) -> Vec<Key> {
        names.iter().map(|name| Key::Field((*name).to_owned())).collect()
    }

    #[test]
    fn quantizers_are_mutable_on_hnsw_and_fixed_on_flat() {
        let pq = path(&["vectorIndexConfig", "pq", "enabled"]);
        assert_eq!(fixed(Scope::Vector("hnsw"), &pq, &[]), None);
        assert_eq!(fixed(Scope::Vector("flat"), &pq, &[]), Some(VectorIndexSetting));
        let dynamic_flat = path(&["vectorIndexConfig", "flat", "bq", "enabled"]);
        assert_eq!(fixed(Scope::Vector("dynamic"), &dynamic_flat, &[]), Some(VectorIndexSetting));
        let dynamic_hnsw = path(&["vectorIndexConfig", "hnsw", "pq", "enabled"]);
        assert_eq!(fixed(Scope::Vector("dynamic"), &dynamic_hnsw, &[]), None);
        assert_eq!(fixed(Scope::Vector("hnsw"), &path(&["vectorIndexConfig", "ef"]), &[]), None);
        let connections = path(&["vectorIndexConfig", "maxConnections"]);
        assert_eq!(fixed(Scope::Vector("hnsw"), &connections, &[]), Some(VectorIndexSetting));
    }

    #[test]
    fn rows_apply_in_their_own_scope_only() {
        assert_eq!(fixed(Scope::Property, &path(&["tokenization"]), &[]), Some(Tokenization));
        assert_eq!(fixed(Scope::Collection, &path(&["tokenization"]), &[]), None);
        assert_eq!(fixed(Scope::Property, &path(&["description"]), &[]), None);
        let module = path(&["moduleConfig", "text2vec-bigram", "vectorizeClassName"]);
        assert_eq!(fixed(Scope::Collection, &module, &["text2vec-bigram"]), Some(Vectorizer));
        let generative = path(&["moduleConfig", "generative-dummy", "model"]);
        assert_eq!(fixed(Scope::Collection, &generative, &["text2vec-bigram"]), None);
        assert_eq!(fixed(Scope::Collection, &path(&["shardingConfig", "desiredCount"]), &[]), Some(Sharding));
        assert_eq!(fixed(Scope::Collection, &path(&["replicationConfig", "factor"]), &[]), None);
    }
}
