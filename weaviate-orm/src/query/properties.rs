//! Which properties a search asks for, from a collection's config: every
//! property by name (blobs and nested properties included, which the server
//! leaves out unless named), and the ids behind every reference.
//!
//! The server resolves one target collection per reference property and
//! request, so the other targets of multi-target references are asked for
//! in follow-up requests ([`other_reference_targets`]).

use weaviate_orm_proto::v1 as pb;

use crate::schema::{CollectionConfig, DataType, PropertyConfig};

/// Every property of `config`, references as the ids of their targets.
pub(crate) fn all_properties(config: &CollectionConfig) -> pb::PropertiesRequest {
    let mut request = pb::PropertiesRequest::default();
    for property in &config.properties {
        match &property.data_type {
            DataType::Reference(targets) => {
                let first =
                    if targets.len() > 1 { targets.first().cloned().unwrap_or_default() } else { String::new() };
                request.ref_properties.push(reference_ids(&property.name, first));
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
pub(crate) fn other_reference_targets(config: &CollectionConfig) -> Vec<pb::RefPropertiesRequest> {
    let mut requests = Vec::new();
    for property in &config.properties {
        if let DataType::Reference(targets) = &property.data_type
            && targets.len() > 1
        {
            requests.extend(targets.iter().skip(1).map(|t| reference_ids(&property.name, t.clone())));
        }
    }
    requests
}

/// The ids a reference points to, in `target_collection` (empty for a
/// single-target reference).
fn reference_ids(name: &str, target_collection: String) -> pb::RefPropertiesRequest {
    pb::RefPropertiesRequest {
        reference_property: name.to_owned(),
        properties: Some(pb::PropertiesRequest::default()),
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
