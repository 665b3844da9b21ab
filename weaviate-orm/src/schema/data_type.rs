//! Weaviate's data types.

use super::PropertyConfig;

/// The data type of a property.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum DataType {
    /// `text`.
    Text,
    /// `text[]`.
    TextArray,
    /// `int` (64-bit).
    Int,
    /// `int[]`.
    IntArray,
    /// `number` (64-bit float).
    Number,
    /// `number[]`.
    NumberArray,
    /// `boolean`.
    Boolean,
    /// `boolean[]`.
    BooleanArray,
    /// `date` (RFC 3339).
    Date,
    /// `date[]`.
    DateArray,
    /// `uuid`.
    Uuid,
    /// `uuid[]`.
    UuidArray,
    /// `geoCoordinates`.
    GeoCoordinates,
    /// `phoneNumber`.
    PhoneNumber,
    /// `blob` (base64).
    Blob,
    /// `object`, with its nested properties.
    Object(Vec<PropertyConfig>),
    /// `object[]`, with the nested properties of each element.
    ObjectArray(Vec<PropertyConfig>),
    /// A cross-reference to objects of the named collections.
    Reference(Vec<String>),
}

impl DataType {
    /// The name Weaviate uses, e.g. `"text[]"`; `"reference"` for references.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::TextArray => "text[]",
            Self::Int => "int",
            Self::IntArray => "int[]",
            Self::Number => "number",
            Self::NumberArray => "number[]",
            Self::Boolean => "boolean",
            Self::BooleanArray => "boolean[]",
            Self::Date => "date",
            Self::DateArray => "date[]",
            Self::Uuid => "uuid",
            Self::UuidArray => "uuid[]",
            Self::GeoCoordinates => "geoCoordinates",
            Self::PhoneNumber => "phoneNumber",
            Self::Blob => "blob",
            Self::Object(_) => "object",
            Self::ObjectArray(_) => "object[]",
            Self::Reference(_) => "reference",
        }
    }

    /// The type called `name`, for every type without nested parts (so not
    /// `object`, `object[]` or references).
    pub fn from_name(name: &str) -> Option<Self> {
        let flat = [
            Self::Text,
            Self::TextArray,
            Self::Int,
            Self::IntArray,
            Self::Number,
            Self::NumberArray,
            Self::Boolean,
            Self::BooleanArray,
            Self::Date,
            Self::DateArray,
            Self::Uuid,
            Self::UuidArray,
            Self::GeoCoordinates,
            Self::PhoneNumber,
            Self::Blob,
        ];
        flat.into_iter().find(|t| t.name() == name)
    }

    /// The `dataType` array of the schema JSON: the type name, or the target
    /// collections of a reference.
    pub fn schema_names(&self) -> Vec<String> {
        match self {
            Self::Reference(targets) => targets.clone(),
            other => vec![other.name().to_owned()],
        }
    }

    /// The nested properties of `object` and `object[]`.
    pub fn nested_properties(&self) -> Option<&[PropertyConfig]> {
        match self {
            Self::Object(nested) | Self::ObjectArray(nested) => Some(nested),
            _ => None,
        }
    }

    /// Whether values of this type are text that can be tokenized.
    pub fn is_text(&self) -> bool {
        matches!(self, Self::Text | Self::TextArray)
    }
}
