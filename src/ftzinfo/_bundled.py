"""The bundled dataset: read from the package's data files on first use, under a lock.

A zone lookup, the commonest first question, is answered from a small index of
lookup keys and the one data file that holds the zone; the whole dataset is
built (once) when anything else is asked. Both paths hand out the same Zone
objects.
"""

from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING, Any, Final

from ftzinfo._model import Zone
from ftzinfo._text import normalise
from ftzinfo.exceptions import UnknownZoneError

if TYPE_CHECKING:
    from ftzinfo._dataset import Dataset

__all__ = ["bundled", "clear_cache", "data_index", "find_zone", "load_count", "zone"]

_DATA_PACKAGE: Final = "ftzinfo"
_lock = threading.RLock()
_cache: Dataset | None = None
_loads = 0
_index: dict[str, Any] | None = None
_zones: dict[str, Zone] = {}  # zones built so far, by id
_files: set[str] = set()  # data files whose zones are built
_memo: dict[str, Zone] = {}  # exact text asked for -> zone
_MEMO_SIZE: Final = 4096


def _read(name: str) -> bytes:
    from importlib import resources  # noqa: PLC0415 - resources load only with the data

    return resources.files(_DATA_PACKAGE).joinpath("data", name).read_bytes()


def data_index() -> dict[str, Any]:
    """The data index: the data version, the data files, and the zone lookup keys."""
    global _index  # noqa: PLW0603 - read once
    if _index is None:
        _index = json.loads(_read("index.json"))
    return _index


def zone(key: object) -> Zone:
    """The bundled zone for ``key``, without building the whole dataset when it can."""
    found = _memo.get(key) if type(key) is str else None
    if found is not None:
        return found
    found = find_zone(key)
    if found is None:
        return bundled().zone(key)  # type: ignore[arg-type]  # raises, with suggestions
    return found


def find_zone(key: object) -> Zone | None:
    """The bundled zone for ``key``, or None."""
    if _cache is not None:
        return _cache.get_zone(key)  # type: ignore[arg-type]
    if isinstance(key, Zone):
        key = key.id
    if not isinstance(key, str):
        raise TypeError(f"a zone key is a string or a Zone, not {type(key).__name__}")
    index = data_index()
    zone_id = index["keys"].get(normalise(key))
    if zone_id is None:
        return None
    found = _zones.get(zone_id) or _zones_of(index["zones"][zone_id]).get(zone_id)
    if found is None:
        raise UnknownZoneError(key)  # the index and the data disagree: a packaging fault
    if len(_memo) < _MEMO_SIZE:
        _memo[key] = found
    return found


def _zones_of(name: str) -> dict[str, Zone]:
    """Build the zones of one data file (once) and return every zone built so far."""
    from ftzinfo._fast import FAST, Unfit  # noqa: PLC0415

    with _lock:
        if name not in _files:
            part = json.loads(_read(name))
            for item in part.get("zones", ()):
                try:
                    built = FAST[Zone](item)
                except Unfit:
                    built = None  # the full load will build it, or report the fault
                if built is not None:
                    _zones.setdefault(built.id, built)
            _files.add(name)
    return _zones


def bundled() -> Dataset:
    """Return the bundled Dataset, loading it the first time it is asked for."""
    ds = _cache
    if ds is None:
        with _lock:
            ds = _cache if _cache is not None else _load()
    return ds


def _load() -> Dataset:
    global _cache, _loads  # noqa: PLW0603 - the cache is module state by design
    from ftzinfo._dataset import Dataset  # noqa: PLC0415
    from ftzinfo._dataset_io import structure_records  # noqa: PLC0415
    from ftzinfo._integrity import KINDS  # noqa: PLC0415
    from ftzinfo._serialize import parse_json  # noqa: PLC0415

    combined: dict[str, Any] = {kind: [] for kind in KINDS}
    for name in data_index()["files"]:
        part = parse_json(_read(name), where=f"data/{name}")
        for kind, records in structure_records(part, where=f"data/{name}").items():
            combined[kind].extend(records)
    # Hand out the zone objects a quick lookup already gave out, so identity holds.
    combined["zones"] = [_zones.get(z.id, z) if _zones.get(z.id) == z else z for z in combined["zones"]]
    ds = Dataset(**combined)
    _cache = ds
    _loads += 1
    return ds


def clear_cache() -> None:
    """Forget the loaded data; the next call reads it again (for tests and long-lived programs)."""
    global _cache, _index  # noqa: PLW0603
    with _lock:
        _cache = None
        _index = None
        _zones.clear()
        _files.clear()
        _memo.clear()


def load_count() -> int:
    """How many times the whole bundled dataset has been built in this process."""
    return _loads
