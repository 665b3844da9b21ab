//! How values are written in attributes: quoted text, JSON in raw strings,
//! numbers as the derive reads them, and `key = value` lists.

use std::fmt::Display;

use serde_json::Value;

/// The `key = value, flag, nested(...)` items of one attribute.
#[derive(Debug, Default)]
pub(super) struct Args {
    items: Vec<String>,
}

impl Args {
    /// `key = value`, written as it is.
    pub(super) fn raw(&mut self, key: &str, value: impl Display) {
        self.items.push(format!("{key} = {value}"));
    }

    /// `key = value` when `value` is set and is not `default`.
    pub(super) fn number<T: PartialEq + Display>(&mut self, key: &str, value: Option<T>, default: Option<T>) {
        if let Some(value) = value.filter(|v| Some(v) != default.as_ref()) {
            self.raw(key, value);
        }
    }

    /// `key = 0.5` (always with a decimal point) when set and not `default`.
    pub(super) fn float(&mut self, key: &str, value: Option<f32>, default: f32) {
        if let Some(value) = value.filter(|v| (v - default).abs() > f32::EPSILON * default.abs().max(1.0)) {
            self.raw(key, float(value));
        }
    }

    /// `key = "text"` when set and not `default`.
    pub(super) fn text(&mut self, key: &str, value: Option<&str>, default: Option<&str>) {
        if let Some(value) = value.filter(|v| Some(*v) != default) {
            self.raw(key, text(value));
        }
    }

    /// `key = true` or `key = false` when set and not `default`.
    pub(super) fn switch(&mut self, key: &str, value: Option<bool>, default: bool) {
        if let Some(value) = value.filter(|v| *v != default) {
            self.raw(key, value);
        }
    }

    /// `flag` when `on`.
    pub(super) fn flag(&mut self, key: &str, on: bool) {
        if on {
            self.items.push(key.to_owned());
        }
    }

    /// `key = ["a", "b"]` when there are any.
    pub(super) fn list(&mut self, key: &str, values: &[String]) {
        if !values.is_empty() {
            self.raw(key, list(values));
        }
    }

    /// `name(...)` when the nested arguments are not empty; `name` alone when
    /// `bare` and they are.
    pub(super) fn nested(&mut self, name: &str, args: Args, bare: bool) {
        match args.render(name) {
            Some(item) => self.items.push(item),
            None if bare => self.items.push(name.to_owned()),
            None => {}
        }
    }

    /// Whether nothing was added.
    pub(super) fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// `a, b`, or `None` without arguments.
    pub(super) fn joined(self) -> Option<String> {
        (!self.items.is_empty()).then(|| self.items.join(", "))
    }

    /// `name(a, b)`, or `None` without arguments.
    pub(super) fn render(self, name: &str) -> Option<String> {
        (!self.items.is_empty()).then(|| format!("{name}({})", self.items.join(", ")))
    }
}

/// A Rust string literal of `value` (escapes as `Debug` writes them).
pub(super) fn text(value: &str) -> String {
    format!("{value:?}")
}

/// `["a", "b"]`.
pub(super) fn list(values: &[String]) -> String {
    let items: Vec<String> = values.iter().map(|v| text(v)).collect();
    format!("[{}]", items.join(", "))
}

/// A float the derive reads as one: `1.0`, not `1`.
pub(super) fn float(value: f32) -> String {
    let out = value.to_string();
    if out.contains(['.', 'e', 'E']) || !value.is_finite() { out } else { format!("{out}.0") }
}

/// JSON in a raw string literal, with as many `#` as it needs.
pub(super) fn json(value: &Value) -> String {
    let body = value.to_string();
    let mut hashes = String::from("#");
    while body.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{body}\"{hashes}")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn values_are_written_as_the_derive_reads_them() {
        assert_eq!(text("a \"quote\" \\ and\ttab"), r#""a \"quote\" \\ and\ttab""#);
        assert_eq!(float(1.0), "1.0");
        assert_eq!(float(0.75), "0.75");
        assert_eq!(json(&json!({"a": 1})), r##"r#"{"a":1}"#"##);
        assert_eq!(json(&json!({"a": "\"#"})), r###"r##"{"a":"\"#"}"##"###);
        let mut args = Args::default();
        args.number("ef", Some(-1), Some(-1));
        args.number("ef_construction", Some(64u32), Some(128));
        args.flag("index_null_state", true);
        args.list("source_properties", &["title".into()]);
        assert_eq!(
            args.render("x").as_deref(),
            Some(r#"x(ef_construction = 64, index_null_state, source_properties = ["title"])"#)
        );
        assert_eq!(Args::default().render("x"), None);
    }
}
