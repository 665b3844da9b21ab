//! [`PropertyType`]: which Rust types can be Weaviate properties, and how
//! they convert to and from [`PropertyValue`].

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Blob, GeoCoordinates, PhoneNumber, PropertyValue, PropertyWriter, ValueError};
use crate::schema::DataType;

/// A Rust type that can be the type of a collection's property.
///
/// Implemented for `String`, `i64`, `i32`, `f64`, `f32`, `bool`,
/// `DateTime<Utc>`, `Uuid`, [`GeoCoordinates`], [`PhoneNumber`], [`Blob`],
/// `Vec<T>` of the scalar ones (Weaviate's array types), and `Option<T>`
/// (absent values). Implement it for your own newtypes by delegating:
///
/// ```
/// use weaviate_orm::schema::DataType;
/// use weaviate_orm::value::{PropertyType, PropertyValue, ValueError};
///
/// struct Email(String);
///
/// impl PropertyType for Email {
///     fn data_type() -> DataType { String::data_type() }
///     fn to_value(&self) -> PropertyValue { self.0.to_value() }
///     fn from_value(value: PropertyValue) -> Result<Self, ValueError> {
///         String::from_value(value).map(Email)
///     }
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the type of a Weaviate property",
    label = "no Weaviate data type for this field's type",
    note = "supported: String, i64, i32, f64, f32, bool, DateTime<Utc>, Uuid, GeoCoordinates, PhoneNumber, Blob, \
            Vec<_> of those, structs with #[derive(WeaviateObject)] (and Vecs of them), Ref<_>, \
            and Option<_> of any of them",
    note = "for your own type, implement `weaviate_orm::value::PropertyType`"
)]
pub trait PropertyType: Sized {
    /// The Weaviate data type of the property.
    fn data_type() -> DataType;

    /// The value to write.
    fn to_value(&self) -> PropertyValue;

    /// The Rust value from what the server returned.
    fn from_value(value: PropertyValue) -> Result<Self, ValueError>;

    /// Writes the value as the property `name` of an object being encoded
    /// for a batch. The default writes [`to_value`](Self::to_value); texts,
    /// numbers, booleans, dates and uuids write themselves, with no copy.
    fn write(&self, name: &str, out: &mut PropertyWriter) -> Result<(), ValueError> {
        out.value(name, &self.to_value())
    }
}

/// Scalar types that also form Weaviate arrays (`Vec<T>` → `T[]`).
#[diagnostic::on_unimplemented(
    message = "`Vec<{Self}>` cannot be the type of a Weaviate property",
    label = "Weaviate has no array type of `{Self}`",
    note = "arrays exist of String, i64, i32, f64, f32, bool, DateTime<Utc> and Uuid"
)]
pub trait ArrayElement: Sized {
    /// The array's data type.
    fn array_data_type() -> DataType;
    /// The array value to write.
    fn to_array_value(items: &[Self]) -> PropertyValue;
    /// The elements from what the server returned.
    fn from_array_value(value: PropertyValue) -> Result<Vec<Self>, ValueError>;
}

impl<T: PropertyType> PropertyType for Option<T> {
    fn data_type() -> DataType {
        T::data_type()
    }

    fn to_value(&self) -> PropertyValue {
        self.as_ref().map_or(PropertyValue::Null, T::to_value)
    }

    fn from_value(value: PropertyValue) -> Result<Self, ValueError> {
        match value {
            PropertyValue::Null => Ok(None),
            value => T::from_value(value).map(Some),
        }
    }

    fn write(&self, name: &str, out: &mut PropertyWriter) -> Result<(), ValueError> {
        self.as_ref().map_or(Ok(()), |value| value.write(name, out))
    }
}

impl<T: ArrayElement> PropertyType for Vec<T> {
    fn data_type() -> DataType {
        T::array_data_type()
    }

    fn to_value(&self) -> PropertyValue {
        T::to_array_value(self)
    }

    fn from_value(value: PropertyValue) -> Result<Self, ValueError> {
        T::from_array_value(value)
    }
}

/// Implements `PropertyType` for a type that is one variant of
/// `PropertyValue` (with `$write`, its own `write`).
macro_rules! single {
    ($ty:ty, $data_type:ident, $variant:ident $(, $write:item)?) => {
        impl PropertyType for $ty {
            fn data_type() -> DataType {
                DataType::$data_type
            }
            fn to_value(&self) -> PropertyValue {
                PropertyValue::$variant(self.clone())
            }
            fn from_value(value: PropertyValue) -> Result<Self, ValueError> {
                match value {
                    PropertyValue::$variant(v) => Ok(v),
                    other => Err(ValueError::mismatch(DataType::$data_type.name(), &other)),
                }
            }
            $($write)?
        }
    };
}

/// Implements both traits for a type that is one variant of `PropertyValue`
/// and whose arrays are another; `$write` is the [`PropertyWriter`] method
/// that writes it.
macro_rules! scalar {
    ($ty:ty, $data_type:ident, $variant:ident, $array_type:ident, $array_variant:ident, $write:ident) => {
        single!(
            $ty,
            $data_type,
            $variant,
            fn write(&self, name: &str, out: &mut PropertyWriter) -> Result<(), ValueError> {
                out.$write(name, self)
            }
        );

        impl ArrayElement for $ty {
            fn array_data_type() -> DataType {
                DataType::$array_type
            }
            fn to_array_value(items: &[Self]) -> PropertyValue {
                PropertyValue::$array_variant(items.to_vec())
            }
            fn from_array_value(value: PropertyValue) -> Result<Vec<Self>, ValueError> {
                match value {
                    PropertyValue::$array_variant(v) => Ok(v),
                    // Empty lists come back untyped.
                    empty if empty.is_empty_array() => Ok(Vec::new()),
                    other => Err(ValueError::mismatch(DataType::$array_type.name(), &other)),
                }
            }
        }
    };
}

