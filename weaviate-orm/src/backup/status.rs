//! What the server says of a backup: its backend, its phase, and the
//! report of a create or restore.

use chrono::{DateTime, Utc};
use serde::Deserialize;

/// Where backups are stored: one of the server's backup modules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BackupBackend {
    /// A folder of the server (`backup-filesystem`, `BACKUP_FILESYSTEM_PATH`);
    /// for one node only.
    Filesystem,
    /// Amazon S3 or a compatible store (`backup-s3`).
    S3,
    /// Google Cloud Storage (`backup-gcs`).
    Gcs,
    /// Azure Blob Storage (`backup-azure`).
    Azure,
}

impl BackupBackend {
    /// The name the server's API uses.
    pub fn name(self) -> &'static str {
        match self {
            Self::Filesystem => "filesystem",
            Self::S3 => "s3",
            Self::Gcs => "gcs",
            Self::Azure => "azure",
        }
    }
}

/// The phase of a backup's creation or restoration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum BackupPhase {
    /// Accepted; the nodes are preparing.
    Started,
    /// Files are being copied.
    Transferring,
    /// Every file is copied.
    Transferred,
    /// The backup is being committed.
    Finalizing,
    /// Done.
    Success,
    /// Done, with an error ([`BackupInfo::error`]).
    Failed,
    /// A cancellation is under way.
    #[serde(alias = "CANCELING")]
    Cancelling,
    /// Cancelled before it finished.
    #[serde(alias = "CANCELLED")]
    Canceled,
}

impl BackupPhase {
    /// Whether the backup has stopped: succeeded, failed or was cancelled.
    pub fn is_finished(self) -> bool {
        matches!(self, Self::Success | Self::Failed | Self::Canceled)
    }
}

/// A backup as the server reports it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct BackupInfo {
    /// The backup's id.
    pub id: String,
    /// Its phase.
    pub status: BackupPhase,
    /// The collections in it (given when it is created and in lists).
    #[serde(default, rename = "classes")]
    pub collections: Vec<String>,
    /// Where the backend keeps it.
    #[serde(default)]
    pub path: Option<String>,
    /// Why it failed.
    #[serde(default)]
    pub error: Option<String>,
    /// Its size in GiB, once it is done.
    #[serde(default, rename = "size")]
    pub size_gib: Option<f64>,
    /// When it started.
    #[serde(default, rename = "startedAt")]
    pub started_at: Option<DateTime<Utc>>,
    /// When it stopped.
    #[serde(default, rename = "completedAt")]
    pub completed_at: Option<DateTime<Utc>>,
}
