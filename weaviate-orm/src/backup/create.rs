//! Creating a backup: `client.backups(backend).create(id)`.

use serde_json::{Map, Value, json};

use super::BackupInfo;
use super::handle::{Backups, Operation};
use super::options::{Common, common_options};
use crate::Result;

/// How a backup's files are compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Compression {
    /// gzip at its default level (the server's default).
    Default,
    /// gzip, fastest.
    BestSpeed,
    /// gzip, smallest.
    BestCompression,
    /// zstd at its default level.
    ZstdDefault,
    /// zstd, fastest.
    ZstdBestSpeed,
    /// zstd, smallest.
    ZstdBestCompression,
    /// Stored as they are.
    None,
}

impl Compression {
    /// The server's name for it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Default => "DefaultCompression",
            Self::BestSpeed => "BestSpeed",
            Self::BestCompression => "BestCompression",
            Self::ZstdDefault => "ZstdDefaultCompression",
            Self::ZstdBestSpeed => "ZstdBestSpeed",
            Self::ZstdBestCompression => "ZstdBestCompression",
            Self::None => "NoCompression",
        }
    }
}

/// A backup to create; [`send`](Self::send) starts it, [`wait`](Self::wait)
/// also waits until it is done.
#[derive(Debug)]
#[must_use = "a backup is only created by `send` or `wait`"]
pub struct BackupCreate {
    backups: Backups,
    id: String,
    common: Common,
    compression: Option<Compression>,
    incremental_base: Option<String>,
}

common_options!(BackupCreate);

impl Backups {
    /// A backup called `id` (lower-case letters, digits, `_` and `-`) to create.
    pub fn create(&self, id: impl Into<String>) -> BackupCreate {
        BackupCreate {
            backups: self.clone(),
            id: id.into(),
            common: Common::default(),
            compression: None,
            incremental_base: None,
        }
    }
}

impl BackupCreate {
    /// How the files are compressed.
    pub fn compression(mut self, compression: Compression) -> Self {
        self.compression = Some(compression);
        self
    }

    /// Makes an incremental backup: only the files changed since the backup `base`.
    pub fn incremental_from(mut self, base: impl Into<String>) -> Self {
        self.incremental_base = Some(base.into());
        self
    }

    fn body(&self) -> Result<Value> {
        let mut body = Map::new();
        body.insert("id".into(), json!(self.id));
        self.common.selection(&mut body)?;
        let mut config = self.common.config()?;
        if let Some(compression) = self.compression {
            config.insert("CompressionLevel".into(), json!(compression.name()));
        }
        if !config.is_empty() {
            body.insert("config".into(), Value::Object(config));
        }
        if let Some(base) = &self.incremental_base {
            crate::names::backup(base)?;
            body.insert("incremental_base_backup_id".into(), json!(base));
        }
        Ok(Value::Object(body))
    }

    /// Starts the backup and returns at once, with the collections it takes;
    /// follow it with [`Backups::status`].
    pub async fn send(mut self) -> Result<BackupInfo> {
        let body = self.body()?;
        self.backups.run(Operation::Create, &self.id, &body, &mut self.common, false).await
    }

    /// Starts the backup and waits until it is done: its final report, or
    /// [`Error::Backup`](crate::Error::Backup) when it failed or was cancelled.
    pub async fn wait(mut self) -> Result<BackupInfo> {
        let body = self.body()?;
        self.backups.run(Operation::Create, &self.id, &body, &mut self.common, true).await
    }
}
