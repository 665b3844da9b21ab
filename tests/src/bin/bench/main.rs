//! weaviate-orm against the official Python client, on one embedded server,
//! in the same run: batch import of the 10k Jeopardy questions (1536-dim
//! vectors), filtered near-vector search (sequential and 8 at a time; the
//! Python side on its async client for that),
//! reading every object with the iterator, and the server's own ceiling
//! (the import replayed as pre-built gRPC requests).
//!
//! ```text
//! cargo run --release -p weaviate-orm-tests --bin bench [-- --rounds 3]
//! ```
//!
//! `-- --workload scalar` runs the client-bound workload instead (see
//! [`scalar`]): 100,000 objects of ten scalar properties, no vectors.
//! `-- --workload codec` runs the codec micro-benchmark (see [`codec`]),
//! without a server.
//! `-- --only TEXT` keeps the runs whose side and label contain `TEXT`
//! (`--only "rust: stream"`), e.g. to profile one with `perf record`.
//!
//! Each measurement runs in a worker process of its own (this binary with
//! `worker ...`, or `tests/python/bench_worker.py`), alternating sides
//! round by round; a worker reports the wall and CPU time of its timed part
//! and its memory. The median of the rounds goes into a markdown table,
//! printed and written with every figure to `target/bench/`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use weaviate_orm::embedded::{EmbeddedOptions, EmbeddedServer};
use weaviate_orm::{Collection, WeaviateClient, WeaviateCollection, WeaviateProjection};
use weaviate_orm_proto::v1 as pb;
use weaviate_orm_tests::jeopardy::{self, JeopardyQuestion};
use weaviate_orm_tests::python;

/// The collection every workload uses.
const COLLECTION: &str = "BenchQuestion";
const QUERIES: usize = 1000;

/// The properties a search or the iterator reads: everything but the vector,
/// as the Python client returns by default.
#[derive(WeaviateProjection, Debug)]
#[weaviate(of = JeopardyQuestion)]
#[expect(dead_code, reason = "read to be decoded, as a user would")]
struct QuestionText {
    air_date: chrono::DateTime<chrono::Utc>,
    round: String,
    value: Option<i64>,
    category: String,
    question: String,
    answer: String,
}

mod codec;
mod scalar;

/// The `--only` filter of the runs.
static ONLY: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

type Failure = Box<dyn std::error::Error + Send + Sync>;

#[tokio::main]
async fn main() -> Result<(), Failure> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("worker") => worker(&args[1..]).await,
        _ => {
            let option = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1));
            let rounds = option("--rounds").map_or(Ok(3), |n| n.parse())?;
            // `--only TEXT`: just the runs whose side and label contain it (profiling one).
            ONLY.get_or_init(|| option("--only").cloned());
            match option("--workload").map(String::as_str) {
                Some("scalar") => orchestrate_scalar(rounds).await,
                Some("codec") => codec::run(),
                None | Some("jeopardy") => orchestrate(rounds).await,
                Some(other) => Err(format!("unknown workload {other} (jeopardy, scalar or codec)").into()),
            }
        }
    }
}

// ---------------------------------------------------------------- workers

/// `worker HTTP GRPC WORKLOAD [MODE]`: one timed workload, one JSON line out.
async fn worker(args: &[String]) -> Result<(), Failure> {
    let [http, grpc, workload, rest @ ..] = args else { return Err("worker HTTP GRPC WORKLOAD [MODE]".into()) };
    let mode = rest.first().map(String::as_str).unwrap_or_default();
    let params = weaviate_orm::ConnectionParams::local_ports(http.parse()?, grpc.parse()?);
    let client = weaviate_orm::ClientBuilder::custom(params).connect().await?;
    let questions = client.collection_named::<JeopardyQuestion>(COLLECTION);
    let data = if matches!(workload.as_str(), "import" | "search" | "ceiling") { jeopardy::questions() } else { &[] };
    let records = if workload.ends_with("-scalar") { scalar::records() } else { Vec::new() };
    let replay = |n: usize| rest.get(n).and_then(|v| v.parse::<usize>().ok()).unwrap_or(1);
    reset_peak_rss();
    let (rss_before, cpu_before, started) = (rss_kb(), cpu_seconds(), Instant::now());
    let figures = match workload.as_str() {
        "import" => import(&questions, data, mode).await?,
        "search" => search(&questions, data, mode == "concurrent").await?,
        "iterate" => iterate(&questions).await?,
        "ceiling" => ceiling(grpc, data).await?,
        "import-scalar" => scalar::import(client.collection(), records, mode).await?,
        "ceiling-scalar" => scalar::ceiling(grpc, &records, replay(1), replay(2)).await?,
        other => return Err(format!("unknown workload {other}").into()),
    };
    let (seconds, cpu) = (started.elapsed().as_secs_f64(), cpu_seconds() - cpu_before);
    let mut line =
        json!({ "seconds": seconds, "cpu_seconds": cpu, "rss_before_kb": rss_before, "peak_rss_kb": peak_rss_kb() });
    if let (Value::Object(line), Value::Object(figures)) = (&mut line, figures) {
        line.extend(figures);
    }
    println!("{line}");
    Ok(())
}

