//! A real three-node cluster on loopback: replication over every node,
//! consistency levels with a node down, a client that moves to another node
//! when its own is gone, and imports in every mode through a node's kill
//! and restart with nothing lost or duplicated.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::{Mutex, MutexGuard};
use uuid::Uuid;
use weaviate_orm::data::BatchMode;
use weaviate_orm::embedded::{EmbeddedCluster, StopMode};
use weaviate_orm::schema::{AsyncReplicationConfig, CollectionConfig, ReplicationConfig, ShardingConfig};
use weaviate_orm::{ConsistencyLevel, Error, WeaviateClient, WeaviateCollection};
use weaviate_orm_tests::unique_name;

/// An object of the cluster's collections. Its replication is set on the
/// config ([`on_three_nodes`]): every derived model of the test binary is
/// migrated on the one-node server too, where three copies cannot be made.
#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_Replicated")]
struct Replicated {
    #[weaviate(id)]
    id: Uuid,
    label: String,
}

/// `T`'s collection as `name`, with three copies of every object over
/// three shards; with `fast_repair`, the background repair of replicas at
/// the shortest periods the server accepts (5 s, 1 s while propagating).
fn on_three_nodes<T: WeaviateCollection>(name: &str, fast_repair: bool) -> CollectionConfig {
    let mut config = T::config();
    name.clone_into(&mut config.name);
    let mut replication = ReplicationConfig::default();
    replication.factor = Some(3);
    if fast_repair {
        let mut repair = AsyncReplicationConfig::default();
        repair.frequency = Some(5000);
        repair.frequency_while_propagating = Some(1000);
        repair.propagation_delay = Some(100);
        replication.async_config = Some(repair);
    }
    config.replication = Some(replication);
    let mut sharding = ShardingConfig::default();
    sharding.desired_count = Some(3);
    config.sharding = Some(sharding);
    config
}

/// A new three-node cluster, and the turn of this test: the tests that
/// start clusters run one at a time, each on a cluster of its own (a node
/// one test killed and restarted is no part of another's).
async fn cluster() -> (EmbeddedCluster, MutexGuard<'static, ()>) {
    static TURN: Mutex<()> = Mutex::const_new(());
    let turn = TURN.lock().await;
    match EmbeddedCluster::start(3).await {
        Ok(cluster) => (cluster, turn),
        Err(error) => panic!("the three-node cluster did not start: {error}"),
    }
}

