"""The official Python client's half of the config round trip: one collection
per group of collection settings, each with every setting of its group set
to a value other than the server's default, so that reading the collection
into the typed Rust config and creating it again from that config can be
checked setting by setting.

    roundtrip.py HTTP_PORT GRPC_PORT plain      the collections any server takes
    roundtrip.py HTTP_PORT GRPC_PORT extra      the ones that need a server with
                                                ASYNC_INDEXING=true (a dynamic index),
                                                ENABLE_TOKENIZER_{GSE,GSE_CH,KAGOME_JA,KAGOME_KR}=true
                                                and OBJECTS_TTL_DELETE_SCHEDULE set (object TTL)

create the collections and print their names as JSON.

Collections left over from an earlier run are deleted first. Settings that
the pinned client (4.23.1) and server (1.39.3) do not have are left out:
`bitCompression` of PQ (deprecated, ignored by the server), `cache` of SQ
(ignored by the client) and `maxWorkers` / `aliveNodesCheckingFrequency` of
async replication (dropped by servers from 1.37.3 on).
"""

import json
import sys
import warnings

warnings.filterwarnings("ignore")

import weaviate  # noqa: E402
from weaviate.classes.config import (  # noqa: E402
    Configure,
    DataType,
    MultiVectorAggregation,
    PQEncoderDistribution,
    PQEncoderType,
    Property,
    ReferenceProperty,
    ReplicationDeletionStrategy,
    StopwordsPreset,
    Tokenization,
    VectorDistances,
    VectorFilterStrategy,
)

from weaviate.collections.classes.config_vector_index import _PQConfigCreate  # noqa: E402

VectorIndex = Configure.VectorIndex
Quantizer = Configure.VectorIndex.Quantizer


def _pq_to_dict(self, _original=_PQConfigCreate._to_dict):
    """The pinned client sends PQ's encoder type as `type_`, which the server
    ignores (keeping `kmeans`); send it as `type`."""
    out = _original(self)
    encoder = out.get("encoder", {})
    if "type_" in encoder:
        kind = encoder.pop("type_")
        encoder["type"] = getattr(kind, "value", kind)
    return out


_PQConfigCreate._to_dict = _pq_to_dict


def hnsw(quantizer=None, **overrides):
    """An HNSW index with every knob away from its default."""
    knobs = dict(
        cleanup_interval_seconds=301,
        distance_metric=VectorDistances.DOT,
        dynamic_ef_factor=9,
        dynamic_ef_max=600,
        dynamic_ef_min=90,
        ef=77,
        ef_construction=96,
        filter_strategy=VectorFilterStrategy.SWEEPING,
        flat_search_cutoff=30000,
        max_connections=24,
        vector_cache_max_objects=500000,
    )
    knobs.update(overrides)
    return VectorIndex.hnsw(quantizer=quantizer, **knobs)


def pq():
    return Quantizer.pq(
        centroids=128,
        encoder_distribution=PQEncoderDistribution.NORMAL,
        encoder_type=PQEncoderType.TILE,
        segments=8,
        training_limit=50000,
    )


def bq():
    return Quantizer.bq(cache=True, rescore_limit=150)


def sq():
    return Quantizer.sq(rescore_limit=30, training_limit=50000)


def rq(bits=4, centering=True):
    """RQ; centering needs 4 bits, which HNSW takes and flat does not (1 or 8)."""
    return Quantizer.rq(cache=True, bits=bits, rescore_limit=40, centering=centering, training_limit=60000)


def default_vector(index):
    """A collection whose unnamed vector has `index`."""
    return dict(vector_index_config=index, properties=[Property(name="title", data_type=DataType.TEXT)])


def inverted_index():
    return Configure.inverted_index(
        bm25_b=0.7,
        bm25_k1=1.1,
        cleanup_interval_seconds=61,
        index_timestamps=True,
        index_property_length=True,
        index_null_state=True,
        stopwords_preset=StopwordsPreset.NONE,
        stopwords_additions=["foo", "bar"],
        stopwords_removals=["the"],
        stopword_presets={"custom": ["lorem", "ipsum"]},
    )


def text(name, **settings):
    return Property(name=name, data_type=DataType.TEXT, **settings)


