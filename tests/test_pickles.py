"""Pickles made by ftzinfo 0.2 still load, whole, into today's classes."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import attrs

import ftzinfo

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _load_0_2() -> dict[str, object]:
    with (FIXTURES / "records-0.2.pickle").open("rb") as f:
        loaded: dict[str, object] = pickle.load(f)  # noqa: S301 - a fixture this project made with 0.2
    return loaded


def test_records_pickled_by_0_2_load_as_the_same_records():
    expected = json.loads((FIXTURES / "records-0.2.json").read_text(encoding="utf-8"))
    loaded = _load_0_2()
    assert set(loaded) == set(expected)
    for key, (class_name, identity) in expected.items():
        value = loaded[key]
        assert type(value).__name__ == class_name
        assert type(value) is getattr(ftzinfo, class_name)
        assert (getattr(value, "id", None) or str(value)) == identity


def test_fields_added_since_0_2_take_their_defaults():
    for value in _load_0_2().values():
        if attrs.has(type(value)):
            for field in attrs.fields(type(value)):
                getattr(value, field.name)  # every field is set
            assert ftzinfo.to_dict(value) == ftzinfo.to_dict(attrs.evolve(value))
    source = _load_0_2()["source"]
    assert isinstance(source, ftzinfo.Source)
    assert source.kind is None
    assert source.accessed is None


def test_records_pickled_today_round_trip():
    ds = ftzinfo.dataset()
    for record in (ds.zone("lingang"), ds.sources()[0], ds.metrics("qianhai")[0], ds.initiatives()[0], ds.rates()[0]):
        assert pickle.loads(pickle.dumps(record)) == record  # noqa: S301 - our own objects


def test_a_dataset_pickled_by_0_2_loads_and_is_checked_again():
    with (FIXTURES / "dataset-0.2.pickle").open("rb") as f:
        ds = pickle.load(f)  # noqa: S301 - a fixture this project made with 0.2
    assert isinstance(ds, ftzinfo.Dataset)
    assert [z.id for z in ds.zones()] == ["cn-shanghai-lingang"]
    assert ds.zone("cn-shanghai-lingang").evidence
    assert all(s.accessed is None for s in ds.sources())  # fields added since 0.2 take their defaults


def test_a_dataset_pickled_today_round_trips():
    ds = ftzinfo.dataset()
    back = pickle.loads(pickle.dumps(ds))  # noqa: S301 - our own object
    assert back == ds
    assert back.zone("lingang") == ds.zone("lingang")
