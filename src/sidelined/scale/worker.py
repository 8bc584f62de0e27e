"""What runs on a Dask worker: the knowledge base loaded once per worker process, and one partition's work.

`KnowledgeBasePlugin` loads the knowledge base when a worker starts (on a
local cluster or an existing one); `worker_kb` hands every task of that
process the same copy, loading it on first use if no plugin ran.
"""

from __future__ import annotations

import resource
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin

from sidelined.errors import InputError
from sidelined.kb import KnowledgeBase, load_kb
from sidelined.pipeline import extract_stream
from sidelined.scale.parquet import (
    ERRORS_SCHEMA,
    RECORDS_SCHEMA,
    error_row,
    errors_path,
    record_row,
    records_path,
    write_table,
)
from sidelined.scale.partitions import Partition, read_partition


@lru_cache(maxsize=1)
def worker_kb() -> KnowledgeBase:
    return load_kb()


class KnowledgeBasePlugin(WorkerPlugin):
    """Load the knowledge base as each worker starts, before any partition is given to it."""

    name = "sidelined-knowledge-base"

    def setup(self, worker: Any) -> None:
        worker_kb()


def peak_memory_mb() -> float:
    """This process's peak resident memory so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def extract_partition(partition: Partition, out: str) -> dict[str, Any]:
    """Extract every article of the partition and write its records and errors; the manifest entry."""
    started, cpu_started = time.perf_counter(), time.process_time()
    records: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for item in extract_stream(read_partition(partition), kb=worker_kb()):
        if isinstance(item, InputError):
            errors.append(error_row(partition.id, item))
        else:
            records.append(record_row(item))
    folder = Path(out)
    write_table(errors, ERRORS_SCHEMA, errors_path(folder, partition.id))
    # The records file last: its presence is what marks the partition finished.
    write_table(records, RECORDS_SCHEMA, records_path(folder, partition.id))
    return {
        "status": "done",
        "records": str(records_path(folder, partition.id).relative_to(folder)),
        "errors": str(errors_path(folder, partition.id).relative_to(folder)),
        "articles": len(records),
        "failed": len(errors),
        "seconds": round(time.perf_counter() - started, 3),
        "cpu_seconds": round(time.process_time() - cpu_started, 3),
        "peak_memory_mb": round(peak_memory_mb(), 1),
    }
