//! A collection's shards: their status, set by hand, and waiting until
//! their vector indexes caught up with the writes.

use std::time::Duration;

use reqwest::Method;
use serde::Deserialize;
use serde_json::json;

use crate::client::rest::Path;
use crate::collection::Collection;
use crate::model::WeaviateCollection;
use crate::{Error, Result, names};

/// A shard's status.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "String")]
#[non_exhaustive]
pub enum ShardStatus {
    /// Reads and writes.
    Ready,
    /// Reads only: set by hand, or by the server when the disk or memory ran full.
    ReadOnly,
    /// Building its index.
    Indexing,
    /// Being loaded.
    Loading,
    /// Loaded when first used.
    LazyLoading,
    /// Shutting down.
    Shutdown,
    /// A status this client does not know, as the server wrote it.
    Other(String),
}

impl From<String> for ShardStatus {
    fn from(status: String) -> Self {
        match status.as_str() {
            "READY" => Self::Ready,
            "READONLY" => Self::ReadOnly,
            "INDEXING" => Self::Indexing,
            "LOADING" => Self::Loading,
            "LAZY_LOADING" => Self::LazyLoading,
            "SHUTDOWN" => Self::Shutdown,
            _ => Self::Other(status),
        }
    }
}

impl ShardStatus {
    /// The server's name for it.
    pub fn name(&self) -> &str {
        match self {
            Self::Ready => "READY",
            Self::ReadOnly => "READONLY",
            Self::Indexing => "INDEXING",
            Self::Loading => "LOADING",
            Self::LazyLoading => "LAZY_LOADING",
            Self::Shutdown => "SHUTDOWN",
            Self::Other(name) => name,
        }
    }
}

/// One shard of a collection.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ShardInfo {
    /// The shard's name.
    pub name: String,
    /// Its status.
    pub status: ShardStatus,
    /// Vectors waiting to be indexed (asynchronous indexing).
    #[serde(default)]
    pub vector_queue_size: u64,
}

/// The longest pause between two reads while waiting for the indexes.
const LONGEST_POLL: Duration = Duration::from_secs(1);

impl<T: WeaviateCollection> Collection<T> {
    /// The collection's shards with their status.
    pub async fn shards(&self) -> Result<Vec<ShardInfo>> {
        let t = self.transports()?;
        t.rest.get_json(&self.shards_path()?, t.timeouts.query).await
    }

    /// Sets the status of shard `shard`: [`ShardStatus::Ready`] brings a
    /// READONLY shard back, [`ShardStatus::ReadOnly`] stops its writes. A
    /// name the collection has no shard of is an
    /// [`Error::InvalidConfig`] (the server would answer it with success).
    pub async fn update_shard(&self, shard: &str, status: ShardStatus) -> Result<ShardStatus> {
        if !matches!(status, ShardStatus::Ready | ShardStatus::ReadOnly) {
            return Err(Error::InvalidConfig(format!("a shard can be set READY or READONLY, not {}", status.name())));
        }
        if !self.shards().await?.iter().any(|s| s.name == shard) {
            return Err(Error::InvalidConfig(format!("{} has no shard {shard:?}", self.name())));
        }
        let path = self.shards_path()?.then(shard)?;
        let t = self.transports()?;
        let response =
            t.rest.send_json(Method::PUT, &path, &json!({"status": status.name()}), t.timeouts.insert).await?;
        let operation = format!("PUT /v1{path}");
        let bytes = response
            .bytes()
            .await
            .map_err(|e| Error::UnexpectedResponse { operation: operation.clone(), message: e.to_string() })?;
        #[derive(Deserialize)]
        struct Updated {
            status: ShardStatus,
        }
        let updated: Updated = serde_json::from_slice(&bytes)
            .map_err(|e| Error::UnexpectedResponse { operation, message: e.to_string() })?;
        Ok(updated.status)
    }

    /// Sets the status of every shard of the collection (as the Python
    /// client's `update_shards` without names); the shards' new statuses.
    pub async fn update_all_shards(&self, status: ShardStatus) -> Result<Vec<ShardStatus>> {
        let mut updated = Vec::new();
        for shard in self.shards().await? {
            updated.push(self.update_shard(&shard.name, status.clone()).await?);
        }
        Ok(updated)
    }

    /// Waits until every shard of the collection, on every node, has
    /// indexed every vector written to it (no queue, no shard INDEXING):
    /// with asynchronous indexing, searches then see every write. Past
    /// `timeout`, [`Error::Timeout`].
    pub async fn wait_for_vector_indexing(&self, timeout: Duration) -> Result<()> {
        let deadline = tokio::time::Instant::now() + timeout;
        let mut pause = Duration::from_millis(50);
        loop {
            let nodes = self.client().cluster().nodes_of(self.name()).await?;
            let pending = nodes
                .iter()
                .flat_map(|n| &n.shards)
                .any(|s| s.vector_queue_length > 0 || s.vector_indexing_status == ShardStatus::Indexing);
            if !pending {
                return Ok(());
            }
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            if left.is_zero() {
                let operation = format!("waiting for the vector indexes of {}", self.name());
                return Err(Error::Timeout { operation, after: timeout });
            }
            tokio::time::sleep(pause.min(left)).await;
            pause = (pause * 2).min(LONGEST_POLL);
        }
    }

    fn shards_path(&self) -> Result<Path> {
        Ok(Path::new("schema").then(names::collection(self.name())?)?.and("shards"))
    }
}
