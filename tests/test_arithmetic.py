"""Interval arithmetic and currency conversion: results never claim more than their operands."""

from __future__ import annotations

from decimal import Decimal, localcontext

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import ftzinfo
from ftzinfo import ConversionError, Interval, Ordering, Qualifier, Quantity, UnitMismatchError
from ftzinfo._records.exact import CONTEXT
from strategies import decimals

D = Decimal


@st.composite
def intervals_with_a_point(draw: st.DrawFn) -> tuple[Interval, Decimal]:
    """An interval (possibly open or unbounded at either end) and a value inside it."""
    a, b = sorted((draw(decimals), draw(decimals)))
    low_closed, high_closed = draw(st.booleans()), draw(st.booleans())
    if a == b:
        low_closed = high_closed = True
    low = None if draw(st.booleans()) and draw(st.booleans()) else a
    high = None if draw(st.booleans()) and draw(st.booleans()) else b
    interval = Interval(low, high, low_closed, high_closed)
    point = a if low_closed or low is None else b
    if high is not None and point == b and not high_closed:
        point = (a + b) / 2
    assume(point in interval)
    return interval, point


@given(intervals_with_a_point(), intervals_with_a_point())
def test_sum_and_difference_contain_every_pointwise_result(x, y):
    (ix, px), (iy, py) = x, y
    assert px + py in ix + iy
    assert px - py in ix - iy


@given(intervals_with_a_point(), intervals_with_a_point())
def test_product_and_quotient_contain_every_pointwise_result(x, y):
    (ix, px), (iy, py) = x, y
    with localcontext(CONTEXT):  # the point-wise results at the precision the library computes in
        product = px * py
        quotient = px / py if py else None
    assert product in ix * iy
    if (iy.low is not None and iy.low > 0) or (iy.high is not None and iy.high < 0):
        assert quotient in ix / iy  # a one-signed divisor, bounded or not


def test_sum_of_loose_figures_is_loose():
    total = Quantity.parse("more than 250 billion yuan") + Quantity.parse("about 100 billion yuan")
    assert total.low == D("340E9")
    assert total.high is None
    assert total.qualifier is Qualifier.MORE_THAN
    assert total.text is None


def test_difference_of_unbounded_figures_is_unbounded():
    diff = Quantity.parse("more than 250") - Quantity.parse("more than 200")
    assert diff.low is None
    assert diff.high is None


def test_growth_is_an_interval():
    growth = Quantity.parse("120").growth(Quantity.parse("about 100"))
    assert growth.unit == "percent"
    assert growth.qualifier is Qualifier.BETWEEN
    assert growth.low is not None
    assert growth.high is not None
    assert round(growth.low, 2) == D("9.09")
    assert round(growth.high, 2) == D("33.33")
    assert growth.value == 20


def test_exact_growth_is_exact():
    assert Quantity.parse("110").growth(Quantity.parse("100")) == Quantity(value=D(10), unit="percent")


def test_arithmetic_refuses_mixed_units():
    with pytest.raises(UnitMismatchError):
        Quantity.parse("5 billion yuan") + Quantity.parse("$5 billion")


def test_division_by_a_range_through_zero_is_refused():
    with pytest.raises(ZeroDivisionError):
        Quantity.parse("5") / Quantity.parse("between 0 and 3")


def test_tolerance_widens_and_narrows():
    near, about = Quantity.parse("nearly 30 percent"), Quantity.parse("about 28 percent")
    assert near.compare(about) is Ordering.UNDECIDED
    assert near.compare(about, tolerance=D("0.01")) is Ordering.GREATER
    assert Quantity.parse("518").with_tolerance(D("0.5")) == Quantity.parse("518")


# -- conversion -----------------------------------------------------------------


def test_explicit_rate_wins():
    q = Quantity.parse("exceeding 250 billion yuan ($35.47 billion)")
    usd = q.convert("USD", rate="0.14")
    assert usd.low == D("35.00E9")
    assert usd.conversion is not None
    assert usd.conversion.basis == "explicit"
    assert usd.qualifier is Qualifier.MORE_THAN


def test_stated_equivalent_comes_next():
    q = Quantity.parse("exceeding 250 billion yuan ($35.47 billion)")
    usd = q.convert("USD", period=2025)
    assert usd.value == D("35.47E9")
    assert usd.conversion is not None
    assert usd.conversion.basis == "stated"
    assert usd.text == "$35.47 billion"


def test_bundled_annual_average_converts_end_by_end():
    q = Quantity.parse("about 7.0809 billion yuan")
    usd = q.convert("USD", period=2023, rates=ftzinfo.dataset())
    assert usd.value == D("1E9")
    assert usd.low == D("0.9E9")
    assert usd.high == D("1.1E9")
    assert usd.conversion is not None
    assert usd.conversion.basis == "annual_average"
    assert usd.conversion.rate_ids == ("cny-per-usd-2023-fed",)
    back = usd.convert("CNY", period=2023, rates=ftzinfo.dataset())
    assert back.value == D("7.0809E9")


def test_conversion_without_a_rate_is_an_error():
    with pytest.raises(ConversionError, match="pass rate="):
        Quantity.parse("5 billion yuan").convert("USD")
    with pytest.raises(ConversionError, match="pass rates="):
        Quantity.parse("5 billion yuan").convert("USD", period=2023)
    with pytest.raises(ConversionError, match="no rate to convert CNY to USD in 1990"):
        Quantity.parse("5 billion yuan").convert("USD", period=1990, rates=ftzinfo.dataset())
    with pytest.raises(ConversionError, match="only money"):
        Quantity.parse("30 percent").convert("USD", rate=1)
    with pytest.raises(ConversionError, match="not an ISO 4217"):
        Quantity.parse("5 billion yuan").convert("XXX", rate=1)
    with pytest.raises(ConversionError, match="positive"):
        Quantity.parse("5 billion yuan").convert("USD", rate="-1")


def test_same_currency_is_unchanged():
    q = Quantity.parse("$5 billion")
    assert q.convert("USD") is q
