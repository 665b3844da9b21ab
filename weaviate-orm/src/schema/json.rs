//! Writing settings into the server's JSON, and comparing its values.

use serde_json::Value;

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

/// Equal, counting `null` and `[]` as the same and numbers equal when the
/// server's 32-bit floats round them.
pub(crate) fn equivalent(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * x.abs().max(y.abs()).max(1.0),
            _ => x == y,
        },
        (Value::Null, Value::Array(items)) | (Value::Array(items), Value::Null) => items.is_empty(),
        _ => a == b,
    }
}
