//! Aggregates: the number of objects and typed metrics per field, over a
//! whole collection, the objects a filter matches, or the results of a
//! vector or hybrid search; optionally grouped by a field's value.
//!
//! ```no_run
//! # use weaviate_orm::{Collection, WeaviateCollection};
//! # #[derive(WeaviateCollection)] struct Article { title: String, words: i64 }
//! # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
//! let f = Article::FIELDS;
//! let stats = articles.aggregate().metrics(&f.words).metrics(&f.title).filter(f.words.greater_than(100)).fetch().await?;
//! let words = stats.get(&f.words).unwrap_or_default(); // IntMetrics, typed by the field
//! println!("{:?} long articles, {:?} words on average", stats.total, words.mean);
//! # Ok(()) }
//! ```
//!
//! A field without metrics (a vector, a blob...) does not compile.

mod metrics;

use std::marker::PhantomData;

use weaviate_orm_proto::v1 as pb;
use weaviate_orm_proto::v1::aggregate_reply::group::grouped_by::Value as GroupedValue;
use weaviate_orm_proto::v1::aggregate_reply::{Result as Answer, aggregations::Aggregation as PropertyReply};

pub use metrics::{
    Aggregatable, BooleanMetrics, DateMetrics, HasMetrics, IntMetrics, NumberMetrics, NumericMetrics, TextMetrics,
};

use crate::collection::Collection;
use crate::model::WeaviateCollection;
use uuid::Uuid;

use crate::vector::{MultiVector, Vector};
use crate::vocabulary::ranking::Ranking;
use crate::vocabulary::search::{Search, Threshold};
use crate::vocabulary::{Field, Filter, Filterable, Hybrid, NearText, TargetVectors, VectorName};
use crate::{Error, Result, reply};

/// An aggregate query on the collection `T`; start one with
/// [`Collection::aggregate`], say which fields to measure with
/// [`metrics`](Self::metrics), narrow it with a filter or a search, and
/// run it with [`fetch`](Self::fetch) or [`fetch_groups`](Self::fetch_groups).
///
/// ```no_run
/// # use weaviate_orm::{Collection, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Book { title: String, genre: String, pages: i64 }
/// # async fn demo(books: Collection<Book>) -> weaviate_orm::Result<()> {
/// let f = Book::FIELDS;
/// let poetry = books.aggregate().metrics(&f.pages).filter(f.genre.equal("poetry")).fetch().await?;
/// if let Some(pages) = poetry.get(&f.pages) {
///     println!("{:?} books of poetry, {:?} pages on average", poetry.total, pages.mean);
/// }
/// # Ok(()) }
/// ```
#[must_use = "an aggregate does nothing until `fetch` is awaited"]
pub struct Aggregate<T> {
    collection: Collection<T>,
    state: AggregateState,
}

/// What an aggregate asks for; the request is built when it runs.
#[derive(Debug, Clone, Default)]
struct AggregateState {
    filter: Option<Filter<()>>,
    ranking: Ranking,
    object_limit: Option<u32>,
    aggregations: Vec<pb::aggregate_request::Aggregation>,
}

impl<T> std::fmt::Debug for Aggregate<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Aggregate").field("collection", &self.collection).field("state", &self.state).finish()
    }
}

impl<T> Clone for Aggregate<T> {
    fn clone(&self) -> Self {
        Self { collection: self.collection.clone(), state: self.state.clone() }
    }
}

/// The answer of an aggregate: the object count and the metrics asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregation<T> {
    /// How many objects were aggregated.
    pub total: Option<u64>,
    properties: Vec<PropertyReply>,
    marker: PhantomData<fn() -> T>,
}

