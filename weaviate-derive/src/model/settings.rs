//! Checks of the collection-level settings: known names, valid JSON module
//! settings, and settings that cannot go together.

use darling::util::SpannedValue;

use crate::attr::{ModuleAttr, NamedVectorAttrs, SettingsAttrs, VectorIndexAttrs};
use crate::names::{DELETION_STRATEGIES, DISTANCES, FILTER_STRATEGIES, INDEX_KINDS, QUANTIZERS, server_names};

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
    let quantizer = index.quantizer.as_ref().map(|q| q.as_str());
    if let Some(q) = &index.quantizer {
        one_of(q, &server_names(QUANTIZERS), "quantizer", errors);
    }
    let knobs = [
        ("pq_segments", &index.pq_segments, "pq"),
        ("pq_centroids", &index.pq_centroids, "pq"),
        ("rq_bits", &index.rq_bits, "rq"),
    ];
    for (key, value, needs) in knobs {
        if let Some(value) = value
            && quantizer != Some(needs)
        {
            errors.push(
                darling::Error::custom(format!("`{key}` only applies with `quantizer = \"{needs}\"`"))
                    .with_span(&value.span()),
            );
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
    if allowed.contains(&value.as_str()) {
        return;
    }
    let close =
        allowed.iter().find(|a| a.eq_ignore_ascii_case(value) || a.replace('-', "_") == value.replace('-', "_"));
    let hint = match close {
        Some(suggestion) => format!("; did you mean `{suggestion}`?"),
        None => String::new(),
    };
    errors.push(
        darling::Error::custom(format!(
            "unknown {what} `{}`; expected one of: {}{hint}",
            value.as_str(),
            allowed.join(", ")
        ))
        .with_span(&value.span()),
    );
}
