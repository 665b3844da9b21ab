//! What a query ranks by: a vector, an object, concepts, keywords (BM25) or
//! both keywords and a vector (hybrid). Set with [`Query::near_vector`],
//! [`Query::near_object`], [`Query::near_text`], [`Query::bm25`] and
//! [`Query::hybrid`].
//!
//! [`Query::near_vector`]: crate::query::Query::near_vector
//! [`Query::near_object`]: crate::query::Query::near_object
//! [`Query::near_text`]: crate::query::Query::near_text
//! [`Query::bm25`]: crate::query::Query::bm25
//! [`Query::hybrid`]: crate::query::Query::hybrid

use std::marker::PhantomData;

use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use super::field::Field;
use super::operand::TextLike;
use super::vector_name::VectorName;
use crate::vector::{Vector, f32_bytes};
use crate::{Error, Result};

/// A search, ready for the request; its threshold is kept beside it (see
/// [`Ranking`](super::ranking::Ranking)).
#[derive(Debug, Clone)]
pub(crate) enum Search {
    NearVector { vector: Vector, target: Option<&'static str> },
    NearObject { id: Uuid, target: Option<&'static str> },
    NearVectors { targets: Vec<Target>, combination: Combination },
    NearText(Box<pb::NearTextSearch>),
    Bm25(pb::Bm25),
    Hybrid(Box<pb::Hybrid>),
}

/// How close a vector search's results must be.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) enum Threshold {
    #[default]
    None,
    MaxDistance(f64),
    MinCertainty(f64),
}

impl Threshold {
    pub(crate) fn certainty(self) -> Option<f64> {
        match self {
            Self::MinCertainty(c) => Some(c),
            _ => None,
        }
    }

    pub(crate) fn distance(self) -> Option<f64> {
        match self {
            Self::MaxDistance(d) => Some(d),
            _ => None,
        }
    }
}

fn targets(target: Option<&'static str>) -> Option<pb::Targets> {
    target.map(|name| pb::Targets { target_vectors: vec![name.to_owned()], ..Default::default() })
}

impl Search {
    /// Closeness to `vector`, in the named vector `target` or the default one.
    pub(crate) fn near_vector(target: Option<&'static str>, vector: Vector) -> Self {
        Self::NearVector { vector, target }
    }

    /// Closeness to the vector (named `target`, or the default one) of the object `id`.
    pub(crate) fn near_object(target: Option<&'static str>, id: Uuid) -> Self {
        Self::NearObject { id, target }
    }

    /// Closeness to concepts.
    pub(crate) fn near_text<T>(search: &NearText<T>) -> Self {
        Self::NearText(Box::new(search.to_proto()))
    }

    /// Keywords and a vector, fused.
    pub(crate) fn hybrid<T>(search: &Hybrid<T>) -> Self {
        Self::Hybrid(Box::new(search.to_proto()))
    }

    /// Keywords.
    pub(crate) fn bm25<T>(search: &Bm25<T>) -> Self {
        Self::Bm25(search.to_proto())
    }
    /// Whether results carry a distance (vector searches) or a score.
    pub(crate) fn ranks_by_distance(&self) -> bool {
        matches!(self, Self::NearVector { .. } | Self::NearObject { .. } | Self::NearVectors { .. } | Self::NearText(_))
    }

    /// Refuses what the request cannot carry: a multi-vector whose rows
    /// differ in length.
    pub(crate) fn check(&self) -> Result<()> {
        if let Self::NearVector { vector: vector @ Vector::Multi(_), target, .. } = self {
            let name = target.unwrap_or_default();
            vector.to_proto(name).map_err(|source| Error::InvalidValue { property: query_vector(name), source })?;
        }
        Ok(())
    }

