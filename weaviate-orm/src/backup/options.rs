//! What a create and a restore share: the collections they take, where the
//! backend keeps the backup, the CPU they may use, and how the caller waits.

use std::time::Duration;

use serde_json::{Map, Value, json};

use super::BackupInfo;
use crate::{Error, Result, names};

/// Called with each new phase while a backup or restore is awaited.
pub(super) type Progress = Box<dyn FnMut(&BackupInfo) + Send>;

/// The options both a create and a restore take.
#[derive(Default)]
pub(super) struct Common {
    pub(super) include: Vec<String>,
    pub(super) exclude: Vec<String>,
    pub(super) cpu_percentage: Option<u8>,
    pub(super) bucket: Option<String>,
    pub(super) path: Option<String>,
    pub(super) progress: Option<Progress>,
    pub(super) timeout: Option<Duration>,
}

impl std::fmt::Debug for Common {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Common")
            .field("include", &self.include)
            .field("exclude", &self.exclude)
            .field("cpu_percentage", &self.cpu_percentage)
            .field("bucket", &self.bucket)
            .field("path", &self.path)
            .field("progress", &self.progress.as_ref().map(|_| "on_progress"))
            .field("timeout", &self.timeout)
            .finish()
    }
}

impl Common {
    /// The collections, checked: names or wildcard patterns, not both lists.
    pub(super) fn selection(&self, body: &mut Map<String, Value>) -> Result<()> {
        if !self.include.is_empty() && !self.exclude.is_empty() {
            return Err(Error::InvalidConfig("a backup takes `include` or `exclude` collections, not both".into()));
        }
        for name in self.include.iter().chain(&self.exclude).filter(|n| !n.contains(['*', '?'])) {
            names::collection(name)?;
        }
        body.insert("include".into(), json!(self.include));
        body.insert("exclude".into(), json!(self.exclude));
        Ok(())
    }

    /// The `config` object's location and CPU settings (the server's keys are capitalised).
    pub(super) fn config(&self) -> Result<Map<String, Value>> {
        let mut config = Map::new();
        if let Some(cpu) = self.cpu_percentage {
            if !(1..=80).contains(&cpu) {
                return Err(Error::InvalidConfig(format!("a backup may use 1 to 80 % of the CPU, not {cpu} %")));
            }
            config.insert("CPUPercentage".into(), json!(cpu));
        }
        if let Some(bucket) = &self.bucket {
            config.insert("Bucket".into(), json!(bucket));
        }
        if let Some(path) = &self.path {
            config.insert("Path".into(), json!(path));
        }
        Ok(config)
    }
}

/// The builder methods of [`Common`], for a builder with a `common` field.
macro_rules! common_options {
    ($builder:ident) => {
        impl $builder {
            /// Takes the collection of `T` (by default: every collection).
            pub fn include<T: $crate::WeaviateCollection>(self) -> Self {
                self.include_named(T::NAME)
            }

            /// Takes the collection `name`, or those a pattern matches (`Article*`).
            pub fn include_named(mut self, name: impl Into<String>) -> Self {
                self.common.include.push(name.into());
                self
            }

            /// Takes every collection but that of `T`.
            pub fn exclude<T: $crate::WeaviateCollection>(self) -> Self {
                self.exclude_named(T::NAME)
            }

            /// Takes every collection but `name` (or those a pattern matches).
            pub fn exclude_named(mut self, name: impl Into<String>) -> Self {
                self.common.exclude.push(name.into());
                self
            }

            /// The share of the CPU the server may use, 1 to 80 % (the server's default: 50 %).
            pub fn cpu_percentage(mut self, percent: u8) -> Self {
                self.common.cpu_percentage = Some(percent);
                self
            }

            /// The bucket (S3, GCS) or container (Azure) of the backup.
            pub fn bucket(mut self, bucket: impl Into<String>) -> Self {
                self.common.bucket = Some(bucket.into());
                self
            }

            /// The path of the backup within the bucket or the backup folder.
            pub fn path(mut self, path: impl Into<String>) -> Self {
                self.common.path = Some(path.into());
                self
            }

            /// Calls `progress` with the server's report each time the phase
            /// changes while [`wait`](Self::wait) waits.
            pub fn on_progress(mut self, progress: impl FnMut(&$crate::backup::BackupInfo) + Send + 'static) -> Self {
                self.common.progress = Some(Box::new(progress));
                self
            }

            /// How long [`wait`](Self::wait) waits at most (by default, until
            /// the server reports the end): then [`Error::Timeout`](crate::Error::Timeout).
            pub fn timeout(mut self, timeout: std::time::Duration) -> Self {
                self.common.timeout = Some(timeout);
                self
            }
        }
    };
}
pub(super) use common_options;
