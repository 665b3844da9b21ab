//! [`Filter`]: a condition on the objects of one collection, built from
//! typed [`Field`](crate::query::Field)s and combined with `&`, `|` and `!`.

use std::collections::VecDeque;
use std::fmt;
use std::marker::PhantomData;
use std::ops::{BitAnd, BitOr, Not};

use weaviate_orm_proto::v1 as pb;

use super::ast::{Operator, Target, Value};
use crate::{Error, Result};

/// One step of a filter in postfix order: a leaf, or a combination of the
/// filters just before it. The flat form keeps building, cloning, comparing,
/// dropping and converting a filter iterative, whatever its depth.
#[derive(Debug, Clone, PartialEq)]
enum Op {
    Leaf {
        target: Target,
        operator: Operator,
        value: Value,
    },
    /// The last `n` filters, all of which must match.
    And(usize),
    /// The last `n` filters, one of which must match.
    Or(usize),
    /// The last filter must not match.
    Not,
}

/// How deeply filters may nest (`a & (b | (c & ...))`): deeper filters are
/// refused before anything is sent, with [`Error::FilterTooDeep`].
/// `&` and `|` chains of one kind flatten, so only alternation nests.
pub const MAX_FILTER_DEPTH: usize = 100;

/// A condition on objects of the collection `C`.
///
/// Made by the operator methods of [`Field`](crate::query::Field), and combined with `a & b`,
/// `a | b` and `!a` (not), or from lists with [`Filter::all`] and
/// [`Filter::any`]. A `Filter<A>` cannot be used in a query on another
/// collection: the compiler refuses it.
///
/// ```
/// # use weaviate_orm::WeaviateCollection;
/// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64 }
/// let f = Article::FIELDS;
/// let long_rust = f.words.greater_than(2000) & (f.title.like("*Rust*") | f.title.like("*Cargo*"));
/// let not_short = !f.words.less_than(100);
/// # let _ = (long_rust, not_short);
/// ```
pub struct Filter<C> {
    ops: VecDeque<Op>,
    marker: PhantomData<fn() -> C>,
}

impl<C> Filter<C> {
    pub(crate) fn leaf(target: Target, operator: Operator, value: Value) -> Self {
        Self::from_ops(VecDeque::from([Op::Leaf { target, operator, value }]))
    }

    fn from_ops(ops: VecDeque<Op>) -> Self {
        Self { ops, marker: PhantomData }
    }

    /// The same filter without its collection type, for builders that
    /// keep what the compiler has already checked.
    pub(crate) fn erase(self) -> Filter<()> {
        Filter::from_ops(self.ops)
    }

    /// Matches when every filter matches (an empty list matches everything).
    /// The same as `a & b & ...`, for conditions gathered at run time.
    ///
    /// ```
    /// # use weaviate_orm::WeaviateCollection;
    /// # #[derive(WeaviateCollection)] struct Article { title: String, words: i64, tags: Vec<String> }
    /// # let (min_words, required_tags) = (Some(500), vec!["rust", "async"]);
    /// use weaviate_orm::query::Filter;
    ///
    /// let f = Article::FIELDS;
    /// let mut conditions: Vec<_> = required_tags.into_iter().map(|tag| f.tags.equal(tag)).collect();
    /// if let Some(min) = min_words {
    ///     conditions.push(f.words.greater_or_equal(min));
    /// }
    /// let filter = Filter::all(conditions);
    /// # let _ = filter;
    /// ```
    pub fn all(filters: impl IntoIterator<Item = Filter<C>>) -> Self {
        combine(true, filters)
    }

    /// Matches when at least one filter matches: `a | b | ...` from a list.
    ///
    /// ```
    /// # use weaviate_orm::WeaviateCollection;
    /// # #[derive(WeaviateCollection)] struct Article { title: String }
    /// use weaviate_orm::query::Filter;
    ///
    /// let wanted = ["Ownership", "Borrowing", "Lifetimes"];
    /// let any_of = Filter::any(wanted.map(|title| Article::FIELDS.title.equal(title)));
    /// # let _ = any_of;
    /// ```
    pub fn any(filters: impl IntoIterator<Item = Filter<C>>) -> Self {
        combine(false, filters)
    }