/// Waits until the cluster sees the node `name` as down.
async fn wait_until_down(client: &WeaviateClient, name: &str) {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let nodes = client.cluster().nodes().await.expect("nodes");
        if nodes.iter().any(|n| n.name == name && n.status != weaviate_orm::cluster::NodeStatus::Healthy) {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "{name} still healthy after 30 s");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A client of node `index` alone.
async fn node_client(cluster: &EmbeddedCluster, index: usize) -> WeaviateClient {
    cluster.node(index).expect("node").client_builder().connect().await.expect("connect to one node")
}

fn objects(count: usize, label: &str) -> Vec<Replicated> {
    (0..count)
        .map(|i| Replicated {
            id: Uuid::new_v5(&Uuid::NAMESPACE_OID, format!("{label}-{i}").as_bytes()),
            label: format!("{label} {i}"),
        })
        .collect()
}

#[tokio::test]
async fn replication_factor_three_and_consistency_levels_with_a_node_down() {
    let (owned, _turn) = cluster().await;
    let cluster = &owned;
    let client = cluster.client_builder().connect().await.expect("connect");
    let nodes = client.cluster().nodes().await.expect("nodes");
    let mut names: Vec<&str> = nodes.iter().map(|n| n.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, (0..3).map(EmbeddedCluster::node_name).collect::<Vec<_>>());

    let name = unique_name("Replicated");
    client.collections().create_from_config(&on_three_nodes::<Replicated>(&name, false)).await.expect("create");
    let config = client.collections().config(&name).await.expect("config");
    assert_eq!(config.replication.as_ref().and_then(|r| r.factor), Some(3));
    let shards: usize = client.cluster().nodes_of(&name).await.expect("shards").iter().map(|n| n.shards.len()).sum();
    assert_eq!(shards, 9, "three shards, each on all three nodes");

    let at = |level| client.collection_named::<Replicated>(name.clone()).with_consistency_level(level);
    let first = objects(60, "before");
    assert!(at(ConsistencyLevel::All).insert_many(&first).await.expect("insert at ALL").errors.is_empty());

    // A node that does not lead Raft: Weaviate 1.39 holds a write that
    // reaches a node while the cluster has no leader for up to 60 s (its
    // query to the old leader times out), and electing a new one takes
    // about 10 s; this test checks levels, not that window.
    let statistics = client.cluster().statistics().await.expect("statistics");
    let leader = statistics.nodes.iter().find(|n| n.raft_state() == Some("Leader")).map(|n| n.name.clone());
    let down = [2, 1].into_iter().find(|i| leader.as_deref() != Some(&EmbeddedCluster::node_name(*i))).unwrap_or(2);
    cluster.stop(down, StopMode::Kill).await.expect("kill a node");
    wait_until_down(&client, &EmbeddedCluster::node_name(down)).await;

    // ALL fails while the cluster still counts the node among the
    // replicas. (Once gossip declares it dead, seconds later, Weaviate
    // leaves it out of the replica set, and ALL means the other two.)
    let all = at(ConsistencyLevel::All);
    match all.insert(&objects(1, "refused")[0]).await {
        Err(Error::ConsistencyNotReached { level, .. }) => assert_eq!(level, Some(ConsistencyLevel::All)),
        other => panic!("a write at ALL with a node down: {other:?}"),
    }
    match all.fetch_by_id(first[1].id).await {
        Err(Error::ConsistencyNotReached { level, .. }) => assert_eq!(level, Some(ConsistencyLevel::All)),
        other => panic!("a read at ALL with a node down: {other:?}"),
    }

    let quorum = at(ConsistencyLevel::Quorum);
    let during = objects(20, "during");
    // A replica just going away can make the coordinator refuse an object
    // once ("the client connection is closing"); a batch would retry it, as
    // this does.
    let mut refused = during.clone();
    for _ in 0..5 {
        let written = quorum.insert_many(&refused).await.expect("insert at QUORUM");
        refused = written.errors.iter().map(|(position, _)| refused[*position].clone()).collect();
        if refused.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert!(refused.is_empty(), "{} objects refused at QUORUM with one node down", refused.len());
    assert!(quorum.fetch_by_id(first[0].id).await.expect("read at QUORUM").is_some());
    assert!(quorum.exists(during[0].id).await.expect("exists at QUORUM"));

    // A client that prefers the dead node answers through the others.
    let mut dead_first = cluster.node(down).expect("node").client_builder();
    for up in (0..3).filter(|i| *i != down) {
        dead_first = dead_first.fallback(cluster.node(up).expect("node").connection_params());
    }
    let dead_first = dead_first.connect().await.expect("connect through the others");
    let handle = dead_first.collection_named::<Replicated>(name.clone());
    assert_eq!(handle.count().await.expect("count"), 80);
    assert!(handle.fetch_by_id(during[1].id).await.expect("fetch").is_some());
    assert_eq!(handle.query().limit(5).fetch().await.expect("search").len(), 5);

    cluster.start_again(down).await.expect("the node back");
    // Back with every replica: ALL reads and writes work again, the node
    // that was down included (repaired on read).
    assert!(all.fetch_by_id(during[2].id).await.expect("read at ALL").is_some());
    let hits = all.query().limit(10).fetch_with_metadata().await.expect("search at ALL");
    assert!(
        hits.iter().all(|h| h.metadata.is_consistent == Some(true)),
        "{:?}",
        hits.iter().map(|h| h.metadata.is_consistent).collect::<Vec<_>>()
    );
    let back = node_client(cluster, down).await.collection_named::<Replicated>(name.clone());
    let back = back.with_consistency_level(ConsistencyLevel::All);
    for object in during.iter().take(5) {
        assert!(
            back.fetch_by_id(object.id).await.expect("read at ALL from the node that was down").is_some(),
            "{}",
            object.label
        );
    }
    client.collections().delete(&name).await.expect("drop");
    client.close().await;
    owned.shutdown().await;
}

#[tokio::test]
async fn imports_in_every_mode_ride_out_a_node_kill_and_restart() {
    let (owned, _turn) = cluster().await;
    let cluster = &owned;
    let client = cluster.client_builder().connect().await.expect("connect");
    // The client starts on node 0; each round kills the node it talks to
    // (it moved to the next one in the round before) and restarts it.
    let modes = [
        ("stream", BatchMode::Stream),
        ("fixed", BatchMode::Fixed { size: 100, concurrency: 2 }),
        ("dynamic", BatchMode::Dynamic),
    ];
    for (round, (label, mode)) in modes.into_iter().enumerate() {
        let name = unique_name("ReplicatedImport");
        client.collections().create_from_config(&on_three_nodes::<Replicated>(&name, true)).await.expect("create");
        let all = objects(if round == 0 { 2000 } else { 1000 }, label);
        import_through_a_kill(cluster, &client, &name, mode, &all, round).await;

        // Every object, once, readable from every node at ALL (the replicas
        // compared, the node that was down repaired on read or caught up by
        // async replication).
        let ids: Vec<Uuid> = all.iter().map(|o| o.id).collect();
        for index in 0..3 {
            let node = node_client(cluster, index).await.collection_named::<Replicated>(name.clone());
            assert_eq!(
                node.count().await.expect("count"),
                all.len() as u64,
                "{label}, node {index}: nothing lost or duplicated"
            );
            let node = node.with_consistency_level(ConsistencyLevel::All);
            let deadline = std::time::Instant::now() + Duration::from_secs(60);
            let mut pending = ids.clone();
            loop {
                pending = not_found_at_level(&node, pending).await;
                if pending.is_empty() {
                    break;
                }
                assert!(
                    std::time::Instant::now() < deadline,
                    "{label}, node {index}: {} of {} not found at ALL after 60 s, e.g. {}",
                    pending.len(),
                    all.len(),
                    pending[0]
                );
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        }
        client.collections().delete(&name).await.expect("drop");
    }
    client.close().await;
    owned.shutdown().await;
}

/// Imports `all` into `name` in `mode` at QUORUM while node `victim` is
/// killed (after a quarter is confirmed) and restarted: every object is
/// confirmed, none handed back.
async fn import_through_a_kill(
    cluster: &EmbeddedCluster,
    client: &WeaviateClient,
    name: &str,
    mode: BatchMode,
    all: &[Replicated],
    victim: usize,
) {
    let handle =
        client.collection_named::<Replicated>(name.to_owned()).with_consistency_level(ConsistencyLevel::Quorum);
    let confirmed = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&confirmed);
    let batch = handle.batch().mode(mode).on_progress(move |p| seen.store(p.confirmed, Ordering::Relaxed)).start();
    let import = {
        let objects = all.to_vec();
        tokio::spawn(async move {
            for object in objects {
                batch.add(object).await.expect("add");
            }
            batch.finish().await.expect("finish")
        })
    };
    while confirmed.load(Ordering::Relaxed) < all.len() / 4 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    cluster.stop(victim, StopMode::Kill).await.expect("kill a node");
    tokio::time::sleep(Duration::from_millis(500)).await;
    cluster.start_again(victim).await.expect("the node back");
    let report = import.await.expect("import task");
    let reasons: Vec<String> = report.failed.iter().map(|f| f.error.to_string()).take(3).collect();
    assert!(report.failed.is_empty(), "{mode:?}: {reasons:?}");
    assert_eq!(report.confirmed, all.len(), "{mode:?}");
}

/// The ids of `ids` that `node` does not find at its consistency level (yet).
async fn not_found_at_level(node: &weaviate_orm::Collection<Replicated>, ids: Vec<Uuid>) -> Vec<Uuid> {
    let mut reads = tokio::task::JoinSet::new();
    for chunk in ids.chunks(250) {
        let (node, chunk) = (node.clone(), chunk.to_vec());
        reads.spawn(async move {
            let mut missing = Vec::new();
            for id in chunk {
                if !matches!(node.exists(id).await, Ok(true)) {
                    missing.push(id);
                }
            }
            missing
        });
    }
    let mut missing = Vec::new();
    while let Some(read) = reads.join_next().await {
        missing.extend(read.expect("reader"));
    }
    missing
}