impl<T> Aggregation<T> {
    /// The metrics of `field`, typed by the field's type, if asked for:
    /// [`IntMetrics`] for an `i64`, [`TextMetrics`] for a `String`, and so on.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Book { title: String, genre: String, pages: i64 }
    /// # async fn demo(books: Collection<Book>) -> weaviate_orm::Result<()> {
    /// use weaviate_orm::aggregate::{IntMetrics, TextMetrics};
    ///
    /// let f = Book::FIELDS;
    /// let stats = books.aggregate().metrics(&f.pages).metrics(&f.genre).fetch().await?;
    /// let pages: IntMetrics = stats.get(&f.pages).unwrap_or_default();
    /// let genres: TextMetrics = stats.get(&f.genre).unwrap_or_default();
    /// println!("{:?} to {:?} pages; genres {:?}", pages.minimum, pages.maximum, genres.top_occurrences);
    /// # Ok(()) }
    /// ```
    pub fn get<V: HasMetrics>(&self, field: &Field<T, V>) -> Option<<V::Base as Aggregatable>::Metrics> {
        let reply = self.properties.iter().find(|p| p.property == field.name())?;
        reply.aggregation.as_ref().and_then(<V::Base as Aggregatable>::metrics)
    }

    /// The metrics of an answer, refused when a count in it is negative.
    pub(crate) fn from_proto(
        total: Option<i64>,
        aggregations: Option<pb::aggregate_reply::Aggregations>,
    ) -> Result<Self> {
        let properties = aggregations.map(|a| a.aggregations).unwrap_or_default();
        for property in &properties {
            if let Some(negative) = property.aggregation.as_ref().and_then(metrics::negative_count) {
                return Err(unexpected(&format!("a negative count ({negative}) for `{}`", property.property)));
            }
        }
        let total = total.map(|n| reply::count("Aggregate", "object count", Some(n))).transpose()?;
        Ok(Self { total, properties, marker: PhantomData })
    }
}

/// The value a group of a grouped aggregate shares.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum GroupValue {
    /// A text value.
    Text(String),
    /// An int value.
    Int(i64),
    /// A number value.
    Number(f64),
    /// A boolean value.
    Boolean(bool),
    /// Any other kind, as the server describes it.
    Other(String),
}

/// One group of a grouped aggregate.
#[derive(Debug, Clone, PartialEq)]
pub struct AggregationGroup<T> {
    /// The value its objects share.
    pub value: GroupValue,
    /// The group's count and metrics.
    pub aggregation: Aggregation<T>,
}

impl<T: WeaviateCollection> Collection<T> {
    /// An aggregate over this collection (its tenant, if scoped).
    pub fn aggregate(&self) -> Aggregate<T> {
        Aggregate { collection: self.clone(), state: AggregateState::default() }
    }
}

impl<T: WeaviateCollection> Aggregate<T> {
    /// Also returns the metrics of `field` (by its type: numbers get count,
    /// min, max, mean, median, mode and sum; text its top occurrences;
    /// booleans their totals and shares; dates their range, median and mode).
    /// Read them with [`Aggregation::get`], which has an example.
    pub fn metrics<V: HasMetrics>(mut self, field: &Field<T, V>) -> Self {
        self.state.aggregations.push(metrics::request::<V::Base>(field.name()));
        self
    }

    /// Aggregates only the objects `filter` matches; a second call narrows
    /// further (`&`).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Book { title: String, genre: String, pages: i64, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(books: Collection<Book>) -> weaviate_orm::Result<()> {
    /// let f = Book::FIELDS;
    /// let novels = books.aggregate().filter(f.genre.equal("novel"));
    /// let long_novels = novels.filter(f.pages.greater_than(500)).fetch().await?;
    /// println!("{:?} long novels", long_novels.total);
    /// # Ok(()) }
    /// ```
    pub fn filter(mut self, filter: Filter<T>) -> Self {
        let filter = filter.erase();
        self.state.filter = Some(match self.state.filter.take() {
            Some(earlier) => earlier & filter,
            None => filter,
        });
        self
    }

