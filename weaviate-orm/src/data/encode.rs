//! One typed object in the two wire forms: a gRPC batch message and a REST
//! JSON body.

use serde_json::{Map, Value, json};
use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use crate::collection::Collection;
use crate::model::WeaviateCollection;
use crate::value::json::object;
use crate::value::wire::WriteProperties;
use crate::vector::{Vector, put_vector, vector_label};
use crate::{Error, Result};

impl<T: WeaviateCollection> Collection<T> {
    /// The object as a batch message: its properties and vectors. Fails,
    /// before anything is sent, on an invalid collection or tenant name and
    /// on values the server would not store as given.
    pub(crate) fn encode(&self, object: &T, id: Uuid) -> Result<pb::BatchObject> {
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

/// `object` as a batch message for `collection` (and `tenant`, empty for none).
pub(crate) fn batch_object<T: WeaviateCollection>(
    object: &T,
    id: Uuid,
    collection: &str,
    tenant: &str,
) -> Result<pb::BatchObject> {
    let values = object.to_properties();
    let properties = WriteProperties::from_values(values.iter().map(|(k, v)| (*k, v))).map_err(Error::invalid_value)?;
    let mut message = pb::BatchObject {
        uuid: id.to_string(),
        properties: Some(properties.into_batch()),
        collection: collection.to_owned(),
        tenant: tenant.to_owned(),
        ..Default::default()
    };
    for (name, vector) in object.vectors() {
        put_vector(&mut message, name, &vector)
            .map_err(|source| Error::InvalidValue { property: vector_label(name), source })?;
    }
    Ok(message)
}
