"""Tables for other tools (CSV, Parquet, DataFrames) and citations."""

from __future__ import annotations

import csv
import json
from decimal import Decimal

import pytest

import ftzinfo
from cli_runner import run

SEED_METRIC = "cn-qianhai-financial-city-foreign-share-2025-12-15"


def test_csv_export_keeps_every_digit(tmp_path):
    written = ftzinfo.export(tmp_path / "out", format="csv", dataset=ftzinfo.dataset())
    assert {p.name for p in written} == {
        "zones.csv", "initiatives.csv", "indicators.csv", "metrics.csv", "rates.csv", "sources.csv", "evidence.csv",
    }  # fmt: skip
    with (tmp_path / "out" / "metrics.csv").open(encoding="utf-8") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    assert len(rows) == len(ftzinfo.metrics())
    assets = rows["cn-qianhai-leasing-cluster-assets-2025-12-15"]
    assert Decimal(assets["value"]) == Decimal("250E9")
    assert assets["qualifier"] == "more_than"
    assert assets["high"] == ""
    assert assets["text"] == "exceeding 250 billion yuan ($35.47 billion)"
    assert assets["equivalent_unit"] == "USD"
    with (tmp_path / "out" / "evidence.csv").open(encoding="utf-8") as f:
        quotes = list(csv.DictReader(f))
    assert any(q["record_id"] == SEED_METRIC and "nearly 30 percent" in q["quote"] for q in quotes)


def test_frames_have_tidy_columns():
    pytest.importorskip("pandas", reason="the pandas extra is not installed")
    ds = ftzinfo.dataset()
    metrics = ftzinfo.to_frame("metrics", dataset=ds)
    row = metrics.set_index("id").loc[SEED_METRIC]
    assert (row["value"], row["low"], row["high"], row["qualifier"], row["unit"]) == (
        30.0,
        27.0,
        30.0,
        "nearly",
        "percent",
    )
    assert str(row["period_start"].date()) == "2025-12-15"
    zones = ftzinfo.to_frame("zones", dataset=ds)
    assert len(zones) == len(ds.zones())
    assert {"id", "name", "kind", "parent_id", "area_km2", "area_km2_qualifier"} <= set(zones.columns)
    assert len(ftzinfo.to_frame("initiatives", dataset=ds)) == len(ds.initiatives())
    with pytest.raises(ValueError, match="no table"):
        ftzinfo.to_frame("zone", dataset=ds)


def test_parquet_round_trip(tmp_path):
    pytest.importorskip("pyarrow", reason="the parquet extra is not installed")
    pd = pytest.importorskip("pandas", reason="the pandas extra is not installed")
    ftzinfo.export(tmp_path, format="parquet", dataset=ftzinfo.dataset())
    back = pd.read_parquet(tmp_path / "metrics.parquet")
    assert len(back) == len(ftzinfo.metrics())
    assert back.set_index("id").loc[SEED_METRIC, "high"] == 30.0


def test_cite_styles():
    metric = ftzinfo.dataset().metric(SEED_METRIC)
    text = ftzinfo.cite(metric)
    assert "China Daily Hong Kong" in text
    assert "2025-12-15" in text
    bib = ftzinfo.cite(metric, style="bibtex")
    assert bib.startswith("@misc{src-chinadailyhk-qianhai-finance-magnet,")
    assert "date = {2025-12-15}" in bib
    assert "author = {{Li Bingcun}}" in bib  # braced: a byline is one name, not parsed
    (item,) = json.loads(ftzinfo.cite(metric, style="csl-json"))
    assert item["issued"] == {"date-parts": [[2025, 12, 15]]}
    assert item["URL"] == "https://www.chinadailyasia.com/article/625451"
    assert item["author"] == [{"literal": "Li Bingcun"}]
    with pytest.raises(ValueError, match="no citation style"):
        ftzinfo.cite(metric, style="apa")


def test_cite_includes_the_original_of_a_republication():
    ids = [item["id"] for item in json.loads(ftzinfo.cite(ftzinfo.zone("lingang"), style="csl-json"))]
    assert "src-digitalphablet-lingang-offshore-finance-zone" in ids
    assert "src-yicai-lingang-offshore-finance-zone" in ids