    /// The filter as the gRPC message: refused when it nests deeper than
    /// [`MAX_FILTER_DEPTH`] or compares with a number that is not finite.
    pub(crate) fn to_proto(&self) -> Result<pb::Filters> {
        use pb::filters::Operator as Op_;
        let mut stack: Vec<(pb::Filters, usize)> = Vec::new();
        for op in &self.ops {
            let (operator, children) = match op {
                Op::Leaf { target, operator, value } => {
                    stack.push((leaf_to_proto(target, *operator, value)?, 1));
                    continue;
                }
                Op::And(n) => (Op_::And, *n),
                Op::Or(n) => (Op_::Or, *n),
                Op::Not => (Op_::Not, 1),
            };
            let at = stack.len().checked_sub(children).ok_or_else(malformed)?;
            let mut depth = 1;
            let mut filters = Vec::with_capacity(children);
            for (filter, child_depth) in stack.drain(at..) {
                depth = depth.max(child_depth + 1);
                filters.push(filter);
            }
            if depth > MAX_FILTER_DEPTH {
                return Err(Error::FilterTooDeep { limit: MAX_FILTER_DEPTH });
            }
            stack.push((pb::Filters { operator: operator.into(), filters, ..Default::default() }, depth));
        }
        match (stack.pop(), stack.is_empty()) {
            (Some((filter, _)), true) => Ok(filter),
            _ => Err(malformed()),
        }
    }

    /// The steps of the root combination `and` (or `or`) when the filter is
    /// one, so that chains of one kind flatten: `(a & b) & c` is `and[a, b, c]`.
    fn into_children_of(mut self, and: bool) -> (VecDeque<Op>, usize) {
        match self.ops.back() {
            Some(Op::And(n)) if and => {
                let n = *n;
                self.ops.pop_back();
                (self.ops, n)
            }
            Some(Op::Or(n)) if !and => {
                let n = *n;
                self.ops.pop_back();
                (self.ops, n)
            }
            _ => (self.ops, 1),
        }
    }
}

fn malformed() -> Error {
    Error::InvalidConfig("internal error: a filter's steps do not form one tree".into())
}

/// `and[...]` or `or[...]` of `filters`, flattening children of the same
/// kind. The steps of the longest filter stay in place and the others are
/// added at its ends, so that building a chain of any shape takes linear time.
fn combine<C>(and: bool, filters: impl IntoIterator<Item = Filter<C>>) -> Filter<C> {
    let parts: Vec<(VecDeque<Op>, usize)> = filters.into_iter().map(|f| f.into_children_of(and)).collect();
    let longest = parts.iter().enumerate().max_by_key(|(_, (ops, _))| ops.len()).map_or(0, |(i, _)| i);
    let count = parts.iter().map(|(_, n)| n).sum();
    let mut parts = parts.into_iter();
    let before: Vec<VecDeque<Op>> = parts.by_ref().take(longest).map(|(ops, _)| ops).collect();
    let mut ops = parts.next().map(|(ops, _)| ops).unwrap_or_default();
    for earlier in before.into_iter().rev() {
        for op in earlier.into_iter().rev() {
            ops.push_front(op);
        }
    }
    for (later, _) in parts {
        ops.extend(later);
    }
    ops.push_back(if and { Op::And(count) } else { Op::Or(count) });
    Filter::from_ops(ops)
}

impl<C> BitAnd for Filter<C> {
    type Output = Self;

    fn bitand(self, rhs: Self) -> Self {
        combine(true, [self, rhs])
    }
}

impl<C> BitOr for Filter<C> {
    type Output = Self;

    fn bitor(self, rhs: Self) -> Self {
        combine(false, [self, rhs])
    }
}

impl<C> Not for Filter<C> {
    type Output = Self;

    fn not(mut self) -> Self {
        if self.ops.back() == Some(&Op::Not) {
            self.ops.pop_back();
        } else {
            self.ops.push_back(Op::Not);
        }
        self
    }
}

impl<C> Clone for Filter<C> {
    fn clone(&self) -> Self {
        Self::from_ops(self.ops.clone())
    }
}

impl<C> PartialEq for Filter<C> {
    fn eq(&self, other: &Self) -> bool {
        self.ops == other.ops
    }
}

impl<C> fmt::Debug for Filter<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Filter").field(&self.ops).finish()
    }
}

fn leaf_to_proto(target: &Target, operator: Operator, value: &Value) -> Result<pb::Filters> {
    Ok(pb::Filters {
        operator: operator_to_proto(operator).into(),
        filters: Vec::new(),
        test_value: Some(value_to_proto(target, value)?),
        target: Some(target_to_proto(target)),
    })
}

