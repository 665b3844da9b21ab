//! Objects as they are stored, whatever the model: read page by page with
//! every property, reference and vector, and written back as they are.

use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use crate::client::WeaviateClient;
use crate::reply::object::{object_id, properties_of, vectors};
use crate::reply::{positions, unexpected};
use crate::value::PropertyValue;
use crate::value::wire::WriteProperties;
use crate::vector::{Vector, put_vector, vector_label};
use crate::{Error, Result};

/// One stored object.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RawObject {
    pub(super) id: Uuid,
    pub(super) properties: Vec<(String, PropertyValue)>,
    pub(super) vectors: Vec<(String, Vector)>,
    /// The server's last update time (ms since the epoch).
    pub(super) updated: i64,
}

/// What to read of each object of a collection.
#[derive(Debug, Clone)]
pub(super) struct Shape {
    /// Its properties and vectors; without, only its id and update time.
    pub(super) everything: bool,
    /// Its reference properties with their target collections (the server
    /// returns them only when asked, a multi-target one once per target).
    pub(super) references: Vec<(String, Vec<String>)>,
    /// Its named vectors; empty for the default vector.
    pub(super) vectors: Vec<String>,
}

impl Shape {
    /// Only each object's id and update time.
    pub(super) fn ids() -> Self {
        Self { everything: false, references: Vec::new(), vectors: Vec::new() }
    }
}

/// The page of objects after `after` (in id order), at most `limit`.
pub(super) async fn page(
    client: &WeaviateClient,
    collection: &str,
    tenant: &str,
    shape: &Shape,
    after: Option<Uuid>,
    limit: u32,
) -> Result<Vec<RawObject>> {
    // A multi-target reference is read one named target at a time.
    let (mut references, mut more_targets) = (Vec::new(), Vec::new());
    for (name, targets) in &shape.references {
        let request = |target: &str| pb::RefPropertiesRequest {
            reference_property: name.clone(),
            metadata: Some(pb::MetadataRequest { uuid: true, ..Default::default() }),
            target_collection: target.to_owned(),
            ..Default::default()
        };
        match targets.as_slice() {
            [first, others @ ..] if !others.is_empty() => {
                references.push(request(first));
                more_targets.extend(others.iter().map(|target| request(target)));
            }
            _ => references.push(request("")),
        }
    }
    let request = pb::SearchRequest {
        collection: collection.to_owned(),
        tenant: tenant.to_owned(),
        limit,
        after: after.map(|id| id.to_string()).unwrap_or_default(),
        properties: Some(pb::PropertiesRequest {
            return_all_nonref_properties: shape.everything,
            ref_properties: references,
            ..Default::default()
        }),
        metadata: Some(pb::MetadataRequest {
            uuid: true,
            vector: shape.everything && shape.vectors.is_empty(),
            vectors: shape.vectors.clone(),
            last_update_time_unix: true,
            ..Default::default()
        }),
        uses_127_api: true,
        ..Default::default()
    };
    let t = client.transports()?;
    let reply = t.search_with_targets(request, more_targets).await?;
    let operation = format!("reading {collection}");
    reply
        .results
        .into_iter()
        .map(|result| {
            let id = object_id(result.metadata.as_ref()).map_err(|e| unexpected(&operation, e))?;
            let vectors =
                vectors(result.metadata.as_ref()).map_err(|e| unexpected(&operation, format!("{id}: {e}")))?;
            let updated = result.metadata.as_ref().map_or(0, |m| m.last_update_time_unix);
            let properties = properties_of(result.properties.unwrap_or_default(), &[])
                .map_err(|e| unexpected(&operation, format!("{id}: {e}")))?
                .into_properties();
            Ok(RawObject { id, properties, vectors, updated })
        })
        .collect()
}

/// Writes `objects` into `collection` as they are; the ones the server
/// refused, with its reason.
pub(super) async fn write(
    client: &WeaviateClient,
    collection: &str,
    tenant: &str,
    objects: &[RawObject],
) -> Result<Vec<(Uuid, String)>> {
    if objects.is_empty() {
        return Ok(Vec::new());
    }
    let mut messages = Vec::with_capacity(objects.len());
    for object in objects {
        let values = object.properties.iter().map(|(name, value)| (name.as_str(), value));
        let properties = WriteProperties::from_values(values).map_err(Error::invalid_value)?;
        let mut message = pb::BatchObject {
            uuid: object.id.to_string(),
            properties: Some(properties.into_batch()),
            collection: collection.to_owned(),
            tenant: tenant.to_owned(),
            ..Default::default()
        };
        for (name, vector) in &object.vectors {
            put_vector(&mut message, name, vector)
                .map_err(|source| Error::InvalidValue { property: vector_label(name), source })?;
        }
        messages.push(message);
    }
    let t = client.transports()?;
    let count = messages.len();
    let reply = t
        .grpc
        .batch_objects(pb::BatchObjectsRequest { objects: messages, consistency_level: None }, t.timeouts.insert)
        .await?;
    Ok(positions("BatchObjects", count, reply.errors)?
        .into_iter()
        .map(|(position, reason)| (objects[position].id, reason))
        .collect())
}
