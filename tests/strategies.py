"""Hypothesis strategies for ftzinfo's model classes, kept in one place."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from ftzinfo import Period, Qualifier, Quantity

UNITS = st.sampled_from(["count", "percent", "pp", "km2", "CNY", "USD", "HKD"])

decimals = st.decimals(
    min_value=Decimal("-1E15"), max_value=Decimal("1E15"), allow_nan=False, allow_infinity=False, places=4
).map(lambda d: d.normalize() if d != 0 else Decimal(0))

dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31))


@st.composite
def quantities(draw: st.DrawFn, *, with_equivalent: bool = True) -> Quantity:
    unit = draw(UNITS)
    qualifier = draw(st.sampled_from(list(Qualifier)))
    if qualifier is Qualifier.BETWEEN:
        a, b = sorted((draw(decimals), draw(decimals)))
        return Quantity(value=None, qualifier=qualifier, low=a, high=b, unit=unit)
    equivalent = None
    if with_equivalent and draw(st.booleans()):
        other = draw(UNITS.filter(lambda u: u != unit))
        equivalent = Quantity(value=draw(decimals), qualifier=qualifier, unit=other)
    return Quantity(value=draw(decimals), qualifier=qualifier, unit=unit, equivalent=equivalent)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    kind = draw(st.sampled_from(["year", "half", "quarter", "month", "day", "instant", "range"]))
    year = draw(st.integers(1950, 2100))
    if kind == "year":
        return Period.year(year)
    if kind == "half":
        return Period.half(year, draw(st.integers(1, 2)))
    if kind == "quarter":
        return Period.quarter(year, draw(st.integers(1, 4)))
    if kind == "month":
        return Period.month(year, draw(st.integers(1, 12)))
    if kind == "day":
        return Period.day(draw(dates))
    if kind == "instant":
        return Period.instant(draw(dates))
    a, b = sorted((draw(dates), draw(dates)))
    return Period.between(a, b)
