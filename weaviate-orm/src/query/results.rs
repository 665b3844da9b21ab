//! Search results decoded into typed objects, straight from the gRPC messages.

use chrono::{DateTime, Utc};
use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use crate::model::Object;
use crate::model::WeaviateCollection;
use crate::value::Beacon;
use crate::value::PropertyBag;
use crate::value::wire::object_fields;
use crate::value::{PropertyValue, ResolvedObject};
use crate::vector::{Vector, from_f32_bytes};
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
    let fields =
        fields_of(result.properties.unwrap_or_default()).map_err(|e| unexpected(format!("object {id}: {e}")))?;
    let vectors = vectors(result.metadata.as_ref()).map_err(|e| unexpected(format!("object {id}: {e}")))?;
    let properties = P::from_properties(id, PropertyBag::new(fields).with_vectors(vectors))
        .map_err(|source| Error::Decode { collection: collection.to_owned(), object_id: id, source })?;
    Ok(Object { id, properties })
}

fn object_id(metadata: Option<&pb::MetadataResult>) -> std::result::Result<Uuid, String> {
    let id = metadata.map(|m| m.id.as_str()).unwrap_or_default();
    Uuid::parse_str(id).map_err(|e| format!("object id {id:?}: {e}"))
}

/// The vectors returned with an object: the default one under `""`.
fn vectors(metadata: Option<&pb::MetadataResult>) -> std::result::Result<Vec<(String, Vector)>, String> {
    let Some(metadata) = metadata else { return Ok(Vec::new()) };
    let mut out = Vec::with_capacity(metadata.vectors.len() + 1);
    if !metadata.vector_bytes.is_empty() {
        out.push((String::new(), Vector::Single(from_f32_bytes(&metadata.vector_bytes).map_err(|e| e.to_string())?)));
    }
    for vector in &metadata.vectors {
        let value = Vector::from_proto(vector).map_err(|e| format!("vector `{}`: {e}", vector.name))?;
        out.push((vector.name.clone(), value));
    }
    Ok(out)
}

/// An object's properties: the plain ones, then its references (with
/// their targets' properties when the query resolved them).
fn fields_of(properties: pb::PropertiesResult) -> std::result::Result<Vec<(String, PropertyValue)>, String> {
    let mut fields = object_fields(properties.non_ref_props.unwrap_or_default()).map_err(|e| e.to_string())?;
    for reference in properties.ref_props {
        let (name, mut beacons, mut resolved) = references(reference)?;
        // A multi-target reference comes back once per target collection.
        match fields.iter_mut().find(|(n, _)| *n == name) {
            Some((_, PropertyValue::Reference { beacons: earlier, resolved: earlier_resolved, .. })) => {
                earlier.append(&mut beacons);
                earlier_resolved.append(&mut resolved);
            }
            _ => fields.push((name, PropertyValue::Reference { beacons, multi_target: false, resolved })),
        }
    }
    Ok(fields)
}

/// A reference property's name, targets, and the targets read with their properties.
fn references(
    result: pb::RefPropertiesResult,
) -> std::result::Result<(String, Vec<Beacon>, Vec<ResolvedObject>), String> {
    let mut beacons = Vec::with_capacity(result.properties.len());
    let mut resolved = Vec::new();
    for target in result.properties {
        let id = object_id(target.metadata.as_ref()).map_err(|e| format!("reference `{}`: {e}", result.prop_name))?;
        let beacon = Beacon { collection: target.target_collection.clone(), id };
        if target.non_ref_props.as_ref().is_some_and(|p| !p.fields.is_empty()) || !target.ref_props.is_empty() {
            let properties = fields_of(target).map_err(|e| format!("reference `{}`: {e}", result.prop_name))?;
            resolved.push(ResolvedObject { beacon: beacon.clone(), properties: PropertyBag::new(properties) });
        }
        beacons.push(beacon);
    }
    Ok((result.prop_name, beacons, resolved))
}
