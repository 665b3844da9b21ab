//! The blocking client from plain threads, on the real server: the typed
//! writes, reads and queries, several threads at once, and a clear error,
//! never a panic, inside an async runtime.

use uuid::Uuid;
use weaviate_orm::blocking::WeaviateClient;
use weaviate_orm::{Error, WeaviateCollection};
use weaviate_orm_tests::{shared_server, unique_name};

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_BlockingNote")]
struct Note {
    body: String,
    words: i64,
}

#[test]
fn the_blocking_client_runs_the_typed_api_from_plain_threads() {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime for the server");
    let params = runtime.block_on(async { shared_server().await.connection_params() });

    let client = WeaviateClient::connect(params).expect("connect");
    assert!(!client.meta().expect("meta").version.is_empty());
    let name = unique_name("BlockingNote");
    client.block_on(client.as_async().collections().create_named::<Note>(&name)).expect("run").expect("create");
    let notes = client.collection_named::<Note>(name.clone());

    let id = notes.insert(&Note { body: "one".into(), words: 1 }).expect("insert");
    let report = notes
        .insert_many(&[Note { body: "two".into(), words: 2 }, Note { body: "three".into(), words: 3 }])
        .expect("insert many");
    assert!(report.errors.is_empty());
    assert_eq!(notes.fetch_by_id(id).expect("fetch").map(|o| o.properties.body), Some("one".to_owned()));
    let long = notes.fetch(|query| query.filter(Note::FIELDS.words.greater_than(1)).limit(10)).expect("query");
    assert_eq!(long.len(), 2);
    notes.replace(id, &Note { body: "uno".into(), words: 1 }).expect("replace");
    assert_eq!(notes.fetch_by_id(id).expect("fetch").map(|o| o.properties.body), Some("uno".to_owned()));

    // Several threads share the client.
    std::thread::scope(|scope| {
        for thread in 0..4 {
            let notes = notes.clone();
            scope.spawn(move || {
                for i in 0..5 {
                    notes.insert(&Note { body: format!("thread {thread} note {i}"), words: 10 }).expect("insert");
                }
            });
        }
    });
    assert_eq!(notes.count().expect("count"), 23);
    assert!(notes.delete(id).expect("delete") && !notes.exists(id).expect("exists"));
    assert!(!notes.delete(Uuid::new_v4()).expect("delete a missing one"));

    // Inside an async runtime: an error that says so, and dropping is fine.
    let (inside, dropped) = (notes.clone(), client.clone());
    let refused = runtime.block_on(async move {
        let refused = inside.count();
        drop(inside);
        drop(dropped);
        refused
    });
    assert!(matches!(&refused, Err(Error::InvalidConfig(m)) if m.contains("async runtime")), "{refused:?}");
    let connect_inside = runtime.block_on(async { WeaviateClient::connect(weaviate_orm::ConnectionParams::local()) });
    assert!(matches!(connect_inside, Err(Error::InvalidConfig(_))));

    client.block_on(client.as_async().collections().delete(&name)).expect("run").expect("drop");
}
