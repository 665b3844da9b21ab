//! Retrieval-augmented generation and reranking on any query, through the
//! collection's generative and reranker modules.

use std::marker::PhantomData;

use weaviate_orm_proto::v1 as pb;

use super::results::{Hit, decode_hits, generated_text};
use super::{Field, Projection, Query};
use crate::Result;
use crate::model::WeaviateCollection;
use crate::vocabulary::TextLike;

/// What to generate from a query's results: a text per object from a
/// prompt (`{property}` placeholders are filled from each object), and/or
/// one text for all results from a task.
///
/// ```
/// # use weaviate_orm::WeaviateCollection;
/// # use weaviate_orm::query::Generate;
/// # #[derive(WeaviateCollection)] struct Article { title: String, body: String }
/// let generate = Generate::<Article>::new()
///     .prompt("Summarize {title} in one line")
///     .task("What do these articles share?")
///     .task_field(&Article::FIELDS.body);
/// ```
#[derive(Debug, Clone)]
pub struct Generate<T> {
    prompt: Option<String>,
    task: Option<String>,
    task_fields: Vec<String>,
    marker: PhantomData<fn() -> T>,
}

impl<T> Default for Generate<T> {
    fn default() -> Self {
        Self { prompt: None, task: None, task_fields: Vec::new(), marker: PhantomData }
    }
}

impl<T> Generate<T> {
    /// Nothing yet; add a prompt, a task, or both.
    pub fn new() -> Self {
        Self::default()
    }

    /// One generation per result, from `prompt` with `{property}` filled in.
    pub fn prompt(mut self, prompt: impl Into<String>) -> Self {
        self.prompt = Some(prompt.into());
        self
    }

    /// One generation for all results together.
    pub fn task(mut self, task: impl Into<String>) -> Self {
        self.task = Some(task.into());
        self
    }

    /// Gives the task only this field of each result (repeatable; all
    /// fields without it).
    pub fn task_field<V>(mut self, field: &Field<T, V>) -> Self {
        self.task_fields.push(field.name().to_owned());
        self
    }

    fn to_proto(&self) -> pb::GenerativeSearch {
        pb::GenerativeSearch {
            single: self
                .prompt
                .as_ref()
                .map(|prompt| pb::generative_search::Single { prompt: prompt.clone(), ..Default::default() }),
            grouped: self.task.as_ref().map(|task| pb::generative_search::Grouped {
                task: task.clone(),
                properties: (!self.task_fields.is_empty()).then(|| pb::TextArray { values: self.task_fields.clone() }),
                ..Default::default()
            }),
        }
    }
}

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
    pub fn generate(mut self, generate: Generate<T>) -> Self {
        self.generate = Some(generate.to_proto());
        self
    }

    /// Reorders the results with the collection's reranker, scoring the
    /// text of `field` against `query` (or against the search's own query).
    pub fn rerank<V: TextLike>(mut self, field: &Field<T, V>, query: Option<&str>) -> Self {
        self.rerank = Some(pb::Rerank { property: field.name().to_owned(), query: query.map(str::to_owned) });
        self
    }

    /// Runs a generative query: the objects with their metadata and
    /// generated texts.
    pub async fn fetch_generated(self) -> Result<Generated<P>> {
        let reply = self.run_reply(true).await?;
        let grouped = generated_text(reply.generative_grouped_results.as_ref());
        Ok(Generated { hits: decode_hits::<T, P>(self.collection_name(), reply.results)?, grouped })
    }
}
