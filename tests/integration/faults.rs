//! A flaky network between the client and a real server: a proxy on both
//! transports corrupts, truncates, stalls and cuts connections from a fixed
//! seed while workers run every kind of call. No panic, no call past its
//! timeout plus slack, every error typed, and every object a batch confirms
//! is on the server.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use uuid::Uuid;
use weaviate_orm::data::BatchMode;
use weaviate_orm::{ClientBuilder, Collection, ConnectionParams, Error, GrpcCode, Timeouts, WeaviateCollection};
use weaviate_orm_tests::fault_proxy::FaultProxy;
use weaviate_orm_tests::{client, fresh, shared_server};

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_Flaky")]
struct Flaky {
    title: String,
    words: i64,
}

const TIMEOUT: Duration = Duration::from_secs(2);
/// A call may run over its timeout by this much (scheduling on 2 cores).
const SLACK: Duration = Duration::from_secs(3);
const RUN_FOR: Duration = Duration::from_secs(15);

#[derive(Default)]
struct Tally {
    outcomes: BTreeMap<String, u32>,
    confirmed: Vec<Uuid>,
    untyped: Vec<String>,
}

impl Tally {
    fn record<T>(&mut self, what: &str, result: &weaviate_orm::Result<T>) {
        let outcome = match result {
            Ok(_) => "ok".to_owned(),
            Err(error) => {
                if matches!(error, Error::Grpc { code: GrpcCode::Unknown, message, .. } if message.contains("transport"))
                {
                    self.untyped.push(format!("{what}: {error}"));
                }
                let name = format!("{error:?}");
                name.split([' ', '(', '{']).next().unwrap_or("?").to_owned()
            }
        };
        *self.outcomes.entry(format!("{what}: {outcome}")).or_default() += 1;
    }
}

async fn bounded<T>(what: &str, limit: Duration, call: impl std::future::Future<Output = T>) -> T {
    let started = Instant::now();
    match tokio::time::timeout(limit + SLACK, call).await {
        Ok(value) => value,
        Err(_) => panic!("{what} hung for {:?}", started.elapsed()),
    }
}

async fn worker(id: u64, flaky: Collection<Flaky>, tally: Arc<Mutex<Tally>>) {
    let started = Instant::now();
    let mut round = 0u64;
    let f = Flaky::FIELDS;
    while started.elapsed() < RUN_FOR {
        round += 1;
        let title = format!("w{id}-{round}");
        match (round + id) % 8 {
            0 => {
                let r = bounded("meta", TIMEOUT, flaky_meta(&flaky)).await;
                tally.lock().expect("tally").record("meta", &r);
            }
            1 => {
                let r =
                    bounded("search", TIMEOUT, flaky.query().filter(f.words.greater_than(1)).limit(20).fetch()).await;
                tally.lock().expect("tally").record("search", &r);
            }
            2 => {
                let r = bounded("count", TIMEOUT, flaky.count()).await;
                tally.lock().expect("tally").record("count", &r);
            }
            3 => {
                let r = bounded("insert", TIMEOUT, flaky.insert(&Flaky { title, words: 3 })).await;
                tally.lock().expect("tally").record("insert", &r);
            }
            4 => {
                let r = bounded("exists", TIMEOUT, flaky.exists(Uuid::new_v4())).await;
                tally.lock().expect("tally").record("exists", &r);
            }
            5 => {
                let r = bounded("aggregate", TIMEOUT, flaky.aggregate().metrics(&f.words).fetch()).await;
                tally.lock().expect("tally").record("aggregate", &r);
            }
            6 => {
                let r = bounded("dry-run delete", TIMEOUT, flaky.delete_many(f.words.equal(-1)).dry_run().run()).await;
                tally.lock().expect("tally").record("delete_many", &r);
            }
            _ => {
                let mode = if round.is_multiple_of(2) {
                    BatchMode::Stream
                } else {
                    BatchMode::Fixed { size: 10, concurrency: 2 }
                };
                // Two tries of the whole stream or request, each bounded by the insert timeout.
                let limit = TIMEOUT * 6 + Duration::from_secs(2);
                let (ids, report) = bounded("batch", limit, async {
                    let batch = flaky.batch().mode(mode).retries(1).start();
                    let mut ids = Vec::new();
                    for i in 0..20 {
                        if let Ok(id) = batch.add(Flaky { title: format!("{title}-{i}"), words: i }).await {
                            ids.push(id);
                        }
                    }
                    (ids, batch.finish().await)
                })
                .await;
                let mut tally = tally.lock().expect("tally");
                tally.record("batch", &report);
                if let Ok(report) = report {
                    assert_eq!(report.confirmed + report.failed.len(), ids.len(), "every object accounted for");
                    let failed: std::collections::HashSet<Uuid> = report.failed.iter().map(|f| f.id).collect();
                    tally.confirmed.extend(ids.into_iter().filter(|id| !failed.contains(id)));
                }
            }
        }
    }
}

