//! Counting a collection's objects, over its tenants when it has them.

use super::tenancy;
use crate::client::WeaviateClient;
use crate::{Result, names};

/// The objects of `collection` (of its active tenants, when it has tenants).
pub(crate) async fn count(client: &WeaviateClient, collection: &str) -> Result<u64> {
    let class = client.collections().config_json(collection).await?;
    if !tenancy::is_multi_tenant(&class) {
        return count_in(client, collection, "").await;
    }
    let mut total = 0;
    for tenant in tenancy::list(client, collection).await?.iter().filter(|t| t.is_active()) {
        total += count_in(client, collection, &tenant.name).await?;
    }
    Ok(total)
}

async fn count_in(client: &WeaviateClient, collection: &str, tenant: &str) -> Result<u64> {
    let t = client.transports()?;
    let message = weaviate_orm_proto::v1::AggregateRequest {
        collection: names::collection(collection)?.to_owned(),
        tenant: tenant.to_owned(),
        objects_count: true,
        ..Default::default()
    };
    let reply = t.grpc.aggregate(message, t.timeouts.query).await?;
    match reply.result {
        Some(weaviate_orm_proto::v1::aggregate_reply::Result::SingleResult(single)) => {
            crate::reply::count("Aggregate", "object count", single.objects_count)
        }
        _ => Err(crate::reply::unexpected("Aggregate", "a count without a single result")),
    }
}
