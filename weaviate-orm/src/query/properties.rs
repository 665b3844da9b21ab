//! Which properties a search asks for, from a collection's config: every
//! property by name (blobs and nested properties included, which the server
//! leaves out unless named), and the ids behind every reference; with a
//! resolve depth, the targets' own properties too, level by level, for
//! targets that are derived models of this program.
//!
//! The server resolves one target collection per reference property and
//! request, so the other targets of multi-target references are asked for
//! in follow-up requests ([`other_reference_targets`]).

use weaviate_orm_proto::v1 as pb;

use crate::model::registered_config;
use crate::schema::{CollectionConfig, DataType, PropertyConfig};

/// Every property of `config`, references as the ids of their targets
/// (and their properties, `depth` levels deep).
pub(crate) fn all_properties(config: &CollectionConfig, depth: u8) -> pb::PropertiesRequest {
    let mut request = pb::PropertiesRequest::default();
    for property in &config.properties {
        match &property.data_type {
            DataType::Reference(targets) => {
                let first =
                    if targets.len() > 1 { targets.first().cloned().unwrap_or_default() } else { String::new() };
                let resolved = targets.first().filter(|_| depth > 0);
                request.ref_properties.push(reference_request(&property.name, first, resolved, depth));
            }
            DataType::Object(nested) | DataType::ObjectArray(nested) => {
                request.object_properties.push(object_request(&property.name, nested));
            }
            _ => request.non_ref_properties.push(property.name.clone()),
        }
    }
    request
}

/// The targets of multi-target references that [`all_properties`] leaves
/// out: every target but the first, one request each.
pub(crate) fn other_reference_targets(config: &CollectionConfig, depth: u8) -> Vec<pb::RefPropertiesRequest> {
    let mut requests = Vec::new();
    for property in &config.properties {
        if let DataType::Reference(targets) = &property.data_type
            && targets.len() > 1
        {
            for target in targets.iter().skip(1) {
                let resolved = (depth > 0).then_some(target);
                requests.push(reference_request(&property.name, target.clone(), resolved, depth));
            }
        }
    }
    requests
}

/// The ids a reference points to, in `target_collection` (empty for a
/// single-target reference), and the properties of the targets in
/// `resolved` when it is a registered model.
fn reference_request(
    name: &str,
    target_collection: String,
    resolved: Option<&String>,
    depth: u8,
) -> pb::RefPropertiesRequest {
    let properties = resolved
        .and_then(|target| registered_config(target))
        .map_or_else(pb::PropertiesRequest::default, |config| all_properties(&config, depth.saturating_sub(1)));
    pb::RefPropertiesRequest {
        reference_property: name.to_owned(),
        properties: Some(properties),
        metadata: Some(pb::MetadataRequest { uuid: true, ..Default::default() }),
        target_collection,
    }
}

fn object_request(name: &str, nested: &[PropertyConfig]) -> pb::ObjectPropertiesRequest {
    let mut request = pb::ObjectPropertiesRequest { prop_name: name.to_owned(), ..Default::default() };
    for property in nested {
        match property.data_type.nested_properties() {
            Some(inner) => request.object_properties.push(object_request(&property.name, inner)),
            None => request.primitive_properties.push(property.name.clone()),
        }
    }
    request
}
