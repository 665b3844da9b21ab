//! Schema migration: make the server's collections follow the models.
//!
//! [`WeaviateClient::migrate`](crate::WeaviateClient::migrate) creates a model's collection, or brings an
//! existing one up to date: it adds properties (references included) and
//! named vectors, and updates the settings Weaviate can change in place
//! (descriptions, BM25, stop words, mutable vector index knobs, quantizers,
//! replication, auto-tenant switches, generative and reranker modules).
//! Differences Weaviate cannot apply in place (a data type, a tokenization, a
//! vectorizer, a distance...) stop the migration before anything is written,
//! with an error naming each one, its old and new value and what to do.
//!
//! ```no_run
//! # use weaviate_orm::WeaviateCollection;
//! # #[derive(WeaviateCollection)]
//! # struct Article { title: String }
//! # #[derive(WeaviateCollection)]
//! # struct Author { name: String }
//! # async fn demo(client: weaviate_orm::WeaviateClient) -> weaviate_orm::Result<()> {
//! use weaviate_orm::migrate::Policy;
//!
//! // One model.
//! client.migrate::<Article>().await?;
//!
//! // A dry run over every derived model in the program: nothing is written.
//! for plan in client.migrator().registered().plan().await? {
//!     println!("{plan}");
//! }
//!
//! // Development only: collections with breaking changes are dropped and recreated.
//! client.migrator().collection::<Article>().collection::<Author>().policy(Policy::DropAndRecreate).run().await?;
//! # Ok(()) }
//! ```
//!
//! Under [`Policy::Reindex`] the model's name is served as an alias, and a
//! breaking change moves the data to the next version of the collection
//! without downtime: see the [`Migrator::convert`] example and the README.
//!
//! Settings a model does not declare are left as the server has them.
//! Running a migration twice writes nothing the second time, and processes
//! migrating the same models at the same moment all succeed.

mod apply;
mod reindex;
mod targets;

pub use crate::schema::{BreakingChange, BreakingKind, Change, MigrationPlan, Policy};
pub use apply::{MigrationReport, Migrator};
pub use reindex::{Conversion, Reindexed};
