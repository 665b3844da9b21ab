"""Creates, with the official Python client, the collections whose Rust
models `tests/integration/model_generator.rs` generates: varied settings,
every data type, nested objects, references, named and multi-vectors,
modules by their server names, tenancy, replication, sharding, a time-to-live.

    schemas.py HTTP_PORT GRPC_PORT

Deletes the collections first (so it can run again), prints nothing on success.
"""

import sys
import warnings

# authlib turns its own deprecation warnings back on when imported: import
# it first, then silence every warning.
import authlib.deprecate  # noqa: F401

warnings.filterwarnings("ignore")

import weaviate  # noqa: E402
from weaviate.classes.config import (  # noqa: E402
    Configure,
    DataType,
    Property,
    ReferenceProperty,
    ReplicationDeletionStrategy,
    StopwordsPreset,
    Tokenization,
    VectorDistances,
    VectorFilterStrategy,
)

NAMES = ["GenAuthor", "GenBook", "Gen_ticket", "GenLog", "GenEmpty"]

Q = Configure.VectorIndex.Quantizer


def author(client):
    address = [
        Property(name="street", data_type=DataType.TEXT),
        Property(name="postCode", data_type=DataType.TEXT, tokenization=Tokenization.FIELD),
        Property(
            name="position",
            data_type=DataType.OBJECT,
            nested_properties=[Property(name="floor", data_type=DataType.INT, index_range_filters=True)],
        ),
    ]
    visit = [
        Property(name="at", data_type=DataType.DATE),
        Property(name="minutes", data_type=DataType.INT, description="How long it took."),
    ]
    client.collections.create(
        "GenAuthor",
        description="People who write.\n\nThey write books.",
        properties=[
            Property(name="name", data_type=DataType.TEXT, tokenization=Tokenization.FIELD, description="Full name."),
            Property(name="bio", data_type=DataType.TEXT, description="  padded, as some tools write it  "),
            Property(name="born", data_type=DataType.DATE, index_range_filters=True),
            Property(name="tags", data_type=DataType.TEXT_ARRAY, tokenization=Tokenization.LOWERCASE),
            Property(name="rating", data_type=DataType.NUMBER, index_filterable=False),
            Property(name="awards", data_type=DataType.INT_ARRAY),
            Property(name="alive", data_type=DataType.BOOL),
            Property(name="birthPlace", data_type=DataType.GEO_COORDINATES),
            Property(name="phone", data_type=DataType.PHONE_NUMBER),
            Property(name="portrait", data_type=DataType.BLOB),
            Property(name="cardId", data_type=DataType.UUID),
            Property(name="friendIds", data_type=DataType.UUID_ARRAY),
            Property(name="visitDates", data_type=DataType.DATE_ARRAY),
            Property(name="scores", data_type=DataType.NUMBER_ARRAY),
            Property(name="flags", data_type=DataType.BOOL_ARRAY),
            Property(name="type", data_type=DataType.TEXT, index_searchable=False),
            Property(name="self", data_type=DataType.INT),
            Property(
                name="nickname",
                data_type=DataType.TEXT,
                text_analyzer=Configure.text_analyzer(ascii_fold=True, ascii_fold_ignore=["é"]),
            ),
            Property(name="address", data_type=DataType.OBJECT, nested_properties=address),
            Property(name="visits", data_type=DataType.OBJECT_ARRAY, nested_properties=visit),
        ],
        vector_index_config=Configure.VectorIndex.hnsw(
            distance_metric=VectorDistances.DOT,
            ef_construction=64,
            max_connections=16,
            ef=100,
            filter_strategy=VectorFilterStrategy.SWEEPING,
            quantizer=Q.rq(bits=1),
        ),
        inverted_index_config=Configure.inverted_index(
            bm25_b=0.7,
            bm25_k1=1.1,
            index_null_state=True,
            index_property_length=True,
            index_timestamps=True,
            stopwords_preset=StopwordsPreset.NONE,
            stopwords_additions=["foo"],
            cleanup_interval_seconds=30,
        ),
    )


def book(client):
    client.collections.create(
        "GenBook",
        properties=[
            Property(name="title", data_type=DataType.TEXT, vectorize_property_name=True),
            Property(name="isbn", data_type=DataType.TEXT, tokenization=Tokenization.FIELD, skip_vectorization=True),
            Property(name="pages", data_type=DataType.INT, index_range_filters=True),
        ],
        references=[
            ReferenceProperty(name="author", target_collection="GenAuthor"),
            ReferenceProperty.MultiTarget(name="relatedTo", target_collections=["GenAuthor", "GenBook"]),
        ],
        vector_config=[
            Configure.Vectors.custom(
                name="title",
                module_name="text2vec-bigram",
                module_config={"vectorizeClassName": False},
                source_properties=["title"],
                vector_index_config=Configure.VectorIndex.flat(
                    distance_metric=VectorDistances.COSINE,
                    quantizer=Q.bq(rescore_limit=100, cache=True),
                ),
            ),
            Configure.Vectors.self_provided(
                name="cover",
                vector_index_config=Configure.VectorIndex.hnsw(
                    distance_metric=VectorDistances.L2_SQUARED, quantizer=Q.pq(segments=8, centroids=128)
                ),
            ),
            Configure.MultiVectors.self_provided(
                name="colbert", encoding=Configure.VectorIndex.MultiVector.Encoding.muvera(ksim=8)
            ),
        ],
        generative_config=Configure.Generative.custom("generative-dummy"),
        reranker_config=Configure.Reranker.custom("reranker-dummy"),
        replication_config=Configure.replication(
            factor=1, deletion_strategy=ReplicationDeletionStrategy.TIME_BASED_RESOLUTION
        ),
        sharding_config=Configure.sharding(virtual_per_physical=64),
    )


def ticket(client):
    client.collections.create(
        "Gen_ticket",
        description="A customer's ticket.",
        properties=[
            Property(name="body", data_type=DataType.TEXT),
            Property(name="priority", data_type=DataType.INT, index_range_filters=True),
            Property(name="openedAt", data_type=DataType.DATE),
        ],
        vectorizer_config=Configure.Vectorizer.custom("text2vec-bigram", module_config={"vectorizeClassName": True}),
        multi_tenancy_config=Configure.multi_tenancy(auto_tenant_creation=True, auto_tenant_activation=True),
    )


def log(client):
    client.collections.create(
        "GenLog",
        properties=[Property(name="line", data_type=DataType.TEXT), Property(name="at", data_type=DataType.DATE)],
        vector_index_config=Configure.VectorIndex.dynamic(
            distance_metric=VectorDistances.COSINE,
            threshold=5000,
            hnsw=Configure.VectorIndex.hnsw(ef_construction=96, quantizer=Q.sq(training_limit=50000)),
            flat=Configure.VectorIndex.flat(quantizer=Q.bq(cache=True)),
        ),
        object_ttl_config=Configure.ObjectTTL.delete_by_creation_time(time_to_live=86400, filter_expired_objects=True),
    )


def main():
    http_port, grpc_port = int(sys.argv[1]), int(sys.argv[2])
    with weaviate.connect_to_local(port=http_port, grpc_port=grpc_port) as client:
        for name in NAMES:
            client.collections.delete(name)
        author(client)
        book(client)
        ticket(client)
        log(client)
        client.collections.create("GenEmpty")


if __name__ == "__main__":
    main()
