//! Collection settings from attributes: created on the real server and read
//! back from its schema, setting by setting.

use serde_json::{Value, json};
use weaviate_orm::WeaviateCollection;
use weaviate_orm_tests::{client, fresh};

/// Creates `T` under a fresh name and returns the schema the server stores,
/// once the migrator has found the model up to date with it.
async fn stored<T: WeaviateCollection>() -> Value {
    let client = client().await.expect("connect");
    let collection = fresh::<T>(&client).await;
    up_to_date::<T>(&client, collection.name()).await;
    client.collections().config_json(collection.name()).await.expect("config")
}

/// Asserts that the model of `T`, under `name`, needs no change on the server.
async fn up_to_date<T: WeaviateCollection>(client: &weaviate_orm::WeaviateClient, name: &str) {
    let mut config = T::config();
    config.name = name.to_owned();
    let plans = client.migrator().config(config).plan().await.expect("plan");
    assert!(plans.iter().all(|p| p.is_up_to_date()), "{name}: {plans:?}");
}

// A collection with every default-vector, index, module and distribution setting.
#[derive(WeaviateCollection)]
#[weaviate(
    name = "Test_Settings",
    vectorizer = "text2vec-bigram",
    vector_index(
        kind = "hnsw",
        distance = "dot",
        ef = 77,
        ef_construction = 96,
        max_connections = 24,
        dynamic_ef_min = 50,
        dynamic_ef_max = 300,
        dynamic_ef_factor = 6,
        flat_search_cutoff = 20000,
        vector_cache_max_objects = 100000,
        quantizer(pq(
            segments = 4,
            centroids = 128,
            training_limit = 50000,
            encoder_type = "tile",
            encoder_distribution = "normal"
        )),
        cleanup_interval_seconds = 420,
        filter_strategy = "acorn"
    ),
    inverted_index(
        bm25_b = 0.7,
        bm25_k1 = 1.1,
        stopwords_preset = "none",
        stopwords_additions = ["foo"],
        stopwords_removals = ["a"],
        index_null_state,
        index_property_length,
        index_timestamps,
        cleanup_interval_seconds = 90,
        stopword_presets(legal = ["hereby", "whereas"])
    ),
    replication(
        factor = 1,
        async_enabled = true,
        deletion_strategy = "TimeBasedResolution",
        async_config(hashtree_height = 14, frequency = 31000, propagation_concurrency = 6)
    ),
    sharding(desired_count = 2, virtual_per_physical = 64),
    generative(dummy),
    reranker(dummy)
)]
/// Every setting at once.
struct Settings {
    title: String,
    #[weaviate(skip_vectorization, vectorize_property_name)]
    #[weaviate(text_analyzer(ascii_fold, ascii_fold_ignore = ["é"], stopword_preset = "legal"))]
    body: String,
}

#[tokio::test]
async fn every_collection_setting_is_what_the_server_stores() {
    let s = stored::<Settings>().await;
    assert_eq!(s["description"], "Every setting at once.");
    assert_eq!(s["vectorizer"], "text2vec-bigram");
    assert_eq!(s["vectorIndexType"], "hnsw");
    let index = &s["vectorIndexConfig"];
    for (key, value) in [
        ("distance", json!("dot")),
        ("ef", json!(77)),
        ("efConstruction", json!(96)),
        ("maxConnections", json!(24)),
        ("dynamicEfMin", json!(50)),
        ("dynamicEfMax", json!(300)),
        ("dynamicEfFactor", json!(6)),
        ("flatSearchCutoff", json!(20000)),
        ("vectorCacheMaxObjects", json!(100000)),
        ("cleanupIntervalSeconds", json!(420)),
        ("filterStrategy", json!("acorn")),
        ("skip", json!(false)),
    ] {
        assert_eq!(index[key], value, "vectorIndexConfig.{key}");
    }
    assert_eq!(index["pq"]["enabled"], true);
    assert_eq!(index["pq"]["segments"], 4);
    assert_eq!(index["pq"]["centroids"], 128);
    assert_eq!(index["pq"]["trainingLimit"], 50000);
    assert_eq!(index["pq"]["encoder"], json!({"type": "tile", "distribution": "normal"}));

    let inverted = &s["invertedIndexConfig"];
    assert_eq!(inverted["bm25"], json!({"b": 0.7, "k1": 1.1}));
    assert_eq!(inverted["stopwords"], json!({"preset": "none", "additions": ["foo"], "removals": ["a"]}));
    assert_eq!(inverted["indexNullState"], true);
    assert_eq!(inverted["indexPropertyLength"], true);
    assert_eq!(inverted["indexTimestamps"], true);
    assert_eq!(inverted["cleanupIntervalSeconds"], 90);
    assert_eq!(inverted["stopwordPresets"], json!({"legal": ["hereby", "whereas"]}));

    assert_eq!(s["replicationConfig"]["factor"], 1);
    assert_eq!(s["replicationConfig"]["deletionStrategy"], "TimeBasedResolution");
    // Since 1.39 the server derives asyncEnabled (factor > 1); one node stays at false.
    assert_eq!(s["replicationConfig"]["asyncEnabled"], false, "{}", s["replicationConfig"]);
    let async_config = &s["replicationConfig"]["asyncConfig"];
    assert_eq!(
        (&async_config["hashtreeHeight"], &async_config["frequency"], &async_config["propagationConcurrency"]),
        (&json!(14), &json!(31000), &json!(6))
    );
    assert_eq!(s["shardingConfig"]["desiredCount"], 2);
    assert_eq!(s["shardingConfig"]["virtualPerPhysical"], 64);
    assert!(s["moduleConfig"].get("generative-dummy").is_some(), "{}", s["moduleConfig"]);
    assert!(s["moduleConfig"].get("reranker-dummy").is_some(), "{}", s["moduleConfig"]);

    let body = s["properties"].as_array().and_then(|ps| ps.iter().find(|p| p["name"] == "body")).cloned();
    let body = body.unwrap_or_default();
    let bigram = &body["moduleConfig"]["text2vec-bigram"];
    assert_eq!(bigram["skip"], true);
    assert_eq!(bigram["vectorizePropertyName"], true);
    assert_eq!(body["textAnalyzer"], json!({"asciiFold": true, "asciiFoldIgnore": ["é"], "stopwordPreset": "legal"}));
}