    /// Aggregates the objects closest to `vector` (the default vector);
    /// narrow with [`object_limit`](Self::object_limit) or
    /// [`max_distance`](Self::max_distance).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Book { title: String, genre: String, pages: i64, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(books: Collection<Book>) -> weaviate_orm::Result<()> {
    /// let f = Book::FIELDS;
    /// let nearest = books.aggregate().near_vector(vec![0.9, 0.1]).object_limit(100).metrics(&f.pages).fetch().await?;
    /// let pages = nearest.get(&f.pages).and_then(|p| p.mean); // over the 100 closest books
    /// # Ok(()) }
    /// ```
    pub fn near_vector(self, vector: impl Into<Vec<f32>>) -> Self {
        self.ranked_by(Search::near_vector(None, Vector::Single(vector.into())))
    }

    /// Aggregates the objects closest to `vector` in the named vector `target`.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Book {
    /// #     title: String,
    /// #     pages: i64,
    /// #     #[weaviate(vector = "summary")] summary: Vec<f32>,
    /// #     #[weaviate(vector = "cover")] cover: Vec<f32>,
    /// #     #[weaviate(vector = "passages")] passages: Vec<Vec<f32>>,
    /// # }
    /// # async fn demo(books: Collection<Book>, id: uuid::Uuid) -> weaviate_orm::Result<()> {
    /// let near = books.aggregate().near_named_vector(&Book::VECTORS.summary, vec![0.3, 0.7]).object_limit(20);
    /// let total = near.fetch().await?.total;
    /// # Ok(()) }
    /// ```
    pub fn near_named_vector(self, target: &VectorName<T>, vector: impl Into<Vec<f32>>) -> Self {
        self.ranked_by(Search::near_vector(Some(target.name()), Vector::Single(vector.into())))
    }

    /// Aggregates the objects closest to a multi-vector query in the
    /// multi-vector `target`.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Book {
    /// #     title: String,
    /// #     pages: i64,
    /// #     #[weaviate(vector = "summary")] summary: Vec<f32>,
    /// #     #[weaviate(vector = "cover")] cover: Vec<f32>,
    /// #     #[weaviate(vector = "passages")] passages: Vec<Vec<f32>>,
    /// # }
    /// # async fn demo(books: Collection<Book>, id: uuid::Uuid) -> weaviate_orm::Result<()> {
    /// let query = vec![vec![0.1, 0.9], vec![0.8, 0.2]];
    /// let near = books.aggregate().near_multi_vector(&Book::VECTORS.passages, query).object_limit(20).fetch().await?;
    /// # Ok(()) }
    /// ```
    pub fn near_multi_vector(self, target: &VectorName<T, MultiVector>, vectors: Vec<Vec<f32>>) -> Self {
        self.ranked_by(Search::near_vector(Some(target.name()), Vector::Multi(vectors)))
    }

    /// Aggregates the objects closest in several named vectors at once.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Book {
    /// #     title: String,
    /// #     pages: i64,
    /// #     #[weaviate(vector = "summary")] summary: Vec<f32>,
    /// #     #[weaviate(vector = "cover")] cover: Vec<f32>,
    /// #     #[weaviate(vector = "passages")] passages: Vec<Vec<f32>>,
    /// # }
    /// # async fn demo(books: Collection<Book>, id: uuid::Uuid) -> weaviate_orm::Result<()> {
    /// use weaviate_orm::query::{Combination, TargetVectors};
    ///
    /// let v = Book::VECTORS;
    /// let both = TargetVectors::new(Combination::Sum)
    ///     .vector(&v.summary, vec![0.3, 0.7])
    ///     .vector(&v.cover, vec![1.0, 0.0]);
    /// let near = books.aggregate().near_vectors(both).object_limit(20).fetch().await?;
    /// # Ok(()) }
    /// ```
    pub fn near_vectors(self, targets: TargetVectors<T>) -> Self {
        self.ranked_by(targets.into_search())
    }

