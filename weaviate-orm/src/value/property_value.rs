//! [`PropertyValue`]: one property value as the crate carries it between
//! Rust types and both wire formats, with the objects a reference resolves
//! to ([`ResolvedObject`], whose properties are a [`PropertyBag`]).

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Beacon, Blob, GeoCoordinates, PhoneNumber, ValueError};
use crate::schema::DataType;
use crate::vector::Vector;

/// A reference's target read with its properties (see
/// [`Query::resolve_references`](crate::query::Query::resolve_references)).
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedObject {
    /// Which object it is.
    pub beacon: Beacon,
    /// Its properties, as the server returned them.
    pub properties: PropertyBag,
}

/// One property value, as written to or read from Weaviate.
///
/// The crate converts between this and both wire formats (gRPC messages and
/// REST JSON); user types convert to and from it through [`PropertyType`](super::PropertyType).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum PropertyValue {
    /// No value (a `None`, or a property the object does not have).
    Null,
    /// `text`.
    Text(String),
    /// `int`.
    Int(i64),
    /// `number`.
    Number(f64),
    /// `boolean`.
    Bool(bool),
    /// `date`.
    Date(DateTime<Utc>),
    /// `uuid`.
    Uuid(Uuid),
    /// `geoCoordinates`.
    Geo(GeoCoordinates),
    /// `phoneNumber` (boxed: the largest kind, it would make every value as large).
    Phone(Box<PhoneNumber>),
    /// `blob`.
    Blob(Blob),
    /// `text[]`.
    TextArray(Vec<String>),
    /// `int[]`.
    IntArray(Vec<i64>),
    /// `number[]`.
    NumberArray(Vec<f64>),
    /// `boolean[]`.
    BoolArray(Vec<bool>),
    /// `date[]`.
    DateArray(Vec<DateTime<Utc>>),
    /// `uuid[]`.
    UuidArray(Vec<Uuid>),
    /// `object`: named sub-properties.
    Object(Vec<(String, PropertyValue)>),
    /// `object[]`.
    ObjectArray(Vec<Vec<(String, PropertyValue)>>),
    /// A cross-reference: the objects it points to.
    Reference {
        /// The objects, in order.
        beacons: Vec<Beacon>,
        /// Whether the property may point into several collections (each
        /// beacon then travels with its collection's name).
        multi_target: bool,
        /// The target objects with their properties, when the query
        /// resolved the reference.
        resolved: Vec<ResolvedObject>,
    },
}

impl PropertyValue {
    /// Whether this is an array without elements.
    pub fn is_empty_array(&self) -> bool {
        match self {
            Self::TextArray(v) => v.is_empty(),
            Self::IntArray(v) => v.is_empty(),
            Self::NumberArray(v) => v.is_empty(),
            Self::BoolArray(v) => v.is_empty(),
            Self::DateArray(v) => v.is_empty(),
            Self::UuidArray(v) => v.is_empty(),
            Self::ObjectArray(v) => v.is_empty(),
            _ => false,
        }
    }

    /// The kind of value, for error messages (`"text"`, `"int[]"`, `"null"`...).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Text(_) => DataType::Text.name(),
            Self::Int(_) => DataType::Int.name(),
            Self::Number(_) => DataType::Number.name(),
            Self::Bool(_) => DataType::Boolean.name(),
            Self::Date(_) => DataType::Date.name(),
            Self::Uuid(_) => DataType::Uuid.name(),
            Self::Geo(_) => DataType::GeoCoordinates.name(),
            Self::Phone(_) => DataType::PhoneNumber.name(),
            Self::Blob(_) => DataType::Blob.name(),
            Self::TextArray(_) => DataType::TextArray.name(),
            Self::IntArray(_) => DataType::IntArray.name(),
            Self::NumberArray(_) => DataType::NumberArray.name(),
            Self::BoolArray(_) => DataType::BooleanArray.name(),
            Self::DateArray(_) => DataType::DateArray.name(),
            Self::UuidArray(_) => DataType::UuidArray.name(),
            Self::Object(_) => "object",
            Self::ObjectArray(_) => "object[]",
            Self::Reference { .. } => "reference",
        }
    }
}

/// The properties of one returned object, taken out one by one while decoding.
///
/// Its methods are in `bag.rs`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PropertyBag {
    /// Properties by name.
    pub(super) properties: Vec<(String, PropertyValue)>,
    /// Properties by position among the names the reader asks for
    /// ([`PropertyBag::take_at`]); empty unless made with those names.
    pub(super) slots: Vec<(&'static str, PropertyValue)>,
    pub(super) vectors: Vec<(String, Vector)>,
}

impl ValueError {
    /// A value of the wrong kind.
    pub fn mismatch(expected: impl Into<String>, found: &PropertyValue) -> Self {
        Self { expected: expected.into(), found: found.kind().to_owned() }
    }
}
