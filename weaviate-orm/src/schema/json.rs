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

/// The text at `key`; empty text reads as unset.
pub(super) fn string(json: &Value, key: &str) -> Option<String> {
    json.get(key).and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_owned)
}

/// The switch at `key`.
pub(super) fn boolean(json: Option<&Value>, key: &str) -> Option<bool> {
    json?.get(key)?.as_bool()
}

/// An integer setting that fits `T`; out-of-range values read as unset.
pub(super) fn number<T: TryFrom<i64>>(json: Option<&Value>, key: &str) -> Option<T> {
    T::try_from(json?.get(key)?.as_i64()?).ok()
}

/// The list at `key`; none reads as empty.
pub(super) fn array<'a>(json: &'a Value, key: &str) -> &'a [Value] {
    json.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default()
}

/// `name()`, `from_name()` and `ALL` for an enum of server names.
macro_rules! server_names {
    ($ty:ident { $($variant:ident => $name:literal),* $(,)? }) => {
        impl $ty {
            /// Every value, for validation.
            pub const ALL: [Self; [$($name),*].len()] = [$(Self::$variant),*];

            /// The name Weaviate uses.
            pub fn name(self) -> &'static str {
                match self {
                    $(Self::$variant => $name),*
                }
            }

            /// The value the server calls `name`.
            pub fn from_name(name: &str) -> Option<Self> {
                Self::ALL.into_iter().find(|value| value.name() == name)
            }
        }
    };
}
pub(super) use server_names;
