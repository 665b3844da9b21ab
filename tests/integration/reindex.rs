//! Policy::Reindex on the real server: a tokenization change and a data-type
//! change with a conversion, applied by copying into the next version behind
//! the alias while one task queries through the alias and another writes
//! through it: every query answers, no confirmed write is lost, vectors are
//! equal; the old version stays for a rollback, and a second run resumes
//! into the version the first left.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use uuid::Uuid;
use weaviate_orm::migrate::{Change, Policy};
use weaviate_orm::schema::Tokenization;
use weaviate_orm::{Ref, WeaviateClient, WeaviateCollection, WeaviateProjection};
use weaviate_orm_tests::jeopardy::{self, JeopardyQuestion};
use weaviate_orm_tests::reindex_child::{JeopardyV2, migrate_to_v1, migrate_to_v2, named, to_number};
use weaviate_orm_tests::{client, unique_name};

/// The first version: `pages` an int, `title` tokenized by word.
#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_ReindexV1")]
struct V1 {
    title: String,
    pages: Option<i64>,
    #[weaviate(vector = "embedding")]
    embedding: Option<Vec<f32>>,
}

/// The second: `pages` a number, `title` a single token.
#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_ReindexV2")]
struct V2 {
    #[weaviate(tokenization = "field")]
    title: String,
    pages: Option<f64>,
    #[weaviate(vector = "embedding")]
    embedding: Option<Vec<f32>>,
}

/// What the reader reads, in both versions.
#[derive(WeaviateProjection, Debug)]
#[weaviate(of = V1)]
struct TitleOnly {
    title: String,
}

fn v1_objects(count: usize) -> Vec<V1> {
    (0..count)
        .map(|i| V1 {
            title: format!("Book number {i}"),
            pages: Some(i as i64),
            embedding: Some(vec![(i % 17) as f32 / 17.0, (i % 5) as f32 / 5.0, 1.0]),
        })
        .collect()
}

async fn migrate_v2(
    client: &WeaviateClient,
    name: &str,
) -> weaviate_orm::Result<weaviate_orm::migrate::MigrationReport> {
    client.migrator().config(named(V2::config(), name)).policy(Policy::Reindex).convert("pages", to_number).run().await
}

