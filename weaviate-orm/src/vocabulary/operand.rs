//! Which operators each field type supports, and which Rust values can be
//! compared with it. The traits are markers on the field's Rust type; a
//! missing one is a compile error that says what the operator needs.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::ast::Value;
use crate::value::wire::date_string;
use crate::value::{Blob, GeoCoordinates, PhoneNumber};

/// A field type that filters can test; `Base` is the type of the values
/// it is compared with (`i64` for `i32` and `Option<i64>`, `String` for `Vec<String>`...).
#[diagnostic::on_unimplemented(
    message = "fields of type `{Self}` cannot be filtered",
    label = "this field's type has no filter operators"
)]
pub trait Filterable {
    /// The type of the values this field is compared with.
    type Base;
}

/// Field types with `equal` and `not_equal`.
#[diagnostic::on_unimplemented(
    message = "fields of type `{Self}` cannot be compared with `equal`",
    label = "no equality on this field",
    note = "equality works on text, int, number, boolean, date and uuid fields, their arrays and options"
)]
pub trait Equatable: Filterable {}

/// Field types with `greater_than`, `less_than` and their `_or_equal` forms.
#[diagnostic::on_unimplemented(
    message = "fields of type `{Self}` have no order",
    label = "`greater_than`, `less_than` and their `_or_equal` forms need an ordered field",
    note = "ordering works on int, number and date fields (and their options)"
)]
pub trait Ordered: Filterable {}

/// Text field types: `like`, keyword (BM25) search and reranking.
#[diagnostic::on_unimplemented(
    message = "fields of type `{Self}` are not text",
    label = "`like`, keyword search and reranking need a text field",
    note = "text fields are String, Option<String> and Vec<String>"
)]
pub trait TextLike: Filterable {}

/// Field types with `contains_any`, `contains_all` and `contains_none`.
#[diagnostic::on_unimplemented(
    message = "fields of type `{Self}` are not arrays",
    label = "`contains_any`, `contains_all` and `contains_none` need an array field",
    note = "use `equal` for a single value, or make the field a `Vec<_>`"
)]
pub trait Array: Filterable {}

/// Field types with `within_geo_range`.
#[diagnostic::on_unimplemented(
    message = "fields of type `{Self}` are not geo coordinates",
    label = "`within_geo_range` needs a `GeoCoordinates` field"
)]
pub trait Geo: Filterable {}

/// Field types with `length`.
#[diagnostic::on_unimplemented(
    message = "fields of type `{Self}` have no length",
    label = "`length` needs a text or array field"
)]
pub trait HasLength: Filterable {}

/// Field types the server can sort by.
#[diagnostic::on_unimplemented(
    message = "fields of type `{Self}` cannot be sorted",
    label = "sorting works on text, int, number, boolean and date fields (their arrays and options too)",
    note = "references, uuids, nested objects, geo coordinates, phone numbers and blobs have no order"
)]
pub trait Sortable: Filterable {}

/// Field types a vector search can group its results by.
#[diagnostic::on_unimplemented(
    message = "results cannot be grouped by fields of type `{Self}`",
    label = "group by a text, int, number, boolean, date, uuid, geo, phone or blob property (or an array of one)",
    note = "references and nested objects hold no single value to group by"
)]
pub trait Groupable: Filterable {}

/// A Rust value that a field whose values are `B`s can be compared with.
#[diagnostic::on_unimplemented(
    message = "a `{Self}` cannot be compared with this field, whose values are `{B}`",
    label = "expected a value of type `{B}` (or one that converts to it)"
)]
pub trait Operand<B> {
    /// The value as a filter value.
    #[doc(hidden)]
    fn into_value(self) -> Value;

    /// Several values as an array filter value.
    #[doc(hidden)]
    fn into_array(values: impl IntoIterator<Item = Self>) -> Value
    where
        Self: Sized;
}

/// Implements `Operand<$base>` for `$ty`, going through one conversion to
/// the scalar and array forms of `Value`.
macro_rules! operand {
    ($base:ty: $($ty:ty),+ => $scalar:ident($convert:expr), $array:ident) => {$(
        impl Operand<$base> for $ty {
            fn into_value(self) -> Value {
                Value::$scalar($convert(self))
            }
            fn into_array(values: impl IntoIterator<Item = Self>) -> Value {
                Value::$array(values.into_iter().map($convert).collect())
            }
        }
    )+};
}

