//! Checks of the collection-level settings: known names, valid JSON module
//! settings, and settings that cannot go together.

use darling::util::SpannedValue;

use crate::attr::{ModuleAttr, NamedVectorAttrs, SettingsAttrs, VectorIndexAttrs};
use crate::names::{
    DELETION_STRATEGIES, DISTANCES, FILTER_STRATEGIES, INDEX_KINDS, MULTI_VECTOR_AGGREGATIONS, QUANTIZER_CHOICES,
    QUANTIZER_OPTIONS, QUANTIZERS, server_names,
};

const STOPWORD_PRESETS: &[&str] = &["en", "none"];

/// Every check of the struct-level attributes; `named_vector_fields` are the
/// `#[weaviate(vector = "...")]` fields, which make the collection use named vectors.
pub(crate) fn check(attrs: &SettingsAttrs, has_named_vector_fields: bool, errors: &mut darling::error::Accumulator) {
    module(&attrs.vectorizer, &attrs.vectorizer_config, "vectorizer", errors);
    module(&attrs.generative, &attrs.generative_config, "generative", errors);
    module(&attrs.reranker, &attrs.reranker_config, "reranker", errors);
    if let Some(index) = &attrs.vector_index {
        vector_index(index, errors);
    }
    if let Some(strategy) = attrs.replication.as_ref().and_then(|r| r.deletion_strategy.as_ref()) {
        one_of(strategy, &server_names(DELETION_STRATEGIES), "deletion strategy", errors);
    }
    if let Some(preset) = attrs.inverted_index.as_ref().and_then(|i| i.stopwords_preset.as_ref()) {
        one_of(preset, STOPWORD_PRESETS, "stop word preset", errors);
    }
    let mut names: Vec<&str> = Vec::new();
    for vector in &attrs.named_vectors {
        named_vector(vector, errors);
        if names.contains(&vector.name.as_str()) {
            errors.push(
                darling::Error::custom(format!("the named vector `{}` is declared twice", vector.name.as_str()))
                    .with_span(&vector.name.span()),
            );
        }
        names.push(vector.name.as_str());
    }
    if !attrs.named_vectors.is_empty() || has_named_vector_fields {
        // The default vector's keys, and what they are called inside `named_vector(..)`.
        let legacy = [
            ("vectorizer", "vectorizer", attrs.vectorizer.as_ref().map(SpannedValue::span)),
            ("vector_index", "index", attrs.vector_index.as_ref().map(SpannedValue::span)),
        ];
        for (key, inside, span) in legacy {
            if let Some(span) = span {
                errors.push(
                    darling::Error::custom(format!(
                        "`{key}` configures the default vector, but this collection has named vectors; \
                         move it into `named_vector(name = \"...\", {inside} = ...)`"
                    ))
                    .with_span(&span),
                );
            }
        }
    }
    if let (Some(_), Some(sharding)) = (&attrs.multi_tenancy, &attrs.sharding) {
        errors.push(
            darling::Error::custom(
                "`sharding` does not apply to a multi-tenant collection, where each tenant is its own shard; \
                 remove one of them",
            )
            .with_span(&sharding.span()),
        );
    }
}

fn named_vector(vector: &NamedVectorAttrs, errors: &mut darling::error::Accumulator) {
    module(&vector.vectorizer, &vector.vectorizer_config, "vectorizer", errors);
    if let Some(index) = &vector.index {
        vector_index(index, errors);
    }
    if vector.source_properties.is_some() && vector.vectorizer.is_none() {
        errors.push(
            darling::Error::custom(
                "`source_properties` tells a vectorizer what to read, but this vector has no `vectorizer`",
            )
            .with_span(&vector.name.span()),
        );
    }
}

fn vector_index(index: &VectorIndexAttrs, errors: &mut darling::error::Accumulator) {
    if let Some(kind) = &index.kind {
        one_of(kind, &server_names(INDEX_KINDS), "vector index kind", errors);
    }
    if let Some(distance) = &index.distance {
        one_of(distance, &server_names(DISTANCES), "distance", errors);
    }
    if let Some(strategy) = &index.filter_strategy {
        one_of(strategy, &server_names(FILTER_STRATEGIES), "filter strategy", errors);
    }
    if let Some(aggregation) = &index.multi_vector_aggregation {
        one_of(aggregation, &server_names(MULTI_VECTOR_AGGREGATIONS), "multi-vector aggregation", errors);
    }
    let kind = index.kind.as_ref().map_or("hnsw", |k| k.as_str());
    if let Some(q) = &index.quantizer {
        match kind {
            "flat" => quantizer(q, Part::Flat("a flat index"), errors),
            "dynamic" => quantizer(q, Part::Hnsw("a dynamic index's HNSW part"), errors),
            _ => quantizer(q, Part::Hnsw("an HNSW index"), errors),
        }
    }
    if let Some(flat) = &index.flat {
        if kind != "dynamic" {
            errors.push(
                darling::Error::custom(
                    "`flat(...)` configures the flat part of a dynamic index; add `kind = \"dynamic\"`, \
                     or give a flat index's settings directly in `vector_index(kind = \"flat\", ...)`",
                )
                .with_span(&flat.span()),
            );
        }
        if let Some(q) = &flat.quantizer {
            quantizer(q, Part::Flat("a dynamic index's flat part"), errors);
        }
    }
}

