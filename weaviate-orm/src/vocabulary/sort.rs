//! [`Sort`]: the order of a query's results, by typed fields.

use std::fmt;
use std::marker::PhantomData;

use weaviate_orm_proto::v1 as pb;

/// An order on objects of the collection `C`: `Article::FIELDS.published.descending()`.
///
/// Made by [`Field::ascending`](crate::query::Field::ascending) and
/// [`Field::descending`](crate::query::Field::descending) on fields whose
/// type has an order on the server; give one or more to [`Query::sort`](crate::query::Query::sort).
///
/// ```no_run
/// # use weaviate_orm::{Collection, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String, published: chrono::DateTime<chrono::Utc> }
/// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
/// let f = Article::FIELDS;
/// let newest = articles.query().sort(f.published.descending()).sort(f.title.ascending()).limit(10).fetch().await?;
/// # Ok(()) }
/// ```
pub struct Sort<C> {
    property: &'static str,
    ascending: bool,
    marker: PhantomData<fn() -> C>,
}

impl<C> Sort<C> {
    pub(crate) fn new(property: &'static str, ascending: bool) -> Self {
        Self { property, ascending, marker: PhantomData }
    }

    /// The same order without its collection type.
    pub(crate) fn erase(self) -> Sort<()> {
        Sort::new(self.property, self.ascending)
    }

    pub(crate) fn to_proto(&self) -> pb::SortBy {
        pb::SortBy { ascending: self.ascending, path: vec![self.property.to_owned()] }
    }
}

impl<C> Clone for Sort<C> {
    fn clone(&self) -> Self {
        Self::new(self.property, self.ascending)
    }
}

impl<C> fmt::Debug for Sort<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sort").field("property", &self.property).field("ascending", &self.ascending).finish()
    }
}
