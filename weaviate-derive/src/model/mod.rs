//! The validated model of a collection: what code generation reads.

use darling::FromDeriveInput;
use proc_macro2::Span;

use crate::attr::{CollectionAttrs, FieldAttrs, SettingsAttrs, TextAnalyzerAttrs};

mod cross;
mod settings;

pub(crate) use settings::{one_of, unknown_name};

use crate::names::{TOKENIZATIONS, server_names};

pub(crate) struct Collection {
    pub(crate) ident: syn::Ident,
    pub(crate) vis: syn::Visibility,
    pub(crate) name: String,
    pub(crate) name_span: Span,
    /// Whether `name = "..."` was written.
    pub(crate) name_given: bool,
    pub(crate) description: Option<String>,
    /// Where `description = "..."` was written.
    pub(crate) description_span: Option<Span>,
    pub(crate) settings: SettingsAttrs,
    pub(crate) id: Option<IdField>,
    pub(crate) properties: Vec<Property>,
    pub(crate) vectors: Vec<VectorField>,
    pub(crate) skipped: Vec<syn::Ident>,
}

/// A field holding a vector: the default one (`name` is empty) or a named one.
pub(crate) struct VectorField {
    pub(crate) ident: syn::Ident,
    pub(crate) ty: syn::Type,
    pub(crate) name: String,
    pub(crate) span: Span,
}

pub(crate) struct IdField {
    pub(crate) ident: syn::Ident,
    pub(crate) vis: syn::Visibility,
    pub(crate) ty: syn::Type,
    pub(crate) span: Span,
}

pub(crate) struct Property {
    pub(crate) ident: syn::Ident,
    pub(crate) vis: syn::Visibility,
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
    pub(crate) text_analyzer: Option<TextAnalyzerAttrs>,
    /// Part of the deterministic id.
    pub(crate) key: Option<Span>,
    /// Attributes that need a property type the derive cannot see: checked
    /// by the compiler in the generated code, at the attribute.
    pub(crate) type_rules: Vec<(TypeRule, Span)>,
}

/// What an attribute needs of its field's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TypeRule {
    /// `tokenization`, `index_searchable = true`: text or text[].
    Text,
    /// `index_range_filters = true`: int, number or date.
    RangeFilterable,
    /// `object_ttl(date_property = "...")`: a date.
    Date,
}

impl Collection {
    /// Parses the attributes and validates each one on its own; checks that
    /// look at several fields are in `check.rs`. Reports every error at once.
    pub(crate) fn from_input(input: &syn::DeriveInput) -> darling::Result<Self> {
        let attrs = CollectionAttrs::from_derive_input(input)?;
        let mut errors = darling::Error::accumulator();
        if let Some(param) = attrs.generics.params.first() {
            errors.push(
                darling::Error::custom(
                    "a collection type cannot have generic parameters: each collection has one fixed schema; \
                     declare one struct per collection",
                )
                .with_span(param),
            );
        }
        let fields = attrs.data.take_struct().map(|f| f.fields).unwrap_or_default();

        let (name, name_span) = match &attrs.name {
            Some(name) => (name.as_ref().clone(), name.span()),
            None => (attrs.ident.to_string(), attrs.ident.span()),
        };
        let mut collection = Self {
            ident: attrs.ident.clone(),
            vis: attrs.vis.clone(),
            name,
            name_span,
            name_given: attrs.name.is_some(),
            description: attrs.description.as_ref().map(|d| d.as_ref().clone()).or_else(|| doc_comment(&attrs.attrs)),
            description_span: attrs.description.as_ref().map(darling::util::SpannedValue::span),
            settings: attrs.settings.clone(),
            id: None,
            properties: Vec::new(),
            vectors: Vec::new(),
            skipped: Vec::new(),
        };
        for field in fields {
            errors.handle(collection.add_field(field));
        }
        collection.check_vectors_and_keys(&mut errors);
        let has_named_vector_fields = collection.vectors.iter().any(|v| !v.name.is_empty());
        settings::check(&collection.settings, has_named_vector_fields, &mut errors);
        collection.check_cross_references(&mut errors);
        errors.finish_with(collection)
    }

