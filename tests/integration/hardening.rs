//! The host process is sacred and nothing is lost, whatever the input: deep
//! filters, hostile names, non-finite numbers, oversized objects and bad
//! credentials are refused with typed errors before anything is sent (or
//! typed by what happened when the server answers), on the real server.

use std::time::{Duration, Instant};

use uuid::Uuid;
use weaviate_orm::data::BatchMode;
use weaviate_orm::embedded::{EmbeddedOptions, EmbeddedServer};
use weaviate_orm::names::NameKind;
use weaviate_orm::query::{Filter, MAX_FILTER_DEPTH};
use weaviate_orm::tenants::Tenant;
use weaviate_orm::{Auth, ClientBuilder, Collection, Error, Ref, WeaviateClient, WeaviateCollection};
use weaviate_orm_tests::{client, fresh};

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_Hardened")]
struct Reading {
    title: String,
    score: f64,
    samples: Vec<f64>,
    #[weaviate(vector)]
    vector: Vec<f32>,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_HardenedLink")]
struct Link {
    label: String,
    to: Ref<Reading>,
}

fn reading(title: &str) -> Reading {
    Reading { title: title.into(), score: 1.5, samples: vec![1.0, 2.0], vector: vec![0.1, 0.2, 0.3] }
}

/// `score > 0 & (title = "absent" | (score > 0 & ... title = "level 0"))`,
/// `depth` levels deep: matches exactly the objects titled "level 0".
fn alternating(depth: usize) -> Filter<Reading> {
    let f = Reading::FIELDS;
    let mut filter = f.title.equal("level 0");
    for level in 1..depth {
        filter =
            if level.is_multiple_of(2) { f.score.greater_than(0.0) & filter } else { f.title.equal("absent") | filter };
    }
    filter
}

#[tokio::test]
async fn deep_filters_are_sent_up_to_the_limit_and_refused_beyond_it() {
    let client = client().await.expect("client");
    let readings = fresh::<Reading>(&client).await;
    readings.insert(&reading("level 0")).await.expect("insert");
    readings.insert(&reading("level 1")).await.expect("insert");

    let deepest = alternating(MAX_FILTER_DEPTH);
    let hits = readings.query().filter(deepest).fetch().await.expect("the server takes the deepest filter");
    assert_eq!(hits.len(), 1, "level 0 matches through every level");

    for depth in [MAX_FILTER_DEPTH + 1, 1_000, 100_000] {
        let too_deep = alternating(depth);
        let search = readings.query().filter(too_deep.clone()).fetch().await;
        assert!(matches!(search, Err(Error::FilterTooDeep { limit: MAX_FILTER_DEPTH })), "{depth}: {search:?}");
        let count = readings.count_matching(too_deep.clone()).await;
        assert!(matches!(count, Err(Error::FilterTooDeep { .. })), "{depth}: {count:?}");
        let delete = readings.delete_many(too_deep.clone()).run().await;
        assert!(matches!(delete, Err(Error::FilterTooDeep { .. })), "{depth}: {delete:?}");
        let aggregate = readings.aggregate().filter(too_deep).metrics(&Reading::FIELDS.score).fetch().await;
        assert!(matches!(aggregate, Err(Error::FilterTooDeep { .. })), "{depth}: {aggregate:?}");
    }
    assert_eq!(readings.count().await.expect("count"), 2, "nothing was deleted");
}

fn is_invalid_name(result: &Result<impl std::fmt::Debug, Error>, kind: NameKind) -> bool {
    matches!(result, Err(Error::InvalidName { kind: k, .. }) if *k == kind)
}

const HOSTILE: [&str; 7] = ["", "..", "../../x", "A/../B", "A?x=1", "A%2F..", "lower"];

#[tokio::test]
async fn hostile_collection_names_never_reach_a_rest_route() {
    let client = client().await.expect("client");
    let bystander = fresh::<Reading>(&client).await;
    bystander.insert(&reading("kept")).await.expect("insert");
    let collections = client.collections();
    let kind = NameKind::Collection;
    for name in HOSTILE {
        assert!(is_invalid_name(&collections.exists(name).await, kind), "exists({name:?})");
        assert!(is_invalid_name(&collections.config_json(name).await, kind), "config_json({name:?})");
        assert!(is_invalid_name(&collections.config(name).await, kind), "config({name:?})");
        assert!(is_invalid_name(&collections.delete(name).await, kind), "delete({name:?})");
        assert!(is_invalid_name(&collections.create_named::<Reading>(name).await, kind), "create({name:?})");

        let hostile: Collection<Reading> = client.collection_named(name);
        let id = Uuid::new_v4();
        assert!(is_invalid_name(&hostile.insert(&reading("x")).await, kind), "insert into {name:?}");
        assert!(is_invalid_name(&hostile.replace(id, &reading("x")).await, kind), "replace in {name:?}");
        assert!(is_invalid_name(&hostile.exists(id).await, kind), "exists in {name:?}");
        let update = hostile.update(id).set(&Reading::FIELDS.title, "y".to_owned()).apply().await;
        assert!(is_invalid_name(&update, kind), "update in {name:?}");
        assert!(is_invalid_name(&hostile.query().fetch().await, kind), "query {name:?}");
        assert!(is_invalid_name(&hostile.count().await, kind), "count {name:?}");
        let delete = hostile.delete_many(Reading::FIELDS.title.equal("kept")).run().await;
        assert!(is_invalid_name(&delete, kind), "delete_many in {name:?}");
        let aggregate = hostile.aggregate().metrics(&Reading::FIELDS.score).fetch().await;
        assert!(is_invalid_name(&aggregate, kind), "aggregate {name:?}");
        assert!(is_invalid_name(&hostile.tenants().list().await, kind), "tenants of {name:?}");
        let links: Collection<Link> = client.collection_named(name);
        let reference = links.add_reference(id, &Link::FIELDS.to, &Ref::to(id)).await;
        assert!(is_invalid_name(&reference, kind), "add_reference in {name:?}");
        let replace = links.replace_references(id, &Link::FIELDS.to, &Ref::to(id)).await;
        assert!(is_invalid_name(&replace, kind), "replace_references in {name:?}");
    }
    assert!(collections.exists(bystander.name()).await.expect("exists"));
    assert_eq!(bystander.count().await.expect("count"), 1, "the other collection is untouched");
}

#[tokio::test]
async fn a_config_with_a_name_the_server_would_change_is_refused() {
    use weaviate_orm::schema::{CollectionConfig, DataType, PropertyConfig};
    let client = client().await.expect("client");
    let name = weaviate_orm_tests::unique_name("Renamed");
    for (property, kind) in [("Title", NameKind::Property), ("id", NameKind::Property), ("a-b", NameKind::Property)] {
        let mut config = CollectionConfig::new(name.clone());
        config.properties.push(PropertyConfig::new(property, DataType::Text));
        let created = client.collections().create_from_config(&config).await;
        assert!(is_invalid_name(&created, kind), "{property:?}: {created:?}");
    }
    let nested = PropertyConfig::new("Inner", DataType::Text);
    let mut config = CollectionConfig::new(name.clone());
    config.properties.push(PropertyConfig::new("outer", DataType::Object(vec![nested])));
    assert!(is_invalid_name(&client.collections().create_from_config(&config).await, NameKind::Property));
    assert!(!client.collections().exists(&name).await.expect("exists"), "nothing was created");
}

#[tokio::test]
async fn hostile_tenant_names_are_refused_before_any_request() {
    let client = client().await.expect("client");
    let readings = fresh::<Reading>(&client).await;
    let kind = NameKind::Tenant;
    for name in ["", "..", "a/b", "a b", "ä", "a?b"] {
        let tenants = readings.tenants();
        assert!(is_invalid_name(&tenants.create([name]).await, kind), "create {name:?}");
        assert!(is_invalid_name(&tenants.get(name).await, kind), "get {name:?}");
        assert!(is_invalid_name(&tenants.exists(name).await, kind), "exists {name:?}");
        assert!(is_invalid_name(&tenants.remove([name]).await, kind), "remove {name:?}");
        assert!(is_invalid_name(&tenants.update([Tenant::new(name)]).await, kind), "update {name:?}");
        let scoped = readings.with_tenant(name);
        assert!(is_invalid_name(&scoped.insert(&reading("x")).await, kind), "insert for {name:?}");
        assert!(is_invalid_name(&scoped.query().fetch().await, kind), "query for {name:?}");
        assert!(is_invalid_name(&scoped.exists(Uuid::new_v4()).await, kind), "exists for {name:?}");
    }
}

#[tokio::test]
async fn a_batch_into_an_invalid_collection_confirms_nothing_and_hands_everything_back() {
    let client = client().await.expect("client");
    for mode in [BatchMode::Stream, BatchMode::Fixed { size: 10, concurrency: 2 }] {
        let hostile: Collection<Reading> = client.collection_named("");
        let batch = hostile.batch().mode(mode).start();
        for i in 0..25 {
            batch.add(reading(&format!("r{i}"))).await.expect("queued");
        }
        let report = batch.finish().await.expect("report");
        assert_eq!(report.confirmed, 0, "{mode:?}");
        assert_eq!(report.failed.len(), 25, "{mode:?}");
        assert!(report.failed.iter().all(|f| f.error.contains("collection name \"\" is not valid")), "{mode:?}");
    }
}

#[tokio::test]
async fn non_finite_numbers_are_refused_everywhere_they_would_go_out() {
    let client = client().await.expect("client");
    let readings = fresh::<Reading>(&client).await;
    let id = readings.insert(&reading("finite")).await.expect("insert");
    let f = Reading::FIELDS;
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let update = readings.update(id).set(&f.score, bad).apply().await;
        assert!(matches!(&update, Err(Error::InvalidValue { property, .. }) if property == "score"), "{update:?}");
        let update = readings.update(id).set(&f.samples, vec![1.0, bad]).apply().await;
        assert!(matches!(&update, Err(Error::InvalidValue { property, .. }) if property == "samples"), "{update:?}");
        let replace = readings.replace(id, &Reading { score: bad, ..reading("replaced") }).await;
        assert!(matches!(&replace, Err(Error::InvalidValue { property, .. }) if property == "score"), "{replace:?}");
        let insert = readings.insert(&Reading { score: bad, ..reading("nan") }).await;
        assert!(
            matches!(&insert, Err(Error::ObjectRejected { reason, .. }) if reason.contains("`score`")),
            "{insert:?}"
        );
        let filter = readings.query().filter(f.score.greater_than(bad)).fetch().await;
        assert!(matches!(&filter, Err(Error::InvalidValue { property, .. }) if property == "score"), "{filter:?}");
    }
    // Vectors: a NaN component would make every distance NaN; refused too.
    let vector = readings.insert(&Reading { vector: vec![0.1, f32::NAN, 0.3], ..reading("nan vector") }).await;
    assert!(matches!(&vector, Err(Error::ObjectRejected { reason, .. }) if reason.contains("vector")), "{vector:?}");
    let search = readings.query().near_vector(vec![0.1, f32::INFINITY, 0.3]).fetch().await;
    assert!(matches!(&search, Err(Error::InvalidValue { property, .. }) if property == "query vector"), "{search:?}");
    let aggregate = readings.aggregate().near_vector(vec![f32::NAN, 0.0, 0.0]).metrics(&f.score).fetch().await;
    assert!(matches!(&aggregate, Err(Error::InvalidValue { .. })), "{aggregate:?}");
    let batch = readings.batch().stream().start();
    batch.add(Reading { score: f64::NAN, ..reading("in a batch") }).await.expect("queued");
    batch.add(reading("fine")).await.expect("queued");
    let report = batch.finish().await.expect("report");
    assert_eq!((report.confirmed, report.failed.len()), (1, 1));
    assert!(report.failed[0].error.contains("finite"), "{}", report.failed[0].error);

