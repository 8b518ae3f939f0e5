"""Comparisons, rankings, series, point-in-time views and roll-ups on loose figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import ftzinfo
from cli_runner import run
from ftzinfo import (
    Dataset,
    Evidence,
    Indicator,
    Metric,
    Ordering,
    Period,
    Quantity,
    Source,
    UnitMismatchError,
    Zone,
)


def _toy() -> Dataset:
    """Four zones whose figures are partly ordered: a > {b, c undecided} > d."""
    src = Source(id="s", publisher="P", url="https://example.org/a", published=dt.date(2024, 1, 1))
    late = Source(id="late", publisher="P", url="https://example.org/b", published=dt.date(2025, 6, 1))
    zones = [Zone(id=z, name=z.upper(), kind="other", country="CN", aliases=(z.upper(),)) for z in "abcd"]
    figures = {"a": "more than 500", "b": "nearly 300", "c": "about 280", "d": "100"}

    def metric(zone: str, text: str, source: str = "s", period: str = "2023") -> Metric:
        return Metric(
            id=f"m-{zone}-{period}",
            zone_id=zone,
            indicator="count",
            value=Quantity.parse(text),
            period=Period.parse(period),
            evidence=(Evidence(source_id=source, quote=text),),
        )

    metrics = [metric(z, t) for z, t in figures.items()]
    metrics.append(metric("d", "900", source="late", period="2024"))
    return Dataset(
        zones=[attach(z, src) for z in zones],
        indicators=[Indicator(id="count", name="Count", unit_kind="count", measure="stock")],
        metrics=metrics,
        sources=[src, late],
    )


def attach(zone: Zone, source: Source) -> Zone:
    import attrs  # noqa: PLC0415

    return attrs.evolve(zone, evidence=(Evidence(source_id=source.id, quote=zone.name),))


def test_rank_groups_undecided_figures_in_one_tier():
    ds = _toy()
    tiers = ftzinfo.rank("count", period=2023, dataset=ds)
    assert [[z.id for z, _ in tier] for tier in tiers] == [["a"], ["b", "c"], ["d"]]
    assert "2. B ≈ 300 (2023), C ≈ 280 (2023)" in str(tiers)


def test_rank_uses_the_latest_figure_by_default():
    tiers = ftzinfo.rank("count", dataset=_toy())
    # "more than 500" against 900: the sources do not decide, so both lead
    assert [[z.id for z, _ in tier] for tier in tiers] == [["a", "d"], ["b", "c"]]


def test_rank_refuses_mixed_units():
    with pytest.raises(UnitMismatchError, match="currency="):
        ftzinfo.rank("fdi_utilized", zones=["cn-pilot-ftz-network", "lingang"], period=2022)


def test_as_of_excludes_later_records():
    ds = _toy()
    earlier = ds.as_of(dt.date(2024, 12, 31))
    assert {m.id for m in earlier.metrics()} == {"m-a-2023", "m-b-2023", "m-c-2023", "m-d-2023"}
    assert [s.id for s in earlier.sources()] == ["s"]
    assert len(ds.as_of(dt.date(2023, 6, 1)).zones()) == 0
    assert ds.as_of(dt.date(2030, 1, 1)) == ds


def test_bundled_as_of_keeps_only_what_was_published():
    cutoff = dt.date(2024, 12, 31)
    view = ftzinfo.dataset(as_of=cutoff)
    assert 0 < len(view.metrics()) < len(ftzinfo.metrics())
    for m in view.metrics():
        dated = [view.source(ev.source_id).published_date for ev in m.evidence]
        assert any(d is not None and d <= cutoff for d in dated) or (m.period is not None and m.period.end <= cutoff)
    assert "cn-qianhai-financial-city-institutions-2025-12-15" not in {m.id for m in view.metrics()}
    strict = ftzinfo.dataset().as_of(cutoff, strict=True)
    assert len(strict.metrics()) <= len(view.metrics())


def test_compare_as_of_and_period():
    table = ftzinfo.compare("qianhai", "lingang", as_of=dt.date(2024, 12, 31))
    assert table.as_of == dt.date(2024, 12, 31)
    assert "new_licensed_financial_institutions" not in {i.id for i in table.indicators}
    by_period = ftzinfo.compare("a", "d", period="2024", dataset=_toy())
    assert by_period.cell("count", "a") is None
    assert str(by_period.value("count", "d")) == "900"


def test_compare_converts_and_says_how():
    table = ftzinfo.compare("qianhai", "lingang", currency="USD", indicators=["gdp"], period="2022-H1")
    q = table.value("gdp", "qianhai")
    assert q is not None
    assert q.unit == "USD"
    assert q.conversion is not None
    assert q.conversion.rate_ids == ("cny-per-usd-2022-fed",)
    text = str(table)
    assert "Conversions:" in text
    assert "6.729 CNY per USD" in text
    assert "Federal Reserve" in text  # the rate's source is cited
    stated = ftzinfo.compare("cn-qianhai-financial-city-leasing-cluster", "qianhai", currency="USD")
    assert str(stated.value("leasing_assets", "cn-qianhai-financial-city-leasing-cluster")) == "> 35.47 bn USD"


def test_cells_keep_their_qualifiers():
    text = str(ftzinfo.compare("cn-qianhai-financial-city", "cn-qianhai-financial-city-leasing-cluster"))
    assert "≈ 30 %" in text
    assert "> 250 bn CNY" in text


def test_series_and_growth():
    ds = _toy()
    s = ftzinfo.series("d", "count", dataset=ds)
    assert [str(m.period) for m in s] == ["2023", "2024"]
    growth = s.growth(2023, 2024)
    assert growth.value == 800
    assert growth.unit == "percent"
    with pytest.raises(ftzinfo.UnknownRecordError):
        s.at(2019)
    loose = ftzinfo.Quantity.parse("about 110").growth(ftzinfo.Quantity.parse("more than 100"))
    # about 110 is [99, 121], more than 100 is (100, +inf): the growth lies in (-100 %, 21 %)
    assert (loose.low, loose.high) == (Decimal(-100), Decimal(21))
    assert not loose.low_closed
    assert not loose.high_closed


def test_area_rollup():
    rollup = ftzinfo.area_rollup("cn-tianjin-ftz", dataset=ftzinfo.dataset())
    assert rollup.own is not None
    assert rollup.total is not None
    assert rollup.ordering in {Ordering.LESS, Ordering.EQUAL, Ordering.UNDECIDED}
    assert rollup.consistent is True
    assert {z.id for z in rollup.counted} <= {z.id for z in ftzinfo.children("cn-tianjin-ftz")}


def test_comparison_frame():
    pytest.importorskip("pandas", reason="the pandas extra is not installed")
    df = ftzinfo.compare("cn-qianhai-financial-city", "qianhai").to_frame()
    row = df[df["metric"] == "cn-qianhai-financial-city-foreign-share-2025-12-15"].iloc[0]
    assert row["qualifier"] == "nearly"
    assert row["high"] == 30.0


def test_plots_render_to_png(tmp_path):
    pytest.importorskip("matplotlib", reason="the plot extra is not installed")
    fig = ftzinfo.compare("qianhai", "lingang", indicators=["fdi_utilized"], currency="USD").plot()
    fig.savefig(tmp_path / "compare.png")
    series = ftzinfo.series("cn-shanghai-ftz", "area_km2").plot()
    series.savefig(tmp_path / "series.png")
    for name in ("compare.png", "series.png"):
        assert (tmp_path / name).read_bytes().startswith(b"\x89PNG")


def test_cli_compare_with_currency_says_which_rate():
    out = run("compare", "qianhai", "lingang", "--currency", "USD", "--as-of", "2026-11-30")
    assert out.returncode == 0, out.stderr
    assert "USD" in out.stdout
    assert "CNY per USD" in out.stdout


def test_cli_rank_and_series():
    out = run("rank", "area_km2", "--kind", "pilot_ftz")
    assert out.returncode == 0, out.stderr
    assert "Highest first" in out.stdout
    assert "1. China (Xinjiang) Pilot Free Trade Zone" in out.stdout
    mixed = run("rank", "fdi_utilized", "--period", "2022", "--zone", "cn-pilot-ftz-network", "--zone", "lingang")
    assert mixed.returncode == 1
    assert "currency=" in mixed.stderr
    series = run("series", "cn-shanghai-ftz", "area_km2")
    assert "28.78 km²" in series.stdout
