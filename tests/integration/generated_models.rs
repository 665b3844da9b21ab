//! Models of the collections of a Weaviate server, written by `weaviate-orm models`.

use chrono::{DateTime, Utc};
use uuid::Uuid;
use weaviate_orm::{Ref, WeaviateCollection, WeaviateObject};
use weaviate_orm::value::{Blob, GeoCoordinates, PhoneNumber};

/// People who write.
///
/// They write books.
#[derive(Debug, Clone, WeaviateCollection)]
#[weaviate(vector_index(distance = "dot", ef = 100, ef_construction = 64, max_connections = 16, filter_strategy = "sweeping", quantizer(rq(bits = 1))))]
#[weaviate(inverted_index(bm25_b = 0.7, bm25_k1 = 1.1, stopwords_preset = "none", stopwords_additions = ["foo"], index_null_state, index_property_length, index_timestamps, cleanup_interval_seconds = 30))]
pub struct GenAuthor {
    /// Full name.
    #[weaviate(tokenization = "field")]
    pub name: Option<String>,
    #[weaviate(description = "  padded, as some tools write it  ")]
    pub bio: Option<String>,
    #[weaviate(index_range_filters = true)]
    pub born: Option<DateTime<Utc>>,
    #[weaviate(tokenization = "lowercase")]
    pub tags: Option<Vec<String>>,
    #[weaviate(index_filterable = false)]
    pub rating: Option<f64>,
    pub awards: Option<Vec<i64>>,
    pub alive: Option<bool>,
    #[weaviate(rename = "birthPlace")]
    pub birth_place: Option<GeoCoordinates>,
    pub phone: Option<PhoneNumber>,
    pub portrait: Option<Blob>,
    #[weaviate(rename = "cardId")]
    pub card_id: Option<Uuid>,
    #[weaviate(rename = "friendIds")]
    pub friend_ids: Option<Vec<Uuid>>,
    #[weaviate(rename = "visitDates")]
    pub visit_dates: Option<Vec<DateTime<Utc>>>,
    pub scores: Option<Vec<f64>>,
    pub flags: Option<Vec<bool>>,
    #[weaviate(index_searchable = false)]
    pub r#type: Option<String>,
    #[weaviate(rename = "self")]
    pub self_: Option<i64>,
    #[weaviate(text_analyzer(ascii_fold, ascii_fold_ignore = ["é"]))]
    pub nickname: Option<String>,
    pub address: Option<GenAuthorAddress>,
    pub visits: Option<Vec<GenAuthorVisits>>,
    #[weaviate(vector)]
    pub vector: Option<Vec<f32>>,
}

#[derive(Debug, Clone, WeaviateObject)]
pub struct GenAuthorAddress {
    pub street: Option<String>,
    #[weaviate(rename = "postCode", tokenization = "field")]
    pub post_code: Option<String>,
    pub position: Option<GenAuthorAddressPosition>,
}

#[derive(Debug, Clone, WeaviateObject)]
pub struct GenAuthorAddressPosition {
    #[weaviate(index_range_filters = true)]
    pub floor: Option<i64>,
}

#[derive(Debug, Clone, WeaviateObject)]
pub struct GenAuthorVisits {
    pub at: Option<DateTime<Utc>>,
    /// How long it took.
    pub minutes: Option<i64>,
}

#[derive(Debug, Clone, WeaviateCollection)]
#[weaviate(named_vector(name = "colbert", index(muvera(ksim = 8))))]
#[weaviate(named_vector(name = "cover", index(distance = "l2-squared", quantizer(pq(segments = 8, centroids = 128)))))]
#[weaviate(named_vector(name = "title", vectorizer = "text2vec-bigram", vectorizer_config = r#"{"vectorizeClassName":false}"#, source_properties = ["title"], index(kind = "flat", quantizer(bq(rescore_limit = 100, cache = true)))))]
#[weaviate(sharding(virtual_per_physical = 64))]
#[weaviate(generative = "generative-dummy")]
#[weaviate(reranker = "reranker-dummy")]
pub struct GenBook {
    #[weaviate(vectorize_property_name)]
    pub title: Option<String>,
    #[weaviate(tokenization = "field", vectorize_property_name)]
    pub isbn: Option<String>,
    #[weaviate(index_range_filters = true, vectorize_property_name)]
    pub pages: Option<i64>,
    pub author: Ref<GenAuthor>,
    #[weaviate(rename = "relatedTo")]
    pub related_to: Ref<(GenAuthor, GenBook)>,
    #[weaviate(vector = "colbert")]
    pub colbert: Option<Vec<Vec<f32>>>,
    #[weaviate(vector = "cover")]
    pub cover: Option<Vec<f32>>,
}

#[derive(Debug, Clone, WeaviateCollection)]
#[weaviate(named_vector(name = "default"))]
pub struct GenEmpty {
    #[weaviate(vector = "default")]
    pub default: Option<Vec<f32>>,
}

#[derive(Debug, Clone, WeaviateCollection)]
#[weaviate(vector_index(kind = "dynamic", ef_construction = 96, dynamic_threshold = 5000, quantizer(sq(training_limit = 50000)), flat(quantizer(bq(cache = true)))))]
#[weaviate(object_ttl(after_creation = 86400, filter_expired_objects = true))]
pub struct GenLog {
    pub line: Option<String>,
    pub at: Option<DateTime<Utc>>,
    #[weaviate(vector)]
    pub vector: Option<Vec<f32>>,
}

/// A customer's ticket.
#[derive(Debug, Clone, WeaviateCollection)]
#[weaviate(name = "Gen_ticket")]
#[weaviate(vectorizer = "text2vec-bigram", vectorizer_config = r#"{"vectorizeClassName":true}"#)]
#[weaviate(multi_tenancy(auto_tenant_creation, auto_tenant_activation))]
pub struct GenTicket {
    #[weaviate(vectorize_property_name)]
    pub body: Option<String>,
    #[weaviate(index_range_filters = true, vectorize_property_name)]
    pub priority: Option<i64>,
    #[weaviate(rename = "openedAt", vectorize_property_name)]
    pub opened_at: Option<DateTime<Utc>>,
}
