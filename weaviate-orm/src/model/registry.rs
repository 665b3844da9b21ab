//! Every `#[derive(WeaviateCollection)]` model in the program, registered at
//! link time (with the `inventory` crate), so a program can migrate all of
//! them at start-up without listing them.

use crate::schema::CollectionConfig;

/// A derived collection: its name and how to build its configuration.
///
/// The derive registers one per model; see [`registered_collections`].
#[derive(Debug, Clone, Copy)]
pub struct RegisteredCollection {
    name: &'static str,
    config: fn() -> CollectionConfig,
}

impl RegisteredCollection {
    /// What the derive registers; not needed by hand.
    #[doc(hidden)]
    pub const fn new(name: &'static str, config: fn() -> CollectionConfig) -> Self {
        Self { name, config }
    }

    /// The collection's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The collection's configuration.
    pub fn config(&self) -> CollectionConfig {
        (self.config)()
    }
}

inventory::collect!(RegisteredCollection);

/// Every collection derived in this program (its crate and all its
/// dependencies), sorted by name.
pub fn registered_collections() -> Vec<RegisteredCollection> {
    let mut all: Vec<RegisteredCollection> = inventory::iter::<RegisteredCollection>.into_iter().copied().collect();
    all.sort_by_key(|c| c.name);
    all
}

/// The config of the registered collection `name`.
pub(crate) fn registered_config(name: &str) -> Option<CollectionConfig> {
    inventory::iter::<RegisteredCollection>.into_iter().find(|c| c.name == name).map(RegisteredCollection::config)
}
