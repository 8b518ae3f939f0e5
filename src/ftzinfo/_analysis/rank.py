"""Rankings that claim only certain orders: tiers, with what was left out and why."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from ftzinfo._analysis.comparable import answers, period_shape
from ftzinfo._analysis.select import Elsewhere, as_period, elsewhere, figure_record, shown_value
from ftzinfo._records import presenters
from ftzinfo._records.conversion import currency_code
from ftzinfo._records.enums import to_enum
from ftzinfo._records.metric import Indicator, Measure, Metric
from ftzinfo._records.period import Period
from ftzinfo._records.quantity import UnitMismatchError
from ftzinfo._records.zone import Zone, ZoneKind
from ftzinfo.exceptions import ConversionError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ftzinfo._records.interval import Interval
    from ftzinfo._records.quantity import Quantity
    from ftzinfo._store.dataset import Dataset

__all__ = ["Excluded", "Missing", "Ranking", "build_ranking", "rank", "tiers"]

Entry = tuple[Zone, Metric]


@attrs.frozen
class Excluded:
    """A figure a ranking left out, and why.

    Attributes:
        zone: The zone the figure measures.
        metric: The figure.
        reason: Why it was not ranked (another period, an aggregate, no rate ...).
    """

    zone: Zone
    metric: Metric
    reason: str


@attrs.frozen
class Missing:
    """A zone of the asked pool with no figure the ranking could use.

    Attributes:
        zone: The zone.
        elsewhere: Related zones that have figures for the indicator (its parts,
            its parent, zones it overlaps).
    """

    zone: Zone
    elsewhere: tuple[Elsewhere, ...] = ()


class Ranking(list[tuple[Entry, ...]]):
    """Tiers, highest first, of figures the sources make comparable.

    Each tier is a tuple of ``(Zone, Metric)`` pairs. Any two figures in different
    tiers are certainly ordered (every value the first allows is above every value
    the second allows); figures in one tier are linked by pairs the sources cannot
    order. What the ranking leaves out is part of it: ``excluded`` holds the
    figures not comparable with the query, each with its reason, and ``missing``
    the zones of the asked pool with no comparable figure.

    Attributes:
        indicator: What is ranked.
        period: The period ranked (asked for, or chosen as the latest whole
            period the pool shares), or None for stocks at their latest level.
        currency: The currency money was converted to, or None.
        kind: The kind of zone the pool was, or None.
        pool: The zones asked about.
        excluded: Figures left out, with reasons.
        missing: Zones of the pool with no comparable figure.
        values: The figure shown for each ranked metric id (converted if asked).
    """

    indicator: Indicator
    period: Period | None
    currency: str | None
    kind: ZoneKind | None
    pool: tuple[Zone, ...]
    excluded: tuple[Excluded, ...]
    missing: tuple[Missing, ...]
    values: dict[str, Quantity]

    def __init__(  # noqa: PLR0913 - a result's parts, all named
        self,
        tiers: Iterable[tuple[Entry, ...]],
        indicator: Indicator,
        currency: str | None,
        *,
        period: Period | None = None,
        kind: ZoneKind | None = None,
        pool: Sequence[Zone] = (),
        excluded: Sequence[Excluded] = (),
        missing: Sequence[Missing] = (),
        values: dict[str, Quantity] | None = None,
    ) -> None:
        super().__init__(tiers)
        self.indicator = indicator
        self.currency = currency
        self.period = period
        self.kind = kind
        self.pool = tuple(pool)
        self.excluded = tuple(excluded)
        self.missing = tuple(missing)
        self.values = dict(values or {})

    def shown(self, metric: Metric) -> Quantity:
        """The figure the ranking shows for a ranked metric (converted where asked)."""
        return self.values.get(metric.id, metric.value)

    def _repr_html_(self) -> str:
        return presenters.html(self)

    def summary(self) -> str:
        """One sentence on what the ranking covers and what it lacks."""
        what = self.indicator.name + (f" for {self.period}" if self.period is not None else ", latest levels")
        pool = f"{len(self.pool)} zones" + (f" of kind {self.kind.value}" if self.kind else "")
        ranked = sum(len(t) for t in self)
        text = f"{what}: {ranked} of {pool} ranked"
        if self.missing:
            text += f"; {len(self.missing)} have no comparable figure"
        return text

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per ranked figure: tier, zone, metric, figure (Decimal bounds and flags), period and dates."""
        return [
            {"tier": n, "zone": zone.id, **figure_record(metric, self.shown(metric))}
            for n, tier in enumerate(self, 1)
            for zone, metric in tier
        ]

    def to_frame(self) -> Any:
        """The ranked figures as a pandas DataFrame, one row each (needs the ``pandas`` extra)."""
        from ftzinfo._io.frames import frame  # noqa: PLC0415 - pandas only when asked for

        return frame(self.to_records())

    def to_json_data(self) -> dict[str, Any]:
        """The whole ranking as plain data: the query, the tiers, what was excluded and missing."""
        return {
            "indicator": self.indicator.id,
            "period": None if self.period is None else str(self.period),
            "currency": self.currency,
            "kind": None if self.kind is None else self.kind.value,
            "pool": len(self.pool),
            "ranked": self.to_records(),
            "excluded": [{"zone": e.zone.id, "metric": e.metric.id, "reason": e.reason} for e in self.excluded],
            "missing": [
                {"zone": m.zone.id, "elsewhere": [{"zone": w.zone.id, "relation": w.relation} for w in m.elsewhere]}
                for m in self.missing
            ],
        }

    def __str__(self) -> str:
        lines = [f"{self.summary()}.", "Highest first; zones on one line are not ordered by the sources:"]
        for n, tier in enumerate(self, 1):
            cells = ", ".join(f"{zone.name} {_shown(self.shown(metric), metric)}" for zone, metric in tier)
            lines.append(f"  {n}. {cells}")
        if not self:
            lines.append("  (no comparable figures)")
        if self.missing:
            lines.append(f"No comparable figure ({len(self.missing)}):")
            for m in self.missing:
                where = f"; figures sit on {', '.join(map(str, m.elsewhere))}" if m.elsewhere else ""
                lines.append(f"  - {m.zone.name}{where}")
        if self.excluded:
            lines.append(f"Left out ({len(self.excluded)}):")
            lines += [
                f"  - {e.zone.name} {e.metric.value} ({e.metric.period or 'no period'}): {e.reason}"
                for e in self.excluded
            ]
        return "\n".join(lines)


