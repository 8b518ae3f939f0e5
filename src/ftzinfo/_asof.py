"""Point-in-time views: the dataset as it could have been known on a date."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from ftzinfo._dataset import Dataset

__all__ = ["restrict"]


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


def restrict(ds: Dataset, as_of: dt.date, *, strict: bool = False) -> Dataset:
    """The records whose evidence was published on or before ``as_of``, and what they need.

    Evidence from a page with a stated publication date counts when that date is on
    or before ``as_of``. Evidence from an undated page counts, unless ``strict``,
    when the record's own latest date (its period, founding or announcement) is on
    or before ``as_of``: the fact had happened, and the page is taken to be no
    older than it. A record is kept when any of its evidence counts and everything
    it refers to is kept too.
    """
    from ftzinfo._dataset import Dataset  # noqa: PLC0415 - a cycle otherwise

    def knowable(record: Any) -> bool:
        own = _record_date(record)
        for ev in record.evidence:
            published = ds.source(ev.source_id).published_date
            if published is not None and published <= as_of:
                return True
            if published is None and not strict and own is not None and own <= as_of:
                return True
        return False

    zones = {z.id: z for z in ds.zones() if knowable(z)}
    changed = True
    while changed:  # a zone whose parent is unknown is dropped too, until nothing changes
        kept = {k: z for k, z in zones.items() if z.parent_id is None or z.parent_id in zones}
        changed = len(kept) != len(zones)
        zones = kept
    zones = {k: attrs.evolve(z, overlaps=tuple(o for o in z.overlaps if o in zones)) for k, z in zones.items()}
    initiatives = {i.id: i for i in ds.initiatives() if knowable(i) and all(z in zones for z in i.zone_ids)}
    changed = True
    while changed:
        kept_initiatives = {k: i for k, i in initiatives.items() if i.parent_id is None or i.parent_id in initiatives}
        changed = len(kept_initiatives) != len(initiatives)
        initiatives = kept_initiatives
    metrics = [m for m in ds.metrics() if m.zone_id in zones and knowable(m)]
    rates = [r for r in ds.rates() if knowable(r)]
    records: list[Any] = [*zones.values(), *initiatives.values(), *metrics, *rates]
    cited = {ev.source_id for r in records for ev in r.evidence}
    cited |= {s.original_id for s in ds.sources() if s.id in cited and s.original_id}
    return Dataset(
        zones=zones.values(),
        initiatives=initiatives.values(),
        indicators=ds.indicators(),
        metrics=metrics,
        rates=rates,
        sources=[s for s in ds.sources() if s.id in cited],
    )
