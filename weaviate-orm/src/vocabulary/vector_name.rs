//! [`VectorName`]: a typed handle on one named vector of a collection, for
//! every search that takes a vector name.

use std::fmt;
use std::marker::PhantomData;

use crate::vector::SingleVector;

/// The named vector `name` of collection `C`; `K` is [`SingleVector`] or
/// [`MultiVector`](crate::vector::MultiVector) (a ColBERT-style multi-vector).
///
/// The derive makes one per named vector: `Article::VECTORS.body`. A search
/// given one can only address a vector of that collection, and a
/// multi-vector search only a multi-vector.
///
/// ```
/// # use weaviate_orm::WeaviateCollection;
/// #[derive(WeaviateCollection)]
/// struct Article {
///     title: String,
///     #[weaviate(vector = "body")]
///     body: Vec<f32>,
///     #[weaviate(vector = "tokens")]
///     tokens: Vec<Vec<f32>>,
/// }
/// let (body, tokens) = (Article::VECTORS.body, Article::VECTORS.tokens);
/// assert_eq!((body.name(), tokens.name()), ("body", "tokens"));
/// ```
pub struct VectorName<C, K = SingleVector> {
    name: &'static str,
    marker: PhantomData<fn() -> (C, K)>,
}

impl<C, K> VectorName<C, K> {
    /// The handle on the vector `name`; the derive calls this.
    #[doc(hidden)]
    pub const fn new(name: &'static str) -> Self {
        Self { name, marker: PhantomData }
    }

    /// The vector's name on the server.
    pub fn name(&self) -> &'static str {
        self.name
    }
}

impl<C, K> Clone for VectorName<C, K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<C, K> Copy for VectorName<C, K> {}

impl<C, K> fmt::Debug for VectorName<C, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("VectorName").field(&self.name).finish()
    }
}
