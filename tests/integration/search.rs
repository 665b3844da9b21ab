//! Searches (vector, object, concepts, keywords, hybrid) with thresholds,
//! autocut and metadata; the iterator; tenants; raw GraphQL.

use std::collections::HashSet;

use chrono::Utc;
use tokio_stream::StreamExt;
use uuid::Uuid;
use weaviate_orm::query::{Bm25, Combination, Fusion, Hybrid, KeywordOperator, Move, NearText, TargetVectors};
use weaviate_orm::tenants::{Tenant, TenantStatus};
use weaviate_orm::{Collection, Error, WeaviateClient, WeaviateCollection, WeaviateProjection};
use weaviate_orm_tests::{client, fresh};

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_SearchArticle")]
struct Article {
    title: String,
    body: String,
    #[weaviate(vector)]
    vector: Vec<f32>,
}

#[derive(WeaviateProjection, Debug, Clone, PartialEq)]
#[weaviate(of = Article)]
struct TitleOnly {
    title: String,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_SearchPassage")]
struct Passage {
    text: String,
    #[weaviate(vector = "tokens")]
    tokens: Vec<Vec<f32>>,
}

#[tokio::test]
async fn multi_vector_searches_rank_by_late_interaction() {
    let client = client().await.expect("connect");
    let passages = fresh::<Passage>(&client).await;
    let rows = |rows: &[[f32; 2]]| rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>();
    let mut id = Vec::new();
    for (text, tokens) in [
        ("east", rows(&[[1.0, 0.0], [0.9, 0.1]])),
        ("north", rows(&[[0.0, 1.0], [0.1, 0.9], [0.0, 1.0]])),
        ("mixed", rows(&[[1.0, 0.0], [0.0, 1.0]])),
    ] {
        id.push(passages.insert(&Passage { text: text.into(), tokens }).await.expect("insert"));
    }
    let tokens = Passage::VECTORS.tokens;
    let search = |query| passages.query().near_multi_vector(&tokens, query).fetch_with_metadata();
    let north = search(rows(&[[0.0, 1.0]])).await.expect("ColBERT search");
    assert_eq!(north.len(), 3);
    assert!([id[1], id[2]].contains(&north[0].object.id) && north[2].object.id == id[0], "east is farthest");
    let both = search(rows(&[[1.0, 0.0], [0.0, 1.0]])).await.expect("two-token query");
    assert_eq!(both[0].object.id, id[2], "only `mixed` matches both query tokens exactly");
    let ragged =
        passages.query().near_multi_vector(&tokens, rows(&[[1.0, 0.0]]).into_iter().chain([vec![1.0]]).collect());
    assert!(matches!(ragged.fetch().await, Err(Error::InvalidValue { .. })), "rows of different lengths are refused");
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_SearchTwoVectors")]
struct TwoVectors {
    name: String,
    #[weaviate(vector = "a")]
    a: Vec<f32>,
    #[weaviate(vector = "b")]
    b: Vec<f32>,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_SearchConcept", vectorizer = "text2vec-bigram")]
struct Concept {
    text: String,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_SearchTenanted", multi_tenancy)]
struct Tenanted {
    title: String,
}

fn article(title: &str, body: &str, vector: [f32; 3]) -> Article {
    Article { title: title.into(), body: body.into(), vector: vector.to_vec() }
}

/// Five articles, returned with their ids in insertion order.
async fn articles(client: &WeaviateClient) -> (Collection<Article>, Vec<Uuid>) {
    let articles = fresh::<Article>(client).await;
    let mut ids = Vec::new();
    for a in [
        article("Rust in production", "memory safety without garbage collection", [1.0, 0.0, 0.0]),
        article("Rust async", "futures and executors in rust", [0.9, 0.1, 0.0]),
        article("Gardening", "tomatoes need sun", [0.0, 1.0, 0.0]),
        article("Sailing", "wind and water", [0.0, 0.0, 1.0]),
        article("Rust on boats", "corrosion at sea", [0.0, 0.7, 0.7]),
    ] {
        ids.push(articles.insert(&a).await.expect("insert"));
    }
    (articles, ids)
}

fn ids<P>(objects: &[weaviate_orm::Object<P>]) -> Vec<Uuid> {
    objects.iter().map(|o| o.id).collect()
}

#[tokio::test]
async fn vector_searches_rank_by_distance_with_thresholds_and_metadata() {
    let client = client().await.expect("connect");
    let (articles, id) = articles(&client).await;
    let before = Utc::now() - chrono::Duration::minutes(1);

    let hits = articles.query().near_vector(vec![1.0, 0.0, 0.0]).limit(2).fetch_with_metadata().await.expect("near");
    assert_eq!(hits.iter().map(|h| h.object.id).collect::<Vec<_>>(), [id[0], id[1]]);
    let (d0, d1) = (hits[0].metadata.distance.expect("distance"), hits[1].metadata.distance.expect("distance"));
    assert!(d0.abs() < 1e-6 && d1 > d0, "{d0} {d1}");
    let created = hits[0].metadata.creation_time.expect("creation time");
    assert!(created > before && created <= Utc::now(), "{created}");
    assert!(hits[0].metadata.update_time.is_some() && hits[0].metadata.score.is_none());

    let close = articles.query().near_vector(vec![1.0, 0.0, 0.0]).max_distance(0.001).fetch().await.expect("near");
    assert_eq!(ids(&close), [id[0]]);
    let certain = articles.query().near_vector(vec![1.0, 0.0, 0.0]).min_certainty(0.99).fetch_with_metadata();
    let certain = certain.await.expect("certainty");
    assert_eq!(certain.len(), 2);
    assert!(certain.iter().all(|h| h.metadata.certainty.is_some_and(|c| c >= 0.99)));

    let like_boats = articles.query().near_object(id[4]).limit(3).fetch().await.expect("near object");
    assert_eq!(like_boats[0].id, id[4]);
    assert!(ids(&like_boats)[1..].iter().all(|i| [id[2], id[3]].contains(i)));

    let cut = articles.query().near_vector(vec![1.0, 0.0, 0.0]).autocut(1).fetch().await.expect("autocut");
    assert_eq!(ids(&cut), [id[0], id[1]], "the jump after the two rust articles cuts");

    let titles = articles.query().near_vector(vec![0.0, 0.0, 1.0]).limit(1).project::<TitleOnly>().fetch();
    assert_eq!(titles.await.expect("projected")[0].properties.title, "Sailing");
}

#[tokio::test]
async fn multi_target_searches_combine_distances() {
    let client = client().await.expect("connect");
    let collection = fresh::<TwoVectors>(&client).await;
    let (east, north) = (vec![1.0, 0.0], vec![0.0, 1.0]);
    let mut id = Vec::new();
    for (name, a, b) in [("x", &east, &east), ("y", &east, &north), ("z", &north, &north)] {
        let object = TwoVectors { name: name.into(), a: a.clone(), b: b.clone() };
        id.push(collection.insert(&object).await.expect("insert"));
    }
    let v = TwoVectors::VECTORS;
    let search = |combination| TargetVectors::new(combination).vector(&v.a, east.clone()).vector(&v.b, east.clone());
    let order = |hits: &[weaviate_orm::query::Hit<TwoVectors>]| hits.iter().map(|h| h.object.id).collect::<Vec<_>>();

    let summed = collection.query().near_vectors(search(Combination::Sum)).fetch_with_metadata().await.expect("sum");
    assert_eq!(order(&summed), id);
    let distances: Vec<f32> = summed.iter().map(|h| h.metadata.distance.expect("distance")).collect();
    assert!((distances[1] - 1.0).abs() < 1e-5 && (distances[2] - 2.0).abs() < 1e-5, "{distances:?}");
    let averaged = collection.query().near_vectors(search(Combination::Average)).fetch_with_metadata().await;
    let averaged = averaged.expect("average");
    assert!((averaged[2].metadata.distance.expect("distance") - 1.0).abs() < 1e-5);
    let minimum = collection.query().near_vectors(search(Combination::Minimum)).fetch().await.expect("min");
    assert_eq!(minimum.last().map(|o| o.id), Some(id[2]));
    let weighted = TargetVectors::new(Combination::ManualWeights).weighted(&v.a, north.clone(), 0.1).weighted(
        &v.b,
        north.clone(),
        1.0,
    );
    let weighted = collection.query().near_vectors(weighted).limit(1).fetch().await.expect("weighted");
    assert_eq!(ids(&weighted), [id[2]], "z is north in both; b weighs most");
    let b_only = TargetVectors::new(Combination::ManualWeights).weighted(&v.a, north.clone(), 0.0).weighted(
        &v.b,
        north.clone(),
        1.0,
    );
    let b_only = collection.query().near_vectors(b_only).fetch_with_metadata().await.expect("weighted");
    assert!(b_only.iter().take(2).all(|h| h.metadata.distance.is_some_and(|d| d.abs() < 1e-5)), "y and z: b north");
    let relative =
        TargetVectors::new(Combination::RelativeScore).weighted(&v.a, east.clone(), 1.0).vector(&v.b, east.clone());
    let relative = collection.query().near_vectors(relative).limit(1).fetch().await.expect("relative score");
    assert_eq!(ids(&relative), [id[0]]);

    // near_object in one named vector: y is east in `a` (like x) and north in `b` (like z).
    for (vector, mut expected) in [(&v.a, vec![id[0], id[1]]), (&v.b, vec![id[1], id[2]])] {
        let near_y = collection.query().near_object_in(id[1], vector).max_distance(0.01).fetch().await;
        let mut near_y = ids(&near_y.expect("near object in one vector"));
        near_y.sort();
        expected.sort();
        assert_eq!(near_y, expected, "{vector:?}");
        // The threshold applies whenever it is given, before the search too.
        let first = collection.query().max_distance(0.01).near_object_in(id[1], vector).fetch().await;
        let mut first = ids(&first.expect("threshold first"));
        first.sort();
        assert_eq!(first, expected, "{vector:?}, threshold first");
    }

    let only_b = collection.query().near_named_vector(&v.b, north.clone()).max_distance(0.01).fetch().await;
    let mut only_b = ids(&only_b.expect("named"));
    only_b.sort();
    let mut expected = vec![id[1], id[2]];
    expected.sort();
    assert_eq!(only_b, expected);
}

#[tokio::test]
async fn keyword_and_hybrid_searches_score_their_results() {
    let client = client().await.expect("connect");
    let (articles, id) = articles(&client).await;
    let f = Article::FIELDS;

    let hits = articles.query().bm25(Bm25::new("rust")).fetch_with_metadata().await.expect("bm25");
    let found: HashSet<Uuid> = hits.iter().map(|h| h.object.id).collect();
    assert_eq!(found, HashSet::from([id[0], id[1], id[4]]));
    assert!(hits.iter().all(|h| h.metadata.score.is_some_and(|s| s > 0.0) && h.metadata.explain_score.is_some()));
    assert!(hits.windows(2).all(|w| w[0].metadata.score >= w[1].metadata.score), "ranked by score");
    assert_eq!(hits[0].object.id, id[1], "`rust` in both title and body ranks first");
    let ignored = articles.query().bm25(Bm25::new("rust")).max_distance(0.5).fetch().await;
    assert!(matches!(ignored, Err(Error::InvalidConfig(_))), "a threshold no search uses is refused: {ignored:?}");

    let in_body = articles.query().bm25(Bm25::new("rust").field(&f.body)).fetch().await.expect("body only");
    assert_eq!(ids(&in_body), [id[1]]);
    let both = Bm25::new("rust boats").operator(KeywordOperator::And);
    assert_eq!(ids(&articles.query().bm25(both).fetch().await.expect("and")), [id[4]]);
    let any_two = Bm25::new("rust sea boats").operator(KeywordOperator::Or { minimum_match: 2 });
    assert_eq!(ids(&articles.query().bm25(any_two).fetch().await.expect("or 2")), [id[4]]);
    let boosted = Bm25::new("rust sun").boosted(&f.body, 5.0).field(&f.title);
    assert_eq!(articles.query().bm25(boosted).fetch().await.expect("boost")[0].id, id[2]);

    let hybrid = Hybrid::new("rust").vector(vec![0.0, 1.0, 0.0]).alpha(0.9).fusion(Fusion::RelativeScore);
    let hits = articles.query().hybrid(hybrid).limit(2).fetch_with_metadata().await.expect("hybrid");
    assert_eq!(hits[0].object.id, id[2], "alpha 0.9 follows the vector");
    assert!(hits.iter().all(|h| h.metadata.score.is_some()));
    let keywords_only = Hybrid::new("rust").vector(vec![0.0, 1.0, 0.0]).alpha(0.0).fusion(Fusion::Ranked);
    let hits = articles.query().hybrid(keywords_only).fetch().await.expect("hybrid");
    assert_eq!(hits[0].id, id[1]);
    let near = Hybrid::new("rust").vector(vec![1.0, 0.0, 0.0]).alpha(1.0).max_vector_distance(0.01);
    assert_eq!(ids(&articles.query().hybrid(near).fetch().await.expect("threshold")), [id[0], id[1]]);
}

#[tokio::test]
async fn concept_searches_go_through_the_vectorizer() {
    let client = client().await.expect("connect");
    let concepts = fresh::<Concept>(&client).await;
    concepts.insert(&Concept { text: "whales swim in the ocean".into() }).await.expect("insert");
    let desert = concepts.insert(&Concept { text: "camels cross the desert".into() }).await.expect("insert");
    // Hybrid vectorizes its query with the collection's vectorizer.
    let hybrid = concepts.query().hybrid(Hybrid::new("camels desert").alpha(0.5)).limit(1).fetch().await;
    assert_eq!(ids(&hybrid.expect("vectorized hybrid")), [desert]);
    // The one offline vectorizer (text2vec-bigram) declares no nearText
    // arguments, so the server refuses concept searches; the request and its
    // moves still reach it whole, and the refusal is a typed error.
    let moved = NearText::new(["ocean whales"])
        .move_to(Move::objects([desert]).force(0.5))
        .move_away(Move::concepts(["swim"]).force(0.25));
    let refused = concepts.query().near_text(moved).limit(1).fetch().await.expect_err("no nearText module");
    assert!(refused.to_string().contains("nearText"), "{refused}");
    // So is a hybrid search whose vector side comes from concepts.
    let concept_side =
        Hybrid::new("whales").alpha(1.0).near_text(NearText::new(["ocean"]).move_away(Move::concepts(["sand"])));
    let refused = concepts.query().hybrid(concept_side).fetch().await.expect_err("no nearText module");
    assert!(refused.to_string().contains("nearText"), "{refused}");
}

#[tokio::test]
async fn the_iterator_reads_every_object_once_page_by_page() {
    let client = client().await.expect("connect");
    let articles = fresh::<Article>(&client).await;
    let batch = articles.batch().start();
    for i in 0..250 {
        batch.add(article(&format!("a{i}"), "body", [1.0, i as f32, 0.0])).await.expect("add");
    }
    assert_eq!(batch.finish().await.expect("import").confirmed, 250);
    assert_eq!(articles.count().await.expect("count"), 250);

    let mut iterator = articles.iterate().page_size(40);
    let mut seen = Vec::new();
    while let Some(object) = iterator.next().await {
        seen.push(object.expect("object").id);
    }
    assert_eq!(seen.len(), 250);
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "id order, each once");

    let titles: Vec<String> = articles
        .iterate()
        .page_size(64)
        .project::<TitleOnly>()
        .into_stream()
        .map(|object| object.expect("object").properties.title)
        .collect()
        .await;
    assert_eq!(titles.iter().collect::<HashSet<_>>().len(), 250);
}

#[tokio::test]
async fn tenants_are_created_listed_updated_and_removed() {
    let client = client().await.expect("connect");
    let collection = fresh::<Tenanted>(&client).await;
    let tenants = collection.tenants();
    tenants.create(["a", "b"]).await.expect("create");
    tenants.create([Tenant::new("c").with_status(TenantStatus::Inactive)]).await.expect("create inactive");

    let listed = tenants.list().await.expect("list");
    let expected = [Tenant::new("a"), Tenant::new("b"), Tenant { name: "c".into(), status: TenantStatus::Inactive }];
    assert_eq!(listed, expected);
    assert_eq!(tenants.get("c").await.expect("get"), Some(expected[2].clone()));
    assert_eq!(tenants.get("zz").await.expect("get missing"), None);
    assert!(tenants.exists("a").await.expect("exists") && !tenants.exists("zz").await.expect("exists"));

    let in_a = collection.with_tenant("a");
    let id = in_a.insert(&Tenanted { title: "only in a".into() }).await.expect("insert in a");
    assert!(collection.with_tenant("b").fetch_by_id(id).await.expect("read b").is_none(), "b cannot see a's object");
    assert!(collection.with_tenant("c").query().fetch().await.is_err(), "an inactive tenant is not readable");

    tenants.update([Tenant::new("c")]).await.expect("activate");
    assert!(collection.with_tenant("c").query().fetch().await.expect("active now").is_empty());
    tenants.update([Tenant::new("a").with_status(TenantStatus::Inactive)]).await.expect("deactivate");
    assert!(in_a.fetch_by_id(id).await.is_err(), "a is inactive");
    tenants.update([Tenant::new("a")]).await.expect("reactivate");
    assert_eq!(in_a.fetch_by_id(id).await.expect("read a").expect("kept").properties.title, "only in a");

    tenants.remove(["b"]).await.expect("remove");
    let names: Vec<String> = tenants.list().await.expect("list").into_iter().map(|t| t.name).collect();
    assert_eq!(names, ["a", "c"]);
}

#[tokio::test]
async fn raw_graphql_answers_data_or_a_typed_error() {
    let client = client().await.expect("connect");
    let (articles, _) = articles(&client).await;
    let query = format!("{{ Aggregate {{ {} {{ meta {{ count }} }} }} }}", articles.name());
    let data = client.graphql_raw(&query).await.expect("graphql");
    assert_eq!(data["Aggregate"][articles.name()][0]["meta"]["count"], 5);
    let error = client.graphql_raw("{ Get { NoSuchCollection { title } } }").await.expect_err("unknown class");
    assert!(matches!(&error, Error::GraphQl { messages } if !messages.is_empty()), "{error}");
}
