from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given

import ftzinfo
from ftzinfo import Metric, Period, Quantity, Source, ValidationError, Zone
from strategies import periods, quantities

METRIC = {
    "id": "m1",
    "zone_id": "z1",
    "indicator": "financial_institutions",
    "value": {"value": "518", "qualifier": "exact", "unit": "count", "text": "518"},
    "period": "as of 2025-12-15",
    "evidence": [{"source_id": "s1", "quote": "has attracted 518 financial institutions"}],
}


def test_every_bundled_record_round_trips(ds):
    for kind in ("zones", "initiatives", "indicators", "metrics", "sources"):
        for record in ds.records(kind):
            assert ftzinfo.loads(type(record), ftzinfo.dumps(record)) == record


def test_dataset_round_trips(ds):
    assert ftzinfo.loads(ftzinfo.Dataset, ftzinfo.dumps(ds)) == ds


def test_wire_format():
    q = Quantity.parse("exceeding 250 billion yuan")
    data = ftzinfo.to_dict(q)
    assert data["value"] == "2.50E+11"
    assert Decimal(data["value"]).as_tuple() == Decimal("250E9").as_tuple()
    assert data["qualifier"] == "more_than"
    src = Source(
        id="s", publisher="P", url="https://example.org/a",
        published=dt.datetime(2025, 12, 15, 15, 37, tzinfo=dt.timezone(dt.timedelta(hours=8))),
    )  # fmt: skip
    assert ftzinfo.to_dict(src)["published"] == "2025-12-15T15:37:00+08:00"
    assert ftzinfo.to_dict(Period.instant(dt.date(2025, 12, 15))) == "as of 2025-12-15"


@given(quantities())
def test_quantity_round_trip(q):
    back = ftzinfo.loads(Quantity, ftzinfo.dumps(q))
    assert back == q
    assert back.value is None or back.value.as_tuple() == q.value.as_tuple()


@given(periods())
def test_period_round_trip(p):
    assert ftzinfo.from_dict(Period, ftzinfo.to_dict(p)) == p


def _errors(cls, data):
    with pytest.raises(ValidationError) as info:
        ftzinfo.from_dict(cls, data)
    return dict(info.value.errors)


@pytest.mark.parametrize(
    ("change", "path", "reason"),
    [
        (lambda d: d["value"].update(unit="yuan"), "value.unit", "'yuan' is not a unit"),
        (lambda d: d["value"].update(value=True), "value.value", "expected a decimal number, got bool"),
        (lambda d: d["value"].update(value=1.5), "value.value", "as a string"),
        (lambda d: d["value"].update(value="NaN"), "value.value", "not a finite number"),
        (lambda d: d["value"].update(qualifier="roughly"), "value.qualifier", "is not a Qualifier"),
        (lambda d: d.update(colour="red"), "colour", "unknown field"),
        (lambda d: d.pop("zone_id"), "zone_id", "required field is missing"),
        (lambda d: d.update(period="2025-02-30"), "period", "day is out of range"),
        (lambda d: d.update(period=2025), "period", "expected a period"),
        (lambda d: d["evidence"][0].update(quote=""), "evidence[0].quote", "must not be empty"),
        (lambda d: d.update(evidence="s1"), "evidence", "expected a list"),
        (lambda d: d.update(id="Bad Id"), "id", "is not an id"),
    ],
)
def test_errors_name_the_path(change, path, reason):
    data = json.loads(json.dumps(METRIC))
    change(data)
    errors = _errors(Metric, data)
    assert path in errors, errors
    assert reason in errors[path]


def test_all_problems_are_listed():
    data = json.loads(json.dumps(METRIC))
    data["value"]["unit"] = "yuan"
    data["period"] = "soon"
    data["colour"] = "red"
    assert set(_errors(Metric, data)) == {"value.unit", "period", "colour"}


def test_naive_datetime_is_rejected():
    errors = _errors(Source, {"id": "s", "publisher": "P", "url": "https://x.org", "published": "2025-12-15T15:37:00"})
    assert "no timezone" in errors["published"]


def test_string_is_not_a_tuple():
    errors = _errors(Zone, {"id": "z", "name": "Z", "kind": "other", "country": "CN", "aliases": "abc"})
    assert "expected a list" in errors["aliases"]


def test_number_is_not_a_string():
    errors = _errors(Zone, {"id": "z", "name": 5, "kind": "other", "country": "CN"})
    assert "expected a string" in errors["name"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"a": 1, "a": 2}', "duplicate key"),
        ('{"value": NaN}', "NaN is not a number"),
        ("\ufeff{}", "byte order mark"),
        ("{", "invalid JSON"),
        (b"\xff\xfe", "not UTF-8"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_loads_rejects_bad_json(text, reason):
    with pytest.raises(ValidationError, match=reason):
        ftzinfo.loads(Quantity, text)


def test_json_numbers_are_read_as_decimal():
    q = ftzinfo.loads(Quantity, '{"value": 28.78, "unit": "km2"}')
    assert q.value == Decimal("28.78")
    assert isinstance(q.value, Decimal)


def test_converter_is_the_librarys_own():
    import cattrs  # noqa: PLC0415

    from ftzinfo._io.serialize import converter  # noqa: PLC0415

    assert converter() is not cattrs.global_converter
    assert converter() is converter()
