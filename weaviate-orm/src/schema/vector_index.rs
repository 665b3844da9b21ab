//! Vector index settings: the index kind, distance, tuning knobs and quantizer.

use serde_json::{Map, Value, json};

use super::json::{insert_some, server_names};
use super::quantizer::Quantizer;

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

server_names!(VectorIndexKind { Hnsw => "hnsw", Flat => "flat", Dynamic => "dynamic" });

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

server_names!(Distance {
    Cosine => "cosine",
    Dot => "dot",
    L2Squared => "l2-squared",
    Manhattan => "manhattan",
    Hamming => "hamming",
});

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
    /// Compression (of the HNSW part, for a dynamic index).
    pub quantizer: Option<Quantizer>,
    /// Dynamic: the flat part's settings.
    pub dynamic_flat: DynamicFlatConfig,
    /// Multi-vectors (late interaction): several vectors per object.
    pub multi_vector: bool,
    /// Multi-vectors: how vectors are scored (`maxSim`, the default and only one).
    pub multi_vector_aggregation: Option<MultiVectorAggregation>,
    /// Multi-vectors: MUVERA encoding, when the index holds it.
    pub muvera: Option<MuveraConfig>,
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

server_names!(FilterStrategy { Sweeping => "sweeping", Acorn => "acorn" });

/// How a multi-vector's vectors are scored against a query's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum MultiVectorAggregation {
    /// The sum over the query's vectors of each one's best match (late interaction).
    MaxSim,
}

server_names!(MultiVectorAggregation { MaxSim => "maxSim" });

/// MUVERA: a multi-vector encoded into one fixed-size vector for the index;
/// `None` leaves the server's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct MuveraConfig {
    /// Bits of each SimHash (4 by default).
    pub ksim: Option<u32>,
    /// Dimensions of each projection (16 by default).
    pub dprojections: Option<u32>,
    /// Repetitions of the encoding (10 by default).
    pub repetitions: Option<u32>,
}

/// The flat part of a dynamic index: the index it starts as, before it
/// turns into HNSW; `None` leaves the server's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct DynamicFlatConfig {
    /// Vectors kept in memory.
    pub vector_cache_max_objects: Option<u64>,
    /// Compression of the flat part (takes a flat index's options).
    pub quantizer: Option<Quantizer>,
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
        if self.multi_vector || self.multi_vector_aggregation.is_some() || self.muvera.is_some() {
            let mut multi = Map::new();
            multi.insert("enabled".into(), json!(self.multi_vector));
            insert_some(&mut multi, "aggregation", self.multi_vector_aggregation.map(MultiVectorAggregation::name));
            if let Some(muvera) = self.muvera {
                let mut encoding = Map::new();
                encoding.insert("enabled".into(), json!(true));
                insert_some(&mut encoding, "ksim", muvera.ksim);
                insert_some(&mut encoding, "dprojections", muvera.dprojections);
                insert_some(&mut encoding, "repetitions", muvera.repetitions);
                multi.insert("muvera".into(), Value::Object(encoding));
            }
            out.insert("multivector".into(), Value::Object(multi));
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
            dynamic.insert("hnsw".into(), Value::Object(out));
            let mut flat = Map::new();
            if let Some(distance) = self.distance {
                flat.insert("distance".into(), json!(distance.name()));
            }
            insert_some(&mut flat, "vectorCacheMaxObjects", self.dynamic_flat.vector_cache_max_objects);
            if let Some(quantizer) = self.dynamic_flat.quantizer {
                flat.insert(quantizer.name().into(), quantizer.to_json());
            }
            dynamic.insert("flat".into(), Value::Object(flat));
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
        index.quantizer = Some(Quantizer::Pq(super::super::PqConfig { segments: Some(8), ..Default::default() }));
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
    }
}
