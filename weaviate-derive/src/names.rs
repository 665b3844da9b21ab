//! The names the attributes take for Weaviate's enumerated settings, each
//! with the runtime variant the generated code names. The tests crate
//! compiles this file too and checks it against the runtime's own lists
//! (`Distance::ALL`, `Tokenization::ALL`...), so the two cannot drift.

/// A server name and the variant of the runtime enum it is.
pub(crate) type Names = &'static [(&'static str, &'static str)];

/// `schema::Distance`.
pub(crate) const DISTANCES: Names = &[
    ("cosine", "Cosine"),
    ("dot", "Dot"),
    ("l2-squared", "L2Squared"),
    ("manhattan", "Manhattan"),
    ("hamming", "Hamming"),
];

/// `schema::VectorIndexKind`.
pub(crate) const INDEX_KINDS: Names = &[("hnsw", "Hnsw"), ("flat", "Flat"), ("dynamic", "Dynamic")];

/// `schema::Quantizer`.
pub(crate) const QUANTIZERS: Names = &[("pq", "Pq"), ("bq", "Bq"), ("sq", "Sq"), ("rq", "Rq")];

/// `schema::PqEncoderType`.
pub(crate) const PQ_ENCODER_TYPES: Names = &[("kmeans", "Kmeans"), ("tile", "Tile")];

/// `schema::PqEncoderDistribution`.
pub(crate) const PQ_ENCODER_DISTRIBUTIONS: Names = &[("log-normal", "LogNormal"), ("normal", "Normal")];

/// `schema::MultiVectorAggregation`.
pub(crate) const MULTI_VECTOR_AGGREGATIONS: Names = &[("maxSim", "MaxSim")];

/// Quantizer options whose value is a name: the option, the names it
/// takes, and the runtime enum.
pub(crate) const QUANTIZER_CHOICES: &[(&str, Names, &str)] = &[
    ("encoder_type", PQ_ENCODER_TYPES, "PqEncoderType"),
    ("encoder_distribution", PQ_ENCODER_DISTRIBUTIONS, "PqEncoderDistribution"),
];

/// Each quantizer's options (the fields of `schema::PqConfig`...) that an
/// HNSW index reads, and those a flat index reads; the server ignores the
/// others, so the derive refuses them.
pub(crate) const QUANTIZER_OPTIONS: &[(&str, &[&str], &[&str])] = &[
    (
        "pq",
        &["segments", "centroids", "training_limit", "encoder_type", "encoder_distribution"],
        &["rescore_limit", "cache"],
    ),
    ("bq", &[], &["rescore_limit", "cache"]),
    ("sq", &["rescore_limit", "training_limit"], &["rescore_limit", "cache"]),
    ("rq", &["bits", "rescore_limit", "training_limit", "centering"], &["bits", "rescore_limit", "cache"]),
];

/// `schema::Tokenization`.
pub(crate) const TOKENIZATIONS: Names = &[
    ("word", "Word"),
    ("lowercase", "Lowercase"),
    ("whitespace", "Whitespace"),
    ("field", "Field"),
    ("trigram", "Trigram"),
    ("gse", "Gse"),
    ("gse_ch", "GseCh"),
    ("kagome_ja", "KagomeJa"),
    ("kagome_kr", "KagomeKr"),
];

/// `schema::FilterStrategy`.
pub(crate) const FILTER_STRATEGIES: Names = &[("sweeping", "Sweeping"), ("acorn", "Acorn")];

/// `schema::DeletionStrategy`.
pub(crate) const DELETION_STRATEGIES: Names = &[
    ("NoAutomatedResolution", "NoAutomatedResolution"),
    ("DeleteOnConflict", "DeleteOnConflict"),
    ("TimeBasedResolution", "TimeBasedResolution"),
];

/// The server names of a table, for checks and messages.
pub(crate) fn server_names(names: Names) -> Vec<&'static str> {
    names.iter().map(|(name, _)| *name).collect()
}

/// The variant `name` is, if it is one.
pub(crate) fn variant(names: Names, name: &str) -> Option<&'static str> {
    names.iter().find(|(server, _)| *server == name).map(|(_, variant)| *variant)
}
