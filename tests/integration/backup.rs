//! Backups on the real server: created, followed, listed and refused with
//! typed errors; restored onto the same server and into a fresh one started
//! on the same backup folder, every object read back equal.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, TimeZone, Utc};
use uuid::Uuid;
use weaviate_orm::backup::BackupErrorKind;
use weaviate_orm::backup::{BackupBackend, BackupPhase, Compression};
use weaviate_orm::embedded::{EmbeddedOptions, EmbeddedServer};
use weaviate_orm::{Collection, Error, WeaviateClient, WeaviateCollection};

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_BackupBook")]
struct Book {
    #[weaviate(key)]
    title: String,
    pages: i64,
    published: DateTime<Utc>,
    tags: Vec<String>,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_BackupNote")]
struct Note {
    body: String,
}

fn library() -> Vec<Book> {
    (0..300)
        .map(|i| Book {
            title: format!("Book {i}"),
            pages: 100 + i,
            published: Utc.timestamp_opt(1_600_000_000 + i * 86_400, 0).single().unwrap_or_default(),
            tags: vec![format!("tag{}", i % 7), "all".into()],
        })
        .collect()
}

/// Every book, by id, read through the cursor.
async fn stored(books: &Collection<Book>) -> HashMap<Uuid, Book> {
    let mut out = HashMap::new();
    let mut all = books.iterate().page_size(100);
    while let Some(object) = all.next().await {
        let object = object.expect("read back");
        out.insert(object.id, object.properties);
    }
    out
}

fn kind(error: &Error) -> Option<BackupErrorKind> {
    match error {
        Error::Backup { kind, .. } => Some(*kind),
        _ => None,
    }
}

async fn start(folder: &std::path::Path) -> (EmbeddedServer, WeaviateClient) {
    let options = EmbeddedOptions::default().env("BACKUP_FILESYSTEM_PATH", folder.display().to_string());
    let server = EmbeddedServer::start(options).await.expect("start");
    let client = server.client_builder().connect().await.expect("connect");
    (server, client)
}

#[tokio::test]
async fn a_backup_restores_every_object_here_and_on_a_fresh_server() {
    let folder = std::env::temp_dir().join(format!("weaviate-orm-backups-{}", std::process::id()));
    let (server, client) = start(&folder).await;
    client.migrate::<Book>().await.expect("books");
    client.migrate::<Note>().await.expect("notes");
    let books = client.collection::<Book>();
    let report = books.insert_many(&library()).await.expect("insert");
    assert!(report.errors.is_empty(), "{:?}", report.errors.first());
    client.collection::<Note>().insert(&Note { body: "not in the backup".into() }).await.expect("note");
    let before = stored(&books).await;
    assert_eq!(before.len(), 300);

    // Create, following the phases.
    let backups = client.backups(BackupBackend::Filesystem);
    let phases = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&phases);
    let done = backups
        .create("books-1")
        .include::<Book>()
        .compression(Compression::ZstdBestSpeed)
        .cpu_percentage(40)
        .on_progress(move |info| seen.lock().expect("lock").push(info.status))
        .wait()
        .await
        .expect("backup");
    assert_eq!((done.id.as_str(), done.status), ("books-1", BackupPhase::Success));
    assert_eq!(done.collections, [Book::NAME]);
    assert!(done.completed_at >= done.started_at && done.size_gib.is_some(), "{done:?}");
    let phases = phases.lock().expect("lock").clone();
    assert_eq!(phases.last(), Some(&BackupPhase::Success), "{phases:?}");
    assert_eq!(backups.status("books-1").await.expect("status").status, BackupPhase::Success);
    let listed = backups.list().await.expect("list");
    assert!(listed.iter().any(|b| b.id == "books-1" && b.collections == [Book::NAME]), "{listed:?}");

    // What the server refuses, typed.
    let again = backups.create("books-1").wait().await.expect_err("the id is taken");
    assert_eq!(kind(&again), Some(BackupErrorKind::AlreadyExists), "{again}");
    let missing = backups.create("missing-1").include_named("Test_NoSuchThing").send().await.expect_err("no such");
    assert_eq!(kind(&missing), Some(BackupErrorKind::CollectionNotFound), "{missing}");
    let s3 = client.backups(BackupBackend::S3).create("s3-1").send().await.expect_err("no S3 module");
    assert_eq!(kind(&s3), Some(BackupErrorKind::BackendNotEnabled), "{s3}");
    let unknown = backups.status("no-such-backup").await.expect_err("unknown");
    assert_eq!(kind(&unknown), Some(BackupErrorKind::NotFound), "{unknown}");
    let unknown = backups.restore("no-such-backup").send().await.expect_err("unknown");
    assert_eq!(kind(&unknown), Some(BackupErrorKind::NotFound), "{unknown}");
    let not_in = backups.restore("books-1").include::<Note>().send().await.expect_err("not in it");
    assert_eq!(kind(&not_in), Some(BackupErrorKind::CollectionNotInBackup), "{not_in}");
    let bad_id = backups.create("Books!").send().await.expect_err("invalid id");
    assert!(matches!(bad_id, Error::InvalidName { .. }), "{bad_id}");
    let both = backups.create("both-1").include::<Book>().exclude::<Note>().send().await.expect_err("both");
    assert!(matches!(both, Error::InvalidConfig(_)), "{both}");
    let onto = backups.restore("books-1").wait().await.expect_err("the collection exists");
    assert_eq!(kind(&onto), Some(BackupErrorKind::CollectionExists), "{onto}");

    // Restore onto the same server, after the collection is gone.
    client.collections().delete(Book::NAME).await.expect("drop");
    let restored = backups.restore("books-1").include::<Book>().wait().await.expect("restore");
    assert_eq!(restored.status, BackupPhase::Success);
    assert_eq!(backups.restore_status("books-1").await.expect("status").status, BackupPhase::Success);
    assert_eq!(stored(&books).await, before, "restored here");

    // A cancelled backup ends cancelled, or done if it was quicker.
    backups.create("books-2").send().await.expect("start");
    backups.cancel("books-2").await.expect("cancel");
    let mut phase = BackupPhase::Started;
    for _ in 0..100 {
        phase = backups.status("books-2").await.expect("status").status;
        if phase.is_finished() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(matches!(phase, BackupPhase::Canceled | BackupPhase::Success), "{phase:?}");
    let ended = backups.create("books-3").include::<Note>().timeout(std::time::Duration::from_millis(1));
    let timed_out = ended.wait().await.expect_err("1 ms is too short");
    assert!(matches!(timed_out, Error::Timeout { .. }), "{timed_out}");

    // A fresh server on the same backup folder restores it too.
    server.shutdown().await;
    let (fresh, client) = start(&folder).await;
    let backups = client.backups(BackupBackend::Filesystem);
    assert!(backups.list().await.expect("list").iter().any(|b| b.id == "books-1"));
    backups.restore("books-1").wait().await.expect("restore on a fresh server");
    assert_eq!(stored(&client.collection::<Book>()).await, before, "restored on a fresh server");
    assert!(!client.collections().exists(Note::NAME).await.expect("exists"), "notes were not backed up");
    fresh.shutdown().await;
    std::fs::remove_dir_all(&folder).ok();
}
