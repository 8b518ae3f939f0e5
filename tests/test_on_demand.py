"""The bundled data built on first use answers exactly as the data read and built whole."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ftzinfo
from ftzinfo import ValidationError
from ftzinfo._records.kinds import KINDS
from ftzinfo._store import bundled as _bundled
from ftzinfo._store.shelf import Shelf, Shelves

CHECKED = _bundled.load_checked()
ZONE_IDS = [z.id for z in CHECKED.zones()]
INDICATOR_IDS = [i.id for i in CHECKED.indicators()]


@pytest.fixture
def fresh() -> Iterator[ftzinfo.Dataset]:
    """The bundled data loaded anew, nothing built yet."""
    _bundled.clear_cache()
    try:
        yield ftzinfo.dataset()
    finally:
        _bundled.clear_cache()


def _built(ds: ftzinfo.Dataset) -> dict[str, int]:
    shelves = ds._records
    assert isinstance(shelves, Shelves)
    return {kind: shelves.shelf(kind).built() for kind in KINDS}


def test_loading_builds_no_record(fresh):
    assert len(fresh) == len(CHECKED)
    assert repr(fresh) == repr(CHECKED)
    assert _built(fresh) == dict.fromkeys(KINDS, 0)


def test_a_zones_metrics_build_only_that_zones_metrics(fresh):
    found = fresh.metrics("lingang", indicator="fdi_utilized")
    assert found == CHECKED.metrics("lingang", indicator="fdi_utilized")
    assert _built(fresh)["metrics"] == len(found)
    assert _built(fresh)["sources"] == 0


def test_the_whole_data_equals_the_data_read_with_every_check(fresh):
    assert fresh == CHECKED
    for kind in KINDS:
        assert fresh.records(kind) == CHECKED.records(kind)


@settings(max_examples=60, deadline=None)
@given(zone_id=st.sampled_from(ZONE_IDS), indicator=st.none() | st.sampled_from(INDICATOR_IDS))
def test_every_query_of_a_zone_answers_as_the_whole_data_does(zone_id, indicator):
    ds = ftzinfo.dataset()
    assert ds.metrics(zone_id, indicator=indicator) == CHECKED.metrics(zone_id, indicator=indicator)
    assert ds.initiatives(zone_id) == CHECKED.initiatives(zone_id)
    assert ds.children(zone_id) == CHECKED.children(zone_id)
    assert ds.parent(zone_id) == CHECKED.parent(zone_id)
    assert ds.overlapping(zone_id) == CHECKED.overlapping(zone_id)
    assert ds.ancestors(zone_id) == CHECKED.ancestors(zone_id)
    if indicator is not None:
        assert ds.metrics(indicator=indicator) == CHECKED.metrics(indicator=indicator)


@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=12) | st.sampled_from(ZONE_IDS))
def test_lookups_and_search_answer_as_the_whole_data_does(text):
    ds = ftzinfo.dataset()
    assert ds.get_zone(text) == CHECKED.get_zone(text)
    assert ds.search(text, limit=5) == CHECKED.search(text, limit=5)


def test_every_query_of_the_whole_data_answers_alike(fresh):
    for year in range(2013, 2026):
        assert fresh.rate("CNY", "USD", year) == CHECKED.rate("CNY", "USD", year)
    assert fresh.as_of(dt.date(2021, 1, 1)) == CHECKED.as_of(dt.date(2021, 1, 1))
    assert str(ftzinfo.compare("qianhai", "lingang", dataset=fresh)) == str(
        ftzinfo.compare("qianhai", "lingang", dataset=CHECKED)
    )


def test_one_object_per_record_whatever_the_threads(fresh):
    ids = [m.id for m in CHECKED.metrics()][:200]
    barrier = threading.Barrier(16)

    def work(_: int) -> list[object]:
        barrier.wait()
        return [fresh.metric(i) for i in ids] + [fresh.zone(z) for z in ZONE_IDS[:50]]

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(work, range(16)))
    assert all(all(a is b for a, b in zip(r, results[0], strict=True)) for r in results)
    assert all(a is b for a, b in zip(fresh.metrics()[: len(ids)], results[0][: len(ids)], strict=True))
    assert ftzinfo.zone("lingang") is fresh.zone("lingang")


def test_a_lookup_before_the_load_hands_out_the_same_zone(fresh):  # noqa: ARG001 - starts and ends with a clear cache
    _bundled.clear_cache()
    first = ftzinfo.zone("qianhai")
    assert ftzinfo.dataset().zone("qianhai") is first
    assert first in ftzinfo.dataset().zones()


def test_it_pickles_as_its_records(fresh):
    fresh.metrics("lingang")
    back = pickle.loads(pickle.dumps(fresh))  # noqa: S301 - our own object
    assert back == CHECKED
    assert back.metrics("lingang") == CHECKED.metrics("lingang")


def test_files_unlike_the_catalogue_are_read_with_every_check(monkeypatch):
    read = _bundled.read_data

    def edited(name: str) -> bytes:
        raw = read(name)
        if name != "cn-hebei.json":
            return raw
        data = json.loads(raw)
        data["metrics"] = []  # a file someone changed after the catalogue was made
        return json.dumps(data, ensure_ascii=False).encode()

    monkeypatch.setattr(_bundled, "read_data", edited)
    _bundled.clear_cache()
    try:
        ds = ftzinfo.dataset()
        assert not isinstance(ds._records, Shelves)
        hebei = {m.id for m in CHECKED.metrics() if m.zone_id.startswith("cn-hebei")}
        assert hebei
        assert {m.id for m in ds.metrics()} == {m.id for m in CHECKED.metrics()} - hebei
    finally:
        _bundled.clear_cache()


def test_a_damaged_file_is_refused_with_its_name(monkeypatch):
    read = _bundled.read_data
    monkeypatch.setattr(_bundled, "read_data", lambda name: read(name).replace(b'"CN-HE"', b'"CN-XX-1"'))
    _bundled.clear_cache()
    try:
        with pytest.raises(ValidationError, match=r"data/cn-hebei\.json"):
            ftzinfo.dataset()
    finally:
        _bundled.clear_cache()


def test_a_record_that_cannot_be_built_names_its_file_and_id(monkeypatch):
    metric_id = next(m.id for m in CHECKED.metrics() if m.zone_id == "cn-shanghai-lingang")
    records = _bundled._Files.records
    damaged = {"id": metric_id, "zone_id": 7}
    monkeypatch.setattr(_bundled._Files, "records", lambda self, name: {**records(self, name), metric_id: damaged})
    _bundled.clear_cache()
    try:
        ds = ftzinfo.dataset()
        with pytest.raises(ValidationError, match=rf"data/cn-shanghai\.json: metrics '{metric_id}'"):
            ds.metric(metric_id)
        with pytest.raises(ValidationError):  # asked again, it is refused again: nothing half-built is kept
            ds.metric(metric_id)
    finally:
        _bundled.clear_cache()


def test_a_dataset_outlives_the_cache_it_came_from(fresh):
    _bundled.clear_cache()
    assert fresh.metrics("qianhai") == CHECKED.metrics("qianhai")
    assert fresh.sources() == CHECKED.sources()


def test_a_shelf_is_a_read_only_mapping():
    built: list[str] = []

    def build(key: str, plain: object) -> str:
        assert plain is None  # nothing was given to build from
        built.append(key)
        return key.upper()

    shelf = Shelf(("a", "b"), build, threading.RLock())
    assert len(shelf) == 2
    assert list(shelf) == ["a", "b"]
    assert "a" in shelf
    assert "c" not in shelf
    assert [] not in shelf  # an unhashable key is no id
    assert shelf.get("c") is None
    with pytest.raises(KeyError):
        shelf["c"]
    assert shelf["a"] == "A"
    assert shelf.all() == ("A", "B")
    assert built == ["a", "b"]  # each once
    assert pickle.loads(pickle.dumps(shelf)) == {"a": "A", "b": "B"}  # noqa: S301 - our own object


def test_a_file_that_extends_the_data_builds_only_what_it_refers_to(fresh):
    import attrs  # noqa: PLC0415

    metric = attrs.evolve(CHECKED.metrics("lingang")[0], id="my-lingang-metric")
    mine = ftzinfo.Dataset(metrics=[metric], extends=fresh)
    assert mine.metrics() == (metric,)
    assert _built(fresh) == {**dict.fromkeys(KINDS, 0), "indicators": 1}  # its unit is checked against it


def test_the_self_check_finds_a_catalogue_that_does_not_describe_the_files(monkeypatch):
    from ftzinfo._store.selfcheck import CHECKS  # noqa: PLC0415

    assert list(CHECKS["catalog"](CHECKED)) == []
    read = _bundled.read_data
    monkeypatch.setattr(_bundled, "read_data", lambda name: read(name) + (b" " if name == "rates.json" else b""))
    assert list(CHECKS["catalog"](CHECKED)) == [
        "data/rates.json is not the file the catalogue describes: run scripts/update_index.py"
    ]


# -- a user's file: metrics the reader vouches for are built on first use ---------------------


LAYOUT = ftzinfo.to_dict(CHECKED)


def _file(metrics: list[dict[str, object]]) -> bytes:
    """The bundled data as one file, with these metrics in place of its own."""
    return json.dumps({**LAYOUT, "metrics": metrics}, ensure_ascii=False).encode()


PLAIN = [json.loads(ftzinfo.dumps(m)) for m in CHECKED.metrics("qianhai")]


def _metrics_built(ds: ftzinfo.Dataset) -> int:
    shelves = ds._records
    assert isinstance(shelves, Shelves)
    return shelves.shelf("metrics").built()


@settings(max_examples=25, deadline=None)
@given(st.permutations(PLAIN), st.integers(0, len(PLAIN)))
def test_a_loaded_file_builds_its_metrics_when_asked_and_answers_as_one_built_whole(metrics, touch):
    import io  # noqa: PLC0415

    raw = _file(metrics)
    loaded = ftzinfo.Dataset.load(io.BytesIO(raw))
    whole = ftzinfo.Dataset.from_dict(json.loads(raw))  # a caller's own data: built whole, nothing kept
    assert _metrics_built(loaded) == 0
    assert len(loaded) == len(whole)
    for m in whole.metrics()[:touch]:
        assert loaded.metric(m.id) == m
    assert _metrics_built(loaded) == touch
    assert loaded.metrics("qianhai") == whole.metrics("qianhai")
    assert loaded == whole
    assert pickle.loads(pickle.dumps(loaded)) == whole  # noqa: S301 - our own object


def test_a_file_of_figures_the_reader_does_not_vouch_for_loads_as_well(tmp_path):
    import attrs  # noqa: PLC0415

    money = next(m for m in CHECKED.metrics("qianhai") if m.value.unit == "CNY")
    converted = attrs.evolve(money, id="qianhai-converted", value=money.value.convert("USD", rate="0.14"))
    metrics = [*PLAIN[:3], json.loads(ftzinfo.dumps(converted))]
    path = tmp_path / "mixed.json"
    path.write_bytes(_file(metrics))
    loaded = ftzinfo.Dataset.load(path)
    assert _metrics_built(loaded) == 1  # the converted figure, built by the converter at load
    assert loaded == ftzinfo.Dataset.from_dict(json.loads(path.read_bytes()))


def test_metrics_of_a_loaded_file_are_one_object_each_whatever_the_threads(tmp_path):
    path = tmp_path / "metrics.json"
    path.write_bytes(_file(PLAIN))
    loaded = ftzinfo.Dataset.load(path)
    ids = [m["id"] for m in PLAIN]
    barrier = threading.Barrier(8)

    def work(_: int) -> list[object]:
        barrier.wait()
        return [loaded.metric(i) for i in ids]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(8)))
    assert all(all(a is b for a, b in zip(r, results[0], strict=True)) for r in results)
    assert _metrics_built(loaded) == len(ids)


def test_a_loaded_file_writes_back_what_it_read(tmp_path):
    path, again = tmp_path / "in.json", tmp_path / "out.json"
    path.write_bytes(_file(PLAIN))
    loaded = ftzinfo.Dataset.load(path)
    loaded.dump(again)
    assert ftzinfo.Dataset.load(again) == loaded == ftzinfo.Dataset.from_dict(json.loads(path.read_bytes()))
