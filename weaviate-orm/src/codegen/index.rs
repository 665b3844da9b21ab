//! `vector_index(...)` (and a named vector's `index(...)`): every setting
//! the server holds that differs from its default.

use super::literal::Args;
use super::server::Server;
use crate::schema::{
    BqConfig, DynamicFlatConfig, FilterStrategy, PqConfig, PqEncoderDistribution, PqEncoderType, Quantizer, RqConfig,
    SqConfig, VectorIndexConfig, VectorIndexKind,
};

/// The index's settings; empty when all are the server's defaults.
pub(super) fn vector_index(index: &VectorIndexConfig, server: Server) -> Args {
    let mut args = Args::default();
    if index.kind != VectorIndexKind::Hnsw {
        args.text("kind", Some(index.kind.name()), None);
    }
    args.text("distance", index.distance.map(|d| d.name()), Some("cosine"));
    if index.kind != VectorIndexKind::Flat {
        args.number("ef", index.ef, Some(-1));
        args.number("ef_construction", index.ef_construction, Some(128));
        args.number("max_connections", index.max_connections, Some(32));
        args.number("dynamic_ef_min", index.dynamic_ef_min, Some(100));
        args.number("dynamic_ef_max", index.dynamic_ef_max, Some(500));
        args.number("dynamic_ef_factor", index.dynamic_ef_factor, Some(8));
        args.number("flat_search_cutoff", index.flat_search_cutoff, Some(40_000));
        args.number("cleanup_interval_seconds", index.cleanup_interval_seconds, Some(300));
        let filter_default = if server.acorn_by_default { FilterStrategy::Acorn } else { FilterStrategy::Sweeping };
        args.text("filter_strategy", index.filter_strategy.map(|s| s.name()), Some(filter_default.name()));
        args.switch("skip", index.skip, false);
    }
    args.number("vector_cache_max_objects", index.vector_cache_max_objects, Some(1_000_000_000_000));
    if index.kind == VectorIndexKind::Dynamic {
        args.number("dynamic_threshold", index.dynamic_threshold, Some(10_000));
    }
    quantizer(&mut args, index.quantizer, index.kind == VectorIndexKind::Flat);
    if index.kind == VectorIndexKind::Dynamic {
        args.nested("flat", dynamic_flat(&index.dynamic_flat), false);
    }
    if let Some(muvera) = index.muvera {
        let mut options = Args::default();
        options.number("ksim", muvera.ksim, Some(4));
        options.number("dprojections", muvera.dprojections, Some(16));
        options.number("repetitions", muvera.repetitions, Some(10));
        args.nested("muvera", options, true);
    }
    args
}

fn dynamic_flat(flat: &DynamicFlatConfig) -> Args {
    let mut args = Args::default();
    args.number("vector_cache_max_objects", flat.vector_cache_max_objects, Some(1_000_000_000_000));
    quantizer(&mut args, flat.quantizer, true);
    args
}

/// `quantizer = "rq"`, or `quantizer(rq(bits = 1, ...))` with the options
/// that differ from the defaults and that the index kind reads.
fn quantizer(args: &mut Args, quantizer: Option<Quantizer>, flat: bool) {
    let Some(quantizer) = quantizer else { return };
    let options = if flat { flat_options(quantizer) } else { hnsw_options(quantizer) };
    if options.is_empty() {
        args.text("quantizer", Some(quantizer.name()), None);
    } else {
        let mut nested = Args::default();
        nested.nested(quantizer.name(), options, false);
        args.nested("quantizer", nested, false);
    }
}

fn hnsw_options(quantizer: Quantizer) -> Args {
    let mut args = Args::default();
    match quantizer {
        Quantizer::Pq(PqConfig { segments, centroids, training_limit, encoder_type, encoder_distribution, .. }) => {
            args.number("segments", segments, Some(0));
            args.number("centroids", centroids, Some(256));
            args.number("training_limit", training_limit, Some(100_000));
            let kmeans = Some(PqEncoderType::Kmeans.name());
            args.text("encoder_type", encoder_type.map(PqEncoderType::name), kmeans);
            let log_normal = Some(PqEncoderDistribution::LogNormal.name());
            args.text("encoder_distribution", encoder_distribution.map(PqEncoderDistribution::name), log_normal);
        }
        Quantizer::Bq(_) => {}
        Quantizer::Sq(SqConfig { rescore_limit, training_limit, .. }) => {
            args.number("rescore_limit", rescore_limit, Some(20));
            args.number("training_limit", training_limit, Some(100_000));
        }
        Quantizer::Rq(RqConfig { bits, rescore_limit, training_limit, centering, .. }) => {
            args.number("bits", bits, Some(8));
            let default_rescore = if bits == Some(1) { 512 } else { 20 };
            args.number("rescore_limit", rescore_limit, Some(default_rescore));
            args.number("training_limit", training_limit, Some(10_000));
            args.switch("centering", centering, false);
        }
    }
    args
}

fn flat_options(quantizer: Quantizer) -> Args {
    let mut args = Args::default();
    let (rescore_limit, cache) = match quantizer {
        Quantizer::Pq(PqConfig { rescore_limit, cache, .. })
        | Quantizer::Bq(BqConfig { rescore_limit, cache })
        | Quantizer::Sq(SqConfig { rescore_limit, cache, .. }) => (rescore_limit, cache),
        Quantizer::Rq(RqConfig { bits, rescore_limit, cache, .. }) => {
            args.number("bits", bits, Some(8));
            (rescore_limit, cache)
        }
    };
    args.number("rescore_limit", rescore_limit, None);
    args.switch("cache", cache, false);
    args
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Distance;

    const SERVER: Server = Server { nodes: 1, acorn_by_default: true, time_based_deletion_by_default: true };

    #[test]
    fn defaults_are_left_out_and_the_rest_written() {
        let mut index = VectorIndexConfig::new(VectorIndexKind::Hnsw);
        index.ef = Some(-1);
        index.ef_construction = Some(64);
        index.distance = Some(Distance::Cosine);
        index.quantizer =
            Some(Quantizer::Rq(RqConfig { bits: Some(8), rescore_limit: Some(20), ..Default::default() }));
        assert_eq!(
            vector_index(&index, SERVER).render("i").as_deref(),
            Some(r#"i(ef_construction = 64, quantizer = "rq")"#)
        );
        index.quantizer =
            Some(Quantizer::Rq(RqConfig { bits: Some(1), rescore_limit: Some(512), ..Default::default() }));
        index.ef_construction = None;
        assert_eq!(vector_index(&index, SERVER).render("i").as_deref(), Some("i(quantizer(rq(bits = 1)))"));
        let mut flat = VectorIndexConfig::new(VectorIndexKind::Flat);
        flat.distance = Some(Distance::Dot);
        flat.ef = Some(-1);
        assert_eq!(vector_index(&flat, SERVER).render("i").as_deref(), Some(r#"i(kind = "flat", distance = "dot")"#));
        assert_eq!(vector_index(&VectorIndexConfig::default(), SERVER).render("i"), None);
    }
}