async fn flaky_meta(flaky: &Collection<Flaky>) -> weaviate_orm::Result<usize> {
    flaky.tenants().list().await.map(|t| t.len()).or_else(|error| match error {
        // Not multi-tenant: the server answered, through the faults.
        Error::UnexpectedStatus { .. } => Ok(0),
        other => Err(other),
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_faulty_network_causes_no_panic_no_hang_and_no_false_confirmation() {
    let server = shared_server().await;
    let direct = client().await.expect("client");
    let collection = fresh::<Flaky>(&direct).await;
    let target = |port: u16| SocketAddr::from(([127, 0, 0, 1], port));
    let http = FaultProxy::start(target(server.http_port()), 0xF1A2, 6).await.expect("http proxy");
    let grpc = FaultProxy::start(target(server.grpc_port()), 0xF1A3, 6).await.expect("grpc proxy");
    let faulty = ClientBuilder::custom(ConnectionParams::local_ports(http.port(), grpc.port()))
        .timeouts(Timeouts { init: TIMEOUT, query: TIMEOUT, insert: TIMEOUT })
        .skip_init_checks(true)
        .connect()
        .await
        .expect("a client without start-up checks");
    let flaky: Collection<Flaky> = faulty.collection_named(collection.name());

    let tally = Arc::new(Mutex::new(Tally::default()));
    let workers: Vec<_> = (0..4).map(|id| tokio::spawn(worker(id, flaky.clone(), tally.clone()))).collect();
    for worker in workers {
        if let Err(error) = worker.await {
            panic!("a worker panicked or hung: {error}");
        }
    }
    let tally = std::mem::take(&mut *tally.lock().expect("tally"));
    let counts = http.counts();
    eprintln!(
        "faults (http): {:?} passed, {:?} corrupted, {:?} truncated, {:?} stalled, {:?} cut; outcomes {:#?}",
        counts.passed, counts.corrupted, counts.truncated, counts.stalled, counts.cut, tally.outcomes
    );
    assert!(tally.untyped.is_empty(), "transport failures must be typed as connection errors: {:?}", tally.untyped);
    assert!(tally.outcomes.iter().any(|(k, n)| k.ends_with(": ok") && *n > 0), "some calls got through");
    assert!(tally.outcomes.keys().any(|k| !k.ends_with(": ok")), "the faults caused failures");

    // Nothing reported confirmed that the server did not store.
    let stored: std::collections::HashSet<Uuid> = collection
        .fetch_by_ids(tally.confirmed.iter().copied())
        .await
        .expect("read back")
        .into_iter()
        .map(|object| object.id)
        .collect();
    let missing: Vec<&Uuid> = tally.confirmed.iter().filter(|id| !stored.contains(id)).collect();
    assert!(missing.is_empty(), "{} confirmed objects are not stored: {missing:?}", missing.len());
}

/// A connection that stalls while the server stays alive: it still sends
/// its periodic `Backoff` messages (every 5 s), but sees nothing the client
/// sends. The stream must count as broken after the insert timeout (longer
/// than those 5 s here), connect afresh and finish: no hang, nothing lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_stream_on_a_stalled_connection_reconnects_and_finishes() {
    const INSERT_TIMEOUT: Duration = Duration::from_secs(7);
    let server = shared_server().await;
    let direct = client().await.expect("client");
    let collection = fresh::<Flaky>(&direct).await;
    let grpc =
        FaultProxy::start(SocketAddr::from(([127, 0, 0, 1], server.grpc_port())), 0x57A1, 0).await.expect("grpc proxy");
    let stalled = ClientBuilder::custom(ConnectionParams::local_ports(server.http_port(), grpc.port()))
        .timeouts(Timeouts { insert: INSERT_TIMEOUT, ..Timeouts::default() })
        .connect()
        .await
        .expect("a client through the proxy");
    let flaky: Collection<Flaky> = stalled.collection_named(collection.name());
    let object = |n: usize| Flaky { title: format!("stalled {n}"), words: n as i64 };
    let mut ids = Vec::new();

    let started = Instant::now();
    let batch = flaky.batch().stream().start();
    for n in 0..200 {
        ids.push(batch.add(object(n)).await.expect("add"));
    }
    while batch.progress().confirmed < 200 {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the first objects were not confirmed: {:?}",
            batch.progress()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    grpc.freeze_open_connections();
    let frozen_at = Instant::now();
    for n in 200..400 {
        ids.push(batch.add(object(n)).await.expect("add"));
    }
    let limit = INSERT_TIMEOUT * 3 + Duration::from_secs(10);
    let report = bounded("the batch on a stalled connection", limit, batch.finish()).await.expect("finish");
    eprintln!("finished {:?} after the stall, over {} connections", frozen_at.elapsed(), grpc.connections());
    assert!(report.failed.is_empty(), "failed: {:?}", report.failed.iter().map(|f| &f.error).collect::<Vec<_>>());
    assert_eq!(report.confirmed, 400);
    assert!(frozen_at.elapsed() >= INSERT_TIMEOUT, "the stall was noticed after the insert timeout, not before");
    assert!(grpc.connections() >= 2, "the stream connected afresh");
    let stored = collection.fetch_by_ids(ids).await.expect("read back");
    assert_eq!(stored.len(), 400, "every confirmed object is stored");
}