    let stored = readings.fetch_by_id(id).await.expect("fetch").expect("still there");
    assert_eq!(stored.properties, reading("finite"), "no refused write changed the object");
    assert_eq!(readings.count().await.expect("count"), 2);
}

#[tokio::test]
async fn an_object_larger_than_a_message_fails_alone_before_it_is_sent() {
    let server = EmbeddedServer::start(EmbeddedOptions::default().env("GRPC_MAX_MESSAGE_SIZE", (1 << 20).to_string()))
        .await
        .expect("server with a 1 MiB gRPC limit");
    let client = server.client_builder().connect().await.expect("connect");
    let readings = fresh::<Reading>(&client).await;
    for mode in [BatchMode::Stream, BatchMode::Fixed { size: 50, concurrency: 2 }] {
        let started = Instant::now();
        let batch = readings.batch().mode(mode).start();
        for i in 0..200 {
            let title = if i == 17 { "x".repeat(2 << 20) } else { format!("r{i}") };
            batch.add(Reading { title, ..reading("") }).await.expect("queued");
        }
        let report = batch.finish().await.expect("report");
        assert_eq!((report.confirmed, report.failed.len()), (199, 1), "{mode:?}");
        let failed = &report.failed[0];
        assert_eq!(failed.index, 17);
        assert!(failed.error.contains("bytes encoded") && failed.error.contains("at most"), "{}", failed.error);
        assert!(started.elapsed() < Duration::from_secs(20), "{mode:?} took {:?}", started.elapsed());
    }
    assert_eq!(readings.count().await.expect("count"), 398);
}

