//! Nodes, statistics and shards on the real server: what they report, a
//! READONLY shard refusing writes and set READY again, and waiting for
//! asynchronous indexing to catch up.

use std::time::Duration;

use weaviate_orm::cluster::{NodeStatus, ShardStatus};
use weaviate_orm::embedded::{EmbeddedOptions, EmbeddedServer, WEAVIATE_VERSION};
use weaviate_orm::{Error, WeaviateCollection};

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_ClusterPoint")]
struct Point {
    label: String,
    #[weaviate(vector)]
    vector: Vec<f32>,
}

fn points(count: usize) -> Vec<Point> {
    (0..count)
        .map(|i| {
            let vector = (0..64).map(|d| ((i * 31 + d * 7) % 97) as f32 / 97.0).collect();
            Point { label: format!("p{i}"), vector }
        })
        .collect()
}

#[tokio::test]
async fn nodes_shards_and_vector_indexing_are_what_the_server_reports() {
    // Asynchronous indexing, so that there is a queue to wait for.
    let options = EmbeddedOptions::default().env("ASYNC_INDEXING", "true");
    let server = EmbeddedServer::start(options).await.expect("start");
    let client = server.client_builder().connect().await.expect("connect");
    client.migrate::<Point>().await.expect("create");
    let collection = client.collection::<Point>();
    let report = collection.insert_many(&points(3000)).await.expect("insert");
    assert!(report.errors.is_empty());

    collection.wait_for_vector_indexing(Duration::from_secs(120)).await.expect("indexed");
    let nodes = client.cluster().nodes_of(Point::NAME).await.expect("nodes");
    let shards: Vec<_> = nodes.iter().flat_map(|n| &n.shards).collect();
    assert_eq!(shards.len(), 1);
    // The node's object counts are refreshed in the background: at most what was written.
    assert!(shards[0].object_count <= 3000 && shards[0].vector_queue_length == 0, "{:?}", shards[0]);
    assert_eq!(collection.count().await.expect("count"), 3000);
    assert_eq!(shards[0].vector_indexing_status, ShardStatus::Ready);
    assert_eq!(shards[0].collection, Point::NAME);

    let minimal = client.cluster().nodes().await.expect("nodes");
    assert_eq!(minimal.len(), 1);
    assert_eq!((&minimal[0].status, minimal[0].version.as_str()), (&NodeStatus::Healthy, WEAVIATE_VERSION));
    assert!(minimal[0].shards.is_empty(), "a minimal read lists no shards");
    let verbose = client.cluster().nodes_verbose().await.expect("nodes");
    assert!(verbose[0].stats.is_some_and(|s| s.shard_count == 1 && s.object_count <= 3000), "{:?}", verbose[0]);
    assert!(verbose[0].shards.iter().any(|s| s.collection == Point::NAME));

    let statistics = client.cluster().statistics().await.expect("statistics");
    assert!(statistics.synchronized);
    let node = &statistics.nodes[0];
    assert_eq!((node.name.as_str(), node.raft_state()), (verbose[0].name.as_str(), Some("Leader")));
    assert!(node.ready && node.is_voter && node.last_log_index() > Some(0), "{node:?}");

    // A READONLY shard refuses writes until it is READY again.
    let shard = collection.shards().await.expect("shards").remove(0);
    assert_eq!((shard.status, shard.vector_queue_size), (ShardStatus::Ready, 0));
    let set = collection.update_shard(&shard.name, ShardStatus::ReadOnly).await.expect("read-only");
    assert_eq!(set, ShardStatus::ReadOnly);
    assert_eq!(collection.shards().await.expect("shards")[0].status, ShardStatus::ReadOnly);
    let refused = collection.insert(&points(1)[0]).await.expect_err("read-only");
    assert!(refused.to_string().contains("read-only"), "{refused}");
    collection.update_shard(&shard.name, ShardStatus::Ready).await.expect("ready");
    collection.insert(&points(1)[0]).await.expect("writable again");
    assert_eq!(collection.update_all_shards(ShardStatus::ReadOnly).await.expect("all"), [ShardStatus::ReadOnly]);
    assert!(collection.insert(&points(1)[0]).await.is_err());
    assert_eq!(collection.update_all_shards(ShardStatus::Ready).await.expect("all"), [ShardStatus::Ready]);

    // What the server would accept silently, or cannot set, is refused.
    let unknown = collection.update_shard("no-such-shard", ShardStatus::Ready).await.expect_err("unknown");
    assert!(matches!(unknown, Error::InvalidConfig(ref m) if m.contains("no-such-shard")), "{unknown}");
    let indexing = collection.update_shard(&shard.name, ShardStatus::Indexing).await.expect_err("not settable");
    assert!(matches!(indexing, Error::InvalidConfig(_)), "{indexing}");
    server.shutdown().await;
}
