//! Schema migration on the real server: every kind of safe step, the refusal
//! of every breaking kind, the policies, idempotence counted in the server's
//! own Raft log, and concurrent start-ups.

use serde_json::Value;
use weaviate_orm::migrate::{BreakingKind, Change, MigrationPlan, Policy};
use weaviate_orm::schema::{
    CollectionConfig, DataType, Distance, MultiTenancyConfig, PropertyConfig, Quantizer, ShardingConfig, TextAnalyzer,
    Tokenization, VectorIndexKind, Vectorizer,
};
use weaviate_orm::{Error, Ref, WeaviateClient, WeaviateCollection, WeaviateObject};
use weaviate_orm_tests::{client, unique_name};

#[derive(WeaviateObject)]
struct Place {
    city: String,
}

/// Articles, as first deployed.
#[derive(WeaviateCollection)]
#[weaviate(name = "Test_MigrateV1")]
struct ArticleV1 {
    /// The title.
    title: String,
    place: Place,
    #[weaviate(vector = "title_vec")]
    title_vec: Option<Vec<f32>>,
}

/// Articles, with a new property, a reference, a named vector and settings.
#[derive(WeaviateCollection)]
#[weaviate(
    name = "Test_MigrateV2",
    inverted_index(bm25_b = 0.8, stopwords_additions = ["foo"], cleanup_interval_seconds = 30),
    generative = "generative-dummy",
    reranker = "reranker-dummy"
)]
struct ArticleV2 {
    /// The headline.
    title: String,
    place: Place,
    subtitle: Option<String>,
    author: Option<Ref<MigrateAuthor>>,
    #[weaviate(vector = "title_vec")]
    title_vec: Option<Vec<f32>>,
    #[weaviate(vector = "body_vec")]
    body_vec: Option<Vec<f32>>,
}

/// The target of `ArticleV2::author`.
#[derive(WeaviateCollection)]
#[weaviate(name = "Test_MigrateAuthor")]
struct MigrateAuthor {
    name: String,
}

/// `T`'s configuration under another name.
fn renamed<T: WeaviateCollection>(name: &str) -> CollectionConfig {
    let mut config = T::config();
    config.name = name.to_owned();
    config
}

/// The second version, with the vector index settings the derive puts in `named_vector(...)`.
fn v2(name: &str) -> CollectionConfig {
    let mut config = renamed::<ArticleV2>(name);
    let title_vec = config.named_vectors.iter_mut().find(|v| v.name == "title_vec").expect("title_vec");
    title_vec.index.ef = Some(64);
    title_vec.index.quantizer = Some(Quantizer::bq());
    config
}

async fn migrate(client: &WeaviateClient, config: CollectionConfig) -> weaviate_orm::Result<Vec<MigrationPlan>> {
    client.migrator().config(config).run().await.map(|report| report.plans)
}

async fn schema(client: &WeaviateClient, name: &str) -> Value {
    client.collections().config_json(name).await.expect("config")
}

