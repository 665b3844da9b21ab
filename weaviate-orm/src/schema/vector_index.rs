//! Vector index settings: the index kind, distance, tuning knobs and quantizer.

use serde_json::{Map, Value, json};

use super::json::insert_some;

/// The kind of vector index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum VectorIndexKind {
    /// Hierarchical navigable small world graph (the default).
    #[default]
    Hnsw,
    /// Brute force over (quantized) vectors; for small collections and tenants.
    Flat,
    /// Flat while small, switching to HNSW past a threshold.
    Dynamic,
}

impl VectorIndexKind {
    /// Every kind, for validation.
    pub const ALL: [Self; 3] = [Self::Hnsw, Self::Flat, Self::Dynamic];

    /// The name Weaviate uses.
    pub fn name(self) -> &'static str {
        match self {
            Self::Hnsw => "hnsw",
            Self::Flat => "flat",
            Self::Dynamic => "dynamic",
        }
    }

    /// The kind called `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// How vectors are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Distance {
    /// Cosine distance (the default).
    Cosine,
    /// Negative dot product.
    Dot,
    /// Squared Euclidean distance.
    L2Squared,
    /// Manhattan distance.
    Manhattan,
    /// Hamming distance.
    Hamming,
}

impl Distance {
    /// Every distance, for validation.
    pub const ALL: [Self; 5] = [Self::Cosine, Self::Dot, Self::L2Squared, Self::Manhattan, Self::Hamming];

    /// The name Weaviate uses.
    pub fn name(self) -> &'static str {
        match self {
            Self::Cosine => "cosine",
            Self::Dot => "dot",
            Self::L2Squared => "l2-squared",
            Self::Manhattan => "manhattan",
            Self::Hamming => "hamming",
        }
    }

    /// The distance called `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.name() == name)
    }
}

/// Vector compression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Quantizer {
    /// Product quantization.
    Pq {
        /// Segments per vector (`None`: the server's choice).
        segments: Option<u32>,
        /// Centroids per segment (`None`: 256).
        centroids: Option<u32>,
    },
    /// Binary quantization.
    Bq,
    /// Scalar quantization.
    Sq,
    /// Rotational quantization.
    Rq {
        /// Bits per dimension (`None`: 8).
        bits: Option<u32>,
    },
}

impl Quantizer {
    /// The names of the quantizers, for validation.
    pub const NAMES: [&'static str; 4] = ["pq", "bq", "sq", "rq"];

    /// The quantizer called `name` with the server's default settings.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "pq" => Some(Self::Pq { segments: None, centroids: None }),
            "bq" => Some(Self::Bq),
            "sq" => Some(Self::Sq),
            "rq" => Some(Self::Rq { bits: None }),
            _ => None,
        }
    }

    /// The name Weaviate uses (and the key of its settings).
    pub fn name(self) -> &'static str {
        match self {
            Self::Pq { .. } => "pq",
            Self::Bq => "bq",
            Self::Sq => "sq",
            Self::Rq { .. } => "rq",
        }
    }

    fn to_json(self) -> Value {
        let mut out = Map::new();
        out.insert("enabled".into(), json!(true));
        match self {
            Self::Pq { segments, centroids } => {
                insert_some(&mut out, "segments", segments);
                insert_some(&mut out, "centroids", centroids);
            }
            Self::Rq { bits } => insert_some(&mut out, "bits", bits),
            Self::Bq | Self::Sq => {}
        }
        Value::Object(out)
    }
}

/// A vector index's settings; `None` leaves the server's default.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct VectorIndexConfig {
    /// The index kind.
    pub kind: VectorIndexKind,
    /// How vectors are compared.
    pub distance: Option<Distance>,
    /// HNSW: size of the search candidate list (`-1`: dynamic).
    pub ef: Option<i32>,
    /// HNSW: size of the candidate list while building.
    pub ef_construction: Option<u32>,
    /// HNSW: edges per node.
    pub max_connections: Option<u32>,
    /// HNSW: lower bound of the dynamic `ef`.
    pub dynamic_ef_min: Option<u32>,
    /// HNSW: upper bound of the dynamic `ef`.
    pub dynamic_ef_max: Option<u32>,
    /// HNSW: factor of the dynamic `ef`.
    pub dynamic_ef_factor: Option<u32>,
    /// HNSW: filter size below which search goes flat.
    pub flat_search_cutoff: Option<u32>,
    /// Vectors kept in memory.
    pub vector_cache_max_objects: Option<u64>,
    /// Dynamic: object count at which the index turns into HNSW.
    pub dynamic_threshold: Option<u64>,
    /// Compression.
    pub quantizer: Option<Quantizer>,
    /// Multi-vectors (late interaction): several vectors per object.
    pub multi_vector: bool,
    /// HNSW: seconds between cleanups of deleted vectors.
    pub cleanup_interval_seconds: Option<u32>,
    /// HNSW: how filtered searches walk the graph.
    pub filter_strategy: Option<FilterStrategy>,
    /// Builds no index at all (vectors are stored, not searchable).
    pub skip: Option<bool>,
}

