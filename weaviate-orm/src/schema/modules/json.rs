//! Module settings in and out of JSON: dotted keys nest (`options.useGPU`),
//! values convert with serde.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::schema::ConfigParseError;

/// Writes `value` at `key` (dotted keys nest); `None` writes nothing.
pub(crate) fn put<T: Serialize>(out: &mut Map<String, Value>, key: &str, value: &T) {
    let value = serde_json::to_value(value).unwrap_or(Value::Null);
    if value.is_null() {
        return;
    }
    match key.split_once('.') {
        Some((outer, inner)) => {
            let nested = out.entry(outer.to_owned()).or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(nested) = nested {
                put(nested, inner, &value);
            }
        }
        None => {
            out.insert(key.to_owned(), value);
        }
    }
}

/// Takes the value at `key` out of `json` (dotted keys nest; an emptied
/// nested object goes too), converted to `T`; `None` when absent or null.
pub(crate) fn take<T: DeserializeOwned + Default>(
    json: &mut Map<String, Value>,
    module: &str,
    key: &str,
) -> Result<T, ConfigParseError> {
    let value = match key.split_once('.') {
        Some((outer, inner)) => {
            let Some(Value::Object(nested)) = json.get_mut(outer) else { return Ok(T::default()) };
            let value = nested.remove(inner);
            if nested.is_empty() {
                json.remove(outer);
            }
            value
        }
        None => json.remove(key),
    };
    match value {
        None | Some(Value::Null) => Ok(T::default()),
        Some(value) => serde_json::from_value(value.clone()).map_err(|e| ConfigParseError {
            path: format!("moduleConfig.{module}.{key}"),
            message: format!("{value} is not what this setting takes: {e}"),
        }),
    }
}