#[tokio::test]
async fn every_safe_step_is_applied_and_a_second_run_writes_nothing() {
    let client = client().await.expect("connect");
    let name = unique_name("Migrate");
    let plans = migrate(&client, renamed::<ArticleV1>(&name)).await.expect("create");
    assert_eq!(plans[0].changes, vec![Change::CreateCollection]);

    // The author collection comes after the article that references it: the
    // reference waits for it.
    client.collections().delete(MigrateAuthor::NAME).await.expect("clean");
    let report = client.migrator().config(v2(&name)).collection::<MigrateAuthor>().run().await.expect("migrate");
    assert_eq!(
        report.plans[0].to_string(),
        format!(
            "{name}:\n  \
             ~ description: \"Articles, as first deployed.\" -> \"Articles, with a new property, a reference, a named vector and settings.\"\n  \
             ~ invertedIndexConfig.bm25.b: 0.75 -> 0.8\n  \
             ~ invertedIndexConfig.cleanupIntervalSeconds: 60 -> 30\n  \
             ~ invertedIndexConfig.stopwords.additions: null -> [\"foo\"]\n  \
             ~ moduleConfig.generative-dummy: null -> {{}}\n  \
             ~ moduleConfig.reranker-dummy: null -> {{}}\n  \
             + add named vector `body_vec`\n  \
             ~ vectorConfig.title_vec.vectorIndexConfig.bq.enabled: false -> true\n  \
             ~ vectorConfig.title_vec.vectorIndexConfig.ef: -1 -> 64\n  \
             ~ properties.title.description: \"The title.\" -> \"The headline.\"\n  \
             + add property `subtitle` (text)\n  \
             + add property `author` (Test_MigrateAuthor)"
        )
    );
    assert_eq!(report.plans[1].changes, vec![Change::CreateCollection]);

    let s = schema(&client, &name).await;
    assert_eq!(s["description"], "Articles, with a new property, a reference, a named vector and settings.");
    assert_eq!(s["invertedIndexConfig"]["bm25"]["b"], 0.8);
    assert_eq!(s["invertedIndexConfig"]["cleanupIntervalSeconds"], 30);
    assert_eq!(s["invertedIndexConfig"]["stopwords"]["additions"], serde_json::json!(["foo"]));
    assert!(s["moduleConfig"]["generative-dummy"].is_object() && s["moduleConfig"]["reranker-dummy"].is_object());
    assert_eq!(s["vectorConfig"]["title_vec"]["vectorIndexConfig"]["ef"], 64);
    assert_eq!(s["vectorConfig"]["title_vec"]["vectorIndexConfig"]["bq"]["enabled"], true);
    assert_eq!(s["vectorConfig"]["body_vec"]["vectorIndexType"], "hnsw");
    let property = |n: &str| s["properties"].as_array().and_then(|ps| ps.iter().find(|p| p["name"] == n)).cloned();
    assert_eq!(property("title").expect("title")["description"], "The headline.");
    assert_eq!(property("subtitle").expect("subtitle")["dataType"], serde_json::json!(["text"]));
    assert_eq!(property("author").expect("author")["dataType"], serde_json::json!(["Test_MigrateAuthor"]));

    // Up to date: nothing to write.
    let again = client.migrator().config(v2(&name)).collection::<MigrateAuthor>().run().await.expect("again");
    assert_eq!(again.writes, 0);
    assert!(again.plans.iter().all(|p| p.changes.is_empty()), "{:?}", again.plans);

    // Objects written with the old version still read with the new one.
    let old = client.collection_named::<ArticleV1>(&name);
    let place = Place { city: "Berlin".into() };
    let report = old.insert_many(&[ArticleV1 { title: "t".into(), place, title_vec: None }]).await.expect("insert");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let read = client.collection_named::<ArticleV2>(&name).query().fetch().await.expect("read");
    assert_eq!((read[0].properties.title.as_str(), read[0].properties.subtitle.as_deref()), ("t", None));
}

#[tokio::test]
async fn generative_and_auto_tenant_settings_change_in_place() {
    let client = client().await.expect("connect");
    let name = unique_name("MigrateTenants");
    let mut v1 = CollectionConfig::new(&name);
    v1.properties.push(PropertyConfig::new("title", DataType::Text));
    v1.multi_tenancy = Some(MultiTenancyConfig::default());
    v1.generative = Some(weaviate_orm::schema::ModuleConfig::new("generative-dummy"));
    migrate(&client, v1.clone()).await.expect("create");

    let mut v2 = v1.clone();
    let mut tenancy = MultiTenancyConfig::default();
    tenancy.auto_tenant_creation = true;
    tenancy.auto_tenant_activation = true;
    v2.multi_tenancy = Some(tenancy);
    let plans = migrate(&client, v2.clone()).await.expect("migrate");
    let shown: Vec<String> = plans[0].changes.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "~ multiTenancyConfig.autoTenantActivation: false -> true",
            "~ multiTenancyConfig.autoTenantCreation: false -> true"
        ]
    );
    let s = schema(&client, &name).await;
    assert_eq!(
        (&s["multiTenancyConfig"]["autoTenantCreation"], &s["multiTenancyConfig"]["autoTenantActivation"]),
        (&Value::Bool(true), &Value::Bool(true))
    );
    assert_eq!(client.migrator().config(v2).run().await.expect("again").writes, 0);
}

/// One breaking variant of the base collection, with the kind it must be refused as.
type Variant = (BreakingKind, fn(&mut CollectionConfig));

fn base(name: &str) -> CollectionConfig {
    let mut config = CollectionConfig::new(name);
    config.properties.push(PropertyConfig::new("title", DataType::Text));
    config.properties.push(PropertyConfig::new("count", DataType::Int));
    let city = PropertyConfig::new("city", DataType::Text);
    config.properties.push(PropertyConfig::new("place", DataType::Object(vec![city])));
    config
}

