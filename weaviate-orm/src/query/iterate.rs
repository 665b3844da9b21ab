//! Reading every object of a collection in id order, one page at a time
//! (the cursor API), in constant memory.

use std::collections::VecDeque;

use tokio_stream::Stream;
use tokio_stream::wrappers::ReceiverStream;
use uuid::Uuid;

use super::{Projection, Query};
use crate::Result;
use crate::collection::Collection;
use crate::model::Object;
use crate::model::WeaviateCollection;

/// The default number of objects per page.
const PAGE_SIZE: u32 = 100;

/// Every object of a collection, page by page; see [`Collection::iterate`].
///
/// ```no_run
/// # use weaviate_orm::{Collection, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String }
/// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
/// let mut all = articles.iterate().page_size(500);
/// while let Some(article) = all.next().await {
///     println!("{}", article?.properties.title);
/// }
/// # Ok(()) }
/// ```
#[derive(Debug)]
#[must_use = "an iterator reads nothing until `next` is awaited"]
pub struct ObjectIterator<T, P = T> {
    query: Query<T, P>,
    page_size: u32,
    page: VecDeque<Object<P>>,
    after: Option<Uuid>,
    done: bool,
}

impl<T: WeaviateCollection> Collection<T> {
    /// Every object of the collection (of its tenant, if scoped), in id
    /// order, fetched a page at a time: memory holds one page. See
    /// [`ObjectIterator`] for an example.
    pub fn iterate(&self) -> ObjectIterator<T> {
        ObjectIterator { query: self.query(), page_size: PAGE_SIZE, page: VecDeque::new(), after: None, done: false }
    }
}

impl<T: WeaviateCollection, P: Projection<T>> ObjectIterator<T, P> {
    /// Objects per request (default 100).
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = size.max(1);
        self
    }

    /// Reads only the properties of the projection `Q`.
    pub fn project<Q: Projection<T>>(self) -> ObjectIterator<T, Q> {
        ObjectIterator {
            query: self.query.project(),
            page_size: self.page_size,
            page: VecDeque::new(),
            after: None,
            done: false,
        }
    }

    /// The next object, fetching the next page when this one is used up.
    pub async fn next(&mut self) -> Option<Result<Object<P>>> {
        if self.page.is_empty() && !self.done {
            let mut query = self.query.clone().limit(self.page_size);
            if let Some(after) = self.after {
                query = query.after(after);
            }
            match query.fetch().await {
                Ok(page) => {
                    self.done = page.len() < self.page_size as usize;
                    self.after = page.last().map(|object| object.id);
                    self.page = page.into();
                }
                Err(error) => {
                    self.done = true;
                    return Some(Err(error));
                }
            }
        }
        self.page.pop_front().map(Ok)
    }
}

impl<T, P> ObjectIterator<T, P>
where
    T: WeaviateCollection + Send + 'static,
    P: Projection<T> + Send + 'static,
{
    /// The objects as a [`Stream`], read ahead by one page on a task of its own.
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Article { title: String }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// use tokio_stream::StreamExt;
    ///
    /// let mut all = std::pin::pin!(articles.iterate().page_size(500).into_stream());
    /// while let Some(article) = all.next().await {
    ///     println!("{}", article?.properties.title);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn into_stream(mut self) -> impl Stream<Item = Result<Object<P>>> + Send + 'static {
        let (sender, receiver) = tokio::sync::mpsc::channel(self.page_size as usize);
        tokio::spawn(async move {
            while let Some(item) = self.next().await {
                if sender.send(item).await.is_err() {
                    return;
                }
            }
        });
        ReceiverStream::new(receiver)
    }
}