    /// Aggregates the objects closest to the object `id`.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Book { title: String, genre: String, pages: i64, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(books: Collection<Book>, id: uuid::Uuid) -> weaviate_orm::Result<()> {
    /// let f = Book::FIELDS;
    /// let similar = books.aggregate().near_object(id).max_distance(0.3).metrics(&f.genre).fetch().await?;
    /// let genres = similar.get(&f.genre).map(|g| g.top_occurrences);
    /// # Ok(()) }
    /// ```
    pub fn near_object(self, id: Uuid) -> Self {
        self.ranked_by(Search::near_object(None, id))
    }

    /// Aggregates the objects closest to the object `id` in its named vector `target`.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Book {
    /// #     title: String,
    /// #     pages: i64,
    /// #     #[weaviate(vector = "summary")] summary: Vec<f32>,
    /// #     #[weaviate(vector = "cover")] cover: Vec<f32>,
    /// #     #[weaviate(vector = "passages")] passages: Vec<Vec<f32>>,
    /// # }
    /// # async fn demo(books: Collection<Book>, id: uuid::Uuid) -> weaviate_orm::Result<()> {
    /// let f = Book::FIELDS;
    /// let similar_covers = books.aggregate().near_object_in(id, &Book::VECTORS.cover).object_limit(10);
    /// let pages = similar_covers.metrics(&f.pages).fetch().await?.get(&f.pages);
    /// # Ok(()) }
    /// ```
    pub fn near_object_in<K>(self, id: Uuid, target: &VectorName<T, K>) -> Self {
        self.ranked_by(Search::near_object(Some(target.name()), id))
    }

    /// Aggregates the results of a concept search.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # #[weaviate(vectorizer = "text2vec-openai")]
    /// # struct Book { title: String, pages: i64 }
    /// # async fn demo(books: Collection<Book>) -> weaviate_orm::Result<()> {
    /// use weaviate_orm::query::NearText;
    ///
    /// let f = Book::FIELDS;
    /// let about_sailing = books.aggregate().near_text(NearText::new(["sailing"])).max_distance(0.5);
    /// let pages = about_sailing.metrics(&f.pages).fetch().await?.get(&f.pages);
    /// # Ok(()) }
    /// ```
    pub fn near_text(self, search: NearText<T>) -> Self {
        self.ranked_by(Search::near_text(&search))
    }

    /// Aggregates the results of a hybrid search (keep it small with
    /// [`object_limit`](Self::object_limit)).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Book { title: String, genre: String, pages: i64, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(books: Collection<Book>) -> weaviate_orm::Result<()> {
    /// use weaviate_orm::query::Hybrid;
    ///
    /// let search = Hybrid::new("sea voyages").vector(vec![0.2, 0.8]);
    /// let matching = books.aggregate().hybrid(search).object_limit(50).fetch().await?;
    /// # Ok(()) }
    /// ```
    pub fn hybrid(self, search: Hybrid<T>) -> Self {
        self.ranked_by(Search::hybrid(&search))
    }

    /// Aggregates only objects within `distance` of the vector search's
    /// target, whether said before or after the search.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Book { title: String, pages: i64, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(books: Collection<Book>) -> weaviate_orm::Result<()> {
    /// let close = books.aggregate().max_distance(0.2).near_vector(vec![0.9, 0.1]).fetch().await?;
    /// println!("{:?} books within 0.2", close.total);
    /// # Ok(()) }
    /// ```
    pub fn max_distance(mut self, distance: f64) -> Self {
        self.state.ranking.set_threshold(Threshold::MaxDistance(distance));
        self
    }

    /// Aggregates only objects of the vector search with at least this
    /// certainty (cosine distance only).
    pub fn min_certainty(mut self, certainty: f64) -> Self {
        self.state.ranking.set_threshold(Threshold::MinCertainty(certainty));
        self
    }

    /// At most this many search results are aggregated: with
    /// [`max_distance`](Self::max_distance), how an aggregate over a search
    /// says which results count.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # #[weaviate(vectorizer = "text2vec-openai")]
    /// # struct Book { title: String, pages: i64 }
    /// # async fn demo(books: Collection<Book>) -> weaviate_orm::Result<()> {
    /// use weaviate_orm::query::Hybrid;
    ///
    /// let top = books.aggregate().hybrid(Hybrid::new("lighthouses")).object_limit(25);
    /// let pages = top.metrics(&Book::FIELDS.pages).fetch().await?.get(&Book::FIELDS.pages);
    /// # Ok(()) }
    /// ```
    pub fn object_limit(mut self, limit: u32) -> Self {
        self.state.object_limit = Some(limit);
        self
    }

