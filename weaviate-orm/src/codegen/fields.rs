//! The fields of a struct: one per property (with its Rust type, its
//! switches and its name mapping), a struct per nested object, and the
//! vectors the client brings.

use std::collections::{BTreeMap, BTreeSet};

use super::idents::{Scope, derived_name, field_name, type_name};
use super::literal::{Args, text};
use super::source::{Field, Item};
use crate::schema::{CollectionConfig, DataType, PropertyConfig, Tokenization, VectorIndexConfig, Vectorizer};

/// The most collections one `Ref<(A, B, ...)>` can point into.
const MAX_REF_TARGETS: usize = 8;

/// What the fields of one file share: the structs' names, and what they use.
#[derive(Debug)]
pub(super) struct Context<'a> {
    /// Each collection's struct, by collection name.
    pub(super) collections: &'a BTreeMap<String, String>,
    /// The type names taken in the file.
    pub(super) types: &'a mut Scope,
    /// The imported names the fields use (`Ref`, `DateTime`...).
    pub(super) uses: &'a mut BTreeSet<&'static str>,
    /// The nested objects' structs, in the order they are met.
    pub(super) nested: Vec<Item>,
}

/// A collection's fields: its properties, then its client-side vectors.
pub(super) fn collection_fields(cx: &mut Context<'_>, config: &CollectionConfig, ident: &str) -> Vec<Field> {
    let mut scope = Scope::default();
    let vectorized = !config.vectorizer_modules().is_empty();
    let mut fields: Vec<Field> =
        config.properties.iter().map(|p| property(cx, &mut scope, p, ident, vectorized)).collect();
    if config.named_vectors.is_empty() {
        if config.vectorizer == Vectorizer::None {
            fields.push(vector_field(&mut scope, None, &config.vector_index));
        }
    } else {
        for vector in &config.named_vectors {
            if vector.vectorizer == Vectorizer::None || vector.index.multi_vector {
                fields.push(vector_field(&mut scope, Some(&vector.name), &vector.index));
            }
        }
    }
    fields
}

/// A vector the client brings (or a multi-vector, whose field tells the derive it is one).
fn vector_field(scope: &mut Scope, name: Option<&str>, index: &VectorIndexConfig) -> Field {
    let (ident, attribute) = match name {
        None => (scope.claim("vector".to_owned()), "vector".to_owned()),
        Some(name) => (scope.claim(field_name(name)), format!("vector = {}", text(name))),
    };
    let ty = if index.multi_vector { "Option<Vec<Vec<f32>>>" } else { "Option<Vec<f32>>" };
    Field { description: None, attributes: vec![attribute], ident, ty: ty.to_owned(), left_out: None }
}

/// One property's field; `vectorized` when the collection has a vectorizer
/// (whose switches the property may carry).
fn property(cx: &mut Context<'_>, scope: &mut Scope, p: &PropertyConfig, owner: &str, vectorized: bool) -> Field {
    let ident = scope.claim(field_name(&p.name));
    let mut args = Args::default();
    if derived_name(&ident) != p.name {
        args.raw("rename", text(&p.name));
    }
    if p.data_type.is_text() {
        args.text("tokenization", p.tokenization.map(Tokenization::name), Some(Tokenization::Word.name()));
        args.switch("index_searchable", p.index_searchable, true);
    }
    args.switch("index_filterable", p.index_filterable, true);
    args.switch("index_range_filters", p.index_range_filters, false);
    if vectorized && !matches!(p.data_type, DataType::Reference(_)) {
        args.flag("skip_vectorization", p.skip_vectorization);
        args.flag("vectorize_property_name", p.vectorize_property_name);
    }
    if let Some(analyzer) = p.text_analyzer.as_ref().filter(|_| p.data_type.is_text()) {
        let mut options = Args::default();
        options.flag("ascii_fold", analyzer.ascii_fold);
        options.list("ascii_fold_ignore", &analyzer.ascii_fold_ignore);
        options.text("stopword_preset", analyzer.stopword_preset.as_deref(), None);
        args.nested("text_analyzer", options, false);
    }
    let (ty, left_out) = match rust_type(cx, p, owner) {
        Ok(ty) => (ty, None),
        Err(reason) => (String::new(), Some(reason)),
    };
    let attributes = args.joined().into_iter().collect();
    Field { description: p.description.clone(), attributes, ident, ty, left_out }
}

/// The field's type, or why the property cannot have one.
fn rust_type(cx: &mut Context<'_>, p: &PropertyConfig, owner: &str) -> Result<String, String> {
    let scalar = match &p.data_type {
        DataType::Text => "String",
        DataType::TextArray => "Vec<String>",
        DataType::Int => "i64",
        DataType::IntArray => "Vec<i64>",
        DataType::Number => "f64",
        DataType::NumberArray => "Vec<f64>",
        DataType::Boolean => "bool",
        DataType::BooleanArray => "Vec<bool>",
        DataType::Date => used(cx, "DateTime", "DateTime<Utc>"),
        DataType::DateArray => used(cx, "DateTime", "Vec<DateTime<Utc>>"),
        DataType::Uuid => used(cx, "Uuid", "Uuid"),
        DataType::UuidArray => used(cx, "Uuid", "Vec<Uuid>"),
        DataType::GeoCoordinates => used(cx, "GeoCoordinates", "GeoCoordinates"),
        DataType::PhoneNumber => used(cx, "PhoneNumber", "PhoneNumber"),
        DataType::Blob => used(cx, "Blob", "Blob"),
        DataType::Object(nested) => return Ok(format!("Option<{}>", object(cx, p, nested, owner))),
        DataType::ObjectArray(nested) => return Ok(format!("Option<Vec<{}>>", object(cx, p, nested, owner))),
        DataType::Reference(targets) => return reference(cx, targets),
        other => return Err(format!("this crate has no Rust type for `{}` properties", other.name())),
    };
    Ok(format!("Option<{scalar}>"))
}

fn used(cx: &mut Context<'_>, import: &'static str, ty: &'static str) -> &'static str {
    cx.uses.insert(import);
    ty
}

/// `Ref<Author>`, or `Ref<(Author, Publisher)>`.
fn reference(cx: &mut Context<'_>, targets: &[String]) -> Result<String, String> {
    if targets.len() > MAX_REF_TARGETS {
        return Err(format!("a reference to {} collections (a `Ref` holds at most {MAX_REF_TARGETS})", targets.len()));
    }
    let mut idents = Vec::with_capacity(targets.len());
    for target in targets {
        match cx.collections.get(target) {
            Some(ident) => idents.push(ident.as_str()),
            None => return Err(format!("it references `{target}`, which is not among the generated collections")),
        }
    }
    cx.uses.insert("Ref");
    Ok(match idents.as_slice() {
        [one] => format!("Ref<{one}>"),
        many => format!("Ref<({})>", many.join(", ")),
    })
}

/// The struct of a nested object, named after its owner and property.
fn object(cx: &mut Context<'_>, p: &PropertyConfig, nested: &[PropertyConfig], owner: &str) -> String {
    cx.uses.insert("WeaviateObject");
    let ident = cx.types.claim(format!("{owner}{}", type_name(&p.name)));
    // The object's struct comes before the structs of objects nested in it.
    let at = cx.nested.len();
    let item = Item { description: None, derive: "WeaviateObject", attributes: Vec::new(), ident, fields: Vec::new() };
    cx.nested.push(item);
    let mut scope = Scope::default();
    let owner = cx.nested[at].ident.clone();
    let fields = nested.iter().map(|n| property(cx, &mut scope, n, &owner, false)).collect();
    cx.nested[at].fields = fields;
    owner
}
