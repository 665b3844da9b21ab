//! [`PropertyValue`]s as the gRPC messages of writes: an object's
//! properties sorted into the buckets of `BatchObject.Properties`. Reading
//! them back from results is in `read.rs`.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, SecondsFormat, Utc};
use prost_types::value::Kind;
use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use super::{PropertyError, PropertyValue, ValueError, finite};
use crate::value::Beacon;

/// The largest integer Weaviate stores exactly: scalars travel as protobuf
/// `Struct` numbers (f64), and the server keeps `int[]` elements as f64 too
/// (`i64::MAX` in an `int[]` comes back as `i64::MIN`).
const MAX_EXACT_INT: i64 = 1 << 53;

/// The property buckets of one object (or nested object) being written.
#[derive(Default)]
pub(crate) struct WriteProperties {
    pub(crate) scalars: prost_types::Struct,
    pub(crate) texts: Vec<pb::TextArrayProperties>,
    pub(crate) ints: Vec<pb::IntArrayProperties>,
    pub(crate) numbers: Vec<pb::NumberArrayProperties>,
    pub(crate) bools: Vec<pb::BooleanArrayProperties>,
    pub(crate) objects: Vec<pb::ObjectProperties>,
    pub(crate) object_arrays: Vec<pb::ObjectArrayProperties>,
    pub(crate) empty_lists: Vec<String>,
    pub(crate) single_refs: Vec<pb::batch_object::SingleTargetRefProps>,
    pub(crate) multi_refs: Vec<pb::batch_object::MultiTargetRefProps>,
}

impl WriteProperties {
    /// Sorts `properties` into the buckets the server expects. Nulls are left
    /// out (an absent property is null). Fails on values the server would
    /// not store as given (NaN, infinities, ints beyond ±2^53), naming the property.
    pub(crate) fn from_values<'a, I>(properties: I) -> Result<Self, PropertyError>
    where
        I: IntoIterator<Item = (&'a str, &'a PropertyValue)>,
    {
        let mut out = Self::default();
        for (name, value) in properties {
            out.add(name, value).map_err(|source| PropertyError { property: name.to_owned(), source })?;
        }
        Ok(out)
    }

    pub(crate) fn add(&mut self, name: &str, value: &PropertyValue) -> Result<(), ValueError> {
        let prop_name = name.to_owned();
        let scalar = match value {
            PropertyValue::Null => return Ok(()),
            PropertyValue::Text(s) => Kind::StringValue(s.clone()),
            PropertyValue::Int(i) => Kind::NumberValue(exact_int(*i)?),
            PropertyValue::Number(n) => Kind::NumberValue(finite(*n)?),
            PropertyValue::Bool(b) => Kind::BoolValue(*b),
            PropertyValue::Date(d) => Kind::StringValue(date_string(d)),
            PropertyValue::Uuid(u) => Kind::StringValue(u.to_string()),
            PropertyValue::Blob(b) => Kind::StringValue(BASE64.encode(&b.0)),
            PropertyValue::Geo(g) => struct_kind([
                ("latitude", Kind::NumberValue(finite(f64::from(g.latitude))?)),
                ("longitude", Kind::NumberValue(finite(f64::from(g.longitude))?)),
            ]),
            PropertyValue::Phone(p) => {
                let mut fields = vec![("input", Kind::StringValue(p.input.clone()))];
                if let Some(country) = &p.default_country {
                    fields.push(("defaultCountry", Kind::StringValue(country.clone())));
                }
                struct_kind(fields)
            }
            array if array.is_empty_array() => {
                self.empty_lists.push(prop_name);
                return Ok(());
            }
            PropertyValue::TextArray(values) => return self.push_texts(prop_name, values.clone()),
            PropertyValue::DateArray(values) => {
                return self.push_texts(prop_name, values.iter().map(date_string).collect());
            }
            PropertyValue::UuidArray(values) => {
                return self.push_texts(prop_name, values.iter().map(Uuid::to_string).collect());
            }
            PropertyValue::IntArray(values) => {
                values.iter().try_for_each(|v| exact_int(*v).map(drop))?;
                self.ints.push(pb::IntArrayProperties { values: values.clone(), prop_name });
                return Ok(());
            }
            PropertyValue::NumberArray(values) => {
                values.iter().try_for_each(|v| finite(*v).map(drop))?;
                let values_bytes = values.iter().flat_map(|v| v.to_le_bytes()).collect();
                self.numbers.push(pb::NumberArrayProperties { prop_name, values_bytes });
                return Ok(());
            }
            PropertyValue::BoolArray(values) => {
                self.bools.push(pb::BooleanArrayProperties { values: values.clone(), prop_name });
                return Ok(());
            }
            PropertyValue::Object(fields) => {
                let value = Some(nested(fields)?);
                self.objects.push(pb::ObjectProperties { value, prop_name });
                return Ok(());
            }
            PropertyValue::Reference { beacons, multi_target, .. } => {
                self.add_reference(prop_name, beacons, *multi_target);
                return Ok(());
            }
            PropertyValue::ObjectArray(items) => {
                let values = items.iter().map(|fields| nested(fields)).collect::<Result<_, _>>()?;
                self.object_arrays.push(pb::ObjectArrayProperties { values, prop_name });
                return Ok(());
            }
        };
        self.scalars.fields.insert(prop_name, prost_types::Value { kind: Some(scalar) });
        Ok(())
    }

