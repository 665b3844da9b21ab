//! One typed object in the two wire forms: a gRPC batch message and a REST
//! JSON body.

use prost::Message;
use serde_json::{Map, Value, json};
use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use crate::client::encoded::EncodedObject;
use crate::collection::Collection;
use crate::model::WeaviateCollection;
use crate::value::PropertyWriter;
use crate::value::json::object;
use crate::value::writer::length_delimited;
use crate::vector::{Vector, put_vector, vector_label};
use crate::{Error, Result};

impl<T: WeaviateCollection> Collection<T> {
    /// The object as a batch message: its properties and vectors. Fails,
    /// before anything is sent, on an invalid collection or tenant name and
    /// on values the server would not store as given.
    pub(crate) fn encode(&self, object: &T, id: Uuid) -> Result<EncodedObject> {
        self.check_names()?;
        batch_object(object, id, self.name(), self.tenant().unwrap_or_default())
    }

    /// The object as the REST body of `PUT /v1/objects/{collection}/{id}`.
    pub(crate) fn rest_body(&self, object: &T, id: Uuid) -> Result<Value> {
        let mut body = Map::new();
        body.insert("class".into(), json!(self.name()));
        body.insert("id".into(), json!(id));
        body.insert("properties".into(), self::object(&object.to_properties()).map_err(Error::invalid_value)?);
        if let Some(tenant) = self.tenant() {
            body.insert("tenant".into(), json!(tenant));
        }
        let mut named = Map::new();
        for (name, vector) in object.vectors() {
            vector.check_finite().map_err(|source| Error::InvalidValue { property: vector_label(name), source })?;
            let values = match vector {
                Vector::Single(values) => json!(values),
                Vector::Multi(values) => json!(values),
            };
            if name.is_empty() {
                body.insert("vector".into(), values);
            } else {
                named.insert(name.to_owned(), values);
            }
        }
        if !named.is_empty() {
            body.insert("vectors".into(), Value::Object(named));
        }
        Ok(Value::Object(body))
    }
}

/// `object` encoded as a batch message for `collection` (and `tenant`,
/// empty for none): its properties written straight from the struct.
pub(crate) fn batch_object<T: WeaviateCollection>(
    object: &T,
    id: Uuid,
    collection: &str,
    tenant: &str,
) -> Result<EncodedObject> {
    let mut writer = PropertyWriter::default();
    object.write_properties(&mut writer).map_err(Error::invalid_value)?;
    let properties = writer.finish();
    // The vectors in a message of their own; the other fields join its encoding.
    let mut vectors = pb::BatchObject::default();
    for (name, vector) in object.vectors() {
        put_vector(&mut vectors, name, &vector)
            .map_err(|source| Error::InvalidValue { property: vector_label(name), source })?;
    }
    let mut out = Vec::with_capacity(vectors.encoded_len() + properties.len() + collection.len() + tenant.len() + 64);
    vectors.encode_raw(&mut out);
    let mut text = [0u8; uuid::fmt::Hyphenated::LENGTH];
    length_delimited(UUID, id.hyphenated().encode_lower(&mut text).as_bytes(), &mut out);
    length_delimited(PROPERTIES, &properties, &mut out);
    length_delimited(COLLECTION, collection.as_bytes(), &mut out);
    if !tenant.is_empty() {
        length_delimited(TENANT, tenant.as_bytes(), &mut out);
    }
    Ok(EncodedObject::from_bytes(out))
}

/// `BatchObject`'s fields this file writes.
const UUID: u32 = 1;
const PROPERTIES: u32 = 3;
const COLLECTION: u32 = 4;
const TENANT: u32 = 5;
