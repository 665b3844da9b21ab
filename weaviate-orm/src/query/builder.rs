//! [`Query`]: fetching typed objects with filters, order and pagination.

use std::marker::PhantomData;

use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use super::properties::{all_properties, other_reference_targets};
use super::results::{Hit, decode, decode_hits};
use super::state::{QueryState, Scope};
use crate::Result;
use crate::collection::Collection;
use crate::model::{Object, WeaviateCollection};
use crate::schema::CollectionConfig;
use crate::vector::{MultiVector, Vector};
use crate::vocabulary::search::{Search, Threshold};
use crate::vocabulary::{
    Bm25, Filter, Hybrid, NearText, Projection, Sort, TargetVectors, VectorName, projected_config,
};

/// A query on the collection `T`; start one with [`Collection::query`].
///
/// ```no_run
/// # use weaviate_orm::{Collection, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64 }
/// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
/// let long_reads = articles
///     .query()
///     .filter(Article::FIELDS.words.greater_than(2000) & Article::FIELDS.title.like("*Rust*"))
///     .sort(Article::FIELDS.words.descending())
///     .limit(10)
///     .fetch()
///     .await?;
/// # Ok(()) }
/// ```
#[must_use = "a query does nothing until `fetch` is awaited"]
pub struct Query<T, P = T> {
    collection: Collection<T>,
    pub(super) state: QueryState,
    projection: PhantomData<fn() -> P>,
}

impl<T, P> std::fmt::Debug for Query<T, P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Query").field("collection", &self.collection).field("state", &self.state).finish()
    }
}

impl<T, P> Clone for Query<T, P> {
    fn clone(&self) -> Self {
        Self { collection: self.collection.clone(), state: self.state.clone(), projection: PhantomData }
    }
}

impl<T: WeaviateCollection> Collection<T> {
    /// A query on this collection: every object until narrowed down.
    pub fn query(&self) -> Query<T> {
        Query { collection: self.clone(), state: QueryState::default(), projection: PhantomData }
    }
}

