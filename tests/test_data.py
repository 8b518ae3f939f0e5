"""Integrity of the bundled data: every record sourced, every reference resolved."""

from __future__ import annotations

import json
from importlib import resources

import pytest

import ftzinfo
from ftzinfo import Dataset
from ftzinfo._store.bundled import data_index
from ftzinfo._store.selfcheck import CHECKS


def test_index_lists_every_data_file():
    root = resources.files("ftzinfo").joinpath("data")
    on_disk = {p.name for p in root.iterdir() if p.name.endswith(".json")}
    assert set(data_index()["files"]) == on_disk


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_integrity(ds, check):
    assert list(CHECKS[check](ds)) == []


def test_the_checks_catch_what_they_check():
    import attrs  # noqa: PLC0415

    ds = ftzinfo.dataset()
    metric = ds.metric("cn-qianhai-financial-city-institutions-2025-12-15")
    wrong = attrs.evolve(metric, value=ftzinfo.Quantity.parse("519"))
    broken = Dataset(metrics=[wrong], extends=ds)
    merged = ds.merge(broken, override=True)
    assert any("'519' is not in its quotes" in p for p in CHECKS["figures_quoted"](merged))
    unsourced = attrs.evolve(ds.zone("lingang"), evidence=())
    merged = ds.merge(Dataset(zones=[unsourced], extends=ds), override=True)
    assert "zones cn-shanghai-lingang has no evidence" in list(CHECKS["evidence"](merged))


@pytest.mark.parametrize("name", data_index()["files"])
def test_data_files_are_tidy_json(name):
    text = resources.files("ftzinfo").joinpath("data", name).read_text(encoding="utf-8")
    json.loads(text)
    assert text.endswith("\n")


def test_the_pilot_ftzs_are_all_there(ds):
    assert len(ds.zones(kind="pilot_ftz")) == 22


def test_rates_cover_the_years(ds):
    years = {r.period.start.year for r in ds.rates() if (r.currency, r.per) == ("CNY", "USD")}
    assert set(range(2013, 2026)) <= years


def test_the_index_points_at_the_files_that_hold_each_zone():
    for zone_id, name in data_index()["zones"].items():
        text = resources.files("ftzinfo").joinpath("data", name).read_text(encoding="utf-8")
        assert f'"id": "{zone_id}"' in text


def test_a_stale_index_record_is_reported(ds, monkeypatch):
    from ftzinfo._store.zones import cn_shanghai  # noqa: PLC0415

    record = cn_shanghai.ZONES["cn-shanghai-lingang"]
    monkeypatch.setitem(cn_shanghai.ZONES, "cn-shanghai-lingang", {**record, "name": "Lingang"})
    assert list(CHECKS["index"](ds)) == [
        "the index's record of zone cn-shanghai-lingang differs from the data's: run scripts/update_index.py"
    ]


def test_quick_lookups_and_the_full_dataset_hand_out_the_same_zones():
    from ftzinfo._store import bundled as _bundled  # noqa: PLC0415

    _bundled.clear_cache()
    try:
        quick = ftzinfo.zone("lingang")
        assert _bundled._cache is None  # a lookup alone does not build the whole dataset
        assert ftzinfo.dataset().zone("cn-shanghai-lingang") is quick
        assert ftzinfo.zone("临港新片区") is quick
    finally:
        _bundled.clear_cache()


# Currency-years with no rate in any source the data holds yet (docs/data.md, "What the data still lacks").
RATE_GAPS = frozenset(
    {("AED", 2020), ("AED", 2021), ("AED", 2024), ("EUR", 2016), ("KZT", 2022), ("KZT", 2023), ("KZT", 2024),
     ("MUR", 2013), ("MUR", 2018), ("MYR", 2008), ("MYR", 2009), ("MYR", 2010), ("MYR", 2011), ("MYR", 2016),
     ("PLN", 2017), ("PLN", 2018), ("PLN", 2019), ("CNY", 1990), ("CNY", 1998), ("CNY", 2010), ("CNY", 2026)}
)  # fmt: skip


def _has_rate(ds: Dataset, code: str, year: int) -> bool:
    """Whether ``ds`` has a rate of ``code`` against the US dollar for ``year``, either way round."""
    for currency, per in ((code, "USD"), ("USD", code)):
        try:
            ds.rate(currency, per, year)
        except ftzinfo.UnknownRecordError:
            continue
        return True
    return False


def test_every_bundled_money_figure_converts_to_usd_and_cny_but_the_documented_gaps():
    ds = ftzinfo.dataset()
    missing = {
        (code, year)
        for m in ds.metrics()
        if m.value.is_money and m.period is not None
        for year in range(m.period.start.year, m.period.end.year + 1)
        for code in {m.value.unit, "CNY"} - {"USD"}
        if not _has_rate(ds, code, year)
    }
    assert missing <= RATE_GAPS, sorted(missing - RATE_GAPS)


# Enough of ISO 3166-1 to say that the world's free zones span every inhabited continent.
_CONTINENT = {
    **dict.fromkeys(["AE", "BH", "GE", "HK", "ID", "IN", "JO", "KH", "KP", "KR", "KZ", "LK", "MY", "OM", "PH", "PK",
                     "QA", "SA", "SG", "TH", "TR", "UZ"], "Asia"),
    **dict.fromkeys(["GB", "IE", "LT", "MT", "PL", "PT"], "Europe"),
    **dict.fromkeys(["DJ", "EG", "ET", "KE", "MA", "MU", "NA", "NG", "RW", "ZA"], "Africa"),
    **dict.fromkeys(["CR", "DO", "MX", "PA", "US"], "North America"),
    **dict.fromkeys(["BR", "CL", "CO", "UY"], "South America"),
    **dict.fromkeys(["AU", "FJ", "NZ", "PG", "SB", "VU", "WS"], "Oceania"),
}  # fmt: skip


def test_zones_outside_china_span_every_inhabited_continent():
    outside = [z for z in ftzinfo.zones() if z.country not in {"CN", None}]
    assert len(outside) >= 40
    continents = {_CONTINENT[z.country] for z in outside if z.country in _CONTINENT}
    assert continents == {"Asia", "Europe", "Africa", "North America", "South America", "Oceania"}
