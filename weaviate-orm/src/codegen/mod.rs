//! Rust models from a server's collections: the source of one
//! `#[derive(WeaviateCollection)]` struct per collection, whose migration
//! plan against that server is empty. The `weaviate-orm models` command
//! writes it; [`rust_models`] is the same thing as a function.
//!
//! Every setting the server holds that differs from its default becomes an
//! attribute; modules are written by their server names with their settings
//! as JSON (the derive's escape hatch), so every module round-trips, known
//! to this crate or not. Properties become `Option` fields (any stored
//! object may lack any property), nested objects `#[derive(WeaviateObject)]`
//! structs named after their owner and property, references `Ref<..>`;
//! vectors the client brings get a field to bring them in. Rust names are
//! made valid (`publishedAt` is the field `published_at`, `type` is
//! `r#type`, a struct never shadows a name the code uses) and mapped back
//! with `rename` or `name` where they differ.
//!
//! ```
//! use weaviate_orm::codegen::{ModelOptions, rust_models};
//! use weaviate_orm::schema::{CollectionConfig, DataType, PropertyConfig};
//!
//! let mut article = CollectionConfig::new("Article");
//! article.description = Some("News articles.".into());
//! article.properties.push(PropertyConfig::new("publishedAt", DataType::Date));
//! let source = rust_models(&[article], &ModelOptions::default());
//! assert!(source.contains("/// News articles.\n#[derive(Debug, Clone, WeaviateCollection)]\npub struct Article {"));
//! assert!(source.contains("    #[weaviate(rename = \"publishedAt\")]\n    pub published_at: Option<DateTime<Utc>>,"));
//! ```

mod collection;
mod fields;
mod idents;
mod index;
mod literal;
mod server;
mod source;

use std::collections::{BTreeMap, BTreeSet};

use crate::schema::CollectionConfig;
use fields::Context;
use idents::{Scope, type_name};
use source::Item;

/// What the generated code knows of the server it was read from, whose
/// defaults it leaves out.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ModelOptions {
    /// The server's nodes: a collection's default number of shards.
    pub nodes: u32,
    /// The server's version, some of whose defaults differ from older ones'
    /// (a filter strategy, a deletion strategy); `None`: a recent server.
    pub server_version: Option<semver::Version>,
}

impl Default for ModelOptions {
    fn default() -> Self {
        Self { nodes: 1, server_version: None }
    }
}

impl ModelOptions {
    /// Options for a cluster of `nodes` nodes.
    pub fn with_nodes(mut self, nodes: u32) -> Self {
        self.nodes = nodes.max(1);
        self
    }

    /// Options for a server of this version.
    pub fn with_server_version(mut self, version: semver::Version) -> Self {
        self.server_version = Some(version);
        self
    }

    /// Whether the server is `major.minor` or newer (a server of unknown
    /// version counts as new).
    fn at_least(&self, major: u64, minor: u64) -> bool {
        self.server_version.as_ref().is_none_or(|v| (v.major, v.minor) >= (major, minor))
    }
}

/// The Rust source of the models of `collections` (in the order of their
/// names), with the imports they need: a file to put in a crate as it is.
pub fn rust_models(collections: &[CollectionConfig], options: &ModelOptions) -> String {
    let mut sorted: Vec<&CollectionConfig> = collections.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    let mut types = Scope::types();
    let named: Vec<(&CollectionConfig, String)> =
        sorted.into_iter().map(|c| (c, types.claim(type_name(&c.name)))).collect();
    let idents: BTreeMap<String, String> = named.iter().map(|(c, ident)| (c.name.clone(), ident.clone())).collect();
    let mut uses = BTreeSet::new();
    let mut items = Vec::new();
    let server = server::Server {
        nodes: options.nodes,
        acorn_by_default: options.at_least(1, 34),
        time_based_deletion_by_default: options.at_least(1, 39),
    };
    for (config, ident) in &named {
        let mut cx = Context { collections: &idents, types: &mut types, uses: &mut uses, nested: Vec::new() };
        let fields = fields::collection_fields(&mut cx, config, ident);
        let nested = cx.nested;
        items.push(Item {
            description: config.description.clone(),
            derive: "WeaviateCollection",
            attributes: collection::attributes(config, ident, server),
            ident: ident.clone(),
            fields,
        });
        items.extend(nested);
    }
    let mut out =
        String::from("//! Models of the collections of a Weaviate server, written by `weaviate-orm models`.\n\n");
    out.push_str(&source::imports(&uses));
    for item in &items {
        out.push('\n');
        source::item(&mut out, item);
    }
    out
}
