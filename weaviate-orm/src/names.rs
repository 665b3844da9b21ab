//! The server's rules for names (collections, properties, tenants, aliases,
//! backups, roles, users), checked before any request: a name the server
//! would refuse, silently change (`article` becomes `Article`) or read as
//! part of a URL (`""`, `../x`) never leaves the client.

use crate::schema::{CollectionConfig, PropertyConfig};
use crate::{Error, Result};

pub use crate::error::NameKind;

/// The longest collection or alias name the server takes.
const MAX_COLLECTION_LEN: usize = 255;
/// The longest property name the server takes.
const MAX_PROPERTY_LEN: usize = 231;
/// The longest named-vector name the server takes.
const MAX_VECTOR_LEN: usize = 230;
/// The longest tenant name the server takes.
const MAX_TENANT_LEN: usize = 64;

/// A collection name: `^[A-Z][_0-9A-Za-z]*$`, at most 255 characters, not
/// `Raft` (reserved). The server would upper-case a lower-case first
/// letter; this client refuses it instead, so that the name it reads back
/// is the name it wrote.
pub fn collection(name: &str) -> Result<&str> {
    if name.eq_ignore_ascii_case("raft") {
        return Err(invalid(NameKind::Collection, name, "the server reserves it".into()));
    }
    class_like(NameKind::Collection, name)
}

/// An alias name: the rules of collection names.
pub fn alias(name: &str) -> Result<&str> {
    class_like(NameKind::Alias, name)
}

/// A property name: `^[_A-Za-z][_0-9A-Za-z]*$`, at most 231 characters, not
/// `id`, `_id` or `_additional` (reserved), and not starting with an
/// upper-case letter (the server would lower-case it).
pub fn property(name: &str) -> Result<&str> {
    let kind = NameKind::Property;
    check(kind, name, MAX_PROPERTY_LEN, |c| c == '_' || c.is_ascii_alphabetic(), is_word)?;
    if matches!(name, "id" | "_id" | "_additional") {
        return Err(invalid(kind, name, "the server reserves it".into()));
    }
    if name.starts_with(|c: char| c.is_ascii_uppercase()) {
        let mut stored = name.to_owned();
        stored[..1].make_ascii_lowercase();
        return Err(invalid(kind, name, format!("the server would store it as {stored:?}; name it so")));
    }
    Ok(name)
}

/// A named vector's name: the rules of property names, upper case allowed.
pub fn vector(name: &str) -> Result<&str> {
    check(NameKind::Vector, name, MAX_VECTOR_LEN, |c| c == '_' || c.is_ascii_alphabetic(), is_word)
}

/// A tenant name: `^[A-Za-z0-9_-]{1,64}$`.
pub fn tenant(name: &str) -> Result<&str> {
    let allowed = |c: char| is_word(c) || c == '-';
    check(NameKind::Tenant, name, MAX_TENANT_LEN, allowed, allowed)
}

/// A backup id: `^[a-z0-9_-]+$`.
pub fn backup(id: &str) -> Result<&str> {
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-';
    check(NameKind::Backup, id, usize::MAX, allowed, allowed)
}

fn class_like(kind: NameKind, name: &str) -> Result<&str> {
    if name.starts_with(|c: char| c.is_ascii_lowercase()) {
        let mut stored = name.to_owned();
        stored[..1].make_ascii_uppercase();
        return Err(invalid(kind, name, format!("the server would store it as {stored:?}; name it so")));
    }
    check(kind, name, MAX_COLLECTION_LEN, |c| c.is_ascii_uppercase(), is_word)
}

fn is_word(c: char) -> bool {
    c == '_' || c.is_ascii_alphanumeric()
}

fn check(
    kind: NameKind,
    name: &str,
    max_len: usize,
    first: impl Fn(char) -> bool,
    rest: impl Fn(char) -> bool,
) -> Result<&str> {
    let mut chars = name.chars();
    let Some(head) = chars.next() else {
        return Err(invalid(kind, name, "it is empty".into()));
    };
    if name.len() > max_len {
        return Err(invalid(kind, name, format!("it is {} characters long; the most is {max_len}", name.len())));
    }
    if !first(head) {
        return Err(invalid(kind, name, format!("it may not start with {head:?} ({})", rule(kind))));
    }
    if let Some(bad) = chars.find(|c| !rest(*c)) {
        return Err(invalid(kind, name, format!("it may not contain {bad:?} ({})", rule(kind))));
    }
    Ok(name)
}

fn rule(kind: NameKind) -> &'static str {
    match kind {
        NameKind::Collection | NameKind::Alias => {
            "an upper-case ASCII letter first, then ASCII letters, digits and `_`"
        }
        NameKind::Property | NameKind::Vector => "an ASCII letter or `_` first, then ASCII letters, digits and `_`",
        NameKind::Tenant => "ASCII letters, digits, `_` and `-`",
        NameKind::Backup => "lower-case ASCII letters, digits, `_` and `-`",
    }
}

fn invalid(kind: NameKind, name: &str, rule: String) -> Error {
    Error::InvalidName { kind, name: name.to_owned(), rule }
}

impl CollectionConfig {
    /// Checks every name in the configuration against the server's rules:
    /// the collection, its properties (nested ones included) and named
    /// vectors. A name the server would refuse or change is an error.
    pub fn check_names(&self) -> Result<()> {
        collection(&self.name)?;
        let mut properties: Vec<&PropertyConfig> = self.properties.iter().collect();
        while let Some(config) = properties.pop() {
            property(&config.name)?;
            properties.extend(config.data_type.nested_properties().into_iter().flatten());
        }
        for config in &self.named_vectors {
            vector(&config.name)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule_of(result: Result<&str>) -> String {
        match result {
            Err(Error::InvalidName { rule, .. }) => rule,
            other => panic!("expected an invalid name, got {other:?}"),
        }
    }

    #[test]
    fn collection_names_follow_the_servers_rule() {
        for good in ["Article", "A", "JeopardyQuestion_v2", "X9_y"] {
            assert_eq!(collection(good).ok(), Some(good));
        }
        for bad in ["", "_A", "9A", "A-b", "A b", "A/b", "../x", "A%2F", "Ä", "A\u{0}", "Raft"] {
            assert!(collection(bad).is_err(), "{bad:?} passed");
        }
        assert!(rule_of(collection("article")).contains("\"Article\""));
        assert!(rule_of(collection(&"A".repeat(256))).contains("256 characters"));
        assert!(collection(&"A".repeat(255)).is_ok());
    }

    #[test]
    fn property_names_are_never_re_cased() {
        for good in ["title", "_x", "airDate", "a1_b"] {
            assert_eq!(property(good).ok(), Some(good));
        }
        assert!(rule_of(property("CamelCase")).contains("\"camelCase\""));
        for bad in ["", "1a", "a-b", "a.b", "a b", "id", "_id", "_additional"] {
            assert!(property(bad).is_err(), "{bad:?} passed");
        }
    }

    #[test]
    fn tenant_and_backup_names() {
        for good in ["acme", "Acme-1", "a_b", "0"] {
            assert!(tenant(good).is_ok(), "{good:?}");
        }
        for bad in ["", "a/b", "..", "a.b", "ä", &"t".repeat(65)] {
            assert!(tenant(bad).is_err(), "{bad:?} passed");
        }
        assert!(backup("nightly-2026_12").is_ok());
        for bad in ["", "Nightly", "a/b", "..", "a.b"] {
            assert!(backup(bad).is_err(), "{bad:?} passed");
        }
    }
}
