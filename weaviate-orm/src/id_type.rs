//! [`IdType`]: the type of a `#[weaviate(id)]` field.

use uuid::Uuid;

/// A field type that can hold an object's id: `Uuid`.
#[diagnostic::on_unimplemented(
    message = "the `id` field must be a `Uuid`, not `{Self}`",
    label = "Weaviate object ids are UUIDs",
    note = "to make ids from other values, mark those fields #[weaviate(key)] instead of using an `id` field"
)]
pub trait IdType: Sized {
    /// The id to write.
    fn to_uuid(&self) -> Uuid;
    /// The field's value from the object's id.
    fn from_uuid(id: Uuid) -> Self;
}

impl IdType for Uuid {
    fn to_uuid(&self) -> Uuid {
        *self
    }

    fn from_uuid(id: Uuid) -> Self {
        id
    }
}
