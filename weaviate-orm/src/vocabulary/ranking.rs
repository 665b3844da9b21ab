//! [`Ranking`]: what a query or an aggregate ranks by, with the threshold
//! its results must meet, said in any order.

use weaviate_orm_proto::v1 as pb;

use super::search::{Search, Threshold, check_query_vectors};
use crate::{Error, Result};

/// A search and its threshold, kept apart until the request is built, so
/// that `max_distance(..)` before or after `near_vector(..)` means the same.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ranking {
    search: Option<Search>,
    threshold: Threshold,
}

impl Ranking {
    /// Ranks by `search` (replacing an earlier one).
    pub(crate) fn set(&mut self, search: Search) {
        self.search = Some(search);
    }

    /// The results must meet `threshold`.
    pub(crate) fn set_threshold(&mut self, threshold: Threshold) {
        self.threshold = threshold;
    }

    /// The search, if any.
    pub(crate) fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// The threshold the results meet; none without a vector search.
    pub(crate) fn threshold(&self) -> Threshold {
        match &self.search {
            Some(search) if search.ranks_by_distance() => self.threshold,
            _ => Threshold::None,
        }
    }

    /// Puts the search and its threshold into `request`. Refuses a threshold
    /// no vector search takes, a malformed multi-vector, and query vectors
    /// with NaN or infinite components.
    pub(crate) fn apply(&self, request: &mut pb::SearchRequest) -> Result<()> {
        if let Some(search) = &self.search {
            search.check()?;
            search.apply(request);
        }
        self.apply_threshold(request)?;
        check_query_vectors(request.near_vector.as_ref(), request.hybrid_search.as_ref())
    }

    /// The ranking as an aggregate's search (keyword searches have none).
    pub(crate) fn to_aggregate(&self) -> Result<Option<pb::aggregate_request::Search>> {
        use pb::aggregate_request::Search as Aggregate;
        let mut request = pb::SearchRequest::default();
        self.apply(&mut request)?;
        Ok((request.near_vector.map(Aggregate::NearVector))
            .or(request.near_object.map(Aggregate::NearObject))
            .or(request.near_text.map(Aggregate::NearText))
            .or(request.hybrid_search.map(Aggregate::Hybrid)))
    }

    fn apply_threshold(&self, request: &mut pb::SearchRequest) -> Result<()> {
        let (certainty, distance) = (self.threshold.certainty(), self.threshold.distance());
        if certainty.is_none() && distance.is_none() {
            return Ok(());
        }
        let slots = [
            request.near_vector.as_mut().map(|s| (&mut s.certainty, &mut s.distance)),
            request.near_object.as_mut().map(|s| (&mut s.certainty, &mut s.distance)),
            request.near_text.as_mut().map(|s| (&mut s.certainty, &mut s.distance)),
        ];
        let Some((c, d)) = slots.into_iter().flatten().next() else {
            return Err(Error::InvalidConfig(
                "`max_distance` and `min_certainty` apply to vector searches (near_vector, near_object, \
                 near_text); this one has none"
                    .into(),
            ));
        };
        (*c, *d) = (certainty, distance);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;

    #[test]
    fn thresholds_apply_in_any_order_and_only_to_vector_searches() {
        let mut before = Ranking::default();
        before.set_threshold(Threshold::MaxDistance(0.2));
        before.set(Search::NearObject { id: Uuid::nil(), target: None });
        let mut after = Ranking::default();
        after.set(Search::NearObject { id: Uuid::nil(), target: None });
        after.set_threshold(Threshold::MaxDistance(0.2));
        for ranking in [before, after] {
            let mut request = pb::SearchRequest::default();
            ranking.apply(&mut request).expect("a vector search takes a threshold");
            let near = request.near_object.expect("near object");
            assert_eq!((near.distance, near.certainty), (Some(0.2), None));
            assert_eq!(ranking.threshold(), Threshold::MaxDistance(0.2));
        }
        let mut keywords = Ranking::default();
        keywords.set(Search::Bm25(pb::Bm25 { query: "q".into(), ..Default::default() }));
        assert_eq!(keywords.threshold(), Threshold::None);
        keywords.set_threshold(Threshold::MinCertainty(0.5));
        let refused = keywords.apply(&mut pb::SearchRequest::default());
        assert!(matches!(refused, Err(Error::InvalidConfig(_))), "{refused:?}");
    }
}
