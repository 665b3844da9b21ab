//! Which properties a search asks for, from a collection's config: every
//! property by name (blobs and nested properties included, which the server
//! leaves out unless named), and the ids behind every reference.

use weaviate_orm_proto::v1 as pb;

use crate::schema::{CollectionConfig, DataType, PropertyConfig};

/// Every property of `config`, references as the ids of their targets.
pub(crate) fn all_properties(config: &CollectionConfig) -> pb::PropertiesRequest {
    let mut request = pb::PropertiesRequest::default();
    for property in &config.properties {
        match &property.data_type {
            DataType::Reference(targets) => request.ref_properties.extend(reference_ids(&property.name, targets)),
            DataType::Object(nested) | DataType::ObjectArray(nested) => {
                request.object_properties.push(object_request(&property.name, nested));
            }
            _ => request.non_ref_properties.push(property.name.clone()),
        }
    }
    request
}

/// The ids a reference points to: one request per target collection of a
/// multi-target reference, so each id comes back with its collection.
fn reference_ids(name: &str, targets: &[String]) -> Vec<pb::RefPropertiesRequest> {
    let request = |target_collection: String| pb::RefPropertiesRequest {
        reference_property: name.to_owned(),
        properties: Some(pb::PropertiesRequest::default()),
        metadata: Some(pb::MetadataRequest { uuid: true, ..Default::default() }),
        target_collection,
    };
    match targets {
        [_single] => vec![request(String::new())],
        many => many.iter().cloned().map(request).collect(),
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
