"""What a notebook cell shows: short reprs, readable str, safe HTML."""

from __future__ import annotations

import inspect

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ftzinfo
from ftzinfo import Dataset, Evidence, Source, Zone


def test_html_of_records_shows_qualifiers_and_links():
    zone_html = ftzinfo.zone("qianhai")._repr_html_()
    assert "<table" in zone_html
    assert "120.56 km²" in zone_html
    assert 'href="https://www.chinadailyasia.com/article/625451"' in zone_html
    metric = ftzinfo.dataset().metric("cn-qianhai-financial-city-foreign-share-2025-12-15")
    assert "≈ 30 %" in metric._repr_html_()
    assert "nearly 30 percent" in metric._repr_html_()
    initiative = ftzinfo.dataset().initiative("cn-shanghai-lingang-work-plan-2026")
    assert "<td>count</td><td>10</td>" in initiative._repr_html_()
    assert "Yicai Global" in initiative._repr_html_()


def test_html_of_comparisons_rankings_and_datasets():
    table = ftzinfo.compare("qianhai", "lingang", currency="USD")._repr_html_()
    assert "Comparison in USD" in table
    assert "converted" in table
    assert "> 40 bn USD" in table.replace("&gt;", ">")
    ranking = ftzinfo.rank("area_km2", zones=["cn-tianjin-ftz", "cn-fujian-ftz", "cn-guangdong-ftz"])._repr_html_()
    assert "not ordered within a tier" in ranking
    assert "<td>2</td>" in ranking
    assert "<td>metrics</td>" in ftzinfo.dataset()._repr_html_()
    assert "text-align:left !important" in table  # Jupyter's own style right-aligns cells otherwise


def test_html_escapes_what_users_write():
    src = Source(id="s", publisher="<b>me</b>", url="https://example.org/?a=1&b=<2>")
    zone = Zone(
        id="evil",
        name="<script>alert(1)</script>",
        kind="other",
        country="CN",
        evidence=(Evidence(source_id="s", quote="x"),),
    )
    with ftzinfo.use(Dataset(zones=[zone], sources=[src])):
        html = zone._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>me</b>" not in html
    assert "&amp;b=&lt;2&gt;" in html


def test_repr_is_short_and_str_is_readable():
    z = ftzinfo.zone("lingang")
    assert len(repr(z)) < 400
    assert repr(z).startswith("Zone(id='cn-shanghai-lingang'")
    q = ftzinfo.Quantity.parse("nearly 30 percent")
    assert repr(q) == "Quantity(value=Decimal('30'), qualifier='nearly', unit='percent', text='nearly 30 percent')"
    assert str(q) == "≈ 30 %"
    assert repr(ftzinfo.Period.parse("2025-H1")) == "Period.parse('2025-H1')"
    assert "Lingang" in str(ftzinfo.compare("qianhai", "lingang"))


def test_every_public_name_has_a_docstring():
    for name in ftzinfo.__all__:
        obj = getattr(ftzinfo, name)
        if name.isupper() or name == "__version__":
            continue
        doc = inspect.getdoc(obj)
        assert doc, name
        assert doc.split("\n")[0].endswith("."), name


def test_the_example_notebook_shows_its_charts_as_images():
    nbformat = pytest.importorskip("nbformat", reason="the docs extra is not installed")
    nbclient = pytest.importorskip("nbclient", reason="the docs extra is not installed")
    pytest.importorskip("matplotlib", reason="the plot extra is not installed")
    from pathlib import Path  # noqa: PLC0415

    path = Path(__file__).parent.parent / "docs" / "examples" / "qianhai-vs-lingang.ipynb"
    notebook = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    charts = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code" and ".plot()" in cell.source
        for output in cell.outputs
    ]
    assert charts
    assert all("image/png" in output.get("data", {}) for output in charts)


def test_charts_scale_their_axis_and_wrap_their_title():
    pytest.importorskip("matplotlib", reason="the plot extra is not installed")
    fig = ftzinfo.series("qianhai", "fdi_utilized").plot()
    assert fig._repr_png_().startswith(b"\x89PNG")  # drawn, as Jupyter draws it
    labels = [ax.get_ylabel() for ax in fig.axes]
    assert "bn USD" in labels  # a named scale and unit ...
    assert all(label.split()[-1] in {"USD", "CNY"} for label in labels)  # ... one unit to an axis
    assert not any(ax.yaxis.get_offset_text().get_text() for ax in fig.axes)  # ... never a 1e9 offset
    assert "\n" in fig._suptitle.get_text()  # a long title wraps


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(["CNY", "USD", "EUR"]), min_size=1, max_size=6))
def test_a_chart_never_sets_two_units_on_one_axis(units: list[str]) -> None:
    pytest.importorskip("matplotlib", reason="the plot extra is not installed")
    import matplotlib.pyplot as plt  # noqa: PLC0415 - the plot extra

    evidence = (Evidence(source_id="s", quote="q"),)
    metrics = [
        ftzinfo.Metric(
            id=f"m{i}",
            zone_id="z",
            indicator="fdi_utilized",
            value=ftzinfo.Quantity.parse(f"{i + 1} billion {unit}"),
            period=ftzinfo.Period.year(2010 + i),
            evidence=evidence,
        )
        for i, unit in enumerate(units)
    ]
    ds = Dataset(
        zones=[Zone(id="z", name="Z", kind="other", country="CN", evidence=evidence)],
        indicators=[ftzinfo.indicator("fdi_utilized")],
        sources=[Source(id="s", publisher="P", url="https://example.org/")],
        metrics=metrics,
    )
    fig = ftzinfo.series("z", "fdi_utilized", dataset=ds).plot()
    try:
        labels = [ax.get_ylabel() for ax in fig.axes]
        assert sorted(label.split()[-1] for label in labels) == sorted(set(units))
    finally:
        plt.close(fig)
