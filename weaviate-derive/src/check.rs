//! Checks that look at the whole collection: names against Weaviate's rules,
//! reserved names, and duplicate property names after renaming.

use std::collections::HashMap;

use crate::model::Collection;

/// Names Weaviate keeps for itself.
const RESERVED: &[&str] = &["_additional", "_id", "id", "vector", "_vector"];

pub(crate) fn collection(collection: &Collection) -> darling::Result<()> {
    let mut errors = darling::Error::accumulator();
    errors.handle(properties(collection));
    if let Some(problem) = collection_name_problem(&collection.name) {
        errors.push(
            darling::Error::custom(format!("`{}` is not a valid collection name: {problem}", collection.name))
                .with_span(&collection.name_span),
        );
    }
    errors.finish()
}

/// Property names: valid, not reserved, unique after renaming.
pub(crate) fn properties(collection: &Collection) -> darling::Result<()> {
    let mut errors = darling::Error::accumulator();
    let mut seen: HashMap<String, proc_macro2::Span> = HashMap::new();
    for property in &collection.properties {
        let name = property.name.as_str();
        if RESERVED.contains(&name) {
            errors.push(
                darling::Error::custom(format!(
                    "`{name}` is reserved by Weaviate; give the property another name with \
                     #[weaviate(rename = \"...\")], or mark an id field with #[weaviate(id)]"
                ))
                .with_span(&property.name_span),
            );
        } else if !is_property_name(name) {
            errors.push(
                darling::Error::custom(format!(
                    "`{name}` is not a valid property name: it must start with a letter or `_`, \
                     followed by letters, digits or `_`"
                ))
                .with_span(&property.name_span),
            );
        } else if name.starts_with(|c: char| c.is_ascii_uppercase()) {
            let stored = lower_first(name);
            errors.push(
                darling::Error::custom(format!(
                    "Weaviate would store the property `{name}` as `{stored}`, and then neither read, \
                     filter nor migrate it under this name; name it `{stored}` \
                     (e.g. #[weaviate(rename = \"{stored}\")])"
                ))
                .with_span(&property.name_span),
            );
        }
        // The server lower-cases the first letter, so `Title` and `title` collide.
        let key = lower_first(name);
        if let Some(first) = seen.get(&key) {
            errors.push(
                darling::Error::custom(format!("two fields are stored as the property `{name}`"))
                    .with_span(&property.name_span),
            );
            errors.push(darling::Error::custom("the first one is here").with_span(first));
        } else {
            seen.insert(key, property.name_span);
        }
    }
    errors.finish()
}

/// What is wrong with a collection name, by the server's rules.
fn collection_name_problem(name: &str) -> Option<&'static str> {
    let mut chars = name.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_uppercase()) || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Some("it must start with an upper-case letter, followed by letters, digits or `_`")
    } else if name.len() > 255 {
        Some("it is longer than 255 characters")
    } else if name.eq_ignore_ascii_case("raft") {
        Some("Weaviate reserves it for itself")
    } else {
        None
    }
}

fn is_property_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name.len() <= 231
}

fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map(|c| c.to_ascii_lowercase().to_string() + chars.as_str()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_weaviates_rules() {
        assert_eq!(collection_name_problem("Article_2"), None);
        for bad in ["article", "Art-icle", ""] {
            assert!(collection_name_problem(bad).is_some_and(|p| p.starts_with("it must start")), "{bad}");
        }
        assert_eq!(collection_name_problem("Raft"), Some("Weaviate reserves it for itself"));
        assert_eq!(collection_name_problem(&"A".repeat(256)), Some("it is longer than 255 characters"));
        assert!(is_property_name("air_date") && is_property_name("_private"));
        assert!(!is_property_name("2nd") && !is_property_name("a-b"));
    }
}
