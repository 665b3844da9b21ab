//! [`Sort`]: the order of a query's results, by typed fields.

use std::fmt;
use std::marker::PhantomData;

use weaviate_orm_proto::v1 as pb;

/// An order on objects of the collection `C`: `Article::FIELDS.published.descending()`.
pub struct Sort<C> {
    property: &'static str,
    ascending: bool,
    marker: PhantomData<fn() -> C>,
}

impl<C> Sort<C> {
    pub(crate) fn new(property: &'static str, ascending: bool) -> Self {
        Self { property, ascending, marker: PhantomData }
    }

    /// The same order without its collection type.
    pub(crate) fn erase(self) -> Sort<()> {
        Sort::new(self.property, self.ascending)
    }

    pub(crate) fn to_proto(&self) -> pb::SortBy {
        pb::SortBy { ascending: self.ascending, path: vec![self.property.to_owned()] }
    }
}

impl<C> Clone for Sort<C> {
    fn clone(&self) -> Self {
        Self::new(self.property, self.ascending)
    }
}

impl<C> fmt::Debug for Sort<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sort").field("property", &self.property).field("ascending", &self.ascending).finish()
    }
}
