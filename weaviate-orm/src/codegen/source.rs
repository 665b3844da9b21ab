//! Writing the structs out: doc comments, derives, attribute lines, fields,
//! and the imports they use.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::literal::text;

/// One struct of the generated file.
#[derive(Debug)]
pub(super) struct Item {
    /// The description on the server.
    pub(super) description: Option<String>,
    /// `WeaviateCollection` or `WeaviateObject`.
    pub(super) derive: &'static str,
    /// The insides of its `#[weaviate(...)]` lines.
    pub(super) attributes: Vec<String>,
    /// The struct's name.
    pub(super) ident: String,
    /// Its fields.
    pub(super) fields: Vec<Field>,
}

/// One field of a generated struct.
#[derive(Debug)]
pub(super) struct Field {
    /// The property's description on the server.
    pub(super) description: Option<String>,
    /// The insides of its `#[weaviate(...)]` line (one at most).
    pub(super) attributes: Vec<String>,
    /// The field's name.
    pub(super) ident: String,
    /// Its type.
    pub(super) ty: String,
    /// Why the property has no field: written as a comment instead.
    pub(super) left_out: Option<String>,
}

/// The `use` lines for the names the structs use.
pub(super) fn imports(uses: &BTreeSet<&'static str>) -> String {
    let mut weaviate: Vec<&str> = vec!["WeaviateCollection"];
    weaviate.extend(["Ref", "WeaviateObject"].into_iter().filter(|name| uses.contains(name)));
    weaviate.sort_unstable();
    let mut out = String::new();
    if uses.contains("DateTime") {
        out.push_str("use chrono::{DateTime, Utc};\n");
    }
    if uses.contains("Uuid") {
        out.push_str("use uuid::Uuid;\n");
    }
    let _ = writeln!(out, "use weaviate_orm::{{{}}};", weaviate.join(", "));
    let values: Vec<&str> =
        ["Blob", "GeoCoordinates", "PhoneNumber"].into_iter().filter(|name| uses.contains(name)).collect();
    if !values.is_empty() {
        let _ = writeln!(out, "use weaviate_orm::value::{{{}}};", values.join(", "));
    }
    out
}

/// The struct's source.
pub(super) fn item(out: &mut String, item: &Item) {
    let mut attributes = item.attributes.clone();
    describe(out, "", item.description.as_deref(), &mut attributes);
    let _ = writeln!(out, "#[derive(Debug, Clone, {})]", item.derive);
    for attribute in &attributes {
        let _ = writeln!(out, "#[weaviate({attribute})]");
    }
    if item.fields.is_empty() {
        let _ = writeln!(out, "pub struct {} {{}}", item.ident);
        return;
    }
    let _ = writeln!(out, "pub struct {} {{", item.ident);
    for field in &item.fields {
        if let Some(reason) = &field.left_out {
            let _ = writeln!(out, "    // `{}` is left out: {reason}.", field.ident);
            continue;
        }
        let mut attributes = field.attributes.clone();
        describe(out, "    ", field.description.as_deref(), &mut attributes);
        if !attributes.is_empty() {
            let _ = writeln!(out, "    #[weaviate({})]", attributes.join(", "));
        }
        let _ = writeln!(out, "    pub {}: {},", field.ident, field.ty);
    }
    out.push_str("}\n");
}

/// A description as a doc comment when the derive reads it back unchanged
/// (it trims each line), else as a `description = "..."` attribute.
fn describe(out: &mut String, indent: &str, description: Option<&str>, attributes: &mut Vec<String>) {
    let Some(description) = description.filter(|d| !d.is_empty()) else { return };
    if !as_doc_comment(description) {
        attributes.insert(0, format!("description = {}", text(description)));
        return;
    }
    for line in description.split('\n') {
        if line.is_empty() {
            let _ = writeln!(out, "{indent}///");
        } else {
            let _ = writeln!(out, "{indent}/// {line}");
        }
    }
}

fn as_doc_comment(description: &str) -> bool {
    let lines: Vec<&str> = description.split('\n').collect();
    let unchanged = lines.iter().all(|line| line.trim() == *line);
    let controls = description.chars().any(|c| c.is_control() && c != '\n');
    let edges = lines.first().is_some_and(|l| !l.is_empty()) && lines.last().is_some_and(|l| !l.is_empty());
    unchanged && edges && !controls
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_the_derive_would_change_become_attributes() {
        assert!(as_doc_comment("News.\n\nFrom the wire."));
        assert!(!as_doc_comment("  indented"));
        assert!(!as_doc_comment("tab\tinside"));
        assert!(!as_doc_comment("trailing\n"));
        let mut out = String::new();
        let mut attributes = vec!["rename = \"x\"".to_owned()];
        describe(&mut out, "    ", Some(" padded"), &mut attributes);
        assert_eq!(attributes, [r#"description = " padded""#, r#"rename = "x""#]);
        describe(&mut out, "    ", Some("Two\n\nparagraphs"), &mut attributes);
        assert_eq!(out, "    /// Two\n    ///\n    /// paragraphs\n");
    }
}
