//! Every option of every quantizer on the index kinds that read it, the
//! multi-vector settings, async replication's tuning, each time-to-live and
//! text analysis: all of it compiles.

use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(
    named_vector(
        name = "pq",
        index(quantizer(pq(
            segments = 8,
            centroids = 256,
            training_limit = 100000,
            encoder_type = "kmeans",
            encoder_distribution = "log-normal"
        )))
    ),
    named_vector(name = "bq", index(quantizer(bq()))),
    named_vector(name = "sq", index(quantizer(sq(rescore_limit = 20, training_limit = 100000)))),
    named_vector(name = "rq", index(quantizer(rq(bits = 4, rescore_limit = 20, training_limit = 10000, centering = true)))),
    named_vector(name = "flat_pq", index(kind = "flat", quantizer(pq(rescore_limit = 20, cache = true)))),
    named_vector(name = "flat_bq", index(kind = "flat", quantizer(bq(rescore_limit = 20, cache = true)))),
    named_vector(name = "flat_sq", index(kind = "flat", quantizer(sq(rescore_limit = 20, cache = true)))),
    named_vector(name = "flat_rq", index(kind = "flat", quantizer(rq(bits = 1, rescore_limit = 20, cache = false)))),
    named_vector(
        name = "dynamic",
        index(
            kind = "dynamic",
            quantizer(rq(centering = false)),
            flat(vector_cache_max_objects = 1000, quantizer(bq(cache = true)))
        )
    ),
    named_vector(
        name = "colbert",
        index(muvera(ksim = 4, dprojections = 16, repetitions = 10), multi_vector_aggregation = "maxSim")
    ),
    replication(async_config(
        hashtree_height = 16,
        frequency = 30000,
        frequency_while_propagating = 3000,
        logging_frequency = 60,
        diff_batch_size = 1000,
        diff_per_node_timeout = 10,
        pre_propagation_timeout = 300,
        propagation_timeout = 70,
        propagation_limit = 10000,
        propagation_delay = 30,
        propagation_concurrency = 5,
        propagation_batch_size = 100
    )),
    inverted_index(stopword_presets(legal = ["hereby", "whereas"], short = ["a"])),
    object_ttl(date_property = "expires", offset = -3600, filter_expired_objects = true)
)]
struct Everything {
    #[weaviate(text_analyzer(ascii_fold, ascii_fold_ignore = ["é", "ß"], stopword_preset = "legal"))]
    title: String,
    #[weaviate(tokenization = "lowercase", text_analyzer(ascii_fold))]
    tags: Vec<String>,
    #[weaviate(text_analyzer(stopword_preset = "none"))]
    body: Option<String>,
    expires: Option<chrono::DateTime<chrono::Utc>>,
    #[weaviate(vector = "colbert")]
    colbert: Vec<Vec<f32>>,
}

#[derive(WeaviateCollection)]
#[weaviate(object_ttl(after_creation = 86400))]
struct Created {
    title: String,
}

fn main() {
    let config = Everything::config();
    assert!(config.object_ttl.is_some() && Created::config().object_ttl.is_some());
}
