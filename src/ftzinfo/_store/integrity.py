"""Integrity checks a Dataset runs when it is built: types, unique ids, references, cycles."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ftzinfo._records.initiative import Initiative
from ftzinfo._records.kinds import KINDS, TYPES
from ftzinfo._records.units import is_currency
from ftzinfo._records.zone import Zone

__all__ = ["check_ids", "check_references", "check_types", "fits"]

Problems = Iterable[tuple[str, str]]


def check_types(records: Mapping[str, tuple[Any, ...]]) -> Problems:
    """Every record is of its kind's class."""
    for kind, items in records.items():
        cls = TYPES[kind]
        for i, item in enumerate(items):
            if type(item) is not cls and not isinstance(item, cls):
                yield f"{kind}[{i}]", f"expected a {cls.__name__}, got {type(item).__name__}"


def check_ids(records: Mapping[str, tuple[Any, ...]]) -> Problems:
    """No two records, of whatever kind, share an id."""
    all_ids = [r.id for kind in KINDS for r in records[kind]]
    if len(set(all_ids)) == len(all_ids):
        return  # the common case, checked in one pass
    seen: dict[str, str] = {}
    for kind in KINDS:
        for i, record in enumerate(records[kind]):
            if record.id in seen:
                yield f"{kind}[{i}].id", f"duplicate id {record.id!r} (also in {seen[record.id]})"
            else:
                seen[record.id] = kind


def fits(unit: str, unit_kind: str) -> bool:
    """Whether a figure's unit is of the kind an indicator's figures take."""
    if unit_kind == "currency":
        return is_currency(unit)
    if unit_kind == "percent":
        return unit in {"percent", "pp"}
    if unit_kind == "area":
        return unit == "km2"
    return unit == unit_kind


def _missing(kind: str, value: str, where: str) -> tuple[str, str]:
    return where, f"refers to {kind[:-1]} {value!r}, which does not exist"


def check_references(  # noqa: C901, PLR0912 - one loop per kind of reference, kept flat for speed
    records: Mapping[str, tuple[Any, ...]], by_id: Mapping[str, Mapping[str, Any]]
) -> Problems:
    """Every id a record refers to exists, and no parent chain loops."""
    zones, initiatives, sources = by_id["zones"], by_id["initiatives"], by_id["sources"]
    for i, z in enumerate(records["zones"]):
        if z.parent_id is not None and z.parent_id not in zones:
            yield _missing("zones", z.parent_id, f"zones[{i}].parent_id")
        for j, other in enumerate(z.overlaps):
            if other not in zones:
                yield _missing("zones", other, f"zones[{i}].overlaps[{j}]")
    for i, ini in enumerate(records["initiatives"]):
        for j, zone_id in enumerate(ini.zone_ids):
            if zone_id not in zones:
                yield _missing("zones", zone_id, f"initiatives[{i}].zone_ids[{j}]")
        if ini.parent_id is not None and ini.parent_id not in initiatives:
            yield _missing("initiatives", ini.parent_id, f"initiatives[{i}].parent_id")
    indicators = by_id["indicators"]
    for i, m in enumerate(records["metrics"]):
        if m.zone_id not in zones:
            yield _missing("zones", m.zone_id, f"metrics[{i}].zone_id")
        indicator = indicators.get(m.indicator)
        if indicator is None:
            yield _missing("indicators", m.indicator, f"metrics[{i}].indicator")
        elif not fits(m.value.unit, indicator.unit_kind.value):
            what = (
                f"{m.value.unit} does not fit indicator {m.indicator!r}, whose figures are {indicator.unit_kind.value}"
            )
            yield f"metrics[{i}].value.unit", what
    for i, s in enumerate(records["sources"]):
        if s.original_id is not None and s.original_id not in sources:
            yield _missing("sources", s.original_id, f"sources[{i}].original_id")
    for kind in ("zones", "initiatives", "metrics", "rates"):
        for i, record in enumerate(records[kind]):
            for j, ev in enumerate(record.evidence):
                if ev.source_id not in sources:
                    yield _missing("sources", ev.source_id, f"{kind}[{i}].evidence[{j}].source_id")
    yield from _check_cycles(records["zones"], "zones")
    yield from _check_cycles(records["initiatives"], "initiatives")


def _check_cycles(items: Sequence[Zone | Initiative], kind: str) -> Problems:
    """Every record whose parent chain loops, found in one pass (each record is walked once)."""
    parents = {r.id: r.parent_id for r in items}
    loops: dict[str, bool] = {}  # id -> whether its chain loops, for every id already walked
    for start in parents:
        path: list[str] = []
        on_path: set[str] = set()
        current: str | None = start
        verdict = False
        while current is not None and current in parents:
            if current in loops:
                verdict = loops[current]
                break
            if current in on_path:
                verdict = True
                break
            path.append(current)
            on_path.add(current)
            current = parents[current]
        for node in path:
            loops[node] = verdict
    for i, r in enumerate(items):
        if loops.get(r.id):
            yield f"{kind}[{i}].parent_id", f"the parent chain of {r.id!r} loops back on itself"
