//! Each call's `tracing` span: the operation, the collection, tenant and
//! consistency level it addresses, how many objects it carries, and the
//! node that answered. Retries, moves to another node and back-offs are
//! events on it. Credentials and headers never appear.

use tracing::field::Empty;
use weaviate_orm_proto::v1 as pb;

use crate::consistency::ConsistencyLevel;

/// What a request addresses, for its span.
#[derive(Debug, Default)]
pub(crate) struct Scope<'a> {
    pub(crate) collection: &'a str,
    pub(crate) tenant: &'a str,
    pub(crate) consistency: Option<i32>,
    pub(crate) objects: usize,
}

/// A request message that can say what it addresses.
pub(crate) trait Scoped {
    fn scope(&self) -> Scope<'_>;
}

impl Scoped for pb::SearchRequest {
    fn scope(&self) -> Scope<'_> {
        Scope { collection: &self.collection, tenant: &self.tenant, consistency: self.consistency_level, objects: 0 }
    }
}

impl Scoped for pb::AggregateRequest {
    fn scope(&self) -> Scope<'_> {
        Scope { collection: &self.collection, tenant: &self.tenant, ..Scope::default() }
    }
}

impl Scoped for pb::BatchObjectsRequest {
    fn scope(&self) -> Scope<'_> {
        let first = self.objects.first();
        Scope {
            collection: first.map_or("", |o| o.collection.as_str()),
            tenant: first.map_or("", |o| o.tenant.as_str()),
            consistency: self.consistency_level,
            objects: self.objects.len(),
        }
    }
}

impl Scoped for pb::BatchReferencesRequest {
    fn scope(&self) -> Scope<'_> {
        let first = self.references.first();
        Scope {
            collection: first.map_or("", |r| r.from_collection.as_str()),
            tenant: first.map_or("", |r| r.tenant.as_str()),
            consistency: self.consistency_level,
            objects: self.references.len(),
        }
    }
}

impl Scoped for pb::BatchDeleteRequest {
    fn scope(&self) -> Scope<'_> {
        Scope {
            collection: &self.collection,
            tenant: self.tenant.as_deref().unwrap_or_default(),
            consistency: self.consistency_level,
            objects: 0,
        }
    }
}

/// The span of one call to `operation`; `node` is recorded when a node
/// answers. What the request does not address stays empty (and exporters
/// leave it out).
pub(crate) fn call_span(operation: &str, scope: &Scope<'_>) -> tracing::Span {
    let span = tracing::info_span!(
        "weaviate",
        operation,
        collection = Empty,
        tenant = Empty,
        consistency = Empty,
        objects = Empty,
        node = Empty,
    );
    if !scope.collection.is_empty() {
        span.record("collection", scope.collection);
    }
    if !scope.tenant.is_empty() {
        span.record("tenant", scope.tenant);
    }
    if let Some(level) = scope.consistency.and_then(level_name) {
        span.record("consistency", level);
    }
    if scope.objects > 0 {
        span.record("objects", scope.objects);
    }
    span
}

/// The name of a wire consistency level.
fn level_name(level: i32) -> Option<&'static str> {
    [ConsistencyLevel::One, ConsistencyLevel::Quorum, ConsistencyLevel::All]
        .into_iter()
        .find(|l| l.to_proto() == level)
        .map(ConsistencyLevel::name)
}