scalar!(String, Text, Text, TextArray, TextArray, text);
scalar!(i64, Int, Int, IntArray, IntArray, int);
scalar!(f64, Number, Number, NumberArray, NumberArray, number);
scalar!(bool, Boolean, Bool, BooleanArray, BoolArray, bool);
scalar!(DateTime<Utc>, Date, Date, DateArray, DateArray, date);
scalar!(Uuid, Uuid, Uuid, UuidArray, UuidArray, uuid);

/// Implements both traits for a type stored through a wider one
/// (`i32` as `int`, `f32` as `number`), checking the range on the way back.
macro_rules! narrowed {
    ($ty:ty, $wide:ty, $narrow:expr) => {
        impl PropertyType for $ty {
            fn data_type() -> DataType {
                <$wide>::data_type()
            }
            fn to_value(&self) -> PropertyValue {
                <$wide>::from(*self).to_value()
            }
            fn write(&self, name: &str, out: &mut PropertyWriter) -> Result<(), ValueError> {
                <$wide>::from(*self).write(name, out)
            }
            fn from_value(value: PropertyValue) -> Result<Self, ValueError> {
                let wide = <$wide>::from_value(value)?;
                $narrow(wide).ok_or_else(|| ValueError {
                    expected: stringify!($ty).to_owned(),
                    found: format!("{wide}, which is out of range"),
                })
            }
        }

        impl ArrayElement for $ty {
            fn array_data_type() -> DataType {
                <$wide>::array_data_type()
            }
            fn to_array_value(items: &[Self]) -> PropertyValue {
                let wide: Vec<$wide> = items.iter().map(|v| <$wide>::from(*v)).collect();
                <$wide>::to_array_value(&wide)
            }
            fn from_array_value(value: PropertyValue) -> Result<Vec<Self>, ValueError> {
                <$wide>::from_array_value(value)?
                    .into_iter()
                    .map(|wide| {
                        $narrow(wide).ok_or_else(|| ValueError {
                            expected: stringify!($ty).to_owned(),
                            found: format!("{wide}, which is out of range"),
                        })
                    })
                    .collect()
            }
        }
    };
}

narrowed!(i32, i64, |v: i64| i32::try_from(v).ok());
// An f32 widened to f64 narrows back exactly; other numbers must fit.
narrowed!(f32, f64, |v: f64| {
    #[allow(clippy::cast_possible_truncation)]
    let narrow = v as f32;
    (f64::from(narrow) == v || v.is_nan()).then_some(narrow)
});

// Special types, which have no array form.
single!(GeoCoordinates, GeoCoordinates, Geo);
single!(Blob, Blob, Blob);

impl PropertyType for PhoneNumber {
    fn data_type() -> DataType {
        DataType::PhoneNumber
    }
    fn to_value(&self) -> PropertyValue {
        PropertyValue::Phone(Box::new(self.clone()))
    }
    fn from_value(value: PropertyValue) -> Result<Self, ValueError> {
        match value {
            PropertyValue::Phone(phone) => Ok(*phone),
            other => Err(ValueError::mismatch(DataType::PhoneNumber.name(), &other)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_map_none_to_null_and_back() {
        assert_eq!(Option::<String>::None.to_value(), PropertyValue::Null);
        assert_eq!(Option::<String>::from_value(PropertyValue::Null), Ok(None));
        assert_eq!(Option::<i64>::from_value(PropertyValue::Int(3)), Ok(Some(3)));
        assert_eq!(Option::<Vec<i64>>::data_type(), DataType::IntArray);
    }

    #[test]
    fn required_values_reject_null_and_wrong_kinds() {
        assert_eq!(String::from_value(PropertyValue::Null).unwrap_err().to_string(), "expected text, found null");
        assert_eq!(
            i64::from_value(PropertyValue::Text("1".into())).unwrap_err().to_string(),
            "expected int, found text"
        );
    }

    #[test]
    fn narrow_types_check_their_range() {
        assert_eq!(i32::from_value(PropertyValue::Int(7)), Ok(7));
        assert!(i32::from_value(PropertyValue::Int(i64::from(i32::MAX) + 1)).is_err());
        assert_eq!(f32::from_value(0.1f32.to_value()), Ok(0.1f32));
        assert!(f32::from_value(PropertyValue::Number(0.1)).is_err());
        assert_eq!(Vec::<i32>::from_value(vec![1i32, -2].to_value()), Ok(vec![1, -2]));
    }

    #[test]
    fn arrays_have_array_types() {
        assert_eq!(Vec::<String>::data_type(), DataType::TextArray);
        assert_eq!(Vec::<f32>::data_type(), DataType::NumberArray);
        assert_eq!(Vec::<Uuid>::data_type(), DataType::UuidArray);
        assert_eq!(Vec::<bool>::from_value(PropertyValue::BoolArray(vec![])), Ok(vec![]));
    }
}
