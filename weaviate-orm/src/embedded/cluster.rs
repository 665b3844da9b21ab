//! [`EmbeddedCluster`]: several real Weaviate nodes on loopback forming one
//! cluster (gossip joined, Raft bootstrapped with every node a voter), each
//! with its own data folder, node name and six ports, stopped and started
//! again one at a time.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::environment::Membership;
use super::options::EmbeddedOptions;
use super::process::Ports;
use super::server::{EmbeddedServer, StopMode, install_binary, is_port_taken, root_folder};
use crate::client::{ClientBuilder, ConnectionParams};
use crate::cluster::NodeStatus;
use crate::error::EmbeddedError;
use crate::{Error, Result};

/// A cluster of embedded Weaviate nodes, for trying replication,
/// consistency levels and node failures on one machine.
///
/// Every node runs the same [`EmbeddedOptions`]; node `i` is named
/// `weaviate-orm-node-{i}` and keeps its data in `node-{i}` below the
/// cluster's folder. The cluster stops when dropped or
/// [`shutdown`](Self::shutdown), removing a temporary folder.
///
/// ```no_run
/// # async fn demo() -> weaviate_orm::Result<()> {
/// use weaviate_orm::embedded::{EmbeddedCluster, StopMode};
///
/// let cluster = EmbeddedCluster::start(3).await?;
/// let client = cluster.client_builder().connect().await?; // knows every node
/// for node in client.cluster().nodes().await? {
///     println!("{} is {:?}", node.name, node.status);
/// }
/// cluster.stop(2, StopMode::Kill).await?; // a node crashes
/// cluster.start_again(2).await?; // and comes back with its data
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct EmbeddedCluster {
    nodes: Vec<EmbeddedServer>,
    root: PathBuf,
    temporary: bool,
}

impl EmbeddedCluster {
    /// Starts `nodes` nodes with the default options; see [`start_with`](Self::start_with).
    pub async fn start(nodes: usize) -> Result<Self> {
        Self::start_with(EmbeddedOptions::default(), nodes).await
    }

