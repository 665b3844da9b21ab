//! Reading what a search returns: an object's encoded `Properties` message
//! read straight into [`PropertyValue`]s, each under its name or, for the
//! names the caller will ask for, at its position ([`PropertyBag::from_wire`]);
//! and the generic messages (nested objects, lists) converted.
//!
//! The scalar kinds (text, numbers, booleans, dates, uuids) are read from
//! the bytes with no intermediate message; the others go through prost.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, Utc};
use prost::encoding::decode_varint;
use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use super::{Blob, GeoCoordinates, PhoneNumber, PropertyValue, ValueError};

/// Calls `entry` with the name and the encoded `Value` of each entry of an
/// encoded `Properties` message (`map<string, Value> fields = 1`).
pub(crate) fn for_each_entry<'a>(
    bytes: &'a [u8],
    mut entry: impl FnMut(&'a [u8], &'a [u8]) -> Result<(), ValueError>,
) -> Result<(), ValueError> {
    let mut fields = Fields(bytes);
    while let Some((tag, field)) = fields.next_field()? {
        let (1, Field::Bytes(encoded)) = (tag, field) else { continue };
        let (mut key, mut value): (&[u8], &[u8]) = (&[], &[]);
        let mut inner = Fields(encoded);
        while let Some((tag, field)) = inner.next_field()? {
            match (tag, field) {
                (1, Field::Bytes(bytes)) => key = bytes,
                (2, Field::Bytes(bytes)) => value = bytes,
                _ => {}
            }
        }
        entry(key, value)?;
    }
    Ok(())
}

/// An encoded `Value` message as a [`PropertyValue`].
pub(crate) fn value(bytes: &[u8]) -> Result<PropertyValue, ValueError> {
    let mut fields = Fields(bytes);
    let mut out = PropertyValue::Null;
    // A oneof: the last field of the kind wins, as in any protobuf reader.
    while let Some((tag, field)) = fields.next_field()? {
        out = match (tag, field) {
            (1, Field::Fixed64(bits)) => PropertyValue::Number(f64::from_le_bytes(bits)),
            (3, Field::Varint(flag)) => PropertyValue::Bool(flag != 0),
            (6, Field::Bytes(text)) => PropertyValue::Date(parse_date(utf8(text)?)?),
            (7, Field::Bytes(text)) => PropertyValue::Uuid(parse_uuid(utf8(text)?)?),
            #[allow(clippy::cast_possible_wrap)] // int64 travels as its two's complement
            (8, Field::Varint(int)) => PropertyValue::Int(int as i64),
            (12, Field::Varint(_)) => PropertyValue::Null,
            (13, Field::Bytes(text)) => PropertyValue::Text(utf8(text)?.to_owned()),
            // Nested objects, lists, geo, blobs and phone numbers: the generic message.
            (4 | 5 | 9 | 10 | 11, Field::Bytes(_)) => {
                let message = <pb::Value as prost::Message>::decode(bytes).map_err(malformed)?;
                return from_result(message);
            }
            (1 | 3 | 4..=13, _) => return Err(malformed("a value field of the wrong wire type")),
            _ => continue,
        };
    }
    Ok(out)
}

/// The protobuf fields of a message, one by one.
pub(crate) struct Fields<'a>(pub(crate) &'a [u8]);

/// One field's payload.
pub(crate) enum Field<'a> {
    Varint(u64),
    Fixed64([u8; 8]),
    Fixed32,
    Bytes(&'a [u8]),
}

/// Why bytes are no protobuf message (small, so the reading loop stays cheap).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Malformed(&'static str);

impl From<Malformed> for ValueError {
    fn from(Malformed(reason): Malformed) -> Self {
        malformed(reason)
    }
}

impl<'a> Fields<'a> {
    /// The next field's number and payload; `None` at the end.
    #[inline]
    pub(crate) fn next_field(&mut self) -> Result<Option<(u64, Field<'a>)>, Malformed> {
        if self.0.is_empty() {
            return Ok(None);
        }
        let key = self.varint()?;
        let field = match key & 7 {
            0 => Field::Varint(self.varint()?),
            1 => Field::Fixed64(self.take(8)?.try_into().map_err(|_| Malformed("a short fixed64"))?),
            2 => {
                let len = self.varint()?;
                Field::Bytes(self.take(usize::try_from(len).unwrap_or(usize::MAX))?)
            }
            5 => {
                self.take(4)?;
                Field::Fixed32
            }
            _ => return Err(Malformed("a protobuf group or an unknown wire type")),
        };
        match key >> 3 {
            0 => Err(Malformed("a field number of 0")),
            tag => Ok(Some((tag, field))),
        }
    }

