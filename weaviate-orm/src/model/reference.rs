//! [`Ref`]: a cross-reference property, pointing to objects of one
//! collection (`Ref<Author>`) or of several (`Ref<(Author, Publisher)>`).

use std::fmt;
use std::marker::PhantomData;

use uuid::Uuid;

use crate::WeaviateCollection;
use crate::model::Object;
use crate::schema::DataType;
use crate::value::{Beacon, PropertyType, PropertyValue, ResolvedObject, ValueError};

/// The collections a reference property may point to: one collection
/// type, or a tuple of 2 to 8 of them for a multi-target reference.
#[diagnostic::on_unimplemented(
    message = "a reference cannot point to `{Self}`",
    label = "`Ref<_>` takes one collection type, or a tuple of 2 to 8 of them",
    note = "every target must derive `WeaviateCollection`; more than 8 target collections are not supported"
)]
pub trait RefTargets: 'static {
    /// Whether this is a multi-target reference (a tuple).
    const MULTI: bool;
    /// The target collections' names.
    fn names() -> Vec<&'static str>;
}

/// Position markers that let `Ref<(A, B)>` know `B` is one of its targets.
#[derive(Debug, Clone, Copy)]
pub struct At<const N: usize>;

/// `Self` may point to objects of `U`; `I` is `U`'s position (inferred).
#[diagnostic::on_unimplemented(
    message = "this reference cannot point to `{U}`",
    label = "`{U}` is not one of the reference's target collections"
)]
pub trait Targets<U, I = At<0>>: RefTargets {}

impl<T: WeaviateCollection> RefTargets for T {
    const MULTI: bool = false;
    fn names() -> Vec<&'static str> {
        vec![T::NAME]
    }
}
impl<T: WeaviateCollection> Targets<T, At<0>> for T {}

/// Implements the traits for a tuple of target collections.
macro_rules! multi_target {
    ($($ty:ident @ $n:literal),+) => {
        impl<$($ty: WeaviateCollection),+> RefTargets for ($($ty,)+) {
            const MULTI: bool = true;
            fn names() -> Vec<&'static str> {
                vec![$($ty::NAME),+]
            }
        }
        multi_target!(@each [$($ty),+] $($ty @ $n),+);
    };
    (@each $all:tt $($ty:ident @ $n:literal),+) => {
        $(multi_target!(@one $all $ty @ $n);)+
    };
    (@one [$($all:ident),+] $ty:ident @ $n:literal) => {
        impl<$($all: WeaviateCollection),+> Targets<$ty, At<$n>> for ($($all,)+) {}
    };
}

multi_target!(A @ 0, B @ 1);
multi_target!(A @ 0, B @ 1, C @ 2);
multi_target!(A @ 0, B @ 1, C @ 2, D @ 3);
multi_target!(A @ 0, B @ 1, C @ 2, D @ 3, E @ 4);
multi_target!(A @ 0, B @ 1, C @ 2, D @ 3, E @ 4, F @ 5);
multi_target!(A @ 0, B @ 1, C @ 2, D @ 3, E @ 4, F @ 5, G @ 6);
multi_target!(A @ 0, B @ 1, C @ 2, D @ 3, E @ 4, F @ 5, G @ 6, H @ 7);

/// A reference property: the objects it points to, in order.
///
/// `Ref<Author>` points into one collection; `Ref<(Author, Editor)>` into
/// several, each beacon naming its collection. An empty `Ref` points nowhere.
/// Reads return a multi-target reference's beacons grouped by collection,
/// in the order of the tuple.
pub struct Ref<T> {
    beacons: Vec<Beacon>,
    resolved: Vec<ResolvedObject>,
    marker: PhantomData<fn() -> T>,
}

impl<T> Ref<T> {
    /// A reference to nothing yet.
    pub fn new() -> Self {
        Self { beacons: Vec::new(), resolved: Vec::new(), marker: PhantomData }
    }

    /// The objects pointed to.
    pub fn beacons(&self) -> &[Beacon] {
        &self.beacons
    }

