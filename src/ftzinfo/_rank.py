"""Rankings that keep ties: zones ordered in tiers whose members the sources cannot order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ftzinfo._interval import Ordering
from ftzinfo._metric import Indicator, Metric
from ftzinfo._model import Zone
from ftzinfo._quantity import UnitMismatchError
from ftzinfo._select import pick, shown_value

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ftzinfo._dataset import Dataset
    from ftzinfo._period import Period
    from ftzinfo._quantity import Quantity

__all__ = ["Ranking", "rank"]

Entry = tuple[Zone, Metric]


class Ranking(list[tuple[Entry, ...]]):
    """Tiers, highest first; within a tier the sources do not decide the order.

    Each tier is a tuple of ``(Zone, Metric)`` pairs. Every member of a tier is
    certainly above some member of the next tier, and no two members of one tier
    are ordered by their figures.
    """

    indicator: Indicator
    currency: str | None

    def __init__(self, tiers: Iterable[tuple[Entry, ...]], indicator: Indicator, currency: str | None) -> None:
        super().__init__(tiers)
        self.indicator = indicator
        self.currency = currency

    def _repr_html_(self) -> str:
        from ftzinfo._html import ranking_html  # noqa: PLC0415 - notebook display only

        return ranking_html(self)

    def __str__(self) -> str:
        lines = [f"{self.indicator.name}, highest first (zones on one line are not ordered by the sources):"]
        for n, tier in enumerate(self, 1):
            cells = ", ".join(f"{zone.name} {_shown(metric, self.currency)}" for zone, metric in tier)
            lines.append(f"  {n}. {cells}")
        return "\n".join(lines)


def _shown(metric: Metric, currency: str | None) -> str:
    period = f" ({metric.period})" if metric.period is not None else ""
    return f"{shown_value(metric, currency)}{period}"


def rank(
    ds: Dataset,
    indicator: Indicator,
    zones: Iterable[Zone] | None = None,
    *,
    period: Period | None = None,
    currency: str | None = None,
) -> Ranking:
    """Order zones by their figure for ``indicator`` in tiers; see :func:`ftzinfo.rank`."""
    pool = (
        list(zones)
        if zones is not None
        else sorted({ds.zone(m.zone_id) for m in ds.metrics(indicator=indicator)}, key=lambda z: z.id)
    )
    entries: list[tuple[Zone, Metric, Quantity]] = []
    for zone in pool:
        metric = pick(ds, zone, indicator, period)
        if metric is not None:
            entries.append((zone, metric, shown_value(metric, currency)))
    units = {q.unit for _, _, q in entries}
    if len(units) > 1:
        hint = " (pass currency= to convert money)" if any(q.is_money for _, _, q in entries) else ""
        raise UnitMismatchError(f"cannot rank figures in different units: {', '.join(sorted(units))}{hint}")
    tiers: list[tuple[Entry, ...]] = []
    remaining = entries
    while remaining:
        # The tier is every figure that no remaining figure is certainly above.
        top = [e for e in remaining if not any(o[2].compare(e[2]) is Ordering.GREATER for o in remaining if o is not e)]
        tiers.append(tuple(sorted(((zone, metric) for zone, metric, _ in top), key=lambda e: e[0].id)))
        remaining = [e for e in remaining if e not in top]
    return Ranking(tiers, indicator, currency)
