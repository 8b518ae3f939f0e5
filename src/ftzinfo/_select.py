"""Choosing the metric that answers "this zone, this indicator, (this period)", and its shown value."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ftzinfo._period import Period
from ftzinfo.exceptions import ConversionError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ftzinfo._dataset import Dataset
    from ftzinfo._metric import Indicator, Metric
    from ftzinfo._model import Zone
    from ftzinfo._quantity import Quantity

__all__ = ["as_period", "pick", "shown_value"]


def as_period(period: Period | str | int | None) -> Period | None:
    """Accept a Period, its text (``"2024"``, ``"2025-H1"``) or a year."""
    if period is None or isinstance(period, Period):
        return period
    if isinstance(period, int):
        return Period.year(period)
    return Period.parse(period)


def pick(ds: Dataset, zone: Zone, indicator: Indicator, period: Period | None) -> Metric | None:
    """The latest metric, or the one for ``period`` (exactly that period, else the latest within it)."""
    found: Sequence[Metric] = ds.metrics(zone, indicator=indicator)
    if period is not None:
        exact = [m for m in found if m.period == period]
        found = exact or [m for m in found if m.period is not None and m.period in period]
    return found[-1] if found else None


def shown_value(metric: Metric, currency: str | None) -> Quantity:
    """The metric's figure, converted to ``currency`` where it is money in another currency.

    The rate is the source's stated equivalent or the bundled annual average for the
    metric's period; a figure no rate can convert is shown as stated.
    """
    q = metric.value
    if currency is None or not q.is_money or q.unit == currency:
        return q
    try:
        return q.convert(currency, period=metric.period)
    except ConversionError:
        return q
