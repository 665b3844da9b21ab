//! Writing settings into the server's JSON.

/// Adds `key: value` to a JSON object when the setting is given; settings
/// left out keep the server's default.
pub(super) fn insert_some<T: serde::Serialize>(
    out: &mut serde_json::Map<String, serde_json::Value>,
    key: &str,
    value: Option<T>,
) {
    if let Some(value) = value {
        out.insert(key.into(), serde_json::json!(value));
    }
}