fn operator_to_proto(operator: Operator) -> pb::filters::Operator {
    use pb::filters::Operator as Op;
    match operator {
        Operator::Equal => Op::Equal,
        Operator::NotEqual => Op::NotEqual,
        Operator::GreaterThan => Op::GreaterThan,
        Operator::GreaterOrEqual => Op::GreaterThanEqual,
        Operator::LessThan => Op::LessThan,
        Operator::LessOrEqual => Op::LessThanEqual,
        Operator::Like => Op::Like,
        Operator::IsNull => Op::IsNull,
        Operator::ContainsAny => Op::ContainsAny,
        Operator::ContainsAll => Op::ContainsAll,
        Operator::ContainsNone => Op::ContainsNone,
        Operator::WithinGeoRange => Op::WithinGeoRange,
    }
}

fn value_to_proto(target: &Target, value: &Value) -> Result<pb::filters::TestValue> {
    use pb::filters::TestValue as V;
    let finite = |number: f64| finite_number(target, number);
    Ok(match value {
        Value::Text(v) => V::ValueText(v.clone()),
        Value::Int(v) => V::ValueInt(*v),
        Value::Number(v) => V::ValueNumber(finite(*v)?),
        Value::Bool(v) => V::ValueBoolean(*v),
        Value::TextArray(values) => V::ValueTextArray(pb::TextArray { values: values.clone() }),
        Value::IntArray(values) => V::ValueIntArray(pb::IntArray { values: values.clone() }),
        Value::NumberArray(values) => {
            values.iter().try_for_each(|v| finite(*v).map(drop))?;
            V::ValueNumberArray(pb::NumberArray { values: values.clone() })
        }
        Value::BoolArray(values) => V::ValueBooleanArray(pb::BooleanArray { values: values.clone() }),
        Value::Geo(center, distance) => {
            for number in [center.latitude, center.longitude, *distance] {
                finite(f64::from(number))?;
            }
            V::ValueGeo(pb::GeoCoordinatesFilter {
                latitude: center.latitude,
                longitude: center.longitude,
                distance: *distance,
            })
        }
    })
}

/// `number`, unless it is NaN or infinite, which no filter can compare with.
fn finite_number(target: &Target, number: f64) -> Result<f64> {
    crate::value::finite(number).map_err(|source| Error::InvalidValue { property: target.path(), source })
}