async fn import(
    questions: &Collection<JeopardyQuestion>,
    data: &[JeopardyQuestion],
    mode: &str,
) -> Result<Value, Failure> {
    let builder = match mode {
        "default" => questions.batch(),
        "stream" => questions.batch().stream(),
        "fixed" => questions.batch().size(200).concurrency(4),
        other => return Err(format!("unknown import mode {other}").into()),
    };
    let batch = builder.start();
    for question in data {
        batch.add(question.clone()).await?;
    }
    let report = batch.finish().await?;
    Ok(json!({ "objects": report.confirmed, "failed": report.failed.len() }))
}

async fn search(
    questions: &Collection<JeopardyQuestion>,
    data: &[JeopardyQuestion],
    concurrent: bool,
) -> Result<Value, Failure> {
    let queries: Arc<Vec<Vec<f32>>> = Arc::new(data.iter().take(QUERIES).map(|q| q.vector.clone()).collect());
    let next = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for _ in 0..if concurrent { 8 } else { 1 } {
        let (questions, queries, next) = (questions.clone(), queries.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            let mut timings = Vec::new();
            while let Some(vector) = queries.get(next.fetch_add(1, Ordering::Relaxed)) {
                let started = Instant::now();
                let query = questions.query().near_vector(vector.clone()).limit(10);
                let found = query.filter(JeopardyQuestion::FIELDS.value.greater_than(300)).project::<QuestionText>();
                let hits = found.fetch().await?.len();
                timings.push((started.elapsed(), hits));
            }
            Ok::<_, weaviate_orm::Error>(timings)
        }));
    }
    let mut timings = Vec::new();
    for task in tasks {
        timings.extend(task.await??);
    }
    let mut latencies: Vec<Duration> = timings.iter().map(|(d, _)| *d).collect();
    latencies.sort();
    let quantile =
        |q: f64| latencies.get((latencies.len() as f64 * q) as usize).map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    let hits: usize = timings.iter().map(|(_, n)| n).sum();
    Ok(json!({ "queries": latencies.len(), "p50_ms": quantile(0.5), "p99_ms": quantile(0.99), "hits": hits }))
}

async fn iterate(questions: &Collection<JeopardyQuestion>) -> Result<Value, Failure> {
    let mut all = questions.iterate().project::<QuestionText>();
    let mut count = 0usize;
    while let Some(object) = all.next().await {
        object?;
        count += 1;
    }
    Ok(json!({ "objects": count }))
}

/// The import replayed as gRPC requests built beforehand, 200 objects each,
/// 8 in flight: what the server takes when the client costs nothing.
async fn ceiling(grpc: &str, data: &[JeopardyQuestion]) -> Result<Value, Failure> {
    let requests: Vec<pb::BatchObjectsRequest> = data
        .chunks(200)
        .map(|chunk| pb::BatchObjectsRequest { objects: chunk.iter().map(prebuilt).collect(), consistency_level: None })
        .collect();
    replay(grpc, requests, 8).await
}

