//! Search results decoded into typed objects, straight from the gRPC messages.

use chrono::{DateTime, Utc};
use weaviate_orm_proto::v1 as pb;

use crate::model::Object;
use crate::model::WeaviateCollection;
use crate::reply::object::{object_id, properties_of, vectors};
use crate::vocabulary::Projection;
use crate::{Error, Result};

/// A search result with its metadata; see
/// [`Query::fetch_with_metadata`](crate::query::Query::fetch_with_metadata).
#[derive(Debug, Clone, PartialEq)]
pub struct Hit<P> {
    /// The object.
    pub object: Object<P>,
    /// What the server says about it.
    pub metadata: Metadata,
    /// The text generated for it, when the query asked for a generation
    /// per object.
    pub generated: Option<String>,
}

/// An object's metadata; absent values were not asked for or do not apply.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Metadata {
    /// When the object was created.
    pub creation_time: Option<DateTime<Utc>>,
    /// When it was last updated.
    pub update_time: Option<DateTime<Utc>>,
    /// Its vector distance to the search target.
    pub distance: Option<f32>,
    /// Its certainty (cosine distance only).
    pub certainty: Option<f32>,
    /// Its keyword or hybrid score.
    pub score: Option<f32>,
    /// How the score was made.
    pub explain_score: Option<String>,
    /// Whether the replicas agreed on it.
    pub is_consistent: Option<bool>,
    /// Its reranker score.
    pub rerank_score: Option<f64>,
}

impl Metadata {
    fn from_proto(m: &pb::MetadataResult) -> Self {
        let time = |present: bool, millis: i64| present.then(|| DateTime::from_timestamp_millis(millis)).flatten();
        Self {
            creation_time: time(m.creation_time_unix_present, m.creation_time_unix),
            update_time: time(m.last_update_time_unix_present, m.last_update_time_unix),
            distance: m.distance_present.then_some(m.distance),
            certainty: m.certainty_present.then_some(m.certainty),
            score: m.score_present.then_some(m.score),
            explain_score: m.explain_score_present.then(|| m.explain_score.clone()),
            is_consistent: if m.is_consistent_present { m.is_consistent } else { None },
            rerank_score: m.rerank_score_present.then_some(m.rerank_score),
        }
    }
}

/// One search result as a [`Hit`].
pub(crate) fn decode_hit<C: WeaviateCollection, P: Projection<C>>(
    collection: &str,
    result: pb::SearchResult,
) -> Result<Hit<P>> {
    let metadata = result.metadata.as_ref().map(Metadata::from_proto).unwrap_or_default();
    let generated = generated_text(result.generative.as_ref());
    Ok(Hit { object: decode::<C, P>(collection, result)?, metadata, generated })
}

/// Search results as [`Hit`]s.
pub(crate) fn decode_hits<C: WeaviateCollection, P: Projection<C>>(
    collection: &str,
    results: Vec<pb::SearchResult>,
) -> Result<Vec<Hit<P>>> {
    results.into_iter().map(|result| decode_hit::<C, P>(collection, result)).collect()
}

/// The first generated text of a generative result.
pub(crate) fn generated_text(result: Option<&pb::GenerativeResult>) -> Option<String> {
    result.and_then(|r| r.values.first()).map(|reply| reply.result.clone())
}

/// One search result as an [`Object<T>`].
pub(crate) fn decode<C: WeaviateCollection, P: Projection<C>>(
    collection: &str,
    result: pb::SearchResult,
) -> Result<Object<P>> {
    let unexpected = |message: String| Error::UnexpectedResponse { operation: "Search".into(), message };
    let id = object_id(result.metadata.as_ref()).map_err(unexpected)?;
    let bag = properties_of(result.properties.unwrap_or_default(), P::property_names())
        .map_err(|e| unexpected(format!("object {id}: {e}")))?;
    let vectors = vectors(result.metadata.as_ref()).map_err(|e| unexpected(format!("object {id}: {e}")))?;
    let properties = P::from_properties(id, bag.with_vectors(vectors)).map_err(|source| Error::Decode {
        collection: collection.to_owned(),
        object_id: id,
        source,
    })?;
    Ok(Object { id, properties })
}

/// The bytes of a `Search` reply decoded into `C`s, as [`Query::fetch`](crate::query::Query::fetch)
/// decodes them (from a buffer whose slices are shared, not copied, as tonic's is).
pub(crate) fn decode_reply<C: WeaviateCollection>(bytes: prost::bytes::Bytes) -> Result<Vec<C>> {
    let reply = <pb::SearchReply as prost::Message>::decode(bytes)
        .map_err(|e| Error::UnexpectedResponse { operation: "Search".into(), message: e.to_string() })?;
    reply.results.into_iter().map(|result| decode::<C, C>(C::NAME, result).map(|object| object.properties)).collect()
}
