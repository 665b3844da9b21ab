//! [`WeaviateCollection`]: a Rust type that is a Weaviate collection.

use uuid::Uuid;

use crate::schema::CollectionConfig;
use crate::value::{PropertyBag, PropertyError, PropertyValue, PropertyWriter};
use crate::vector::Vector;

/// A Rust type whose values are the objects of one collection. Derive it
/// with `#[derive(WeaviateCollection)]`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Weaviate collection",
    label = "derive it with #[derive(WeaviateCollection)]",
    note = "a multi-target `Ref<(A, B, ..)>` takes a tuple of 2 to 8 collections"
)]
pub trait WeaviateCollection: Sized + Send + Sync + 'static {
    /// The collection's name on the server.
    const NAME: &'static str;

    /// The collection's configuration, built from the type.
    fn config() -> CollectionConfig;

    /// The object's id: the `#[weaviate(id)]` field, or `None` to have one generated.
    fn object_id(&self) -> Option<Uuid>;

    /// The property values to write, by server name.
    fn to_properties(&self) -> Vec<(&'static str, PropertyValue)>;

    /// Writes the property values, by server name, into the encoding of a
    /// batch object. The derive writes each field straight from the struct
    /// ([`PropertyType::write`](crate::value::PropertyType::write)); the
    /// default writes [`to_properties`](Self::to_properties).
    fn write_properties(&self, out: &mut PropertyWriter) -> Result<(), PropertyError> {
        for (name, value) in self.to_properties() {
            out.value(name, &value).map_err(|source| PropertyError { property: name.to_owned(), source })?;
        }
        Ok(())
    }

    /// The server names of the properties, in the order
    /// [`from_properties`](Self::from_properties) reads them: the bag it
    /// gets holds them at these positions ([`PropertyBag::take_at`]). Empty
    /// when it looks them up by name.
    const PROPERTY_NAMES: &'static [&'static str] = &[];

    /// The names of the vectors the type holds in fields (`""` for the
    /// default vector); reads ask the server for these.
    const VECTOR_NAMES: &'static [&'static str] = &[];

    /// The vectors to write, by name (`""` for the default vector).
    fn vectors(&self) -> Vec<(&'static str, Vector)> {
        Vec::new()
    }

    /// Builds a value from an object's id and the properties the server returned.
    fn from_properties(id: Uuid, properties: PropertyBag) -> Result<Self, PropertyError>;
}