/// Sends `requests` (built beforehand), `concurrency` at a time: the
/// server's rate when the client costs nothing. `send_seconds` is the
/// sending alone.
pub(crate) async fn replay(
    grpc: &str,
    requests: Vec<pb::BatchObjectsRequest>,
    concurrency: usize,
) -> Result<Value, Failure> {
    let objects: usize = requests.iter().map(|r| r.objects.len()).sum();
    let channel = tonic::transport::Channel::from_shared(format!("http://127.0.0.1:{grpc}"))?.connect().await?;
    let started = Instant::now();
    let queue = Arc::new(std::sync::Mutex::new(requests));
    let mut senders = Vec::new();
    for _ in 0..concurrency {
        let (queue, channel) = (queue.clone(), channel.clone());
        senders.push(tokio::spawn(async move {
            let mut grpc = pb::weaviate_client::WeaviateClient::new(channel).max_encoding_message_size(usize::MAX);
            let mut failed = 0;
            loop {
                let next = queue.lock().map_err(|_| "queue poisoned")?.pop();
                let Some(request) = next else { return Ok::<usize, Failure>(failed) };
                failed += grpc.batch_objects(request).await?.into_inner().errors.len();
            }
        }));
    }
    let mut failed = 0;
    for sender in senders {
        failed += sender.await??;
    }
    Ok(json!({ "objects": objects - failed, "failed": failed, "send_seconds": started.elapsed().as_secs_f64() }))
}

fn prebuilt(question: &JeopardyQuestion) -> weaviate_orm_proto::v1::BatchObject {
    use prost_types::value::Kind;
    let text = |s: &str| prost_types::Value { kind: Some(Kind::StringValue(s.to_owned())) };
    let mut fields = BTreeMap::from([
        ("air_date".to_owned(), text(&question.air_date.to_rfc3339())),
        ("round".to_owned(), text(&question.round)),
        ("category".to_owned(), text(&question.category)),
        ("question".to_owned(), text(&question.question)),
        ("answer".to_owned(), text(&question.answer)),
    ]);
    if let Some(value) = question.value {
        fields.insert("value".into(), prost_types::Value { kind: Some(Kind::NumberValue(value as f64)) });
    }
    weaviate_orm_proto::v1::BatchObject {
        uuid: question.id.to_string(),
        collection: COLLECTION.into(),
        properties: Some(weaviate_orm_proto::v1::batch_object::Properties {
            non_ref_properties: Some(prost_types::Struct { fields }),
            ..Default::default()
        }),
        vector_bytes: question.vector.iter().flat_map(|v| v.to_le_bytes()).collect(),
        ..Default::default()
    }
}

fn cpu_seconds() -> f64 {
    // SAFETY: getrusage fills the struct it is given; zeroes are a valid start.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Starts the peak-memory mark afresh, so it covers the timed part and not
/// the loading of the dataset.
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The process's peak resident memory since [`reset_peak_rss`] (`VmHWM`;
/// `ru_maxrss` would also carry the orchestrator's over exec).
fn peak_rss_kb() -> i64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).unwrap_or_default();
    line.trim().trim_end_matches("kB").trim().parse().unwrap_or(0)
}

fn rss_kb() -> i64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: i64 = statm.split_whitespace().nth(1).and_then(|p| p.parse().ok()).unwrap_or(0);
    // SAFETY: sysconf only reads a system constant.
    let page_kb = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } / 1024;
    pages * page_kb.max(1)
}

// ----------------------------------------------------------- orchestrator

/// One side of one measurement.
struct Run {
    side: &'static str,
    label: &'static str,
    command: Command,
    /// Recreate the collection first (imports).
    fresh: bool,
}

/// The figures of every run, by label and side.
type Results = BTreeMap<(String, String), Vec<Value>>;

/// Runs `runs()` `rounds` times, alternating the order round by round,
/// `recreate` before each run that wants a fresh collection.
async fn measure<F, Fut>(rounds: usize, runs: impl Fn() -> Vec<Run>, recreate: F) -> Result<Results, Failure>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Result<(), Failure>>,
{
    let mut results = Results::new();
    let only = ONLY.get().cloned().flatten();
    for round in 0..rounds {
        let mut order = runs();
        order.retain(|run| only.as_ref().is_none_or(|o| format!("{}: {}", run.side, run.label).contains(o.as_str())));
        if round % 2 == 1 {
            // Alternate which side goes first within each pair of the same kind.
            order.reverse();
            order.sort_by_key(|run| !run.fresh);
        }
        for mut run in order {
            if run.fresh {
                recreate().await?;
            }
            let output = tokio::task::spawn_blocking(move || run.command.output().map(|o| (run, o))).await??;
            let (run, output) = output;
            if !output.status.success() {
                return Err(format!("{} {}: {}", run.side, run.label, String::from_utf8_lossy(&output.stderr)).into());
            }
            let line: Value = serde_json::from_slice(&output.stdout)?;
            eprintln!("round {}: {} {}: {line}", round + 1, run.side, run.label);
            results.entry((run.label.to_owned(), run.side.to_owned())).or_default().push(line);
        }
    }
    Ok(results)
}