impl<T: WeaviateCollection, P: Projection<T>> Query<T, P> {
    /// Returns only the properties of the projection `Q` (derived with
    /// `#[derive(WeaviateProjection)] #[weaviate(of = T)]`).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection, WeaviateProjection};
    /// # #[derive(WeaviateCollection)] struct Article { title: String, body: String, words: i64 }
    /// #[derive(WeaviateProjection)]
    /// #[weaviate(of = Article)]
    /// struct Headline {
    ///     title: String,
    /// }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// // Only the titles travel; the bodies stay on the server.
    /// let headlines = articles.query().limit(20).project::<Headline>().fetch().await?;
    /// for headline in headlines {
    ///     println!("{}", headline.properties.title);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn project<Q: Projection<T>>(self) -> Query<T, Q> {
        Query { collection: self.collection, state: self.state, projection: PhantomData }
    }

    /// Only the objects `filter` matches; a second call narrows further (`&`).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Article { title: String, words: i64, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// let f = Article::FIELDS;
    /// let query = articles.query().filter(f.words.greater_than(500)).filter(f.words.less_than(2000));
    /// let mid_length = query.fetch().await?;
    /// # Ok(()) }
    /// ```
    pub fn filter(mut self, filter: Filter<T>) -> Self {
        self.state.narrow(filter.erase());
        self
    }

    /// Orders the results; later sorts break ties of earlier ones.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Article { title: String, words: i64, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// let f = Article::FIELDS;
    /// let longest_first = articles.query().sort(f.words.descending()).sort(f.title.ascending()).fetch().await?;
    /// # Ok(()) }
    /// ```
    pub fn sort(mut self, sort: Sort<T>) -> Self {
        self.state.sort.push(sort.erase());
        self
    }

    /// At most `limit` objects (the server's default, 10 000 at most, without it).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Article { title: String, words: i64, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// let top_five = articles.query().sort(Article::FIELDS.words.descending()).limit(5).fetch().await?;
    /// # Ok(()) }
    /// ```
    pub fn limit(mut self, limit: u32) -> Self {
        self.state.limit = limit;
        self
    }

    /// Skips the first `offset` objects. To read a whole collection, the
    /// cursor ([`after`](Self::after), [`Collection::iterate`]) is faster.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Article { title: String, words: i64, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// let page = 3;
    /// let by_title = articles.query().sort(Article::FIELDS.title.ascending());
    /// let third_page = by_title.offset(page * 20).limit(20).fetch().await?;
    /// # Ok(()) }
    /// ```
    pub fn offset(mut self, offset: u32) -> Self {
        self.state.offset = offset;
        self
    }

    /// Starts after the object `id`, in id order (cursor pagination; cannot
    /// be combined with filters, sorting or an offset).
    /// [`Collection::iterate`] walks a whole collection this way.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Article { title: String, words: i64, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// let mut after = None;
    /// loop {
    ///     let query = articles.query().limit(100);
    ///     let page = match after { Some(id) => query.after(id), None => query }.fetch().await?;
    ///     let Some(last) = page.last() else { break };
    ///     after = Some(last.id);
    ///     // ... use the page ...
    /// }
    /// # Ok(()) }
    /// ```
    pub fn after(mut self, id: Uuid) -> Self {
        self.state.after = Some(id);
        self
    }

    /// Ranks by closeness to `vector` (the default vector).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Article { title: String, words: i64, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// let nearest = articles.query().near_vector(vec![0.1, 0.8, 0.3]).limit(3).fetch().await?;
    /// # Ok(()) }
    /// ```
    pub fn near_vector(self, vector: impl Into<Vec<f32>>) -> Self {
        self.ranked_by(Search::near_vector(None, Vector::Single(vector.into())))
    }

    /// Ranks by closeness to `vector` in the named vector `target`
    /// (`Article::VECTORS.body`).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Article {
    /// #     title: String,
    /// #     #[weaviate(vector = "title_vec")] title_vec: Vec<f32>,
    /// #     #[weaviate(vector = "body")] body: Vec<f32>,
    /// # }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// let body = Article::VECTORS.body;
    /// let by_body = articles.query().near_named_vector(&body, vec![0.2, 0.7]).limit(3).fetch().await?;
    /// # Ok(()) }
    /// ```
    pub fn near_named_vector(self, target: &VectorName<T>, vector: impl Into<Vec<f32>>) -> Self {
        self.ranked_by(Search::near_vector(Some(target.name()), Vector::Single(vector.into())))
    }

    /// Ranks by late-interaction (MaxSim) closeness of a multi-vector query
    /// (e.g. ColBERT token embeddings, rows of one length) to the
    /// multi-vector `target`.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Passage { text: String, #[weaviate(vector = "tokens")] tokens: Vec<Vec<f32>> }
    /// # async fn demo(passages: Collection<Passage>) -> weaviate_orm::Result<()> {
    /// let query = vec![vec![0.1, 0.9], vec![0.7, 0.3]];
    /// let hits = passages.query().near_multi_vector(&Passage::VECTORS.tokens, query).limit(5).fetch().await?;
    /// # Ok(()) }
    /// ```
    pub fn near_multi_vector(self, target: &VectorName<T, MultiVector>, vectors: Vec<Vec<f32>>) -> Self {
        self.ranked_by(Search::near_vector(Some(target.name()), Vector::Multi(vectors)))
    }

    /// Ranks by closeness in several named vectors at once, their
    /// distances combined as `targets` says.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Article {
    /// #     title: String,
    /// #     #[weaviate(vector = "title_vec")] title_vec: Vec<f32>,
    /// #     #[weaviate(vector = "body")] body: Vec<f32>,
    /// # }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// use weaviate_orm::query::{Combination, TargetVectors};
    ///
    /// let v = Article::VECTORS;
    /// let both = TargetVectors::new(Combination::Average)
    ///     .vector(&v.title_vec, vec![0.9, 0.1])
    ///     .vector(&v.body, vec![0.2, 0.7]);
    /// let hits = articles.query().near_vectors(both).limit(5).fetch().await?;
    /// # Ok(()) }
    /// ```
    pub fn near_vectors(self, targets: TargetVectors<T>) -> Self {
        self.ranked_by(targets.into_search())
    }

    /// Ranks by closeness to the vector of the object `id` ("more like this").
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Article { title: String, words: i64, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(articles: Collection<Article>, id: uuid::Uuid) -> weaviate_orm::Result<()> {
    /// let similar = articles.query().near_object(id).limit(6).fetch().await?; // the first is the object itself
    /// # Ok(()) }
    /// ```
    pub fn near_object(self, id: Uuid) -> Self {
        self.ranked_by(Search::near_object(None, id))
    }

    /// Ranks by closeness to the named vector `target` of the object `id`.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Article {
    /// #     title: String,
    /// #     #[weaviate(vector = "title_vec")] title_vec: Vec<f32>,
    /// #     #[weaviate(vector = "body")] body: Vec<f32>,
    /// # }
    /// # async fn demo(articles: Collection<Article>, id: uuid::Uuid) -> weaviate_orm::Result<()> {
    /// let similar_bodies = articles.query().near_object_in(id, &Article::VECTORS.body).limit(5).fetch().await?;
    /// # Ok(()) }
    /// ```
    pub fn near_object_in<K>(self, id: Uuid, target: &VectorName<T, K>) -> Self {
        self.ranked_by(Search::near_object(Some(target.name()), id))
    }

    /// Ranks by closeness to concepts, through the collection's vectorizer.
    /// The vectorizer module must support `nearText`.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] #[weaviate(vectorizer = "text2vec-openai")] struct Article { title: String }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// use weaviate_orm::query::{Move, NearText};
    ///
    /// let search = NearText::new(["memory safety"]).move_away(Move::concepts(["garbage collection"]).force(0.4));
    /// let hits = articles.query().near_text(search).max_distance(0.6).limit(5).fetch().await?;
    /// # Ok(()) }
    /// ```
    pub fn near_text(self, search: NearText<T>) -> Self {
        self.ranked_by(Search::near_text(&search))
    }

    /// Ranks by keywords (BM25F); [`Bm25`] says which fields and how words combine.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Article { title: String, body: String }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// use weaviate_orm::query::Bm25;
    ///
    /// let search = Bm25::new("borrow checker").boosted(&Article::FIELDS.title, 2.0);
    /// for hit in articles.query().bm25(search).limit(10).fetch_with_metadata().await? {
    ///     println!("{:?} {}", hit.metadata.score, hit.object.properties.title);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn bm25(self, search: Bm25<T>) -> Self {
        self.ranked_by(Search::bm25(&search))
    }

    /// Ranks by keywords and a vector, fused; see [`Hybrid`].
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Article { title: String, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(articles: Collection<Article>, query_vector: Vec<f32>) -> weaviate_orm::Result<()> {
    /// use weaviate_orm::query::Hybrid;
    ///
    /// let search = Hybrid::new("async runtimes").vector(query_vector).alpha(0.5); // keywords and vector weigh the same
    /// let hits = articles.query().hybrid(search).limit(10).fetch().await?;
    /// # Ok(()) }
    /// ```
    pub fn hybrid(self, search: Hybrid<T>) -> Self {
        self.ranked_by(Search::hybrid(&search))
    }

    /// Keeps only results within `distance` of the vector search's target,
    /// whether said before or after the search. Without a vector search,
    /// the query fails with [`Error::InvalidConfig`](crate::Error::InvalidConfig).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Article { title: String, words: i64, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// let close = articles.query().max_distance(0.2).near_vector(vec![0.1, 0.8, 0.3]).fetch().await?;
    /// # Ok(()) }
    /// ```
    pub fn max_distance(mut self, distance: f64) -> Self {
        self.state.ranking.set_threshold(Threshold::MaxDistance(distance));
        self
    }

    /// Keeps only results of the vector search with at least this certainty
    /// (cosine distance only), whether said before or after the search.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Article { title: String, words: i64, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(articles: Collection<Article>, id: uuid::Uuid) -> weaviate_orm::Result<()> {
    /// let near_twins = articles.query().near_object(id).min_certainty(0.95).fetch().await?;
    /// # Ok(()) }
    /// ```
    pub fn min_certainty(mut self, certainty: f64) -> Self {
        self.state.ranking.set_threshold(Threshold::MinCertainty(certainty));
        self
    }

    /// Reads the objects references point to with their properties,
    /// `depth` levels deep (1: the targets; 2: the targets' targets too...);
    /// read them with [`Ref::objects`](crate::Ref::objects). Targets must be
    /// derived models of this program.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, Ref, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Author { name: String }
    /// # #[derive(WeaviateCollection)] struct Book { title: String, author: Ref<Author> }
    /// # async fn demo(books: Collection<Book>) -> weaviate_orm::Result<()> {
    /// let books = books.query().resolve_references(1).limit(10).fetch().await?;
    /// for book in &books {
    ///     for author in book.properties.author.objects::<Author, _>()? {
    ///         println!("{} by {}", book.properties.title, author.properties.name);
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub fn resolve_references(mut self, depth: u8) -> Self {
        self.state.resolve_depth = depth;
        self
    }

    /// Cuts the results after `jumps` jumps in score or distance: only the
    /// group of clearly relevant results is returned, however many there are.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Article { title: String, words: i64, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// let relevant = articles.query().near_vector(vec![0.1, 0.8, 0.3]).autocut(1).fetch().await?;
    /// # Ok(()) }
    /// ```
    pub fn autocut(mut self, jumps: u32) -> Self {
        self.state.autocut = jumps;
        self
    }

    fn ranked_by(mut self, search: Search) -> Self {
        self.state.ranking.set(search);
        self
    }

    pub(crate) fn to_proto(&self, config: &CollectionConfig) -> Result<pb::SearchRequest> {
        let vectors = P::vector_names();
        self.state.to_proto(Scope {
            collection: self.collection.name(),
            tenant: self.collection.tenant().unwrap_or_default(),
            consistency: self.collection.consistency_proto(),
            properties: all_properties(config, self.state.resolve_depth),
            metadata: pb::MetadataRequest {
                uuid: true,
                vector: vectors.contains(&""),
                vectors: vectors.iter().filter(|n| !n.is_empty()).map(|n| (*n).to_owned()).collect(),
                ..Default::default()
            },
        })
    }

    /// Runs the query: the objects with their ids, decoded into `P` (the
    /// model, or the projection given with [`project`](Self::project)).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Article { title: String, words: i64, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// for article in articles.query().limit(10).fetch().await? {
    ///     println!("{}: {}", article.id, article.properties.title);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn fetch(self) -> Result<Vec<Object<P>>> {
        let results = self.run(false).await?;
        results.into_iter().map(|result| decode::<T, P>(self.collection.name(), result)).collect()
    }

    /// Runs the query and returns each object with its metadata: creation
    /// and update times, consistency, and the distance (vector searches) or
    /// score and its explanation (keyword and hybrid searches).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Article { title: String, words: i64, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// for hit in articles.query().near_vector(vec![0.1, 0.8, 0.3]).limit(3).fetch_with_metadata().await? {
    ///     let distance = hit.metadata.distance.unwrap_or_default();
    ///     println!("{distance:.3} {} (created {:?})", hit.object.properties.title, hit.metadata.creation_time);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn fetch_with_metadata(self) -> Result<Vec<Hit<P>>> {
        decode_hits::<T, P>(self.collection.name(), self.run(true).await?)
    }

    async fn run(&self, with_metadata: bool) -> Result<Vec<pb::SearchResult>> {
        Ok(self.run_reply(with_metadata).await?.results)
    }

    /// Sends the query; with `with_metadata`, asks for the metadata that
    /// applies to its search.
    pub(super) async fn run_reply(&self, with_metadata: bool) -> Result<pb::SearchReply> {
        let config = projected_config::<T, P>();
        let mut message = self.to_proto(&config)?;
        if with_metadata && let Some(metadata) = &mut message.metadata {
            metadata.creation_time_unix = true;
            metadata.last_update_time_unix = true;
            metadata.is_consistent = true;
            let search = self.state.ranking.search();
            let by_distance = search.is_some_and(Search::ranks_by_distance);
            metadata.distance = by_distance;
            metadata.certainty = matches!(self.state.ranking.threshold(), Threshold::MinCertainty(_));
            metadata.score = search.is_some() && !by_distance;
            metadata.explain_score = metadata.score;
        }
        let t = self.collection.transports()?;
        t.search_with_targets(message, other_reference_targets(&config, self.state.resolve_depth)).await
    }

    pub(super) fn collection_name(&self) -> &str {
        self.collection.name()
    }
}
