//! Deleting every object a typed filter matches (gRPC `BatchDelete`).

use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use crate::collection::Collection;
use crate::model::WeaviateCollection;
use crate::vocabulary::Filter;
use crate::{Result, reply};

/// A filtered delete; start it with [`Collection::delete_many`].
///
/// ```no_run
/// # use weaviate_orm::{Collection, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64 }
/// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
/// let stubs = Article::FIELDS.words.less_than(50);
/// let preview = articles.delete_many(stubs.clone()).dry_run().verbose().run().await?;
/// println!("would delete {} articles: {:?}", preview.matches, preview.objects);
/// let done = articles.delete_many(stubs).run().await?;
/// # Ok(()) }
/// ```
#[derive(Debug)]
#[must_use = "a delete does nothing until `run` is awaited"]
pub struct DeleteMany<T> {
    collection: Collection<T>,
    filter: Filter<T>,
    dry_run: bool,
    verbose: bool,
}

/// What a filtered delete did (or, in a dry run, would do).
///
/// ```no_run
/// # use weaviate_orm::{Collection, WeaviateCollection};
/// # use weaviate_orm::data::DeletedObject;
/// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64 }
/// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
/// let report = articles.delete_many(Article::FIELDS.words.equal(0)).verbose().run().await?;
/// println!("{} of {} deleted", report.successful, report.matches);
/// for DeletedObject { id, error } in &report.objects {
///     if let Some(error) = error {
///         eprintln!("{id} was not deleted: {error}");
///     }
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeleteManyReport {
    /// Objects the filter matched.
    pub matches: u64,
    /// Objects deleted (0 in a dry run).
    pub successful: u64,
    /// Objects that could not be deleted.
    pub failed: u64,
    /// Each matched object and its outcome, when asked for with `verbose`.
    pub objects: Vec<DeletedObject>,
}

/// One object of a verbose [`DeleteManyReport`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletedObject {
    /// The object's id.
    pub id: Uuid,
    /// Why it was not deleted, if it was not.
    pub error: Option<String>,
}

impl<T: WeaviateCollection> Collection<T> {
    /// Deletes every object `filter` matches (up to the server's
    /// `QUERY_MAXIMUM_RESULTS` per call), once [`run`](DeleteMany::run) is awaited.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64 }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// // One call deletes at most QUERY_MAXIMUM_RESULTS objects (10 000 by default): repeat until done.
    /// while articles.delete_many(Article::FIELDS.words.less_than(50)).run().await?.successful > 0 {}
    /// # Ok(()) }
    /// ```
    pub fn delete_many(&self, filter: Filter<T>) -> DeleteMany<T> {
        DeleteMany { collection: self.clone(), filter, dry_run: false, verbose: false }
    }
}

impl<T: WeaviateCollection> DeleteMany<T> {
    /// Only counts (and with `verbose`, lists) what would be deleted.
    pub fn dry_run(mut self) -> Self {
        self.dry_run = true;
        self
    }

    /// Reports each matched object.
    pub fn verbose(mut self) -> Self {
        self.verbose = true;
        self
    }

    /// Runs the delete.
    pub async fn run(self) -> Result<DeleteManyReport> {
        let c = &self.collection;
        let t = c.transports()?;
        let message = pb::BatchDeleteRequest {
            collection: c.name().to_owned(),
            filters: Some(self.filter.to_proto()?),
            verbose: self.verbose,
            dry_run: self.dry_run,
            consistency_level: c.consistency_proto(),
            tenant: c.tenant().map(str::to_owned),
        };
        let timeout = t.timeouts.insert;
        let reply = t.grpc.batch_delete(message, timeout).await?;
        let count = |what, n: i64| reply::count("BatchDelete", what, Some(n));
        Ok(DeleteManyReport {
            matches: count("match count", reply.matches)?,
            successful: count("success count", reply.successful)?,
            failed: count("failure count", reply.failed)?,
            objects: reply
                .objects
                .into_iter()
                .map(|o| {
                    let id = reply::uuid_bytes("BatchDelete", &o.uuid)?;
                    Ok(DeletedObject { id, error: o.error.filter(|_| !o.successful) })
                })
                .collect::<Result<_>>()?,
        })
    }
}
