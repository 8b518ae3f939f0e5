"""The bundled dataset: read from the package's data files once, on first use, under a lock."""

from __future__ import annotations

import json
import threading
from importlib import resources
from typing import Any, Final

from ftzinfo._dataset import Dataset
from ftzinfo._integrity import KINDS

__all__ = ["bundled", "clear_cache", "load_count"]

_DATA_PACKAGE: Final = "ftzinfo"
_lock = threading.Lock()
_cache: Dataset | None = None
_loads = 0


def bundled() -> Dataset:
    """Return the bundled Dataset, loading it the first time it is asked for."""
    ds = _cache
    if ds is None:
        with _lock:
            ds = _cache if _cache is not None else _load()
    return ds


def _load() -> Dataset:
    global _cache, _loads  # noqa: PLW0603 - the cache is module state by design
    from ftzinfo._dataset_io import structure_records  # noqa: PLC0415 - cattrs only when loading
    from ftzinfo._serialize import parse_json  # noqa: PLC0415

    root = resources.files(_DATA_PACKAGE).joinpath("data")
    combined: dict[str, Any] = {kind: [] for kind in KINDS}
    for name in data_index()["files"]:
        part = parse_json(root.joinpath(name).read_bytes(), where=f"data/{name}")
        for kind, records in structure_records(part, where=f"data/{name}").items():
            combined[kind].extend(records)
    ds = Dataset(**combined)
    _cache = ds
    _loads += 1
    return ds


def data_index() -> dict[str, Any]:
    """The data index: the data version and the list of bundled data files."""
    root = resources.files(_DATA_PACKAGE).joinpath("data")
    index: dict[str, Any] = json.loads(root.joinpath("index.json").read_text(encoding="utf-8"))
    return index


def clear_cache() -> None:
    """Forget the loaded dataset; the next call loads it again (for tests and long-lived programs)."""
    global _cache  # noqa: PLW0603
    with _lock:
        _cache = None


def load_count() -> int:
    """How many times the bundled data has been read in this process."""
    return _loads
