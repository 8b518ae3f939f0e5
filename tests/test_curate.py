"""The curation workflow: a candidate batch is checked before it lands, and data versions diff."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).parent.parent / "scripts" / "curate.py"


@pytest.fixture(scope="module")
def curate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("curate", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["curate"] = module
    spec.loader.exec_module(module)
    return module


def _batch(quote: str = "trade reached 5 billion yuan in 2023", period: str | None = "2023") -> dict[str, object]:
    return {
        "sources": [
            {
                "id": "src-example-trade-2024",
                "title": "Trade in 2023",
                "publisher": "Example",
                "url": "https://example.org/trade",
                "kind": "newspaper",
                "accessed": "2026-12-01",
            }
        ],
        "metrics": [
            {
                "id": "cn-shanghai-lingang-trade-2023-example",
                "zone_id": "cn-shanghai-lingang",
                "indicator": "trade_value",
                "value": {"value": "5E9", "unit": "CNY", "text": "5 billion yuan"},
                "period": period,
                "evidence": [{"source_id": "src-example-trade-2024", "quote": quote}],
            }
        ],
    }


def test_a_good_batch_passes(curate: ModuleType) -> None:
    assert curate.problems(_batch(), curate.index(curate.files())) == []


@pytest.mark.parametrize(
    ("batch", "expected"),
    [
        (_batch(quote="trade reached five billion"), "is in none of its quotes"),
        (_batch(period=None), "no period"),
        ({**_batch(), "metrics": [{**_batch()["metrics"][0], "zone_id": "nowhere"}]}, "unknown zone"),  # type: ignore[index]
        ({**_batch(), "sources": []}, "cites unknown source"),
        ({**_batch(), "zones": [{"id": "Bad Id", "evidence": []}]}, "not an id of the conventions"),
        ({"source_updates": {"src-nothing": {"kind": "other"}}}, "no such record"),
    ],
)
def test_a_bad_batch_is_refused_with_the_reason(curate: ModuleType, batch: dict[str, object], expected: str) -> None:
    found = curate.problems(batch, curate.index(curate.files()))
    assert any(expected in p for p in found), found


def test_a_version_diffs_against_itself_as_unchanged(curate: ModuleType) -> None:
    report = curate.diff("HEAD", "HEAD")
    assert "zones: 0 added, 0 changed, 0 removed" in report