/// The server every measurement of a run uses, and how to start workers on it.
struct Setup {
    python: PathBuf,
    server: EmbeddedServer,
    client: WeaviateClient,
    version: String,
    me: PathBuf,
}

impl Setup {
    async fn start() -> Result<Self, Failure> {
        let python = tokio::task::spawn_blocking(|| python::interpreter().to_owned()).await?;
        let server = EmbeddedServer::start(EmbeddedOptions::default()).await?;
        let client = server.client_builder().connect().await?;
        let version = client.meta().await?.version;
        Ok(Self { python, server, client, version, me: std::env::current_exe()? })
    }

    fn ports(&self) -> [String; 2] {
        [self.server.http_port().to_string(), self.server.grpc_port().to_string()]
    }

    /// A worker of ours.
    fn ours(&self, args: &[&str]) -> Command {
        let mut command = Command::new(&self.me);
        command.arg("worker").args(self.ports()).args(args);
        command
    }

    /// A Python worker on `collection`, reading the dataset in `folder`.
    fn theirs(&self, collection: &str, folder: &std::path::Path, args: &[&str]) -> Command {
        let mut command = Command::new(&self.python);
        command.arg(python::script("bench_worker.py")).args(self.ports()).arg(collection).arg(folder).args(args);
        command
    }
}

/// The client-bound workload on a fresh server: every Rust import mode,
/// the Python client's best two, and the replays whose best is the ceiling.
async fn orchestrate_scalar(rounds: usize) -> Result<(), Failure> {
    let setup = Setup::start().await?;
    let ours = |args: &[&str]| setup.ours(args);
    let theirs = |args: &[&str]| setup.theirs(scalar::COLLECTION, std::path::Path::new("-"), args);
    let runs = || {
        let mut runs = vec![
            Run { side: "rust", label: "default (dynamic)", command: ours(&["import-scalar", "default"]), fresh: true },
            Run { side: "rust", label: "stream", command: ours(&["import-scalar", "stream"]), fresh: true },
            Run { side: "rust", label: "fixed 1000 × 4", command: ours(&["import-scalar", "fixed"]), fresh: true },
            Run { side: "python", label: "fixed 1000 × 4", command: theirs(&["import-scalar", "fixed"]), fresh: true },
            Run { side: "python", label: "dynamic", command: theirs(&["import-scalar", "dynamic"]), fresh: true },
        ];
        for (size, concurrency) in scalar::REPLAYS {
            let (size, concurrency) = (size.to_string(), concurrency.to_string());
            let command = ours(&["ceiling-scalar", "-", &size, &concurrency]);
            runs.push(Run { side: "replay", label: scalar::replay_label(&size, &concurrency), command, fresh: true });
        }
        runs
    };
    let results = measure(rounds, runs, || scalar::recreate(&setup.client)).await?;
    let version = &setup.version;
    let machine =
        format!("{} cores, {}", std::thread::available_parallelism().map_or(0, |n| n.get()), std::env::consts::ARCH);
    let table = scalar::report(&results, &format!("Weaviate {version}, {rounds} rounds (medians), {machine}"));
    println!("{table}");
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench");
    std::fs::create_dir_all(&folder)?;
    std::fs::write(folder.join("scalar.md"), &table)?;
    std::fs::write(folder.join("scalar.json"), serde_json::to_string_pretty(&scalar::runs_json(&results))?)?;
    setup.server.shutdown().await;
    Ok(())
}

