//! The syntax of filters: what a condition is about ([`Target`]), how it
//! compares ([`Operator`]) and with what ([`Value`]). The typed vocabulary
//! (fields, operands, filters) is built on it; it imports none of them.

use std::sync::Arc;

use crate::value::GeoCoordinates;

/// What a filter or sort is about: a property, a property reached through a
/// reference, or the count of a reference's targets.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Target {
    /// A property (or `_id`, `_creationTimeUnix`, `_lastUpdateTimeUnix`, `len(name)`).
    Property(&'static str),
    /// The length of a text or array property (`len(name)`).
    Length(&'static str),
    /// A property of the objects a reference points to.
    Reference { on: &'static str, target_collection: &'static str, multi_target: bool, inner: Arc<Target> },
    /// The number of objects a reference points to.
    Count(&'static str),
}

impl Target {
    /// The length of this target's property; through a reference, of the
    /// property at the end of the path.
    pub(crate) fn length(&self) -> Self {
        match self {
            Self::Property(name) => Self::Length(name),
            Self::Reference { on, target_collection, multi_target, inner } => {
                Self::Reference { on, target_collection, multi_target: *multi_target, inner: Arc::new(inner.length()) }
            }
            // Lengths and counts are ints, which have no length.
            Self::Length(_) | Self::Count(_) => self.clone(),
        }
    }

    /// The target as users read it: `title`, `len(title)`, `author.name`, `count(author)`.
    pub(crate) fn path(&self) -> String {
        match self {
            Self::Property(name) => (*name).to_owned(),
            Self::Length(name) => format!("len({name})"),
            Self::Count(on) => format!("count({on})"),
            Self::Reference { on, inner, .. } => format!("{on}.{}", inner.path()),
        }
    }
}

/// A comparison a filter makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Operator {
    Equal,
    NotEqual,
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
    Like,
    IsNull,
    ContainsAny,
    ContainsAll,
    ContainsNone,
    WithinGeoRange,
}

/// The value a filter compares with.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Int(i64),
    Number(f64),
    Bool(bool),
    TextArray(Vec<String>),
    IntArray(Vec<i64>),
    NumberArray(Vec<f64>),
    BoolArray(Vec<bool>),
    Geo(GeoCoordinates, f32),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_length_through_a_reference_is_the_length_of_the_end_of_the_path() {
        let path = Target::Reference {
            on: "author",
            target_collection: "Author",
            multi_target: false,
            inner: Arc::new(Target::Property("name")),
        };
        match path.length() {
            Target::Reference { on, inner, .. } => {
                assert_eq!(on, "author");
                assert_eq!(*inner, Target::Length("name"));
            }
            other => panic!("expected a reference path, got {other:?}"),
        }
        assert_eq!(Target::Property("title").length(), Target::Length("title"));
    }
}
