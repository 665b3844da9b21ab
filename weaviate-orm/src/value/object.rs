//! Nested objects: structs with `#[derive(WeaviateObject)]` are `object`
//! properties, and `Vec`s of them are `object[]` properties.

use super::PropertyBag;
use super::PropertyError;
use super::property_type::ArrayElement;
use super::{PropertyType, PropertyValue, ValueError};
use crate::schema::DataType;

/// A struct that is the value of an `object` property; derive it with
/// `#[derive(WeaviateObject)]`, which also implements [`PropertyType`].
/// `Vec<T>` of such a type is an `object[]` property.
#[diagnostic::on_unimplemented(
    message = "`Vec<{Self}>` cannot be the type of a Weaviate property",
    label = "arrays hold text, int, number, boolean, date or uuid values, or structs with #[derive(WeaviateObject)]",
    note = "Weaviate has no arrays of geo coordinates, phone numbers, blobs, references or arrays"
)]
pub trait ObjectArray: PropertyType {
    /// The nested properties of an object value, to decode field by field.
    #[doc(hidden)]
    fn object_bag(value: PropertyValue) -> Result<PropertyBag, ValueError> {
        match value {
            PropertyValue::Object(fields) => Ok(PropertyBag::new(fields)),
            other => Err(ValueError::mismatch("object", &other)),
        }
    }
}

impl<T: ObjectArray> ArrayElement for T {
    fn array_data_type() -> DataType {
        match T::data_type() {
            DataType::Object(nested) => DataType::ObjectArray(nested),
            other => other,
        }
    }

    fn to_array_value(items: &[Self]) -> PropertyValue {
        let objects = items
            .iter()
            .map(|item| match item.to_value() {
                PropertyValue::Object(fields) => fields,
                _ => Vec::new(),
            })
            .collect();
        PropertyValue::ObjectArray(objects)
    }

    fn from_array_value(value: PropertyValue) -> Result<Vec<Self>, ValueError> {
        match value {
            PropertyValue::ObjectArray(items) => {
                items.into_iter().map(|fields| T::from_value(PropertyValue::Object(fields))).collect()
            }
            // Empty lists come back untyped.
            empty if empty.is_empty_array() => Ok(Vec::new()),
            other => Err(ValueError::mismatch("object[]", &other)),
        }
    }
}

impl ValueError {
    /// The error of a nested property, as the error of its object.
    pub fn nested(error: PropertyError) -> Self {
        Self { expected: format!("{} in `{}`", error.source.expected, error.property), found: error.source.found }
    }
}
