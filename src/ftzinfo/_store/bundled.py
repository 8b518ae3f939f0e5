"""The bundled dataset: read from the package's data files on first use, under a lock.

A zone lookup, the commonest first question, is answered from the generated
index modules: ``index`` maps the lookup keys, and ``zones.<family>`` holds the
zone's record, built when first asked for (``json`` is not imported for it).

The whole dataset is loaded (once) when anything else is asked: the data files are
read through the package's own loader and compared with the generated ``catalog``,
which lists every record's id, file and links as they were when the files were read
with every check. If they match, the Dataset answers from the catalogue and builds
each record the first time it is asked for; if not, the files are read and built
whole, with every check. Every path hands out the same Zone objects.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
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
    "load_checked",
    "load_count",
    "read_data",
    "zone",
]

_DATA_PACKAGE: Final = "ftzinfo"
_lock = threading.RLock()
_cache: Dataset | None = None
_loads = 0
_zones: dict[str, Zone] = {}  # zones built so far, by id
_memo: dict[str, Zone] = {}  # exact text asked for -> zone
_MEMO_SIZE: Final = 4096


def read_data(name: str) -> bytes:
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
    """Zone ``zone_id``, built once from its record in the lookup index; every path hands out this object."""
    found = _zones.get(zone_id)
    if found is not None:
        return found
    from ftzinfo._io.fast import FAST, Unfit  # noqa: PLC0415 - a zone lookup needs no reader until a zone is built

    with _lock:
        found = _zones.get(zone_id)
        if found is None:
            try:
                found = FAST[Zone](index_record(zone_id))
            except Unfit:  # the converter builds it, or reports the fault with its path
                found = _structure(index_record(zone_id), Zone, _index_file(zone_id), "zones", zone_id)
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
    from ftzinfo._store.index import FILES  # noqa: PLC0415 - generated; read on first use

    files = {name: read_data(name) for name in FILES}
    ds = _on_demand(files)
    if ds is None:  # the files are not those the catalogue was made from: read them all, checking everything
        ds = load_checked(files)
        _zones.update((z.id, z) for z in ds.zones())  # later quick lookups hand out these very objects
    _cache = ds
    _loads += 1
    return ds


def _on_demand(files: dict[str, bytes]) -> Dataset | None:
    """The data as records built on first use, if the files are byte for byte those the catalogue describes.

    The catalogue is written by ``scripts/update_index.py`` after the files have been
    read with every check a user's file gets (CI fails if it is stale); a file whose
    SHA-256 differs, or a missing catalogue, sends the load down the checked path.
    """
    import hashlib  # noqa: PLC0415 - only the whole data's load digests its files

    from ftzinfo._records.kinds import KINDS, TYPES  # noqa: PLC0415 - the record classes load with the data
    from ftzinfo._store.dataset import on_demand  # noqa: PLC0415
    from ftzinfo._store.indexes import Links  # noqa: PLC0415
    from ftzinfo._store.shelf import Shelf, Shelves  # noqa: PLC0415

    try:
        from ftzinfo._store import catalog  # noqa: PLC0415 - generated; absent until first generated
    except ImportError:
        return None
    if tuple(catalog.DIGESTS) != tuple(files) or any(
        hashlib.sha256(raw).hexdigest() != catalog.DIGESTS[name] for name, raw in files.items()
    ):
        return None
    data = _Files(files, catalog.FILES, catalog.HOMES)

    def builder(kind: str) -> Callable[[str, Any], Any]:
        if kind == "zones":
            return lambda zone_id, _: _build(zone_id)
        cls = TYPES[kind]
        return lambda record_id, _: data.build(cls, kind, record_id)

    shelves = Shelves({kind: Shelf(catalog.IDS[kind], builder(kind), _lock) for kind in KINDS})
    links = Links(zones=catalog.ZONE_LINKS, initiatives=catalog.INITIATIVE_LINKS, metrics=catalog.METRIC_LINKS)
    from ftzinfo._store.index import KEYS  # noqa: PLC0415 - generated; read on first use

    return on_demand(shelves, KEYS, links)


class _Files:
    """The data files of one load: their bytes (checked against the catalogue), parsed when first needed."""

    def __init__(self, files: dict[str, bytes], names: tuple[str, ...], homes: dict[str, int]) -> None:
        self._raw = files
        self._names = names  # the catalogue's files, in order: a record's home is its place here
        self._homes = homes
        self._parsed: dict[str, dict[str, Any]] = {}

    def build(self, cls: type, kind: str, record_id: str) -> Any:
        """The record ``record_id`` of ``kind``, built from its data file (called once per id, under the lock)."""
        from ftzinfo._io.fast import FAST, Unfit  # noqa: PLC0415 - the reader loads with the data

        name = self._names[self._homes[record_id]]
        item = self.records(name)[record_id]
        try:
            return FAST[cls](item)
        except Unfit:  # the converter builds it, or reports the fault with its path
            return _structure(item, cls, name, kind, record_id)

    def records(self, name: str) -> dict[str, Any]:
        """Data file ``name``'s records by id, as plain data."""
        found = self._parsed.get(name)
        if found is None:
            import json  # noqa: PLC0415 - parsing loads with the data
            from decimal import Decimal  # noqa: PLC0415

            # The strict reader's checks (duplicate keys, constants, nesting) ran on these very
            # bytes when the catalogue was made; the same parse without them gives the same values.
            data = json.loads(self._raw[name], parse_float=Decimal)
            found = {r["id"]: r for records in data.values() if type(records) is list for r in records}
            self._parsed[name] = found
        return found


def _structure(item: Any, cls: type, name: str, kind: str, record_id: str) -> Any:
    from ftzinfo._io.files import structure_record  # noqa: PLC0415 - cattrs loads only for a record the fast path leaves

    return structure_record(item, cls, where=f"data/{name}: {kind} {record_id!r}")


def _index_file(zone_id: str) -> str:
    from ftzinfo._store import index as _index  # noqa: PLC0415 - generated; read on first use

    return str(_index.ZONES[zone_id])


def load_checked(files: dict[str, bytes] | None = None) -> Dataset:
    """The bundled data read strictly and built whole, with every check a user's file gets.

    ``files`` are the data files' bytes by name, in reading order (read now if not given).
    This is how the catalogue is made, and how the data loads if it does not match the catalogue.
    """
    from ftzinfo._io.files import structure_records  # noqa: PLC0415 - the whole data loads only when asked for
    from ftzinfo._io.serialize import parse_json  # noqa: PLC0415 - json loads with the data
    from ftzinfo._records.kinds import KINDS  # noqa: PLC0415
    from ftzinfo._store.dataset import Dataset  # noqa: PLC0415
    from ftzinfo._store.index import FILES  # noqa: PLC0415

    if files is None:
        files = {name: read_data(name) for name in FILES}
    combined: dict[str, Any] = {kind: [] for kind in KINDS}
    for name, raw in files.items():
        part = parse_json(raw, where=f"data/{name}")
        for kind, records in structure_records(part, where=f"data/{name}").items():
            combined[kind].extend(records)
    # Hand out the zone objects a quick lookup already gave out, so identity holds.
    combined["zones"] = [_zones.get(z.id, z) if _zones.get(z.id) == z else z for z in combined["zones"]]
    return Dataset(**combined)


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