def properties():
    """Every data type, with descriptions, tokenizations, index switches,
    vectorizer switches and text analyzers."""
    analyzer = Configure.text_analyzer
    nested = [
        text(
            "street",
            description="The street.",
            tokenization=Tokenization.FIELD,
            index_searchable=False,
            index_filterable=True,
        ),
        Property(name="number", data_type=DataType.INT, index_range_filters=True, description="House number."),
        Property(
            name="inner",
            data_type=DataType.OBJECT,
            description="Nested twice.",
            nested_properties=[text("deep", tokenization=Tokenization.WHITESPACE, index_filterable=False)],
        ),
    ]
    return [
        text("word", description="Word tokens.", tokenization=Tokenization.WORD,
             text_analyzer=analyzer(ascii_fold=True, ascii_fold_ignore=["é", "ñ"], stopword_preset="custom")),
        text("english", text_analyzer=analyzer(stopword_preset=StopwordsPreset.EN)),
        text("lowercase", tokenization=Tokenization.LOWERCASE, skip_vectorization=True,
             text_analyzer=analyzer(ascii_fold=True, ascii_fold_ignore=["ü"])),
        text("whitespace", tokenization=Tokenization.WHITESPACE, vectorize_property_name=False,
             text_analyzer=analyzer(ascii_fold=True)),
        text("field", tokenization=Tokenization.FIELD, index_searchable=False),
        text("trigram", tokenization=Tokenization.TRIGRAM, index_filterable=False),
        Property(name="texts", data_type=DataType.TEXT_ARRAY, tokenization=Tokenization.LOWERCASE,
                 description="Text array."),
        Property(name="int", data_type=DataType.INT, index_range_filters=True, index_filterable=False),
        Property(name="ints", data_type=DataType.INT_ARRAY, index_filterable=False),
        Property(name="number", data_type=DataType.NUMBER, index_range_filters=True),
        Property(name="numbers", data_type=DataType.NUMBER_ARRAY),
        Property(name="flag", data_type=DataType.BOOL, index_filterable=False),
        Property(name="flags", data_type=DataType.BOOL_ARRAY),
        Property(name="date", data_type=DataType.DATE, index_range_filters=True),
        Property(name="dates", data_type=DataType.DATE_ARRAY),
        Property(name="uuid", data_type=DataType.UUID),
        Property(name="uuids", data_type=DataType.UUID_ARRAY, index_filterable=False),
        Property(name="geo", data_type=DataType.GEO_COORDINATES, description="Where."),
        Property(name="phone", data_type=DataType.PHONE_NUMBER),
        Property(name="blob", data_type=DataType.BLOB, description="Bytes."),
        Property(name="address", data_type=DataType.OBJECT, description="One address.", nested_properties=nested),
        Property(name="addresses", data_type=DataType.OBJECT_ARRAY, index_filterable=False,
                 nested_properties=nested),
    ]


