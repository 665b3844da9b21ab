//! Vector compression: the quantizers and their options.
//!
//! Each quantizer's settings struct holds every option the server has for it;
//! which ones an index kind reads differs, and each field says where it
//! applies. An HNSW index ignores the options marked "flat" and a flat index
//! those marked "HNSW": the derive refuses such a pair at compile time.

use serde_json::{Map, Value, json};

use super::json::{boolean, insert_some, number, server_names, string};

/// Vector compression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Quantizer {
    /// Product quantization.
    Pq(PqConfig),
    /// Binary quantization.
    Bq(BqConfig),
    /// Scalar quantization.
    Sq(SqConfig),
    /// Rotational quantization.
    Rq(RqConfig),
}

/// Product quantization's options; `None` leaves the server's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct PqConfig {
    /// HNSW: segments per vector (the server's choice by default).
    pub segments: Option<u32>,
    /// HNSW: centroids per segment (256 by default).
    pub centroids: Option<u32>,
    /// HNSW: vectors the codebook is trained on (100,000 by default).
    pub training_limit: Option<u32>,
    /// HNSW: how the codebook is built.
    pub encoder_type: Option<PqEncoderType>,
    /// HNSW: the distribution the tile encoder assumes.
    pub encoder_distribution: Option<PqEncoderDistribution>,
    /// Flat: candidates re-scored with the full vectors.
    pub rescore_limit: Option<u32>,
    /// Flat: keep the compressed vectors in memory.
    pub cache: Option<bool>,
}

/// Binary quantization's options; `None` leaves the server's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct BqConfig {
    /// Flat: candidates re-scored with the full vectors.
    pub rescore_limit: Option<u32>,
    /// Flat: keep the compressed vectors in memory.
    pub cache: Option<bool>,
}

/// Scalar quantization's options; `None` leaves the server's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct SqConfig {
    /// Candidates re-scored with the full vectors.
    pub rescore_limit: Option<u32>,
    /// HNSW: vectors the quantizer is trained on (100,000 by default).
    pub training_limit: Option<u32>,
    /// Flat: keep the compressed vectors in memory.
    pub cache: Option<bool>,
}

/// Rotational quantization's options; `None` leaves the server's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct RqConfig {
    /// Bits per dimension (8 by default; a flat index takes 1 or 8).
    pub bits: Option<u32>,
    /// Candidates re-scored with the full vectors.
    pub rescore_limit: Option<u32>,
    /// HNSW: vectors the rotation is trained on.
    pub training_limit: Option<u32>,
    /// HNSW: centre the vectors before rotating them (with 4 bits).
    pub centering: Option<bool>,
    /// Flat: keep the compressed vectors in memory.
    pub cache: Option<bool>,
}

/// How product quantization builds its codebook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PqEncoderType {
    /// k-means clustering per segment (the default).
    Kmeans,
    /// Fixed tiles of an assumed distribution.
    Tile,
}

/// The distribution product quantization's tile encoder assumes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PqEncoderDistribution {
    /// Log-normal (the default).
    LogNormal,
    /// Normal.
    Normal,
}

server_names!(PqEncoderType { Kmeans => "kmeans", Tile => "tile" });
server_names!(PqEncoderDistribution { LogNormal => "log-normal", Normal => "normal" });

