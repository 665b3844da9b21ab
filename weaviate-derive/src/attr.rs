//! Attribute receivers: what `#[weaviate(...)]` may say, parsed by darling.
//! No logic here; `model.rs` validates.

use darling::util::{Flag, SpannedValue};
use darling::{FromDeriveInput, FromField};

/// `#[weaviate(...)]` on the struct.
#[derive(Debug, FromDeriveInput)]
#[darling(attributes(weaviate), supports(struct_named), forward_attrs(doc))]
pub(crate) struct CollectionAttrs {
    pub(crate) ident: syn::Ident,
    pub(crate) generics: syn::Generics,
    pub(crate) data: darling::ast::Data<(), FieldAttrs>,
    pub(crate) attrs: Vec<syn::Attribute>,
    /// The collection name; defaults to the struct's name.
    #[darling(default)]
    pub(crate) name: Option<SpannedValue<String>>,
    /// A vectorizer module, e.g. `"text2vec-bigram"`.
    #[darling(default)]
    pub(crate) vectorizer: Option<SpannedValue<String>>,
}

/// `#[weaviate(...)]` on a field.
#[derive(Debug, FromField)]
#[darling(attributes(weaviate), forward_attrs(doc))]
pub(crate) struct FieldAttrs {
    pub(crate) ident: Option<syn::Ident>,
    pub(crate) ty: syn::Type,
    pub(crate) attrs: Vec<syn::Attribute>,
    /// This `Uuid` field is the object's id, not a property.
    pub(crate) id: Flag,
    /// Not stored in Weaviate; filled with `Default::default()` on reads.
    pub(crate) skip: Flag,
    /// The property's name on the server.
    #[darling(default)]
    pub(crate) rename: Option<SpannedValue<String>>,
    /// Text tokenization.
    #[darling(default)]
    pub(crate) tokenization: Option<SpannedValue<String>>,
    #[darling(default)]
    pub(crate) index_filterable: Option<bool>,
    #[darling(default)]
    pub(crate) index_searchable: Option<bool>,
    #[darling(default)]
    pub(crate) index_range_filters: Option<bool>,
    /// Leave this property out of the vectorizer's input.
    pub(crate) skip_vectorization: Flag,
    /// Put the property's name into the vectorizer's input.
    pub(crate) vectorize_property_name: Flag,
}
