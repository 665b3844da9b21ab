//! [`PropertyWriter`]: an object's properties written straight into the
//! protobuf bytes of `BatchObject.Properties`. Texts, numbers, booleans,
//! dates and uuids go from the caller's values into the bytes with no
//! message in between and no copy of a text; the other kinds (arrays,
//! nested objects, references, geo, phone, blob) go through
//! [`PropertyValue`] and the generic buckets of `wire.rs`, whose encoding
//! is appended (protobuf merges a message written in parts).

use chrono::{DateTime, Utc};
use prost::Message;
use prost::encoding::{WireType, encode_key, encode_varint, encoded_len_varint};
use uuid::Uuid;

use super::wire::{WriteProperties, date_string, exact_int};
use super::{PropertyValue, ValueError, finite};

/// `google.protobuf.Value`'s kinds, as field numbers.
const NUMBER_VALUE: u32 = 2;
const STRING_VALUE: u32 = 3;
const BOOL_VALUE: u32 = 4;
/// `Struct.fields` and the key and value of its map entries.
const FIELDS: u32 = 1;
const KEY: u32 = 1;
const VALUE: u32 = 2;
/// `BatchObject.Properties.non_ref_properties`.
const NON_REF_PROPERTIES: u32 = 1;

/// Where an object's properties are written; see
/// [`PropertyType::write`](super::PropertyType::write).
#[derive(Default)]
pub struct PropertyWriter {
    /// The entries of `non_ref_properties` (a `Struct`'s map), encoded.
    scalars: Vec<u8>,
    /// The kinds that go through [`PropertyValue`].
    others: WriteProperties,
}

impl PropertyWriter {
    /// Writes the text `value` as the property `name`.
    pub fn text(&mut self, name: &str, value: &str) -> Result<(), ValueError> {
        self.string_entry(name, value.as_bytes());
        Ok(())
    }

    /// Writes the int `value`; beyond ±2^53 (what the server stores
    /// exactly) it is refused, not rounded.
    pub fn int(&mut self, name: &str, value: &i64) -> Result<(), ValueError> {
        let exact = exact_int(*value)?;
        self.number_entry(name, exact);
        Ok(())
    }

    /// Writes the number `value`; NaN and infinities are refused (the
    /// server would store null).
    pub fn number(&mut self, name: &str, value: &f64) -> Result<(), ValueError> {
        let value = finite(*value)?;
        self.number_entry(name, value);
        Ok(())
    }

    /// Writes the boolean `value`.
    pub fn bool(&mut self, name: &str, value: &bool) -> Result<(), ValueError> {
        let mut encoded = [0u8; 2];
        encoded[0] = key_byte(BOOL_VALUE, WireType::Varint);
        encoded[1] = u8::from(*value);
        self.entry(name, &encoded);
        Ok(())
    }

    /// Writes the date `value` (RFC 3339 in UTC, to the nanosecond).
    pub fn date(&mut self, name: &str, value: &DateTime<Utc>) -> Result<(), ValueError> {
        self.string_entry(name, date_string(value).as_bytes());
        Ok(())
    }

    /// Writes the uuid `value`.
    pub fn uuid(&mut self, name: &str, value: &Uuid) -> Result<(), ValueError> {
        let mut text = [0u8; uuid::fmt::Hyphenated::LENGTH];
        self.string_entry(name, value.hyphenated().encode_lower(&mut text).as_bytes());
        Ok(())
    }

    /// Writes `value`, of any kind; null writes nothing (an absent
    /// property is null).
    pub fn value(&mut self, name: &str, value: &PropertyValue) -> Result<(), ValueError> {
        match value {
            PropertyValue::Null => Ok(()),
            PropertyValue::Text(text) => self.text(name, text),
            PropertyValue::Int(int) => self.int(name, int),
            PropertyValue::Number(number) => self.number(name, number),
            PropertyValue::Bool(flag) => self.bool(name, flag),
            PropertyValue::Date(date) => self.date(name, date),
            PropertyValue::Uuid(id) => self.uuid(name, id),
            other => self.others.add(name, other),
        }
    }

    /// The encoded `BatchObject.Properties` message.
    pub(crate) fn finish(mut self) -> Vec<u8> {
        let mut others = self.others.into_batch();
        // A `Struct`'s encoding is its entries: the generic ones join ours.
        if let Some(scalars) = others.non_ref_properties.take() {
            scalars.encode_raw(&mut self.scalars);
        }
        let mut out = Vec::with_capacity(self.scalars.len() + 8 + others.encoded_len());
        length_delimited(NON_REF_PROPERTIES, &self.scalars, &mut out);
        others.encode_raw(&mut out);
        out
    }

    fn number_entry(&mut self, name: &str, value: f64) {
        let mut encoded = [0u8; 9];
        encoded[0] = key_byte(NUMBER_VALUE, WireType::SixtyFourBit);
        encoded[1..].copy_from_slice(&value.to_le_bytes());
        self.entry(name, &encoded);
    }

