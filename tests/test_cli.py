from __future__ import annotations

import json
from pathlib import Path

import pytest

import ftzinfo
from cli_runner import run


def test_show_prints_facts_and_sources():
    out = run("show", "lingang")
    assert out.returncode == 0, out.stderr
    assert "Lin-gang Special Area" in out.stdout
    assert "2026 Institutional Innovation" in out.stdout
    assert "https://www.yicaiglobal.com/" in out.stdout
    qianhai = run("show", "qianhai").stdout
    for figure in ("518", "≈ 30 %", "> 250 bn CNY", "> 40 bn USD", "https://www.chinadailyasia.com/article/625451"):
        assert figure in qianhai


def test_compare():
    out = run("compare", "qianhai", "lingang")
    assert out.returncode == 0, out.stderr
    assert "Qianhai" in out.stdout
    assert "Lingang" in out.stdout
    assert "Sources:" in out.stdout


def test_json_output_is_json():
    data = json.loads(run("show", "qianhai", "--json").stdout)
    assert data["zone"]["id"] == "cn-qianhai-cooperation-zone"
    assert "cn-qianhai-financial-city" in data["children"]
    rows = json.loads(run("compare", "qianhai", "lingang", "--json").stdout)["rows"]
    assert rows[0]["indicator"]
    zones = json.loads(run("zones", "--json").stdout)
    assert {z["id"] for z in zones} == {z.id for z in ftzinfo.zones()}


def test_lists():
    assert "cn-shanghai-lingang" in run("zones", "--kind", "special_area").stdout
    assert "Lingang 2026 annual work plan" in run("initiatives", "lingang").stdout
    assert "518" in run("metrics", "cn-qianhai-financial-city").stdout
    assert "cn-shanghai-lingang" in run("search", "lingnag").stdout


def test_unknown_zone_is_one_line_and_exit_1():
    out = run("show", "lingan")
    assert out.returncode == 1
    assert out.stdout == ""
    assert out.stderr.count("\n") == 1
    assert "did you mean" in out.stderr
    assert "Traceback" not in out.stderr


def test_usage_errors_exit_2():
    assert run("bogus").returncode == 2
    assert run().returncode == 2
    assert run("zones", "--kind", "nonsense").returncode == 2


def test_export_and_validate(tmp_path: Path):
    target = tmp_path / "all.json"
    assert run("export", "--format", "json", "--output", str(target)).returncode == 0
    assert ftzinfo.Dataset.load(target) == ftzinfo.dataset()
    ok = run("validate", str(target))
    assert ok.returncode == 0
    assert "valid" in ok.stdout
    exported = json.loads(run("export", "--format", "json").stdout)
    assert exported["format"] == "1"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"zones": [{"id": "z", "name": "Z", "kind": "moon", "country": "CN"}]}', "zones[0].kind"),
        ("{", "invalid JSON"),
        ('{"metrics": [{"id": "m"}]}', "metrics[0].zone_id"),
    ],
)
def test_validate_reports_bad_files(tmp_path: Path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    out = run("validate", str(bad))
    assert out.returncode == 1
    assert message in out.stderr
    assert "Traceback" not in out.stderr


def test_missing_file():
    out = run("validate", "/nonexistent/file.json")
    assert out.returncode == 1
    assert "cannot read" in out.stderr


def test_console_script_is_declared():
    from importlib.metadata import entry_points  # noqa: PLC0415

    assert any(ep.value == "ftzinfo._cli:main" for ep in entry_points(group="console_scripts", name="ftzinfo"))


def test_the_module_runs_as_a_real_process():
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    done = subprocess.run(
        [sys.executable, "-m", "ftzinfo", "show", "lingang"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Lin-gang Special Area" in done.stdout
    refused = subprocess.run(
        [sys.executable, "-m", "ftzinfo", "show", "atlantis"], capture_output=True, text=True, check=False
    )
    assert refused.returncode == 1
    assert refused.stderr.startswith("ftzinfo: no zone matches")
