"""Comparable by construction: rankings, tables, series, conversions and as-of views."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, localcontext

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ftzinfo
from ftzinfo import (
    ConversionError,
    Dataset,
    Evidence,
    IncomparableError,
    Indicator,
    Metric,
    Milestone,
    Period,
    Quantity,
    Rate,
    Source,
    Zone,
)
from ftzinfo._analysis.comparable import comparable, period_shape
from ftzinfo._analysis.rank import tiers
from ftzinfo._cli import main
from ftzinfo._records.exact import CONTEXT
from strategies import dates, periods

SRC = Source(id="s", publisher="P", url="https://example.org/s", published=dt.date(2024, 1, 1))
FLOW = Indicator(id="flow", name="Flow", unit_kind="currency", measure="flow")
STOCK = Indicator(id="stock", name="Stock", unit_kind="count", measure="stock")


def _slug(p: Period) -> str:
    return str(p).replace(" ", "-").replace("/", "-").lower()


def metric(zone: str, text: str, period: str | Period, indicator: str = "flow", source: str = "s") -> Metric:
    p = period if isinstance(period, Period) else Period.parse(period)
    return Metric(
        id=f"m-{zone}-{indicator}-{_slug(p)}",
        zone_id=zone,
        indicator=indicator,
        value=Quantity.parse(text),
        period=p,
        evidence=(Evidence(source_id=source, quote=text),),
    )


def zone(zone_id: str, **kw: object) -> Zone:
    fields: dict[str, object] = {"kind": "pilot_ftz", "country": "CN"}
    fields.update(kw)
    return Zone(id=zone_id, name=zone_id.upper(), evidence=(Evidence(source_id="s", quote="x"),), **fields)  # type: ignore[arg-type]


# -- the rule -----------------------------------------------------------------------------


@given(periods(), periods())
def test_flows_compare_only_over_periods_of_one_shape(a: Period, b: Period) -> None:
    ma, mb = metric("a", "5 billion yuan", a), metric("b", "6 billion yuan", b)
    verdict = comparable(ma, mb, FLOW)
    assert bool(verdict) == (period_shape(a) == period_shape(b))
    assert verdict.reason


@given(periods(), periods())
def test_stocks_compare_as_levels(a: Period, b: Period) -> None:
    assert comparable(metric("a", "5", a, "stock"), metric("b", "6", b, "stock"), STOCK)


@pytest.mark.parametrize(
    ("a", "b", "like"),
    [
        ("2023", "2022", True),
        ("2023", "2023-H1", False),
        ("2023-H1", "2022-H2", True),
        ("2023-Q1", "2024-Q3", True),
        ("2023-01/2023-08", "2022-01/2022-08", True),
        ("2023-01/2023-08", "2023", False),
        ("2023-01/2023-08", "2023-01/2023-09", False),
        ("2013-09/2023-12", "2013-09/2023-12", True),
        ("2013-09/2023-12", "2014-09/2024-12", False),
        ("2023-01/2023-12", "2023", True),  # a range that is a calendar year is one
    ],
)
def test_period_shapes(a: str, b: str, like: bool) -> None:  # noqa: FBT001 - a parameter of the table above
    assert bool(comparable(metric("a", "1 yuan", a), metric("b", "2 yuan", b), FLOW)) is like


def test_units_and_indicators_must_fit() -> None:
    a = metric("a", "5 percent", "2023")
    assert not comparable(a, metric("b", "5 billion yuan", "2023"), FLOW)
    assert comparable(metric("a", "5 billion yuan", "2023"), metric("b", "$1 billion", "2023"), FLOW)
    assert not comparable(metric("a", "5", "2023", "stock"), metric("b", "5", "2023"), STOCK)


# -- rankings -----------------------------------------------------------------------------

bounds = st.decimals(min_value=-1000, max_value=1000, places=1, allow_nan=False)


@st.composite
def figures(draw: st.DrawFn) -> Quantity:
    low, high = sorted((draw(bounds), draw(bounds)))
    shape = draw(st.sampled_from(["exact", "range", "open_low", "open_high", "half_open"]))
    if shape == "exact":
        return Quantity(value=low, unit="count")
    if shape == "open_low":
        return Quantity(value=high, qualifier="less_than", unit="count")
    if shape == "open_high":
        return Quantity(value=low, qualifier="more_than", unit="count")
    if shape == "half_open" and low != high:
        return Quantity(value=None, qualifier="between", low=low, high=high, low_closed=False, unit="count")
    return Quantity(value=None, qualifier="between", low=low, high=high, unit="count")


@given(st.lists(figures(), min_size=0, max_size=12))
def test_tiers_claim_only_certain_orders(values: list[Quantity]) -> None:
    entries = [(zone(f"z{i}"), metric(f"z{i}", "1", "2023", "stock"), q) for i, q in enumerate(values)]
    shown = {e[0].id: e[2] for e in entries}
    result = tiers(entries)
    assert sorted(z.id for tier in result for z, _ in tier) == sorted(shown)
    for i, upper in enumerate(result):
        for lower in result[i + 1 :]:  # every pair across tiers is certainly ordered
            for za, _ in upper:
                for zb, _ in lower:
                    assert shown[za.id].certainly_greater(shown[zb.id])
        # within a tier, figures are linked by undecided pairs: the tier cannot be split
        members = [shown[z.id] for z, _ in upper]
        reached, frontier = {0}, [0]
        while frontier:
            k = frontier.pop()
            for j, other in enumerate(members):
                if j not in reached and not (
                    members[k].certainly_greater(other) or other.certainly_greater(members[k])
                ):
                    reached.add(j)
                    frontier.append(j)
        assert len(reached) == len(members)


def _network() -> Dataset:
    zones = [
        zone("net", kind="network"),
        zone("gd"),
        zone("gd-a", kind="ftz_area", parent_id="gd"),
        zone("sd"),
        zone("hn"),
        zone("hb"),
    ]
    metrics = [
        metric("net", "500 billion yuan", "2023-Q1"),
        metric("gd", "580 billion yuan", "2023"),
        metric("gd-a", "200 billion yuan", "2023"),
        metric("sd", "300 billion yuan", "2023-01/2023-08"),
        metric("hn", "100 billion yuan", "2023-H1"),
        metric("hn", "90 billion yuan", "2022"),
    ]
    return Dataset(zones=zones, indicators=[FLOW], metrics=metrics, sources=[SRC])


def test_rank_holds_only_the_period_asked_and_names_what_it_left_out() -> None:
    r = ftzinfo.rank("flow", period="2023", kind="pilot_ftz", dataset=_network())
    assert [[z.id for z, _ in t] for t in r] == [["gd"]]
    assert {m.zone.id for m in r.missing} == {"sd", "hn", "hb"}
    reasons = {e.metric.id: e.reason for e in r.excluded}
    assert "Jan-Aug" in reasons["m-sd-flow-2023-01-2023-08"]
    assert "half-year" in reasons["m-hn-flow-2023-h1"]
    data = r.to_json_data()
    assert data["pool"] == 4
    assert {m["zone"] for m in data["missing"]} == {"sd", "hn", "hb"}
    assert "have no comparable figure" in str(r)


def test_an_aggregate_is_not_ranked_among_its_members() -> None:
    r = ftzinfo.rank("flow", period="2023", dataset=_network())
    ranked = {z.id for t in r for z, _ in t}
    assert ranked == {"gd"}
    left = {e.zone.id: e.reason for e in r.excluded}
    assert "part of GD" in left["gd-a"]
    both = ftzinfo.rank("flow", zones=["gd", "gd-a"], period="2023", dataset=_network())  # passed by the caller: peers
    assert [[z.id for z, _ in t] for t in both] == [["gd"], ["gd-a"]]


def test_bundled_rank_of_2023_trade_holds_only_whole_years() -> None:
    r = ftzinfo.rank("trade_value", period=2023, kind="pilot_ftz")
    assert all(str(m.period) == "2023" for t in r for _, m in t)
    assert len(r.pool) == 22
    assert sum(len(t) for t in r) + len(r.missing) == 22
    usd = ftzinfo.rank("fdi_utilized", currency="usd")
    shapes = {period_shape(m.period) for t in usd for _, m in t if m.period is not None}
    assert len(shapes) <= 1


def test_cli_rank_prints_only_whole_years_and_names_the_missing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rank", "trade_value", "--period", "2023", "--kind", "pilot_ftz"]) == 0
    out = capsys.readouterr().out
    ranked = out.split("No comparable figure")[0]
    assert "(2023-01/2023-08)" not in ranked
    assert "have no comparable figure" in out
    assert main(["rank", "trade_value", "--period", "2023", "--kind", "pilot_ftz", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {row["period"] for row in data["ranked"]} <= {"2023"}
    assert data["missing"]


# -- tables and series ----------------------------------------------------------------------


def test_comparison_cells_hold_exactly_the_period_or_stay_empty() -> None:
    table = ftzinfo.compare("qianhai", "lingang", period="2022", indicators=["fdi_utilized"])
    assert table.cell("fdi_utilized", "qianhai") is None  # only a first half is stated
    cell = table.cell("fdi_utilized", "lingang")
    assert cell is not None
    assert str(cell.period) == "2022"


def test_comparison_marks_cells_that_are_not_like_their_row() -> None:
    ds = _network()
    table = ftzinfo.compare("gd", "sd", indicators=["flow"], dataset=ds)
    assert table.unlike[0][0] is not None
    assert table.unlike[0][1] is not None
    assert "≠" in str(table)
    same = ftzinfo.compare("gd", "gd-a", indicators=["flow"], dataset=ds)
    assert same.unlike == ((None, None),)


def test_growth_across_period_kinds_raises() -> None:
    with pytest.raises(IncomparableError, match="half-year"):
        ftzinfo.series("qianhai", "fdi_utilized").growth("2020", "2022-H1")


@given(periods(), periods())
def test_growth_raises_exactly_when_the_periods_differ_in_shape(a: Period, b: Period) -> None:
    ms = [metric("z", "5 billion yuan", a), metric("z", "6 billion yuan", b, source="s")]
    if (a.start, a.end) == (b.start, b.end):
        return
    ms[1] = attrs.evolve(ms[1], id="other")
    ds = Dataset(zones=[zone("z")], indicators=[FLOW], metrics=ms, sources=[SRC])
    s = ftzinfo.series("z", "flow", dataset=ds)
    if period_shape(a) == period_shape(b):
        assert s.growth(a, b).unit == "percent"
    else:
        with pytest.raises(IncomparableError):
            s.growth(a, b)


def test_series_keeps_period_kinds_apart_and_says_where_figures_are() -> None:
    groups = ftzinfo.series("qianhai", "fdi_utilized").groups()
    assert set(groups) == {"year", "half", "Jan-Sep"}
    empty = ftzinfo.series("qianhai", "foreign_share_of_financial_institutions")
    assert len(empty) == 0
    assert [w.zone.id for w in empty.elsewhere] == ["cn-qianhai-financial-city"]
    assert "International Financial City" in str(empty)


# -- conversions -------------------------------------------------------------------------------


def _own(rate: str = "0.9") -> Dataset:
    rates = [
        Rate(
            id="eur-per-usd-2023",
            currency="EUR",
            per="USD",
            period=Period.year(2023),
            series="mine",
            value=Decimal(rate),
            evidence=(Evidence(source_id="s", quote="rate"),),
        )
    ]
    metrics = [metric("gd", "100 million euros", "2023"), metric("sd", "$50 million", "2023")]
    return Dataset(zones=[zone("gd"), zone("sd")], indicators=[FLOW], metrics=metrics, rates=rates, sources=[SRC])


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal(100), places=3))
def test_a_dataset_converts_with_its_own_rates(rate: Decimal) -> None:
    ds = _own(str(rate))
    q = ftzinfo.compare("gd", "sd", currency="USD", dataset=ds).value("flow", "gd")
    assert q is not None
    assert q.unit == "USD"
    with localcontext(CONTEXT):
        assert q.value == Decimal("100E6") / rate
    assert q.conversion is not None
    assert q.conversion.rate_ids == ("eur-per-usd-2023",)


def test_a_standalone_dataset_never_reaches_for_bundled_rates() -> None:
    ds = _own()
    table = ftzinfo.compare("gd", "sd", currency="CNY", dataset=ds)  # no CNY rate in this dataset
    assert table.unconverted[0][0] is not None
    assert "CNY" in table.unconverted[0][0]
    r = ftzinfo.rank("flow", currency="CNY", dataset=ds)
    assert {e.metric.id for e in r.excluded} == {"m-gd-flow-2023", "m-sd-flow-2023"}


def test_currency_codes_are_read_in_any_case_and_unknown_ones_refused() -> None:
    assert ftzinfo.compare("qianhai", "lingang", currency="usd").currency == "USD"
    with pytest.raises(ConversionError, match="not an ISO 4217"):
        ftzinfo.compare("qianhai", "lingang", currency="XXX")
    with pytest.raises(ConversionError, match="not an ISO 4217"):
        ftzinfo.rank("fdi_utilized", currency="dollars")


def test_a_span_of_years_converts_with_the_range_of_its_rates() -> None:
    ds = ftzinfo.dataset()
    q = Quantity.parse("70 billion yuan").convert("USD", period=Period.parse("2019/2021"), rates=ds)
    rates = [ds.rate("CNY", "USD", y).value for y in (2019, 2020, 2021)]
    with localcontext(CONTEXT):
        assert q.low == Decimal("70E9") / max(rates)
        assert q.high == Decimal("70E9") / min(rates)
    assert q.conversion is not None
    assert q.conversion.rate is None


def test_compare_as_of_converts_with_the_view_s_rates() -> None:
    table = ftzinfo.compare("qianhai", "lingang", currency="USD", as_of=dt.date(2025, 12, 31))
    assert table.currency == "USD"


# -- as-of views -----------------------------------------------------------------------------------


@st.composite
def timed_datasets(draw: st.DrawFn) -> Dataset:
    n = draw(st.integers(1, 4))
    sources = [
        Source(
            id=f"s{i}",
            publisher="P",
            url=f"https://example.org/{i}",
            published=draw(st.none() | dates),
            accessed=draw(dates),
        )
        for i in range(n)
    ]
    zones, metrics = [], []
    for i in range(draw(st.integers(1, 4))):
        ev = (Evidence(source_id=f"s{draw(st.integers(0, n - 1))}", quote="q"),)
        stones = tuple(Milestone(event="launch", date=draw(periods())) for _ in range(draw(st.integers(0, 2))))
        zones.append(Zone(id=f"z{i}", name=f"Z{i}", kind="other", country="CN", milestones=stones, evidence=ev))
        for j in range(draw(st.integers(0, 3))):
            source = f"s{draw(st.integers(0, n - 1))}"
            metrics.append(
                Metric(
                    id=f"m{i}-{j}",
                    zone_id=f"z{i}",
                    indicator="stock",
                    value=Quantity(value=Decimal(j), unit="count"),
                    period=draw(periods()),
                    evidence=(Evidence(source_id=source, quote="q"),),
                )
            )
    return Dataset(zones=zones, indicators=[STOCK], metrics=metrics, sources=sources)


@given(timed_datasets(), dates)
def test_an_as_of_view_holds_nothing_dated_after_it(ds: Dataset, day: dt.date) -> None:
    view = ds.as_of(day)
    for s in view.sources():
        assert s.known_since is not None
        assert s.known_since <= day
    for z in view.zones():
        assert all(m.date.start <= day for m in z.milestones)
    for m in view.metrics():
        assert m.period is None or m.period.start <= day
        assert any(view.source(ev.source_id).known_since <= day for ev in m.evidence)  # type: ignore[operator]


@given(timed_datasets())
def test_a_view_at_the_newest_date_is_the_whole(ds: Dataset) -> None:
    from ftzinfo._store.asof import newest  # noqa: PLC0415

    last = newest(ds)
    assert last is not None
    assert ds.as_of(last) == ds
    assert ds.as_of(last + dt.timedelta(days=400)) == ds


def test_bundled_views_know_no_future() -> None:
    then = ftzinfo.dataset(as_of=dt.date(2016, 10, 14))
    shanghai = then.zone("cn-shanghai-ftz")
    assert shanghai.area_km2 is not None
    assert shanghai.area_km2.value != Decimal(240)
    assert all(m.date.start <= dt.date(2016, 10, 14) for m in shanghai.milestones)
    assert ftzinfo.dataset(as_of=dt.datetime.now(tz=dt.timezone.utc).date()) == ftzinfo.dataset()


def test_plots_never_set_unlike_periods_side_by_side() -> None:
    pytest.importorskip("matplotlib", reason="the plot extra is not installed")
    ds = _network()
    unlike = ftzinfo.compare("gd", "sd", "hn", indicators=["flow"], dataset=ds).plot()
    assert len(unlike.axes) == 3  # a year, January to August, a half: three panels
    alike = ftzinfo.compare("gd", "gd-a", indicators=["flow"], dataset=ds).plot()
    assert len(alike.axes) == 1
    series = ftzinfo.series("qianhai", "fdi_utilized").plot()
    assert len(series.axes[0].get_lines()) >= 3