    fn string_entry(&mut self, name: &str, value: &[u8]) {
        let len = value.len() as u64;
        let value_len = 1 + encoded_len_varint(len) + value.len();
        self.entry_header(name, value_len);
        self.scalars.push(key_byte(STRING_VALUE, WireType::LengthDelimited));
        encode_varint(len, &mut self.scalars);
        self.scalars.extend_from_slice(value);
    }

    /// A map entry whose `google.protobuf.Value` is `value`, encoded.
    fn entry(&mut self, name: &str, value: &[u8]) {
        self.entry_header(name, value.len());
        self.scalars.extend_from_slice(value);
    }

    /// The start of a map entry: its key, and the header of a value of
    /// `value_len` bytes that follows.
    fn entry_header(&mut self, name: &str, value_len: usize) {
        let (name_len, value_len) = (name.len() as u64, value_len as u64);
        let entry_len = 1 + encoded_len_varint(name_len) + name.len() + 1 + encoded_len_varint(value_len);
        let entry_len = entry_len as u64 + value_len;
        let out = &mut self.scalars;
        out.push(key_byte(FIELDS, WireType::LengthDelimited));
        encode_varint(entry_len, out);
        out.push(key_byte(KEY, WireType::LengthDelimited));
        encode_varint(name_len, out);
        out.extend_from_slice(name.as_bytes());
        out.push(key_byte(VALUE, WireType::LengthDelimited));
        encode_varint(value_len, out);
    }
}

impl std::fmt::Debug for PropertyWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PropertyWriter").field("scalar_bytes", &self.scalars.len()).finish_non_exhaustive()
    }
}

/// Appends the length-delimited field `tag` holding `bytes`.
pub(crate) fn length_delimited(tag: u32, bytes: &[u8], out: &mut Vec<u8>) {
    encode_key(tag, WireType::LengthDelimited, out);
    encode_varint(bytes.len() as u64, out);
    out.extend_from_slice(bytes);
}

/// The one-byte key of a field numbered below 16.
const fn key_byte(tag: u32, wire_type: WireType) -> u8 {
    ((tag << 3) | wire_type as u32) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{Beacon, GeoCoordinates, PhoneNumber};
    use weaviate_orm_proto::v1 as pb;

    /// What the generic path makes of `values`.
    fn generic(values: &[(&str, PropertyValue)]) -> pb::batch_object::Properties {
        WriteProperties::from_values(values.iter().map(|(k, v)| (*k, v))).expect("encodable").into_batch()
    }

    #[test]
    fn written_bytes_decode_to_the_generic_message() {
        let date = DateTime::parse_from_rfc3339("2024-02-29T23:59:59.123456789+02:00").expect("date").to_utc();
        let values = [
            ("title", PropertyValue::Text("Grüße, a longer text than one hundred and twenty-eight bytes ".repeat(3))),
            ("empty", PropertyValue::Text(String::new())),
            ("count", PropertyValue::Int(-(1 << 53))),
            ("score", PropertyValue::Number(0.25)),
            ("active", PropertyValue::Bool(false)),
            ("published", PropertyValue::Date(date)),
            ("key", PropertyValue::Uuid(Uuid::from_u128(7))),
            ("missing", PropertyValue::Null),
            ("place", PropertyValue::Geo(GeoCoordinates { latitude: 52.5, longitude: 4.75 })),
            ("phone", PropertyValue::Phone(Box::new(PhoneNumber::new("020 1234567", Some("NL"))))),
            ("tags", PropertyValue::TextArray(vec!["a".into(), "b".into()])),
            ("none", PropertyValue::IntArray(vec![])),
            ("ranks", PropertyValue::NumberArray(vec![1.5, -2.0])),
            ("nested", PropertyValue::Object(vec![("inner".into(), PropertyValue::Int(1))])),
            (
                "author",
                PropertyValue::Reference {
                    beacons: vec![Beacon { collection: "Author".into(), id: Uuid::from_u128(1) }],
                    multi_target: false,
                    resolved: vec![],
                },
            ),
        ];
        let mut writer = PropertyWriter::default();
        for (name, value) in &values {
            writer.value(name, value).expect("writable");
        }
        let written = pb::batch_object::Properties::decode(writer.finish().as_slice()).expect("well-formed");
        assert_eq!(written, generic(&values));
    }

    #[test]
    fn values_the_server_would_change_are_refused() {
        let mut writer = PropertyWriter::default();
        assert!(writer.int("n", &(i64::MAX)).is_err());
        assert!(writer.number("x", &f64::NAN).is_err());
        assert!(writer.number("x", &f64::INFINITY).is_err());
        assert!(writer.value("xs", &PropertyValue::NumberArray(vec![f64::NAN])).is_err());
        let written = pb::batch_object::Properties::decode(writer.finish().as_slice()).expect("well-formed");
        assert_eq!(written, generic(&[]), "nothing was written");
    }
}
