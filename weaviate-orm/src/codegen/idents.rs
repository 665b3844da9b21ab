//! Rust names for server names: valid identifiers, in Rust's casing, unique
//! in their scope, and never a name the generated code relies on.

use std::collections::BTreeSet;

/// Words that are keywords in Rust 2024; all but the four below can be
/// written as raw identifiers (`r#type`).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false", "fn", "for", "gen",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "static", "struct",
    "trait", "true", "type", "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Type names the generated code uses, which a struct must not shadow: the
/// prelude's and the imports'.
const TYPES_IN_USE: &[&str] = &[
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "Vec",
    "String",
    "Box",
    "Default",
    "Clone",
    "Copy",
    "Debug",
    "PartialEq",
    "Eq",
    "Send",
    "Sync",
    "Sized",
    "Drop",
    "Fn",
    "FnMut",
    "FnOnce",
    "Iterator",
    "IntoIterator",
    "From",
    "Into",
    "ToString",
    "ToOwned",
    "AsRef",
    "AsMut",
    "Extend",
    "Ref",
    "Uuid",
    "DateTime",
    "Utc",
    "GeoCoordinates",
    "PhoneNumber",
    "Blob",
    "WeaviateCollection",
    "WeaviateObject",
];

/// The names taken in one scope (a module's types, or a struct's fields).
#[derive(Debug, Default)]
pub(super) struct Scope {
    taken: BTreeSet<String>,
}

impl Scope {
    /// A scope where the generated code's own type names are taken.
    pub(super) fn types() -> Self {
        Self { taken: TYPES_IN_USE.iter().map(|name| (*name).to_owned()).collect() }
    }

    /// `wanted`, or `wanted` with a number after it when that is taken.
    pub(super) fn claim(&mut self, wanted: String) -> String {
        let mut name = wanted.clone();
        let mut n = 2;
        while self.taken.contains(name.trim_start_matches("r#")) {
            name = format!("{}{n}", wanted.trim_start_matches("r#"));
            n += 1;
        }
        self.taken.insert(name.trim_start_matches("r#").to_owned());
        name
    }
}

/// `publishedAt` as a field: `published_at`; keywords raw (`r#type`), and
/// the few that cannot be get a `_` after them.
pub(super) fn field_name(server: &str) -> String {
    let mut out = String::with_capacity(server.len() + 4);
    let chars: Vec<char> = server.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let after_lower = i > 0 && (chars[i - 1].is_ascii_lowercase() || chars[i - 1].is_ascii_digit());
            let before_lower = chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
            let after_upper = i > 0 && chars[i - 1].is_ascii_uppercase();
            if i > 0 && !out.ends_with('_') && (after_lower || (after_upper && before_lower)) {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    escape(out)
}

/// `my_class` or `My_Class` as a type: `MyClass`.
pub(super) fn type_name(server: &str) -> String {
    let mut out = String::with_capacity(server.len());
    let mut upper = true;
    for c in server.chars() {
        if c == '_' {
            upper = true;
            continue;
        }
        if upper {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push(c);
        }
        upper = c.is_ascii_digit();
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'T');
    }
    escape(out)
}

fn escape(name: String) -> String {
    if name.is_empty() {
        return "field".to_owned();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return format!("_{name}");
    }
    if NOT_RAW.contains(&name.as_str()) {
        return format!("{name}_");
    }
    if KEYWORDS.contains(&name.as_str()) {
        return format!("r#{name}");
    }
    name
}

/// The server name a field name stands for when the derive reads it
/// (`r#type` is `type`).
pub(super) fn derived_name(field: &str) -> &str {
    field.strip_prefix("r#").unwrap_or(field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_names_become_rust_names() {
        let fields: Vec<String> =
            ["publishedAt", "title", "myURLValue", "type", "self", "_", "_private", "a1B", "ABtest"]
                .iter()
                .map(|n| field_name(n))
                .collect();
        assert_eq!(
            fields,
            ["published_at", "title", "my_url_value", "r#type", "self_", "__", "_private", "a1_b", "a_btest"]
        );
        let types: Vec<String> =
            ["Article", "My_Class", "Article_v2", "A", "Self"].iter().map(|n| type_name(n)).collect();
        assert_eq!(types, ["Article", "MyClass", "ArticleV2", "A", "Self_"]);
        // Vector names may start with a digit; a field name may not.
        assert_eq!(field_name("1st"), "_1st");
    }

    #[test]
    fn taken_names_get_a_number() {
        let mut scope = Scope::types();
        assert_eq!(scope.claim("Article".into()), "Article");
        assert_eq!(scope.claim("Article".into()), "Article2");
        assert_eq!(scope.claim("Option".into()), "Option2");
        let mut fields = Scope::default();
        assert_eq!(fields.claim("r#type".into()), "r#type");
        assert_eq!(fields.claim("type".into()), "type2");
    }
}