    /// A reference: all ids in one entry for a single-target property, one
    /// entry per target collection (in first-seen order) for a multi-target one.
    fn add_reference(&mut self, prop_name: String, beacons: &[Beacon], multi_target: bool) {
        if beacons.is_empty() {
            return;
        }
        if !multi_target {
            let uuids = beacons.iter().map(|b| b.id.to_string()).collect();
            self.single_refs.push(pb::batch_object::SingleTargetRefProps { uuids, prop_name });
            return;
        }
        let mut groups: Vec<pb::batch_object::MultiTargetRefProps> = Vec::new();
        for beacon in beacons {
            let uuid = beacon.id.to_string();
            match groups.iter_mut().find(|g| g.target_collection == beacon.collection) {
                Some(group) => group.uuids.push(uuid),
                None => groups.push(pb::batch_object::MultiTargetRefProps {
                    uuids: vec![uuid],
                    prop_name: prop_name.clone(),
                    target_collection: beacon.collection.clone(),
                }),
            }
        }
        self.multi_refs.extend(groups);
    }

    /// Text arrays also carry date[] (RFC 3339) and uuid[].
    fn push_texts(&mut self, prop_name: String, values: Vec<String>) -> Result<(), ValueError> {
        self.texts.push(pb::TextArrayProperties { values, prop_name });
        Ok(())
    }

    /// The top-level form, for `BatchObject.properties`.
    pub(crate) fn into_batch(self) -> pb::batch_object::Properties {
        pb::batch_object::Properties {
            non_ref_properties: Some(self.scalars),
            single_target_ref_props: self.single_refs,
            multi_target_ref_props: self.multi_refs,
            number_array_properties: self.numbers,
            int_array_properties: self.ints,
            text_array_properties: self.texts,
            boolean_array_properties: self.bools,
            object_properties: self.objects,
            object_array_properties: self.object_arrays,
            empty_list_props: self.empty_lists,
        }
    }
}

fn nested(fields: &[(String, PropertyValue)]) -> Result<pb::ObjectPropertiesValue, ValueError> {
    let mut w = WriteProperties::default();
    for (name, value) in fields {
        w.add(name, value)
            .map_err(|e| ValueError { expected: e.expected, found: format!("{} in `{name}`", e.found) })?;
    }
    if !w.single_refs.is_empty() || !w.multi_refs.is_empty() {
        return Err(ValueError {
            expected: "nested properties without references".into(),
            found: "a reference inside an object (Weaviate keeps references at the top level)".into(),
        });
    }
    Ok(pb::ObjectPropertiesValue {
        non_ref_properties: Some(w.scalars),
        number_array_properties: w.numbers,
        int_array_properties: w.ints,
        text_array_properties: w.texts,
        boolean_array_properties: w.bools,
        object_properties: w.objects,
        object_array_properties: w.object_arrays,
        empty_list_props: w.empty_lists,
    })
}

pub(crate) fn exact_int(value: i64) -> Result<f64, ValueError> {
    if value.unsigned_abs() > MAX_EXACT_INT.unsigned_abs() {
        return Err(ValueError {
            expected: format!("an int within ±2^53 ({MAX_EXACT_INT}), the range Weaviate stores exactly"),
            found: value.to_string(),
        });
    }
    #[allow(clippy::cast_precision_loss)] // checked above: exact
    Ok(value as f64)
}

fn struct_kind<'a>(fields: impl IntoIterator<Item = (&'a str, Kind)>) -> Kind {
    Kind::StructValue(prost_types::Struct {
        fields: fields.into_iter().map(|(k, v)| (k.to_owned(), prost_types::Value { kind: Some(v) })).collect(),
    })
}

/// RFC 3339 in UTC with as many fraction digits as needed (up to nanoseconds).
pub(crate) fn date_string(date: &DateTime<Utc>) -> String {
    date.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrays_and_scalars_go_to_their_buckets() {
        let values = [
            ("title", PropertyValue::Text("Hi".into())),
            ("count", PropertyValue::Int(3)),
            ("tags", PropertyValue::TextArray(vec!["a".into()])),
            ("scores", PropertyValue::NumberArray(vec![1.5, -2.0])),
            ("none", PropertyValue::IntArray(vec![])),
            ("missing", PropertyValue::Null),
        ];
        let w = WriteProperties::from_values(values.iter().map(|(k, v)| (*k, v))).expect("encodable").into_batch();
        let scalars = w.non_ref_properties.expect("struct");
        assert_eq!(scalars.fields.len(), 2);
        assert_eq!(w.text_array_properties[0].values, vec!["a"]);
        assert_eq!(w.number_array_properties[0].values_bytes.len(), 16);
        assert_eq!(w.empty_list_props, vec!["none"]);
        assert!(!scalars.fields.contains_key("missing"));
    }

    #[test]
    fn ints_beyond_two_to_the_53_are_refused_not_rounded() {
        let big = PropertyValue::Int(i64::MAX);
        let error = WriteProperties::from_values([("n", &big)]).err().expect("refused");
        assert!(error.to_string().contains("9223372036854775807"), "{error}");
        assert!(WriteProperties::from_values([("n", &PropertyValue::Int(MAX_EXACT_INT))]).is_ok());
        let big_array = PropertyValue::IntArray(vec![0, i64::MIN]);
        assert!(WriteProperties::from_values([("n", &big_array)]).is_err());
    }
}
