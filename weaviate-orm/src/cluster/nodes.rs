//! The nodes of the cluster, as `GET /v1/nodes` reports them.

use serde::Deserialize;

use super::ShardStatus;
use crate::client::WeaviateClient;
use crate::client::rest::Path;
use crate::{Result, names};

/// The cluster of the server the client talks to; get it with [`WeaviateClient::cluster`].
#[derive(Debug, Clone)]
pub struct Cluster {
    pub(super) client: WeaviateClient,
}

/// A node's health.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "String")]
#[non_exhaustive]
pub enum NodeStatus {
    /// Up and serving.
    Healthy,
    /// Up with a problem.
    Unhealthy,
    /// Not reachable by the node that answered.
    Unavailable,
    /// Did not answer in time.
    Timeout,
    /// A status this client does not know, as the server wrote it.
    Other(String),
}

impl From<String> for NodeStatus {
    fn from(status: String) -> Self {
        match status.as_str() {
            "HEALTHY" => Self::Healthy,
            "UNHEALTHY" => Self::Unhealthy,
            "UNAVAILABLE" => Self::Unavailable,
            "TIMEOUT" => Self::Timeout,
            _ => Self::Other(status),
        }
    }
}

/// One node of the cluster.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NodeInfo {
    /// The node's name (`CLUSTER_HOSTNAME`).
    pub name: String,
    /// Its health.
    pub status: NodeStatus,
    /// Its Weaviate version.
    #[serde(default)]
    pub version: String,
    /// The commit it was built from, when the build recorded one.
    #[serde(default)]
    pub git_hash: Option<String>,
    /// `ReadWrite`, `ReadOnly` or `WriteOnly`.
    #[serde(default)]
    pub operational_mode: Option<String>,
    /// Its object and shard counts (verbose reads only).
    #[serde(default)]
    pub stats: Option<NodeStats>,
    /// Its batch queue.
    #[serde(default)]
    pub batch_stats: Option<BatchStats>,
    /// Its shards (verbose reads only).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub shards: Vec<NodeShard>,
}

/// A node's totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NodeStats {
    /// Objects on the node.
    pub object_count: u64,
    /// Shards on the node.
    pub shard_count: u64,
}

/// A node's batch queue.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BatchStats {
    /// Batch requests waiting.
    #[serde(default)]
    pub queue_length: u64,
    /// Objects per second the node imports.
    #[serde(default)]
    pub rate_per_second: f64,
}

/// A shard as a node holds it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NodeShard {
    /// The shard's name (a tenant's name, for a multi-tenant collection).
    pub name: String,
    /// Its collection.
    #[serde(rename = "class")]
    pub collection: String,
    /// Objects in it.
    pub object_count: u64,
    /// Its vector index: `READY`, `INDEXING`, `READONLY`...
    #[serde(rename = "vectorIndexingStatus")]
    pub vector_indexing_status: ShardStatus,
    /// Vectors waiting to be indexed (asynchronous indexing).
    #[serde(default)]
    pub vector_queue_length: u64,
    /// Whether its vectors are compressed.
    #[serde(default)]
    pub compressed: bool,
    /// Whether it is loaded (lazily loaded shards are not until first used).
    #[serde(default)]
    pub loaded: bool,
    /// The collection's replication factor.
    #[serde(default)]
    pub replication_factor: Option<u64>,
    /// The shard's replicas.
    #[serde(default)]
    pub number_of_replicas: Option<u64>,
}

#[derive(Deserialize)]
struct Nodes {
    nodes: Vec<NodeInfo>,
}

fn null_as_empty<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<NodeShard>, D::Error> {
    Ok(Option::<Vec<NodeShard>>::deserialize(deserializer)?.unwrap_or_default())
}

impl WeaviateClient {
    /// The cluster: nodes, statistics.
    pub fn cluster(&self) -> Cluster {
        Cluster { client: self.clone() }
    }
}

impl Cluster {
    /// Every node with its health and version.
    pub async fn nodes(&self) -> Result<Vec<NodeInfo>> {
        self.read(Path::new("nodes").query("output", "minimal")).await
    }

    /// Every node with its totals and every shard it holds.
    pub async fn nodes_verbose(&self) -> Result<Vec<NodeInfo>> {
        self.read(Path::new("nodes").query("output", "verbose")).await
    }

    /// Every node with the shards it holds of `collection`.
    pub async fn nodes_of(&self, collection: &str) -> Result<Vec<NodeInfo>> {
        let path = Path::new("nodes").then(names::collection(collection)?)?.query("output", "verbose");
        self.read(path).await
    }

    async fn read(&self, path: Path) -> Result<Vec<NodeInfo>> {
        let t = self.client.transports()?;
        let nodes: Nodes = t.rest.get_json(&path, t.timeouts.query).await?;
        Ok(nodes.nodes)
    }
}
