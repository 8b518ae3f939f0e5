"""Integrity checks a Dataset runs when it is built: types, unique ids, references, cycles."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ftzinfo._records.initiative import Initiative
from ftzinfo._records.kinds import KINDS, TYPES
from ftzinfo._records.units import is_currency
from ftzinfo._records.zone import Zone

__all__ = ["MetricRow", "check_ids", "check_references", "check_types", "fits", "metric_row"]

Problems = Iterable[tuple[str, str]]
#: What the checks need of a metric: its id, zone, indicator, unit, and the sources its evidence cites.
MetricRow = tuple[str, str, str, str, tuple[str, ...]]


def metric_row(m: Any) -> MetricRow:
    """A metric's row, from the record or from plain data the reader has vouched for."""
    if type(m) is dict:
        return (
            m["id"],
            m["zone_id"],
            m["indicator"],
            m["value"]["unit"],
            tuple(e["source_id"] for e in m.get("evidence", ())),
        )
    return (m.id, m.zone_id, m.indicator, m.value.unit, tuple(e.source_id for e in m.evidence))


def check_types(records: Mapping[str, tuple[Any, ...]]) -> Problems:
    """Every record is of its kind's class."""
    for kind, items in records.items():
        cls = TYPES[kind]
        for i, item in enumerate(items):
            if type(item) is not cls and not isinstance(item, cls):
                yield f"{kind}[{i}]", f"expected a {cls.__name__}, got {type(item).__name__}"


def check_ids(ids: Mapping[str, Sequence[str]]) -> Problems:
    """No two records, of whatever kind, share an id (``ids``: each kind's ids, in order)."""
    all_ids = [i for kind in KINDS for i in ids[kind]]
    if len(set(all_ids)) == len(all_ids):
        return  # the common case, checked in one pass
    seen: dict[str, str] = {}
    for kind in KINDS:
        for i, record_id in enumerate(ids[kind]):
            if record_id in seen:
                yield f"{kind}[{i}].id", f"duplicate id {record_id!r} (also in {seen[record_id]})"
            else:
                seen[record_id] = kind


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
    records: Mapping[str, tuple[Any, ...]], by_id: Mapping[str, Mapping[str, Any]], metrics: Sequence[MetricRow]
) -> Problems:
    """Every id a record refers to exists, and no parent chain loops (``metrics``: the metrics' rows)."""
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
    fitting: dict[tuple[str, str], bool] = {}  # (indicator, unit) -> whether it fits: a few pairs, many metrics
    for i, (_, zone_id, indicator_id, unit, _) in enumerate(metrics):
        if zone_id not in zones:
            yield _missing("zones", zone_id, f"metrics[{i}].zone_id")
        fit = fitting.get((indicator_id, unit))
        if fit is None:
            indicator = indicators.get(indicator_id)
            fit = fitting[indicator_id, unit] = indicator is not None and fits(unit, indicator.unit_kind.value)
        if fit:
            continue
        indicator = indicators.get(indicator_id)
        if indicator is None:
            yield _missing("indicators", indicator_id, f"metrics[{i}].indicator")
        else:
            what = f"{unit} does not fit indicator {indicator_id!r}, whose figures are {indicator.unit_kind.value}"
            yield f"metrics[{i}].value.unit", what
    for i, s in enumerate(records["sources"]):
        if s.original_id is not None and s.original_id not in sources:
            yield _missing("sources", s.original_id, f"sources[{i}].original_id")
    for kind in ("zones", "initiatives", "metrics", "rates"):
        cited = (row[4] for row in metrics) if kind == "metrics" else _sources_cited(records[kind])
        for i, source_ids in enumerate(cited):
            for j, source_id in enumerate(source_ids):
                if source_id not in sources:
                    yield _missing("sources", source_id, f"{kind}[{i}].evidence[{j}].source_id")
    yield from _check_cycles(records["zones"], "zones")
    yield from _check_cycles(records["initiatives"], "initiatives")


def _sources_cited(records: Iterable[Any]) -> Iterator[tuple[str, ...]]:
    for r in records:
        yield tuple(ev.source_id for ev in r.evidence)


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
