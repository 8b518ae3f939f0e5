"""Merging datasets: all or nothing, conflicts named, nothing changed in place.

A conflict is anything in the new records that would change an answer the old
records give: an id with other content, a name or alias that another zone answers
to, a second figure for the same zone, indicator and period, a second rate for the
same currencies, period and series. Conflicts are reported, every one, and applied
only with ``override=True``, in which case the new record wins.
"""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING, Any

from ftzinfo._records.kinds import KINDS
from ftzinfo._records.names import normalise
from ftzinfo._store.indexes import zone_names
from ftzinfo.exceptions import MAX_ERRORS, ValidationError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ftzinfo._records.metric import Metric
    from ftzinfo._records.rate import Rate
    from ftzinfo._store.dataset import Dataset

__all__ = ["merged"]


def merged(base: Dataset, other: Dataset, *, override: bool = False) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The records of a merge (see :meth:`Dataset.merge`), and the zones whose names win."""
    merged: dict[str, dict[str, Any]] = {kind: {r.id: r for r in base.records(kind)} for kind in KINDS}
    conflicts = list(islice(_conflicts(base, other, zone_names), MAX_ERRORS))
    if conflicts and not override:
        conflicts.append(("", "pass override=True to let the new records replace the old"))
        raise ValidationError(conflicts)
    for kind in KINDS:
        for record in other.records(kind):
            merged[kind][record.id] = record
    if override:  # the new figure or rate replaces the old one it conflicts with
        ids = {kind: {r.id for r in other.records(kind)} for kind in ("metrics", "rates")}
        replaced = {_metric_key(m) for m in other.metrics()}
        merged["metrics"] = {
            k: m for k, m in merged["metrics"].items() if k in ids["metrics"] or _metric_key(m) not in replaced
        }
        replaced_rates = {_rate_key(r) for r in other.rates()}
        merged["rates"] = {
            k: r for k, r in merged["rates"].items() if k in ids["rates"] or _rate_key(r) not in replaced_rates
        }
    lists: dict[str, Any] = {kind: tuple(merged[kind].values()) for kind in KINDS}
    preferred = tuple(z.id for z in other.zones()) if override else ()
    return lists, preferred


def _conflicts(base: Dataset, other: Dataset, zone_names: Any) -> Iterator[tuple[str, str]]:
    for kind in KINDS:
        for i, record in enumerate(other.records(kind)):
            existing = base._index.by_id[kind].get(record.id)  # noqa: SLF001 - same package, read only
            if existing is not None and existing != record:
                yield f"{kind}[{i}].id", f"{record.id!r} is already in the dataset with other content"
    yield from _name_conflicts(base, other, zone_names)
    yield from _figure_conflicts(base, other)


def _figure_conflicts(base: Dataset, other: Dataset) -> Iterator[tuple[str, str]]:
    """A new figure or rate that would stand beside an old one with another value."""
    by_key: dict[object, list[Metric]] = {}
    for m in base.metrics():
        by_key.setdefault(_metric_key(m), []).append(m)
    known_metrics = base._index.by_id["metrics"]  # noqa: SLF001 - same package, read only
    for i, m in enumerate(other.metrics()):
        if m.id in known_metrics:
            continue  # the same record, or a changed one reported with the ids
        old = next((o for o in by_key.get(_metric_key(m), ()) if o.value != m.value), None)
        if old is not None:
            what = f"{m.zone_id}'s {m.indicator} for {m.period}"
            yield f"metrics[{i}]", f"{m.id!r} gives {what} as {m.value}; {old.id!r} gives {old.value}"
    rates = {_rate_key(r): r for r in base.rates()}
    for i, r in enumerate(other.rates()):
        if r.id in base._index.by_id["rates"]:  # noqa: SLF001 - same package, read only
            continue
        old_rate = rates.get(_rate_key(r))
        if old_rate is not None and old_rate.value != r.value:
            yield f"rates[{i}]", f"{r.id!r} is a second {r.series} rate of {r.currency} per {r.per} for {r.period}"


def _name_conflicts(base: Dataset, other: Dataset, zone_names: Any) -> Iterator[tuple[str, str]]:
    """A new zone that answers to a name or alias an existing zone answers to."""
    for i, z in enumerate(other.zones()):
        if z.id in base._index.by_id["zones"]:  # noqa: SLF001 - the same zone, compared by id above
            continue
        for text in (t for rank in zone_names(z) for t in rank):
            taken = base.get_zone(text)
            if taken is not None and taken.id != z.id and normalise(text):
                yield f"zones[{i}]", f"{z.id!r} answers to {text!r}, which already names {taken.id!r}"
                break


def _metric_key(m: Metric) -> tuple[str, str, object]:
    return (m.zone_id, m.indicator, None if m.period is None else (m.period.start, m.period.end, m.period.kind))


def _rate_key(r: Rate) -> tuple[str, str, object, str]:
    return (r.currency, r.per, r.period, r.series)
