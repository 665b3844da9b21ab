//! Reference operations, typed by the `Ref<_>` field they change.

use reqwest::Method;
use serde_json::Value;
use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use super::requests::batch_references;
use crate::collection::Collection;
use crate::model::WeaviateCollection;
use crate::model::{Ref, RefTargets};
use crate::value::json::beacon;
use crate::vocabulary::Field;
use crate::{Error, Result};

/// Which references [`add_references`](Collection::add_references) could
/// not add. Positions count beacons: a `Ref` to two objects is two references.
///
/// ```no_run
/// # use weaviate_orm::{Collection, Ref, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Author { name: String }
/// # #[derive(WeaviateCollection)] struct Book { title: String, authors: Ref<Author> }
/// # async fn demo(books: Collection<Book>, book: uuid::Uuid, ann: uuid::Uuid, bob: uuid::Uuid)
/// # -> weaviate_orm::Result<()> {
/// let report = books.add_references(&Book::FIELDS.authors, &[(book, Ref::to_many([ann, bob]))]).await?;
/// assert_eq!(report.sent, 2);
/// for (position, reason) in &report.errors {
///     eprintln!("reference #{position} was not added: {reason}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReferencesReport {
    /// References sent.
    pub sent: usize,
    /// The ones that failed: position in the input (one per beacon) and the reason.
    pub errors: Vec<(usize, String)>,
}

impl<T: WeaviateCollection> Collection<T> {
    /// Adds the beacons of `to` to the reference `field` of the object `from`.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, Ref, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Author { name: String }
    /// # #[derive(WeaviateCollection)] struct Article { title: String, author: Ref<Author> }
    /// # async fn demo(articles: Collection<Article>, article: uuid::Uuid, author: uuid::Uuid) -> weaviate_orm::Result<()> {
    /// articles.add_reference(article, &Article::FIELDS.author, &Ref::to(author)).await?;
    /// # Ok(()) }
    /// ```
    pub async fn add_reference<R: RefTargets>(&self, from: Uuid, field: &Field<T, Ref<R>>, to: &Ref<R>) -> Result<()> {
        let pairs = [(from, to.clone())];
        let report = self.add_references(field, &pairs).await?;
        match report.errors.into_iter().next() {
            None => Ok(()),
            Some((_, reason)) => Err(Error::ReferenceRejected {
                collection: self.name().to_owned(),
                from,
                property: field.name().to_owned(),
                reason,
            }),
        }
    }

    /// Adds many references in one gRPC request: for each `(from, to)`, the
    /// beacons of `to` go onto `field` of the object `from`. Within a
    /// [`batch`](Collection::batch) import, use [`Batch::add_reference`](crate::data::Batch::add_reference).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, Ref, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Author { name: String }
    /// # #[derive(WeaviateCollection)] struct Book { title: String, authors: Ref<Author> }
    /// # async fn demo(books: Collection<Book>, dune: uuid::Uuid, emma: uuid::Uuid, ann: uuid::Uuid, bob: uuid::Uuid)
    /// # -> weaviate_orm::Result<()> {
    /// let pairs = [(dune, Ref::to(ann)), (emma, Ref::to_many([ann, bob]))];
    /// let report = books.add_references(&Book::FIELDS.authors, &pairs).await?;
    /// assert!(report.errors.is_empty(), "{:?}", report.errors);
    /// # Ok(()) }
    /// ```
    pub async fn add_references<R: RefTargets>(
        &self,
        field: &Field<T, Ref<R>>,
        pairs: &[(Uuid, Ref<R>)],
    ) -> Result<ReferencesReport> {
        let references = self.reference_messages(field, pairs)?;
        let sent = references.len();
        let errors = batch_references(self.client(), references, self.consistency_proto()).await?;
        Ok(ReferencesReport { sent, errors })
    }

    /// The batch messages adding, for each `(from, to)`, the beacons of `to`
    /// to `field` of `from`.
    pub(crate) fn reference_messages<R: RefTargets>(
        &self,
        field: &Field<T, Ref<R>>,
        pairs: &[(Uuid, Ref<R>)],
    ) -> Result<Vec<pb::BatchReference>> {
        let name = field.property();
        self.check_names()?;
        Ok(pairs
            .iter()
            .flat_map(|(from, to)| to.beacons().iter().map(move |target| (from, target)))
            .map(|(from, target)| pb::BatchReference {
                name: name.to_owned(),
                from_collection: self.name().to_owned(),
                from_uuid: from.to_string(),
                to_collection: R::MULTI.then(|| target.collection.clone()),
                to_uuid: target.id.to_string(),
                tenant: self.tenant().unwrap_or_default().to_owned(),
            })
            .collect())
    }

    /// Replaces the whole reference `field` of the object `from` with `to`
    /// (an empty `Ref` clears it).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, Ref, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Author { name: String }
    /// # #[derive(WeaviateCollection)] struct Book { title: String, authors: Ref<Author> }
    /// # async fn demo(books: Collection<Book>, book: uuid::Uuid, ann: uuid::Uuid) -> weaviate_orm::Result<()> {
    /// let authors = &Book::FIELDS.authors;
    /// books.replace_references(book, authors, &Ref::to(ann)).await?; // Ann is now the only author
    /// books.replace_references(book, authors, &Ref::new()).await?; // no author at all
    /// # Ok(()) }
    /// ```
    pub async fn replace_references<R: RefTargets>(
        &self,
        from: Uuid,
        field: &Field<T, Ref<R>>,
        to: &Ref<R>,
    ) -> Result<()> {
        let body: Value = to.beacons().iter().map(beacon).collect();
        self.reference_call(Method::PUT, from, field, &body).await
    }

    /// Removes the beacons of `to` from the reference `field` of the object
    /// `from`, one request per beacon; the other beacons stay.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, Ref, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Author { name: String }
    /// # #[derive(WeaviateCollection)] struct Book { title: String, authors: Ref<Author> }
    /// # async fn demo(books: Collection<Book>, book: uuid::Uuid, bob: uuid::Uuid) -> weaviate_orm::Result<()> {
    /// books.delete_reference(book, &Book::FIELDS.authors, &Ref::to(bob)).await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_reference<R: RefTargets>(
        &self,
        from: Uuid,
        field: &Field<T, Ref<R>>,
        to: &Ref<R>,
    ) -> Result<()> {
        for target in to.beacons() {
            self.reference_call(Method::DELETE, from, field, &beacon(target)).await?;
        }
        Ok(())
    }

    async fn reference_call<V>(&self, method: Method, from: Uuid, field: &Field<T, V>, body: &Value) -> Result<()> {
        let name = field.property();
        let t = self.transports()?;
        let path = self.object_path(from)?.and("references").then(name)?;
        let request = t.rest.request(method.clone(), &path, t.timeouts.insert).query(&self.rest_params()).json(body);
        t.rest.send(&format!("{method} /v1{path}"), t.timeouts.insert, request).await?;
        Ok(())
    }
}
