"""The bad-input catalogue: hostile and mistaken input gets a clear error, in bounded time.

Every case must raise ``ftzinfo.ValidationError`` or ``ValueError`` whose message names
the reason (and the path, where there is one): never another exception, a hang or a
crash. A case that takes more than a generous bound fails as a hang, not as slowness.
"""

from __future__ import annotations

import contextlib
import json
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import ftzinfo
from ftzinfo import Dataset, Metric, Period, Quantity, Source, ValidationError, Zone

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED = json.loads((FIXTURES / "bad-expected.json").read_text(encoding="utf-8"))
TEN_MB = "9" * (10 * 1024 * 1024)
HANG = 30  # seconds: far beyond any honest answer


@contextlib.contextmanager
def no_hang() -> Iterator[None]:
    def fail(*_: object) -> None:
        raise AssertionError(f"no answer within {HANG} s")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(HANG)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


ZONE = {"id": "z", "name": "Z", "kind": "other", "country": "CN"}
METRIC = {
    "id": "m",
    "zone_id": "z",
    "indicator": "gdp",
    "value": {"value": "5", "unit": "CNY"},
    "period": "2024",
    "evidence": [{"source_id": "s", "quote": "q"}],
}

SOURCE = {"id": "s", "publisher": "p", "url": "https://x.org"}


