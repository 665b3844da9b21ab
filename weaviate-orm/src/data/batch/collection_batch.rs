//! A batch into one collection: objects of its type and references from them.

use uuid::Uuid;

use super::builder::BatchBuilder;
use super::item::Item;
use super::pipeline::{Pipeline, PipelineSender};
use super::report::{BatchProgress, BatchReport};
use crate::Result;
use crate::collection::Collection;
use crate::model::WeaviateCollection;
use crate::model::{Ref, RefTargets};
use crate::vocabulary::Field;

impl<T: WeaviateCollection> Collection<T> {
    /// A batch import into this collection (its tenant and consistency
    /// level included); configure it on the [`BatchBuilder`], then `start`
    /// it. The [module](crate::data::batch) explains the guarantees.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Article { title: String }
    /// # async fn demo(articles: Collection<Article>, input: Vec<Article>) -> weaviate_orm::Result<()> {
    /// let batch = articles.with_tenant("acme").batch().start();
    /// for article in input {
    ///     batch.add(article).await?;
    /// }
    /// let report = batch.finish().await?;
    /// assert!(report.failed.is_empty());
    /// # Ok(()) }
    /// ```
    pub fn batch(&self) -> BatchBuilder<Collection<T>> {
        BatchBuilder::new(self.clone(), self.client().clone(), self.consistency_level())
    }
}

impl<T: WeaviateCollection + Send + 'static> BatchBuilder<Collection<T>> {
    /// Starts the import's worker on the current Tokio runtime.
    pub fn start(self) -> Batch<T> {
        let (collection, Pipeline { sender, worker }) = self.launch();
        Batch { handle: BatchHandle { collection, sender }, worker }
    }
}

/// A running import into one collection; objects go in with
/// [`add`](Self::add), the report comes out of [`finish`](Self::finish).
///
/// Several tasks can add at once through [`handle`](Self::handle)s:
///
/// ```no_run
/// # use weaviate_orm::{Collection, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String }
/// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
/// let batch = articles.batch().start();
/// let handle = batch.handle();
/// let producer = tokio::spawn(async move {
///     for i in 0..1000 {
///         handle.add(Article { title: format!("Generated #{i}") }).await?;
///     }
///     Ok::<_, weaviate_orm::Error>(()) // dropping the handle lets `finish` end
/// });
/// batch.add(Article { title: "Written by hand".into() }).await?;
/// producer.await.expect("the producer panicked")?;
/// let report = batch.finish().await?;
/// # Ok(()) }
/// ```
#[derive(Debug)]
#[must_use = "a batch dropped without `finish().await` loses its report: which objects failed, and why"]
pub struct Batch<T> {
    handle: BatchHandle<T>,
    worker: tokio::task::JoinHandle<BatchReport<T>>,
}

/// Adds objects to a running [`Batch`] from another task.
#[derive(Debug)]
pub struct BatchHandle<T> {
    collection: Collection<T>,
    sender: PipelineSender<T>,
}

impl<T> Clone for BatchHandle<T> {
    fn clone(&self) -> Self {
        Self { collection: self.collection.clone(), sender: self.sender.clone() }
    }
}

impl<T: WeaviateCollection + Send + 'static> Batch<T> {
    /// Queues `object` and returns the id it will have. Waits while the
    /// pipeline is full.
    pub async fn add(&self, object: T) -> Result<Uuid> {
        self.handle.add(object).await
    }

    /// Queues references from the object `from`: the beacons of `to` go onto
    /// its reference `field`. They are sent once the objects they link that
    /// are still in this batch are stored.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, Ref, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Person { name: String, friends: Ref<Person> }
    /// # async fn demo(people: Collection<Person>) -> weaviate_orm::Result<()> {
    /// let batch = people.batch().start();
    /// let ann = batch.add(Person { name: "Ann".into(), friends: Ref::new() }).await?;
    /// let bob = batch.add(Person { name: "Bob".into(), friends: Ref::new() }).await?;
    /// batch.add_reference(ann, &Person::FIELDS.friends, Ref::to(bob)).await?; // sent once both are stored
    /// let report = batch.finish().await?;
    /// assert!(report.failed_references.is_empty());
    /// # Ok(()) }
    /// ```
    pub async fn add_reference<R: RefTargets>(&self, from: Uuid, field: &Field<T, Ref<R>>, to: Ref<R>) -> Result<()> {
        self.handle.add_reference(from, field, to).await
    }

    /// A handle for adding from other tasks.
    pub fn handle(&self) -> BatchHandle<T> {
        self.handle.clone()
    }

    /// The running counts; `failed` is the running error count.
    pub fn progress(&self) -> BatchProgress {
        self.handle.sender.progress()
    }

    /// Waits for every object and reference to be confirmed or failed.
    /// Handles still held elsewhere must be dropped first, or this waits for them.
    pub async fn finish(self) -> Result<BatchReport<T>> {
        drop(self.handle);
        Pipeline::finish(self.worker).await
    }
}

impl<T: WeaviateCollection + Send + 'static> BatchHandle<T> {
    /// Queues `object` and returns the id it will have. Waits while the
    /// pipeline is full.
    pub async fn add(&self, object: T) -> Result<Uuid> {
        let (id, item) = object_item(&self.collection, object, |object| object);
        self.sender.push(item).await?;
        Ok(id)
    }

    /// Queues references from the object `from`; see [`Batch::add_reference`].
    pub async fn add_reference<R: RefTargets>(&self, from: Uuid, field: &Field<T, Ref<R>>, to: Ref<R>) -> Result<()> {
        for item in reference_items(&self.collection, from, field, to)? {
            self.sender.push(item).await?;
        }
        Ok(())
    }
}

/// `object` encoded for `collection`, under its own id (or a new one);
/// `wrap` turns it into what the report hands back.
pub(super) fn object_item<T: WeaviateCollection, P>(
    collection: &Collection<T>,
    object: T,
    wrap: impl FnOnce(T) -> P,
) -> (Uuid, Item<P>) {
    let id = object.object_id().unwrap_or_else(Uuid::new_v4);
    let item = match collection.encode(&object, id) {
        Ok(encoded) => Item::Object { id, encoded, object: wrap(object) },
        Err(error) => Item::Unencodable { id, object: wrap(object), error: error.to_string() },
    };
    (id, item)
}

/// One reference item per beacon of `to`.
pub(super) fn reference_items<T: WeaviateCollection, R: RefTargets, P>(
    collection: &Collection<T>,
    from: Uuid,
    field: &Field<T, Ref<R>>,
    to: Ref<R>,
) -> Result<Vec<Item<P>>> {
    let messages = collection.reference_messages(field, &[(from, to)])?;
    Ok(messages.into_iter().map(|message| Item::Reference { message }).collect())
}