#[tokio::test]
async fn breaking_changes_are_refused_before_anything_is_written() {
    let client = client().await.expect("connect");
    let name = unique_name("MigrateBreaking");
    migrate(&client, base(&name)).await.expect("create");
    let before = schema(&client, &name).await;

    let variants: [Variant; 13] = [
        (BreakingKind::DataType, |c| c.properties[1].data_type = DataType::Number),
        (BreakingKind::Tokenization, |c| c.properties[0].tokenization = Some(Tokenization::Field)),
        (BreakingKind::PropertyIndex, |c| c.properties[0].index_searchable = Some(false)),
        (BreakingKind::PropertyIndex, |c| c.properties[1].index_range_filters = Some(true)),
        (BreakingKind::TextAnalyzer, |c| {
            let mut analyzer = TextAnalyzer::default();
            analyzer.ascii_fold = true;
            c.properties[0].text_analyzer = Some(analyzer);
        }),
        (BreakingKind::NestedPropertyAdded, |c| {
            let place = vec![PropertyConfig::new("city", DataType::Text), PropertyConfig::new("zip", DataType::Text)];
            c.properties[2].data_type = DataType::Object(place);
        }),
        (BreakingKind::Vectorizer, |c| c.vectorizer = Vectorizer::module("text2vec-bigram")),
        (BreakingKind::VectorIndexType, |c| c.vector_index.kind = VectorIndexKind::Flat),
        (BreakingKind::Distance, |c| c.vector_index.distance = Some(Distance::Dot)),
        (BreakingKind::VectorIndexSetting, |c| c.vector_index.max_connections = Some(8)),
        (BreakingKind::InvertedIndexSetting, |c| c.inverted_index.index_timestamps = Some(true)),
        (BreakingKind::MultiTenancy, |c| c.multi_tenancy = Some(MultiTenancyConfig::default())),
        (BreakingKind::Sharding, |c| {
            let mut sharding = ShardingConfig::default();
            sharding.desired_count = Some(3);
            c.sharding = Some(sharding);
        }),
    ];
    for (kind, change) in variants {
        let mut config = base(&name);
        config.inverted_index.bm25_b = Some(0.5); // a safe step, which must not be applied either
        change(&mut config);
        let error = migrate(&client, config).await.expect_err("refused");
        let Error::SchemaMismatch { plans, .. } = &error else { panic!("unexpected {error}") };
        let kinds: Vec<BreakingKind> = plans[0].breaking().map(|b| b.kind).collect();
        assert!(kinds.contains(&kind), "{kind:?} not in {kinds:?}");
        let message = error.to_string();
        assert!(
            message.contains(&name) && message.contains("breaking: ") && message.contains(kind.remedy()),
            "{message}"
        );
        assert_eq!(schema(&client, &name).await, before, "nothing may be written for {kind:?}");
    }

    // The vector layout: named vectors instead of the default vector.
    let mut named = base(&name);
    named.named_vectors.push(weaviate_orm::schema::NamedVectorConfig::new("v"));
    let error = migrate(&client, named).await.expect_err("refused");
    assert!(
        matches!(&error, Error::SchemaMismatch { plans, .. } if plans[0].breaking().any(|b| b.kind == BreakingKind::VectorLayout)),
        "{error}"
    );

    // A property only the server has is kept, unless the policy is strict.
    let mut fewer = base(&name);
    fewer.properties.remove(1);
    let plans = migrate(&client, fewer.clone()).await.expect("kept");
    assert_eq!(plans[0].changes, vec![Change::ServerOnlyProperty { property: "count".into() }]);
    let strict = client.migrator().config(fewer).policy(Policy::Strict).run().await;
    assert!(matches!(strict, Err(Error::SchemaMismatch { policy: Policy::Strict, .. })), "{strict:?}");
}

#[tokio::test]
async fn drop_and_recreate_replaces_a_collection_with_breaking_changes() {
    let client = client().await.expect("connect");
    let name = unique_name("MigrateRecreate");
    migrate(&client, base(&name)).await.expect("create");
    let mut changed = base(&name);
    changed.properties[0].tokenization = Some(Tokenization::Field);
    let report =
        client.migrator().config(changed.clone()).policy(Policy::DropAndRecreate).run().await.expect("recreate");
    assert_eq!(report.recreated, vec![name.clone()]);
    assert_eq!(report.writes, 2);
    assert_eq!(schema(&client, &name).await["properties"][0]["tokenization"], "field");
    assert!(client.migrator().config(changed).run().await.expect("again").plans[0].changes.is_empty());
}