#[tokio::test]
async fn a_breaking_change_reindexes_behind_the_alias_while_it_is_read_and_written() {
    let client = client().await.expect("connect");
    let name = unique_name("Reindexed");
    let v1_name = format!("{name}_v1");
    let v2_name = format!("{name}_v2");

    // A new model under Reindex is its first version behind an alias.
    let report = client.migrator().config(named(V1::config(), &name)).policy(Policy::Reindex).run().await.expect("v1");
    assert!(report.plans[0].changes.contains(&Change::CreateCollection));
    assert_eq!(client.aliases().get(&name).await.expect("alias").map(|a| a.collection), Some(v1_name.clone()));
    let v1 = client.collection_via_alias::<V1>(&name).expect("handle");
    let originals = v1_objects(1200);
    let inserted = v1.insert_many(&originals).await.expect("insert");
    assert!(inserted.errors.is_empty());

    // The dry run names the reindex and why.
    let plan = client.migrator().config(named(V2::config(), &name)).policy(Policy::Reindex).plan().await.expect("plan");
    let text = plan[0].to_string();
    assert!(text.contains("reindex") && text.contains(&v2_name) && text.contains("1200 objects"), "{text}");
    assert!(plan[0].breaking().count() >= 2, "{text}");

    // A reader and a writer through the alias while the migration runs.
    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let (handle, stop) = (v1.clone(), Arc::clone(&stop));
        tokio::spawn(async move {
            let mut reads = 0u32;
            while !stop.load(Ordering::Relaxed) {
                let count = handle.count().await.expect("every count answers");
                assert!(count >= 1200, "never fewer objects than were there: {count}");
                let page = handle.query().limit(3).project::<TitleOnly>().fetch().await.expect("every query answers");
                assert!(page.len() == 3 && page.iter().all(|o| !o.properties.title.is_empty()));
                reads += 1;
            }
            reads
        })
    };
    let writer = {
        let (handle, stop) = (v1.clone(), Arc::clone(&stop));
        tokio::spawn(async move {
            let mut confirmed: Vec<(Uuid, String)> = Vec::new();
            let mut i = 0;
            while !stop.load(Ordering::Relaxed) {
                let title = format!("Written during the migration {i}");
                // Objects without `pages` fit both versions.
                let object = V1 { title: title.clone(), pages: None, embedding: None };
                if let Ok(id) = handle.insert(&object).await {
                    confirmed.push((id, title));
                }
                i += 1;
            }
            confirmed
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let report = migrate_v2(&client, &name).await.expect("reindex");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    stop.store(true, Ordering::Relaxed);
    let reads = reader.await.expect("reader");
    let written = writer.await.expect("writer");
    assert!(reads > 0 && !written.is_empty(), "{reads} reads, {} writes", written.len());

    let reindexed = &report.reindexed[0];
    assert_eq!((reindexed.from.as_str(), reindexed.to.as_str()), (v1_name.as_str(), v2_name.as_str()));
    assert_eq!(client.aliases().get(&name).await.expect("alias").map(|a| a.collection), Some(v2_name.clone()));
    let config = client.collections().config(&v2_name).await.expect("v2 config");
    assert_eq!(config.property("title").and_then(|p| p.tokenization), Some(Tokenization::Field));

    // Every object: the originals converted with equal vectors, and every confirmed write.
    let v2 = client.collection_via_alias::<V2>(&name).expect("handle");
    let mut stored: HashMap<String, V2> = HashMap::new();
    let mut ids: HashMap<String, Uuid> = HashMap::new();
    let mut all = v2.iterate().page_size(500);
    while let Some(object) = all.next().await {
        let object = object.expect("read v2");
        ids.insert(object.properties.title.clone(), object.id);
        stored.insert(object.properties.title.clone(), object.properties);
    }
    for original in &originals {
        let copy = stored.get(&original.title).unwrap_or_else(|| panic!("{} lost", original.title));
        assert_eq!(copy.pages, original.pages.map(|p| p as f64));
        assert_eq!(copy.embedding, original.embedding, "{}", original.title);
    }
    for (id, title) in &written {
        assert!(stored.contains_key(title), "the confirmed write {id} ({title}) was lost");
    }
    assert_eq!(stored.len(), originals.len() + written.len(), "nothing else");

    // A write to the new version while it serves the alias.
    let first = ids["Book number 0"];
    let edited = V2 { pages: Some(999.5), ..stored["Book number 0"].clone() };
    v2.replace(first, &edited).await.expect("edit in v2");

    // The old version is kept: a rollback is one re-point.
    client.aliases().update(&name, &v1_name).await.expect("roll back");
    assert!(v1.count().await.expect("count") >= 1200);

    // Run again: the version the first run made is taken up again, and the
    // write it received is newer than the old version's object: kept.
    let again = migrate_v2(&client, &name).await.expect("resume");
    assert_eq!(again.reindexed[0].to, v2_name);
    assert_eq!(v2.count().await.expect("count"), stored.len() as u64);
    let kept = v2.fetch_by_id(first).await.expect("read").expect("there");
    assert_eq!(kept.properties.pages, Some(999.5), "the newer write in v2 survives the resumed copy");
    assert!(migrate_v2(&client, &name).await.expect("third run").reindexed.is_empty(), "up to date now");

    client.aliases().delete(&name).await.expect("alias");
    for collection in [v1_name, v2_name] {
        client.collections().delete(&collection).await.expect("drop");
    }
}

#[tokio::test]
async fn a_plain_collection_is_moved_behind_an_alias_and_reindexed() {
    let client = client().await.expect("connect");
    let name = unique_name("Adopted");
    client.migrator().config(named(V1::config(), &name)).run().await.expect("a plain collection");
    let plain = client.collection_named::<V1>(name.clone());
    let originals = v1_objects(300);
    assert!(plain.insert_many(&originals).await.expect("insert").errors.is_empty());

    let report = migrate_v2(&client, &name).await.expect("adopt and reindex");
    let (v1_name, v2_name) = (format!("{name}_v1"), format!("{name}_v2"));
    let moved = &report.reindexed[0];
    assert_eq!((moved.from.as_str(), moved.to.as_str(), moved.objects), (v1_name.as_str(), v2_name.as_str(), 300));
    assert_eq!(client.aliases().get(&name).await.expect("alias").map(|a| a.collection), Some(v2_name.clone()));
    let collections = client.collections().list().await.expect("list");
    assert!(!collections.contains(&name), "the plain collection is gone: {collections:?}");

    // The first version is the collection as it was; the second the model's.
    let kept = client.collection_named::<V1>(v1_name.clone());
    assert_eq!(kept.count().await.expect("count"), 300);
    let v1_config = client.collections().config(&v1_name).await.expect("config");
    assert_eq!(v1_config.property("title").and_then(|p| p.tokenization), Some(Tokenization::Word));
    let v2 = client.collection_via_alias::<V2>(&name).expect("handle");
    let mut titles = Vec::new();
    let mut all = v2.iterate();
    while let Some(object) = all.next().await {
        let object = object.expect("read");
        let original = originals.iter().find(|o| o.title == object.properties.title).expect("an original");
        assert_eq!(object.properties.pages, original.pages.map(|p| p as f64));
        assert_eq!(object.properties.embedding, original.embedding);
        titles.push(object.properties.title);
    }
    assert_eq!(titles.len(), 300);

    client.aliases().delete(&name).await.expect("alias");
    for collection in [v1_name, v2_name] {
        client.collections().delete(&collection).await.expect("drop");
    }
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_ReindexTenantsV1", multi_tenancy)]
struct TenantNoteV1 {
    body: String,
    #[weaviate(vector)]
    vector: Vec<f32>,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_ReindexTenantsV2", multi_tenancy)]
struct TenantNoteV2 {
    #[weaviate(tokenization = "whitespace")]
    body: String,
    #[weaviate(vector)]
    vector: Vec<f32>,
}

#[tokio::test]
async fn every_tenant_is_copied_and_inactive_ones_stay_inactive() {
    use weaviate_orm::tenants::{Tenant, TenantStatus};

    let client = client().await.expect("connect");
    let name = unique_name("ReindexedTenants");
    let (v1_name, v2_name) = (format!("{name}_v1"), format!("{name}_v2"));
    let v1_model = named(TenantNoteV1::config(), &name);
    client.migrator().config(v1_model).policy(Policy::Reindex).run().await.expect("v1");
    let v1 = client.collection_named::<TenantNoteV1>(v1_name.clone());
    v1.tenants().create(["acme", "globex"]).await.expect("tenants");
    let note =
        |tenant: &str, i: usize| TenantNoteV1 { body: format!("{tenant} note {i}"), vector: vec![i as f32, 1.0] };
    for (tenant, count) in [("acme", 120), ("globex", 80)] {
        let notes: Vec<_> = (0..count).map(|i| note(tenant, i)).collect();
        assert!(v1.with_tenant(tenant).insert_many(&notes).await.expect("insert").errors.is_empty());
    }
    v1.tenants().update([Tenant::new("globex").with_status(TenantStatus::Inactive)]).await.expect("deactivate");

    let report = client
        .migrator()
        .config(named(TenantNoteV2::config(), &name))
        .policy(Policy::Reindex)
        .run()
        .await
        .expect("reindex");
    assert_eq!(report.reindexed[0].objects, 200, "both tenants, the inactive one included");

    let v2 = client.collection_named::<TenantNoteV2>(v2_name.clone());
    let status = |tenants: Vec<Tenant>, name: &str| tenants.into_iter().find(|t| t.name == name).map(|t| t.status);
    assert_eq!(status(v2.tenants().list().await.expect("list"), "globex"), Some(TenantStatus::Inactive));
    assert_eq!(status(v1.tenants().list().await.expect("list"), "globex"), Some(TenantStatus::Inactive));
    assert_eq!(status(v2.tenants().list().await.expect("list"), "acme"), Some(TenantStatus::Active));
    assert_eq!(v2.with_tenant("acme").count().await.expect("count"), 120);
    v2.tenants().update([Tenant::new("globex").with_status(TenantStatus::Active)]).await.expect("activate");
    let globex = v2.with_tenant("globex");
    assert_eq!(globex.count().await.expect("count"), 80);
    let mut all = globex.iterate();
    while let Some(object) = all.next().await {
        let object = object.expect("read");
        let i: usize = object.properties.body.rsplit(' ').next().and_then(|n| n.parse().ok()).expect("numbered");
        assert_eq!(object.properties.vector, vec![i as f32, 1.0]);
    }

    client.aliases().delete(&name).await.expect("alias");
    for collection in [v1_name, v2_name] {
        client.collections().delete(&collection).await.expect("drop");
    }
}

/// What the reader reads of either version.
#[derive(WeaviateProjection, Debug)]
#[weaviate(of = JeopardyQuestion)]
struct Clue {
    question: String,
}

#[tokio::test]
async fn the_jeopardy_questions_reindex_through_a_killed_run_while_read_and_written() {
    let all = tokio::task::spawn_blocking(jeopardy::questions).await.expect("dataset");
    let client = client().await.expect("connect");
    let name = unique_name("Jeopardy");
    let (v1_name, v2_name) = (format!("{name}_v1"), format!("{name}_v2"));
    migrate_to_v1(&client, &name).await.expect("v1");
    let questions = client.collection_via_alias::<JeopardyQuestion>(&name).expect("handle");
    let batch = questions.batch().start();
    for question in all {
        batch.add(question.clone()).await.expect("add");
    }
    let report = batch.finish().await.expect("import");
    assert_eq!((report.confirmed, report.failed.len()), (10_000, 0));

    // A reader searching by vector and a writer adding questions, through the alias.
    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let (handle, stop, probe) = (questions.clone(), Arc::clone(&stop), all[7].vector.clone());
        tokio::spawn(async move {
            let mut reads = 0u32;
            while !stop.load(Ordering::Relaxed) {
                let hits = handle.query().near_vector(probe.clone()).limit(3).project::<Clue>().fetch().await;
                let hits = hits.expect("every search answers");
                assert_eq!(hits.len(), 3, "every search finds its neighbours");
                assert!(hits.iter().all(|h| !h.properties.question.is_empty()));
                reads += 1;
            }
            reads
        })
    };
    let writer = {
        let (handle, stop, template) = (questions.clone(), Arc::clone(&stop), all[0].clone());
        tokio::spawn(async move {
            let mut confirmed = Vec::new();
            let mut i = 0u32;
            while !stop.load(Ordering::Relaxed) {
                let id = Uuid::new_v5(&Uuid::NAMESPACE_OID, format!("written-{i}").as_bytes());
                let question =
                    JeopardyQuestion { id, value: None, question: format!("Written {i}"), ..template.clone() };
                if handle.insert(&question).await.is_ok() {
                    confirmed.push(id);
                }
                i += 1;
            }
            confirmed
        })
    };

    // A first run in another process, killed (SIGKILL) mid-copy, leaves the alias where it was.
    let server = weaviate_orm_tests::shared_server().await;
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_reindex_child"))
        .args([server.http_port().to_string(), server.grpc_port().to_string(), name.clone()])
        .kill_on_drop(true)
        .spawn()
        .expect("start the migrating process");
    let partial = client.collection_named::<JeopardyV2>(v2_name.clone());
    while partial.count().await.unwrap_or(0) < 2000 {
        assert!(child.try_wait().expect("child").is_none(), "the child finished before it was killed");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    child.kill().await.expect("kill the migrating process");
    assert_eq!(client.aliases().get(&name).await.expect("alias").map(|a| a.collection), Some(v1_name.clone()));

    // The next run takes the copy up and finishes it.
    let report = migrate_to_v2(&client, &name).await.expect("resumed");
    assert_eq!(report.reindexed[0].to, v2_name);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    stop.store(true, Ordering::Relaxed);
    let reads = reader.await.expect("reader");
    let written = writer.await.expect("writer");
    assert!(reads > 0 && !written.is_empty(), "{reads} searches, {} writes", written.len());

    let v2 = client.collection_via_alias::<JeopardyV2>(&name).expect("handle");
    let mut stored: HashMap<Uuid, JeopardyV2> = HashMap::new();
    let mut objects = v2.iterate().page_size(1000);
    while let Some(object) = objects.next().await {
        let object = object.expect("read v2");
        stored.insert(object.id, object.properties);
    }
    for original in all {
        let copy = stored.get(&original.id).unwrap_or_else(|| panic!("{} lost", original.id));
        assert_eq!(copy.vector, original.vector, "{}: the vector", original.id);
        assert_eq!(copy.value, original.value.map(|v| v as f64));
        assert_eq!((&copy.question, &copy.category), (&original.question, &original.category));
    }
    for id in &written {
        assert!(stored.contains_key(id), "the confirmed write {id} was lost");
    }
    assert_eq!(stored.len(), all.len() + written.len());

    client.aliases().delete(&name).await.expect("alias");
    for collection in [v1_name, v2_name] {
        client.collections().delete(&collection).await.expect("drop");
    }
}

#[tokio::test]
async fn two_processes_starting_at_once_reindex_once() {
    let client = client().await.expect("connect");
    let name = unique_name("ReindexedOnce");
    client.migrator().config(named(V1::config(), &name)).policy(Policy::Reindex).run().await.expect("v1");
    let v1 = client.collection_via_alias::<V1>(&name).expect("handle");
    assert!(v1.insert_many(&v1_objects(600)).await.expect("insert").errors.is_empty());

    // Two migrators, as two processes would run them at start-up.
    let (one, two) = tokio::join!(migrate_v2(&client, &name), migrate_v2(&client, &name));
    let (one, two) = (one.expect("first"), two.expect("second"));
    let copies = one.reindexed.len() + two.reindexed.len();
    assert_eq!(copies, 1, "one of them copies, the other waits: {:?} / {:?}", one.reindexed, two.reindexed);
    let v2_name = format!("{name}_v2");
    assert_eq!(client.aliases().get(&name).await.expect("alias").map(|a| a.collection), Some(v2_name.clone()));
    assert_eq!(client.collection_via_alias::<V2>(&name).expect("handle").count().await.expect("count"), 600);
    assert_eq!(client.aliases().get(&format!("{name}_reindexing")).await.expect("lock"), None, "the lock is let go");

    client.aliases().delete(&name).await.expect("alias");
    for collection in [format!("{name}_v1"), v2_name] {
        client.collections().delete(&collection).await.expect("drop");
    }
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_ReindexAuthor")]
struct Author {
    #[weaviate(id)]
    id: Uuid,
    name: String,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_ReindexEditor")]
struct Editor {
    #[weaviate(id)]
    id: Uuid,
    name: String,
}

/// A book pointing at one author and at authors and editors.
#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_ReindexBookV1")]
struct BookV1 {
    title: String,
    pages: Option<i64>,
    author: Ref<Author>,
    contributors: Ref<(Author, Editor)>,
}

/// The same book with `pages` a number.
#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_ReindexBookV2")]
struct BookV2 {
    title: String,
    pages: Option<f64>,
    author: Ref<Author>,
    contributors: Ref<(Author, Editor)>,
}

fn sorted(beacons: &[weaviate_orm::value::Beacon]) -> Vec<(String, Uuid)> {
    let mut out: Vec<_> = beacons.iter().map(|b| (b.collection.clone(), b.id)).collect();
    out.sort();
    out
}

#[tokio::test]
async fn references_out_of_a_reindexed_collection_keep_their_targets() {
    let client = client().await.expect("connect");
    for collection in [Author::NAME, Editor::NAME] {
        client.collections().delete(collection).await.expect("delete");
    }
    client.collections().create::<Author>().await.expect("authors");
    client.collections().create::<Editor>().await.expect("editors");
    let authors: Vec<Uuid> = (0..3).map(|i| Uuid::from_u128(0xA0 + i)).collect();
    let editors: Vec<Uuid> = (0..2).map(|i| Uuid::from_u128(0xE0 + i)).collect();
    let author_objects: Vec<Author> = authors.iter().map(|&id| Author { id, name: format!("A{id}") }).collect();
    assert!(client.collection::<Author>().insert_many(&author_objects).await.expect("authors").errors.is_empty());
    let editor_objects: Vec<Editor> = editors.iter().map(|&id| Editor { id, name: format!("E{id}") }).collect();
    assert!(client.collection::<Editor>().insert_many(&editor_objects).await.expect("editors").errors.is_empty());

    let name = unique_name("ReindexedBooks");
    client.migrator().config(named(BookV1::config(), &name)).policy(Policy::Reindex).run().await.expect("v1");
    let books: Vec<BookV1> = (0..3)
        .map(|i| BookV1 {
            title: format!("Book {i}"),
            pages: Some(100 + i as i64),
            author: Ref::to(authors[i]),
            contributors: Ref::new()
                .with::<Author, _>(authors[(i + 1) % 3])
                .with::<Editor, _>(editors[i % 2])
                .with::<Editor, _>(editors[(i + 1) % 2]),
        })
        .collect();
    let v1 = client.collection_via_alias::<BookV1>(&name).expect("handle");
    assert!(v1.insert_many(&books).await.expect("insert").errors.is_empty());

    let report = client
        .migrator()
        .config(named(BookV2::config(), &name))
        .policy(Policy::Reindex)
        .convert("pages", to_number)
        .run()
        .await
        .expect("reindex");
    assert_eq!(report.reindexed[0].objects, 3);

    let v2 = client.collection_via_alias::<BookV2>(&name).expect("handle");
    let mut read = v2.iterate().page_size(10);
    let mut seen = 0;
    while let Some(object) = read.next().await {
        let book = object.expect("read v2").properties;
        let original = books.iter().find(|b| b.title == book.title).expect("a copied book");
        assert_eq!(book.pages, original.pages.map(|p| p as f64));
        assert_eq!(sorted(book.author.beacons()), sorted(original.author.beacons()), "{}", book.title);
        assert_eq!(sorted(book.contributors.beacons()), sorted(original.contributors.beacons()), "{}", book.title);
        seen += 1;
    }
    assert_eq!(seen, books.len());

    client.aliases().delete(&name).await.expect("alias");
    for collection in [format!("{name}_v1"), format!("{name}_v2")] {
        client.collections().delete(&collection).await.expect("drop");
    }
}

/// A writer, then with `name` a single token.
#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_ReindexWriterV1")]
struct WriterV1 {
    name: String,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_ReindexWriterV2")]
struct WriterV2 {
    #[weaviate(tokenization = "field")]
    name: String,
}

/// A novel pointing at its writer.
#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_ReindexNovel")]
struct Novel {
    title: String,
    writer: Ref<WriterV1>,
}

/// The novels' model under `name`, its writer reference to `writers`.
fn novels_to(name: &str, writers: &str) -> weaviate_orm::schema::CollectionConfig {
    let mut config = named(Novel::config(), name);
    for property in &mut config.properties {
        if let weaviate_orm::schema::DataType::Reference(targets) = &mut property.data_type {
            *targets = vec![writers.to_owned()];
        }
    }
    config
}

async fn reference_target(client: &WeaviateClient, collection: &str) -> Vec<String> {
    let config = client.collections().config(collection).await.expect("config");
    match config.property("writer").map(|p| p.data_type.clone()) {
        Some(weaviate_orm::schema::DataType::Reference(targets)) => targets,
        other => panic!("writer is {other:?}"),
    }
}

#[tokio::test]
async fn references_into_a_reindexed_collection_follow_it_to_its_new_version() {
    let client = client().await.expect("connect");
    let (writers, novels) = (unique_name("ReindexedWriters"), unique_name("ReindexedNovels"));
    let migrator = |writer: weaviate_orm::schema::CollectionConfig| {
        // The referencing model first: the migrator orders them.
        client.migrator().config(novels_to(&novels, &writers)).config(writer).policy(Policy::Reindex)
    };
    migrator(named(WriterV1::config(), &writers)).run().await.expect("v1");
    // Weaviate refuses an alias as a reference target: the collection behind it is referenced.
    assert_eq!(reference_target(&client, &format!("{novels}_v1")).await, vec![format!("{writers}_v1")]);

    let people: Vec<WriterV1> =
        ["Ursula Le Guin", "Iain Banks"].iter().map(|n| WriterV1 { name: (*n).into() }).collect();
    let writer_ids = client
        .collection_via_alias::<WriterV1>(&writers)
        .expect("handle")
        .insert_many(&people)
        .await
        .expect("writers")
        .ids;
    let books: Vec<Novel> = ["The Dispossessed", "Excession", "Use of Weapons"]
        .iter()
        .enumerate()
        .map(|(i, title)| Novel { title: (*title).into(), writer: Ref::to(writer_ids[i.min(1)]) })
        .collect();
    let novel_handle = client.collection_via_alias::<Novel>(&novels).expect("handle");
    assert!(novel_handle.insert_many(&books).await.expect("novels").errors.is_empty());

    // The writers' breaking change moves them to v2, and the novels with them.
    let plan = migrator(named(WriterV2::config(), &writers)).plan().await.expect("plan");
    assert!(plan.iter().all(|p| p.changes.iter().any(|c| matches!(c, Change::Reindex { .. }))), "{plan:?}");
    let report = migrator(named(WriterV2::config(), &writers)).run().await.expect("reindex");
    let moved: Vec<(&str, u64)> = report.reindexed.iter().map(|r| (r.to.as_str(), r.objects)).collect();
    let (writers_v2, novels_v2) = (format!("{writers}_v2"), format!("{novels}_v2"));
    assert_eq!(moved, vec![(writers_v2.as_str(), 2), (novels_v2.as_str(), 3)], "the referenced collection first");
    assert_eq!(reference_target(&client, &novels_v2).await, vec![writers_v2.clone()]);

    // A filter through the reference reaches the writers' new version (a single token now).
    let by_banks = novel_handle.query().filter(Novel::FIELDS.writer.path(WriterV1::FIELDS.name).equal("Iain Banks"));
    let mut titles: Vec<String> =
        by_banks.fetch().await.expect("filter").into_iter().map(|o| o.properties.title).collect();
    titles.sort();
    assert_eq!(titles, ["Excession", "Use of Weapons"]);
    let by_word = novel_handle.query().filter(Novel::FIELDS.writer.path(WriterV1::FIELDS.name).equal("Banks"));
    assert!(by_word.fetch().await.expect("filter").is_empty(), "field tokenization: no match on one word");
    for object in novel_handle.query().fetch().await.expect("read") {
        let original = books.iter().find(|b| b.title == object.properties.title).expect("copied");
        assert_eq!(object.properties.writer.ids().collect::<Vec<_>>(), original.writer.ids().collect::<Vec<_>>());
    }
    let again = migrator(named(WriterV2::config(), &writers)).plan().await.expect("plan");
    assert!(again.iter().all(|p| p.is_up_to_date()), "{again:?}");

    for alias in [&writers, &novels] {
        client.aliases().delete(alias).await.expect("alias");
    }
    for collection in [format!("{novels}_v1"), novels_v2, format!("{writers}_v1"), writers_v2] {
        client.collections().delete(&collection).await.expect("drop");
    }
}

#[tokio::test]
async fn plain_collections_and_their_references_move_behind_aliases_together() {
    let client = client().await.expect("connect");
    let (writers, novels) = (unique_name("AdoptedWriters"), unique_name("AdoptedNovels"));
    client
        .migrator()
        .config(named(WriterV1::config(), &writers))
        .config(novels_to(&novels, &writers))
        .run()
        .await
        .expect("plain");
    let people = [WriterV1 { name: "Octavia Butler".into() }];
    let ids = client.collection_named::<WriterV1>(writers.clone()).insert_many(&people).await.expect("writer").ids;
    let book = Novel { title: "Kindred".into(), writer: Ref::to(ids[0]) };
    client.collection_named::<Novel>(novels.clone()).insert(&book).await.expect("novel");

    // Moving the writers alone would delete a collection the novels reference.
    let alone = client.migrator().config(named(WriterV2::config(), &writers)).policy(Policy::Reindex).run().await;
    match alone {
        Err(weaviate_orm::Error::InvalidConfig(message)) => assert!(message.contains(&novels), "{message}"),
        other => panic!("expected a refusal, got {other:?}"),
    }

    let report = client
        .migrator()
        .config(named(WriterV2::config(), &writers))
        .config(novels_to(&novels, &writers))
        .policy(Policy::Reindex)
        .run()
        .await
        .expect("both move");
    assert_eq!(report.reindexed.len(), 2, "{:?}", report.reindexed);
    let behind = client.aliases().get(&novels).await.expect("alias").expect("novels alias").collection;
    assert_eq!(reference_target(&client, &behind).await, vec![format!("{writers}_v2")]);
    let handle = client.collection_via_alias::<Novel>(&novels).expect("handle");
    let found = handle
        .query()
        .filter(Novel::FIELDS.writer.path(WriterV1::FIELDS.name).equal("Octavia Butler"))
        .fetch()
        .await
        .expect("filter");
    assert_eq!(found.len(), 1);

    for alias in [&writers, &novels] {
        client.aliases().delete(alias).await.expect("alias");
    }
    for collection in client.collections().list_json().await.expect("list") {
        let name = collection["class"].as_str().unwrap_or_default().to_owned();
        if name.starts_with(&writers) || name.starts_with(&novels) {
            client.collections().delete(&name).await.expect("drop");
        }
    }
}