def test_cli_export_and_cite(tmp_path):
    out = run("export", "--format", "csv", "--output", str(tmp_path / "csv"))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "csv" / "zones.csv").exists()
    refused = run("export", "--format", "csv")
    assert refused.returncode == 1
    assert "--output" in refused.stderr
    cited = run("cite", SEED_METRIC, "--style", "bibtex")
    assert cited.returncode == 0, cited.stderr
    assert "@misc{src-chinadailyhk-qianhai-finance-magnet" in cited.stdout
    assert "Lin-gang" in run("cite", "lingang").stdout or "Yicai" in run("cite", "lingang").stdout


def test_parquet_keeps_decimals_dates_lists_and_open_ends(tmp_path):
    pa = pytest.importorskip("pyarrow", reason="the parquet extra is not installed")
    pq = pytest.importorskip("pyarrow.parquet", reason="the parquet extra is not installed")
    duckdb = pytest.importorskip("duckdb", reason="the test extra is not installed")
    from decimal import Decimal  # noqa: PLC0415

    ftzinfo.export(tmp_path, format="parquet", dataset=ftzinfo.dataset())
    metrics = pq.read_table(tmp_path / "metrics.parquet")
    assert pa.types.is_decimal(metrics.schema.field("value").type)
    assert metrics.schema.field("period_start").type == pa.date32()
    assert pa.types.is_list(metrics.schema.field("sources").type)
    by_id = {row["id"]: row for row in metrics.to_pylist()}
    loose = by_id["cn-qianhai-leasing-cluster-assets-2025-12-15"]  # "exceeding 250 billion yuan"
    assert loose["value"] == Decimal("250E9")
    assert loose["high"] is None
    assert loose["high_closed"] is False
    path = tmp_path / "metrics.parquet"
    kinds = duckdb.sql(f"select typeof(value), typeof(period_end), typeof(sources) from '{path}'")  # noqa: S608 - our own file
    value_type, date_type, list_type = kinds.limit(1).fetchall()[0]
    assert (value_type.startswith("DECIMAL"), date_type, list_type) == (True, "DATE", "VARCHAR[]")
    row = duckdb.sql(f"select value, period_end from '{path}' where id = 'cn-qianhai-fdi-2020'")  # noqa: S608
    assert row.fetchall() == [(Decimal("4310000000.00"), __import__("datetime").date(2020, 12, 31))]


def test_a_missing_extra_is_one_line(monkeypatch, capsys, tmp_path):
    import builtins  # noqa: PLC0415

    real_import = builtins.__import__

    def no_pyarrow(name, *args, **kwargs):
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    monkeypatch.delitem(__import__("sys").modules, "pyarrow", raising=False)
    monkeypatch.delitem(__import__("sys").modules, "pyarrow.parquet", raising=False)
    from ftzinfo._cli import main  # noqa: PLC0415

    assert main(["export", "--format", "parquet", "--output", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "pip install 'ftzinfo[parquet]'" in err


def test_rankings_and_series_have_frames():
    pytest.importorskip("pandas", reason="the pandas extra is not installed")
    ranked = ftzinfo.rank("trade_value", period=2023, kind="pilot_ftz").to_frame()
    assert str(ranked["low"].dtype) == "float64"
    series = ftzinfo.series("qianhai", "fdi_utilized").to_frame()
    assert set(series["period_kind"]) == {"year", "half", "Jan-Sep"}


def test_the_format_page_lists_every_flat_column():
    from pathlib import Path  # noqa: PLC0415

    from ftzinfo._io.tables import TABLES, rows  # noqa: PLC0415

    page = (Path(__file__).parent.parent / "docs" / "format.md").read_text(encoding="utf-8")
    section = page.split("## Flat tables", 1)[1]
    for table in [*TABLES, "evidence"]:
        line = next(line for line in section.splitlines() if line.startswith(f"| `{table}` |"))
        for column in rows(ftzinfo.dataset(), table)[0]:
            assert f"`{column}`" in line, (table, column)