async fn orchestrate(rounds: usize) -> Result<(), Failure> {
    eprintln!("preparing: dataset, Python client {}, server...", python::PYTHON_CLIENT);
    let dataset = tokio::task::spawn_blocking(|| jeopardy::questions().len()).await?;
    let setup = Setup::start().await?;
    let (client, version) = (&setup.client, &setup.version);
    let folder = jeopardy::dataset_folder();
    let ours = |args: &[&str]| setup.ours(args);
    let theirs = |args: &[&str]| setup.theirs(COLLECTION, &folder, args);
    let runs = || {
        vec![
            Run {
                side: "rust",
                label: "import, defaults (dynamic)",
                command: ours(&["import", "default"]),
                fresh: true,
            },
            Run { side: "rust", label: "import, fixed 200 × 4", command: ours(&["import", "fixed"]), fresh: true },
            Run { side: "rust", label: "import, stream", command: ours(&["import", "stream"]), fresh: true },
            Run { side: "rust", label: "ceiling: pre-built requests", command: ours(&["ceiling"]), fresh: true },
            Run {
                side: "python",
                label: "import, dynamic (Python default)",
                command: theirs(&["import", "dynamic"]),
                fresh: true,
            },
            Run { side: "python", label: "import, fixed 200 × 4", command: theirs(&["import", "fixed"]), fresh: true },
            Run { side: "python", label: "import, stream", command: theirs(&["import", "stream"]), fresh: true },
            Run { side: "rust", label: "search, sequential", command: ours(&["search", "sequential"]), fresh: false },
            Run {
                side: "python",
                label: "search, sequential",
                command: theirs(&["search", "sequential"]),
                fresh: false,
            },
            Run { side: "rust", label: "search, 8 concurrent", command: ours(&["search", "concurrent"]), fresh: false },
            Run {
                side: "python",
                label: "search, 8 concurrent",
                command: theirs(&["search", "concurrent"]),
                fresh: false,
            },
            Run { side: "rust", label: "iterate", command: ours(&["iterate"]), fresh: false },
            Run { side: "python", label: "iterate", command: theirs(&["iterate"]), fresh: false },
        ]
    };
    let results = measure(rounds, runs, || recreate(client)).await?;
    if count_of(client).await? != dataset {
        return Err("the last import left the collection incomplete".into());
    }
    report(&results, rounds, version, dataset)?;
    setup.server.shutdown().await;
    Ok(())
}

async fn recreate(client: &WeaviateClient) -> Result<(), Failure> {
    let collections = client.collections();
    if collections.exists(COLLECTION).await? {
        collections.delete(COLLECTION).await?;
    }
    let mut config = JeopardyQuestion::config();
    config.name = COLLECTION.into();
    collections.create_from_config(&config).await?;
    Ok(())
}

async fn count_of(client: &WeaviateClient) -> Result<usize, Failure> {
    Ok(usize::try_from(client.collection_named::<JeopardyQuestion>(COLLECTION).count().await?)?)
}

