//! The cluster's Raft statistics, as `GET /v1/cluster/statistics` reports them.

use serde::Deserialize;

use super::{Cluster, NodeStatus};
use crate::Result;
use crate::client::rest::Path;

/// The cluster's consensus state.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ClusterStatistics {
    /// Whether every node holds the same schema.
    pub synchronized: bool,
    /// Each node's view.
    #[serde(rename = "statistics")]
    pub nodes: Vec<NodeStatistics>,
}

/// One node's view of the consensus.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NodeStatistics {
    /// The node's name.
    pub name: String,
    /// Its health.
    pub status: NodeStatus,
    /// Whether it serves requests.
    #[serde(default)]
    pub ready: bool,
    /// Whether it votes in Raft elections.
    #[serde(default)]
    pub is_voter: bool,
    /// The leader it follows (itself, for the leader).
    #[serde(default)]
    pub leader_id: Option<String>,
    /// The leader's Raft address.
    #[serde(default)]
    pub leader_address: Option<String>,
    /// Its Raft details, as the server reports them (`state`, `term`, `lastLogIndex`...).
    #[serde(default)]
    pub raft: serde_json::Value,
}

impl NodeStatistics {
    /// Its Raft role: `Leader`, `Follower` or `Candidate`.
    pub fn raft_state(&self) -> Option<&str> {
        self.raft.get("state").and_then(serde_json::Value::as_str)
    }

    /// The index of the last entry of its Raft log (every schema change appends one).
    pub fn last_log_index(&self) -> Option<u64> {
        self.raft.get("lastLogIndex").and_then(serde_json::Value::as_str).and_then(|i| i.parse().ok())
    }
}

impl Cluster {
    /// The Raft statistics of every node.
    pub async fn statistics(&self) -> Result<ClusterStatistics> {
        let t = self.client.transports()?;
        t.rest.get_json(&Path::new("cluster").and("statistics"), t.timeouts.query).await
    }
}
