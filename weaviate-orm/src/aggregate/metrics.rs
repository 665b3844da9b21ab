//! The metrics of each field type, and which field types have them.

use chrono::{DateTime, Utc};
use weaviate_orm_proto::v1 as pb;
use weaviate_orm_proto::v1::aggregate_reply::aggregations::aggregation::Aggregation as Reply;
use weaviate_orm_proto::v1::aggregate_request::aggregation::{self as ask, Aggregation as Ask};

/// A field type with aggregate metrics; `Metrics` is what comes back.
#[diagnostic::on_unimplemented(
    message = "fields of type `{Self}` have no aggregate metrics",
    label = "metrics exist for text, int, number, boolean and date fields (their arrays and options too)"
)]
pub trait Aggregatable {
    /// The metrics of such a field.
    type Metrics;
    #[doc(hidden)]
    fn request() -> Ask;
    #[doc(hidden)]
    fn metrics(reply: &Reply) -> Option<Self::Metrics>;
}

/// A field type with aggregate metrics, and the base type they are of
/// (`i64` for an `i32` field, `String` for a `Vec<String>` one).
#[diagnostic::on_unimplemented(
    message = "fields of type `{Self}` have no aggregate metrics",
    label = "metrics exist for text, int, number, boolean and date fields (their arrays and options too)"
)]
pub trait HasMetrics {
    /// The type the metrics are of.
    type Base: Aggregatable;
}

/// Implements `HasMetrics` with `Base = $base` for the listed field types.
macro_rules! has_metrics {
    ($($base:ty: $($ty:ty),+;)+) => {$($(
        impl HasMetrics for $ty {
            type Base = $base;
        }
    )+)+};
}

has_metrics! {
    i64: i64, i32, Vec<i64>, Vec<i32>;
    f64: f64, f32, Vec<f64>, Vec<f32>;
    String: String, Vec<String>;
    bool: bool, Vec<bool>;
    DateTime<Utc>: DateTime<Utc>, Vec<DateTime<Utc>>;
}

impl<T: HasMetrics> HasMetrics for Option<T> {
    type Base = T::Base;
}

/// A negative count in a reply, which the answer is refused for.
pub(crate) fn negative_count(reply: &Reply) -> Option<i64> {
    let counts: Vec<Option<i64>> = match reply {
        Reply::Int(m) => vec![m.count],
        Reply::Number(m) => vec![m.count],
        Reply::Text(m) => {
            let occurs = m.top_occurences.iter().flat_map(|top| &top.items).map(|item| Some(item.occurs));
            std::iter::once(m.count).chain(occurs).collect()
        }
        Reply::Boolean(m) => vec![m.count, m.total_true, m.total_false],
        Reply::Date(m) => vec![m.count],
        Reply::Reference(_) => Vec::new(),
    };
    counts.into_iter().flatten().find(|n| *n < 0)
}

fn count(value: Option<i64>) -> Option<u64> {
    value.and_then(|n| u64::try_from(n).ok())
}

fn numeric() -> ask::Numeric {
    ask::Numeric {
        count: true,
        r#type: true,
        sum: true,
        mean: true,
        mode: true,
        median: true,
        maximum: true,
        minimum: true,
    }
}

/// Metrics of a numeric field: `N` is `i64` for int fields ([`IntMetrics`])
/// and `f64` for number fields ([`NumberMetrics`]).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[non_exhaustive]
pub struct NumericMetrics<N> {
    /// Values counted.
    pub count: Option<u64>,
    /// The smallest value.
    pub minimum: Option<N>,
    /// The largest value.
    pub maximum: Option<N>,
    /// The mean.
    pub mean: Option<f64>,
    /// The median.
    pub median: Option<f64>,
    /// The most frequent value.
    pub mode: Option<N>,
    /// The sum.
    pub sum: Option<N>,
}

/// Metrics of an int field.
pub type IntMetrics = NumericMetrics<i64>;

/// Metrics of a number field.
pub type NumberMetrics = NumericMetrics<f64>;

/// Builds numeric metrics from a reply whose fields have the same names.
macro_rules! numeric_metrics {
    ($m:expr) => {
        NumericMetrics {
            count: count($m.count),
            minimum: $m.minimum,
            maximum: $m.maximum,
            mean: $m.mean,
            median: $m.median,
            mode: $m.mode,
            sum: $m.sum,
        }
    };
}

impl Aggregatable for i64 {
    type Metrics = IntMetrics;

    fn request() -> Ask {
        Ask::Int(numeric())
    }

    fn metrics(reply: &Reply) -> Option<IntMetrics> {
        let Reply::Int(m) = reply else { return None };
        Some(numeric_metrics!(m))
    }
}

