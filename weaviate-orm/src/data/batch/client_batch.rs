//! A batch across collections: objects of any model and references between
//! them, in one pipeline.

use uuid::Uuid;

use super::builder::BatchBuilder;
use super::collection_batch::{object_item, reference_items};
use super::item::AnyObject;
use super::pipeline::{Pipeline, PipelineSender};
use super::report::{BatchProgress, BatchReport};
use crate::Result;
use crate::client::WeaviateClient;
use crate::collection::Collection;
use crate::model::WeaviateCollection;
use crate::model::{Ref, RefTargets};
use crate::vocabulary::Field;

/// The scope of a client-level batch: any collection.
#[derive(Debug, Clone, Copy)]
pub struct AnyCollection;

impl WeaviateClient {
    /// A batch import across collections: objects of any model, each added
    /// with the [`Collection`] handle (and so the tenant) it belongs to, and
    /// references between them, sent after the objects they link.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Ref, WeaviateClient, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Author { name: String }
    /// # #[derive(WeaviateCollection)] struct Book { title: String, author: Ref<Author> }
    /// # async fn demo(client: WeaviateClient) -> weaviate_orm::Result<()> {
    /// let (authors, books) = (client.collection::<Author>(), client.collection::<Book>());
    /// let batch = client.batch().start();
    /// let author = batch.add(&authors, Author { name: "Le Guin".into() }).await?;
    /// let book = batch.add(&books, Book { title: "The Dispossessed".into(), author: Ref::default() }).await?;
    /// batch.add_reference(&books, book, &Book::FIELDS.author, Ref::to(author)).await?;
    /// let report = batch.finish().await?;
    /// assert!(report.failed.is_empty() && report.failed_references.is_empty());
    /// # Ok(()) }
    /// ```
    pub fn batch(&self) -> BatchBuilder<AnyCollection> {
        BatchBuilder::new(AnyCollection, self.clone(), None)
    }
}

impl BatchBuilder<AnyCollection> {
    /// Starts the import's worker on the current Tokio runtime.
    pub fn start(self) -> ClientBatch {
        let (_, Pipeline { sender, worker }) = self.launch();
        ClientBatch { handle: ClientBatchHandle { sender }, worker }
    }
}

/// A running import across collections; failed objects come back as
/// [`AnyObject`]s to [`downcast`](AnyObject::downcast). Start one with
/// [`WeaviateClient::batch`], which has an example of adding.
///
/// ```no_run
/// # use weaviate_orm::WeaviateCollection;
/// # #[derive(WeaviateCollection)] struct Author { name: String }
/// # async fn demo(batch: weaviate_orm::data::ClientBatch) -> weaviate_orm::Result<()> {
/// for failed in batch.finish().await?.failed {
///     match failed.object.downcast::<Author>() {
///         Ok(author) => eprintln!("author {} failed: {}", author.name, failed.error),
///         Err(other) => eprintln!("an object of {} failed: {}", other.collection(), failed.error),
///     }
/// }
/// # Ok(()) }
/// ```
#[derive(Debug)]
#[must_use = "a batch dropped without `finish().await` loses its report: which objects failed, and why"]
pub struct ClientBatch {
    handle: ClientBatchHandle,
    worker: tokio::task::JoinHandle<BatchReport<AnyObject>>,
}

/// Adds to a running [`ClientBatch`] from another task.
#[derive(Debug, Clone)]
pub struct ClientBatchHandle {
    sender: PipelineSender<AnyObject>,
}

impl ClientBatch {
    /// Queues `object` for `collection` and returns the id it will have.
    pub async fn add<T: WeaviateCollection + Send + 'static>(
        &self,
        collection: &Collection<T>,
        object: T,
    ) -> Result<Uuid> {
        self.handle.add(collection, object).await
    }

    /// Queues references from the object `from` of `collection`: the
    /// beacons of `to` go onto its reference `field`, once the objects they
    /// link that are still in this batch are stored.
    pub async fn add_reference<T: WeaviateCollection, R: RefTargets>(
        &self,
        collection: &Collection<T>,
        from: Uuid,
        field: &Field<T, Ref<R>>,
        to: Ref<R>,
    ) -> Result<()> {
        self.handle.add_reference(collection, from, field, to).await
    }

    /// A handle for adding from other tasks.
    pub fn handle(&self) -> ClientBatchHandle {
        self.handle.clone()
    }

    /// The running counts.
    pub fn progress(&self) -> BatchProgress {
        self.handle.sender.progress()
    }

    /// Waits for every object and reference to be confirmed or failed.
    pub async fn finish(self) -> Result<BatchReport<AnyObject>> {
        drop(self.handle);
        Pipeline::finish(self.worker).await
    }
}

impl ClientBatchHandle {
    /// Queues `object` for `collection`; see [`ClientBatch::add`].
    pub async fn add<T: WeaviateCollection + Send + 'static>(
        &self,
        collection: &Collection<T>,
        object: T,
    ) -> Result<Uuid> {
        let (id, item) = object_item(collection, object, |object| AnyObject::new(collection.name(), object));
        self.sender.push(item).await?;
        Ok(id)
    }

    /// Queues references; see [`ClientBatch::add_reference`].
    pub async fn add_reference<T: WeaviateCollection, R: RefTargets>(
        &self,
        collection: &Collection<T>,
        from: Uuid,
        field: &Field<T, Ref<R>>,
        to: Ref<R>,
    ) -> Result<()> {
        for item in reference_items(collection, from, field, to)? {
            self.sender.push(item).await?;
        }
        Ok(())
    }
}
