"""The official Python client's side of `cargo run -p weaviate-orm-tests --bin bench`.

    bench_worker.py HTTP GRPC COLLECTION DATASET_FOLDER WORKLOAD [MODE]

Workloads: import (MODE dynamic, fixed or stream), search (MODE sequential,
or concurrent: 8 at a time on the async client), iterate, and import-scalar (MODE fixed or dynamic: the
client-bound workload's records, DATASET_FOLDER unused, in the client's
fastest set-up: batch size 1000, argument validation skipped). Prints one JSON line: the timed part's seconds,
its CPU seconds, the resident memory before it and the peak, and
per-workload figures. Every workload skips the client's argument
validation, as its docs advise for speed.
"""

import array
import asyncio
import datetime
import json
import resource
import sys
import time
import uuid
import warnings

warnings.filterwarnings("ignore")

import weaviate  # noqa: E402
from weaviate.classes.query import Filter  # noqa: E402

DIMENSIONS = 1536
QUERIES = 1000


def rss_kb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() // 1024


def reset_peak_rss():
    """Starts the peak mark afresh, so it covers the timed part only."""
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")


def peak_rss_kb():
    """The peak since reset_peak_rss (VmHWM); ru_maxrss carries the parent's over exec."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def question_id(position):
    return uuid.uuid5(uuid.NAMESPACE_OID, f"jeopardy-{position}")


def load(folder):
    with open(f"{folder}/jeopardy_10k.json") as f:
        records = json.load(f)
    with open(f"{folder}/jeopardy_10k.json.npy", "rb") as f:
        raw = f.read()
    header_len = int.from_bytes(raw[8:10], "little")
    numbers = array.array("d")
    numbers.frombytes(raw[10 + header_len:])
    vectors = [numbers[i * DIMENSIONS:(i + 1) * DIMENSIONS].tolist() for i in range(len(records))]
    objects = []
    for position, (record, vector) in enumerate(zip(records, vectors)):
        properties = {
            "air_date": datetime.datetime.fromisoformat(record["Air Date"]).replace(tzinfo=datetime.timezone.utc),
            "round": record["Round"],
            "value": record["Value"],
            "category": record["Category"],
            "question": record["Question"],
            "answer": record["Answer"],
        }
        objects.append((question_id(position), properties, vector))
    return objects


def import_objects(collection, objects, mode):
    batching = {
        "dynamic": lambda: collection.batch.dynamic(),
        "fixed": lambda: collection.batch.fixed_size(batch_size=200, concurrent_requests=4),
        "stream": lambda: collection.batch.stream(),
    }[mode]
    with batching() as batch:
        for object_id, properties, vector in objects:
            batch.add_object(properties=properties, uuid=object_id, vector=vector)
    failed = len(collection.batch.failed_objects)
    return {"objects": len(objects) - failed, "failed": failed}


SCALAR_OBJECTS = 100_000


def scalar_records():
    """The same records as the Rust side's `scalar::records`."""
    records = []
    for i in range(SCALAR_OBJECTS):
        properties = {
            "title": f"Record number {i}",
            "body": f"The body of record {i}, a sentence of ordinary length with a few words in it.",
            "tag": f"tag-{i % 97}",
            "code": f"C{i * 7 % 1_000_000:06}",
            "count": i,
            "rank": i % 1000,
            "score": i * 0.5,
            "ratio": (i % 100) / 100.0,
            "active": i % 3 == 0,
            "created": datetime.datetime.fromtimestamp(1_600_000_000 + i * 60, tz=datetime.timezone.utc),
        }
        records.append((uuid.uuid5(uuid.NAMESPACE_OID, f"record-{i}"), properties, None))
    return records


def import_scalar(collection, objects, mode):
    batching = {
        "dynamic": lambda: collection.batch.dynamic(),
        "fixed": lambda: collection.batch.fixed_size(batch_size=1000, concurrent_requests=4),
    }[mode]
    with batching() as batch:
        for object_id, properties, _ in objects:
            batch.add_object(properties=properties, uuid=object_id)
    failed = len(collection.batch.failed_objects)
    return {"objects": len(objects) - failed, "failed": failed}


def search(collection, objects, mode):
    queries = [vector for _, _, vector in objects[:QUERIES]]
    where = Filter.by_property("value").greater_than(300)

    def one(vector):
        started = time.perf_counter()
        found = collection.query.near_vector(near_vector=vector, limit=10, filters=where)
        return time.perf_counter() - started, len(found.objects)

    results = [one(v) for v in queries]
    return search_figures(results)


def search_figures(results):
    latencies = sorted(seconds for seconds, _ in results)
    return {
        "queries": len(latencies),
        "p50_ms": latencies[len(latencies) // 2] * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99)] * 1000,
        "hits": sum(n for _, n in results),
    }


async def search_concurrently(http, grpc, name, objects):
    """8 queries at a time on the async client: faster than threads on the sync one."""
    queries = [vector for _, _, vector in objects[:QUERIES]]
    where = Filter.by_property("value").greater_than(300)
    async with weaviate.use_async_with_local(port=int(http), grpc_port=int(grpc)) as client:
        collection = client.collections.get(name, skip_argument_validation=True)
        slots = asyncio.Semaphore(8)

        async def one(vector):
            async with slots:
                started = time.perf_counter()
                found = await collection.query.near_vector(near_vector=vector, limit=10, filters=where)
                return time.perf_counter() - started, len(found.objects)

        return search_figures(await asyncio.gather(*(one(v) for v in queries)))


def iterate(collection, _objects, _mode):
    count = 0
    for _ in collection.iterator(include_vector=False):
        count += 1
    return {"objects": count}


def main():
    http, grpc, name, folder, workload = sys.argv[1:6]
    mode = sys.argv[6] if len(sys.argv) > 6 else ""
    if workload == "import-scalar":
        objects = scalar_records()
    else:
        objects = load(folder) if workload in ("import", "search") else []
    if workload == "search" and mode == "concurrent":
        reset_peak_rss()
        rss_before, cpu_before, started = rss_kb(), cpu_seconds(), time.perf_counter()
        figures = asyncio.run(search_concurrently(http, grpc, name, objects))
        seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_before
        print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "rss_before_kb": rss_before, "peak_rss_kb": peak_rss_kb(), **figures}))
        return
    client = weaviate.connect_to_local(port=int(http), grpc_port=int(grpc))
    try:
        # The Python docs' advice for speed: skip the client's argument validation.
        collection = client.collections.get(name, skip_argument_validation=True)
        run = {"import": import_objects, "search": search, "iterate": iterate, "import-scalar": import_scalar}[workload]
        reset_peak_rss()
        rss_before, cpu_before, started = rss_kb(), cpu_seconds(), time.perf_counter()
        figures = run(collection, objects, mode)
        seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_before
    finally:
        client.close()
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "rss_before_kb": rss_before, "peak_rss_kb": peak_rss_kb(), **figures}))


if __name__ == "__main__":
    main()