    /// Puts the search into `request`; [`check`](Self::check) it first.
    pub(crate) fn apply(&self, request: &mut pb::SearchRequest) {
        match self {
            Self::NearVector { vector, target } => {
                let name = target.unwrap_or_default();
                request.near_vector = Some(pb::NearVector {
                    targets: targets(*target),
                    // Checked: a multi-vector's rows are of one length.
                    vectors: vector.to_proto(name).into_iter().collect(),
                    ..Default::default()
                });
            }
            Self::NearVectors { targets, combination } => {
                request.near_vector = Some(pb::NearVector {
                    targets: Some(combined_targets(targets, *combination)),
                    vector_for_targets: targets.iter().map(Target::to_proto).collect(),
                    ..Default::default()
                });
            }
            Self::NearObject { id, target } => {
                request.near_object =
                    Some(pb::NearObject { id: id.to_string(), targets: targets(*target), ..Default::default() });
            }
            Self::NearText(near_text) => request.near_text = Some(near_text.as_ref().clone()),
            Self::Bm25(bm25) => request.bm25_search = Some(bm25.clone()),
            Self::Hybrid(hybrid) => request.hybrid_search = Some(hybrid.as_ref().clone()),
        }
    }
}

/// Refuses a search whose vectors have NaN or infinite components: every
/// distance to them would be NaN, and the ranking meaningless.
pub(crate) fn check_query_vectors(near: Option<&pb::NearVector>, hybrid: Option<&pb::Hybrid>) -> Result<()> {
    let near = near.into_iter().chain(hybrid.and_then(|h| h.near_vector.as_ref()));
    let vectors = near
        .flat_map(|n| n.vectors.iter().chain(n.vector_for_targets.iter().flat_map(|t| &t.vectors)))
        .chain(hybrid.into_iter().flat_map(|h| &h.vectors));
    for vector in vectors {
        Vector::from_proto(vector)
            .and_then(|v| v.check_finite())
            .map_err(|source| Error::InvalidValue { property: query_vector(&vector.name), source })?;
    }
    Ok(())
}

/// How errors name a query vector.
fn query_vector(name: &str) -> String {
    if name.is_empty() { "query vector".into() } else { format!("query vector {name}") }
}

fn single_vector(name: &str, vector: &[f32]) -> pb::Vectors {
    pb::Vectors {
        name: name.to_owned(),
        vector_bytes: f32_bytes(vector),
        r#type: pb::vectors::VectorType::SingleFp32 as i32,
    }
}

/// How a search over several named vectors combines each object's distances.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Combination {
    /// The sum of the distances.
    Sum,
    /// The smallest distance.
    Minimum,
    /// The mean distance.
    Average,
    /// The distances, each times its target's weight
    /// ([`TargetVectors::weighted`]), summed.
    ManualWeights,
    /// The distances normalized per target, weighted and summed.
    RelativeScore,
}

/// One target of a multi-target search: a named vector, the query vector for
/// it, and its weight.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Target {
    name: &'static str,
    vector: Vec<f32>,
    weight: Option<f32>,
}

impl Target {
    fn to_proto(&self) -> pb::VectorForTarget {
        pb::VectorForTarget { name: self.name.to_owned(), vectors: vec![single_vector(self.name, &self.vector)] }
    }
}

fn combined_targets(targets: &[Target], combination: Combination) -> pb::Targets {
    use pb::CombinationMethod as Method;
    let method = match combination {
        Combination::Sum => Method::TypeSum,
        Combination::Minimum => Method::TypeMin,
        Combination::Average => Method::TypeAverage,
        Combination::ManualWeights => Method::TypeManual,
        Combination::RelativeScore => Method::TypeRelativeScore,
    };
    let weighted = matches!(combination, Combination::ManualWeights | Combination::RelativeScore);
    pb::Targets {
        target_vectors: targets.iter().map(|t| t.name.to_owned()).collect(),
        combination: method as i32,
        weights_for_targets: targets
            .iter()
            .filter(|_| weighted)
            .map(|t| pb::WeightsForTarget { target: t.name.to_owned(), weight: t.weight.unwrap_or(1.0) })
            .collect(),
    }
}

/// A search over several named vectors of `T` at once: a query vector per
/// target and how their distances combine.
///
/// ```
/// # use weaviate_orm::WeaviateCollection;
/// # use weaviate_orm::query::{Combination, TargetVectors};
/// # #[derive(WeaviateCollection)]
/// # struct Article { #[weaviate(vector = "title")] title: Vec<f32>, #[weaviate(vector = "body")] body: Vec<f32> }
/// let v = Article::VECTORS;
/// let targets = TargetVectors::new(Combination::ManualWeights)
///     .weighted(&v.title, vec![0.1, 0.9], 0.3)
///     .weighted(&v.body, vec![0.5, 0.5], 0.7);
/// # let _ = targets;
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TargetVectors<T> {
    targets: Vec<Target>,
    combination: Combination,
    marker: PhantomData<fn() -> T>,
}

impl<T> TargetVectors<T> {
    /// No targets yet; add them with [`vector`](Self::vector) or [`weighted`](Self::weighted).
    pub fn new(combination: Combination) -> Self {
        Self { targets: Vec::new(), combination, marker: PhantomData }
    }

