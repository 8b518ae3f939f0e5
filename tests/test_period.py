from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from ftzinfo import Period, PeriodKind, ValidationError
from strategies import periods

D = dt.date
REF = D(2026, 1, 8)

CASES = [
    ("2025", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("2025-Q3", D(2025, 7, 1), D(2025, 9, 30), "quarter"),
    ("Q3 2025", D(2025, 7, 1), D(2025, 9, 30), "quarter"),
    ("H1 2025", D(2025, 1, 1), D(2025, 6, 30), "half"),
    ("first half of 2025", D(2025, 1, 1), D(2025, 6, 30), "half"),
    ("second half of 2024", D(2024, 7, 1), D(2024, 12, 31), "half"),
    ("December 2025", D(2025, 12, 1), D(2025, 12, 31), "month"),
    ("2025-12", D(2025, 12, 1), D(2025, 12, 31), "month"),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29), "month"),
    ("as of 2025-12-15", D(2025, 12, 15), D(2025, 12, 15), "instant"),
    ("2025-12-15", D(2025, 12, 15), D(2025, 12, 15), "day"),
    ("Dec 21, 2023", D(2023, 12, 21), D(2023, 12, 21), "day"),
    ("15:37, December 15, 2025", D(2025, 12, 15), D(2025, 12, 15), "day"),
    ("2025-01/2025-10", D(2025, 1, 1), D(2025, 10, 31), "range"),
    ("2021/2025", D(2021, 1, 1), D(2025, 12, 31), "range"),
    ("2023年12月21日", D(2023, 12, 21), D(2023, 12, 21), "day"),
    ("this year", D(2026, 1, 1), D(2026, 12, 31), "year"),
    ("last year", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("yesterday", D(2026, 1, 7), D(2026, 1, 7), "day"),
    ("last month", D(2025, 12, 1), D(2025, 12, 31), "month"),
]


@pytest.mark.parametrize(("text", "start", "end", "kind"), CASES)
def test_parse(text, start, end, kind):
    p = Period.parse(text, reference=REF)
    assert (p.start, p.end, p.kind.value) == (start, end, kind)


def test_this_year_follows_the_reference():
    assert Period.parse("this year", reference=D(2025, 12, 15)) == Period.year(2025)


def test_reference_may_be_a_datetime():
    moment = dt.datetime(2025, 12, 15, 15, 37, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert Period.parse("this year", reference=moment) == Period.year(2025)


@pytest.mark.parametrize(
    "text", ["", "soon", "2025-02-30", "December", "0000", "99999", "Dec 2023 foo", "2025-Q5", "x" * 200, "this year"]
)
def test_parse_rejects(text):
    with pytest.raises(ValidationError, match="cannot read a period"):
        Period.parse(text)


def test_end_before_start_is_rejected():
    with pytest.raises(ValidationError, match="before start"):
        Period(start=D(2025, 2, 1), end=D(2025, 1, 1))


def test_instant_is_one_day():
    with pytest.raises(ValidationError, match="same date"):
        Period(start=D(2025, 1, 1), end=D(2025, 1, 2), kind=PeriodKind.INSTANT)


@given(periods())
def test_str_round_trips(p):
    assert Period.parse(str(p)) == p


def test_contains_and_overlaps():
    year = Period.year(2025)
    assert Period.quarter(2025, 3) in year
    assert D(2025, 5, 1) in year
    assert D(2026, 1, 1) not in year
    assert year.overlaps(Period.between(D(2024, 12, 1), D(2025, 1, 31)))
    assert not year.overlaps(Period.year(2026))
