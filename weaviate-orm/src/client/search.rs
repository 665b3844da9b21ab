//! A search with every target of its multi-target references: the server
//! resolves one target collection per reference property and request, so
//! the others are read in follow-up requests by the ids of the results.

use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use super::Transports;
use crate::Result;
use crate::reply::uuid_text;
use crate::vocabulary::Filter;
use crate::vocabulary::ast::{Operator, Target, Value};

impl Transports {
    /// Runs `request`, then adds to its results (grouped ones included)
    /// the references of each of `more_targets`, asked for by id in the
    /// same collection, tenant and consistency level.
    pub(crate) async fn search_with_targets(
        &self,
        request: pb::SearchRequest,
        more_targets: Vec<pb::RefPropertiesRequest>,
    ) -> Result<pb::SearchReply> {
        let scope = Scope {
            collection: request.collection.clone(),
            tenant: request.tenant.clone(),
            consistency_level: request.consistency_level,
        };
        let mut reply = self.grpc.search(request, self.timeouts.query).await?;
        for target in more_targets {
            for group in &mut reply.group_by_results {
                self.add_references(&scope, &mut group.objects, target.clone()).await?;
            }
            self.add_references(&scope, &mut reply.results, target).await?;
        }
        Ok(reply)
    }

    async fn add_references(
        &self,
        scope: &Scope,
        results: &mut [pb::SearchResult],
        target: pb::RefPropertiesRequest,
    ) -> Result<()> {
        let ids = results
            .iter()
            .map(|r| uuid_text("Search", r.metadata.as_ref().map_or("", |m| m.id.as_str())))
            .collect::<Result<Vec<Uuid>>>()?;
        if ids.is_empty() {
            return Ok(());
        }
        let values = ids.iter().map(Uuid::to_string).collect();
        let by_ids = Filter::<()>::leaf(Target::Property("_id"), Operator::ContainsAny, Value::TextArray(values));
        let message = pb::SearchRequest {
            collection: scope.collection.clone(),
            limit: u32::try_from(ids.len()).unwrap_or(u32::MAX),
            filters: Some(by_ids.to_proto()?),
            properties: Some(pb::PropertiesRequest { ref_properties: vec![target], ..Default::default() }),
            metadata: Some(pb::MetadataRequest { uuid: true, ..Default::default() }),
            uses_127_api: true,
            tenant: scope.tenant.clone(),
            consistency_level: scope.consistency_level,
            ..Default::default()
        };
        for extra in self.grpc.search(message, self.timeouts.query).await?.results {
            let id = extra.metadata.as_ref().map(|m| m.id.as_str());
            let Some(result) = results.iter_mut().find(|r| r.metadata.as_ref().map(|m| m.id.as_str()) == id) else {
                continue;
            };
            let refs = extra.properties.map(|p| p.ref_props).unwrap_or_default();
            result.properties.get_or_insert_default().ref_props.extend(refs);
        }
        Ok(())
    }
}

/// Where the first request searched.
struct Scope {
    collection: String,
    tenant: String,
    consistency_level: Option<i32>,
}
