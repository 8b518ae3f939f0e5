"""Immutability, no network, no code from data, and the package as installed."""

from __future__ import annotations

import copy
import json
import pickle
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import ftzinfo

SRC = Path(__file__).resolve().parent.parent / "src" / "ftzinfo"


def _one_of_each() -> list[object]:
    ds = ftzinfo.dataset()
    metric = ds.metric("cn-qianhai-leasing-cluster-assets-2025-12-15")
    zone = ds.zone("lingang")
    assert zone.established is not None
    return [zone, ds.initiatives()[0], ds.indicators()[0], metric, metric.value, metric.period, ds.sources()[0],
            zone.evidence[0], zone.established, ds.rates()[0]]  # fmt: skip


@pytest.mark.parametrize("record", _one_of_each(), ids=lambda r: type(r).__name__)
def test_records_cannot_be_changed(record):
    field = attrs.fields(type(record))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, field, None)
    with pytest.raises((AttributeError, TypeError)):
        record.__dict__  # noqa: B018 - slotted: no instance dictionary to change behind the fields
    for value in attrs.astuple(record, recurse=False):
        assert not isinstance(value, (list, dict, set))


@pytest.mark.parametrize("record", _one_of_each(), ids=lambda r: type(r).__name__)
def test_records_hash_compare_copy_and_pickle(record):
    assert copy.deepcopy(record) == record
    assert copy.copy(record) == record
    back = pickle.loads(pickle.dumps(record))  # noqa: S301 - our own objects
    assert back == record
    assert hash(back) == hash(record)


def test_the_dataset_cannot_be_changed():
    ds = ftzinfo.dataset()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):  # like every record: frozen
        ds._records = {}  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del ds._records
    assert isinstance(ds.zones(), tuple)
    assert isinstance(ds.metrics("qianhai"), tuple)
    assert pickle.loads(pickle.dumps(ds)) == ds  # noqa: S301 - our own object


def test_a_failed_load_or_merge_leaves_everything_as_it_was(tmp_path):
    ds = ftzinfo.dataset()
    before = json.dumps(ftzinfo.to_dict(ds), default=str)
    bad = tmp_path / "bad.json"
    bad.write_text('{"zones": [{"id": "cn-shanghai-lingang", "name": "Changed", "kind": "other", "country": "CN"}]}')
    with pytest.raises(ftzinfo.ValidationError, match="already in the data this extends"):
        ftzinfo.Dataset.load(bad, extends=ds)
    user = ftzinfo.Dataset.load(bad, extends=ds, override=True)
    with pytest.raises(ftzinfo.ValidationError):
        ds.merge(user)
    with pytest.raises(ftzinfo.ValidationError):
        ftzinfo.Dataset.load(Path(__file__).parent / "fixtures" / "bad" / "metric-unit-yuan.json", extends=ds)
    assert json.dumps(ftzinfo.to_dict(ds), default=str) == before
    assert ftzinfo.zone("lingang").name == "Lin-gang Special Area"


def test_no_network_at_import_or_use():
    code = """
import socket
def refuse(*args, **kwargs):
    raise RuntimeError("network used")
socket.socket = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
import ftzinfo, io
ftzinfo.zone("lingang"); ftzinfo.dataset(); ftzinfo.search("qianhia")
str(ftzinfo.compare("qianhai", "lingang", currency="USD")); ftzinfo.rank("area_km2", currency="USD")
ftzinfo.cite(ftzinfo.zone("lingang"), style="csl-json"); ftzinfo.dumps(ftzinfo.dataset())
ftzinfo.Dataset.load(io.StringIO(ftzinfo.dumps(ftzinfo.dataset())))
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.stdout.strip() == "ok", out.stderr


def test_no_code_runs_from_data():
    forbidden = re.compile(
        r"\b(import (pickle|marshal|shelve)|(pickle|marshal|shelve)\.loads?\(|yaml\.load|eval\(|exec\(|__import__\()"
    )
    for path in _code():
        text = path.read_text(encoding="utf-8")
        assert not forbidden.search(text), path.name


def test_data_is_read_through_the_import_system_only():
    """Data files through importlib.resources, the lookup index as modules: never by file path."""
    for path in _code():
        text = path.read_text(encoding="utf-8")
        assert "__file__" not in text, path.name


def _code() -> list[Path]:
    """The package's hand-written modules (the generated index modules hold data, not code)."""
    store = SRC / "_store"
    generated = {store / "index.py", store / "catalog.py", *(store / "zones").glob("*.py")}
    assert all(p.exists() for p in generated)  # the generated modules are where this says
    found = [p for p in SRC.rglob("*.py") if p not in generated]
    assert len(found) > 40  # the search itself works
    return found