#[tokio::test]
async fn a_bad_api_key_is_an_authentication_error_on_every_transport() {
    let server = EmbeddedServer::start(EmbeddedOptions::default().api_key("right-key", "admin"))
        .await
        .expect("server with API keys");
    let admin = server.client_builder().auth(Auth::api_key("right-key")).connect().await.expect("admin");
    let readings = fresh::<Reading>(&admin).await;
    let wrong = ClientBuilder::custom(server.connection_params())
        .auth(Auth::api_key("wrong-key"))
        .skip_init_checks(true)
        .connect()
        .await
        .expect("no checks");
    let theirs: Collection<Reading> = wrong.collection_named(readings.name());

    let search = theirs.query().fetch().await;
    assert!(matches!(search, Err(Error::Authentication { .. })), "gRPC search: {search:?}");
    let count = theirs.count().await;
    assert!(matches!(count, Err(Error::Authentication { .. })), "gRPC aggregate: {count:?}");
    let insert = theirs.insert_many(&[reading("x")]).await;
    assert!(matches!(insert, Err(Error::Authentication { .. })), "gRPC batch: {insert:?}");
    assert!(matches!(theirs.exists(Uuid::new_v4()).await, Err(Error::Authentication { .. })), "REST");

    for mode in [BatchMode::Stream, BatchMode::Fixed { size: 10, concurrency: 2 }] {
        let started = Instant::now();
        let batch = theirs.batch().mode(mode).start();
        for i in 0..20 {
            batch.add(reading(&format!("r{i}"))).await.expect("queued");
        }
        let report = batch.finish().await.expect("report");
        assert_eq!((report.confirmed, report.failed.len()), (0, 20), "{mode:?}");
        for failed in &report.failed {
            assert!(failed.error.to_lowercase().contains("authentication failed"), "{mode:?}: {}", failed.error);
            assert!(!failed.error.contains("may have stored"), "{mode:?}: {}", failed.error);
        }
        assert!(started.elapsed() < Duration::from_secs(10), "{mode:?}: retried? {:?}", started.elapsed());
    }
    assert_eq!(readings.count().await.expect("count"), 0);

    let unsendable = ClientBuilder::custom(server.connection_params())
        .auth(Auth::api_key("line\nbreak"))
        .skip_init_checks(true)
        .connect()
        .await;
    let result = match unsendable {
        Ok(client) => client.meta().await.map(drop),
        Err(error) => Err(error),
    };
    assert!(
        matches!(result, Err(Error::Authentication { .. } | Error::InvalidConfig(_))),
        "a key that cannot be a header is refused, never sent empty: {result:?}"
    );
}