    /// Vector fields against the declared vectors; key fields against an id field.
    fn check_vectors_and_keys(&self, errors: &mut darling::error::Accumulator) {
        let mut seen: Vec<&str> = Vec::new();
        for vector in &self.vectors {
            if seen.contains(&vector.name.as_str()) {
                let which = if vector.name.is_empty() {
                    "the default vector".to_owned()
                } else {
                    format!("the vector `{}`", vector.name)
                };
                errors.push(darling::Error::custom(format!("two fields hold {which}")).with_span(&vector.span));
            }
            seen.push(&vector.name);
        }
        let named = !self.settings.named_vectors.is_empty() || seen.iter().any(|n| !n.is_empty());
        if let Some(default) = self.vectors.iter().find(|v| v.name.is_empty()).filter(|_| named) {
            errors.push(
                darling::Error::custom(
                    "this collection has named vectors, so it has no default vector; \
                     name this one with #[weaviate(vector = \"...\")]",
                )
                .with_span(&default.span),
            );
        }
        if let (Some(id), Some(key)) = (&self.id, self.properties.iter().find_map(|p| p.key)) {
            errors.push(
                darling::Error::custom(
                    "`key` fields make the id from their values, but this struct also has an `id` field; \
                     keep one of the two",
                )
                .with_span(&key),
            );
            errors.push(darling::Error::custom("the `id` field is here").with_span(&id.span));
        }
    }

    fn add_field(&mut self, field: FieldAttrs) -> darling::Result<()> {
        let ident = field.ident.clone().ok_or_else(|| darling::Error::custom("expected a named field"))?;
        let property_only = [
            ("rename", field.rename.is_some()),
            ("description", field.description.is_some()),
            ("tokenization", field.tokenization.is_some()),
            ("index_filterable", field.index_filterable.is_some()),
            ("index_searchable", field.index_searchable.is_some()),
            ("index_range_filters", field.index_range_filters.is_some()),
            ("skip_vectorization", field.skip_vectorization.is_present()),
            ("vectorize_property_name", field.vectorize_property_name.is_present()),
            ("text_analyzer", field.text_analyzer.is_some()),
            ("key", field.key.is_present()),
        ];
        let conflicting: Vec<&str> = property_only.iter().filter(|(_, set)| *set).map(|(key, _)| *key).collect();
        if let Some(vector) = &field.vector {
            let name = match vector.as_ref() {
                darling::util::Override::Inherit => String::new(),
                darling::util::Override::Explicit(name) => name.clone(),
            };
            let exclusive = [("id", field.id.is_present()), ("skip", field.skip.is_present())];
            let clash = conflicting.first().copied().or(exclusive.iter().find(|(_, set)| *set).map(|(key, _)| *key));
            if let Some(key) = clash {
                return Err(darling::Error::custom(format!(
                    "`{key}` has no effect on a `vector` field, which holds a vector, not a property; remove one of them"
                ))
                .with_span(&vector.span()));
            }
            self.vectors.push(VectorField { ident, ty: field.ty.clone(), name, span: vector.span() });
            return Ok(());
        }
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
                self.id = Some(IdField { ident, vis: field.vis.clone(), ty: field.ty.clone(), span });
            }
            return Ok(());
        }

        let (name, name_span) = match &field.rename {
            Some(rename) => (rename.as_ref().clone(), rename.span()),
            None => (unraw(&ident), ident.span()),
        };
        if let Some(t) = &field.tokenization {
            let mut errors = darling::Error::accumulator();
            one_of(t, &server_names(TOKENIZATIONS), "tokenization", &mut errors);
            errors.finish()?;
        }
        if let Some(analyzer) = &field.text_analyzer {
            let mut errors = darling::Error::accumulator();
            cross::text_analyzer(analyzer, field.tokenization.as_ref().map(|t| t.as_str()), &mut errors);
            errors.finish()?;
        }
        let tokenization = field.tokenization.as_ref().map(|t| t.as_ref().clone());
        self.properties.push(Property {
            ident,
            vis: field.vis.clone(),
            ty: field.ty.clone(),
            name,
            name_span,
            description: field.description.clone().or_else(|| doc_comment(&field.attrs)),
            tokenization,
            index_filterable: field.index_filterable.map(|s| s.0),
            index_searchable: field.index_searchable.as_ref().map(|s| s.0),
            index_range_filters: field.index_range_filters.as_ref().map(|s| s.0),
            skip_vectorization: field.skip_vectorization.is_present(),
            vectorize_property_name: field.vectorize_property_name.is_present(),
            text_analyzer: field.text_analyzer.as_ref().map(|a| a.as_ref().clone()),
            key: field.key.is_present().then(|| field.key.span()),
            type_rules: type_rules(&field),
        });
        Ok(())
    }
}

/// The type rules of the attributes that enable a text or range feature.
fn type_rules(field: &FieldAttrs) -> Vec<(TypeRule, Span)> {
    let mut rules = Vec::new();
    if let Some(tokenization) = &field.tokenization {
        rules.push((TypeRule::Text, tokenization.span()));
    }
    if let Some(searchable) = field.index_searchable.as_ref().filter(|s| s.0) {
        rules.push((TypeRule::Text, searchable.span()));
    }
    if let Some(analyzer) = &field.text_analyzer {
        rules.push((TypeRule::Text, analyzer.span()));
    }
    if let Some(range) = field.index_range_filters.as_ref().filter(|s| s.0) {
        rules.push((TypeRule::RangeFilterable, range.span()));
    }
    rules
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
