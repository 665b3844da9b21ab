//! [`Filter`]: a condition on the objects of one collection, built from
//! typed [`Field`](crate::query::Field)s and combined with `&`, `|` and `!`.

use std::fmt;
use std::marker::PhantomData;
use std::ops::{BitAnd, BitOr, Not};

use weaviate_orm_proto::v1 as pb;

use crate::WeaviateCollection;
use crate::query::field::{Field, Target};
use crate::query::operand::{ObjectId, Timestamp};
use crate::value::GeoCoordinates;

/// A comparison a filter makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Operator {
    Equal,
    NotEqual,
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
    Like,
    IsNull,
    ContainsAny,
    ContainsAll,
    ContainsNone,
    WithinGeoRange,
}

/// The value a filter compares with.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Int(i64),
    Number(f64),
    Bool(bool),
    TextArray(Vec<String>),
    IntArray(Vec<i64>),
    NumberArray(Vec<f64>),
    BoolArray(Vec<bool>),
    Geo(GeoCoordinates, f32),
}

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Leaf { target: Target, operator: Operator, value: Value },
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
}

/// A condition on objects of the collection `C`.
///
/// Made by the operator methods of [`Field`], and combined with `a & b`,
/// `a | b` and `!a`. A `Filter<A>` cannot be used in a query on another
/// collection: the compiler refuses it.
pub struct Filter<C> {
    node: Node,
    marker: PhantomData<fn() -> C>,
}

impl<C> Filter<C> {
    pub(crate) fn leaf(target: Target, operator: Operator, value: Value) -> Self {
        Self::from_node(Node::Leaf { target, operator, value })
    }

    fn from_node(node: Node) -> Self {
        Self { node, marker: PhantomData }
    }

    /// Matches when every filter matches (an empty list matches everything).
    pub fn all(filters: impl IntoIterator<Item = Filter<C>>) -> Self {
        Self::from_node(Node::And(filters.into_iter().map(|f| f.node).collect()))
    }

    /// Matches when at least one filter matches.
    pub fn any(filters: impl IntoIterator<Item = Filter<C>>) -> Self {
        Self::from_node(Node::Or(filters.into_iter().map(|f| f.node).collect()))
    }

    /// The filter as the gRPC message.
    pub(crate) fn to_proto(&self) -> pb::Filters {
        node_to_proto(&self.node)
    }
}

impl<C: WeaviateCollection> Filter<C> {
    /// The object's id: `Filter::<Article>::by_id().equal(id)`, or
    /// `.contains_any(ids)` for several.
    pub fn by_id() -> Field<C, ObjectId> {
        Field::new("_id")
    }

    /// The time the object was created (needs the collection's `index_timestamps`).
    pub fn by_creation_time() -> Field<C, Timestamp> {
        Field::new("_creationTimeUnix")
    }

    /// The time the object was last updated (needs the collection's `index_timestamps`).
    pub fn by_update_time() -> Field<C, Timestamp> {
        Field::new("_lastUpdateTimeUnix")
    }
}

/// `a & b` or `a | b` as one flat list: `(a & b) & c` is `and[a, b, c]`.
fn join(and: bool, a: Node, b: Node) -> Node {
    let mut children = Vec::new();
    for node in [a, b] {
        match node {
            Node::And(nodes) if and => children.extend(nodes),
            Node::Or(nodes) if !and => children.extend(nodes),
            other => children.push(other),
        }
    }
    if and { Node::And(children) } else { Node::Or(children) }
}

impl<C> BitAnd for Filter<C> {
    type Output = Self;

    fn bitand(self, rhs: Self) -> Self {
        Self::from_node(join(true, self.node, rhs.node))
    }
}

impl<C> BitOr for Filter<C> {
    type Output = Self;

    fn bitor(self, rhs: Self) -> Self {
        Self::from_node(join(false, self.node, rhs.node))
    }
}

impl<C> Not for Filter<C> {
    type Output = Self;

    fn not(self) -> Self {
        match self.node {
            Node::Not(inner) => Self::from_node(*inner),
            node => Self::from_node(Node::Not(Box::new(node))),
        }
    }
}

impl<C> Clone for Filter<C> {
    fn clone(&self) -> Self {
        Self::from_node(self.node.clone())
    }
}

impl<C> PartialEq for Filter<C> {
    fn eq(&self, other: &Self) -> bool {
        self.node == other.node
    }
}

impl<C> fmt::Debug for Filter<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.node, f)
    }
}

fn node_to_proto(node: &Node) -> pb::Filters {
    use pb::filters::Operator as Op;
    let combine = |operator: Op, nodes: &[Node]| pb::Filters {
        operator: operator.into(),
        filters: nodes.iter().map(node_to_proto).collect(),
        ..Default::default()
    };
    match node {
        Node::And(nodes) => combine(Op::And, nodes),
        Node::Or(nodes) => combine(Op::Or, nodes),
        Node::Not(inner) => combine(Op::Not, std::slice::from_ref(inner)),
        Node::Leaf { target, operator, value } => pb::Filters {
            operator: operator_to_proto(*operator).into(),
            filters: Vec::new(),
            test_value: Some(value_to_proto(value)),
            target: Some(target_to_proto(target)),
        },
    }
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

fn value_to_proto(value: &Value) -> pb::filters::TestValue {
    use pb::filters::TestValue as V;
    match value {
        Value::Text(v) => V::ValueText(v.clone()),
        Value::Int(v) => V::ValueInt(*v),
        Value::Number(v) => V::ValueNumber(*v),
        Value::Bool(v) => V::ValueBoolean(*v),
        Value::TextArray(values) => V::ValueTextArray(pb::TextArray { values: values.clone() }),
        Value::IntArray(values) => V::ValueIntArray(pb::IntArray { values: values.clone() }),
        Value::NumberArray(values) => V::ValueNumberArray(pb::NumberArray { values: values.clone() }),
        Value::BoolArray(values) => V::ValueBooleanArray(pb::BooleanArray { values: values.clone() }),
        Value::Geo(center, distance) => V::ValueGeo(pb::GeoCoordinatesFilter {
            latitude: center.latitude,
            longitude: center.longitude,
            distance: *distance,
        }),
    }
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

    struct Doc;

    fn title() -> Field<Doc, String> {
        Field::new("title")
    }

    fn pages() -> Field<Doc, i64> {
        Field::new("pages")
    }

    #[test]
    fn combinators_flatten_and_double_negation_cancels() {
        let a = title().equal("a");
        let (b, c) = (pages().greater_than(3), pages().less_than(9));
        let and = a.clone() & b.clone() & c.clone();
        assert_eq!(and.to_proto().filters.len(), 3, "(a & b) & c is one AND of three");
        let or = (a.clone() | b.clone()) & c;
        assert_eq!(or.to_proto().filters.len(), 2, "an OR inside an AND stays nested");
        assert_eq!(!!a.clone(), a);
        assert_eq!((!a).to_proto().operator, i32::from(pb::filters::Operator::Not));
    }

    #[test]
    fn leaves_carry_their_operator_value_and_target() {
        let proto = pages().greater_or_equal(5i32).to_proto();
        assert_eq!(proto.operator, i32::from(pb::filters::Operator::GreaterThanEqual));
        assert_eq!(proto.test_value, Some(pb::filters::TestValue::ValueInt(5)));
        let length = title().length().equal(0).to_proto();
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
