"""Partition tasks that misbehave, for the backfill tests (importable by Dask worker processes)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sidelined.scale.partitions import Partition
from sidelined.scale.worker import extract_partition


def die_once_per_partition(partition: Partition, out: str) -> dict[str, Any]:
    """Kill the worker process the first time each partition is tried; work normally afterwards."""
    marker = Path(out) / f".tried-{partition.id}"
    if not marker.exists():
        marker.touch()
        os._exit(3)
    return extract_partition(partition, out)


def always_raise(partition: Partition, out: str) -> dict[str, Any]:
    raise ValueError(f"cannot handle {partition.id}")
