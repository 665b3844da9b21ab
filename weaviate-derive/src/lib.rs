//! Derive macros for `weaviate-orm`. Use them through the `weaviate-orm`
//! crate, which re-exports them next to their runtime traits.

mod attr;
mod check;
mod expand;
mod model;
mod names;
#[cfg(test)]
mod snapshots;

use proc_macro::TokenStream;

/// Derives `weaviate_orm::WeaviateCollection`; see that trait's crate for
/// the attributes.
#[proc_macro_derive(WeaviateCollection, attributes(weaviate))]
pub fn derive_weaviate_collection(input: TokenStream) -> TokenStream {
    expand::collection(input.into()).into()
}

/// Derives `weaviate_orm::value::PropertyType` for a struct that is the value
/// of an `object` property (and, in a `Vec`, of an `object[]` one).
#[proc_macro_derive(WeaviateObject, attributes(weaviate))]
pub fn derive_weaviate_object(input: TokenStream) -> TokenStream {
    expand::object(input.into()).into()
}

/// Derives `weaviate_orm::query::Projection` for a struct holding some of a
/// collection's properties: `#[weaviate(of = Article)]`.
#[proc_macro_derive(WeaviateProjection, attributes(weaviate))]
pub fn derive_weaviate_projection(input: TokenStream) -> TokenStream {
    expand::projection(input.into()).into()
}