def collections():
    """Each collection's name and its `collections.create` arguments."""
    return [
        # (a) HNSW with every knob, and PQ with every option.
        ("RtHnswPq", default_vector(hnsw(quantizer=pq()))),
        # (b) The other quantizers on HNSW.
        ("RtBq", default_vector(hnsw(quantizer=bq(), distance_metric=VectorDistances.L2_SQUARED))),
        ("RtSq", default_vector(hnsw(quantizer=sq(), distance_metric=VectorDistances.MANHATTAN))),
        ("RtRq", default_vector(hnsw(quantizer=rq(), filter_strategy=VectorFilterStrategy.ACORN))),
        # (c) Flat with BQ.
        ("RtFlatBq", default_vector(VectorIndex.flat(
            distance_metric=VectorDistances.HAMMING, vector_cache_max_objects=400000, quantizer=bq()))),
        # (d) Dynamic: threshold, its HNSW part and its flat part, each with a
        # quantizer. Only servers with async indexing take a dynamic index.
        ("RtDynamic", default_vector(VectorIndex.dynamic(
            distance_metric=VectorDistances.L2_SQUARED,
            threshold=5000,
            hnsw=hnsw(quantizer=sq(), distance_metric=VectorDistances.L2_SQUARED),
            flat=VectorIndex.flat(
                distance_metric=VectorDistances.L2_SQUARED, vector_cache_max_objects=300000, quantizer=bq()),
        ))),
        # (e) A multi-vector with MUVERA encoding and an aggregation.
        ("RtMultiVector", dict(vector_config=[Configure.MultiVectors.self_provided(
            name="colbert",
            encoding=Configure.VectorIndex.MultiVector.Encoding.muvera(ksim=5, dprojections=8, repetitions=12),
            multi_vector_config=Configure.VectorIndex.MultiVector.multi_vector(
                aggregation=MultiVectorAggregation.MAX_SIM),
            vector_index_config=hnsw(),
        )])),
        # (f) The inverted index.
        ("RtInverted", dict(
            inverted_index_config=inverted_index(),
            properties=[text("body", text_analyzer=Configure.text_analyzer(stopword_preset="custom"))],
        )),
        # (g) Replication.
        ("RtReplication", dict(replication_config=Configure.replication(
            factor=1,
            async_enabled=True,
            deletion_strategy=ReplicationDeletionStrategy.DELETE_ON_CONFLICT,
            async_config=Configure.Replication.async_config(
                hashtree_height=14,
                frequency=31000,
                frequency_while_propagating=3100,
                logging_frequency=61,
                diff_batch_size=1100,
                diff_per_node_timeout=11,
                pre_propagation_timeout=301,
                propagation_timeout=71,
                propagation_limit=11000,
                propagation_delay=31,
                propagation_concurrency=6,
                propagation_batch_size=110,
            ),
        ))),
        # (h) Sharding.
        ("RtSharding", dict(sharding_config=Configure.sharding(
            virtual_per_physical=64, desired_count=1, desired_virtual_count=64))),
        # (i) Multi-tenancy.
        ("RtMultiTenancy", dict(multi_tenancy_config=Configure.multi_tenancy(
            enabled=True, auto_tenant_creation=True, auto_tenant_activation=True))),
        # (j) Properties of every data type, references, and the vectorizer's switches.
        ("RtProperties", dict(
            description="Every data type.",
            vectorizer_config=Configure.Vectorizer.custom("text2vec-bigram", {"vectorizeClassName": False}),
            inverted_index_config=Configure.inverted_index(stopword_presets={"custom": ["lorem"]}),
            properties=properties(),
            references=[
                ReferenceProperty(name="single", target_collection="RtHnswPq", description="One target."),
                ReferenceProperty.MultiTarget(name="multi", target_collections=["RtBq", "RtSq"]),
            ],
        )),
        # (j) The newest data type, on its own: the typed config has no name for it.
        ("RtBlobHash", dict(properties=[
            Property(name="hash", data_type=DataType.BLOB_HASH, description="A blob's hash.", index_filterable=False),
        ])),
        # (j) The tokenizers a server only takes when they are enabled.
        ("RtTokenizers", dict(properties=[
            text(tokenization.value, tokenization=tokenization)
            for tokenization in [Tokenization.GSE, Tokenization.GSE_CH, Tokenization.KAGOME_JA, Tokenization.KAGOME_KR]
        ])),
        # (k) Object time-to-live; only servers with a TTL schedule take it.
        ("RtObjectTtl", dict(
            properties=[Property(name="expires", data_type=DataType.DATE)],
            inverted_index_config=Configure.inverted_index(index_timestamps=True),
            object_ttl_config=Configure.ObjectTTL.delete_by_date_property(
                property_name="expires", ttl_offset=3600, filter_expired_objects=True),
        )),
        # (l) Named vectors, each with its own index settings; and the modules.
        ("RtNamedVectors", dict(
            properties=[text("title"), text("body")],
            vector_config=[
                Configure.Vectors.self_provided(name="hnsw_pq", vector_index_config=hnsw(quantizer=pq())),
                Configure.Vectors.self_provided(name="flat_rq", vector_index_config=VectorIndex.flat(
                    distance_metric=VectorDistances.DOT, vector_cache_max_objects=200000, quantizer=rq(bits=1, centering=None))),
                Configure.Vectors.self_provided(name="unindexed", vector_index_config=VectorIndex.none()),
                Configure.Vectors.custom(
                    name="bigram",
                    module_name="text2vec-bigram",
                    module_config={"vectorizeClassName": False},
                    source_properties=["title"],
                    vector_index_config=hnsw(quantizer=bq(), distance_metric=VectorDistances.COSINE),
                ),
            ],
            generative_config=Configure.Generative.custom("generative-dummy"),
            reranker_config=Configure.Reranker.custom("reranker-dummy"),
        )),
    ]


EXTRA = {"RtDynamic", "RtTokenizers", "RtObjectTtl"}


def main():
    http_port, grpc_port, mode = sys.argv[1:4]
    wanted = [(name, settings) for name, settings in collections() if (name in EXTRA) == (mode == "extra")]
    client = weaviate.connect_to_local(port=int(http_port), grpc_port=int(grpc_port))
    try:
        created = []
        for name, _ in reversed(wanted):
            client.collections.delete([name + "Copy", name])
        for name, settings in wanted:
            try:
                client.collections.create(name, **settings)
            except Exception as error:
                raise SystemExit(f"creating {name}: {error}") from error
            created.append(name)
        print(json.dumps(created))
    finally:
        client.close()


if __name__ == "__main__":
    main()
