//! The oldest Weaviate the client accepts (`MIN_SERVER_VERSION`), built
//! with `go install` and started like the pinned one: the typed API works
//! on it, batches in the default mode (dynamic) import, and a server-side
//! stream (which it lacks: streams came with 1.36) hands its objects back.

use uuid::Uuid;
use weaviate_orm::embedded::{EmbeddedOptions, EmbeddedServer};
use weaviate_orm::{MIN_SERVER_VERSION, WeaviateCollection};

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_Old")]
struct Note {
    #[weaviate(id)]
    id: Uuid,
    #[weaviate(tokenization = "field")]
    title: String,
    stars: i64,
    #[weaviate(vector)]
    vector: Vec<f32>,
}

fn note(n: u32) -> Note {
    Note {
        id: Uuid::from_u128(u128::from(n) + 1),
        title: format!("note {n}"),
        stars: i64::from(n % 5),
        vector: vec![1.0, n as f32 / 100.0],
    }
}

#[tokio::test]
async fn the_oldest_accepted_server_runs_the_typed_api_and_the_default_batch() {
    let version = MIN_SERVER_VERSION.to_string();
    let server = match EmbeddedServer::start(EmbeddedOptions::default().version(&version)).await {
        Ok(server) => server,
        Err(error) => panic!("Weaviate {version} did not start: {error}"),
    };
    let client = server.client_builder().connect().await.expect("connect");
    assert_eq!(client.meta().await.expect("meta").version, version);
    client.migrate::<Note>().await.expect("create from the struct");
    assert!(client.plan_migration::<Note>().await.expect("plan").is_up_to_date(), "the model round-trips");
    let notes = client.collection::<Note>();

    // The default mode: dynamic batching, which needs no stream.
    let batch = notes.batch().start();
    for n in 0..300 {
        batch.add(note(n)).await.expect("add");
    }
    let report = batch.finish().await.expect("finish");
    assert!(report.failed.is_empty(), "{:?}", report.failed.iter().map(|f| &f.error).collect::<Vec<_>>());
    assert_eq!((report.confirmed, notes.count().await.expect("count")), (300, 300));

    // Asking for the stream on a server without it hands every object back with the reason.
    let stream = notes.batch().stream().start();
    stream.add(note(1000)).await.expect("add");
    let refused = stream.finish().await.expect("finish");
    assert_eq!((refused.confirmed, refused.failed.len()), (0, 1));

    let f = Note::FIELDS;
    let top = notes.query().filter(f.stars.equal(4)).sort(f.title.ascending()).limit(3).fetch().await.expect("query");
    assert_eq!(
        top.iter().map(|n| n.properties.title.as_str()).collect::<Vec<_>>(),
        ["note 104", "note 109", "note 114"]
    );
    let near = notes.query().near_vector(vec![1.0, 0.5]).limit(1).fetch().await.expect("near_vector");
    assert_eq!(near[0].properties.title, "note 50");
    notes.update(note(7).id).set(&f.stars, 99).apply().await.expect("update");
    assert_eq!(notes.fetch_by_id(note(7).id).await.expect("fetch").map(|n| n.properties.stars), Some(99));
    let stats = notes.aggregate().metrics(&f.stars).fetch().await.expect("aggregate");
    assert_eq!(stats.total, Some(300));
    notes.delete(note(7).id).await.expect("delete");
    assert!(!notes.exists(note(7).id).await.expect("exists"));
    server.shutdown().await;
}