    /// The ids of the objects pointed to.
    pub fn ids(&self) -> impl Iterator<Item = Uuid> + '_ {
        self.beacons.iter().map(|b| b.id)
    }

    /// Whether the query read the targets' properties too
    /// ([`Query::resolve_references`](crate::query::Query::resolve_references)).
    pub fn is_resolved(&self) -> bool {
        !self.resolved.is_empty()
    }

    /// The targets in collection `U`, decoded with their properties, when
    /// the query resolved the reference (empty otherwise).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, Ref, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Author { name: String }
    /// # #[derive(WeaviateCollection)] struct Book { title: String, author: Ref<Author> }
    /// # async fn demo(books: Collection<Book>) -> weaviate_orm::Result<()> {
    /// for book in books.query().resolve_references(1).fetch().await? {
    ///     for author in book.properties.author.objects::<Author, _>()? {
    ///         println!("{} by {}", book.properties.title, author.properties.name);
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub fn objects<U, I>(&self) -> crate::Result<Vec<Object<U>>>
    where
        U: WeaviateCollection,
        T: Targets<U, I>,
    {
        let decode = |id: Uuid, bag: crate::PropertyBag| {
            U::from_properties(id, bag).map_err(|source| crate::Error::Decode {
                collection: U::NAME.to_owned(),
                object_id: id,
                source,
            })
        };
        self.resolved
            .iter()
            .filter(|r| r.beacon.collection == U::NAME)
            .map(|r| Ok(Object { id: r.beacon.id, properties: decode(r.beacon.id, r.properties.clone())? }))
            .collect()
    }

    /// Whether the reference points nowhere.
    pub fn is_empty(&self) -> bool {
        self.beacons.is_empty()
    }

    /// Adds the object `id` of the collection `U`, one of the targets.
    pub fn with<U: WeaviateCollection, I>(mut self, id: Uuid) -> Self
    where
        T: Targets<U, I>,
    {
        self.beacons.push(Beacon { collection: U::NAME.to_owned(), id });
        self
    }
}

impl<T: WeaviateCollection> Ref<T> {
    /// A reference to the object `id`.
    pub fn to(id: Uuid) -> Self {
        Self::to_many([id])
    }

    /// A reference to each of `ids`.
    pub fn to_many(ids: impl IntoIterator<Item = Uuid>) -> Self {
        let beacons = ids.into_iter().map(|id| Beacon { collection: T::NAME.to_owned(), id }).collect();
        Self { beacons, resolved: Vec::new(), marker: PhantomData }
    }
}

impl<T> Default for Ref<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> Clone for Ref<T> {
    fn clone(&self) -> Self {
        Self { beacons: self.beacons.clone(), resolved: self.resolved.clone(), marker: PhantomData }
    }
}

impl<T> PartialEq for Ref<T> {
    fn eq(&self, other: &Self) -> bool {
        self.beacons == other.beacons
    }
}

impl<T> Eq for Ref<T> {}

impl<T> fmt::Debug for Ref<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(&self.beacons).finish()
    }
}

impl<T: RefTargets> PropertyType for Ref<T> {
    fn data_type() -> DataType {
        DataType::Reference(T::names().into_iter().map(str::to_owned).collect())
    }

    fn to_value(&self) -> PropertyValue {
        PropertyValue::Reference { beacons: self.beacons.clone(), multi_target: T::MULTI, resolved: Vec::new() }
    }

    fn from_value(value: PropertyValue) -> Result<Self, ValueError> {
        match value {
            PropertyValue::Reference { mut beacons, mut resolved, .. } => {
                // Single-target results may leave the collection out.
                if let (false, [name]) = (T::MULTI, T::names().as_slice()) {
                    beacons.iter_mut().for_each(|b| b.collection = (*name).to_owned());
                    resolved.iter_mut().for_each(|r| r.beacon.collection = (*name).to_owned());
                }
                Ok(Self { beacons, resolved, marker: PhantomData })
            }
            PropertyValue::Null => Ok(Self::new()),
            other => Err(ValueError::mismatch("reference", &other)),
        }
    }
}
