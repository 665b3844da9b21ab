//! Search results decoded into typed objects, straight from the gRPC messages.

use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use crate::collection::{PropertyBag, WeaviateCollection};
use crate::data::Object;
use crate::query::projection::Projection;
use crate::reference::Beacon;
use crate::value::PropertyValue;
use crate::value::wire::object_fields;
use crate::vector::{Vector, from_f32_bytes};
use crate::{Error, Result};

/// One search result as an [`Object<T>`].
pub(crate) fn decode<C: WeaviateCollection, P: Projection<C>>(
    collection: &str,
    result: pb::SearchResult,
) -> Result<Object<P>> {
    let unexpected = |message: String| Error::UnexpectedResponse { operation: "Search".into(), message };
    let id = object_id(result.metadata.as_ref()).map_err(unexpected)?;
    let properties = result.properties.unwrap_or_default();
    let mut fields = object_fields(properties.non_ref_props.unwrap_or_default())
        .map_err(|e| unexpected(format!("object {id}: {e}")))?;
    for reference in properties.ref_props {
        let (name, mut beacons) = references(reference).map_err(|e| unexpected(format!("object {id}: {e}")))?;
        // A multi-target reference comes back once per target collection.
        match fields.iter_mut().find(|(n, _)| *n == name) {
            Some((_, PropertyValue::Reference { beacons: earlier, .. })) => earlier.append(&mut beacons),
            _ => fields.push((name, PropertyValue::Reference { beacons, multi_target: false })),
        }
    }
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

/// A reference property's name and targets.
fn references(result: pb::RefPropertiesResult) -> std::result::Result<(String, Vec<Beacon>), String> {
    let mut beacons = Vec::with_capacity(result.properties.len());
    for target in result.properties {
        let id = object_id(target.metadata.as_ref()).map_err(|e| format!("reference `{}`: {e}", result.prop_name))?;
        beacons.push(Beacon { collection: target.target_collection, id });
    }
    Ok((result.prop_name, beacons))
}