    /// Starts `nodes` nodes with `options` (a data path there is the
    /// cluster's folder, kept between runs) and waits until each is ready
    /// and every node reports every other healthy.
    pub async fn start_with(options: EmbeddedOptions, nodes: usize) -> Result<Self> {
        if nodes == 0 {
            return Err(Error::InvalidConfig("a cluster needs at least one node".into()));
        }
        let binary = install_binary(&options).await?;
        let (root, temporary) = root_folder(&options);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let ports = distinct_ports(nodes)?;
            let mut servers = Vec::with_capacity(nodes);
            for (index, membership) in memberships(&ports).into_iter().enumerate() {
                let folder = root.join(format!("node-{index}"));
                servers.push(EmbeddedServer::prepare(
                    &options,
                    &binary,
                    folder,
                    false,
                    ports[index],
                    Some(membership),
                )?);
            }
            let cluster = Self { nodes: servers, root: root.clone(), temporary };
            match cluster.launch(options.startup_timeout).await {
                Ok(()) => return Ok(cluster),
                Err(error) if attempt < 3 && is_port_taken(&error) => {
                    tracing::warn!("a port was taken while the cluster started; retrying with new ports");
                    let mut cluster = cluster;
                    cluster.temporary = false;
                }
                Err(error) => return Err(error),
            }
        }
    }

    /// Starts every node at once (Raft waits for all its voters), then waits
    /// for each to be ready and for the cluster to see every node healthy.
    async fn launch(&self, timeout: Duration) -> Result<()> {
        for node in &self.nodes {
            node.spawn()?;
        }
        for node in &self.nodes {
            node.wait_until_ready(timeout).await?;
        }
        self.wait_until_healthy(timeout).await
    }

    /// Waits until the first running node lists every node as healthy.
    async fn wait_until_healthy(&self, timeout: Duration) -> Result<()> {
        let deadline = Instant::now() + timeout;
        let Some(running) = self.nodes.iter().find(|n| n.pid().is_some()) else { return Ok(()) };
        let client = running.client_builder().connect().await?;
        loop {
            let nodes = client.cluster().nodes().await.unwrap_or_default();
            let healthy = nodes.iter().filter(|n| n.status == NodeStatus::Healthy).count();
            if healthy == self.nodes.len() {
                return Ok(());
            }
            if Instant::now() >= deadline {
                let reason = format!("{healthy} of {} nodes healthy after {timeout:?}", self.nodes.len());
                let log_path = running.log_path();
                let log_tail = super::process::log_tail(&log_path, 40);
                return Err(EmbeddedError::StartupFailed { reason, log_tail, log_path }.into());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// The nodes, in order.
    pub fn nodes(&self) -> &[EmbeddedServer] {
        &self.nodes
    }

    /// Node `index`, if the cluster has it.
    pub fn node(&self, index: usize) -> Option<&EmbeddedServer> {
        self.nodes.get(index)
    }

    /// The name node `index` has in the cluster (`weaviate-orm-node-{index}`).
    pub fn node_name(index: usize) -> String {
        format!("weaviate-orm-node-{index}")
    }

    /// Where each node's REST and gRPC APIs listen, in node order.
    pub fn connection_params(&self) -> Vec<ConnectionParams> {
        self.nodes.iter().map(EmbeddedServer::connection_params).collect()
    }

    /// A client builder that knows every node, the first preferred: when
    /// the node it talks to cannot be reached, the client moves to the next.
    pub fn client_builder(&self) -> ClientBuilder {
        let mut builder = self.nodes.first().map_or_else(ClientBuilder::local, EmbeddedServer::client_builder);
        for node in self.nodes.iter().skip(1) {
            builder = builder.fallback(node.connection_params());
        }
        builder
    }

    /// Stops node `index` (its ports and data are kept for
    /// [`start_again`](Self::start_again)).
    pub async fn stop(&self, index: usize, mode: StopMode) -> Result<()> {
        self.expect_node(index)?.stop(mode).await;
        Ok(())
    }

    /// Starts node `index` again on its ports and data, and waits until it
    /// is ready and the cluster sees every node healthy again.
    pub async fn start_again(&self, index: usize) -> Result<()> {
        let node = self.expect_node(index)?;
        node.start_again().await?;
        self.wait_until_healthy(node.options.startup_timeout).await
    }

    fn expect_node(&self, index: usize) -> Result<&EmbeddedServer> {
        self.nodes.get(index).ok_or_else(|| {
            Error::InvalidConfig(format!("the cluster has {} nodes; there is no node {index}", self.nodes.len()))
        })
    }

    /// Stops every node and waits for them, removing a temporary folder.
    pub async fn shutdown(self) {
        let _ = tokio::task::spawn_blocking(move || drop(self)).await;
    }
}

impl Drop for EmbeddedCluster {
    fn drop(&mut self) {
        self.nodes.clear();
        if self.temporary {
            let _ = std::fs::remove_dir_all(&self.root);
        }
    }
}

/// Free ports for `nodes` nodes, no port used twice.
fn distinct_ports(nodes: usize) -> Result<Vec<Ports>> {
    for _ in 0..20 {
        let ports = (0..nodes).map(|_| Ports::free()).collect::<std::io::Result<Vec<_>>>();
        let ports = ports.map_err(EmbeddedError::io("finding free ports"))?;
        let mut all: Vec<u16> =
            ports.iter().flat_map(|p| [p.http, p.grpc, p.gossip, p.data, p.raft, p.raft_rpc]).collect();
        all.sort_unstable();
        let count = all.len();
        all.dedup();
        if all.len() == count {
            return Ok(ports);
        }
    }
    Err(EmbeddedError::io("finding free ports")(std::io::Error::other(
        "the ports chosen for the nodes kept overlapping",
    ))
    .into())
}

/// Each node's place: gossip joins the others, Raft lists every node.
fn memberships(ports: &[Ports]) -> Vec<Membership> {
    let raft_join: Vec<String> =
        ports.iter().enumerate().map(|(i, p)| format!("{}:{}", EmbeddedCluster::node_name(i), p.raft)).collect();
    (0..ports.len())
        .map(|index| Membership {
            node: EmbeddedCluster::node_name(index),
            gossip_join: (0..ports.len())
                .filter(|&other| other != index)
                .map(|other| format!("127.0.0.1:{}", ports[other].gossip))
                .collect::<Vec<_>>()
                .join(","),
            raft_join: raft_join.join(","),
            voters: ports.len(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_node_joins_the_others_and_raft_lists_all() {
        let ports = distinct_ports(3).expect("ports");
        let members = memberships(&ports);
        assert_eq!(members[1].node, "weaviate-orm-node-1");
        assert_eq!(members[1].voters, 3);
        let join = &members[1].gossip_join;
        assert!(join.contains(&ports[0].gossip.to_string()) && join.contains(&ports[2].gossip.to_string()));
        assert!(!join.contains(&format!(":{}", ports[1].gossip)));
        assert_eq!(members[0].raft_join, members[2].raft_join);
        assert!(members[0].raft_join.starts_with(&format!("weaviate-orm-node-0:{}", ports[0].raft)));
    }
}
