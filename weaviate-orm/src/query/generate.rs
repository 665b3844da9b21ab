//! Retrieval-augmented generation and reranking on any query, through the
//! collection's generative and reranker modules.

use super::results::{Hit, decode_hits, generated_text};
use super::state::Rerank;
use super::{Field, Projection, Query};
use crate::Result;
use crate::model::WeaviateCollection;
use crate::vocabulary::Generate;
use crate::vocabulary::TextLike;

/// The results of a generative query.
#[derive(Debug, Clone, PartialEq)]
pub struct Generated<P> {
    /// Each object, with its own generated text when a prompt was given.
    pub hits: Vec<Hit<P>>,
    /// The text generated for all results, when a task was given.
    pub grouped: Option<String>,
}

impl<T: WeaviateCollection, P: Projection<T>> Query<T, P> {
    /// Generates text from the results with the collection's generative
    /// module; read it with [`fetch_generated`](Self::fetch_generated).
    /// [`Generate`] says what to generate.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # #[weaviate(generative = "generative-openai", reranker = "reranker-cohere")]
    /// # struct Article { title: String, body: String, category: String, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// use weaviate_orm::query::{Bm25, Generate};
    ///
    /// let generate = Generate::new().prompt("Summarize {body} in one sentence").task("Which topic do these share?");
    /// let answer = articles.query().bm25(Bm25::new("ownership")).limit(3).generate(generate).fetch_generated().await?;
    /// for hit in &answer.hits {
    ///     println!("{}: {:?}", hit.object.properties.title, hit.generated);
    /// }
    /// println!("together: {:?}", answer.grouped);
    /// # Ok(()) }
    /// ```
    pub fn generate(mut self, generate: Generate<T>) -> Self {
        self.state.generate = Some(generate.erase());
        self
    }

    /// Reorders the results with the collection's reranker, scoring the
    /// text of `field` against `query` (or against the search's own query).
    /// The new score is in [`Metadata::rerank_score`](super::Metadata::rerank_score).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # #[weaviate(generative = "generative-openai", reranker = "reranker-cohere")]
    /// # struct Article { title: String, body: String, category: String, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// // Fetch broadly by vector, then let the reranker order by the question.
    /// let query = articles.query().near_vector(vec![0.1, 0.9]).limit(50);
    /// let hits = query.rerank(&Article::FIELDS.body, Some("how do lifetimes work?")).fetch_with_metadata().await?;
    /// let best = hits.first().map(|hit| (&hit.object.properties.title, hit.metadata.rerank_score));
    /// # Ok(()) }
    /// ```
    pub fn rerank<V: TextLike>(mut self, field: &Field<T, V>, query: Option<&str>) -> Self {
        self.state.rerank = Some(Rerank { property: field.name(), query: query.map(str::to_owned) });
        self
    }

    /// Runs a generative query: the objects with their metadata and
    /// generated texts; see [`generate`](Self::generate) for an example.
    pub async fn fetch_generated(self) -> Result<Generated<P>> {
        let reply = self.run_reply(true).await?;
        let grouped = generated_text(reply.generative_grouped_results.as_ref());
        Ok(Generated { hits: decode_hits::<T, P>(self.collection_name(), reply.results)?, grouped })
    }
}