def _shown(q: Quantity, metric: Metric) -> str:
    period = f" ({metric.period})" if metric.period is not None else ""
    return f"{q}{period}"


def tiers(entries: Sequence[tuple[Zone, Metric, Quantity]]) -> list[tuple[Entry, ...]]:
    """Split figures into tiers, highest first, so that figures in different tiers are certainly ordered.

    Sorted by their lower ends, a boundary falls between two neighbours exactly
    when every figure above it is certainly above every figure below it: the
    lowest lower end above against the highest upper end below. One sort and two
    passes, so O(n log n).
    """
    ordered = sorted(entries, key=lambda e: _low_key(e[2].interval), reverse=True)
    n = len(ordered)
    highest_below: list[tuple[Decimal | None, bool] | None] = [None] * (n + 1)  # highest upper end of ordered[i:]
    for i in range(n - 1, -1, -1):
        highest_below[i] = _higher(highest_below[i + 1], _high_end(ordered[i][2].interval))
    result: list[tuple[Entry, ...]] = []
    current: list[Entry] = []
    for i, (zone, metric, q) in enumerate(ordered):
        current.append((zone, metric))
        lowest_above = _low_end(q.interval)  # sorted by lower end: the last one is the lowest
        below = highest_below[i + 1]
        if below is None or _certainly_above(lowest_above, below):
            result.append(tuple(sorted(current, key=lambda e: e[0].id)))
            current = []
    return result


def _low_key(iv: Interval) -> tuple[int, Decimal, int]:
    """Sort key of a lower end: unbounded lowest, then by value, a closed end below an open one."""
    if iv.low is None:
        return (0, Decimal(0), 0)
    return (1, iv.low, 0 if iv.low_closed else 1)


def _low_end(iv: Interval) -> tuple[Decimal | None, bool]:
    return (iv.low, iv.low_closed)


def _high_end(iv: Interval) -> tuple[Decimal | None, bool]:
    return (iv.high, iv.high_closed)


def _higher(a: tuple[Decimal | None, bool] | None, b: tuple[Decimal | None, bool]) -> tuple[Decimal | None, bool]:
    """The more binding of two upper ends: unbounded first, then the larger, closed over open."""
    if a is None:
        return b
    if a[0] is None or b[0] is None:
        return (None, False)
    if a[0] != b[0]:
        return a if a[0] > b[0] else b
    return (a[0], a[1] or b[1])


def _certainly_above(low: tuple[Decimal | None, bool], high: tuple[Decimal | None, bool]) -> bool:
    if low[0] is None or high[0] is None:
        return False
    if low[0] != high[0]:
        return low[0] > high[0]
    return not (low[1] and high[1])


def _default_period(candidates: Sequence[Metric]) -> Period | None:
    """For flows with no period asked: the latest calendar year any figure covers, else the latest period."""
    dated = [m.period for m in candidates if m.period is not None]
    years = [p for p in dated if period_shape(p) == ("year",)]
    pool = years or dated
    if not pool:
        return None
    counts = Counter((p.start, p.end) for p in pool)
    return max(pool, key=lambda p: (p.end, counts[p.start, p.end]))


