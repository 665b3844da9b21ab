//! [`QueryState`]: everything a [`Query`](super::Query) says, as domain
//! values, and its one conversion into a `SearchRequest`.

use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use crate::Result;
use crate::vocabulary::ranking::Ranking;
use crate::vocabulary::{Filter, Generate, Sort};

/// What a query asks for. The builder's methods only record; the request is
/// built in [`to_proto`](Self::to_proto), so the order of the calls does
/// not matter. Collection types are erased: the compiler checked them when
/// the filters and sorts were made.
#[derive(Debug, Clone, Default)]
pub(super) struct QueryState {
    pub(super) filter: Option<Filter<()>>,
    pub(super) sort: Vec<Sort<()>>,
    pub(super) limit: u32,
    pub(super) offset: u32,
    pub(super) after: Option<Uuid>,
    pub(super) ranking: Ranking,
    pub(super) autocut: u32,
    pub(super) group_by: Option<GroupBy>,
    pub(super) generate: Option<Generate<()>>,
    pub(super) rerank: Option<Rerank>,
    pub(super) resolve_depth: u8,
}

/// Groups of a vector search's results by a property's value.
#[derive(Debug, Clone)]
pub(super) struct GroupBy {
    pub(super) property: &'static str,
    pub(super) groups: u32,
    pub(super) per_group: u32,
}

/// Reordering the results with the collection's reranker.
#[derive(Debug, Clone)]
pub(super) struct Rerank {
    pub(super) property: &'static str,
    pub(super) query: Option<String>,
}

/// Where a request goes, and what it reads besides the state's choices.
pub(super) struct Scope<'a> {
    pub(super) collection: &'a str,
    pub(super) tenant: &'a str,
    pub(super) consistency: Option<i32>,
    pub(super) properties: pb::PropertiesRequest,
    pub(super) metadata: pb::MetadataRequest,
}

impl QueryState {
    /// Adds `filter` to the ones already given (`&`).
    pub(super) fn narrow(&mut self, filter: Filter<()>) {
        self.filter = Some(match self.filter.take() {
            Some(earlier) => earlier & filter,
            None => filter,
        });
    }

    /// The request, refusing what the server cannot take (a threshold
    /// without a vector search, non-finite numbers, a too deep filter).
    pub(super) fn to_proto(&self, scope: Scope<'_>) -> Result<pb::SearchRequest> {
        let mut request = pb::SearchRequest {
            collection: scope.collection.to_owned(),
            tenant: scope.tenant.to_owned(),
            consistency_level: scope.consistency,
            limit: self.limit,
            offset: self.offset,
            after: self.after.map(|id| id.to_string()).unwrap_or_default(),
            sort_by: self.sort.iter().map(Sort::to_proto).collect(),
            filters: self.filter.as_ref().map(Filter::to_proto).transpose()?,
            properties: Some(scope.properties),
            metadata: Some(scope.metadata),
            uses_127_api: true,
            autocut: self.autocut,
            group_by: self.group_by.as_ref().map(|group| pb::GroupBy {
                path: vec![group.property.to_owned()],
                number_of_groups: i32::try_from(group.groups).unwrap_or(i32::MAX),
                objects_per_group: i32::try_from(group.per_group).unwrap_or(i32::MAX),
            }),
            generative: self.generate.as_ref().map(Generate::to_proto),
            rerank: self
                .rerank
                .as_ref()
                .map(|rerank| pb::Rerank { property: rerank.property.to_owned(), query: rerank.query.clone() }),
            ..Default::default()
        };
        self.ranking.apply(&mut request)?;
        Ok(request)
    }
}
