//! [`Generate`]: what to generate from a query's results, through the
//! collection's generative module.

use std::marker::PhantomData;

use weaviate_orm_proto::v1 as pb;

use super::field::Field;
use super::provider::GenerativeProvider;

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
///
/// A query can also name the provider that generates, with its settings,
/// instead of the collection's generative module:
///
/// ```
/// # use weaviate_orm::WeaviateCollection;
/// use weaviate_orm::query::{Generate, OpenAiProvider};
/// # #[derive(WeaviateCollection)] struct Article { title: String }
/// let openai = OpenAiProvider { model: Some("gpt-4o-mini".into()), temperature: Some(0.2), ..Default::default() };
/// let generate = Generate::<Article>::new().prompt("Summarize {title}").provider(openai);
/// ```
#[derive(Debug, Clone)]
pub struct Generate<T> {
    prompt: Option<String>,
    task: Option<String>,
    task_fields: Vec<String>,
    provider: Option<GenerativeProvider>,
    marker: PhantomData<fn() -> T>,
}

impl<T> Default for Generate<T> {
    fn default() -> Self {
        Self { prompt: None, task: None, task_fields: Vec::new(), provider: None, marker: PhantomData }
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

    /// Generates with `provider` and its settings instead of the
    /// collection's generative module (the server must have the provider's
    /// module enabled).
    pub fn provider(mut self, provider: impl Into<GenerativeProvider>) -> Self {
        self.provider = Some(provider.into());
        self
    }

    /// The same request without its collection type.
    pub(crate) fn erase(self) -> Generate<()> {
        let Self { prompt, task, task_fields, provider, .. } = self;
        Generate { prompt, task, task_fields, provider, marker: PhantomData }
    }

    pub(crate) fn to_proto(&self) -> pb::GenerativeSearch {
        let queries: Vec<pb::GenerativeProvider> = self.provider.iter().map(GenerativeProvider::to_proto).collect();
        pb::GenerativeSearch {
            single: self.prompt.as_ref().map(|prompt| pb::generative_search::Single {
                prompt: prompt.clone(),
                queries: queries.clone(),
                ..Default::default()
            }),
            grouped: self.task.as_ref().map(|task| pb::generative_search::Grouped {
                task: task.clone(),
                properties: (!self.task_fields.is_empty()).then(|| pb::TextArray { values: self.task_fields.clone() }),
                queries: queries.clone(),
                ..Default::default()
            }),
        }
    }
}
