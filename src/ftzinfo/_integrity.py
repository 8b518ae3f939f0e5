"""Integrity checks a Dataset runs when it is built: types, unique ids, references, cycles."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from ftzinfo._model import Indicator, Initiative, Metric, Rate, Source, Zone

__all__ = ["KINDS", "TYPES", "check_ids", "check_references", "check_types"]

#: The kinds of record a Dataset holds, in file order.
KINDS: Final = ("zones", "initiatives", "indicators", "metrics", "rates", "sources")

TYPES: Final[Mapping[str, type]] = {
    "zones": Zone,
    "initiatives": Initiative,
    "indicators": Indicator,
    "metrics": Metric,
    "rates": Rate,
    "sources": Source,
}

Problems = Iterable[tuple[str, str]]


def check_types(records: Mapping[str, tuple[Any, ...]]) -> Problems:
    """Every record is of its kind's class."""
    for kind, items in records.items():
        for i, item in enumerate(items):
            if not isinstance(item, TYPES[kind]):
                yield f"{kind}[{i}]", f"expected a {TYPES[kind].__name__}, got {type(item).__name__}"


def check_ids(records: Mapping[str, tuple[Any, ...]]) -> Problems:
    """No two records, of whatever kind, share an id."""
    seen: dict[str, str] = {}
    for kind in KINDS:
        for i, record in enumerate(records[kind]):
            where = f"{kind}[{i}].id"
            if record.id in seen:
                yield where, f"duplicate id {record.id!r} (also in {seen[record.id]})"
            else:
                seen[record.id] = kind


def check_references(  # noqa: C901 - one loop per kind of reference
    records: Mapping[str, tuple[Any, ...]], by_id: Mapping[str, Mapping[str, Any]]
) -> Problems:
    """Every id a record refers to exists, and no parent chain loops."""

    def ref(kind: str, value: str | None, where: str) -> Problems:
        if value is not None and value not in by_id[kind]:
            yield where, f"refers to {kind[:-1]} {value!r}, which does not exist"

    def cited(kind: str) -> Problems:
        for i, record in enumerate(records[kind]):
            for j, ev in enumerate(record.evidence):
                yield from ref("sources", ev.source_id, f"{kind}[{i}].evidence[{j}].source_id")

    for i, z in enumerate(records["zones"]):
        yield from ref("zones", z.parent_id, f"zones[{i}].parent_id")
        for j, other in enumerate(z.overlaps):
            yield from ref("zones", other, f"zones[{i}].overlaps[{j}]")
    for i, ini in enumerate(records["initiatives"]):
        for j, zone_id in enumerate(ini.zone_ids):
            yield from ref("zones", zone_id, f"initiatives[{i}].zone_ids[{j}]")
        yield from ref("initiatives", ini.parent_id, f"initiatives[{i}].parent_id")
    for i, m in enumerate(records["metrics"]):
        yield from ref("zones", m.zone_id, f"metrics[{i}].zone_id")
        yield from ref("indicators", m.indicator, f"metrics[{i}].indicator")
    for i, s in enumerate(records["sources"]):
        yield from ref("sources", s.original_id, f"sources[{i}].original_id")
    for kind in ("zones", "initiatives", "metrics", "rates"):
        yield from cited(kind)
    yield from _check_cycles(records["zones"], "zones")
    yield from _check_cycles(records["initiatives"], "initiatives")


def _check_cycles(items: Sequence[Zone | Initiative], kind: str) -> Problems:
    parents = {r.id: r.parent_id for r in items}
    for i, r in enumerate(items):
        seen = {r.id}
        current = parents.get(r.id)
        while current is not None and current in parents:
            if current in seen:
                yield f"{kind}[{i}].parent_id", f"the parent chain of {r.id!r} loops back on itself"
                break
            seen.add(current)
            current = parents[current]
