"""Every command that prints data prints JSON with --json: structured figures, parseable always."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ftzinfo._cli import main

FIXTURES = Path(__file__).parent / "fixtures"
COMMANDS = [
    ["zones", "--kind", "pilot_ftz"],
    ["show", "lingang"],
    ["initiatives", "lingang"],
    ["metrics", "qianhai", "--indicator", "fdi_utilized"],
    ["compare", "qianhai", "lingang", "--currency", "usd"],
    ["rank", "trade_value", "--period", "2023", "--kind", "pilot_ftz"],
    ["series", "qianhai", "fdi_utilized"],
    ["search", "lingnag"],
    ["cite", "lingang", "--style", "bibtex"],
    ["validate", str(FIXTURES / "valid-user-file.json")],
    ["indicators"],
    ["indicators", "Import and export value"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_every_data_command_prints_json(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*command, "--json"]) == 0
    json.loads(capsys.readouterr().out)


def test_figures_in_json_are_structured(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["metrics", "qianhai", "--indicator", "fdi_utilized", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)[0]
    assert {"value", "qualifier", "unit", "text"} <= set(first["value"])
    assert first["period_start"] <= first["period_end"]
    assert main(["rank", "trade_value", "--period", "2023", "--kind", "pilot_ftz", "--json"]) == 0
    ranked = json.loads(capsys.readouterr().out)["ranked"]
    assert all({"low", "high", "low_closed", "high_closed", "unit", "qualifier"} <= set(r) for r in ranked)


def test_validate_reports_problems_as_json_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(FIXTURES / "bad" / "metric-unit-yuan.json"), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False
    assert report["problems"][0]["message"] == "'yuan' is not a unit"


def test_indicators_are_found_forgivingly(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["indicators", "FDI utilized", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["id"] == "fdi_utilized"
    assert main(["indicators", "foreign investmnt"]) == 1
    assert "did you mean" in capsys.readouterr().err
