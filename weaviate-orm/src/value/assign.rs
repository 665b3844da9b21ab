//! [`AssignableTo`]: the Rust values a partial update may write to a
//! property, beyond the property's own type: `&str` for text, smaller
//! integers for `int`, integers and `f32` for `number`, and a plain value
//! for an optional property.

use super::PropertyType;

/// A Rust value that can be written to a property whose Rust type is `V`.
#[diagnostic::on_unimplemented(
    message = "a `{Self}` cannot be written to this field, whose type is `{V}`",
    label = "expected `{V}`, or a value that converts to it without loss"
)]
pub trait AssignableTo<V> {
    /// The value as a `V`.
    fn assign(self) -> V;
}

impl<V: PropertyType> AssignableTo<V> for V {
    fn assign(self) -> V {
        self
    }
}

impl<V: PropertyType> AssignableTo<Option<V>> for V {
    fn assign(self) -> Option<V> {
        Some(self)
    }
}

/// `$ty` converts losslessly (`From`) into `$target`, and into its option.
macro_rules! assignable {
    ($target:ty: $($ty:ty),+) => {$(
        impl AssignableTo<$target> for $ty {
            fn assign(self) -> $target {
                <$target>::from(self)
            }
        }
        impl AssignableTo<Option<$target>> for $ty {
            fn assign(self) -> Option<$target> {
                Some(<$target>::from(self))
            }
        }
    )+};
}

assignable!(String: &str, &String);
assignable!(i64: i32, u32, i16, u16, i8, u8);
assignable!(f64: f32, i32, u32, i16, u16, i8, u8);
