//! The parts of a search result's object: its id, its vectors, its
//! properties (references and their resolved targets included), decoded
//! from the wire into values, or the reason they cannot be.

use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use crate::value::{Beacon, PropertyBag, ResolvedObject};
use crate::vector::{Vector, from_f32_bytes};

/// The object's id.
pub(crate) fn object_id(metadata: Option<&pb::MetadataResult>) -> std::result::Result<Uuid, String> {
    let id = metadata.map(|m| m.id.as_str()).unwrap_or_default();
    Uuid::parse_str(id).map_err(|e| format!("object id {id:?}: {e}"))
}

/// The vectors returned with an object: the default one under `""`.
pub(crate) fn vectors(metadata: Option<&pb::MetadataResult>) -> std::result::Result<Vec<(String, Vector)>, String> {
    let Some(metadata) = metadata.filter(|m| !m.vector_bytes.is_empty() || !m.vectors.is_empty()) else {
        return Ok(Vec::new());
    };
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

/// An object's properties: the plain ones (those in `names` at their
/// positions, for the reader that asks for them), then its references
/// (with their targets' properties when the query resolved them).
pub(crate) fn properties_of(
    properties: pb::PropertiesResult,
    names: &'static [&'static str],
) -> std::result::Result<PropertyBag, String> {
    let mut bag = PropertyBag::from_wire(names, &properties.non_ref_props).map_err(|e| e.to_string())?;
    for reference in properties.ref_props {
        let (name, beacons, resolved) = references(reference)?;
        bag.add_reference(name, beacons, resolved);
    }
    Ok(bag)
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
        if !target.non_ref_props.is_empty() || !target.ref_props.is_empty() {
            let properties =
                properties_of(target, &[]).map_err(|e| format!("reference `{}`: {e}", result.prop_name))?;
            resolved.push(ResolvedObject { beacon: beacon.clone(), properties });
        }
        beacons.push(beacon);
    }
    Ok((result.prop_name, beacons, resolved))
}
