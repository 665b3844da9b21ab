//! Property values: the Rust types that map to Weaviate data types
//! ([`PropertyType`]), the crate's own value representation
//! ([`PropertyValue`]), and the special types Weaviate has
//! ([`GeoCoordinates`], [`PhoneNumber`], [`Blob`]).

mod assign;
mod bag;
mod beacon;
mod error;
pub(crate) mod json;
mod object;
mod property_type;
mod property_value;
pub(crate) mod read;
mod special;
pub(crate) mod wire;
pub(crate) mod writer;

pub use assign::AssignableTo;
pub use beacon::Beacon;
pub(crate) use error::finite;
pub use error::{PropertyError, ValueError};
pub use object::ObjectArray;
pub use property_type::{ArrayElement, PropertyType};
pub use property_value::{PropertyBag, PropertyValue, ResolvedObject};
pub use special::{Blob, GeoCoordinates, PhoneNumber};
pub use writer::PropertyWriter;