#[derive(WeaviateCollection)]
#[weaviate(name = "Test_Tenanted", multi_tenancy(auto_tenant_creation, auto_tenant_activation))]
struct Tenanted {
    title: String,
}

#[derive(WeaviateCollection)]
#[weaviate(name = "Test_TenantedPlain", multi_tenancy)]
struct TenantedPlain {
    title: String,
}

#[tokio::test]
async fn multi_tenancy_is_enabled_with_its_flags() {
    let s = stored::<Tenanted>().await;
    assert_eq!(s["multiTenancyConfig"]["enabled"], true);
    assert_eq!(s["multiTenancyConfig"]["autoTenantCreation"], true);
    assert_eq!(s["multiTenancyConfig"]["autoTenantActivation"], true);
    let plain = stored::<TenantedPlain>().await;
    assert_eq!(plain["multiTenancyConfig"]["enabled"], true);
    assert_eq!(plain["multiTenancyConfig"]["autoTenantCreation"], false);
}

/// Named vectors: one made by the server, others brought by the client.
#[derive(WeaviateCollection)]
#[weaviate(
    name = "Test_NamedVectors",
    named_vector(
        name = "title",
        vectorizer = "text2vec-bigram",
        source_properties = ["title"],
        index(kind = "flat", distance = "cosine", quantizer(bq(cache = true, rescore_limit = 150)))
    ),
    named_vector(name = "custom", index(distance = "l2-squared", quantizer(rq(bits = 8, rescore_limit = 40)))),
    named_vector(name = "scalar", index(quantizer = "sq")),
    named_vector(
        name = "colbert",
        index(muvera(ksim = 5, dprojections = 8, repetitions = 12), multi_vector_aggregation = "maxSim")
    )
)]
struct NamedVectors {
    title: String,
    body: String,
    #[weaviate(vector = "custom")]
    custom: Vec<f32>,
    #[weaviate(vector = "colbert")]
    colbert: Vec<Vec<f32>>,
}

#[tokio::test]
async fn named_vectors_have_their_own_vectorizer_and_index() {
    let s = stored::<NamedVectors>().await;
    let vectors = &s["vectorConfig"];
    assert_eq!(vectors["title"]["vectorizer"]["text2vec-bigram"]["properties"], json!(["title"]));
    assert_eq!(vectors["title"]["vectorIndexType"], "flat");
    assert_eq!(vectors["title"]["vectorIndexConfig"]["distance"], "cosine");
    assert_eq!(
        vectors["title"]["vectorIndexConfig"]["bq"],
        json!({"enabled": true, "cache": true, "rescoreLimit": 150})
    );
    assert!(vectors["custom"]["vectorizer"].get("none").is_some(), "{}", vectors["custom"]);
    assert_eq!(vectors["custom"]["vectorIndexConfig"]["distance"], "l2-squared");
    assert_eq!(vectors["custom"]["vectorIndexConfig"]["rq"]["enabled"], true);
    assert_eq!(vectors["custom"]["vectorIndexConfig"]["rq"]["bits"], 8);
    assert_eq!(vectors["custom"]["vectorIndexConfig"]["rq"]["rescoreLimit"], 40);
    assert_eq!(vectors["scalar"]["vectorIndexConfig"]["sq"]["enabled"], true);
    let multi = &vectors["colbert"]["vectorIndexConfig"]["multivector"];
    assert_eq!(multi["enabled"], true);
    assert_eq!(multi["aggregation"], "maxSim");
    assert_eq!(multi["muvera"], json!({"enabled": true, "ksim": 5, "dprojections": 8, "repetitions": 12}));
    assert_eq!(vectors["custom"]["vectorIndexConfig"]["multivector"]["enabled"], false);
}