#[tokio::test]
async fn concurrent_migrations_all_succeed_and_leave_one_schema() {
    let name = unique_name("MigrateConcurrent");
    let client = client().await.expect("connect");
    client.migrate::<MigrateAuthor>().await.expect("author");

    // Four connections creating at the same moment, then upgrading at the same moment.
    for config in [renamed::<ArticleV1>(&name), v2(&name)] {
        let mut runs = tokio::task::JoinSet::new();
        for _ in 0..4 {
            let config = config.clone();
            runs.spawn(async move {
                let client = weaviate_orm_tests::client().await?;
                client.migrator().config(config).run().await
            });
        }
        while let Some(result) = runs.join_next().await {
            result.expect("task").expect("every concurrent migration succeeds");
        }
    }
    let plan = client.migrator().config(v2(&name)).plan().await.expect("plan");
    assert!(plan[0].changes.is_empty(), "{}", plan[0]);
    let s = schema(&client, &name).await;
    let mut names: Vec<&str> =
        s["properties"].as_array().expect("properties").iter().filter_map(|p| p["name"].as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["author", "place", "subtitle", "title"]);
}

/// The server's Raft log index: every schema write appends to it.
async fn raft_index(server: &weaviate_orm::embedded::EmbeddedServer) -> u64 {
    let url = format!("http://127.0.0.1:{}/v1/cluster/statistics", server.http_port());
    let stats: Value = reqwest::get(url).await.expect("statistics").json().await.expect("json");
    stats["statistics"][0]["raft"]["lastLogIndex"].as_str().and_then(|i| i.parse().ok()).expect("lastLogIndex")
}

#[tokio::test]
async fn every_registered_model_migrates_and_a_second_run_writes_nothing() {
    // Its own server: migrating every model of this test binary must not race
    // the other tests, and the Raft log must count only this test's writes.
    // Some models use the dynamic index, which needs asynchronous indexing,
    // and some a time-to-live, which needs a deletion schedule.
    let options = weaviate_orm::embedded::EmbeddedOptions::default()
        .env("ASYNC_INDEXING", "true")
        .env("OBJECTS_TTL_DELETE_SCHEDULE", "0 * * * *");
    let server = weaviate_orm::embedded::EmbeddedServer::start(options).await.expect("start");
    let client = server.client_builder().connect().await.expect("connect");

    let registered = weaviate_orm::registered_collections();
    assert!(registered.iter().any(|c| c.name() == ArticleV2::NAME) && registered.len() > 15, "{registered:?}");
    let dry_run = client.migrator().registered().plan().await.expect("plan");
    assert!(dry_run.iter().all(|p| p.changes == [Change::CreateCollection]));
    assert_eq!(raft_index(&server).await, raft_index(&server).await);

    let first = client.migrator().registered().run().await.expect("first run");
    assert!(first.writes >= registered.len());
    let before = raft_index(&server).await;
    let second = client.migrator().registered().run().await.expect("second run");
    assert_eq!(second.writes, 0);
    assert_eq!(raft_index(&server).await, before, "the server's schema log grew on an up-to-date migration");
    for plan in &second.plans {
        assert!(plan.is_up_to_date(), "{plan}");
    }

    // Collection management: list, typed configs that match the server, export, delete all.
    let collections = client.collections();
    let names = collections.list().await.expect("list");
    assert_eq!(names, registered.iter().map(|c| c.name()).collect::<Vec<_>>());
    let mut typed = client.migrator();
    for name in &names {
        let config = collections.config(name).await.expect("typed config");
        assert_eq!(&config.name, name);
        let model = registered.iter().find(|c| c.name() == name).expect("registered").config();
        let property_names = |c: &CollectionConfig| c.properties.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
        assert_eq!(property_names(&config), property_names(&model), "{name}");
        typed = typed.config(config);
    }
    // Read back and planned again, every typed config is exactly the server's.
    for plan in typed.plan().await.expect("plan") {
        assert!(plan.changes.is_empty(), "{plan}");
    }
    let exported = collections.export_json(ArticleV2::NAME).await.expect("export");
    assert!(exported.contains("\"class\": \"Test_MigrateV2\""), "{exported}");
    let deleted =
        collections.delete_all(weaviate_orm::client::DeleteAll::AndLoseEveryObject).await.expect("delete all");
    assert_eq!(deleted, names);
    assert!(collections.list().await.expect("list").is_empty());
}