    fn ranked_by(mut self, search: Search) -> Self {
        self.state.ranking.set(search);
        self
    }

    /// Runs the aggregate over all matching objects.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Book { title: String, genre: String, pages: i64, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(books: Collection<Book>) -> weaviate_orm::Result<()> {
    /// println!("{:?} books", books.aggregate().fetch().await?.total);
    /// # Ok(()) }
    /// ```
    pub async fn fetch(self) -> Result<Aggregation<T>> {
        match self.run(None, None).await? {
            Answer::SingleResult(single) => Aggregation::from_proto(single.objects_count, single.aggregations),
            Answer::GroupedResults(_) => Err(unexpected("a grouped answer to an ungrouped aggregate")),
        }
    }

    /// Runs the aggregate per value of `field`: at most `limit` groups
    /// (the server's default without it).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Book { title: String, genre: String, pages: i64, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(books: Collection<Book>) -> weaviate_orm::Result<()> {
    /// use weaviate_orm::aggregate::GroupValue;
    ///
    /// let f = Book::FIELDS;
    /// for group in books.aggregate().metrics(&f.pages).fetch_groups(&f.genre, Some(10)).await? {
    ///     if let GroupValue::Text(genre) = &group.value {
    ///         println!("{genre}: {:?} books", group.aggregation.total);
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn fetch_groups<V: Filterable>(
        self,
        field: &Field<T, V>,
        limit: Option<u32>,
    ) -> Result<Vec<AggregationGroup<T>>> {
        let group_by = pb::aggregate_request::GroupBy {
            collection: self.collection.name().to_owned(),
            property: field.name().to_owned(),
        };
        match self.run(Some(group_by), limit).await? {
            Answer::GroupedResults(grouped) => grouped
                .groups
                .into_iter()
                .map(|group| {
                    Ok(AggregationGroup {
                        value: group_value(group.grouped_by.and_then(|g| g.value)),
                        aggregation: Aggregation::from_proto(group.objects_count, group.aggregations)?,
                    })
                })
                .collect(),
            Answer::SingleResult(_) => Err(unexpected("an ungrouped answer to a grouped aggregate")),
        }
    }

    async fn run(&self, group_by: Option<pb::aggregate_request::GroupBy>, limit: Option<u32>) -> Result<Answer> {
        let message = pb::AggregateRequest {
            collection: self.collection.name().to_owned(),
            tenant: self.collection.tenant().unwrap_or_default().to_owned(),
            objects_count: true,
            aggregations: self.state.aggregations.clone(),
            object_limit: self.state.object_limit,
            group_by,
            limit,
            filters: self.state.filter.as_ref().map(Filter::to_proto).transpose()?,
            search: self.state.ranking.to_aggregate()?,
        };
        let t = self.collection.transports()?;
        let timeout = t.timeouts.query;
        let reply = t.grpc.aggregate(message, timeout).await?;
        reply.result.ok_or_else(|| unexpected("an aggregate answer without a result"))
    }
}

fn group_value(value: Option<GroupedValue>) -> GroupValue {
    match value {
        Some(GroupedValue::Text(text)) => GroupValue::Text(text),
        Some(GroupedValue::Int(n)) => GroupValue::Int(n),
        Some(GroupedValue::Number(n)) => GroupValue::Number(n),
        Some(GroupedValue::Boolean(b)) => GroupValue::Boolean(b),
        other => GroupValue::Other(format!("{other:?}")),
    }
}

fn unexpected(message: &str) -> Error {
    Error::UnexpectedResponse { operation: "Aggregate".into(), message: message.into() }
}