#[derive(WeaviateCollection)]
#[weaviate(
    name = "Test_Dynamic",
    vector_index(
        kind = "dynamic",
        distance = "l2-squared",
        dynamic_threshold = 5000,
        ef = 90,
        quantizer(sq(training_limit = 50000)),
        flat(vector_cache_max_objects = 300000, quantizer(bq(cache = true)))
    )
)]
struct Dynamic {
    title: String,
}

/// Objects expire a day after their `expires` date.
#[derive(WeaviateCollection)]
#[weaviate(
    name = "Test_Expiring",
    object_ttl(date_property = "expires", offset = 86400, filter_expired_objects = true)
)]
struct Expiring {
    expires: chrono::DateTime<chrono::Utc>,
}

/// Objects expire an hour after they were last written.
#[derive(WeaviateCollection)]
#[weaviate(name = "Test_Fading", object_ttl(after_update = 3600))]
struct Fading {
    title: String,
}

#[tokio::test]
async fn a_dynamic_index_and_object_ttls_are_what_the_server_stores() {
    // The dynamic index needs asynchronous indexing, which the shared server
    // leaves off (searches there must see writes at once), and a time-to-live
    // needs a deletion schedule: use a server of their own.
    let options = weaviate_orm::embedded::EmbeddedOptions::default()
        .env("ASYNC_INDEXING", "true")
        .env("OBJECTS_TTL_DELETE_SCHEDULE", "0 * * * *");
    let server = weaviate_orm::embedded::EmbeddedServer::start(options).await.expect("start");
    let client = server.client_builder().connect().await.expect("connect");
    client.collections().create::<Dynamic>().await.expect("create");
    let s = client.collections().config_json(Dynamic::NAME).await.expect("config");
    assert_eq!(s["vectorIndexType"], "dynamic");
    let index = &s["vectorIndexConfig"];
    assert_eq!(index["distance"], "l2-squared");
    assert_eq!(index["threshold"], 5000);
    assert_eq!(index["hnsw"]["ef"], 90);
    assert_eq!(index["hnsw"]["distance"], "l2-squared");
    assert_eq!((&index["hnsw"]["sq"]["enabled"], &index["hnsw"]["sq"]["trainingLimit"]), (&json!(true), &json!(50000)));
    assert_eq!(index["flat"]["distance"], "l2-squared");
    assert_eq!(index["flat"]["vectorCacheMaxObjects"], 300000);
    assert_eq!((&index["flat"]["bq"]["enabled"], &index["flat"]["bq"]["cache"]), (&json!(true), &json!(true)));

    client.collections().create::<Expiring>().await.expect("create with a date property's TTL");
    client.collections().create::<Fading>().await.expect("create with an update time's TTL");
    let expiring = client.collections().config_json(Expiring::NAME).await.expect("config");
    assert_eq!(
        expiring["objectTtlConfig"],
        json!({"enabled": true, "deleteOn": "expires", "defaultTtl": 86400, "filterExpiredObjects": true})
    );
    let fading = client.collections().config_json(Fading::NAME).await.expect("config");
    assert_eq!(fading["objectTtlConfig"]["deleteOn"], "_lastUpdateTimeUnix");
    assert_eq!(fading["invertedIndexConfig"]["indexTimestamps"], true, "the server turns the timestamps on");
    for (name, model) in [(Expiring::NAME, Expiring::config()), (Fading::NAME, Fading::config())] {
        let read = client.collections().config(name).await.expect("typed");
        let start = |ttl: Option<weaviate_orm::schema::ObjectTtlConfig>| ttl.map(|t| (t.expires_after, t.seconds));
        assert_eq!(start(read.object_ttl), start(model.object_ttl), "{name}");
    }
    up_to_date::<Dynamic>(&client, Dynamic::NAME).await;
    up_to_date::<Expiring>(&client, Expiring::NAME).await;
    up_to_date::<Fading>(&client, Fading::NAME).await;
    server.shutdown().await;
}
