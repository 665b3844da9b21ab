//! What the typed config does not hold: the server's class JSON minus what
//! the typed fields write ([`subtract`]), kept in
//! [`CollectionConfig::other`](super::CollectionConfig::other) and written
//! back under the typed fields ([`merge`]). A collection read from the
//! server and created again from its typed config gives back the same JSON,
//! settings this crate has no field for included.
//!
//! Both walks follow objects key by key and arrays of named objects
//! (properties, nested properties) by their `name`, and descend only where
//! both sides hold an object or array: never deeper than the typed config's
//! own JSON, whatever a `other` value built in code holds.

use serde_json::{Map, Value};

use super::json::equivalent;

/// The parts of `server` that `typed` does not reproduce; `None` when it
/// reproduces all of it.
pub(crate) fn subtract(server: &Value, typed: &Value) -> Option<Value> {
    match (server, typed) {
        (Value::Object(server), Value::Object(typed)) => {
            let rest: Map<String, Value> = server
                .iter()
                .filter_map(|(key, value)| match typed.get(key) {
                    None => Some((key.clone(), value.clone())),
                    Some(written) => subtract(value, written).map(|rest| (key.clone(), rest)),
                })
                .collect();
            (!rest.is_empty()).then_some(Value::Object(rest))
        }
        (Value::Array(server), Value::Array(typed)) if named(server) => {
            let rest: Vec<Value> = server
                .iter()
                .filter_map(|element| match typed.iter().find(|t| t.get("name") == element.get("name")) {
                    None => Some(element.clone()),
                    Some(written) => subtract(element, written).map(|mut rest| {
                        rest["name"] = element["name"].clone();
                        rest
                    }),
                })
                .collect();
            (!rest.is_empty()).then_some(Value::Array(rest))
        }
        // The server's `null` where the typed config writes `[]` (unset stop
        // words, no properties): equivalent, but created from `[]` the server
        // keeps `[]`, so the `null` is kept and written back.
        (Value::Null, Value::Array(items)) if items.is_empty() => Some(Value::Null),
        // A value the typed config writes differently is the typed config's to decide.
        _ if equivalent(server, typed) || !typed.is_null() => None,
        _ => Some(server.clone()),
    }
}

/// Adds `other` under `typed`: keys and named elements `typed` lacks are
/// added, objects merge, and where both hold a value `typed` wins, but for a
/// `null` of `other` over an empty array of `typed`, which is the same setting.
pub(crate) fn merge(typed: &mut Value, other: &Value) {
    match (typed, other) {
        (Value::Object(typed), Value::Object(other)) => {
            for (key, value) in other {
                match typed.get_mut(key) {
                    Some(written) => merge(written, value),
                    None => {
                        typed.insert(key.clone(), value.clone());
                    }
                }
            }
        }
        (Value::Array(typed), Value::Array(other)) if named(other) => {
            for element in other {
                match typed.iter_mut().find(|t| t.get("name") == element.get("name")) {
                    Some(written) => merge(written, element),
                    None => typed.push(element.clone()),
                }
            }
        }
        (typed, Value::Null) if typed.as_array().is_some_and(Vec::is_empty) => *typed = Value::Null,
        _ => {}
    }
}

/// Whether every element is an object with a `name`.
fn named(elements: &[Value]) -> bool {
    !elements.is_empty() && elements.iter().all(|e| e.get("name").is_some_and(Value::is_string))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn what_the_typed_config_lacks_is_kept_and_written_back() {
        let server = json!({
            "class": "A",
            "vectorIndexConfig": {"distance": "cosine", "filterStrategy": "acorn", "pq": {"enabled": false, "trainingLimit": 1000}},
            "properties": [{"name": "title", "dataType": ["text"], "textAnalyzer": {"asciiFold": true}}, {"name": "body", "dataType": ["text"]}],
            "objectTtlConfig": {"enabled": false}
        });
        let typed = json!({
            "class": "A",
            "vectorIndexConfig": {"distance": "cosine"},
            "properties": [{"name": "title", "dataType": ["text"]}, {"name": "body", "dataType": ["text"]}]
        });
        let rest = subtract(&server, &typed).expect("a remainder");
        assert_eq!(
            rest,
            json!({
                "vectorIndexConfig": {"filterStrategy": "acorn", "pq": {"enabled": false, "trainingLimit": 1000}},
                "properties": [{"name": "title", "textAnalyzer": {"asciiFold": true}}],
                "objectTtlConfig": {"enabled": false}
            })
        );
        let mut written = typed.clone();
        merge(&mut written, &rest);
        assert_eq!(written, server);
        assert_eq!(subtract(&server, &server), None);
    }

    #[test]
    fn the_typed_config_wins_where_both_hold_a_value() {
        let mut typed = json!({"vectorIndexConfig": {"distance": "dot"}});
        merge(&mut typed, &json!({"vectorIndexConfig": {"distance": "cosine", "skip": false}}));
        assert_eq!(typed, json!({"vectorIndexConfig": {"distance": "dot", "skip": false}}));
        // f32 rounding of a float the typed config holds is not a difference.
        assert_eq!(subtract(&json!({"b": 0.8}), &json!({"b": 0.800000011920929})), None);
    }

    #[test]
    fn the_servers_null_outlasts_an_empty_array() {
        let server = json!({"properties": null, "stopwords": {"preset": "en", "additions": null, "removals": ["a"]}});
        let typed = json!({"properties": [], "stopwords": {"preset": "en", "additions": [], "removals": ["a"]}});
        let rest = subtract(&server, &typed).expect("a remainder");
        assert_eq!(rest, json!({"properties": null, "stopwords": {"additions": null}}));
        let mut written = typed.clone();
        merge(&mut written, &rest);
        assert_eq!(written, server);
        // Set in the typed config, the list wins.
        let mut changed = json!({"properties": [], "stopwords": {"additions": ["b"]}});
        merge(&mut changed, &rest);
        assert_eq!(changed, json!({"properties": null, "stopwords": {"additions": ["b"]}}));
    }
}