operand!(String: String => Text(|v| v), TextArray);
operand!(String: &str, &String => Text(String::from), TextArray);
operand!(String: &&str => Text(|v: &&str| (*v).to_owned()), TextArray);
operand!(i64: i64, i32, u32, i16, u16, i8, u8 => Int(i64::from), IntArray);
operand!(i64: &i64 => Int(|v: &i64| *v), IntArray);
operand!(i64: &i32 => Int(|v: &i32| i64::from(*v)), IntArray);
// Number fields take floats and the integers an f64 holds exactly (`score.gt(1)`).
operand!(f64: f64, f32, i32, u32, i16, u16, i8, u8 => Number(f64::from), NumberArray);
operand!(f64: &f64 => Number(|v: &f64| *v), NumberArray);
operand!(f64: &f32 => Number(|v: &f32| f64::from(*v)), NumberArray);
operand!(bool: bool => Bool(|v| v), BoolArray);
operand!(bool: &bool => Bool(|v: &bool| *v), BoolArray);
operand!(DateTime<Utc>: DateTime<Utc> => Text(|v: DateTime<Utc>| date_string(&v)), TextArray);
operand!(DateTime<Utc>: &DateTime<Utc> => Text(date_string), TextArray);
operand!(Uuid: Uuid => Text(|v: Uuid| v.to_string()), TextArray);
operand!(Uuid: &Uuid => Text(Uuid::to_string), TextArray);

/// The object's id, as a filter target ([`Filter::by_id`](crate::query::Filter::by_id)).
#[derive(Debug, Clone, Copy)]
pub struct ObjectId;

/// The object's creation or last-update time, as a filter target
/// ([`Filter::by_creation_time`](crate::query::Filter::by_creation_time),
/// [`Filter::by_update_time`](crate::query::Filter::by_update_time)).
#[derive(Debug, Clone, Copy)]
pub struct Timestamp;

/// Implements `Filterable` with `Base = $base` and the listed markers.
macro_rules! markers {
    ($($ty:ty => $base:ty: $($marker:ident),*;)+) => {$(
        impl Filterable for $ty {
            type Base = $base;
        }
        $(impl $marker for $ty {})*
    )+};
}

markers! {
    String => String: Equatable, TextLike, HasLength, Sortable, Groupable;
    i64 => i64: Equatable, Ordered, Sortable, Groupable;
    i32 => i64: Equatable, Ordered, Sortable, Groupable;
    f64 => f64: Equatable, Ordered, Sortable, Groupable;
    f32 => f64: Equatable, Ordered, Sortable, Groupable;
    bool => bool: Equatable, Sortable, Groupable;
    DateTime<Utc> => DateTime<Utc>: Equatable, Ordered, Sortable, Groupable;
    Uuid => Uuid: Equatable, Groupable;
    GeoCoordinates => GeoCoordinates: Geo, Groupable;
    PhoneNumber => PhoneNumber: Groupable;
    Blob => Blob: Groupable;
    Vec<String> => String: Equatable, Array, TextLike, HasLength, Sortable, Groupable;
    Vec<i64> => i64: Equatable, Array, HasLength, Sortable, Groupable;
    Vec<i32> => i64: Equatable, Array, HasLength, Sortable, Groupable;
    Vec<f64> => f64: Equatable, Array, HasLength, Sortable, Groupable;
    Vec<f32> => f64: Equatable, Array, HasLength, Sortable, Groupable;
    Vec<bool> => bool: Equatable, Array, HasLength, Sortable, Groupable;
    Vec<DateTime<Utc>> => DateTime<Utc>: Equatable, Array, HasLength, Sortable, Groupable;
    Vec<Uuid> => Uuid: Equatable, Array, HasLength, Groupable;
    ObjectId => Uuid: Equatable, Array;
    Timestamp => DateTime<Utc>: Equatable, Ordered, Sortable;
}

// An optional field filters like the field itself.
impl<T: Filterable> Filterable for Option<T> {
    type Base = T::Base;
}
impl<T: Equatable> Equatable for Option<T> {}
impl<T: Ordered> Ordered for Option<T> {}
impl<T: TextLike> TextLike for Option<T> {}
impl<T: Array> Array for Option<T> {}
impl<T: Geo> Geo for Option<T> {}
impl<T: HasLength> HasLength for Option<T> {}
impl<T: Sortable> Sortable for Option<T> {}
impl<T: Groupable> Groupable for Option<T> {}
