//! Counting objects: the total of a collection (or tenant), or of a filter.

use weaviate_orm_proto::v1 as pb;
use weaviate_orm_proto::v1::aggregate_reply::Result as AggregateResult;

use crate::collection::Collection;
use crate::model::WeaviateCollection;
use crate::vocabulary::Filter;
use crate::{Error, Result, reply};

impl<T: WeaviateCollection> Collection<T> {
    /// How many objects the collection holds (in its tenant, if scoped).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64 }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// println!("{} articles", articles.count().await?);
    /// # Ok(()) }
    /// ```
    pub async fn count(&self) -> Result<u64> {
        self.count_objects(None).await
    }

    /// How many objects match `filter`.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64 }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// let long = articles.count_matching(Article::FIELDS.words.greater_than(2000)).await?;
    /// # Ok(()) }
    /// ```
    pub async fn count_matching(&self, filter: Filter<T>) -> Result<u64> {
        self.count_objects(Some(filter.to_proto()?)).await
    }

    async fn count_objects(&self, filters: Option<pb::Filters>) -> Result<u64> {
        let t = self.transports()?;
        let message = pb::AggregateRequest {
            collection: self.name().to_owned(),
            tenant: self.tenant().unwrap_or_default().to_owned(),
            objects_count: true,
            filters,
            ..Default::default()
        };
        let timeout = t.timeouts.query;
        let reply = t.grpc.aggregate(message, timeout).await?;
        match reply.result {
            Some(AggregateResult::SingleResult(single)) => {
                reply::count("Aggregate", "object count", single.objects_count)
            }
            _ => Err(Error::UnexpectedResponse {
                operation: "Aggregate".into(),
                message: "a count without a single result".into(),
            }),
        }
    }
}
