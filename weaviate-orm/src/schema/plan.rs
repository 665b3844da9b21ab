//! What a migration would do: [`MigrationPlan`] and its [`Change`]s, printed
//! as a stable, diff-like summary.

use std::fmt;

use serde_json::Value;

/// The differences between a model and the server's collection, in a stable
/// order: the collection, then its settings, named vectors and properties.
/// Printed (`{plan}`), it reads like a diff: `+` adds, `~` changes in place,
/// `!` is breaking, `=` is kept as is.
///
/// ```no_run
/// # use weaviate_orm::{WeaviateClient, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String }
/// # async fn demo(client: WeaviateClient) -> weaviate_orm::Result<()> {
/// use weaviate_orm::migrate::Policy;
///
/// let plan = client.plan_migration::<Article>().await?;
/// for breaking in plan.breaking() {
///     eprintln!("{}: {}; {}", breaking.setting, breaking.kind.reason(), breaking.kind.remedy());
/// }
/// if plan.blockers(Policy::Safe).next().is_none() {
///     client.migrate::<Article>().await?;
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct MigrationPlan {
    /// The collection's name.
    pub collection: String,
    /// What differs; empty when the server is up to date.
    pub changes: Vec<Change>,
}

/// One difference between the model and the server.
///
/// ```
/// use weaviate_orm::migrate::{Change, Policy};
///
/// let added = Change::AddProperty { property: "subtitle".into(), data_type: "text".into() };
/// assert_eq!(added.to_string(), "+ add property `subtitle` (text)");
/// assert!(added.writes() && !added.blocks(Policy::Strict));
///
/// let server_only = Change::ServerOnlyProperty { property: "legacy".into() };
/// assert!(!server_only.blocks(Policy::Safe) && server_only.blocks(Policy::Strict));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Change {
    /// The collection does not exist yet.
    CreateCollection,
    /// A property the server does not have yet (references included).
    AddProperty {
        /// The property's name.
        property: String,
        /// Its data type, as the schema writes it (`text`, `int[]`, `Author`...).
        data_type: String,
    },
    /// A named vector the server does not have yet.
    AddNamedVector {
        /// The vector's name.
        vector: String,
    },
    /// A setting Weaviate changes in place.
    UpdateSetting {
        /// Where the setting is in the schema JSON, e.g. `invertedIndexConfig.bm25.b`.
        setting: String,
        /// The server's value (`null` when it has none).
        from: Value,
        /// The model's value.
        to: Value,
    },
    /// A difference Weaviate cannot apply to an existing collection.
    Breaking(BreakingChange),
    /// A property only the server has. Weaviate cannot drop properties, so it
    /// stays; [`Policy::Strict`] refuses it.
    ServerOnlyProperty {
        /// The property's name.
        property: String,
    },
    /// A named vector only the server has; kept.
    ServerOnlyVector {
        /// The vector's name.
        vector: String,
    },
    /// Under [`Policy::Reindex`]: the model's collection is created as `to`,
    /// the objects of `from` are copied into it, and the alias of the
    /// model's name is pointed at it; `from` is kept.
    Reindex {
        /// The collection the alias points to now (or the plain collection adopted).
        from: String,
        /// The new collection.
        to: String,
        /// The objects to copy, as counted when planning.
        objects: u64,
    },
}

/// A difference Weaviate cannot apply in place, with what the user can do.
///
/// ```no_run
/// # use weaviate_orm::{WeaviateClient, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String }
/// # async fn demo(client: WeaviateClient) -> weaviate_orm::Result<()> {
/// use weaviate_orm::Error;
///
/// if let Err(Error::SchemaMismatch { plans, .. }) = client.migrate::<Article>().await {
///     for breaking in plans.iter().flat_map(|plan| plan.breaking()) {
///         eprintln!("{}: {} -> {} ({:?})", breaking.setting, breaking.from, breaking.to, breaking.kind);
///         eprintln!("  what to do: {}", breaking.kind.remedy());
///     }
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct BreakingChange {
    /// Which kind of setting differs.
    pub kind: BreakingKind,
    /// Where it is in the schema JSON, e.g. `properties.title.tokenization`.
    pub setting: String,
    /// The server's value (`null` when it has none).
    pub from: Value,
    /// The model's value (`null` when it has none).
    pub to: Value,
}