/// The SIGSTOPped server and the client of it, for the frozen-server tests.
struct Frozen {
    server: EmbeddedServer,
    client: WeaviateClient,
    pid: libc::pid_t,
}

impl Frozen {
    async fn start(timeout: Duration) -> Self {
        let server = EmbeddedServer::start(EmbeddedOptions::default()).await.expect("server");
        let client =
            server.client_builder().query_timeout(timeout).insert_timeout(timeout).connect().await.expect("connect");
        let pid = server.pid().and_then(|pid| libc::pid_t::try_from(pid).ok()).expect("pid");
        Self { server, client, pid }
    }

    fn freeze(&self) {
        // SAFETY: a signal to our own child process.
        unsafe { libc::kill(self.pid, libc::SIGSTOP) };
    }

    fn thaw(&self) {
        // SAFETY: as above.
        unsafe { libc::kill(self.pid, libc::SIGCONT) };
    }
}

/// Runs `call` against the frozen server: it must end with a timeout within
/// `timeout` plus slack.
async fn times_out<T: std::fmt::Debug>(
    what: &str,
    timeout: Duration,
    call: impl std::future::Future<Output = weaviate_orm::Result<T>>,
) {
    let started = Instant::now();
    let result = tokio::time::timeout(timeout * 4, call).await.unwrap_or_else(|_| panic!("{what} hung"));
    let took = started.elapsed();
    assert!(matches!(result, Err(Error::Timeout { .. })), "{what}: {result:?}");
    assert!(took < timeout + Duration::from_secs(2), "{what} took {took:?}");
}

