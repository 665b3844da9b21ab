//! Typed objects of one collection: a minimal insert and fetch, enough to
//! check every data type against the server.

use std::marker::PhantomData;

use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use crate::client::WeaviateClient;
use crate::client::grpc::request;
use crate::collection::{PropertyBag, WeaviateCollection};
use crate::schema::{CollectionConfig, DataType, PropertyConfig};
use crate::value::wire::{WriteProperties, object_fields};
use crate::{Error, Result};

/// The objects of collection `T`; get it with [`WeaviateClient::collection`].
#[derive(Debug, Clone)]
pub struct Collection<T> {
    client: WeaviateClient,
    name: String,
    marker: PhantomData<fn() -> T>,
}

/// A typed object with its id.
#[derive(Debug, Clone, PartialEq)]
pub struct Object<T> {
    /// The object's id.
    pub id: Uuid,
    /// Its properties.
    pub properties: T,
}

/// What `insert_many` did with each object.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InsertManyReport {
    /// The id of every object, by input position.
    pub ids: Vec<Uuid>,
    /// The objects that failed: input position and the reason.
    pub errors: Vec<(usize, String)>,
}

impl WeaviateClient {
    /// The objects of the collection `T`.
    pub fn collection<T: WeaviateCollection>(&self) -> Collection<T> {
        self.collection_named(T::NAME)
    }

    /// The objects of type `T` stored in the collection `name` (one type
    /// can describe several collections, e.g. versioned ones).
    pub fn collection_named<T: WeaviateCollection>(&self, name: impl Into<String>) -> Collection<T> {
        Collection { client: self.clone(), name: name.into(), marker: PhantomData }
    }
}

impl<T: WeaviateCollection> Collection<T> {
    /// The collection's name on the server.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Inserts the objects in one gRPC request. Objects the client cannot
    /// encode and objects the server rejects are reported by position; the
    /// others are stored.
    pub async fn insert_many(&self, objects: &[T]) -> Result<InsertManyReport> {
        let t = self.client.transports()?;
        let mut report = InsertManyReport::default();
        let mut batch = Vec::with_capacity(objects.len());
        let mut positions = Vec::with_capacity(objects.len());
        for (index, object) in objects.iter().enumerate() {
            let id = object.object_id().unwrap_or_else(Uuid::new_v4);
            report.ids.push(id);
            let values = object.to_properties();
            match WriteProperties::from_values(values.iter().map(|(k, v)| (*k, v))) {
                Ok(properties) => {
                    positions.push(index);
                    batch.push(pb::BatchObject {
                        uuid: id.to_string(),
                        properties: Some(properties.into_batch()),
                        collection: self.name.clone(),
                        ..Default::default()
                    });
                }
                Err(error) => report.errors.push((index, error.to_string())),
            }
        }
        if !batch.is_empty() {
            let message = pb::BatchObjectsRequest { objects: batch, consistency_level: None };
            let timeout = t.timeouts.insert;
            let reply = t
                .grpc
                .call("BatchObjects", timeout, t.grpc.weaviate().batch_objects(request(message, timeout)))
                .await?;
            for error in reply.errors {
                let position = usize::try_from(error.index).ok().and_then(|i| positions.get(i).copied());
                match position {
                    Some(index) => report.errors.push((index, error.error)),
                    None => {
                        return Err(Error::UnexpectedResponse {
                            operation: "BatchObjects".into(),
                            message: format!("error for unknown index {}: {}", error.index, error.error),
                        });
                    }
                }
            }
            report.errors.sort_by_key(|(index, _)| *index);
        }
        Ok(report)
    }

    /// Up to `limit` objects with every property, in id order.
    pub async fn fetch_objects(&self, limit: u32) -> Result<Vec<Object<T>>> {
        let t = self.client.transports()?;
        let message = pb::SearchRequest {
            collection: self.name.clone(),
            limit,
            properties: Some(properties_request(&T::config())),
            metadata: Some(pb::MetadataRequest { uuid: true, ..Default::default() }),
            uses_127_api: true,
            ..Default::default()
        };
        let timeout = t.timeouts.query;
        let reply = t.grpc.call("Search", timeout, t.grpc.weaviate().search(request(message, timeout))).await?;
        reply.results.into_iter().map(|result| decode::<T>(&self.name, result)).collect()
    }
}

fn decode<T: WeaviateCollection>(collection: &str, result: pb::SearchResult) -> Result<Object<T>> {
    let unexpected = |message: String| Error::UnexpectedResponse { operation: "Search".into(), message };
    let id_text = result.metadata.map(|m| m.id).unwrap_or_default();
    let id = Uuid::parse_str(&id_text).map_err(|e| unexpected(format!("object id {id_text:?}: {e}")))?;
    let properties = result.properties.and_then(|p| p.non_ref_props).unwrap_or_default();
    let fields = object_fields(properties).map_err(|e| unexpected(format!("object {id}: {e}")))?;
    let properties = T::from_properties(id, PropertyBag::new(fields)).map_err(|source| Error::Decode {
        collection: collection.to_owned(),
        object_id: id,
        source,
    })?;
    Ok(Object { id, properties })
}

/// Asks for every non-reference property by name, blobs and nested
/// properties included (the server leaves blobs out unless named).
fn properties_request(config: &CollectionConfig) -> pb::PropertiesRequest {
    let mut request = pb::PropertiesRequest::default();
    for property in &config.properties {
        match &property.data_type {
            DataType::Reference(_) => {}
            DataType::Object(nested) | DataType::ObjectArray(nested) => {
                request.object_properties.push(object_request(&property.name, nested));
            }
            _ => request.non_ref_properties.push(property.name.clone()),
        }
    }
    request
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
