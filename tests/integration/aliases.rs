//! Aliases on the real server: created, read, listed, re-pointed while a
//! reader queries through them, and deleted; writes through an alias land
//! in its target.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use weaviate_orm::{WeaviateClient, WeaviateCollection};
use weaviate_orm_tests::{client, unique_name};

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_AliasedArticle")]
struct Article {
    title: String,
    version: i64,
}

/// A collection of `T`'s model under a fresh name holding `count` articles of `version`.
async fn version(client: &WeaviateClient, version: i64, count: i64) -> String {
    let name = unique_name(&format!("AliasedV{version}"));
    client.collections().create_named::<Article>(&name).await.expect("create");
    let articles: Vec<Article> = (0..count).map(|i| Article { title: format!("a{i}"), version }).collect();
    let report = client.collection_named::<Article>(name.clone()).insert_many(&articles).await.expect("insert");
    assert!(report.errors.is_empty());
    name
}

#[tokio::test]
async fn an_alias_is_re_pointed_while_a_reader_queries_through_it() {
    let client = client().await.expect("connect");
    let (v1, v2) = (version(&client, 1, 3).await, version(&client, 2, 5).await);
    let alias = unique_name("Articles");
    let aliases = client.aliases();
    aliases.create(&alias, &v1).await.expect("create alias");
    let got = aliases.get(&alias).await.expect("get").expect("exists");
    assert_eq!((got.alias.as_str(), got.collection.as_str()), (alias.as_str(), v1.as_str()));
    assert!(aliases.list().await.expect("list").iter().any(|a| a.alias == alias));
    assert_eq!(aliases.list_for(&v1).await.expect("list for").len(), 1);
    assert!(aliases.create(&alias, &v2).await.is_err(), "an alias is created once");

    // A reader queries through the alias in a loop while it is re-pointed.
    let articles = client.collection_via_alias::<Article>(&alias).expect("handle");
    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let (articles, stop) = (articles.clone(), Arc::clone(&stop));
        tokio::spawn(async move {
            let mut versions = Vec::new();
            while !stop.load(Ordering::Relaxed) || versions.last() != Some(&2) {
                let page = articles.query().limit(10).fetch().await.expect("every query answers");
                let found: Vec<i64> = page.iter().map(|o| o.properties.version).collect();
                assert!(found.windows(2).all(|w| w[0] == w[1]), "one target per query: {found:?}");
                versions.push(found[0]);
                assert_eq!(page.len(), if found[0] == 1 { 3 } else { 5 });
            }
            versions
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    aliases.update(&alias, &v2).await.expect("re-point");
    stop.store(true, Ordering::Relaxed);
    let versions = reader.await.expect("reader");
    let switch = versions.iter().position(|v| *v == 2).expect("the new target is seen");
    assert!(switch > 0 && versions[switch..].iter().all(|v| *v == 2), "old before, new after: {versions:?}");
    assert_eq!(aliases.get(&alias).await.expect("get").map(|a| a.collection), Some(v2.clone()));

    // Writes, batches, counts and aggregates through the alias reach its target.
    articles.insert(&Article { title: "through the alias".into(), version: 2 }).await.expect("insert");
    let batch = articles.batch().start();
    for i in 0..4 {
        batch.add(Article { title: format!("batched {i}"), version: 2 }).await.expect("add");
    }
    let report = batch.finish().await.expect("finish");
    assert_eq!((report.confirmed, report.failed.len()), (4, 0));
    assert_eq!(articles.count().await.expect("count"), 10);
    let version = Article::FIELDS.version;
    let aggregate = articles.aggregate().metrics(&version).fetch().await.expect("aggregate");
    assert_eq!(aggregate.total, Some(10));
    assert_eq!(aggregate.get(&version).and_then(|m| m.sum), Some(20));
    assert_eq!(client.collection_named::<Article>(v2.clone()).count().await.expect("count"), 10);

    assert!(aliases.delete(&alias).await.expect("delete"));
    assert!(!aliases.delete(&alias).await.expect("delete again"));
    assert_eq!(aliases.get(&alias).await.expect("get"), None);
    assert!(client.collection_via_alias::<Article>("not an alias!").is_err());
    for name in [v1, v2] {
        client.collections().delete(&name).await.expect("drop");
    }
}