#[tokio::test]
async fn every_call_ends_in_a_timeout_on_a_frozen_server_and_works_after() {
    let timeout = Duration::from_millis(800);
    let frozen = Frozen::start(timeout).await;
    let client = &frozen.client;
    client.collections().create::<Reading>().await.expect("the collection links point to");
    let readings = client.collection::<Reading>();
    let links = fresh::<Link>(client).await;
    let id = readings.insert(&reading("before")).await.expect("insert");
    let f = Reading::FIELDS;

    frozen.freeze();
    weaviate_orm_tests::wait_until_stopped(frozen.pid).await;
    times_out("meta", timeout, client.meta()).await;
    times_out("list", timeout, client.collections().list()).await;
    times_out("config", timeout, client.collections().config(readings.name())).await;
    times_out("create", timeout, client.collections().create_named::<Reading>("Test_Frozen")).await;
    times_out("graphql", timeout, client.graphql_raw("{ Get { Test_Frozen { title } } }")).await;
    times_out("search", timeout, readings.query().fetch()).await;
    times_out("fetch_by_id", timeout, readings.fetch_by_id(id)).await;
    times_out("near_vector", timeout, readings.query().near_vector(vec![0.1, 0.2, 0.3]).fetch()).await;
    times_out("count", timeout, readings.count()).await;
    times_out("aggregate", timeout, readings.aggregate().metrics(&f.score).fetch()).await;
    times_out("insert", timeout, readings.insert(&reading("during"))).await;
    times_out("replace", timeout, readings.replace(id, &reading("during"))).await;
    times_out("update", timeout, readings.update(id).set(&f.score, 2.0).apply()).await;
    times_out("exists", timeout, readings.exists(id)).await;
    times_out("delete", timeout, readings.delete(id)).await;
    times_out("delete_many", timeout, readings.delete_many(f.title.equal("x")).run()).await;
    times_out("tenants", timeout, readings.tenants().list()).await;
    times_out("add_reference", timeout, links.add_reference(id, &Link::FIELDS.to, &Ref::to(id))).await;
    times_out("replace_references", timeout, links.replace_references(id, &Link::FIELDS.to, &Ref::to(id))).await;

    // A streaming batch: every wait is bounded by the insert timeout; with
    // no retries left, every object comes back with its reason.
    for mode in [BatchMode::Stream, BatchMode::Fixed { size: 10, concurrency: 2 }] {
        let started = Instant::now();
        let batch = readings.batch().mode(mode).retries(1).start();
        for i in 0..30 {
            let added = tokio::time::timeout(timeout * 8, batch.add(reading(&format!("b{i}")))).await;
            added.unwrap_or_else(|_| panic!("{mode:?}: add blocked")).expect("queued");
        }
        let report = tokio::time::timeout(Duration::from_secs(30), batch.finish())
            .await
            .unwrap_or_else(|_| panic!("{mode:?}: finish hung"))
            .expect("report");
        assert_eq!((report.confirmed, report.failed.len()), (0, 30), "{mode:?}");
        assert!(started.elapsed() < Duration::from_secs(20), "{mode:?} took {:?}", started.elapsed());
    }

    frozen.thaw();
    assert!(client.meta().await.is_ok(), "works again after SIGCONT");
    // (Writes the server had received before it froze may be applied now:
    // the batch reported them as possibly stored.)
    let batch = readings.batch().stream().start();
    batch.add(reading("after")).await.expect("queued");
    assert_eq!(batch.finish().await.expect("report").confirmed, 1);
    drop(frozen.server);
}
