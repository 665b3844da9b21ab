//! Partial updates: only the properties given change.

use reqwest::Method;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::collection::Collection;
use crate::model::WeaviateCollection;
use crate::value::json::to_json;
use crate::value::{AssignableTo, PropertyType};
use crate::vocabulary::Field;
use crate::{Error, Result};

/// A partial update of one object; start it with [`Collection::update`],
/// give the new values with [`set`](Self::set) and send it with
/// [`apply`](Self::apply).
///
/// ```no_run
/// # use weaviate_orm::{Collection, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64, summary: Option<String> }
/// # async fn demo(articles: Collection<Article>, id: uuid::Uuid) -> weaviate_orm::Result<()> {
/// let f = Article::FIELDS;
/// articles.update(id).set(&f.words, 1200).set(&f.summary, None).apply().await?;
/// # Ok(()) }
/// ```
#[derive(Debug)]
#[must_use = "an update does nothing until `apply` is awaited"]
pub struct Update<T> {
    collection: Collection<T>,
    id: Uuid,
    properties: Map<String, Value>,
    invalid: Option<Error>,
}

impl<T: WeaviateCollection> Collection<T> {
    /// A partial update of the object `id`: the properties given with
    /// [`Update::set`] change, the others keep their values. See [`Update`]
    /// for an example.
    pub fn update(&self, id: Uuid) -> Update<T> {
        Update { collection: self.clone(), id, properties: Map::new(), invalid: None }
    }
}

impl<T: WeaviateCollection> Update<T> {
    /// Sets `field` to `value` (anything that converts into the field's
    /// type: a `&str` for a `String`, an `i32` for an `i64`); `None` for an
    /// optional field clears it.
    pub fn set<V: PropertyType>(mut self, field: &Field<T, V>, value: impl AssignableTo<V>) -> Self {
        let value: V = value.assign();
        let name = field.property();
        match to_json(&value.to_value()) {
            Ok(json) => {
                self.properties.insert(name.to_owned(), json);
            }
            Err(source) => {
                self.invalid.get_or_insert(Error::InvalidValue { property: name.to_owned(), source });
            }
        }
        self
    }

    /// Sends the update (`PATCH /v1/objects/{collection}/{id}`). Fails with
    /// [`Error::ObjectNotFound`] when there is no such object.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, Error, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64 }
    /// # async fn demo(articles: Collection<Article>, id: uuid::Uuid) -> weaviate_orm::Result<()> {
    /// match articles.update(id).set(&Article::FIELDS.title, "Renamed").apply().await {
    ///     Err(Error::ObjectNotFound { .. }) => println!("no article {id}"),
    ///     other => other?,
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn apply(self) -> Result<()> {
        if let Some(error) = self.invalid {
            return Err(error);
        }
        let c = &self.collection;
        let t = c.transports()?;
        let mut body = Map::new();
        body.insert("class".into(), json!(c.name()));
        body.insert("properties".into(), Value::Object(self.properties));
        if let Some(tenant) = c.tenant() {
            body.insert("tenant".into(), json!(tenant));
        }
        let path = c.object_path(self.id)?;
        let request = t.rest.request(Method::PATCH, &path, t.timeouts.insert).query(&c.rest_params()).json(&body);
        let sent = t.rest.send(&format!("PATCH /v1{path}"), t.timeouts.insert, request).await;
        c.found(self.id, sent).map(drop)
    }
}
