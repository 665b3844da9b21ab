//! [`Beacon`]: the address of one object, as references hold it.

use uuid::Uuid;

/// One object a reference points to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Beacon {
    /// The collection of the object.
    pub collection: String,
    /// The object's id.
    pub id: Uuid,
}