    /// Searches the named vector `target` with `vector` (weight 1 when the
    /// combination is weighted).
    pub fn vector(mut self, target: &VectorName<T>, vector: impl Into<Vec<f32>>) -> Self {
        self.targets.push(Target { name: target.name(), vector: vector.into(), weight: None });
        self
    }

    /// Searches the named vector `target` with `vector`, its distance
    /// weighted by `weight` (for [`Combination::ManualWeights`] and
    /// [`Combination::RelativeScore`]).
    pub fn weighted(mut self, target: &VectorName<T>, vector: impl Into<Vec<f32>>, weight: f32) -> Self {
        self.targets.push(Target { name: target.name(), vector: vector.into(), weight: Some(weight) });
        self
    }

    pub(crate) fn into_search(self) -> Search {
        Search::NearVectors { targets: self.targets, combination: self.combination }
    }
}

/// A concept search (`nearText`) on collection `T`, for collections with a
/// text vectorizer.
///
/// ```
/// # use weaviate_orm::WeaviateCollection;
/// # use weaviate_orm::query::{Move, NearText};
/// # #[derive(WeaviateCollection)] struct Animal { name: String }
/// let search = NearText::<Animal>::new(["ocean animals"]).move_to(Move::concepts(["whale"]).force(0.5));
/// # let _ = search;
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct NearText<T> {
    concepts: Vec<String>,
    move_to: Option<Move>,
    move_away: Option<Move>,
    target: Option<&'static str>,
    marker: PhantomData<fn() -> T>,
}

impl<T> NearText<T> {
    /// Objects whose vectors are closest to the vector of `concepts`.
    pub fn new<S: Into<String>>(concepts: impl IntoIterator<Item = S>) -> Self {
        Self {
            concepts: concepts.into_iter().map(Into::into).collect(),
            move_to: None,
            move_away: None,
            target: None,
            marker: PhantomData,
        }
    }

    /// Moves the search vector toward these concepts or objects.
    pub fn move_to(mut self, to: Move) -> Self {
        self.move_to = Some(to);
        self
    }

    /// Moves the search vector away from these concepts or objects.
    pub fn move_away(mut self, from: Move) -> Self {
        self.move_away = Some(from);
        self
    }

    /// Searches the named vector `target` instead of the default one.
    pub fn target_vector<K>(mut self, target: &VectorName<T, K>) -> Self {
        self.target = Some(target.name());
        self
    }

    pub(crate) fn to_proto(&self) -> pb::NearTextSearch {
        pb::NearTextSearch {
            query: self.concepts.clone(),
            move_to: self.move_to.as_ref().map(Move::to_proto),
            move_away: self.move_away.as_ref().map(Move::to_proto),
            targets: targets(self.target),
            ..Default::default()
        }
    }
}

/// Where a [`NearText`] search vector moves: toward or away from concepts
/// and objects, by `force` (0 to 1, default 1).
///
/// ```
/// # use weaviate_orm::WeaviateCollection;
/// # use weaviate_orm::query::{Move, NearText};
/// # #[derive(WeaviateCollection)] struct Recipe { name: String }
/// # let liked = uuid::Uuid::new_v4();
/// let search = NearText::<Recipe>::new(["quick dinner"])
///     .move_to(Move::objects([liked]).force(0.5)) // like a recipe the user liked
///     .move_away(Move::concepts(["meat", "fish"]).force(0.3));
/// # let _ = search;
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    force: f32,
    concepts: Vec<String>,
    objects: Vec<Uuid>,
}

impl Move {
    /// A move relative to `concepts`.
    pub fn concepts<S: Into<String>>(concepts: impl IntoIterator<Item = S>) -> Self {
        Self { force: 1.0, concepts: concepts.into_iter().map(Into::into).collect(), objects: Vec::new() }
    }

    /// A move relative to the vectors of `objects`.
    pub fn objects(objects: impl IntoIterator<Item = Uuid>) -> Self {
        Self { force: 1.0, concepts: Vec::new(), objects: objects.into_iter().collect() }
    }

    /// How far to move (0 to 1).
    pub fn force(mut self, force: f32) -> Self {
        self.force = force;
        self
    }

    fn to_proto(&self) -> pb::near_text_search::Move {
        pb::near_text_search::Move {
            force: self.force,
            concepts: self.concepts.clone(),
            uuids: self.objects.iter().map(Uuid::to_string).collect(),
        }
    }
}