/// The kinds of [`BreakingChange`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BreakingKind {
    /// A property's data type (or a reference's target collections).
    DataType,
    /// A text property's tokenization.
    Tokenization,
    /// A property's filterable, searchable or range index.
    PropertyIndex,
    /// A property's vectorization switches (`skip`, `vectorizePropertyName`).
    PropertyVectorization,
    /// A text property's analyzer (ASCII folding, its stop word preset).
    TextAnalyzer,
    /// A sub-property added to an existing `object` property.
    NestedPropertyAdded,
    /// The vectorizer module or its settings.
    Vectorizer,
    /// Default vector versus named vectors.
    VectorLayout,
    /// The vector index type (hnsw, flat, dynamic).
    VectorIndexType,
    /// The vector distance metric.
    Distance,
    /// A vector index setting fixed at creation (`efConstruction`,
    /// `maxConnections`, multi-vector, a flat index's quantizer...).
    VectorIndexSetting,
    /// `indexTimestamps`, `indexNullState` or `indexPropertyLength`.
    InvertedIndexSetting,
    /// Multi-tenancy switched on or off.
    MultiTenancy,
    /// The shard count or virtual shards per shard.
    Sharding,
}

impl BreakingKind {
    /// Why Weaviate refuses it.
    pub fn reason(self) -> &'static str {
        match self {
            Self::DataType => "Weaviate cannot change a property's data type",
            Self::Tokenization => "Weaviate fixes a property's tokenization when the property is created",
            Self::PropertyIndex => "Weaviate fixes a property's indexes when the property is created",
            Self::PropertyVectorization => "Weaviate fixes a property's vectorizer settings when it is created",
            Self::TextAnalyzer => "Weaviate fixes how a property's text is analysed when the property is created",
            Self::NestedPropertyAdded => {
                "Weaviate's schema API cannot add a sub-property to an existing object property"
            }
            Self::Vectorizer => "Weaviate cannot change a vectorizer or its settings",
            Self::VectorLayout => "Weaviate cannot switch between a default vector and named vectors",
            Self::VectorIndexType => "Weaviate cannot change a vector index's type",
            Self::Distance => "Weaviate cannot change a vector index's distance metric",
            Self::VectorIndexSetting => "this vector index setting is fixed when the index is created",
            Self::InvertedIndexSetting => "Weaviate fixes this inverted index setting when the collection is created",
            Self::MultiTenancy => "Weaviate cannot switch multi-tenancy on or off for an existing collection",
            Self::Sharding => "Weaviate cannot re-shard an existing collection",
        }
    }

    /// What the user can do about it.
    pub fn remedy(self) -> &'static str {
        match self {
            Self::DataType
            | Self::Tokenization
            | Self::PropertyIndex
            | Self::PropertyVectorization
            | Self::TextAnalyzer => {
                "give the field a new property name (`#[weaviate(rename = \"...\")]`) and copy the data over, \
                 or recreate the collection"
            }
            Self::NestedPropertyAdded => {
                "add a new object property under another name and copy the data over, or recreate the collection"
            }
            Self::Vectorizer | Self::VectorIndexType | Self::Distance | Self::VectorIndexSetting => {
                "declare a new named vector with the new settings, or recreate the collection"
            }
            Self::VectorLayout | Self::InvertedIndexSetting | Self::MultiTenancy | Self::Sharding => {
                "create a new collection and copy the data over, or recreate this one"
            }
        }
    }
}

impl Change {
    /// Whether applying the plan under `policy` must stop at this change.
    pub fn blocks(&self, policy: Policy) -> bool {
        match self {
            Self::Breaking(_) => !matches!(policy, Policy::DropAndRecreate | Policy::Reindex),
            Self::ServerOnlyProperty { .. } => policy == Policy::Strict,
            _ => false,
        }
    }

    /// Whether this change writes to the server when applied.
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Self::CreateCollection
                | Self::AddProperty { .. }
                | Self::AddNamedVector { .. }
                | Self::UpdateSetting { .. }
                | Self::Reindex { .. }
        )
    }
}

impl MigrationPlan {
    /// Whether the server already matches the model.
    pub fn is_up_to_date(&self) -> bool {
        self.changes.iter().all(|change| !change.writes() && !matches!(change, Change::Breaking(_)))
    }

