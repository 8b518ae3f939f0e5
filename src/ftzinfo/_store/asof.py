"""Point-in-time views: the dataset as it could have been known on a date.

The rule: a view dated D holds nothing dated after D. A record is known on D when
a page that states it was known by then (its publication date, or for an undated
page the date the record was made from it, ``Source.accessed``). What a known
record says about later times is cut away too: milestones and a founding after
D, initiatives announced after D, metrics and rates for periods that begin after
D, and a zone's area unless a source known by D states it. A view dated on or
after the newest date in the data equals the whole dataset.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import attrs

if TYPE_CHECKING:
    from collections.abc import Callable

    from ftzinfo._records.source import Source
    from ftzinfo._records.zone import Zone
    from ftzinfo._store.dataset import Dataset

__all__ = ["newest", "restricted"]


class _Child(Protocol):
    @property
    def parent_id(self) -> str | None: ...


R = TypeVar("R", bound=_Child)


def _record_date(record: Any) -> dt.date | None:
    """The latest date a record itself states (when its fact took place), if any."""
    dates = []
    for name in ("period", "established", "announced"):
        value = getattr(record, name, None)
        if value is not None:
            period = getattr(value, "date", value)  # a Milestone holds its Period in .date
            dates.append(period.end)
    dates += [m.date.end for m in getattr(record, "milestones", ())]
    return max(dates) if dates else None


def _starts(record: Any) -> list[dt.date]:
    """The first days of everything a record dates: its period, founding, announcement, milestones."""
    dates = []
    for name in ("period", "established", "announced"):
        value = getattr(record, name, None)
        if value is not None:
            dates.append(getattr(value, "date", value).start)
    dates += [m.date.start for m in getattr(record, "milestones", ())]
    return dates


def newest(ds: Dataset) -> dt.date | None:
    """The newest date in the data: of a source, or of a record's period or event.

    A view on or after it is the whole dataset.
    """
    dates = [d for s in ds.sources() if (d := s.known_since) is not None]
    for kind in ("zones", "initiatives", "metrics", "rates"):
        for record in ds.records(kind):
            dates += _starts(record)
    return max(dates) if dates else None


def restricted(ds: Dataset, as_of: dt.date, *, strict: bool = False) -> dict[str, Any]:
    """The records known on ``as_of``, each cut to what it said of times up to then.

    A piece of evidence counts when its page was known by ``as_of``: its
    publication date, else the date the record was made from it
    (``Source.accessed``). A page with neither counts, unless ``strict``, when the
    record's own latest date is on or before ``as_of``. A record is kept when any
    of its evidence counts and everything it refers to is kept too.
    """
    sources = {s.id for s in ds.sources() if _known(s, as_of)}

    def knowable(record: Any) -> bool:
        own = _record_date(record)
        for ev in record.evidence:
            verdict = _known(ds.source(ev.source_id), as_of)
            if verdict or (verdict is None and not strict and own is not None and own <= as_of):
                return True
        return False

    metrics = [m for m in ds.metrics() if knowable(m) and (m.period is None or m.period.start <= as_of)]

    def page_known(source_id: str) -> bool:
        return _known(ds.source(source_id), as_of) is not False

    zones = _rooted({z.id: _zone_then(z, as_of, metrics, page_known) for z in ds.zones() if knowable(z)})
    zones = {k: attrs.evolve(z, overlaps=tuple(o for o in z.overlaps if o in zones)) for k, z in zones.items()}
    initiatives = {
        i.id: i
        for i in ds.initiatives()
        if knowable(i)
        and all(z in zones for z in i.zone_ids)
        and (i.announced is None or i.announced.date.start <= as_of)
    }
    initiatives = _rooted(initiatives)
    metrics = [m for m in metrics if m.zone_id in zones]
    rates = [r for r in ds.rates() if knowable(r) and r.period.start <= as_of]
    records: list[Any] = [*zones.values(), *initiatives.values(), *metrics, *rates]
    cited = {ev.source_id for r in records for ev in r.evidence}
    cited |= {s.original_id for s in ds.sources() if s.id in cited and s.original_id}
    return {
        "zones": zones.values(),
        "initiatives": initiatives.values(),
        "indicators": ds.indicators(),
        "metrics": metrics,
        "rates": rates,
        "sources": [s for s in ds.sources() if s.id in sources or s.id in cited],
    }


def _rooted(records: dict[str, R]) -> dict[str, R]:
    """The records whose every ancestor is among them too (a part of an unknown zone is unknown).

    One walk per record, remembering each verdict, so a long chain costs its length once.
    """
    verdict: dict[str, bool] = {}
    for start in records:
        path: list[str] = []
        current: str | None = start
        ok = True
        while current is not None:
            if current in verdict:
                ok = verdict[current]
                break
            if current not in records or current in path:
                ok = False
                break
            path.append(current)
            current = records[current].parent_id
        for node in path:
            verdict[node] = ok
    return {k: r for k, r in records.items() if verdict[k]}


def _known(source: Source, as_of: dt.date) -> bool | None:
    """Whether the page was known on ``as_of``; None when it states no date at all."""
    since = source.known_since
    return None if since is None else since <= as_of


def _zone_then(zone: Zone, as_of: dt.date, metrics: list[Any], page_known: Callable[[str], bool]) -> Zone:
    """The zone as known on ``as_of``: no later events, and only an area a known source states."""
    milestones = tuple(m for m in zone.milestones if m.date.start <= as_of)
    established = zone.established if zone.established is None or zone.established.date.start <= as_of else None
    area = zone.area_km2
    if area is not None:
        stated = [
            m
            for m in metrics
            if m.zone_id == zone.id and m.indicator == "area_km2" and m.value.interval == area.interval
        ]
        if not stated:
            known = [m for m in metrics if m.zone_id == zone.id and m.indicator == "area_km2"]
            quoted = any(
                page_known(ev.source_id) for ev in zone.evidence if area.text is not None and area.text in ev.quote
            )
            area = area if quoted else (known[-1].value if known else None)
    if milestones == zone.milestones and established is zone.established and area is zone.area_km2:
        return zone
    return attrs.evolve(zone, milestones=milestones, established=established, area_km2=area)
