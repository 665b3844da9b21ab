//! [`Field`]: a typed handle on one property of a collection, the start of
//! every filter and sort.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use super::ast::{Operator, Target, Value};
use super::filter::Filter;
use super::operand::{Array, Equatable, Geo, HasLength, ObjectId, Operand, Ordered, Sortable, TextLike, Timestamp};
use super::sort::Sort;
use crate::WeaviateCollection;
use crate::value::GeoCoordinates;

/// The kind of a [`Field`] handle that addresses a property of the
/// collection itself: it filters, sorts, searches, groups, aggregates and updates.
#[derive(Debug, Clone, Copy)]
pub struct Property;

/// The kind of a [`Field`] handle made by [`length`](Field::length),
/// [`count`](Field::count) or [`path`](Field::path): it addresses no
/// property of the collection, so it only filters.
#[derive(Debug, Clone, Copy)]
pub struct FilterOnly;

/// Handle kinds that address a property of the collection itself.
#[diagnostic::on_unimplemented(
    message = "this handle only filters: `length()`, `count()` and `path(..)` address no property of the collection",
    label = "sort, search, group and aggregate by the property's own field instead"
)]
pub trait AddressesProperty {}

impl AddressesProperty for Property {}

/// A property of collection `C` whose Rust type is `T`.
///
/// The derive makes one per property: `Article::FIELDS.title`. Its methods
/// build [`Filter`]s and [`Sort`]s, and each exists only for the types that
/// support it: `greater_than` for numbers and dates, `like` for text,
/// `contains_any` for arrays, `within_geo_range` for geo coordinates. Values
/// are checked against `T`, and the result only filters `C`.
///
/// `K` says what the handle addresses: [`Property`] (the default) for the
/// collection's own properties, [`FilterOnly`] for lengths, counts and
/// paths through references, which filters take and nothing else does.
///
/// An object's id and timestamps are no properties: their handles are
/// [`Filter::by_id`], [`Filter::by_creation_time`] and [`Filter::by_update_time`].
///
/// ```
/// # use weaviate_orm::{Ref, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Author { name: String }
/// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64, author: Ref<Author> }
/// let f = Article::FIELDS;
/// let filter = f.words.greater_than(1000)
///     & f.title.length().less_than(80)
///     & f.author.path(Author::FIELDS.name).equal("Ada")
///     & f.author.count().equal(1);
/// let longest_first = f.words.descending();
/// # let _ = (filter, longest_first);
/// ```
pub struct Field<C, T, K = Property> {
    target: Target,
    marker: PhantomData<Marker<C, T, K>>,
}

/// Ties a handle to its collection, type and kind without owning any.
type Marker<C, T, K> = fn() -> (C, T, K);

impl<C, T> Field<C, T> {
    /// The handle on the property `name`; the derive calls this.
    #[doc(hidden)]
    pub const fn new(name: &'static str) -> Self {
        Self { target: Target::Property(name), marker: PhantomData }
    }

    /// The property's name on the server.
    pub(crate) fn property(&self) -> &'static str {
        self.name()
    }
}

impl<C, T, K> Field<C, T, K> {
    pub(crate) fn at(target: Target) -> Self {
        Self { target, marker: PhantomData }
    }

