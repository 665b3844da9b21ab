//! The validated model of a collection: what code generation reads.

use darling::FromDeriveInput;
use proc_macro2::Span;

use crate::attr::{CollectionAttrs, FieldAttrs};

/// Tokenizations Weaviate knows.
pub(crate) const TOKENIZATIONS: &[&str] =
    &["word", "lowercase", "whitespace", "field", "trigram", "gse", "gse_ch", "kagome_ja", "kagome_kr"];

pub(crate) struct Collection {
    pub(crate) ident: syn::Ident,
    pub(crate) generics: syn::Generics,
    pub(crate) name: String,
    pub(crate) name_span: Span,
    pub(crate) description: Option<String>,
    pub(crate) vectorizer: Option<String>,
    pub(crate) id: Option<IdField>,
    pub(crate) properties: Vec<Property>,
    pub(crate) skipped: Vec<syn::Ident>,
}

pub(crate) struct IdField {
    pub(crate) ident: syn::Ident,
    pub(crate) ty: syn::Type,
    pub(crate) span: Span,
}

pub(crate) struct Property {
    pub(crate) ident: syn::Ident,
    pub(crate) ty: syn::Type,
    pub(crate) name: String,
    pub(crate) name_span: Span,
    pub(crate) description: Option<String>,
    pub(crate) tokenization: Option<String>,
    pub(crate) index_filterable: Option<bool>,
    pub(crate) index_searchable: Option<bool>,
    pub(crate) index_range_filters: Option<bool>,
    pub(crate) skip_vectorization: bool,
    pub(crate) vectorize_property_name: bool,
}

impl Collection {
    /// Parses the attributes and validates each one on its own; checks that
    /// look at several fields are in `check.rs`. Reports every error at once.
    pub(crate) fn from_input(input: &syn::DeriveInput) -> darling::Result<Self> {
        let attrs = CollectionAttrs::from_derive_input(input)?;
        let mut errors = darling::Error::accumulator();
        let fields = attrs.data.take_struct().map(|f| f.fields).unwrap_or_default();

        let (name, name_span) = match &attrs.name {
            Some(name) => (name.as_ref().clone(), name.span()),
            None => (attrs.ident.to_string(), attrs.ident.span()),
        };
        let mut collection = Self {
            ident: attrs.ident.clone(),
            generics: attrs.generics.clone(),
            name,
            name_span,
            description: doc_comment(&attrs.attrs),
            vectorizer: attrs.vectorizer.as_ref().map(|v| v.as_ref().clone()),
            id: None,
            properties: Vec::new(),
            skipped: Vec::new(),
        };
        for field in fields {
            errors.handle(collection.add_field(field));
        }
        errors.finish_with(collection)
    }

    fn add_field(&mut self, field: FieldAttrs) -> darling::Result<()> {
        let ident = field.ident.clone().ok_or_else(|| darling::Error::custom("expected a named field"))?;
        let property_only = [
            ("rename", field.rename.is_some()),
            ("tokenization", field.tokenization.is_some()),
            ("index_filterable", field.index_filterable.is_some()),
            ("index_searchable", field.index_searchable.is_some()),
            ("index_range_filters", field.index_range_filters.is_some()),
            ("skip_vectorization", field.skip_vectorization.is_present()),
            ("vectorize_property_name", field.vectorize_property_name.is_present()),
        ];
        let conflicting: Vec<&str> = property_only.iter().filter(|(_, set)| *set).map(|(key, _)| *key).collect();
        if field.id.is_present() || field.skip.is_present() {
            let (kind, span) =
                if field.id.is_present() { ("id", field.id.span()) } else { ("skip", field.skip.span()) };
            if field.id.is_present() && field.skip.is_present() {
                return Err(darling::Error::custom(
                    "`id` and `skip` cannot be combined: the id field is always read and written",
                )
                .with_span(&field.skip.span()));
            }
            if let Some(key) = conflicting.first() {
                return Err(darling::Error::custom(format!(
                    "`{key}` has no effect on a `{kind}` field, which is not a property; remove one of them"
                ))
                .with_span(&span));
            }
            if !field.id.is_present() {
                self.skipped.push(ident);
            } else if let Some(first) = &self.id {
                let error = darling::Error::custom("only one field can be the object's `id`").with_span(&span);
                let first = darling::Error::custom("the first `id` field is here").with_span(&first.span);
                return Err(darling::Error::multiple(vec![error, first]));
            } else {
                self.id = Some(IdField { ident, ty: field.ty.clone(), span });
            }
            return Ok(());
        }

        let (name, name_span) = match &field.rename {
            Some(rename) => (rename.as_ref().clone(), rename.span()),
            None => (unraw(&ident), ident.span()),
        };
        let tokenization = match &field.tokenization {
            Some(t) if !TOKENIZATIONS.contains(&t.as_str()) => {
                return Err(darling::Error::custom(format!(
                    "unknown tokenization `{}`; expected one of: {}",
                    t.as_str(),
                    TOKENIZATIONS.join(", ")
                ))
                .with_span(&t.span()));
            }
            other => other.as_ref().map(|t| t.as_ref().clone()),
        };
        self.properties.push(Property {
            ident,
            ty: field.ty.clone(),
            name,
            name_span,
            description: doc_comment(&field.attrs),
            tokenization,
            index_filterable: field.index_filterable,
            index_searchable: field.index_searchable,
            index_range_filters: field.index_range_filters,
            skip_vectorization: field.skip_vectorization.is_present(),
            vectorize_property_name: field.vectorize_property_name.is_present(),
        });
        Ok(())
    }
}

/// The identifier without a raw prefix (`r#type` is the property `type`).
fn unraw(ident: &syn::Ident) -> String {
    let name = ident.to_string();
    name.strip_prefix("r#").map(str::to_owned).unwrap_or(name)
}

/// The `///` lines joined, trimmed; `None` without any.
fn doc_comment(attrs: &[syn::Attribute]) -> Option<String> {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value().trim().to_owned()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let text = lines.join("\n").trim().to_owned();
    (!text.is_empty()).then_some(text)
}