impl Aggregatable for f64 {
    type Metrics = NumberMetrics;

    fn request() -> Ask {
        Ask::Number(numeric())
    }

    fn metrics(reply: &Reply) -> Option<NumberMetrics> {
        let Reply::Number(m) = reply else { return None };
        Some(numeric_metrics!(m))
    }
}

/// Metrics of a text field: how often the most frequent values occur.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct TextMetrics {
    /// Values counted.
    pub count: Option<u64>,
    /// The most frequent values and how often each occurs, most frequent first.
    pub top_occurrences: Vec<(String, u64)>,
}

impl Aggregatable for String {
    type Metrics = TextMetrics;

    fn request() -> Ask {
        Ask::Text(ask::Text { count: true, r#type: true, top_occurences: true, top_occurences_limit: None })
    }

    fn metrics(reply: &Reply) -> Option<TextMetrics> {
        let Reply::Text(m) = reply else { return None };
        let top = m.top_occurences.iter().flat_map(|top| &top.items);
        Some(TextMetrics {
            count: count(m.count),
            top_occurrences: top.map(|item| (item.value.clone(), u64::try_from(item.occurs).unwrap_or(0))).collect(),
        })
    }
}

/// Metrics of a boolean field.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[non_exhaustive]
pub struct BooleanMetrics {
    /// Values counted.
    pub count: Option<u64>,
    /// How many are true.
    pub total_true: Option<u64>,
    /// How many are false.
    pub total_false: Option<u64>,
    /// The share of true values (0 to 1).
    pub percentage_true: Option<f64>,
    /// The share of false values (0 to 1).
    pub percentage_false: Option<f64>,
}

impl Aggregatable for bool {
    type Metrics = BooleanMetrics;

    fn request() -> Ask {
        Ask::Boolean(ask::Boolean {
            count: true,
            r#type: true,
            total_true: true,
            total_false: true,
            percentage_true: true,
            percentage_false: true,
        })
    }

    fn metrics(reply: &Reply) -> Option<BooleanMetrics> {
        let Reply::Boolean(m) = reply else { return None };
        Some(BooleanMetrics {
            count: count(m.count),
            total_true: count(m.total_true),
            total_false: count(m.total_false),
            percentage_true: m.percentage_true,
            percentage_false: m.percentage_false,
        })
    }
}

/// Metrics of a date field.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[non_exhaustive]
pub struct DateMetrics {
    /// Values counted.
    pub count: Option<u64>,
    /// The earliest date.
    pub minimum: Option<DateTime<Utc>>,
    /// The latest date.
    pub maximum: Option<DateTime<Utc>>,
    /// The median date.
    pub median: Option<DateTime<Utc>>,
    /// The most frequent date.
    pub mode: Option<DateTime<Utc>>,
}

fn date(value: Option<&String>) -> Option<DateTime<Utc>> {
    value.and_then(|text| DateTime::parse_from_rfc3339(text).ok()).map(|d| d.with_timezone(&Utc))
}

impl Aggregatable for DateTime<Utc> {
    type Metrics = DateMetrics;

    fn request() -> Ask {
        Ask::Date(ask::Date { count: true, r#type: true, median: true, mode: true, maximum: true, minimum: true })
    }

    fn metrics(reply: &Reply) -> Option<DateMetrics> {
        let Reply::Date(m) = reply else { return None };
        Some(DateMetrics {
            count: count(m.count),
            minimum: date(m.minimum.as_ref()),
            maximum: date(m.maximum.as_ref()),
            median: date(m.median.as_ref()),
            mode: date(m.mode.as_ref()),
        })
    }
}

/// The request for the metrics of `property`.
pub(crate) fn request<A: Aggregatable>(property: &str) -> pb::aggregate_request::Aggregation {
    pb::aggregate_request::Aggregation { property: property.to_owned(), aggregation: Some(A::request()) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pb::aggregate_reply::aggregations::aggregation as reply;

    #[test]
    fn negative_counts_anywhere_in_a_reply_are_found() {
        let boolean = reply::Boolean { count: Some(2), total_true: Some(-1), ..Default::default() };
        assert_eq!(negative_count(&Reply::Boolean(boolean)), Some(-1));
        let occurrence = reply::text::top_occurrences::TopOccurrence { value: "a".into(), occurs: -3 };
        let text = reply::Text {
            count: Some(1),
            top_occurences: Some(reply::text::TopOccurrences { items: vec![occurrence] }),
            ..Default::default()
        };
        assert_eq!(negative_count(&Reply::Text(text)), Some(-3));
        assert_eq!(negative_count(&Reply::Int(reply::Integer { count: Some(4), ..Default::default() })), None);
    }
}