    /// The property's name on the server (for a reference path, the first hop).
    pub fn name(&self) -> &'static str {
        match &self.target {
            Target::Property(name) | Target::Length(name) | Target::Count(name) => name,
            Target::Reference { on, .. } => on,
        }
    }

    fn filter(&self, operator: Operator, value: Value) -> Filter<C> {
        Filter::leaf(self.target.clone(), operator, value)
    }

    /// Objects whose value equals `value`; for an array, whose array holds it.
    ///
    /// ```
    /// # use weaviate_orm::WeaviateCollection;
    /// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64, rating: f64, tags: Vec<String> }
    /// let f = Article::FIELDS;
    /// let by_title = f.title.equal("Ownership");
    /// let tagged = f.tags.equal("rust"); // the array holds "rust"
    /// # let _ = (by_title, tagged);
    /// ```
    pub fn equal(&self, value: impl Operand<T::Base>) -> Filter<C>
    where
        T: Equatable,
    {
        self.filter(Operator::Equal, value.into_value())
    }

    /// Objects whose value differs from `value`.
    ///
    /// ```
    /// # use weaviate_orm::WeaviateCollection;
    /// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64, rating: f64, tags: Vec<String> }
    /// let rated = Article::FIELDS.rating.not_equal(0.0);
    /// # let _ = rated;
    /// ```
    pub fn not_equal(&self, value: impl Operand<T::Base>) -> Filter<C>
    where
        T: Equatable,
    {
        self.filter(Operator::NotEqual, value.into_value())
    }

    /// Objects whose value is greater than `value` (numbers and dates).
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use weaviate_orm::WeaviateCollection;
    /// # #[derive(WeaviateCollection)] struct Article { title: String, published: chrono::DateTime<Utc> }
    /// let this_year = Article::FIELDS.published.greater_than(Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap());
    /// # let _ = this_year;
    /// ```
    pub fn greater_than(&self, value: impl Operand<T::Base>) -> Filter<C>
    where
        T: Ordered,
    {
        self.filter(Operator::GreaterThan, value.into_value())
    }

    /// Objects whose value is greater than or equal to `value`.
    ///
    /// ```
    /// # use weaviate_orm::WeaviateCollection;
    /// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64, rating: f64, tags: Vec<String> }
    /// let long = Article::FIELDS.words.greater_or_equal(1000); // an i32 or u8 works too
    /// # let _ = long;
    /// ```
    pub fn greater_or_equal(&self, value: impl Operand<T::Base>) -> Filter<C>
    where
        T: Ordered,
    {
        self.filter(Operator::GreaterOrEqual, value.into_value())
    }

    /// Objects whose value is less than `value`.
    ///
    /// ```
    /// # use weaviate_orm::WeaviateCollection;
    /// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64, rating: f64, tags: Vec<String> }
    /// let poorly_rated = Article::FIELDS.rating.less_than(2.5);
    /// # let _ = poorly_rated;
    /// ```
    pub fn less_than(&self, value: impl Operand<T::Base>) -> Filter<C>
    where
        T: Ordered,
    {
        self.filter(Operator::LessThan, value.into_value())
    }

    /// Objects whose value is less than or equal to `value`.
    ///
    /// ```
    /// # use weaviate_orm::WeaviateCollection;
    /// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64, rating: f64, tags: Vec<String> }
    /// let f = Article::FIELDS;
    /// let between = f.words.greater_than(500) & f.words.less_or_equal(2000);
    /// # let _ = between;
    /// ```
    pub fn less_or_equal(&self, value: impl Operand<T::Base>) -> Filter<C>
    where
        T: Ordered,
    {
        self.filter(Operator::LessOrEqual, value.into_value())
    }

    /// Text matching a pattern: `?` is one character, `*` any number.
    ///
    /// ```
    /// # use weaviate_orm::WeaviateCollection;
    /// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64, rating: f64, tags: Vec<String> }
    /// let f = Article::FIELDS;
    /// let about_rust = f.title.like("*Rust*");
    /// let rust_or_rest = f.title.like("R?st");
    /// # let _ = (about_rust, rust_or_rest);
    /// ```
    pub fn like(&self, pattern: impl Into<String>) -> Filter<C>
    where
        T: TextLike,
    {
        self.filter(Operator::Like, Value::Text(pattern.into()))
    }

    /// Arrays holding at least one of `values`.
    ///
    /// ```
    /// # use weaviate_orm::WeaviateCollection;
    /// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64, rating: f64, tags: Vec<String> }
    /// let systems = Article::FIELDS.tags.contains_any(["rust", "c", "zig"]);
    /// # let _ = systems;
    /// ```
    pub fn contains_any<V: Operand<T::Base>>(&self, values: impl IntoIterator<Item = V>) -> Filter<C>
    where
        T: Array,
    {
        self.filter(Operator::ContainsAny, V::into_array(values))
    }

    /// Arrays holding every one of `values`.
    ///
    /// ```
    /// # use weaviate_orm::WeaviateCollection;
    /// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64, rating: f64, tags: Vec<String> }
    /// let async_rust = Article::FIELDS.tags.contains_all(["rust", "async"]);
    /// # let _ = async_rust;
    /// ```
    pub fn contains_all<V: Operand<T::Base>>(&self, values: impl IntoIterator<Item = V>) -> Filter<C>
    where
        T: Array,
    {
        self.filter(Operator::ContainsAll, V::into_array(values))
    }

    /// Arrays holding none of `values`.
    ///
    /// ```
    /// # use weaviate_orm::WeaviateCollection;
    /// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64, rating: f64, tags: Vec<String> }
    /// let published = Article::FIELDS.tags.contains_none(["draft", "internal"]);
    /// # let _ = published;
    /// ```
    pub fn contains_none<V: Operand<T::Base>>(&self, values: impl IntoIterator<Item = V>) -> Filter<C>
    where
        T: Array,
    {
        self.filter(Operator::ContainsNone, V::into_array(values))
    }

    /// Objects without a value (`true`) or with one (`false`). Needs the
    /// collection's `index_null_state`.
    ///
    /// ```
    /// # use weaviate_orm::WeaviateCollection;
    /// # #[derive(WeaviateCollection)]
    /// # #[weaviate(inverted_index(index_null_state))]
    /// # struct Article { title: String, summary: Option<String> }
    /// let to_summarize = Article::FIELDS.summary.is_null(true);
    /// # let _ = to_summarize;
    /// ```
    pub fn is_null(&self, null: bool) -> Filter<C> {
        self.filter(Operator::IsNull, Value::Bool(null))
    }

    /// Places within `distance_m` metres of `center`.
    ///
    /// ```
    /// # use weaviate_orm::WeaviateCollection;
    /// # use weaviate_orm::value::GeoCoordinates;
    /// # #[derive(WeaviateCollection)] struct Shop { name: String, location: GeoCoordinates }
    /// let amsterdam = GeoCoordinates::new(52.37, 4.90);
    /// let nearby = Shop::FIELDS.location.within_geo_range(amsterdam, 5_000.0); // within 5 km
    /// # let _ = nearby;
    /// ```
    pub fn within_geo_range(&self, center: GeoCoordinates, distance_m: f32) -> Filter<C>
    where
        T: Geo,
    {
        self.filter(Operator::WithinGeoRange, Value::Geo(center, distance_m))
    }

    /// The length of the text or array, to filter on (`len(name)`). Needs the
    /// collection's `index_property_length`.
    ///
    /// ```
    /// # use weaviate_orm::WeaviateCollection;
    /// # #[derive(WeaviateCollection)]
    /// # #[weaviate(inverted_index(index_property_length))]
    /// # struct Article { title: String, tags: Vec<String> }
    /// let f = Article::FIELDS;
    /// let short_titles = f.title.length().less_than(20);
    /// let untagged = f.tags.length().equal(0);
    /// # let _ = (short_titles, untagged);
    /// ```
    pub fn length(&self) -> Field<C, i64, FilterOnly>
    where
        T: HasLength,
    {
        Field::at(self.target.length())
    }

    /// Sorts by this property, smallest first.
    pub fn ascending(&self) -> Sort<C>
    where
        K: AddressesProperty,
        T: Sortable,
    {
        Sort::new(self.name(), true)
    }

    /// Sorts by this property, largest first.
    pub fn descending(&self) -> Sort<C>
    where
        K: AddressesProperty,
        T: Sortable,
    {
        Sort::new(self.name(), false)
    }
}