def _pool(ds: Dataset, indicator: Indicator, zones: Iterable[Zone] | None, kind: ZoneKind | None) -> list[Zone]:
    if zones is not None:
        return list(dict.fromkeys(zones))
    if kind is not None:
        return list(ds.zones(kind=kind))
    return sorted({ds.zone(m.zone_id) for m in ds.metrics(indicator=indicator)}, key=lambda z: z.id)


def build_ranking(
    ds: Dataset,
    indicator: Indicator,
    zones: Iterable[Zone] | None = None,
    *,
    period: Period | None = None,
    currency: str | None = None,
    kind: ZoneKind | None = None,
) -> Ranking:
    """Order zones by their figure for ``indicator`` in tiers; see :func:`ftzinfo.rank`."""
    chosen = zones is not None
    pool = _pool(ds, indicator, zones, kind)
    left: list[tuple[Zone, str]] = []
    if not chosen and kind is None:  # an aggregate or a part is never a peer of what contains it
        pool, left = _peers(ds, pool)
    figures = {z.id: ds.metrics(z, indicator=indicator) for z in pool}
    if period is None and indicator.measure is Measure.FLOW:
        period = _default_period([m for ms in figures.values() for m in ms])
    excluded = [
        Excluded(zone=z, metric=m, reason=why)
        for z, why in left
        for m in (
            ds.metrics(z, indicator=indicator)[-1:]
            if period is None
            else [m for m in ds.metrics(z, indicator=indicator) if answers(m, period, indicator)]
        )
    ]
    entries: list[tuple[Zone, Metric, Quantity]] = []
    missing: list[Missing] = []
    for zone in pool:
        metric, near = _choose(figures[zone.id], indicator, period)
        excluded += [Excluded(zone=zone, metric=m, reason=why) for m, why in near]
        if metric is not None:
            try:
                entries.append((zone, metric, shown_value(metric, currency, ds)))
            except ConversionError as exc:
                excluded.append(Excluded(zone=zone, metric=metric, reason=str(exc)))
                metric = None
        if metric is None:
            missing.append(Missing(zone=zone, elsewhere=elsewhere(ds, zone, indicator)))
    values = {metric.id: q for _, metric, q in entries}
    units = {q.unit for _, _, q in entries}
    if len(units) > 1:
        hint = " (pass currency= to convert money)" if any(q.is_money for _, _, q in entries) else ""
        raise UnitMismatchError(f"cannot rank figures in different units: {', '.join(sorted(units))}{hint}")
    return Ranking(
        tiers(entries),
        indicator,
        currency,
        period=period,
        kind=kind,
        pool=pool,
        excluded=excluded,
        missing=missing,
        values=values,
    )


def _choose(
    found: Sequence[Metric], indicator: Indicator, period: Period | None
) -> tuple[Metric | None, list[tuple[Metric, str]]]:
    """A zone's figure for the query, and its near misses (figures touching the period) with reasons."""
    if period is None:  # a stock's latest level
        dated = [m for m in found if m.period is not None]
        return (dated[-1] if dated else None), []
    usable = [m for m in found if answers(m, period, indicator)]
    metric = usable[-1] if usable else None
    near = [m for m in found if m is not metric and (m.period is None or m.period.overlaps(period))]
    return metric, [(m, answers(m, period, indicator).reason) for m in near]


def _peers(ds: Dataset, pool: list[Zone]) -> tuple[list[Zone], list[tuple[Zone, str]]]:
    """Keep the outermost zones of the pool: networks and parts of pooled zones are left out."""
    ids = {z.id for z in pool}
    kept, left = [], []
    for z in pool:
        if z.is_aggregate:
            left.append((z, "a network of zones is not ranked among its members"))
            continue
        container = next((a for a in ds.ancestors(z) if a.id in ids and not a.is_aggregate), None)
        if container is not None:
            left.append((z, f"a part of {container.name}, which is ranked"))
            continue
        kept.append(z)
    return kept, left


def rank(
    ds: Dataset,
    indicator: Indicator | str,
    *,
    zones: Iterable[Zone | str] | None = None,
    period: Period | str | int | None = None,
    currency: str | None = None,
    kind: ZoneKind | str | None = None,
    as_of: dt.date | None = None,
) -> Ranking:
    """Zones of ``ds`` in tiers by their figure for ``indicator`` (see :func:`ftzinfo.rank`)."""
    code = None if currency is None else currency_code(currency)
    asked = as_period(period)
    pool_kind = None if kind is None else to_enum(ZoneKind, "kind", kind)
    view = ds if as_of is None else ds.as_of(as_of)
    chosen = None if zones is None else [view.zone(z) for z in zones]
    return build_ranking(view, view.indicator(indicator), chosen, period=asked, currency=code, kind=pool_kind)
