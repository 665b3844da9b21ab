//! The cluster: its nodes with their shards and batch queues, the Raft
//! statistics, and a collection's shards (read, set READY or READONLY,
//! wait until their vector indexes caught up).
//!
//! ```no_run
//! # use weaviate_orm::{WeaviateClient, WeaviateCollection};
//! # #[derive(WeaviateCollection)] struct Article { title: String }
//! # async fn demo(client: WeaviateClient) -> weaviate_orm::Result<()> {
//! use std::time::Duration;
//! use weaviate_orm::cluster::ShardStatus;
//!
//! for node in client.cluster().nodes_verbose().await? {
//!     println!("{} {:?} {} objects", node.name, node.status, node.stats.map_or(0, |s| s.object_count));
//! }
//! let articles = client.collection::<Article>();
//! for shard in articles.shards().await? {
//!     if shard.status == ShardStatus::ReadOnly {
//!         articles.update_shard(&shard.name, ShardStatus::Ready).await?;
//!     }
//! }
//! articles.wait_for_vector_indexing(Duration::from_secs(300)).await?;
//! # Ok(()) }
//! ```

mod nodes;
mod shards;
mod statistics;

pub use nodes::{BatchStats, Cluster, NodeInfo, NodeShard, NodeStats, NodeStatus};
pub use shards::{ShardInfo, ShardStatus};
pub use statistics::{ClusterStatistics, NodeStatistics};
