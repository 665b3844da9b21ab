//! The names the derive's attributes take for enumerated settings (distance,
//! index kind, quantizer, PQ encoder, multi-vector aggregation, tokenization,
//! filter and deletion strategies) are the runtime's: the derive's own
//! table is compiled here and compared with the runtime enums both ways,
//! server name and variant, so neither side can add, drop or rename one
//! alone.

#[allow(dead_code)] // the derive's lookup helpers are not needed here
#[path = "../weaviate-derive/src/names.rs"]
mod derive_names;

use weaviate_orm::schema::{
    DeletionStrategy, Distance, FilterStrategy, MultiVectorAggregation, PqEncoderDistribution, PqEncoderType,
    Quantizer, Tokenization, VectorIndexKind,
};

/// A runtime value's server name and variant name (its `Debug` up to any fields).
fn runtime<T: std::fmt::Debug>(
    values: impl IntoIterator<Item = T>,
    name: impl Fn(&T) -> &'static str,
) -> Vec<(String, String)> {
    values
        .into_iter()
        .map(|value| {
            let debug = format!("{value:?}");
            let variant = debug.split([' ', '{', '(']).next().unwrap_or_default().to_owned();
            (name(&value).to_owned(), variant)
        })
        .collect()
}

fn derive(names: derive_names::Names) -> Vec<(String, String)> {
    names.iter().map(|(server, variant)| ((*server).to_owned(), (*variant).to_owned())).collect()
}

#[test]
fn the_derive_and_the_runtime_name_the_same_settings() {
    let quantizers = Quantizer::NAMES.into_iter().filter_map(Quantizer::from_name);
    let pairs = [
        ("distance", runtime(Distance::ALL, |d| d.name()), derive(derive_names::DISTANCES)),
        ("index kind", runtime(VectorIndexKind::ALL, |k| k.name()), derive(derive_names::INDEX_KINDS)),
        ("quantizer", runtime(quantizers, |q| q.name()), derive(derive_names::QUANTIZERS)),
        ("tokenization", runtime(Tokenization::ALL, |t| t.name()), derive(derive_names::TOKENIZATIONS)),
        ("filter strategy", runtime(FilterStrategy::ALL, |s| s.name()), derive(derive_names::FILTER_STRATEGIES)),
        ("deletion strategy", runtime(DeletionStrategy::ALL, |s| s.name()), derive(derive_names::DELETION_STRATEGIES)),
        ("PQ encoder type", runtime(PqEncoderType::ALL, |t| t.name()), derive(derive_names::PQ_ENCODER_TYPES)),
        (
            "PQ encoder distribution",
            runtime(PqEncoderDistribution::ALL, |d| d.name()),
            derive(derive_names::PQ_ENCODER_DISTRIBUTIONS),
        ),
        (
            "multi-vector aggregation",
            runtime(MultiVectorAggregation::ALL, |a| a.name()),
            derive(derive_names::MULTI_VECTOR_AGGREGATIONS),
        ),
    ];
    for (what, runtime, derive) in pairs {
        assert_eq!(runtime, derive, "{what}: the runtime's names and variants (left) differ from the derive's (right)");
    }
}

#[test]
fn each_quantizer_has_its_options_table_and_choices_name_their_runtime_enums() {
    let tabled: Vec<&str> = derive_names::QUANTIZER_OPTIONS.iter().map(|(name, ..)| *name).collect();
    assert_eq!(tabled, Quantizer::NAMES);
    let choices: Vec<&str> = derive_names::QUANTIZER_CHOICES.iter().map(|(_, _, ty)| *ty).collect();
    assert_eq!(choices, ["PqEncoderType", "PqEncoderDistribution"]);
}
