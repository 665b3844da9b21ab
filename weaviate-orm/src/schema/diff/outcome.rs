//! What a comparison finds: the plan, and the edits of the server's class
//! JSON that apply its safe steps, addressed by [`Key`] pointers.

use serde_json::Value;

use crate::schema::plan::MigrationPlan;

/// A step in a JSON document: an object key, or the element of an array of
/// objects whose `name` is the given one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Key {
    Field(String),
    Named(String),
}

/// An edit of the server's class JSON, sent back with `PUT /v1/schema/{class}`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Edit {
    Set(Vec<Key>, Value),
    Remove(Vec<Key>),
}

/// The plan, and what applying its safe steps takes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Diff {
    pub(crate) plan: MigrationPlan,
    /// The model's JSON of each property to add, in plan order.
    pub(crate) new_properties: Vec<Value>,
    /// Edits of the class for settings and named vectors.
    pub(crate) edits: Vec<Edit>,
}

impl Key {
    /// The key or the element's name.
    pub(super) fn name(&self) -> &str {
        match self {
            Self::Field(name) | Self::Named(name) => name,
        }
    }
}

/// A pointer as a dotted path: `properties.title.tokenization`.
pub(super) fn display(pointer: &[Key]) -> String {
    let parts: Vec<&str> = pointer
        .iter()
        .filter(|key| !matches!(key, Key::Field(name) if name == "nestedProperties"))
        .map(Key::name)
        .collect();
    parts.join(".")
}
