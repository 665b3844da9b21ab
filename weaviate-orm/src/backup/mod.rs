//! Backups: create, restore, follow and cancel them, for the whole server or
//! chosen collections, on a backend module of the server (`backup-filesystem`,
//! which the embedded server loads, or S3, GCS and Azure).
//!
//! ```no_run
//! # use weaviate_orm::{WeaviateClient, WeaviateCollection};
//! # #[derive(WeaviateCollection)] struct Article { title: String }
//! # async fn demo(client: WeaviateClient) -> weaviate_orm::Result<()> {
//! use weaviate_orm::backup::BackupBackend;
//!
//! let backups = client.backups(BackupBackend::Filesystem);
//! let done = backups.create("nightly-2026-12-01").include::<Article>().wait().await?;
//! println!("{} collections, {:?} GiB", done.collections.len(), done.size_gib);
//!
//! client.collections().delete(Article::NAME).await?;
//! backups.restore("nightly-2026-12-01").include::<Article>().wait().await?;
//! # Ok(()) }
//! ```

mod create;
mod errors;
mod handle;
mod options;
mod restore;
mod status;

pub use create::{BackupCreate, Compression};
pub use handle::Backups;
pub use restore::{BackupRestore, RbacRestore};
pub use status::{BackupBackend, BackupInfo, BackupPhase};

pub use crate::error::BackupErrorKind;