    /// A varint; most (keys, lengths of short texts) are one byte.
    #[inline]
    fn varint(&mut self) -> Result<u64, Malformed> {
        match self.0.split_first() {
            Some((&byte, rest)) if byte < 0x80 => {
                self.0 = rest;
                Ok(u64::from(byte))
            }
            _ => decode_varint(&mut self.0).map_err(|_| Malformed("a malformed varint")),
        }
    }

    #[inline]
    fn take(&mut self, len: usize) -> Result<&'a [u8], Malformed> {
        let (taken, rest) = self.0.split_at_checked(len).ok_or(Malformed("a field past the message's end"))?;
        self.0 = rest;
        Ok(taken)
    }
}

fn utf8(bytes: &[u8]) -> Result<&str, ValueError> {
    std::str::from_utf8(bytes).map_err(malformed)
}

fn malformed(error: impl std::fmt::Display) -> ValueError {
    ValueError { expected: "a well-formed protobuf value".into(), found: error.to_string() }
}

/// A result value from a search, as a [`PropertyValue`].
pub(crate) fn from_result(value: pb::Value) -> Result<PropertyValue, ValueError> {
    use pb::value::Kind as K;
    let Some(kind) = value.kind else { return Ok(PropertyValue::Null) };
    Ok(match kind {
        K::NullValue(_) => PropertyValue::Null,
        K::TextValue(s) => PropertyValue::Text(s),
        K::IntValue(i) => PropertyValue::Int(i),
        K::NumberValue(n) => PropertyValue::Number(n),
        K::BoolValue(b) => PropertyValue::Bool(b),
        K::DateValue(s) => PropertyValue::Date(parse_date(&s)?),
        K::UuidValue(s) => PropertyValue::Uuid(parse_uuid(&s)?),
        K::BlobValue(s) => PropertyValue::Blob(Blob(
            BASE64.decode(s.as_bytes()).map_err(|e| ValueError { expected: "base64".into(), found: e.to_string() })?,
        )),
        K::GeoValue(g) => PropertyValue::Geo(GeoCoordinates { latitude: g.latitude, longitude: g.longitude }),
        K::PhoneValue(p) => PropertyValue::Phone(Box::new(PhoneNumber {
            input: p.input,
            default_country: non_empty(p.default_country),
            country_code: Some(p.country_code),
            national: Some(p.national),
            international_formatted: non_empty(p.international_formatted),
            national_formatted: non_empty(p.national_formatted),
            valid: Some(p.valid),
        })),
        K::ObjectValue(properties) => PropertyValue::Object(object_fields(properties)?),
        K::ListValue(list) => from_list(list)?,
    })
}

/// The fields of a nested object, sorted by name (the wire map has no order).
pub(crate) fn object_fields(properties: pb::Properties) -> Result<Vec<(String, PropertyValue)>, ValueError> {
    let mut fields =
        properties.fields.into_iter().map(|(k, v)| Ok((k, from_result(v)?))).collect::<Result<Vec<_>, ValueError>>()?;
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(fields)
}

fn from_list(list: pb::ListValue) -> Result<PropertyValue, ValueError> {
    use pb::list_value::Kind as L;
    Ok(match list.kind {
        // The server sends an empty list without a kind; its type is the schema's.
        None => PropertyValue::TextArray(Vec::new()),
        Some(L::TextValues(v)) => PropertyValue::TextArray(v.values),
        Some(L::BoolValues(v)) => PropertyValue::BoolArray(v.values),
        Some(L::IntValues(v)) => PropertyValue::IntArray(le_chunks(&v.values, i64::from_le_bytes)?),
        Some(L::NumberValues(v)) => PropertyValue::NumberArray(le_chunks(&v.values, f64::from_le_bytes)?),
        Some(L::DateValues(v)) => {
            PropertyValue::DateArray(v.values.iter().map(|s| parse_date(s)).collect::<Result<_, _>>()?)
        }
        Some(L::UuidValues(v)) => {
            PropertyValue::UuidArray(v.values.iter().map(|s| parse_uuid(s)).collect::<Result<_, _>>()?)
        }
        Some(L::ObjectValues(v)) => {
            PropertyValue::ObjectArray(v.values.into_iter().map(object_fields).collect::<Result<_, _>>()?)
        }
    })
}