/// The median of one figure over the rounds.
pub(crate) fn median(runs: &[Value], key: &str) -> f64 {
    let mut values: Vec<f64> = runs.iter().filter_map(|r| r[key].as_f64()).collect();
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

fn report(results: &Results, rounds: usize, version: &str, dataset: usize) -> Result<(), Failure> {
    let figure = |label: &str, side: &str, key: &str| {
        results.get(&(label.to_owned(), side.to_owned())).map_or(f64::NAN, |runs| median(runs, key))
    };
    let rate = |label: &str, side: &str, count: &str| figure(label, side, count) / figure(label, side, "seconds");
    let mut rows = Vec::new();
    let mut summary = serde_json::Map::new();
    let mut row = |workload: &str,
                   ours: (&str, &str),
                   theirs: (&str, &str),
                   unit: &str,
                   higher_is_better: bool,
                   f: &dyn Fn(&str, &str) -> f64| {
        let (a, b) = (f(ours.0, ours.1), f(theirs.0, theirs.1));
        let ratio = if higher_is_better { a / b } else { b / a };
        rows.push(format!("| {workload} | {a:.1} {unit} | {b:.1} {unit} | {ratio:.2}× |"));
        summary.insert(workload.to_owned(), json!({ "ours": a, "python": b, "unit": unit, "ours_vs_python": ratio }));
    };
    let per_second = |count: &'static str| move |label: &str, side: &str| rate(label, side, count);
    row(
        "import, defaults: both dynamic (objects/s)",
        ("import, defaults (dynamic)", "rust"),
        ("import, dynamic (Python default)", "python"),
        "obj/s",
        true,
        &per_second("objects"),
    );
    row(
        "import, fixed 200 × 4 (objects/s)",
        ("import, fixed 200 × 4", "rust"),
        ("import, fixed 200 × 4", "python"),
        "obj/s",
        true,
        &per_second("objects"),
    );
    row(
        "import, stream (objects/s)",
        ("import, stream", "rust"),
        ("import, stream", "python"),
        "obj/s",
        true,
        &per_second("objects"),
    );
    row(
        "import CPU, defaults (s)",
        ("import, defaults (dynamic)", "rust"),
        ("import, dynamic (Python default)", "python"),
        "s",
        false,
        &|l, s| figure(l, s, "cpu_seconds"),
    );
    let memory = |l: &str, s: &str| (figure(l, s, "peak_rss_kb") - figure(l, s, "rss_before_kb")) / 1024.0;
    for (mode, ours, theirs) in [
        ("defaults", "import, defaults (dynamic)", "import, dynamic (Python default)"),
        ("fixed 200 × 4", "import, fixed 200 × 4", "import, fixed 200 × 4"),
        ("stream", "import, stream", "import, stream"),
    ] {
        row(
            &format!("import memory above the loaded dataset, {mode} (MiB)"),
            (ours, "rust"),
            (theirs, "python"),
            "MiB",
            false,
            &memory,
        );
    }
    row(
        "search, sequential (queries/s)",
        ("search, sequential", "rust"),
        ("search, sequential", "python"),
        "q/s",
        true,
        &per_second("queries"),
    );
    row(
        "search, sequential p50 (ms)",
        ("search, sequential", "rust"),
        ("search, sequential", "python"),
        "ms",
        false,
        &|l, s| figure(l, s, "p50_ms"),
    );
    row(
        "search, sequential p99 (ms)",
        ("search, sequential", "rust"),
        ("search, sequential", "python"),
        "ms",
        false,
        &|l, s| figure(l, s, "p99_ms"),
    );
    row(
        "search, 8 concurrent (queries/s)",
        ("search, 8 concurrent", "rust"),
        ("search, 8 concurrent", "python"),
        "q/s",
        true,
        &per_second("queries"),
    );
    row(
        "search, 8 concurrent p99 (ms)",
        ("search, 8 concurrent", "rust"),
        ("search, 8 concurrent", "python"),
        "ms",
        false,
        &|l, s| figure(l, s, "p99_ms"),
    );
    row("iterate (objects/s)", ("iterate", "rust"), ("iterate", "python"), "obj/s", true, &per_second("objects"));
    row("iterate CPU (s)", ("iterate", "rust"), ("iterate", "python"), "s", false, &|l, s| figure(l, s, "cpu_seconds"));
    let ceiling = rate("ceiling: pre-built requests", "rust", "objects");
    let ours_default = rate("import, defaults (dynamic)", "rust", "objects");
    let ours_best = ["import, defaults (dynamic)", "import, fixed 200 × 4", "import, stream"]
        .iter()
        .map(|label| rate(label, "rust", "objects"))
        .fold(0.0, f64::max);
    let machine =
        format!("{} cores, {}", std::thread::available_parallelism().map_or(0, |n| n.get()), std::env::consts::ARCH);
    let table = format!(
        "Weaviate {version}, {dataset} Jeopardy questions (1536-dim vectors), {rounds} rounds (medians), {machine}, \
         weaviate-client {} (Python).\n\n| workload | weaviate-orm | Python client | ours vs Python |\n|---|---|---|---|\n{}\n\n\
         Server ceiling (pre-built gRPC requests, 200 × 8 in flight): {ceiling:.0} objects/s; our default import reaches {:.0}% of it, our best {:.0}%.\n",
        python::PYTHON_CLIENT,
        rows.join("\n"),
        100.0 * ours_default / ceiling,
        100.0 * ours_best / ceiling,
    );
    println!("{table}");
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench");
    std::fs::create_dir_all(&folder)?;
    std::fs::write(folder.join("latest.md"), &table)?;
    let runs: BTreeMap<String, &Vec<Value>> =
        results.iter().map(|((label, side), v)| (format!("{side}: {label}"), v)).collect();
    let all = json!({ "server": version, "machine": machine, "rounds": rounds, "python_client": python::PYTHON_CLIENT, "summary": summary, "ceiling_objects_per_second": ceiling, "runs": runs });
    std::fs::write(folder.join("latest.json"), serde_json::to_string_pretty(&all)?)?;
    eprintln!("written to {}", folder.display());
    Ok(())
}