/// How an HNSW search with a filter walks the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FilterStrategy {
    /// Visits every neighbour, matching or not.
    Sweeping,
    /// ACORN: follows only matching neighbours, faster on selective filters
    /// (the default of new collections from server 1.34 on).
    Acorn,
}

impl FilterStrategy {
    /// Every strategy.
    pub const ALL: [Self; 2] = [Self::Sweeping, Self::Acorn];

    /// The server's name: `sweeping` or `acorn`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Sweeping => "sweeping",
            Self::Acorn => "acorn",
        }
    }

    /// The strategy the server calls `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }
}

impl VectorIndexConfig {
    /// An index of `kind` with the server's defaults.
    pub fn new(kind: VectorIndexKind) -> Self {
        Self { kind, ..Self::default() }
    }

    /// The settings as `vectorIndexConfig` JSON.
    pub fn to_json(&self) -> Value {
        let mut out = Map::new();
        if let Some(distance) = self.distance {
            out.insert("distance".into(), json!(distance.name()));
        }
        insert_some(&mut out, "ef", self.ef);
        insert_some(&mut out, "efConstruction", self.ef_construction);
        insert_some(&mut out, "maxConnections", self.max_connections);
        insert_some(&mut out, "dynamicEfMin", self.dynamic_ef_min);
        insert_some(&mut out, "dynamicEfMax", self.dynamic_ef_max);
        insert_some(&mut out, "dynamicEfFactor", self.dynamic_ef_factor);
        insert_some(&mut out, "flatSearchCutoff", self.flat_search_cutoff);
        insert_some(&mut out, "vectorCacheMaxObjects", self.vector_cache_max_objects);
        insert_some(&mut out, "cleanupIntervalSeconds", self.cleanup_interval_seconds);
        insert_some(&mut out, "filterStrategy", self.filter_strategy.map(FilterStrategy::name));
        insert_some(&mut out, "skip", self.skip);
        if self.multi_vector {
            out.insert("multivector".into(), json!({"enabled": true}));
        }
        if let Some(quantizer) = self.quantizer {
            out.insert(quantizer.name().into(), quantizer.to_json());
        }
        if self.kind == VectorIndexKind::Dynamic {
            // The dynamic index holds the settings of both of its phases.
            let mut dynamic = Map::new();
            insert_some(&mut dynamic, "threshold", self.dynamic_threshold);
            if let Some(distance) = self.distance {
                dynamic.insert("distance".into(), json!(distance.name()));
            }
            dynamic.insert("hnsw".into(), Value::Object(out.clone()));
            dynamic.insert("flat".into(), json!({}));
            return Value::Object(dynamic);
        }
        Value::Object(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_chosen_settings_are_sent() {
        let mut index = VectorIndexConfig::new(VectorIndexKind::Hnsw);
        assert_eq!(index.to_json(), json!({}));
        index.distance = Some(Distance::Dot);
        index.ef_construction = Some(64);
        index.quantizer = Some(Quantizer::Pq { segments: Some(8), centroids: None });
        assert_eq!(
            index.to_json(),
            json!({"distance": "dot", "efConstruction": 64, "pq": {"enabled": true, "segments": 8}})
        );
    }

    #[test]
    fn names_round_trip() {
        for d in Distance::ALL {
            assert_eq!(Distance::from_name(d.name()), Some(d));
        }
        for k in VectorIndexKind::ALL {
            assert_eq!(VectorIndexKind::from_name(k.name()), Some(k));
        }
        for q in Quantizer::NAMES {
            assert_eq!(Quantizer::from_name(q).map(Quantizer::name), Some(q));
        }
    }
}