impl Quantizer {
    /// The names of the quantizers, for validation.
    pub const NAMES: [&'static str; 4] = ["pq", "bq", "sq", "rq"];

    /// Product quantization with the server's defaults.
    pub fn pq() -> Self {
        Self::Pq(PqConfig::default())
    }

    /// Binary quantization with the server's defaults.
    pub fn bq() -> Self {
        Self::Bq(BqConfig::default())
    }

    /// Scalar quantization with the server's defaults.
    pub fn sq() -> Self {
        Self::Sq(SqConfig::default())
    }

    /// Rotational quantization with the server's defaults.
    pub fn rq() -> Self {
        Self::Rq(RqConfig::default())
    }

    /// The quantizer called `name` with the server's default settings.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "pq" => Some(Self::pq()),
            "bq" => Some(Self::bq()),
            "sq" => Some(Self::sq()),
            "rq" => Some(Self::rq()),
            _ => None,
        }
    }

    /// The name Weaviate uses (and the key of its settings).
    pub fn name(self) -> &'static str {
        match self {
            Self::Pq(_) => "pq",
            Self::Bq(_) => "bq",
            Self::Sq(_) => "sq",
            Self::Rq(_) => "rq",
        }
    }

    /// The settings under the quantizer's key of `vectorIndexConfig`.
    pub(super) fn to_json(self) -> Value {
        let mut out = Map::new();
        out.insert("enabled".into(), json!(true));
        match self {
            Self::Pq(pq) => {
                insert_some(&mut out, "segments", pq.segments);
                insert_some(&mut out, "centroids", pq.centroids);
                insert_some(&mut out, "trainingLimit", pq.training_limit);
                if pq.encoder_type.is_some() || pq.encoder_distribution.is_some() {
                    let mut encoder = Map::new();
                    insert_some(&mut encoder, "type", pq.encoder_type.map(PqEncoderType::name));
                    insert_some(&mut encoder, "distribution", pq.encoder_distribution.map(PqEncoderDistribution::name));
                    out.insert("encoder".into(), Value::Object(encoder));
                }
                insert_some(&mut out, "rescoreLimit", pq.rescore_limit);
                insert_some(&mut out, "cache", pq.cache);
            }
            Self::Bq(bq) => {
                insert_some(&mut out, "rescoreLimit", bq.rescore_limit);
                insert_some(&mut out, "cache", bq.cache);
            }
            Self::Sq(sq) => {
                insert_some(&mut out, "rescoreLimit", sq.rescore_limit);
                insert_some(&mut out, "trainingLimit", sq.training_limit);
                insert_some(&mut out, "cache", sq.cache);
            }
            Self::Rq(rq) => {
                insert_some(&mut out, "bits", rq.bits);
                insert_some(&mut out, "rescoreLimit", rq.rescore_limit);
                insert_some(&mut out, "trainingLimit", rq.training_limit);
                insert_some(&mut out, "centering", rq.centering);
                insert_some(&mut out, "cache", rq.cache);
            }
        }
        Value::Object(out)
    }

    /// The enabled quantizer of an index's settings (`vectorIndexConfig`, or
    /// a dynamic index's part), with the options the server returned. A
    /// negative rescore limit (a flat index's "not set") reads as unset.
    pub(super) fn from_index_json(index: &Value) -> Option<Self> {
        Self::NAMES.into_iter().find_map(|name| {
            let q = Some(index.get(name).filter(|q| boolean(Some(q), "enabled") == Some(true))?);
            let rescore_limit = number(q, "rescoreLimit");
            let (training_limit, cache) = (number(q, "trainingLimit"), boolean(q, "cache"));
            Some(match name {
                "pq" => {
                    let encoder = q.and_then(|q| q.get("encoder"));
                    Self::Pq(PqConfig {
                        segments: number(q, "segments").filter(|s| *s > 0),
                        centroids: number(q, "centroids"),
                        training_limit,
                        encoder_type: encoder
                            .and_then(|e| string(e, "type"))
                            .and_then(|t| PqEncoderType::from_name(&t)),
                        encoder_distribution: encoder
                            .and_then(|e| string(e, "distribution"))
                            .and_then(|d| PqEncoderDistribution::from_name(&d)),
                        rescore_limit,
                        cache,
                    })
                }
                "bq" => Self::Bq(BqConfig { rescore_limit, cache }),
                "sq" => Self::Sq(SqConfig { rescore_limit, training_limit, cache }),
                _ => Self::Rq(RqConfig {
                    bits: number(q, "bits"),
                    rescore_limit,
                    training_limit,
                    centering: boolean(q, "centering"),
                    cache,
                }),
            })
        })
    }
}

impl From<PqConfig> for Quantizer {
    fn from(config: PqConfig) -> Self {
        Self::Pq(config)
    }
}

impl From<BqConfig> for Quantizer {
    fn from(config: BqConfig) -> Self {
        Self::Bq(config)
    }
}

impl From<SqConfig> for Quantizer {
    fn from(config: SqConfig) -> Self {
        Self::Sq(config)
    }
}

impl From<RqConfig> for Quantizer {
    fn from(config: RqConfig) -> Self {
        Self::Rq(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_written_only_when_set_and_read_back() {
        assert_eq!(Quantizer::bq().to_json(), json!({"enabled": true}));
        let pq = Quantizer::Pq(PqConfig {
            segments: Some(8),
            training_limit: Some(50_000),
            encoder_type: Some(PqEncoderType::Tile),
            encoder_distribution: Some(PqEncoderDistribution::Normal),
            ..PqConfig::default()
        });
        let json = pq.to_json();
        assert_eq!(
            json,
            json!({"enabled": true, "segments": 8, "trainingLimit": 50000,
                   "encoder": {"type": "tile", "distribution": "normal"}})
        );
        assert_eq!(Quantizer::from_index_json(&json!({"pq": json, "bq": {"enabled": false}})), Some(pq));
        let rq = Quantizer::Rq(RqConfig { bits: Some(4), centering: Some(true), ..RqConfig::default() });
        assert_eq!(Quantizer::from_index_json(&json!({"rq": rq.to_json()})), Some(rq));
    }

    #[test]
    fn a_flat_index_unset_rescore_limit_reads_as_unset() {
        let flat = json!({"bq": {"enabled": true, "cache": true, "rescoreLimit": -1}, "pq": {"enabled": false}});
        let read = Quantizer::from_index_json(&flat);
        assert_eq!(read, Some(Quantizer::Bq(BqConfig { rescore_limit: None, cache: Some(true) })));
    }

    #[test]
    fn names_round_trip() {
        for q in Quantizer::NAMES {
            assert_eq!(Quantizer::from_name(q).map(Quantizer::name), Some(q));
        }
        for t in PqEncoderType::ALL {
            assert_eq!(PqEncoderType::from_name(t.name()), Some(t));
        }
        for d in PqEncoderDistribution::ALL {
            assert_eq!(PqEncoderDistribution::from_name(d.name()), Some(d));
        }
    }
}