impl<C, T> Field<C, crate::Ref<T>> {
    /// The property `inner` of the objects this reference points to:
    /// `Article::FIELDS.author.path(Author::FIELDS.name).equal("Ada")`.
    /// The handle only filters.
    ///
    /// ```
    /// # use weaviate_orm::{Ref, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Author { name: String }
    /// # #[derive(WeaviateCollection)] struct Publisher { name: String, country: String }
    /// # #[derive(WeaviateCollection)]
    /// # struct Book { title: String, author: Ref<Author>, credits: Ref<(Author, Publisher)> }
    /// let f = Book::FIELDS;
    /// let by_ada = f.author.path(Author::FIELDS.name).equal("Ada");
    /// // A multi-target reference: the inner field says which collection.
    /// let dutch = f.credits.path(Publisher::FIELDS.country).equal("NL");
    /// # let _ = (by_ada, dutch);
    /// ```
    pub fn path<U, V, I, K>(&self, inner: Field<U, V, K>) -> Field<C, V, FilterOnly>
    where
        T: crate::model::Targets<U, I>,
        U: WeaviateCollection,
    {
        let target = Target::Reference {
            on: self.name(),
            target_collection: U::NAME,
            multi_target: T::MULTI,
            inner: Arc::new(inner.target),
        };
        Field::at(target)
    }

