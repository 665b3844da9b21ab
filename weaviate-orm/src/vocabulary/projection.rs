//! [`Projection`]: the part of a collection's objects a query returns.

use uuid::Uuid;

use crate::model::WeaviateCollection;
use crate::value::{PropertyBag, PropertyError};

/// A type that holds some of the properties of collection `C`'s objects.
///
/// Every collection type is a projection of itself (all properties). Derive
/// smaller ones with `#[derive(WeaviateProjection)]`: each field must have
/// the name and type of a field of `C`, which the compiler checks.
///
/// ```
/// use weaviate_orm::{WeaviateCollection, WeaviateProjection};
///
/// #[derive(WeaviateCollection)]
/// struct Article {
///     title: String,
///     body: String,
///     words: i64,
/// }
///
/// #[derive(WeaviateProjection)]
/// #[weaviate(of = Article)]
/// struct Headline {
///     title: String,
///     words: i64,
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a projection of `{C}`",
    label = "derive it with #[derive(WeaviateProjection)] #[weaviate(of = {C})]"
)]
pub trait Projection<C: WeaviateCollection>: Sized {
    /// The server names of the properties read, in the order
    /// [`from_properties`](Self::from_properties) reads them: the bag it
    /// gets holds them at these positions ([`PropertyBag::take_at`]). Empty
    /// for every property of the collection, looked up by name.
    fn property_names() -> &'static [&'static str];

    /// The vectors read (`""` for the default vector).
    fn vector_names() -> &'static [&'static str] {
        &[]
    }

    /// Builds a value from an object's id and returned properties.
    fn from_properties(id: Uuid, properties: PropertyBag) -> Result<Self, PropertyError>;
}

/// A projection field's type that can read a property whose Rust type is
/// `F`: `F` itself, or `Option<F>` (absent when null). The derive checks it.
#[diagnostic::on_unimplemented(
    message = "a projection field of type `{Self}` cannot read this property, whose type is `{F}`",
    label = "declare it as `{F}` or `Option<{F}>`"
)]
pub trait ReadableAs<F> {}

impl<F> ReadableAs<F> for F {}
impl<F> ReadableAs<F> for Option<F> {}

/// Checks, at compile time, that a projection field of type `P` can read `field`.
#[doc(hidden)]
pub fn check_projection_field<C, F, P: ReadableAs<F>>(_field: &super::Field<C, F>) {}

impl<C: WeaviateCollection> Projection<C> for C {
    fn property_names() -> &'static [&'static str] {
        C::PROPERTY_NAMES
    }

    fn vector_names() -> &'static [&'static str] {
        C::VECTOR_NAMES
    }

    fn from_properties(id: Uuid, properties: PropertyBag) -> Result<Self, PropertyError> {
        C::from_properties(id, properties)
    }
}

/// `C`'s config cut down to the properties `P` reads (an empty list means all).
pub(crate) fn projected_config<C: WeaviateCollection, P: Projection<C>>() -> crate::schema::CollectionConfig {
    let mut config = C::config();
    let names = P::property_names();
    if !names.is_empty() {
        config.properties.retain(|p| names.contains(&p.name.as_str()));
    }
    config
}
