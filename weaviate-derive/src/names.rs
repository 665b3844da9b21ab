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
