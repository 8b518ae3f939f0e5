"""Hypothesis strategies for ftzinfo's model classes, kept in one place."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from ftzinfo import Period, Qualifier, Quantity
from ftzinfo._records.units import CURRENCIES, PLAIN_UNITS

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
    if with_equivalent and unit in {"CNY", "USD", "HKD"} and draw(st.booleans()):  # the same amount in money
        other = draw(st.sampled_from(["CNY", "USD", "HKD"]).filter(lambda u: u != unit))
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


# -- records ---------------------------------------------------------------------------

from ftzinfo import (  # noqa: E402 - the record strategies build on the figures above
    Evidence,
    Indicator,
    Initiative,
    InitiativeKind,
    Measure,
    Metric,
    Milestone,
    MilestoneKind,
    Rate,
    Source,
    SourceKind,
    Status,
    UnitKind,
    Zone,
    ZoneKind,
)

ids = st.from_regex(r"\A[a-z0-9]{1,8}(?:[-_.][a-z0-9]{1,8}){0,3}\Z")
# Printable text without control characters, not blank; CJK included.
texts = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs"),
        blacklist_characters="\x7f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip())


@st.composite
def evidence(draw: st.DrawFn) -> Evidence:
    return Evidence(source_id=draw(ids), quote=draw(texts))


@st.composite
def milestones(draw: st.DrawFn) -> Milestone:
    return Milestone(
        event=draw(st.sampled_from(list(MilestoneKind))), date=draw(periods()), note=draw(st.none() | texts)
    )


@st.composite
def sources(draw: st.DrawFn) -> Source:
    published = draw(
        st.none()
        | dates
        | st.datetimes(
            min_value=dt.datetime(1990, 1, 1),  # noqa: DTZ001 - the bounds are naive by hypothesis' rule
            max_value=dt.datetime(2030, 1, 1),  # noqa: DTZ001 - the bounds are naive by hypothesis' rule
            timezones=st.just(dt.timezone.utc),
        )
    )
    return Source(
        id=draw(ids),
        title=draw(st.none() | texts),
        publisher=draw(texts),
        author=draw(st.none() | texts),
        url="https://example.org/" + draw(ids),
        published=published,
        language=draw(st.sampled_from(["en", "zh", "zh-Hant"])),
        original_id=draw(st.none() | ids),
        kind=draw(st.none() | st.sampled_from(list(SourceKind))),
        accessed=draw(st.none() | dates),
    )


@st.composite
def zones(draw: st.DrawFn) -> Zone:
    area = draw(st.none() | quantities(with_equivalent=False).filter(lambda q: q.low is None or q.low >= 0))
    if area is not None:
        area = Quantity(value=area.value, qualifier=area.qualifier, low=area.low, high=area.high, unit="km2")
    zone_id = draw(ids)
    return Zone(
        id=zone_id,
        name=draw(texts),
        name_zh=draw(st.none() | texts),
        aliases=tuple(draw(st.lists(texts, max_size=3))),
        kind=draw(st.sampled_from(list(ZoneKind))),
        country=draw(st.sampled_from(["CN", "AE", "SG"])),
        subdivision=draw(st.none() | st.sampled_from(["CN-SH", "CN-GD", "AE-DU"])),
        city=draw(st.none() | texts),
        parent_id=draw(st.none() | ids.filter(lambda i: i != zone_id)),
        overlaps=tuple(draw(st.lists(ids, max_size=2))),
        established=draw(st.none() | milestones()),
        milestones=tuple(draw(st.lists(milestones(), max_size=2))),
        area_km2=area,
        status=draw(st.sampled_from(list(Status))),
        sectors=tuple(draw(st.lists(texts, max_size=3))),
        summary=draw(st.none() | texts),
        evidence=tuple(draw(st.lists(evidence(), max_size=3))),
    )


@st.composite
def initiatives(draw: st.DrawFn) -> Initiative:
    return Initiative(
        id=draw(ids),
        title=draw(texts),
        title_zh=draw(st.none() | texts),
        kind=draw(st.sampled_from(list(InitiativeKind))),
        status=draw(st.sampled_from(list(Status))),
        zone_ids=tuple(draw(st.lists(ids, max_size=3))),
        announced=draw(st.none() | milestones()),
        issuer=draw(st.none() | texts),
        period=draw(st.none() | periods()),
        sectors=tuple(draw(st.lists(texts, max_size=3))),
        parent_id=draw(st.none() | ids),
        count=draw(st.none() | quantities(with_equivalent=False)),
        summary=draw(st.none() | texts),
        evidence=tuple(draw(st.lists(evidence(), max_size=3))),
    )


@st.composite
def indicators(draw: st.DrawFn) -> Indicator:
    return Indicator(
        id=draw(ids),
        name=draw(texts),
        unit_kind=draw(st.sampled_from(list(UnitKind))),
        measure=draw(st.sampled_from(list(Measure))),
        description=draw(st.none() | texts),
    )


@st.composite
def metrics(draw: st.DrawFn) -> Metric:
    return Metric(
        id=draw(ids),
        zone_id=draw(ids),
        indicator=draw(ids),
        value=draw(quantities().filter(lambda q: q.unit != "km2" or q.low is None or q.low >= 0)),
        period=draw(st.none() | periods()),
        note=draw(st.none() | texts),
        evidence=tuple(draw(st.lists(evidence(), max_size=3))),
    )


@st.composite
def rates(draw: st.DrawFn) -> Rate:
    return Rate(
        id=draw(ids),
        currency=draw(st.sampled_from(["CNY", "HKD", "EUR"])),
        per=draw(st.sampled_from(["USD", "GBP"])),
        period=draw(periods()),
        series=draw(ids),
        value=draw(decimals.filter(lambda d: d > 0)),
        text=draw(st.none() | texts),
        evidence=tuple(draw(st.lists(evidence(), max_size=2))),
    )


#: A strategy for every record class.
RECORDS = {
    Zone: zones(),
    Initiative: initiatives(),
    Indicator: indicators(),
    Metric: metrics(),
    Rate: rates(),
    Source: sources(),
    Evidence: evidence(),
    Milestone: milestones(),
    Quantity: quantities(),
    Period: periods(),
}


@st.composite
def plain_quantities(draw: st.DrawFn) -> Quantity:
    """Figures a plain English wording states: not negative, ranges closed, equivalents in money.

    Every unit the library knows appears, so that ``describe()`` and ``parse()`` are tried
    both ways for each.
    """
    unit = draw(ALL_UNITS)
    qualifier = draw(st.sampled_from(list(Qualifier)))
    value = abs(draw(decimals))
    if qualifier is Qualifier.BETWEEN:
        high = value + abs(draw(decimals))
        return Quantity(value=None, qualifier=qualifier, low=value, high=high, unit=unit)
    equivalent = None
    if unit in CURRENCIES and draw(st.booleans()):  # the same amount in another currency
        other = draw(st.sampled_from(sorted(CURRENCIES - {unit})))
        equivalent = Quantity(value=abs(draw(decimals)), qualifier=qualifier, unit=other)
    return Quantity(value=value, qualifier=qualifier, unit=unit, equivalent=equivalent)


ALL_UNITS = st.sampled_from(sorted(PLAIN_UNITS | CURRENCIES))


def json_paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside plain JSON data (keys and list positions), for mutating it."""
    out = [prefix] if prefix else []
    if isinstance(data, dict):
        for k, v in data.items():
            out += json_paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += json_paths(v, (*prefix, i))
    return out
