//! [`Object`]: a typed object with its id.

use uuid::Uuid;

/// A typed object with its id.
#[derive(Debug, Clone, PartialEq)]
pub struct Object<T> {
    /// The object's id.
    pub id: Uuid,
    /// Its properties.
    pub properties: T,
}
