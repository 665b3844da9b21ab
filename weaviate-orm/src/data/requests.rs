//! The two unary batch RPCs, shared by single writes and batch imports.

use weaviate_orm_proto::v1 as pb;

use crate::Result;
use crate::client::WeaviateClient;
use crate::client::encoded::{Encoded, EncodedObject};
use crate::reply::positions;

/// Sends objects (encoded once, whatever the resends) in one
/// `BatchObjects` request; returns the failed ones as (position in
/// `objects`, reason).
pub(crate) async fn batch_objects(
    client: &WeaviateClient,
    objects: &[EncodedObject],
    consistency_level: Option<i32>,
) -> Result<Vec<(usize, String)>> {
    if objects.is_empty() {
        return Ok(Vec::new());
    }
    let t = client.transports()?;
    let request = Encoded::batch_objects(objects, consistency_level);
    let reply = t.grpc.batch_encoded_objects(request, t.timeouts.insert).await?;
    positions("BatchObjects", objects.len(), reply.errors)
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