/// How the words of a keyword query combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeywordOperator {
    /// Every word must match.
    And,
    /// At least `minimum_match` words must match (at least one if 0).
    Or {
        /// The least number of words that must match.
        minimum_match: u32,
    },
}

impl KeywordOperator {
    fn to_proto(self) -> pb::SearchOperatorOptions {
        use pb::search_operator_options::Operator;
        match self {
            Self::And => pb::SearchOperatorOptions { operator: Operator::And as i32, minimum_or_tokens_match: None },
            Self::Or { minimum_match } => pb::SearchOperatorOptions {
                operator: Operator::Or as i32,
                minimum_or_tokens_match: Some(i32::try_from(minimum_match).unwrap_or(i32::MAX)),
            },
        }
    }
}

/// A keyword (BM25) search on text fields of `T`.
///
/// ```
/// # use weaviate_orm::WeaviateCollection;
/// # use weaviate_orm::query::{Bm25, KeywordOperator};
/// # #[derive(WeaviateCollection)] struct Article { title: String, body: String }
/// let search = Bm25::<Article>::new("rust async")
///     .boosted(&Article::FIELDS.title, 2.0)
///     .field(&Article::FIELDS.body)
///     .operator(KeywordOperator::And);
/// ```
#[derive(Debug, Clone)]
pub struct Bm25<T> {
    query: String,
    properties: Vec<String>,
    operator: Option<KeywordOperator>,
    marker: PhantomData<fn() -> T>,
}

impl<T> Bm25<T> {
    /// Objects matching the words of `query`, ranked by BM25F; every text
    /// field is searched unless fields are named.
    pub fn new(query: impl Into<String>) -> Self {
        Self { query: query.into(), properties: Vec::new(), operator: None, marker: PhantomData }
    }

    /// Searches `field`. Once a field is named (here or with
    /// [`boosted`](Self::boosted)), only the named fields are searched.
    pub fn field<V: TextLike>(mut self, field: &Field<T, V>) -> Self {
        self.properties.push(field.name().to_owned());
        self
    }

    /// Searches `field`, its matches weighing `boost` times as much. Only
    /// the named fields are searched: name the others with
    /// [`field`](Self::field) to search them too.
    pub fn boosted<V: TextLike>(mut self, field: &Field<T, V>, boost: f32) -> Self {
        self.properties.push(format!("{}^{boost}", field.name()));
        self
    }

    /// How the words combine (the server's default: any word).
    pub fn operator(mut self, operator: KeywordOperator) -> Self {
        self.operator = Some(operator);
        self
    }

    pub(crate) fn to_proto(&self) -> pb::Bm25 {
        pb::Bm25 {
            query: self.query.clone(),
            properties: self.properties.clone(),
            search_operator: self.operator.map(KeywordOperator::to_proto),
        }
    }
}

/// How a hybrid search fuses its keyword and vector rankings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fusion {
    /// By rank position.
    Ranked,
    /// By normalized score (the server's default).
    RelativeScore,
}

/// A search by keywords and a vector at once, fused by `alpha`
/// (0: keywords only, 1: vector only; default 0.75).
///
/// ```
/// # use weaviate_orm::WeaviateCollection;
/// # use weaviate_orm::query::{Fusion, Hybrid};
/// # #[derive(WeaviateCollection)] struct Article { title: String }
/// let search = Hybrid::<Article>::new("rust").alpha(0.5).fusion(Fusion::Ranked).vector(vec![0.1, 0.2]);
/// ```
#[derive(Debug, Clone)]
pub struct Hybrid<T> {
    keywords: Bm25<T>,
    alpha: Option<f32>,
    fusion: Option<Fusion>,
    vector: Option<Vec<f32>>,
    target: Option<&'static str>,
    max_vector_distance: Option<f32>,
    concepts: Option<NearText<T>>,
}

impl<T> Hybrid<T> {
    /// Ranks by the words of `query` and by a vector: the one given with
    /// [`vector`](Self::vector), or else the vectorizer's for `query`.
    pub fn new(query: impl Into<String>) -> Self {
        Self {
            keywords: Bm25::new(query),
            alpha: None,
            fusion: None,
            vector: None,
            target: None,
            max_vector_distance: None,
            concepts: None,
        }
    }