    /// The breaking changes.
    pub fn breaking(&self) -> impl Iterator<Item = &BreakingChange> {
        self.changes.iter().filter_map(|change| match change {
            Change::Breaking(breaking) => Some(breaking),
            _ => None,
        })
    }

    /// The changes that stop a migration under `policy`.
    pub fn blockers(&self, policy: Policy) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(move |change| change.blocks(policy))
    }
}

impl fmt::Display for MigrationPlan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.changes.is_empty() {
            return write!(f, "{}: up to date", self.collection);
        }
        write!(f, "{}:", self.collection)?;
        let reindexed = self.changes.iter().any(|c| matches!(c, Change::Reindex { .. }));
        for change in &self.changes {
            match change {
                // The reindex applies it: no remedy to suggest.
                Change::Breaking(b) if reindexed => write!(
                    f,
                    "\n  ! {}: {} -> {} ({}; applied by the reindex)",
                    b.setting,
                    b.from,
                    b.to,
                    b.kind.reason()
                )?,
                change => write!(f, "\n  {change}")?,
            }
        }
        Ok(())
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::CreateCollection => write!(f, "+ create collection"),
            Self::AddProperty { property, data_type } => write!(f, "+ add property `{property}` ({data_type})"),
            Self::AddNamedVector { vector } => write!(f, "+ add named vector `{vector}`"),
            Self::UpdateSetting { setting, from, to } => write!(f, "~ {setting}: {from} -> {to}"),
            Self::Breaking(breaking) => write!(f, "! {breaking}"),
            Self::ServerOnlyProperty { property } => {
                write!(f, "= property `{property}` exists only on the server (kept: Weaviate cannot drop properties)")
            }
            Self::ServerOnlyVector { vector } => {
                write!(f, "= named vector `{vector}` exists only on the server (kept)")
            }
            Self::Reindex { from, to, objects } => write!(
                f,
                "> reindex: create `{to}`, copy the {objects} objects of `{from}` into it, point the alias at it \
                 (`{from}` is kept)"
            ),
        }
    }
}

impl fmt::Display for BreakingChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} -> {} (breaking: {}; {})",
            self.setting,
            self.from,
            self.to,
            self.kind.reason(),
            self.kind.remedy()
        )
    }
}

/// What a migration does about changes Weaviate cannot apply in place; set
/// it with [`Migrator::policy`](crate::migrate::Migrator::policy).
///
/// ```no_run
/// # use weaviate_orm::{WeaviateClient, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String }
/// # async fn demo(client: WeaviateClient) -> weaviate_orm::Result<()> {
/// use weaviate_orm::migrate::Policy;
///
/// // During development, start over whenever a model changes incompatibly.
/// let policy = if cfg!(debug_assertions) { Policy::DropAndRecreate } else { Policy::Safe };
/// client.migrator().registered().policy(policy).run().await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Policy {
    /// Apply the safe steps; refuse breaking changes; keep properties that
    /// only the server has.
    #[default]
    Safe,
    /// Like [`Safe`](Self::Safe), and also refuse properties that only the
    /// server has (the model must describe the whole collection).
    Strict,
    /// Delete and recreate a collection with breaking changes, **losing its
    /// objects**. For development only.
    DropAndRecreate,
    /// Serve the model's name as an alias; apply a breaking change by
    /// creating the next version of the collection (`<Name>_v<N>`), copying
    /// every object into it and pointing the alias at it, without downtime.
    /// The old version is kept; pointing the alias back rolls back. See
    /// [`crate::migrate`].
    Reindex,
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_reindexed_plan_names_no_remedy_for_what_the_reindex_applies() {
        let breaking = Change::Breaking(BreakingChange {
            kind: BreakingKind::Tokenization,
            setting: "properties.isbn.tokenization".into(),
            from: json!("word"),
            to: json!("field"),
        });
        let mut plan = MigrationPlan { collection: "Book".into(), changes: vec![breaking] };
        assert!(plan.to_string().contains(BreakingKind::Tokenization.remedy()), "{plan}");
        plan.changes.push(Change::Reindex { from: "Book_v1".into(), to: "Book_v2".into(), objects: 3 });
        let shown = plan.to_string();
        assert!(
            !shown.contains(BreakingKind::Tokenization.remedy()) && shown.contains("applied by the reindex"),
            "{shown}"
        );
        assert!(shown.contains("> reindex: create `Book_v2`, copy the 3 objects of `Book_v1`"), "{shown}");
    }
}
