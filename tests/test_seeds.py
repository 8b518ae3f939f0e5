"""The founding documents: every fact they state is in the data, quoted verbatim."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import SEEDS

COPY = "src-digitalphablet-lingang-offshore-finance-zone"
ORIGINAL = "src-yicai-lingang-offshore-finance-zone"
CHINA_DAILY = "src-chinadailyhk-qianhai-finance-magnet"

FIGURES = [
    # zone, indicator, text as written
    ("qianhai", "new_licensed_financial_institutions", "seven key licensed financial institutions"),
    ("qianhai", "new_insurance_asset_management_fund_projects", "four insurance asset management fund projects"),
    ("cn-qianhai-financial-city", "financial_institutions", "518 financial institutions"),
    ("cn-qianhai-financial-city", "foreign_share_of_financial_institutions", "nearly 30 percent"),
    ("cn-qianhai-financial-city-leasing-cluster", "leasing_assets", "exceeding 250 billion yuan ($35.47 billion)"),
    ("qianhai", "foreign_investment", "exceeds $40b"),
    ("qianhai", "financial_value_added_growth", "a double-digit rate"),
]


@pytest.mark.parametrize(("zone", "indicator", "text"), FIGURES)
def test_every_seed_figure_is_a_metric(ds, zone, indicator, text):
    found = [m for m in ds.metrics(zone, indicator=indicator) if m.value.text == text]
    assert found, (zone, indicator, text)
    assert any(ev.source_id == CHINA_DAILY and text in ev.quote for ev in found[0].evidence)


def test_loose_figures_are_intervals(ds):
    (share,) = ds.metrics("cn-qianhai-financial-city", indicator="foreign_share_of_financial_institutions")
    assert share.value.high == 30
    assert share.value.high_closed is False
    (assets,) = ds.metrics("cn-qianhai-financial-city-leasing-cluster", indicator="leasing_assets")
    assert assets.value.low == 250 * 10**9
    assert assets.value.high is None
    assert assets.value.equivalent is not None
    assert assets.value.equivalent.unit == "USD"


@pytest.mark.parametrize(
    ("initiative", "count_text"),
    [
        ("cn-shanghai-lingang-work-plan-2026", "10 key institutional innovation tasks"),
        ("cn-shanghai-lingang-offshore-finance-zone-2026", "five key business areas"),
        ("cn-qianhai-financial-30-measures-2023", "30 measures"),
    ],
)
def test_counted_initiatives(ds, initiative, count_text):
    record = ds.initiative(initiative)
    assert record.count is not None
    assert record.count.text == count_text


def test_dates_resolve_against_publication(ds):
    conference = ds.initiative("cn-shanghai-lingang-conference-2026")
    assert conference.announced is not None
    assert conference.announced.date.start == dt.date(2026, 1, 7)
    planning = ds.initiative("cn-qianhai-overall-planning-2023")
    assert planning.announced is not None
    assert planning.announced.date.start == dt.date(2023, 12, 21)
    action = ds.initiative("cn-shenzhen-qianhai-finance-action-plan-2025")
    assert action.announced is not None
    assert str(action.announced.date) == "2025-02"  # only the month is known
    assert ds.initiative("cn-qianhai-financial-30-measures-2023").status.value == "partly_implemented"


def test_offshore_zone_has_its_five_sectors_and_model(ds):
    zone = ds.zone("cn-shanghai-lingang-offshore-finance-zone")
    assert zone.parent_id == "cn-shanghai-lingang"
    assert len(zone.sectors) == 5
    assert zone.status.value == "planned"
    assert any("domestic but offshore" in ev.quote for ev in zone.evidence)
    assert (
        ds.initiative("cn-shanghai-lingang-offshore-finance-zone-2026").parent_id
        == "cn-shanghai-lingang-work-plan-2026"
    )


LINGANG_SEED_INITIATIVES = [
    "cn-shanghai-lingang-conference-2026",
    "cn-shanghai-lingang-work-plan-2026",
    "cn-shanghai-lingang-offshore-finance-zone-2026",
    "cn-shanghai-lingang-cross-border-offshore-opening-plans",
    "cn-shanghai-lingang-special-enhancement-plan",
    "cn-shanghai-ftz-institutional-opening-plan-2",
]


def test_lingang_records_cite_the_copy_and_the_original(ds):
    for initiative in map(ds.initiative, LINGANG_SEED_INITIATIVES):
        cited = {s.id for s in ds.sources_of(initiative)}
        assert {COPY, ORIGINAL} <= cited, initiative.id


def test_seed_sources_are_described_as_found(ds):
    original = ds.source(ORIGINAL)
    assert original.published == dt.date(2026, 1, 8)
    copy = ds.source(COPY)
    assert copy.published is None
    assert copy.original_id == ORIGINAL
    china_daily = ds.source(CHINA_DAILY)
    assert china_daily.published == dt.datetime(2025, 12, 15, 15, 37, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def _seed(name: str) -> str:
    matches = sorted(SEEDS.glob(f"{name}_*.txt"))
    if not matches:
        pytest.skip("the founding documents are not beside this checkout")
    return matches[0].read_text(encoding="utf-8")


@pytest.mark.parametrize(("seed", "source_id"), [("000", COPY), ("004", CHINA_DAILY)])
def test_quotes_are_verbatim_from_the_founding_documents(ds, seed, source_id):
    text = _seed(seed)
    quotes = [
        ev.quote
        for kind in ("zones", "initiatives", "metrics")
        for record in ds.records(kind)
        for ev in record.evidence
        if ev.source_id == source_id
    ]
    assert quotes
    for quote in quotes:
        assert quote in text, quote