    /// The number of objects this reference points to, to filter on.
    ///
    /// ```
    /// # use weaviate_orm::{Ref, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Author { name: String }
    /// # #[derive(WeaviateCollection)] struct Book { title: String, authors: Ref<Author> }
    /// let f = Book::FIELDS;
    /// let co_written = f.authors.count().greater_than(1);
    /// let anonymous = f.authors.count().equal(0);
    /// # let _ = (co_written, anonymous);
    /// ```
    pub fn count(&self) -> Field<C, i64, FilterOnly> {
        Field::at(Target::Count(self.name()))
    }
}

/// The handles on an object's id and timestamps, which are no properties.
impl<C: WeaviateCollection> Filter<C> {
    /// The object's id: `Filter::<Article>::by_id().equal(id)`, or
    /// `.contains_any(ids)` for several.
    ///
    /// ```
    /// # use weaviate_orm::WeaviateCollection;
    /// # use weaviate_orm::query::Filter;
    /// # #[derive(WeaviateCollection)] struct Article { title: String }
    /// # let (id, other) = (uuid::Uuid::new_v4(), uuid::Uuid::new_v4());
    /// let one = Filter::<Article>::by_id().equal(id);
    /// let either = Filter::<Article>::by_id().contains_any([id, other]);
    /// let all_but_one = Filter::<Article>::by_id().not_equal(id);
    /// # let _ = (one, either, all_but_one);
    /// ```
    pub fn by_id() -> Field<C, ObjectId> {
        Field::new("_id")
    }

    /// The time the object was created (needs the collection's `index_timestamps`).
    ///
    /// ```
    /// # use chrono::Utc;
    /// # use weaviate_orm::WeaviateCollection;
    /// # use weaviate_orm::query::Filter;
    /// # #[derive(WeaviateCollection)]
    /// # #[weaviate(inverted_index(index_timestamps))]
    /// # struct Article { title: String }
    /// let this_week = Filter::<Article>::by_creation_time().greater_than(Utc::now() - chrono::Duration::days(7));
    /// let stale = Filter::<Article>::by_update_time().less_than(Utc::now() - chrono::Duration::days(365));
    /// # let _ = (this_week, stale);
    /// ```
    pub fn by_creation_time() -> Field<C, Timestamp> {
        Field::new("_creationTimeUnix")
    }

    /// The time the object was last updated (needs the collection's
    /// `index_timestamps`); see [`by_creation_time`](Self::by_creation_time)
    /// for an example. Both timestamps also sort: `by_update_time().descending()`.
    pub fn by_update_time() -> Field<C, Timestamp> {
        Field::new("_lastUpdateTimeUnix")
    }
}

impl<C, T, K> Clone for Field<C, T, K> {
    fn clone(&self) -> Self {
        Self::at(self.target.clone())
    }
}

impl<C, T, K> fmt::Debug for Field<C, T, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Field").field("target", &self.target).finish()
    }
}
