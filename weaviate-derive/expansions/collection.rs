//! A collection with settings at every level: its vectorizer and index,
//! replication, text properties with their switches, a range index, a
//! reference, a nested object, the id and a skipped field.

/// A trivia clue.
#[derive(WeaviateCollection)]
#[weaviate(
    vectorizer = "text2vec-bigram",
    generative = "generative-dummy",
    vector_index(distance = "dot", ef = 64, filter_strategy = "acorn", cleanup_interval_seconds = 600),
    replication(factor = 1, deletion_strategy = "TimeBasedResolution")
)]
struct Clue {
    #[weaviate(id)]
    id: Uuid,
    /// The question as read on air.
    #[weaviate(tokenization = "lowercase")]
    question: String,
    #[weaviate(rename = "solution", skip_vectorization)]
    answer: Option<String>,
    #[weaviate(index_range_filters = true)]
    value: i64,
    aired: Vec<DateTime<Utc>>,
    category: Ref<Category>,
    place: Place,
    #[weaviate(skip)]
    cached: Option<u32>,
}