fn le_chunks<T>(bytes: &[u8], convert: fn([u8; 8]) -> T) -> Result<Vec<T>, ValueError> {
    let chunks = bytes.chunks_exact(8);
    if !chunks.remainder().is_empty() {
        return Err(ValueError { expected: "a multiple of 8 bytes".into(), found: format!("{} bytes", bytes.len()) });
    }
    Ok(chunks.map(|c| convert(c.try_into().unwrap_or([0; 8]))).collect())
}

fn parse_date(s: &str) -> Result<DateTime<Utc>, ValueError> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|e| ValueError { expected: "an RFC 3339 date".into(), found: format!("{s:?} ({e})") })
}

fn parse_uuid(s: &str) -> Result<Uuid, ValueError> {
    Uuid::parse_str(s).map_err(|e| ValueError { expected: "a uuid".into(), found: format!("{s:?} ({e})") })
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use prost::Message;

    use super::*;
    use crate::value::wire::date_string;

    fn encoded(kind: pb::value::Kind) -> Vec<u8> {
        pb::Value { kind: Some(kind) }.encode_to_vec()
    }

    #[test]
    fn scalars_read_from_the_bytes_match_the_generic_decoding() {
        use pb::value::Kind;
        let kinds = [
            Kind::NumberValue(-1.5),
            Kind::BoolValue(true),
            Kind::BoolValue(false),
            Kind::DateValue("2024-02-29T21:59:59.123456789Z".into()),
            Kind::UuidValue("0b5e1a3c-7a1b-4f7e-9c1d-2a3b4c5d6e7f".into()),
            Kind::IntValue(-(1 << 53)),
            Kind::IntValue(0),
            Kind::NullValue(0),
            Kind::TextValue("Grüße".into()),
            Kind::TextValue(String::new()),
            Kind::BlobValue("AAEC".into()),
            Kind::GeoValue(pb::GeoCoordinate { longitude: 2.5, latitude: -1.0 }),
        ];
        for kind in kinds {
            let bytes = encoded(kind.clone());
            assert_eq!(value(&bytes), from_result(pb::Value { kind: Some(kind) }), "{bytes:?}");
        }
        assert_eq!(value(&[]), Ok(PropertyValue::Null));
    }

    #[test]
    fn malformed_values_are_errors_not_panics() {
        let text = encoded(pb::value::Kind::TextValue("abc".into()));
        for end in 1..text.len() {
            assert!(value(&text[..end]).is_err(), "{end}");
        }
        assert!(value(&[0x6a, 0x02, 0xff, 0xfe]).is_err(), "invalid UTF-8 in a text value");
        assert!(value(&[0x08, 0x01]).is_err(), "a number as a varint");
        assert!(for_each_entry(&[0x0a, 0x05, 0x0a], |_, _| Ok(())).is_err());
    }

    #[test]
    fn entries_are_named_with_their_values() {
        let properties = pb::Properties {
            fields: [("a".to_owned(), pb::Value { kind: Some(pb::value::Kind::IntValue(7)) })].into(),
        };
        let mut seen = Vec::new();
        for_each_entry(&properties.encode_to_vec(), |key, bytes| {
            seen.push((key.to_vec(), value(bytes)?));
            Ok(())
        })
        .expect("well-formed");
        assert_eq!(seen, vec![(b"a".to_vec(), PropertyValue::Int(7))]);
    }

    #[test]
    fn results_decode_packed_arrays() {
        let bytes: Vec<u8> = [7i64, -1].iter().flat_map(|v| v.to_le_bytes()).collect();
        let list = pb::ListValue { kind: Some(pb::list_value::Kind::IntValues(pb::IntValues { values: bytes })) };
        let value = pb::Value { kind: Some(pb::value::Kind::ListValue(list)) };
        assert_eq!(from_result(value), Ok(PropertyValue::IntArray(vec![7, -1])));
        assert!(le_chunks(&[1, 2, 3], i64::from_le_bytes).is_err());
    }

    #[test]
    fn dates_keep_nanoseconds_in_utc() {
        let date =
            DateTime::parse_from_rfc3339("2024-02-29T23:59:59.123456789+02:00").expect("date").with_timezone(&Utc);
        assert_eq!(date_string(&date), "2024-02-29T21:59:59.123456789Z");
        assert_eq!(parse_date(&date_string(&date)), Ok(date));
    }
}
