//! Batch imports in every mode, checked against what the server stores:
//! every object confirmed or handed back, references after their objects,
//! the 10k Jeopardy questions with their 1536-dimension vectors, and a
//! streaming import that outlives a server crash and a graceful restart.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use uuid::Uuid;
use weaviate_orm::data::{BatchMode, BatchProgress, BatchReport};
use weaviate_orm::embedded::{EmbeddedOptions, EmbeddedServer, StopMode};
use weaviate_orm::{Collection, Ref, WeaviateClient, WeaviateCollection};
use weaviate_orm_tests::jeopardy::{self, JeopardyQuestion};
use weaviate_orm_tests::{client, fresh, unique_name};

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_BatchNote")]
struct Note {
    title: String,
    words: i64,
    /// Absent from the server's schema (see `seeded_notes`): a value is rejected.
    extra: Option<String>,
    #[weaviate(vector)]
    vector: Vec<f32>,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_BatchAuthor")]
struct Author {
    name: String,
    #[weaviate(vector)]
    vector: Vec<f32>,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_BatchBook")]
struct Book {
    title: String,
    authors: Ref<Author>,
}

const MODES: [BatchMode; 4] = [
    BatchMode::Stream,
    BatchMode::Fixed { size: 100, concurrency: 3 },
    BatchMode::Dynamic,
    BatchMode::RateLimited { objects_per_minute: 600_000 },
];

/// Every 400th object has a vector of the wrong length.
fn bad_vector(i: i64) -> bool {
    i % 400 == 7
}

/// Every 500th object has a property the server's schema lacks.
fn bad_property(i: i64) -> bool {
    i % 500 == 11
}

fn bad(i: i64) -> bool {
    bad_vector(i) || bad_property(i)
}

fn note(i: i64) -> Note {
    Note {
        title: format!("n{i}"),
        words: i,
        extra: bad_property(i).then(|| "not in the schema".into()),
        vector: if bad_vector(i) { vec![1.0] } else { vec![0.5, 0.5, 0.5] },
    }
}

/// A collection without the `extra` property, whose vector length is
/// already fixed: on an empty index the server can race concurrent first writes.
async fn seeded_notes(client: &WeaviateClient) -> Collection<Note> {
    let mut config = Note::config();
    config.name = unique_name("BatchNote");
    config.properties.retain(|property| property.name != "extra");
    client.collections().create_from_config(&config).await.expect("create");
    let notes = client.collection_named::<Note>(config.name);
    let seed = Note { title: "seed".into(), words: -1, extra: None, vector: vec![0.0, 0.0, 1.0] };
    notes.insert(&seed).await.expect("seed");
    notes
}

#[tokio::test]
async fn every_mode_confirms_or_hands_back_every_object() {
    let client = client().await.expect("connect");
    for mode in MODES {
        let notes = seeded_notes(&client).await;
        let progress: Arc<Mutex<Vec<BatchProgress>>> = Arc::default();
        let seen = progress.clone();
        let batch = notes.batch().mode(mode).on_progress(move |p| seen.lock().expect("lock").push(p)).start();
        // Two tasks add at once.
        let handle = batch.handle();
        let other = tokio::spawn(async move {
            for i in 1000..2000 {
                handle.add(note(i)).await.expect("add");
            }
        });
        for i in 0..1000 {
            batch.add(note(i)).await.expect("add");
        }
        other.await.expect("task");
        let report = batch.finish().await.expect("finish");

        let failures = (0..2000).filter(|i| bad(*i)).count();
        assert_eq!((report.confirmed, failures), (2000 - failures, 9), "{mode:?}");
        let mut failed_words: Vec<i64> = report.failed.iter().map(|f| f.object.words).collect();
        failed_words.sort_unstable();
        assert_eq!(failed_words, (0..2000).filter(|i| bad(*i)).collect::<Vec<_>>(), "{mode:?}");
        for failed in &report.failed {
            let reason = if bad_vector(failed.object.words) { "vector" } else { "extra" };
            assert!(failed.error.contains(reason), "{mode:?}: {}", failed.error);
            assert_eq!(failed.object, note(failed.object.words));
        }
        let last = *progress.lock().expect("lock").last().expect("progress reported");
        let expected =
            BatchProgress { added: 2000, sent: 2000, confirmed: 1991, failed: 9, ..BatchProgress::default() };
        assert_eq!(last, expected, "{mode:?}");

        assert_eq!(notes.count().await.expect("count"), 1992, "{mode:?}: the seed and every confirmed object");
        // The typed read asks for `extra`: let the migrator add it first.
        let mut full = Note::config();
        full.name = notes.name().to_owned();
        client.migrator().config(full).run().await.expect("add extra");
        let stored = notes.query().limit(5000).fetch().await.expect("read");
        let failed_ids: Vec<Uuid> = report.failed.iter().map(|f| f.id).collect();
        assert!(
            stored
                .iter()
                .filter(|o| o.properties.words >= 0)
                .all(|o| !failed_ids.contains(&o.id) && o.properties == note(o.properties.words)),
            "{mode:?}"
        );
    }
}

#[tokio::test]
async fn a_rate_limited_batch_paces_its_requests() {
    let client = client().await.expect("connect");
    let notes = seeded_notes(&client).await;
    let started = std::time::Instant::now();
    let batch = notes.batch().rate_limit(600).start();
    for i in 100..130 {
        batch.add(note(i)).await.expect("add");
    }
    let report = batch.finish().await.expect("finish");
    assert_eq!((report.confirmed, report.failed.len()), (30, 0));
    // 600 per minute is 10 per second: three requests of 10 span at least two seconds.
    assert!(started.elapsed() >= Duration::from_secs(2), "{:?}", started.elapsed());
}

#[tokio::test]
async fn a_client_batch_sends_references_after_their_objects() {
    let client = client().await.expect("connect");
    client.migrate::<Author>().await.expect("authors");
    let authors = client.collection::<Author>();
    authors.insert(&Author { name: "seed".into(), vector: vec![1.0, 0.0] }).await.expect("seed");
    for mode in [BatchMode::Stream, BatchMode::Fixed { size: 10, concurrency: 2 }] {
        let books = fresh::<Book>(&client).await;
        let batch = client.batch().mode(mode).start();
        let mut pairs = Vec::new();
        for i in 0..50 {
            // Each reference is added while both its objects are still in the pipeline.
            let book = batch.add(&books, Book { title: format!("b{i}"), authors: Ref::new() }).await.expect("book");
            let vector = if i == 13 { vec![1.0] } else { vec![0.0, 1.0] };
            let author = batch.add(&authors, Author { name: format!("a{i}"), vector }).await.expect("author");
            batch.add_reference(&books, book, &Book::FIELDS.authors, Ref::to(author)).await.expect("reference");
            pairs.push((book, author));
        }
        let report: BatchReport<_> = batch.finish().await.expect("finish");

        assert_eq!((report.confirmed, report.references_confirmed), (99, 49), "{mode:?}");
        let [failed] = &report.failed[..] else { panic!("{mode:?}: one failed object, got {:?}", report.failed) };
        assert_eq!(failed.id, pairs[13].1);
        let [failed_reference] = &report.failed_references[..] else { panic!("{mode:?}: one failed reference") };
        assert_eq!((failed_reference.from, failed_reference.to), pairs[13]);
        assert!(failed_reference.error.contains("it links failed"), "{}", failed_reference.error);
        let author = report.failed.into_iter().next().map(|f| f.object.downcast::<Author>());
        assert!(matches!(author, Some(Ok(Author { ref name, .. })) if name == "a13"));

        for (i, (book, author)) in pairs.iter().enumerate() {
            let stored = books.fetch_by_id(*book).await.expect("read").expect("book stored");
            let linked: Vec<Uuid> = stored.properties.authors.ids().collect();
            assert_eq!(linked, if i == 13 { vec![] } else { vec![*author] }, "{mode:?}: book {i}");
        }
    }
}

/// The most objects an import of the Jeopardy questions may hold (added
/// and not yet settled), as the batch module's docs bound its memory: 64
/// waiting to be taken in and the one being added, then one request ready
/// and those in flight, or, for the modes that size their own requests,
/// 4 MiB of encoded objects (each of these is over 6 KiB: 1536 floats).
fn held_at_most(mode: BatchMode) -> usize {
    let pipeline = match mode {
        BatchMode::Fixed { size, concurrency } => size * (concurrency + 1),
        // 100 objects a request (at most), one at a time.
        BatchMode::RateLimited { .. } => 100 * 2,
        _ => (4 << 20) / (1536 * 4) + 1,
    };
    64 + 1 + pipeline
}

/// Imports the 10k Jeopardy questions, checking after each `add` that the
/// import holds no more objects than [`held_at_most`] says.
async fn import_jeopardy(questions: &Collection<JeopardyQuestion>, mode: BatchMode) -> BatchReport<JeopardyQuestion> {
    let batch = questions.batch().mode(mode).start();
    let mut most_held = 0;
    for question in jeopardy::questions() {
        batch.add(question.clone()).await.expect("add");
        let p = batch.progress();
        most_held = most_held.max(p.added - p.confirmed - p.failed);
    }
    assert!(most_held <= held_at_most(mode), "{mode:?} held {most_held} objects, more than {}", held_at_most(mode));
    batch.finish().await.expect("finish")
}

/// Reads the whole collection back with the cursor API (which walks the
/// object store, not the inverted index) and compares every object.
async fn assert_all_questions_stored(questions: &Collection<JeopardyQuestion>, context: &str) {
    let all = jeopardy::questions();
    assert_eq!(questions.count().await.expect("count"), all.len() as u64, "{context}");
    let expected: HashMap<Uuid, &JeopardyQuestion> = all.iter().map(|q| (q.id, q)).collect();
    let mut seen = HashSet::new();
    let mut stored = questions.iterate().page_size(500);
    while let Some(object) = stored.next().await {
        let object = object.expect("read back");
        assert!(seen.insert(object.id), "{context}: {} twice", object.id);
        assert_eq!(Some(&&object.properties), expected.get(&object.id), "{context}");
    }
    assert_eq!(seen.len(), all.len(), "{context}");
}

#[tokio::test]
async fn the_jeopardy_questions_import_exactly_in_every_mode() {
    let all = tokio::task::spawn_blocking(jeopardy::questions).await.expect("dataset");
    assert_eq!(all.len(), 10_000);
    let client = client().await.expect("connect");
    for mode in MODES {
        let questions = fresh::<JeopardyQuestion>(&client).await;
        let started = std::time::Instant::now();
        let report = import_jeopardy(&questions, mode).await;
        eprintln!("Jeopardy 10k in {mode:?}: {:?}", started.elapsed());
        assert_eq!((report.confirmed, report.failed.len()), (10_000, 0), "{mode:?}: {:?}", report.failed.first());
        assert_all_questions_stored(&questions, &format!("{mode:?}")).await;
        client.collections().delete(questions.name()).await.expect("drop");
    }
}

/// Stops the server once the import has this many objects confirmed, then
/// starts it again.
async fn interrupt_at(server: &EmbeddedServer, progress: impl Fn() -> BatchProgress, confirmed: usize, how: StopMode) {
    while progress().confirmed < confirmed {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.stop(how).await;
    let at_stop = progress();
    assert!(at_stop.confirmed < 10_000, "stopped mid-import: {at_stop:?}");
    tokio::time::sleep(Duration::from_secs(1)).await;
    server.start_again().await.expect("the server starts again");
}

#[tokio::test]
async fn a_streaming_import_survives_a_crash_and_a_restart() {
    let all = tokio::task::spawn_blocking(jeopardy::questions).await.expect("dataset");
    let server = EmbeddedServer::start(EmbeddedOptions::default()).await.expect("own server");
    let client = server.client_builder().connect().await.expect("connect");
    client.migrate::<JeopardyQuestion>().await.expect("create");
    let questions = client.collection::<JeopardyQuestion>();

    let batch = questions.batch().stream().start();
    let handle = batch.handle();
    // The adder holds back the objects past each stop until the server is
    // back, so that each stop is mid-import however fast the server is.
    let (resume_tx, mut resume) = tokio::sync::mpsc::channel::<()>(2);
    let adder = tokio::spawn(async move {
        for (i, question) in all.iter().enumerate() {
            if i == 5000 || i == 8000 {
                resume.recv().await.expect("resumed");
            }
            handle.add(question.clone()).await.expect("add");
        }
    });
    interrupt_at(&server, || batch.progress(), 3000, StopMode::Kill).await;
    resume_tx.send(()).await.expect("resume");
    interrupt_at(&server, || batch.progress(), 7000, StopMode::Graceful).await;
    resume_tx.send(()).await.expect("resume");
    adder.await.expect("adder");
    let report = batch.finish().await.expect("finish");

    assert_eq!((report.confirmed, report.failed.len()), (10_000, 0), "{:?}", report.failed.first());
    assert_all_questions_stored(&questions, "after a crash and a restart").await;
    server.shutdown().await;
}

#[tokio::test]
async fn a_stream_refused_for_memory_backs_off_and_accounts_for_every_object() {
    let all = tokio::task::spawn_blocking(jeopardy::questions).await.expect("dataset");
    // A memory limit the 10k vectors outgrow: the server starts answering OutOfMemory.
    let options = EmbeddedOptions::default().env("GOMEMLIMIT", "128MiB");
    let server = EmbeddedServer::start(options).await.expect("own server");
    let client = server.client_builder().connect().await.expect("connect");
    client.migrate::<JeopardyQuestion>().await.expect("create");
    let questions = client.collection::<JeopardyQuestion>();

    let started = std::time::Instant::now();
    let batch = questions.batch().stream().retries(2).max_memory_wait(Duration::from_secs(1)).start();
    for question in all {
        batch.add(question.clone()).await.expect("add");
    }
    let report = batch.finish().await.expect("finish");

    assert!(!report.failed.is_empty(), "the limit is low enough to refuse some objects");
    assert_eq!(report.confirmed + report.failed.len(), all.len(), "every object accounted for");
    let reasons: HashSet<&str> = report.failed.iter().map(|f| f.error.as_str()).collect();
    assert!(reasons.iter().all(|r| r.to_lowercase().contains("memory")), "{reasons:?}");
    assert!(started.elapsed() < Duration::from_secs(60), "backs off by the chosen wait: {:?}", started.elapsed());
    // Every confirmed object is stored. A failed one may be too: the server
    // can write an object and then fail its vector for lack of memory, or
    // store it without the answer coming back; sending it again is safe.
    let failed: HashSet<Uuid> = report.failed.iter().map(|f| f.id).collect();
    let mut stored = HashSet::new();
    let mut objects = questions.iterate().page_size(1000);
    while let Some(object) = objects.next().await {
        stored.insert(object.expect("read").id);
    }
    let missing = all.iter().filter(|q| !failed.contains(&q.id) && !stored.contains(&q.id)).count();
    assert_eq!(missing, 0, "confirmed objects missing from the server");
    server.shutdown().await;
}
