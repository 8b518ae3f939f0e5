"""The one rule for which figures may be set against each other.

Every analysis (rankings, comparison tables, series, growth) asks this module
before it lines two figures up, so the library never claims more than its
sources do: a flow for January to August is not the year's figure, a half-year
is not a year, and a total since launch is only like another over the same span.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

import attrs

from ftzinfo._records.metric import Measure
from ftzinfo._records.period import Period, PeriodKind
from ftzinfo._records.units import is_currency

if TYPE_CHECKING:
    from ftzinfo._records.metric import Indicator, Metric

__all__ = ["Comparability", "answers", "comparable", "period_shape", "shape_label"]

_MONTHS: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@attrs.frozen
class Comparability:
    """Whether two figures may be set against each other, and why (or why not).

    It is truthy when they may, so ``if ftzinfo.comparable(a, b):`` reads as it says.

    Attributes:
        ok: Whether the figures are comparable.
        reason: A sentence saying why, fit to show a reader.
    """

    ok: bool
    reason: str

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        return ("comparable: " if self.ok else "not comparable: ") + self.reason


def _month_end(day: dt.date) -> bool:
    return (day + dt.timedelta(days=1)).day == 1


def period_shape(period: Period) -> tuple[object, ...]:
    """What kind of stretch a flow's period is, ignoring which year it falls in.

    Two flows are like for like when their shapes are equal: any calendar year with
    any other, a half with a half, a quarter with a quarter, a month with a month,
    the same months of two years (January to August with January to August), and a
    span across years (a total since launch) only with the very same span.
    """
    start, end = period.start, period.end
    if period.kind is PeriodKind.INSTANT:
        return ("to date", end)
    if period.kind is PeriodKind.DAY:
        return ("day",)
    if start.year != end.year:
        return ("span", start, end)
    whole_months = start.day == 1 and _month_end(end)
    if whole_months:
        months = end.month - start.month + 1
        if months == 12:
            return ("year",)
        if months == 6 and start.month in {1, 7}:
            return ("half",)
        if months == 3 and start.month in {1, 4, 7, 10}:
            return ("quarter",)
        if months == 1:
            return ("month",)
    return ("months", (start.month, start.day), (end.month, end.day))


def shape_label(period: Period) -> str:
    """A reader's name for a period's shape: ``year``, ``half``, ``Jan-Aug``, ``2013-09/2023-12``."""
    shape = period_shape(period)
    kind = shape[0]
    if kind == "to date":
        return f"to {period.end.isoformat()}"
    if kind == "span":
        return f"total {period}"
    if kind == "months":
        return f"{_MONTHS[period.start.month - 1]}-{_MONTHS[period.end.month - 1]}"
    return str(kind)


def _describe(period: Period) -> str:
    shape = period_shape(period)
    words = {
        "year": "a calendar year",
        "half": "a half-year",
        "quarter": "a quarter",
        "month": "a month",
        "day": "a day",
    }
    if shape[0] in words:
        return f"{period} ({words[str(shape[0])]})"
    if shape[0] == "to date":
        return f"a running total to {period.end.isoformat()}"
    if shape[0] == "span":
        return f"a total over {period}"
    return f"{period} ({shape_label(period)} of one year)"


def _units(a: Metric, b: Metric) -> Comparability | None:
    ua, ub = a.value.unit, b.value.unit
    if ua == ub:
        return None
    if is_currency(ua) and is_currency(ub):
        return None  # money compares once converted with a rate the caller's dataset holds
    return Comparability(ok=False, reason=f"{a.id} is in {ua} and {b.id} in {ub}")


def comparable(a: Metric, b: Metric, measure: Measure | Indicator) -> Comparability:
    """Whether two metrics may be set against each other, and why.

    Args:
        a: A metric.
        b: Another metric.
        measure: Whether the indicator is a stock or a flow (or the Indicator itself).

    Returns:
        A :class:`Comparability`, truthy when the two are like for like: the same
        indicator, compatible units (money in any currency, to be converted), and
        for flows periods of the same shape (see :func:`period_shape`); stocks
        compare as levels at their dates.
    """
    kind = measure if isinstance(measure, Measure) else measure.measure
    if a.indicator != b.indicator:
        return Comparability(ok=False, reason=f"{a.indicator} is not {b.indicator}")
    mismatch = _units(a, b)
    if mismatch is not None:
        return mismatch
    if a.period is None or b.period is None:
        undated = a if a.period is None else b
        return Comparability(ok=False, reason=f"{undated.id} states no period")
    if kind is Measure.STOCK:
        if a.period.end == b.period.end:
            return Comparability(ok=True, reason=f"levels at the same date, {a.period.end.isoformat()}")
        return Comparability(ok=True, reason=f"levels at {a.period.end.isoformat()} and {b.period.end.isoformat()}")
    if period_shape(a.period) == period_shape(b.period):
        return Comparability(ok=True, reason=f"flows over periods of one kind: {_describe(a.period)}")
    return Comparability(ok=False, reason=f"{_describe(a.period)} is not like {_describe(b.period)}")


def answers(metric: Metric, period: Period, measure: Measure | Indicator) -> Comparability:
    """Whether ``metric`` is the figure for ``period``.

    A flow answers only for exactly that stretch (January to August is not "the
    2023 figure"); a stock answers with a level at a date within it.
    """
    kind = measure if isinstance(measure, Measure) else measure.measure
    if metric.period is None:
        return Comparability(ok=False, reason="states no period")
    if kind is Measure.STOCK:
        if metric.period.end in period:
            return Comparability(ok=True, reason=f"a level within {period}")
        return Comparability(ok=False, reason=f"a level at {metric.period.end.isoformat()}, outside {period}")
    if (metric.period.start, metric.period.end) == (period.start, period.end):
        return Comparability(ok=True, reason=f"exactly {period}")
    return Comparability(ok=False, reason=f"{_describe(metric.period)}, not {_describe(period)}")