def _with(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {**base, **changes}


# (what is called, the input, a fragment the message must contain)
PARSE_CASES: list[tuple[Callable[[Any], Any], Any, str]] = [
    (Quantity.parse, "", "empty"),
    (Quantity.parse, "   ", "empty"),
    (Quantity.parse, TEN_MB, "characters"),
    (Quantity.parse, "NaN", "cannot read a figure"),
    (Quantity.parse, "Infinity", "cannot read a figure"),
    (Quantity.parse, "1" + "0" * 400, "the limit is 300"),
    (Quantity.parse, "1" + "0" * 40, "out of range"),
    (Quantity.parse, "1e400", "cannot read a figure"),
    (Quantity.parse, "lots of money", "'lots of money'"),
    (Quantity.parse, "yuan", "cannot read a figure"),
    (Quantity.parse, "5 yuan dollars", "two units"),
    (Quantity.parse, "USD 5 yuan", "disagree"),
    (Quantity.parse, "between 20 and 10 percent", "cannot read a figure"),
    (Quantity.parse, "about", "cannot read a figure"),
    (Quantity.parse, "30 %%", "cannot read a figure"),
    (Quantity.parse, "\x00", "cannot read a figure"),
    (Quantity.parse, "5 " + "very " * 60 + "big", "characters"),
    (Quantity.parse, "--5", "cannot read a figure"),
    (Quantity.parse, "元", "cannot read a figure"),
    (Period.parse, "", "empty"),
    (Period.parse, TEN_MB, "characters"),
    (Period.parse, "2025-02-30", "out of range"),
    (Period.parse, "0000", "year 0"),
    (Period.parse, "99999", "cannot read a period"),
    (Period.parse, "2025-13", "month must be in 1..12"),
    (Period.parse, "2025-Q5", "cannot read a period"),
    (Period.parse, "H3 2025", "cannot read a period"),
    (Period.parse, "soon", "cannot read a period"),
    (Period.parse, "this year", "reference date"),
    (Period.parse, "2025/2024", "before start"),
    (Period.parse, "as of", "cannot read a period"),
    (Period.parse, "December", "cannot read a period"),
    (Period.parse, "2025-12-15T25:00", "cannot read a period"),
    (Period.parse, "\ufeff2025", "cannot read a period"),
]

# (class, plain data, the path the error must name, a fragment of the reason)
FROM_DICT_CASES: list[tuple[type, Any, str, str]] = [
    (Zone, _with(ZONE, id="a\x01b"), "id", "control character"),
    (Zone, _with(ZONE, id="x" * 300), "id", "characters long"),
    (Zone, _with(ZONE, name=TEN_MB), "name", "characters long"),
    (Zone, _with(ZONE, name=""), "name", "must not be empty"),
    (Zone, _with(ZONE, name=None), "name", "expected a string"),
    (Zone, _with(ZONE, kind=None), "kind", "not a ZoneKind"),
    (Zone, _with(ZONE, area_km2={"value": "-1", "unit": "km2"}), "area_km2", "negative"),
    (Zone, _with(ZONE, area_km2={"value": "NaN", "unit": "km2"}), "area_km2.value", "finite"),
    (Zone, _with(ZONE, area_km2={"value": "Infinity", "unit": "km2"}), "area_km2.value", "finite"),
    (Zone, _with(ZONE, aliases=[TEN_MB]), "aliases[0]", "at most"),
    (Zone, _with(ZONE, established={"event": "launch", "date": "0000"}), "established.date", "year 0"),
    (Zone, _with(ZONE, established={"event": "launch", "date": "99999"}), "established.date", "cannot read"),
    (Zone, [ZONE], "", "expected an object"),
    (Zone, "zone", "", "expected an object"),
    (Zone, None, "", "expected an object"),
    (Metric, _with(METRIC, value={"value": "1E400", "unit": "CNY"}), "value.value", "out of range"),
    (Metric, _with(METRIC, value={"value": 1.5, "unit": "CNY"}), "value.value", "string"),
    (Metric, _with(METRIC, value={"value": False, "unit": "CNY"}), "value.value", "got bool"),
    (Metric, _with(METRIC, value={"value": "5", "unit": "CNY", "text": TEN_MB}), "value.text", "at most"),
    (Metric, _with(METRIC, period="2025-02-30"), "period", "out of range"),
    (Metric, _with(METRIC, period=None, extra=1), "extra", "unknown field"),
    (Metric, _with(METRIC, evidence=[{"source_id": "s", "quote": "q", "page": 1}]), "evidence[0].page", "unknown"),
    (Source, {"id": "s", "publisher": "p", "url": "https://x.org/\x00"}, "url", "control character"),
    (Source, {"id": "s", "publisher": "p", "url": "javascript:alert(1)"}, "url", "http(s) address"),
    (
        Source,
        {"id": "s", "publisher": "p", "url": "https://x.org", "published": "0000-01-01"},
        "published",
        "not a date",
    ),
    (
        Source,
        {"id": "s", "publisher": "p", "url": "https://x.org", "published": 20250101},
        "published",
        "expected a date",
    ),
    (Source, {"id": "s", "publisher": "p", "url": "https://x.org", "language": "English"}, "language", "language tag"),
]

LOADS_CASES: list[tuple[str | bytes, str]] = [
    ('{"a": 1, "a": 2}', "duplicate key"),
    ('{"value": NaN, "unit": "count"}', "NaN is not a number"),
    ('{"value": Infinity, "unit": "count"}', "Infinity is not a number"),
    ('{"value": -Infinity, "unit": "count"}', "-Infinity is not a number"),
    ("\ufeff{}", "byte order mark"),
    (b"\xef\xbb\xbf{}", "byte order mark"),
    (b"\xff\xfe\x00", "not UTF-8"),
    (b'{"value": "\xc3\x28"}', "not UTF-8"),
    ("[" * 10_000 + "]" * 10_000, "nested too deeply"),
    ("", "invalid JSON"),
    ("{", "invalid JSON"),
    ("nul", "invalid JSON"),
    ('{"value": 1' + "0" * 400 + ', "unit": "count"}', "out of range"),
    ('{"value": 1e400, "unit": "count"}', "out of range"),
    ('{"value": true, "unit": "count"}', "got bool"),
    ('{"value": "5", "unit": "count", "qualifier": "about"}', "not a Qualifier"),
]


@pytest.mark.parametrize(
    ("call", "text", "fragment"), PARSE_CASES, ids=lambda v: repr(v)[:40] if isinstance(v, str) else None
)
def test_parsers_refuse_with_a_reason(call, text, fragment):
    with no_hang(), pytest.raises(ValidationError) as info:  # a ValueError
        call(text)
    assert fragment in str(info.value)


@pytest.mark.parametrize(
    ("cls", "data", "path", "fragment"), FROM_DICT_CASES, ids=lambda v: getattr(v, "__name__", None)
)
def test_from_dict_names_the_path(cls, data, path, fragment):
    with no_hang(), pytest.raises(ValidationError) as info:
        ftzinfo.from_dict(cls, data)
    found = dict(info.value.errors)
    assert path in found, info.value.errors
    assert fragment in found[path]


@pytest.mark.parametrize(
    ("text", "fragment"), LOADS_CASES, ids=lambda v: repr(v)[:30] if isinstance(v, (str, bytes)) else None
)
def test_loads_refuses_with_a_reason(text, fragment):
    with no_hang(), pytest.raises(ValidationError) as info:
        ftzinfo.loads(Quantity, text)
    assert fragment in str(info.value)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_dataset_files_via_the_command_line(name):
    path, reason = EXPECTED[name]
    out = subprocess.run(
        [sys.executable, "-m", "ftzinfo", "validate", str(FIXTURES / "bad" / name)],
        capture_output=True, text=True, check=False, timeout=HANG,
    )  # fmt: skip
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert reason in out.stderr
    assert path in out.stderr


def test_a_200_mb_file_is_refused_unread(tmp_path):
    big = tmp_path / "big.json"
    with big.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: no 200 MB written to disk
    with no_hang(), pytest.raises(ValidationError, match="the limit of 104857600 bytes"):
        Dataset.load(big)


def test_a_deeply_nested_dataset_file(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text('{"zones": ' + "[" * 10_000 + "]" * 10_000 + "}", encoding="utf-8")
    with no_hang(), pytest.raises(ValidationError, match="nested too deeply"):
        Dataset.load(deep)


def test_the_catalogue_has_over_a_hundred_cases():
    total = len(PARSE_CASES) + len(FROM_DICT_CASES) + len(LOADS_CASES) + len(EXPECTED) + 2
    assert total >= 100
