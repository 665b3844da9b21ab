//! Property values in REST JSON form, as `PUT` and `PATCH /v1/objects` take them.

use base64::Engine;
use serde_json::{Map, Value, json};

use super::wire::date_string;
use super::{PropertyError, PropertyValue, ValueError, finite};
use crate::value::Beacon;

/// The value as REST JSON. References become beacon lists. JSON has no
/// NaN or infinity (`serde_json` would write null): those are refused.
pub(crate) fn to_json(value: &PropertyValue) -> Result<Value, ValueError> {
    Ok(match value {
        PropertyValue::Null => Value::Null,
        PropertyValue::Text(text) => json!(text),
        PropertyValue::Int(int) => json!(int),
        PropertyValue::Number(number) => json!(finite(*number)?),
        PropertyValue::Bool(boolean) => json!(boolean),
        PropertyValue::Date(date) => json!(date_string(date)),
        PropertyValue::Uuid(id) => json!(id.to_string()),
        PropertyValue::Geo(geo) => {
            finite(f64::from(geo.latitude))?;
            finite(f64::from(geo.longitude))?;
            json!({"latitude": geo.latitude, "longitude": geo.longitude})
        }
        PropertyValue::Phone(phone) => {
            let mut out = Map::new();
            out.insert("input".into(), json!(phone.input));
            if let Some(country) = &phone.default_country {
                out.insert("defaultCountry".into(), json!(country));
            }
            Value::Object(out)
        }
        PropertyValue::Blob(blob) => json!(base64::engine::general_purpose::STANDARD.encode(&blob.0)),
        PropertyValue::TextArray(values) => json!(values),
        PropertyValue::IntArray(values) => json!(values),
        PropertyValue::NumberArray(values) => {
            values.iter().try_for_each(|v| finite(*v).map(drop))?;
            json!(values)
        }
        PropertyValue::BoolArray(values) => json!(values),
        PropertyValue::DateArray(values) => values.iter().map(|d| json!(date_string(d))).collect(),
        PropertyValue::UuidArray(values) => values.iter().map(|id| json!(id.to_string())).collect(),
        PropertyValue::Object(fields) => nested(fields)?,
        PropertyValue::ObjectArray(elements) => {
            Value::Array(elements.iter().map(|e| nested(e)).collect::<Result<_, _>>()?)
        }
        PropertyValue::Reference { beacons, .. } => beacons.iter().map(beacon).collect(),
    })
}

fn nested(fields: &[(String, PropertyValue)]) -> Result<Value, ValueError> {
    object(fields).map_err(|PropertyError { property, source }| ValueError {
        expected: source.expected,
        found: format!("{} in `{property}`", source.found),
    })
}

/// One beacon: `{"beacon": "weaviate://localhost/Author/<id>"}`.
pub(crate) fn beacon(beacon: &Beacon) -> Value {
    json!({"beacon": format!("weaviate://localhost/{}/{}", beacon.collection, beacon.id)})
}

/// Named values as a JSON object; absent optional values are left out.
/// Fails on a value JSON cannot carry, naming its property.
pub(crate) fn object<'a>(
    fields: impl IntoIterator<Item = &'a (impl AsRef<str> + 'a, PropertyValue)>,
) -> Result<Value, PropertyError> {
    let mut out = Map::new();
    for (name, value) in fields {
        if *value == PropertyValue::Null {
            continue;
        }
        let name = name.as_ref();
        let json = to_json(value).map_err(|source| PropertyError { property: name.to_owned(), source })?;
        out.insert(name.to_owned(), json);
    }
    Ok(Value::Object(out))
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use uuid::Uuid;

    use super::*;
    use crate::value::{Blob, GeoCoordinates, PhoneNumber};

    #[test]
    fn every_kind_has_its_rest_form() {
        let date = Utc.with_ymd_and_hms(2024, 5, 6, 7, 8, 9).single().expect("date");
        let id = Uuid::nil();
        let fields = vec![
            ("t", PropertyValue::Text("a".into())),
            ("n", PropertyValue::Null),
            ("d", PropertyValue::DateArray(vec![date])),
            ("g", PropertyValue::Geo(GeoCoordinates::new(1.5, 2.5))),
            ("p", PropertyValue::Phone(Box::new(PhoneNumber::new("020 1234567", Some("NL"))))),
            ("b", PropertyValue::Blob(Blob(vec![1, 2, 3]))),
            ("o", PropertyValue::ObjectArray(vec![vec![("x".to_owned(), PropertyValue::Int(1))]])),
            (
                "r",
                PropertyValue::Reference {
                    beacons: vec![Beacon { collection: "Author".into(), id }],
                    multi_target: false,
                    resolved: Vec::new(),
                },
            ),
        ];
        assert_eq!(
            object(&fields).expect("encodable"),
            json!({
                "t": "a",
                "d": ["2024-05-06T07:08:09Z"],
                "g": {"latitude": 1.5, "longitude": 2.5},
                "p": {"input": "020 1234567", "defaultCountry": "NL"},
                "b": "AQID",
                "o": [{"x": 1}],
                "r": [{"beacon": format!("weaviate://localhost/Author/{id}")}],
            })
        );
    }
}
