//! The model: a Rust type that is a collection ([`WeaviateCollection`]),
//! its typed objects ([`Object`]), its references ([`Ref`]), and the
//! registry of every derived collection in the program.

mod object;
mod reference;
mod registry;
mod weaviate_collection;

pub use object::Object;
pub use reference::{At, Ref, RefTargets, Targets};
pub(crate) use registry::registered_config;
pub use registry::{RegisteredCollection, registered_collections};
pub use weaviate_collection::WeaviateCollection;
