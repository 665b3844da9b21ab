//! Generation per object and per result set, reranking, and grouped
//! searches, through the server's dummy generative and reranker modules.

use std::collections::HashMap;

use uuid::Uuid;
use weaviate_orm::WeaviateCollection;
use weaviate_orm::query::{Bm25, DummyProvider, Generate, OpenAiProvider};
use weaviate_orm_tests::{client, fresh};

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_GenArticle", generative = "generative-dummy", reranker = "reranker-dummy")]
struct Article {
    title: String,
    body: String,
    category: String,
    #[weaviate(vector)]
    vector: Vec<f32>,
}

fn article(title: &str, body: &str, category: &str, x: f32) -> Article {
    Article { title: title.into(), body: body.into(), category: category.into(), vector: vec![x, 1.0 - x] }
}

async fn articles() -> (weaviate_orm::Collection<Article>, HashMap<String, Uuid>) {
    let client = client().await.expect("connect");
    let articles = fresh::<Article>(&client).await;
    let mut ids = HashMap::new();
    for a in [
        article("Tides", "the moon pulls the sea", "ocean", 1.0),
        article("Reefs", "coral grows slowly in warm shallow water", "ocean", 0.9),
        article("Dunes", "wind shapes sand", "desert", 0.1),
        article("Oases", "water under the sand", "desert", 0.0),
    ] {
        let title = a.title.clone();
        ids.insert(title, articles.insert(&a).await.expect("insert"));
    }
    (articles, ids)
}

#[tokio::test]
async fn generation_per_object_and_for_the_whole_result() {
    let (articles, _) = articles().await;
    let f = Article::FIELDS;
    let generate = Generate::new().prompt("Summarize {title}").task("What do these share?").task_field(&f.body);
    let answer = articles.query().near_vector(vec![1.0, 0.0]).limit(2).generate(generate).fetch_generated().await;
    let answer = answer.expect("generate");

    assert_eq!(answer.hits.len(), 2);
    for hit in &answer.hits {
        let text = hit.generated.as_deref().expect("generated per object");
        assert!(text.contains(&format!("Summarize {}", hit.object.properties.title)), "{text}");
    }
    let grouped = answer.grouped.expect("generated for the result set");
    assert!(grouped.contains("What do these share?") && grouped.contains("the moon pulls the sea"), "{grouped}");
    assert!(!grouped.contains("Tides"), "only the body goes to the task: {grouped}");
}

#[tokio::test]
async fn reranking_reorders_by_the_reranker_score() {
    let (articles, ids) = articles().await;
    let f = Article::FIELDS;
    let hits = articles.query().bm25(Bm25::new("water sand sea")).rerank(&f.body, Some("water")).fetch_with_metadata();
    let hits = hits.await.expect("rerank");
    // The dummy reranker scores a text by its length.
    let scores: Vec<(Uuid, f64)> =
        hits.iter().map(|h| (h.object.id, h.metadata.rerank_score.expect("rerank score"))).collect();
    assert_eq!(scores[0], (ids["Reefs"], "coral grows slowly in warm shallow water".len() as f64));
    assert!(scores.windows(2).all(|w| w[0].1 >= w[1].1), "{scores:?}");
}

#[tokio::test]
async fn grouped_searches_return_typed_groups() {
    let (articles, ids) = articles().await;
    let f = Article::FIELDS;
    let groups = articles.query().near_vector(vec![1.0, 0.0]).group_by(&f.category, 2, 1).fetch_groups().await;
    let groups = groups.expect("group by");
    let summary: Vec<(String, u64, Vec<Uuid>)> =
        groups.iter().map(|g| (g.value.clone(), g.count, g.hits.iter().map(|h| h.object.id).collect())).collect();
    assert_eq!(summary, [("ocean".into(), 1, vec![ids["Tides"]]), ("desert".into(), 1, vec![ids["Dunes"]])]);
    assert!(groups[0].min_distance <= groups[1].min_distance);
    assert_eq!(groups[1].hits[0].object.properties.body, "wind shapes sand");
}

/// A collection with no generative module of its own.
#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_GenPlain")]
struct Plain {
    title: String,
    #[weaviate(vector)]
    vector: Vec<f32>,
}

#[tokio::test]
async fn a_query_names_its_own_generative_provider() {
    let client = client().await.expect("connect");
    let plain = fresh::<Plain>(&client).await;
    plain.insert(&Plain { title: "Tides".into(), vector: vec![1.0, 0.0] }).await.expect("insert");

    // The dummy provider, named by the query, generates where the collection has no module.
    let generate = Generate::new().prompt("Echo {title}").task("All of it").provider(DummyProvider::default());
    let answer = plain.query().limit(1).generate(generate).fetch_generated().await.expect("generate with dummy");
    let text = answer.hits[0].generated.as_deref().expect("generated per object");
    assert!(text.contains("Echo Tides"), "{text}");
    assert!(answer.grouped.is_some_and(|g| g.contains("All of it")));

    // OpenAI, named by the query, reaches the server, which has no such module loaded.
    let openai = OpenAiProvider { model: Some("gpt-4o-mini".into()), temperature: Some(0.2), ..Default::default() };
    let (articles, _) = articles().await;
    let refused = articles.query().limit(1).generate(Generate::new().prompt("{title}").provider(openai));
    let error = refused.fetch_generated().await.expect_err("generative-openai is not enabled here");
    assert!(error.to_string().to_lowercase().contains("openai"), "{error}");
}