    /// The weight of the vector ranking (0 to 1).
    pub fn alpha(mut self, alpha: f32) -> Self {
        self.alpha = Some(alpha);
        self
    }

    /// How the two rankings fuse.
    pub fn fusion(mut self, fusion: Fusion) -> Self {
        self.fusion = Some(fusion);
        self
    }

    /// The vector to rank by.
    pub fn vector(mut self, vector: impl Into<Vec<f32>>) -> Self {
        self.vector = Some(vector.into());
        self
    }

    /// Takes the vector side from a concept search (with its moves) instead
    /// of from the query text.
    pub fn near_text(mut self, concepts: NearText<T>) -> Self {
        self.concepts = Some(concepts);
        self
    }

    /// Ranks by the named vector `target`.
    pub fn target_vector<K>(mut self, target: &VectorName<T, K>) -> Self {
        self.target = Some(target.name());
        self
    }

    /// Keeps only objects within this vector distance.
    pub fn max_vector_distance(mut self, distance: f32) -> Self {
        self.max_vector_distance = Some(distance);
        self
    }

    /// Searches the keywords in `field` only (repeatable).
    pub fn field<V: TextLike>(mut self, field: &Field<T, V>) -> Self {
        self.keywords = self.keywords.field(field);
        self
    }

    /// Searches the keywords in `field`, weighing it `boost` times.
    pub fn boosted<V: TextLike>(mut self, field: &Field<T, V>, boost: f32) -> Self {
        self.keywords = self.keywords.boosted(field, boost);
        self
    }

    /// How the keywords combine.
    pub fn operator(mut self, operator: KeywordOperator) -> Self {
        self.keywords = self.keywords.operator(operator);
        self
    }

    pub(crate) fn to_proto(&self) -> pb::Hybrid {
        use pb::hybrid::FusionType;
        let keywords = self.keywords.to_proto();
        pb::Hybrid {
            query: keywords.query,
            properties: keywords.properties,
            bm25_search_operator: keywords.search_operator,
            fusion_type: match self.fusion {
                None => FusionType::Unspecified,
                Some(Fusion::Ranked) => FusionType::Ranked,
                Some(Fusion::RelativeScore) => FusionType::RelativeScore,
            } as i32,
            alpha_param: self.alpha,
            use_alpha_param: self.alpha.is_some(),
            targets: targets(self.target),
            vectors: self.vector.iter().map(|v| single_vector(self.target.unwrap_or_default(), v)).collect(),
            threshold: self.max_vector_distance.map(pb::hybrid::Threshold::VectorDistance),
            near_text: self.concepts.as_ref().map(NearText::to_proto),
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Article;

    const TITLE: Field<Article, String> = Field::new("title");
    const TAGS: Field<Article, Vec<String>> = Field::new("tags");

    #[test]
    fn keyword_fields_carry_their_boosts_and_operator() {
        let bm25 = Bm25::<Article>::new("q")
            .boosted(&TITLE, 2.5)
            .field(&TAGS)
            .operator(KeywordOperator::Or { minimum_match: 2 });
        let message = bm25.to_proto();
        assert_eq!(message.properties, ["title^2.5", "tags"]);
        let operator = message.search_operator.expect("operator");
        assert_eq!(operator.minimum_or_tokens_match, Some(2));
        assert_eq!(operator.operator, pb::search_operator_options::Operator::Or as i32);
    }

    #[test]
    fn hybrid_sends_alpha_only_when_set_and_names_its_vector() {
        let plain = Hybrid::<Article>::new("q").to_proto();
        assert!(!plain.use_alpha_param && plain.vectors.is_empty() && plain.targets.is_none());
        assert!(plain.near_text.is_none());
        let concepts =
            Hybrid::<Article>::new("q").near_text(NearText::new(["sea"]).move_away(Move::concepts(["land"])));
        let sub_search = concepts.to_proto().near_text.expect("concept sub-search");
        assert_eq!(
            (sub_search.query, sub_search.move_away.map(|m| m.concepts)),
            (vec!["sea".to_owned()], Some(vec!["land".to_owned()]))
        );
        let body = VectorName::<Article>::new("body");
        let full = Hybrid::<Article>::new("q").alpha(0.0).vector(vec![1.0]).target_vector(&body).to_proto();
        assert!(full.use_alpha_param && full.alpha_param == Some(0.0));
        assert_eq!(full.vectors[0].name, "body");
        assert_eq!(full.targets.expect("targets").target_vectors, ["body"]);
    }
}
