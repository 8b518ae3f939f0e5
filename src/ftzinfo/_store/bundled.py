"""The bundled dataset: read from the package's data files on first use, under a lock.

A zone lookup, the commonest first question, is answered from the generated
index modules: ``index`` maps the lookup keys, and ``zones.<family>`` holds the
zone's record, built when first asked for (``json`` is not imported for it). The
whole dataset is built (once) from the data files, read through the package's own
loader, when anything else is asked. Both paths hand out the same
Zone objects.
"""

from __future__ import annotations

import os
import sys
import threading
from importlib import import_module
from typing import TYPE_CHECKING, Any, Final

from ftzinfo._records.names import key_id
from ftzinfo._records.zone import Zone, zone_key
from ftzinfo._version import DATA_VERSION

if TYPE_CHECKING:
    from ftzinfo._store.dataset import Dataset

__all__ = [
    "bundled",
    "clear_cache",
    "data_index",
    "family_module",
    "find_zone",
    "index_record",
    "load_count",
    "zone",
]

_DATA_PACKAGE: Final = "ftzinfo"
_lock = threading.RLock()
_cache: Dataset | None = None
_loads = 0
_zones: dict[str, Zone] = {}  # zones built so far, by id
_memo: dict[str, Zone] = {}  # exact text asked for -> zone
_MEMO_SIZE: Final = 4096


def _read(name: str) -> bytes:
    """A bundled data file, read through the loader that imported ftzinfo (a folder or a zip alike).

    Asking the package's own loader costs nothing to import; ``importlib.resources``, the
    fallback for loaders that cannot read data, costs a data load about 5 ms.
    """
    spec = sys.modules[_DATA_PACKAGE].__spec__
    loader: Any = getattr(spec, "loader", None)
    if spec is not None and spec.origin and hasattr(loader, "get_data"):
        data: bytes = loader.get_data(os.path.join(os.path.dirname(spec.origin), "data", name))  # noqa: PTH118, PTH120 - the loader takes a path string
        return data
    from importlib import resources  # noqa: PLC0415 - only for loaders without get_data

    return resources.files(_DATA_PACKAGE).joinpath("data").joinpath(name).read_bytes()


def data_index() -> dict[str, Any]:
    """The data index: the data version, the data files, each zone's file, and the zone lookup keys."""
    from ftzinfo._store import index as _index  # noqa: PLC0415 - generated; read on first use

    return {
        "data_version": DATA_VERSION,
        "files": list(_index.FILES),
        "zones": dict(_index.ZONES),
        "keys": dict(_index.KEYS),
    }


def family_module(name: str) -> str:
    """The module that holds the zone records of data file ``name``, for quick lookups."""
    return "ftzinfo._store.zones." + name.removesuffix(".json").replace("-", "_")


def index_record(zone_id: str) -> dict[str, Any]:
    """Zone ``zone_id``'s record as the lookup index holds it."""
    from ftzinfo._store import index as _index  # noqa: PLC0415 - generated; read on first use

    records: dict[str, dict[str, Any]] = import_module(family_module(_index.ZONES[zone_id])).ZONES
    return records[zone_id]


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
    key = zone_key(key)
    from ftzinfo._store.index import KEYS  # noqa: PLC0415 - generated; read on first use

    zone_id = key_id(KEYS, key)
    if zone_id is None:
        return None
    found = _zones.get(zone_id) or _build(zone_id)
    if len(_memo) < _MEMO_SIZE:
        _memo[key] = found
    return found


def _build(zone_id: str) -> Zone:
    """Build one zone from its record in the index (once), or from the whole dataset if it must."""
    from ftzinfo._io.fast import FAST, Unfit  # noqa: PLC0415 - a zone lookup needs no reader until a zone is built

    with _lock:
        found = _zones.get(zone_id)
        if found is None and _cache is not None:  # the whole data is loaded: its object is the zone
            found = _zones[zone_id] = _cache.zone(zone_id)
        if found is None:
            try:
                found = FAST[Zone](index_record(zone_id))
            except Unfit:  # the full load builds it through the converter, or reports the fault
                return bundled().zone(zone_id)
            _zones[zone_id] = found
    return found


def bundled() -> Dataset:
    """Return the bundled Dataset, loading it the first time it is asked for."""
    ds = _cache
    if ds is None:
        with _lock:
            ds = _cache if _cache is not None else _load()
    return ds


def _load() -> Dataset:
    global _cache, _loads  # noqa: PLW0603 - the cache is module state by design
    from ftzinfo._io.files import structure_records  # noqa: PLC0415 - the whole data loads only when asked for
    from ftzinfo._io.serialize import parse_json  # noqa: PLC0415 - json loads with the data
    from ftzinfo._records.kinds import KINDS  # noqa: PLC0415
    from ftzinfo._store.dataset import Dataset  # noqa: PLC0415
    from ftzinfo._store.index import FILES  # noqa: PLC0415

    combined: dict[str, Any] = {kind: [] for kind in KINDS}
    for name in FILES:
        part = parse_json(_read(name), where=f"data/{name}")
        for kind, records in structure_records(part, where=f"data/{name}").items():
            combined[kind].extend(records)
    # Hand out the zone objects a quick lookup already gave out, so identity holds.
    combined["zones"] = [_zones.get(z.id, z) if _zones.get(z.id) == z else z for z in combined["zones"]]
    ds = Dataset(**combined)
    _zones.update((z.id, z) for z in ds.zones())  # later quick lookups hand out these very objects
    _cache = ds
    _loads += 1
    return ds


def clear_cache() -> None:
    """Forget the loaded data; the next call reads it again (for tests and long-lived programs)."""
    global _cache  # noqa: PLW0603
    with _lock:
        _cache = None
        _zones.clear()
        _memo.clear()


def load_count() -> int:
    """How many times the whole bundled dataset has been built in this process."""
    return _loads
