"""Integrity of the bundled data: every record sourced, every reference resolved."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from importlib import resources

import pytest

import ftzinfo
from ftzinfo._bundled import data_index
from ftzinfo._text import normalise

RELEASED = dt.date(2026, 11, 21)


def test_data_version_matches_the_index():
    assert data_index()["data_version"] == ftzinfo.DATA_VERSION


def test_index_lists_every_data_file():
    root = resources.files("ftzinfo").joinpath("data")
    on_disk = {p.name for p in root.iterdir() if p.name.endswith(".json") and p.name != "index.json"}
    assert set(data_index()["files"]) == on_disk


def test_every_record_has_evidence(ds):
    for kind in ("zones", "initiatives", "metrics", "rates"):
        for record in ds.records(kind):
            assert record.evidence, f"{kind} {record.id} has no evidence"
            for ev in record.evidence:
                assert ev.quote.strip()


def test_metric_quotes_contain_their_figure(ds):
    for m in ds.metrics():
        assert m.value.text, m.id
        assert any(m.value.text in ev.quote for ev in m.evidence), m.id


def test_counts_quote_their_figure(ds):
    for i in ds.initiatives():
        if i.count is not None:
            assert any(i.count.text and i.count.text in ev.quote for ev in i.evidence), i.id


def test_zone_areas_quote_their_figure(ds):
    for z in ds.zones():
        if z.area_km2 is not None:
            assert any(z.area_km2.text and z.area_km2.text in ev.quote for ev in z.evidence), z.id


def test_chinese_names_are_quoted(ds):
    for z in ds.zones():
        if z.name_zh:
            assert any(normalise(z.name_zh) in normalise(ev.quote) for ev in z.evidence), z.id


def test_stated_figures_parse_to_the_recorded_quantity(ds):
    for m in ds.metrics():
        parsed = ftzinfo.Quantity.parse(m.value.text)
        assert (parsed.value, parsed.qualifier) == (m.value.value, m.value.qualifier), m.id
        # A bare number may take its unit from elsewhere in the quote ("15.54, 12.12, 12.25 percent").
        assert parsed.unit == m.value.unit or (parsed.unit == "count" and m.value.text.replace(".", "").isdigit()), m.id


def test_no_date_after_release(ds):
    for s in ds.sources():
        assert s.published_date is None or s.published_date <= RELEASED, s.id
    for m in ds.metrics():
        assert m.period is None or m.period.start <= RELEASED, m.id
    for z in ds.zones():
        for ms in (z.established, *z.milestones):
            assert ms is None or ms.date.start <= RELEASED, z.id


def test_every_source_is_cited(ds):
    cited = {
        ev.source_id
        for kind in ("zones", "initiatives", "metrics", "rates")
        for r in ds.records(kind)
        for ev in r.evidence
    }
    cited |= {s.original_id for s in ds.sources() if s.original_id}
    assert {s.id for s in ds.sources()} <= cited


def test_no_two_zones_share_a_lookup_key(ds):
    seen: dict[str, str] = {}
    for z in ds.zones():
        for key in {normalise(k) for k in (z.id, z.name, z.name_zh, *z.aliases) if k}:
            assert seen.setdefault(key, z.id) == z.id, f"{key!r} names {seen[key]} and {z.id}"


@pytest.mark.parametrize("name", data_index()["files"])
def test_data_files_are_tidy_json(name):
    text = resources.files("ftzinfo").joinpath("data", name).read_text(encoding="utf-8")
    json.loads(text)
    assert text.endswith("\n")


def test_every_pilot_ftz_has_its_areas(ds):
    island_wide = {"cn-hainan-ftz"}  # the whole island: it has no separate areas
    for z in ds.zones(kind="pilot_ftz"):
        if z.id not in island_wide:
            assert [c for c in ds.children(z) if c.kind.value == "ftz_area"], z.id


def test_areas_of_children_fit_inside_their_parent(ds):
    for z in ds.zones():
        if z.area_km2 is None or z.area_km2.high is None:
            continue
        parts = [c.area_km2.low for c in ds.children(z) if c.area_km2 is not None and c.area_km2.low is not None]
        assert sum(parts) <= z.area_km2.high * Decimal("1.01"), (z.id, parts, z.area_km2)


def test_the_pilot_ftzs_are_all_there(ds):
    assert len(ds.zones(kind="pilot_ftz")) == 22


def test_rates_quote_their_figure_and_cover_the_years(ds):
    for r in ds.rates():
        assert r.text is not None
        assert any(r.text in ev.quote for ev in r.evidence), r.id
        scale = Decimal(100) if "per 100" in (r.note or "") else Decimal(1)
        assert Decimal(r.text) / scale == r.value, r.id
    years = {r.period.start.year for r in ds.rates() if (r.currency, r.per) == ("CNY", "USD")}
    assert set(range(2013, 2025)) <= years


def test_the_lookup_index_matches_the_data(ds):
    from ftzinfo._dataset import zone_names  # noqa: PLC0415
    from ftzinfo._text import lookup_keys  # noqa: PLC0415

    index = data_index()
    assert index["keys"] == lookup_keys((z.id, zone_names(z)) for z in ds.zones()), "run scripts/update_index.py"
    assert set(index["zones"]) == {z.id for z in ds.zones()}
    for zone_id, name in index["zones"].items():
        text = resources.files("ftzinfo").joinpath("data", name).read_text(encoding="utf-8")
        assert f'"id": "{zone_id}"' in text


def test_quick_lookups_and_the_full_dataset_hand_out_the_same_zones():
    from ftzinfo import _bundled  # noqa: PLC0415

    _bundled.clear_cache()
    try:
        quick = ftzinfo.zone("lingang")
        assert _bundled._cache is None  # a lookup alone does not build the whole dataset
        assert ftzinfo.dataset().zone("cn-shanghai-lingang") is quick
        assert ftzinfo.zone("临港新片区") is quick
    finally:
        _bundled.clear_cache()
