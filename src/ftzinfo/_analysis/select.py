"""Choosing the metric that answers "this zone, this indicator, (this period)", and its shown value."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from ftzinfo._analysis.comparable import answers
from ftzinfo._records.period import Period

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ftzinfo._records.metric import Indicator, Metric
    from ftzinfo._records.quantity import Quantity
    from ftzinfo._records.zone import Zone
    from ftzinfo._store.dataset import Dataset

__all__ = ["Elsewhere", "as_period", "elsewhere", "figure_record", "pick", "shown_value"]


def as_period(period: Period | str | int | None) -> Period | None:
    """Accept a Period, its text (``"2024"``, ``"2025-H1"``) or a year."""
    if period is None or isinstance(period, Period):
        return period
    if isinstance(period, bool):
        raise TypeError("period must be a Period, its text or a year, not bool")
    if isinstance(period, int):
        from ftzinfo.exceptions import ValidationError  # noqa: PLC0415 - the rare bad year

        if not 1 <= period <= 9999:
            raise ValidationError([("period", f"{period} is not a year")])
        return Period.year(period)
    if not isinstance(period, str):
        raise TypeError(f"period must be a Period, its text or a year, not {type(period).__name__}")
    return Period.parse(period)


def pick(ds: Dataset, zone: Zone, indicator: Indicator, period: Period | None) -> Metric | None:
    """The latest metric, or the one that answers for ``period`` (see :func:`ftzinfo.comparable`).

    A flow answers only for exactly that period; a stock with its latest level
    within it.
    """
    found: Sequence[Metric] = ds.metrics(zone, indicator=indicator)
    if period is not None:
        found = [m for m in found if answers(m, period, indicator)]
    else:
        found = [m for m in found if m.period is not None] or found
    return found[-1] if found else None


def shown_value(metric: Metric, currency: str | None, rates: Dataset | None) -> Quantity:
    """The metric's figure, converted to ``currency`` where it is money in another currency.

    The rate is the source's stated equivalent or the annual averages ``rates``
    (the dataset in hand) holds for the metric's period.

    Raises:
        ConversionError: No rate converts the figure.
    """
    q = metric.value
    if currency is None or not q.is_money or q.unit == currency:
        return q
    return q.convert(currency, period=metric.period, rates=rates)


def figure_record(metric: Metric, q: Quantity | None = None) -> dict[str, Any]:
    """A figure as plain data, as every table of results writes it: bounds, flags, unit, wording, period.

    ``q`` is the figure shown (converted, say); by default the metric's own.
    """
    q = metric.value if q is None else q
    period = metric.period
    return {
        "metric": metric.id,
        "value": q.value,
        "qualifier": q.qualifier.value,
        "low": q.low,
        "high": q.high,
        "low_closed": q.low_closed,
        "high_closed": q.high_closed,
        "unit": q.unit,
        "text": metric.value.text,
        "period": None if period is None else str(period),
        "period_start": None if period is None else period.start,
        "period_end": None if period is None else period.end,
    }


@attrs.frozen
class Elsewhere:
    """A related zone that has figures for an indicator a zone lacks.

    Attributes:
        zone: The related zone.
        relation: How it relates: ``part`` (it lies inside), ``parent`` (it
            contains the zone) or ``overlapping``.
        count: How many figures it has for the indicator.
    """

    zone: Zone
    relation: str
    count: int

    def __str__(self) -> str:
        what = {"part": "a part of it", "parent": "which contains it", "overlapping": "which overlaps it"}
        return f"{self.zone.name} ({what[self.relation]}: {self.count} figure{'s' * (self.count != 1)})"


def elsewhere(ds: Dataset, zone: Zone, indicator: Indicator) -> tuple[Elsewhere, ...]:
    """Where a zone's missing figures for ``indicator`` sit: its parts, its parent, zones it overlaps."""
    related: list[tuple[Zone, str]] = []
    stack = list(ds.children(zone))
    while stack:  # every part, however deep
        part = stack.pop()
        related.append((part, "part"))
        stack.extend(ds.children(part))
    related += [(z, "parent") for z in ds.ancestors(zone)]
    related += [(z, "overlapping") for z in ds.overlapping(zone)]
    found = []
    seen = set()
    for other, relation in related:
        if other.id in seen:
            continue
        seen.add(other.id)
        count = len(ds.metrics(other, indicator=indicator))
        if count:
            found.append(Elsewhere(zone=other, relation=relation, count=count))
    return tuple(found)
