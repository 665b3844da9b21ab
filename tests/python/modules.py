"""The official Python client's half of the typed module settings check:
creates collections with module settings, as `tests/integration/modules.rs`
asks, for it to compare with the collections it creates itself.

    modules.py HTTP_PORT GRPC_PORT      cases as one JSON list on stdin

Each case is {"collection": "PyX", "properties": [[name, type], ...],
"vectors": {"fn": ..., "kwargs": {...}} | null, "generative": ... | null,
"reranker": ... | null}. A property's type is a data type's value
("text", "blob") or "ref:Target" for a reference. `vectors` calls
`Configure.Vectors.<fn>(name="v", **kwargs)`, `generative`
`Configure.Generative.<fn>(**kwargs)`, `reranker`
`Configure.Reranker.<fn>(**kwargs)`. A multi2vec `*_fields` argument may
list {"name": ..., "weight": ...} objects, which become `Multi2VecField`s.
Prints nothing on success. A case that fails does not stop the others: the
failures are written to stderr, one a line, and the exit status is 1.
"""

import json
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
    Multi2VecField,
    Property,
    ReferenceProperty,
)


def field(value):
    """A `*_fields` item: a plain name, or a weighted `Multi2VecField`."""
    if isinstance(value, dict):
        return Multi2VecField(**value)
    return value


def arguments(kwargs):
    return {
        key: [field(v) for v in value] if key.endswith("_fields") and isinstance(value, list) else value
        for key, value in kwargs.items()
    }


def properties(case):
    props, refs = [], []
    for name, data_type in case["properties"]:
        if data_type.startswith("ref:"):
            refs.append(ReferenceProperty(name=name, target_collection=data_type[len("ref:"):]))
        else:
            props.append(Property(name=name, data_type=DataType(data_type)))
    return props, refs


def create(client, case):
    props, refs = properties(case)
    options = {}
    if case.get("vectors"):
        spec = case["vectors"]
        options["vector_config"] = getattr(Configure.Vectors, spec["fn"])(name="v", **arguments(spec["kwargs"]))
    if case.get("generative"):
        spec = case["generative"]
        options["generative_config"] = getattr(Configure.Generative, spec["fn"])(**spec["kwargs"])
    if case.get("reranker"):
        spec = case["reranker"]
        options["reranker_config"] = getattr(Configure.Reranker, spec["fn"])(**spec["kwargs"])
    client.collections.create(case["collection"], properties=props, references=refs or None, **options)


def main():
    http_port, grpc_port = sys.argv[1:3]
    cases = json.load(sys.stdin)
    client = weaviate.connect_to_local(port=int(http_port), grpc_port=int(grpc_port))
    failures = []
    try:
        for case in cases:
            try:
                create(client, case)
            except Exception as error:  # noqa: BLE001 - every failure is reported
                failures.append(f"{case['collection']}: {type(error).__name__}: {error}")
    finally:
        client.close()
    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