/// Which kind of index a quantizer compresses, and how messages call it.
#[derive(Clone, Copy)]
enum Part {
    Hnsw(&'static str),
    Flat(&'static str),
}

/// A quantizer: a known name, options the index reads, and names where an
/// option takes one. Unknown options are left to the compiler, which names
/// the runtime struct's fields.
fn quantizer(q: &SpannedValue<ModuleAttr>, part: Part, errors: &mut darling::error::Accumulator) {
    let names = server_names(QUANTIZERS);
    let typed = match q.as_ref() {
        ModuleAttr::Named(name) => {
            return one_of(&SpannedValue::new(name.clone(), q.span()), &names, "quantizer", errors);
        }
        ModuleAttr::Typed(typed) => typed,
    };
    let name = typed.module.to_string();
    let Some((_, hnsw, flat)) = QUANTIZER_OPTIONS.iter().find(|(n, ..)| *n == name) else {
        return one_of(&SpannedValue::new(name, typed.module.span()), &names, "quantizer", errors);
    };
    let (reads, other, label, other_label) = match part {
        Part::Hnsw(label) => (hnsw, flat, label, "a flat index"),
        Part::Flat(label) => (flat, hnsw, label, "an HNSW index"),
    };
    for (key, value) in &typed.settings {
        let key_name = key.to_string();
        if !reads.contains(&key_name.as_str()) && other.contains(&key_name.as_str()) {
            errors.push(
                darling::Error::custom(format!(
                    "{label} ignores the `{key_name}` option of `{name}`; it applies to {other_label}"
                ))
                .with_span(key),
            );
        }
        if let Some((_, choices, _)) = QUANTIZER_CHOICES.iter().find(|(k, ..)| *k == key_name) {
            match value {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(text), .. }) => {
                    let what = key_name.replace('_', " ");
                    one_of(&SpannedValue::new(text.value(), text.span()), &server_names(choices), &what, errors);
                }
                _ => errors.push(
                    darling::Error::custom(format!(
                        "`{key_name}` takes a name in quotes, e.g. `= \"{}\"`",
                        choices[0].0
                    ))
                    .with_span(value),
                ),
            }
        }
    }
}

/// A module and its optional JSON settings (for a module given by name).
fn module(
    name: &Option<SpannedValue<ModuleAttr>>,
    config: &Option<SpannedValue<String>>,
    key: &str,
    errors: &mut darling::error::Accumulator,
) {
    let Some(config) = config else { return };
    match name.as_deref() {
        None => errors.push(
            darling::Error::custom(format!("`{key}_config` needs a `{key}` module to configure"))
                .with_span(&config.span()),
        ),
        Some(ModuleAttr::Typed(_)) => errors.push(
            darling::Error::custom(format!(
                "`{key}_config` is JSON for a module named by a string; a typed module takes its settings \
                 in its parentheses, e.g. `{key}(module(key = value))`"
            ))
            .with_span(&config.span()),
        ),
        Some(ModuleAttr::Named(_)) => {}
    }
    match serde_json::from_str::<serde_json::Value>(config.as_str()) {
        Ok(serde_json::Value::Object(_)) => {}
        Ok(_) => errors.push(
            darling::Error::custom(format!("`{key}_config` must be a JSON object, like r#\"{{\"model\": \"...\"}}\"#"))
                .with_span(&config.span()),
        ),
        Err(e) => errors
            .push(darling::Error::custom(format!("`{key}_config` is not valid JSON: {e}")).with_span(&config.span())),
    }
}

/// Checks that `value` is one of `allowed`, with a suggestion when it is close.
pub(crate) fn one_of(
    value: &SpannedValue<String>,
    allowed: &[&str],
    what: &str,
    errors: &mut darling::error::Accumulator,
) {
    if !allowed.contains(&value.as_str()) {
        errors.push(darling::Error::custom(unknown_name(value, allowed, what)).with_span(&value.span()));
    }
}

/// "unknown {what} `value`; expected one of: ...", with a suggestion when
/// a name differs in case or `-`/`_`, else in a few letters (one per three).
pub(crate) fn unknown_name(value: &str, allowed: &[&str], what: &str) -> String {
    let folded = |s: &str| s.to_ascii_lowercase().replace('-', "_");
    let distance = |a: &str| edit_distance(&folded(a), &folded(value));
    let close = allowed.iter().find(|a| folded(a) == folded(value)).or_else(|| {
        allowed.iter().filter(|a| distance(a) <= (value.chars().count() / 3).max(1)).min_by_key(|a| distance(a))
    });
    let hint = match close {
        Some(suggestion) => format!("; did you mean `{suggestion}`?"),
        None => String::new(),
    };
    format!("unknown {what} `{value}`; expected one of: {}{hint}", allowed.join(", "))
}

/// The Levenshtein distance between two short names.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn edit_distances_count_single_changes() {
        assert_eq!(edit_distance("tile", "tiles"), 1);
        assert_eq!(edit_distance("legal", "legl"), 1);
        assert_eq!(edit_distance("cosine", "cosnie"), 2);
        assert_eq!(edit_distance("pq", "lvq"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
