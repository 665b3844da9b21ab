//! The two unary batch RPCs, shared by single writes and batch imports.

use weaviate_orm_proto::v1 as pb;

use crate::Result;
use crate::client::WeaviateClient;
use crate::reply::positions;

/// Sends objects in one `BatchObjects` request; returns the failed ones as
/// (position in `objects`, reason).
pub(crate) async fn batch_objects(
    client: &WeaviateClient,
    objects: Vec<pb::BatchObject>,
    consistency_level: Option<i32>,
) -> Result<Vec<(usize, String)>> {
    if objects.is_empty() {
        return Ok(Vec::new());
    }
    let t = client.transports()?;
    let count = objects.len();
    let message = pb::BatchObjectsRequest { objects, consistency_level };
    let timeout = t.timeouts.insert;
    let reply = t.grpc.batch_objects(message, timeout).await?;
    positions("BatchObjects", count, reply.errors)
}

/// Sends references in one `BatchReferences` request; returns the failed
/// ones as (position in `references`, reason).
pub(crate) async fn batch_references(
    client: &WeaviateClient,
    references: Vec<pb::BatchReference>,
    consistency_level: Option<i32>,
) -> Result<Vec<(usize, String)>> {
    if references.is_empty() {
        return Ok(Vec::new());
    }
    let t = client.transports()?;
    let count = references.len();
    let message = pb::BatchReferencesRequest { references, consistency_level };
    let timeout = t.timeouts.insert;
    let reply = t.grpc.batch_references(message, timeout).await?;
    positions("BatchReferences", count, reply.errors)
}
