"""Sphinx extension: write the data catalogue (one page per zone family) from the bundled data."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import ftzinfo
from ftzinfo._store.bundled import data_index

HERE = Path(__file__).resolve().parent.parent / "catalogue"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ") if text is not None else ""


def _source_link(source: ftzinfo.Source) -> str:
    label = source.publisher + (f", {source.published_date.isoformat()}" if source.published_date else "")
    title = f" “{_cell(source.title)}”" if source.title else ""
    return f"[{_cell(label)}]({source.url}){title}"


def family_page(title: str, zones: list[ftzinfo.Zone]) -> str:
    """The Markdown page of one zone family: zones, areas, initiatives, metrics and sources."""
    ds = ftzinfo.dataset()
    lines = [f"# {title}", ""]
    cited: dict[str, ftzinfo.Source] = {}

    def cite(record: Any) -> str:
        marks = []
        for s in ds.sources_of(record):
            cited.setdefault(s.id, s)
            marks.append(f"\\[{list(cited).index(s.id) + 1}\\]")
        return " ".join(marks)

    for z in zones:
        lines += [f"## {z.name}", ""]
        facts = [
            ("id", f"`{z.id}`"), ("Chinese name", z.name_zh), ("kind", z.kind.value),
            ("part of", f"`{z.parent_id}`" if z.parent_id else None),
            ("overlaps", ", ".join(f"`{o}`" for o in z.overlaps) or None), ("established", z.established),
            ("area", z.area_km2), ("sources", cite(z)),
        ]  # fmt: skip
        lines += ["| | |", "|---|---|", *(f"| {k} | {_cell(v)} |" for k, v in facts if v), ""]
        initiatives = sorted(  # in time order; undated ones last
            ds.initiatives(z), key=lambda i: (i.announced is None, i.announced.date.start if i.announced else "", i.id)
        )
        if initiatives:
            lines += ["**Initiatives**", "", "| date | title | kind | status | sources |", "|---|---|---|---|---|"]
            lines += [
                f"| {_cell(i.announced.date if i.announced else '')} | {_cell(i.title)} | {i.kind.value} "
                f"| {i.status.value} | {cite(i)} |"
                for i in initiatives
            ]
            lines.append("")
        metrics = ds.metrics(z)
        if metrics:
            lines += [
                "**Metrics**",
                "",
                "| indicator | figure | as stated | period | sources |",
                "|---|---|---|---|---|",
            ]
            lines += [
                f"| {m.indicator} | {_cell(m.value)} | {_cell(m.value.text)} | {_cell(m.period)} | {cite(m)} |"
                for m in metrics
            ]
            lines.append("")
    lines += ["## Sources", ""]
    lines += [f"{n}. {_source_link(s)}" for n, s in enumerate(cited.values(), 1)]
    return "\n".join(lines) + "\n"


def write_catalogue(target: Path = HERE) -> list[Path]:
    """Write the catalogue pages and their index; return the paths written."""
    target.mkdir(exist_ok=True)
    ds = ftzinfo.dataset()
    families: defaultdict[str, list[ftzinfo.Zone]] = defaultdict(list)
    for zone_id, name in data_index()["zones"].items():
        families[name.removesuffix(".json")].append(ds.zone(zone_id))
    written = []
    toc = []
    for family, zones in sorted(families.items()):
        title = {"international": "International comparators", "cn-national": "China: all pilot FTZs"}.get(
            family, "China: " + family.removeprefix("cn-").replace("-", " ").title()
        )
        path = target / f"{family}.md"
        path.write_text(
            family_page(title, sorted(zones, key=lambda z: (z.parent_id is not None, z.id))), encoding="utf-8"
        )
        written.append(path)
        toc.append(family)
    summary = (
        f"Data version {ftzinfo.DATA_VERSION}: {len(ds.zones())} zones, {len(ds.initiatives())} initiatives, "
        f"{len(ds.metrics())} metrics, {len(ds.sources())} sources. "
        "Every figure shows its qualifier and the words of its source; every source is linked."
    )
    index = ["# Data catalogue", "", summary, "", "```{toctree}", ":maxdepth: 1", "", *toc, "```", ""]
    (target / "index.md").write_text("\n".join(index), encoding="utf-8")
    return [target / "index.md", *written]


def setup(app: Any) -> dict[str, Any]:
    """Register the catalogue writer to run before the build reads the sources."""
    app.connect("builder-inited", lambda _app: write_catalogue())
    return {"parallel_read_safe": True, "version": ftzinfo.__version__}