pub(crate) fn target_to_proto(target: &Target) -> pb::FilterTarget {
    use pb::filter_target::Target as T;
    let target = match target {
        Target::Property(name) => T::Property((*name).to_owned()),
        Target::Length(name) => T::Property(format!("len({name})")),
        Target::Count(on) => T::Count(pb::FilterReferenceCount { on: (*on).to_owned() }),
        Target::Reference { on, target_collection, multi_target, inner } => {
            let inner = Some(Box::new(target_to_proto(inner)));
            if *multi_target {
                T::MultiTarget(Box::new(pb::FilterReferenceMultiTarget {
                    on: (*on).to_owned(),
                    target: inner,
                    target_collection: (*target_collection).to_owned(),
                }))
            } else {
                T::SingleTarget(Box::new(pb::FilterReferenceSingleTarget { on: (*on).to_owned(), target: inner }))
            }
        }
    };
    pb::FilterTarget { target: Some(target) }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::query::Field;
    use crate::value::GeoCoordinates;

    struct Doc;

    fn title() -> Field<Doc, String> {
        Field::new("title")
    }

    fn pages() -> Field<Doc, i64> {
        Field::new("pages")
    }

    fn proto(filter: &Filter<Doc>) -> pb::Filters {
        filter.to_proto().expect("a valid filter")
    }

    #[test]
    fn combinators_flatten_and_double_negation_cancels() {
        let a = title().equal("a");
        let (b, c) = (pages().greater_than(3), pages().less_than(9));
        let and = a.clone() & b.clone() & c.clone();
        assert_eq!(proto(&and).filters.len(), 3, "(a & b) & c is one AND of three");
        assert_eq!(proto(&(a.clone() & (b.clone() & c.clone()))).filters.len(), 3, "a & (b & c) too");
        let or = (a.clone() | b.clone()) & c.clone();
        let or_proto = proto(&or);
        assert_eq!(or_proto.filters.len(), 2, "an OR inside an AND stays nested");
        assert_eq!(or_proto.filters[0].operator, i32::from(pb::filters::Operator::Or));
        assert_eq!(or_proto.filters[0].filters.len(), 2);
        assert_eq!(!!a.clone(), a);
        assert_eq!(proto(&!a.clone()).operator, i32::from(pb::filters::Operator::Not));
        let all = Filter::all([a.clone(), b.clone() | c.clone(), Filter::all([a.clone(), b])]);
        assert_eq!(proto(&all).filters.len(), 4, "all() flattens nested all()s");
        assert_eq!(proto(&Filter::<Doc>::all([])).filters.len(), 0);
    }

    /// `a & (b | (c & (d | ...)))`, `depth` levels deep.
    fn alternating(depth: usize) -> Filter<Doc> {
        let mut filter = pages().equal(0);
        for level in 1..depth {
            let leaf = pages().equal(i64::try_from(level).expect("small"));
            filter = if level.is_multiple_of(2) { leaf & filter } else { leaf | filter };
        }
        filter
    }

    fn depth_of(filter: &pb::Filters) -> usize {
        1 + filter.filters.iter().map(depth_of).max().unwrap_or(0)
    }

    #[test]
    fn deep_filters_are_refused_before_sending_not_a_stack_overflow() {
        let deepest = alternating(MAX_FILTER_DEPTH);
        assert_eq!(depth_of(&proto(&deepest)), MAX_FILTER_DEPTH);
        let too_deep = alternating(MAX_FILTER_DEPTH + 1);
        assert!(matches!(too_deep.to_proto(), Err(Error::FilterTooDeep { limit: MAX_FILTER_DEPTH })));
        // Far deeper than any stack: built, cloned, compared, negated and dropped without recursion.
        let huge = alternating(200_000);
        let copy = !!huge.clone();
        assert!(copy == huge);
        assert!(matches!(huge.to_proto(), Err(Error::FilterTooDeep { .. })));
        let mut nots = title().equal("x");
        for _ in 0..100_001 {
            nots = !(nots & title().equal("y"));
        }
        assert!(matches!(nots.to_proto(), Err(Error::FilterTooDeep { .. })));
    }

    #[test]
    fn non_finite_numbers_are_refused_naming_the_property() {
        let score = || Field::<Doc, f64>::new("score");
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            match (score().greater_than(bad) & title().equal("a")).to_proto() {
                Err(Error::InvalidValue { property, .. }) => assert_eq!(property, "score"),
                other => panic!("{bad} passed: {other:?}"),
            }
        }
        let path = Target::Reference {
            on: "author",
            target_collection: "Author",
            multi_target: false,
            inner: Arc::new(Target::Property("rating")),
        };
        let through = Filter::<Doc>::leaf(path, Operator::Equal, Value::Number(f64::NAN));
        assert!(matches!(through.to_proto(), Err(Error::InvalidValue { property, .. }) if property == "author.rating"));
        let geo = Field::<Doc, GeoCoordinates>::new("place").within_geo_range(GeoCoordinates::new(f32::NAN, 1.0), 5.0);
        assert!(geo.to_proto().is_err());
        assert!(proto(&score().less_than(1.5)).test_value.is_some());
    }

    #[test]
    fn leaves_carry_their_operator_value_and_target() {
        let proto = proto(&pages().greater_or_equal(5i32));
        assert_eq!(proto.operator, i32::from(pb::filters::Operator::GreaterThanEqual));
        assert_eq!(proto.test_value, Some(pb::filters::TestValue::ValueInt(5)));
        let length = title().length().equal(0).to_proto().expect("valid");
        let target = length.target.and_then(|t| t.target);
        assert_eq!(target, Some(pb::filter_target::Target::Property("len(title)".into())));
    }

    #[test]
    fn reference_paths_nest_their_targets() {
        let inner = Arc::new(Target::Property("name"));
        let single = Target::Reference { on: "author", target_collection: "Author", multi_target: false, inner };
        match target_to_proto(&single).target {
            Some(pb::filter_target::Target::SingleTarget(t)) => {
                assert_eq!(t.on, "author");
                let inner = t.target.and_then(|t| t.target);
                assert_eq!(inner, Some(pb::filter_target::Target::Property("name".into())));
            }
            other => panic!("expected a single-target path, got {other:?}"),
        }
        let multi = Target::Reference {
            on: "credits",
            target_collection: "Publisher",
            multi_target: true,
            inner: Arc::new(Target::Property("name")),
        };
        match target_to_proto(&multi).target {
            Some(pb::filter_target::Target::MultiTarget(t)) => assert_eq!(t.target_collection, "Publisher"),
            other => panic!("expected a multi-target path, got {other:?}"),
        }
    }
}
