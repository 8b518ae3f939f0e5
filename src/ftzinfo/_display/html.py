"""Notebook display: compact HTML tables for records, comparisons, rankings and datasets.

Everything from the data is escaped, so a name holding ``<script>`` in a user's file
stays text. Sources become links to their pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any, Final

from ftzinfo._analysis.compare import Comparison
from ftzinfo._analysis.rank import Ranking
from ftzinfo._records.initiative import Initiative
from ftzinfo._records.kinds import KINDS
from ftzinfo._records.metric import Metric
from ftzinfo._records.source import Source
from ftzinfo._records.text_table import zone_label
from ftzinfo._records.zone import Evidence, Zone
from ftzinfo._store.dataset import Dataset

__all__ = ["comparison_html", "dataset_html", "initiative_html", "metric_html", "ranking_html", "to_html", "zone_html"]

_STYLE: Final = (
    "<style>.ftz{border-collapse:collapse;font-size:0.9em}"
    ".ftz th,.ftz td{border:1px solid #ccc;padding:2px 8px;text-align:left !important;vertical-align:top}"
    ".ftz th{background:#f3f3f3}.ftz caption{text-align:left;font-weight:bold;padding:4px 0}"
    ".ftz .q{white-space:nowrap}.ftz .src{font-size:0.85em}</style>"
)


def _e(value: object) -> str:
    return escape("" if value is None else str(value))


def _sources_of(evidence: Iterable[Evidence], known: Mapping[str, Source]) -> list[Source | str]:
    """The sources behind a record, where ``known`` has them (else their ids)."""
    return [known.get(ev.source_id, ev.source_id) for ev in evidence]


def _links(sources: Iterable[Source | str]) -> str:
    parts, seen = [], set()
    for s in sources:
        key = s if isinstance(s, str) else s.id
        if key in seen:
            continue
        seen.add(key)
        if isinstance(s, str):
            parts.append(_e(s))
        else:
            label = s.publisher + (f", {s.published_date.isoformat()}" if s.published_date else "")
            parts.append(f'<a href="{escape(s.url, quote=True)}" title="{_e(s.title)}">{_e(label)}</a>')
    return "; ".join(parts)


def _table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'{_STYLE}<table class="ftz"><caption>{_e(caption)}</caption><tr>{head}</tr>{body}</table>'


def zone_html(z: Zone, known: Mapping[str, Source]) -> str:
    """A zone as a two-column table of its facts and sources."""
    facts = [
        ("id", _e(z.id)),
        ("kind", _e(z.kind.value)),
        ("Chinese name", _e(z.name_zh)),
        ("place", _e(", ".join(p for p in (z.country, z.subdivision, z.city) if p))),
        ("part of", _e(z.parent_id)),
        ("established", _e(z.established)),
        ("area", f'<span class="q">{_e(z.area_km2)}</span>'),
        ("status", _e(z.status.value)),
        ("sectors", _e("; ".join(z.sectors))),
        ("sources", f'<span class="src">{_links(_sources_of(z.evidence, known))}</span>'),
    ]
    return _table(z.name, ["", ""], [(_e(k), v) for k, v in facts if v])


def initiative_html(i: Initiative, known: Mapping[str, Source]) -> str:
    """An initiative as a two-column table."""
    facts = [
        ("id", _e(i.id)),
        ("kind", _e(i.kind.value)),
        ("status", _e(i.status.value)),
        ("announced", _e(i.announced)),
        ("issuer", _e(i.issuer)),
        ("count", _e(i.count)),
        ("zones", _e(", ".join(i.zone_ids))),
        ("sources", f'<span class="src">{_links(_sources_of(i.evidence, known))}</span>'),
    ]
    return _table(i.title, ["", ""], [(_e(k), v) for k, v in facts if v])


def metric_html(m: Metric, known: Mapping[str, Source]) -> str:
    """A metric as one row: zone, indicator, figure (with its qualifier), period, wording, sources."""
    row = (
        _e(m.zone_id),
        _e(m.indicator),
        f'<span class="q">{_e(m.value)}</span>',
        _e(m.period),
        _e(m.value.text),
        f'<span class="src">{_links(_sources_of(m.evidence, known))}</span>',
    )
    return _table(m.id, ["zone", "indicator", "figure", "period", "as the source says", "sources"], [row])


def comparison_html(c: Comparison) -> str:
    """A comparison as the table its text form shows, with linked sources and unlike cells marked."""
    rows = []
    for r, (indicator, metrics, values) in enumerate(zip(c.indicators, c.cells, c.values, strict=True)):
        cells = []
        for col, (metric, q) in enumerate(zip(metrics, values, strict=True)):
            if metric is None or q is None:
                places = c.elsewhere[r][col] if c.elsewhere else ()
                where = f"<br><small>figures sit on {_e(', '.join(map(str, places)))}</small>" if places else ""
                cells.append(f"—{where}")
                continue
            period = f" <small>({_e(metric.period)})</small>" if metric.period is not None else ""
            note = f' <small title="{_e(q.conversion)}">converted</small>' if q.conversion is not None else ""
            unlike = c.unlike[r][col] if c.unlike else None
            mark = f' <small title="{_e(unlike)}">≠ not like for like</small>' if unlike else ""
            sources = (
                f'<br><span class="src">{_links(_sources_of(metric.evidence, {s.id: s for s in c.sources}))}</span>'
            )
            cells.append(f'<span class="q">{_e(q)}</span>{period}{note}{mark}{sources}')
        rows.append([_e(indicator.name), *cells])
    caption = "Comparison" + (f" in {c.currency}" if c.currency else "") + (f" as of {c.as_of}" if c.as_of else "")
    return _table(caption, ["indicator", *(zone_label(z) for z in c.zones)], rows)


def ranking_html(r: Ranking) -> str:
    """A ranking: one row per tier (zones sharing a row are not ordered), then what is missing or left out."""
    rows = []
    for n, tier in enumerate(r, 1):
        entries = "<br>".join(
            f'{_e(zone.name)}: <span class="q">{_e(r.shown(metric))}</span> <small>({_e(metric.period)})</small>'
            for zone, metric in tier
        )
        rows.append([str(n), entries])
    for m in r.missing:
        where = f" <small>figures sit on {_e(', '.join(map(str, m.elsewhere)))}</small>" if m.elsewhere else ""
        rows.append(["no figure", f"{_e(m.zone.name)}{where}"])
    rows.extend(
        ["left out", f"{_e(e.zone.name)}: {_e(e.metric.value)} <small>({_e(e.reason)})</small>"] for e in r.excluded
    )
    return _table(_e(r.summary()), ["tier", "zones (not ordered within a tier)"], rows)


def dataset_html(ds: Dataset) -> str:
    """A dataset's summary: how many records of each kind."""
    rows: list[Any] = [[_e(kind), str(len(ds.records(kind)))] for kind in KINDS]
    return _table("ftzinfo dataset", ["records", "count"], rows)


def to_html(obj: object, ds: Dataset | None) -> str:
    """``obj`` (a record, a comparison, a ranking or a dataset) as HTML; its sources are looked up in ``ds``."""
    if isinstance(obj, Dataset):
        return dataset_html(obj)
    if isinstance(obj, Comparison):
        return comparison_html(obj)
    if isinstance(obj, Ranking):
        return ranking_html(obj)
    known = {} if ds is None else {s.id: s for s in ds.sources()}
    if isinstance(obj, Zone):
        return zone_html(obj, known)
    if isinstance(obj, Initiative):
        return initiative_html(obj, known)
    if isinstance(obj, Metric):
        return metric_html(obj, known)
    msg = f"no HTML for {type(obj).__name__}"
    raise TypeError(msg)
