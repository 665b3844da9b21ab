"""The official Python client's half of the cross-client checks.

Values travel as canonical JSON: scalars as JSON scalars, and tagged
objects for what JSON lacks: {"$date": RFC 3339 in UTC with microseconds},
{"$uuid": str}, {"$geo": [latitude, longitude]}, {"$phone": [input,
default country]}, {"$blob": base64}, {"$refs": [uuid, ...]}. Null
properties are left out.

    cross_client.py HTTP_PORT GRPC_PORT read COLLECTION      objects as JSON lines
    cross_client.py HTTP_PORT GRPC_PORT write COLLECTION     objects from JSON lines on stdin
    cross_client.py HTTP_PORT GRPC_PORT config COLLECTION    settings as JSON
"""

import base64
import datetime
import json
import sys
import uuid
import warnings

warnings.filterwarnings("ignore")

import weaviate  # noqa: E402
import weaviate.classes as wvc  # noqa: E402
from weaviate.classes.query import QueryReference  # noqa: E402


def utc(value):
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canon(value, data_type, nested):
    """The canonical JSON of a value the Python client returned."""
    if value is None:
        return None
    if data_type.endswith("[]") and data_type != "object[]":
        element = data_type[:-2]
        return [canon(v, element, nested) for v in value]
    if data_type == "date":
        return {"$date": utc(value)}
    if data_type == "uuid":
        return {"$uuid": str(value)}
    if data_type == "geoCoordinates":
        return {"$geo": [value.latitude, value.longitude]}
    if data_type == "phoneNumber":
        return {"$phone": [value.number, value.default_country]}
    if data_type == "blob":
        return {"$blob": value}
    if data_type == "number":
        return float(value)
    if data_type == "object":
        return canon_object(value, nested)
    if data_type == "object[]":
        return [canon_object(v, nested) for v in value]
    return value


def canon_object(values, properties):
    out = {}
    for prop in properties:
        value = values.get(prop.name)
        if value is not None:
            out[prop.name] = canon(value, prop.data_type.value, prop.nested_properties or [])
    return out


def python_value(value):
    """A Python client value from canonical JSON."""
    if isinstance(value, list):
        return [python_value(v) for v in value]
    if isinstance(value, dict):
        if "$date" in value:
            return datetime.datetime.fromisoformat(value["$date"].replace("Z", "+00:00"))
        if "$uuid" in value:
            return uuid.UUID(value["$uuid"])
        if "$geo" in value:
            return wvc.data.GeoCoordinate(latitude=value["$geo"][0], longitude=value["$geo"][1])
        if "$phone" in value:
            return wvc.data.PhoneNumber(number=value["$phone"][0], default_country=value["$phone"][1])
        if "$blob" in value:
            return value["$blob"]
        return {k: python_value(v) for k, v in value.items()}
    return value


def read(collection):
    config = collection.config.get()
    names = [p.name for p in config.properties]
    references = [QueryReference(link_on=r.name) for r in config.references] or None
    for obj in collection.iterator(return_properties=names, return_references=references):
        properties = canon_object(obj.properties, config.properties)
        for name, ref in (obj.references or {}).items():
            properties[name] = {"$refs": sorted(str(o.uuid) for o in ref.objects)}
        print(json.dumps({"id": str(obj.uuid), "properties": properties}, sort_keys=True))


def write(collection):
    for line in sys.stdin:
        if not line.strip():
            continue
        item = json.loads(line)
        properties, references = {}, {}
        for name, value in item["properties"].items():
            if isinstance(value, dict) and "$refs" in value:
                references[name] = [uuid.UUID(u) for u in value["$refs"]]
            else:
                properties[name] = python_value(value)
        collection.data.insert(properties, uuid=uuid.UUID(item["id"]), references=references or None)


def name_of(value):
    """An enum's value, or the string the client left unconverted."""
    return getattr(value, "value", value)


def settings(collection):
    c = collection.config.get()
    index = c.vector_index_config
    print(json.dumps({
        "name": c.name,
        "description": c.description,
        "vectorizer": name_of(c.vectorizer),
        "vector_index_type": name_of(c.vector_index_type),
        "distance": name_of(index.distance_metric) if index else None,
        "ef": index.ef if index else None,
        "ef_construction": index.ef_construction if index else None,
        "max_connections": index.max_connections if index else None,
        "bm25": [c.inverted_index_config.bm25.b, c.inverted_index_config.bm25.k1],
        "index_timestamps": c.inverted_index_config.index_timestamps,
        "replication_factor": c.replication_config.factor,
        "multi_tenancy": c.multi_tenancy_config.enabled,
        "generative": name_of(c.generative_config.generative) if c.generative_config else None,
        "reranker": name_of(c.reranker_config.reranker) if c.reranker_config else None,
        "properties": [
            {
                "name": p.name,
                "data_type": name_of(p.data_type),
                "description": p.description,
                "tokenization": name_of(p.tokenization),
                "index_filterable": p.index_filterable,
                "index_searchable": p.index_searchable,
                "index_range_filters": p.index_range_filters,
            }
            for p in c.properties
        ],
        "references": [{"name": r.name, "targets": r.target_collections} for r in c.references],
    }, sort_keys=True))


def main():
    http_port, grpc_port, command, name = sys.argv[1:5]
    client = weaviate.connect_to_local(port=int(http_port), grpc_port=int(grpc_port))
    try:
        collection = client.collections.get(name)
        {"read": read, "write": write, "config": settings}[command](collection)
    finally:
        client.close()


if __name__ == "__main__":
    main()
