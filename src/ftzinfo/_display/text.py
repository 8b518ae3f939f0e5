"""Plain-text reports: a zone's profile, lists of zones, initiatives and metrics.

The command line prints these; each is given the dataset it reports from.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ftzinfo._records.initiative import Initiative
from ftzinfo._records.metric import Metric
from ftzinfo._records.text_table import Notes, display_width, initiative_line, table
from ftzinfo._records.zone import Milestone, Zone

if TYPE_CHECKING:
    from ftzinfo._store.dataset import Dataset

__all__ = [
    "initiative_order",
    "render_initiatives",
    "render_metrics",
    "render_zone",
    "render_zone_list",
]


def _field(label: str, value: object) -> str:
    return f"  {label + ':':<13}{value}"


def render_zone(ds: Dataset, zone: Zone) -> str:  # noqa: C901 - one section per kind of fact
    """The full text profile of a zone: facts, areas, overlaps, initiatives, metrics and sources."""
    notes = Notes()
    title = zone.name + (f" ({zone.name_zh})" if zone.name_zh else "")
    lines = [title, "=" * display_width(title)]
    parent = ds.parent(zone)
    place = ", ".join(p for p in (zone.country, zone.subdivision, zone.city) if p)
    lines += [
        _field("id", zone.id),
        _field("kind", zone.kind.value),
        _field("status", zone.status.value),
        _field("place", place),
    ]
    if parent is not None:
        lines.append(_field("part of", f"{parent.name} [{parent.id}]"))
    if zone.established is not None:
        lines.append(_field("established", _milestone_text(zone.established)))
    lines += [_field("milestone", _milestone_text(m)) for m in zone.milestones]
    lines.append(_field("area", "—" if zone.area_km2 is None else str(zone.area_km2)))
    if zone.aliases:
        lines.append(_field("also called", "; ".join(zone.aliases)))
    if zone.sectors:
        lines.append(_field("sectors", "; ".join(zone.sectors)))
    if zone.summary:
        lines.append(_field("summary", zone.summary))
    lines.append(_field("sources", notes.cite(ds.sources_of(zone))))
    children = ds.children(zone)
    if children:
        lines += ["", f"Areas ({len(children)}):"]
        lines += [f"  {c.name} [{c.id}]" + (f"  {c.area_km2}" if c.area_km2 else "") for c in children]
    overlapping = ds.overlapping(zone)
    if overlapping:
        lines += ["", "Overlaps (without containing or lying inside):"]
        lines += [f"  {o.name} [{o.id}]" for o in overlapping]
    initiatives = sorted(ds.initiatives(zone), key=initiative_order)
    if initiatives:
        lines += ["", f"Initiatives ({len(initiatives)}):"]
        lines += [f"  {initiative_line(i)} {notes.cite(ds.sources_of(i))}" for i in initiatives]
    lines += _metric_lines(ds, ds.metrics(zone), notes)
    for area in _descendants(ds, zone):
        area_metrics = ds.metrics(area)
        if area_metrics:
            lines += _metric_lines(ds, area_metrics, notes, heading=f"Metrics of {area.name} [{area.id}]")
    lines += ["", "Evidence:"]
    lines += [f"  {notes.cite([ds.source(ev.source_id)])} \u201c{ev.quote}\u201d" for ev in zone.evidence]
    lines += ["", notes.render()]
    return "\n".join(lines).rstrip() + "\n"


def _milestone_text(m: Milestone) -> str:
    return f"{m.event.value} {m.date}" + (f" ({m.note})" if m.note else "")


def _descendants(ds: Dataset, zone: Zone) -> list[Zone]:
    out: list[Zone] = []
    for child in ds.children(zone):
        out += [child, *_descendants(ds, child)]
    return out


def initiative_order(initiative: Initiative) -> tuple[object, ...]:
    """Sort key of initiatives: dated ones in date order, then undated ones, then by id."""
    if initiative.announced is None:
        return (1, None, initiative.id)
    return (0, initiative.announced.date.start, initiative.id)


def _metric_lines(ds: Dataset, metrics: Sequence[Metric], notes: Notes, *, heading: str = "Metrics") -> list[str]:
    if not metrics:
        return []
    rows = [
        [
            ds.indicator(m.indicator).name,
            str(m.value),
            "" if m.period is None else str(m.period),
            notes.cite(ds.sources_of(m)),
        ]
        for m in metrics
    ]
    body = table(["indicator", "value", "period", "sources"], rows)
    return ["", f"{heading} ({len(metrics)}):", *("  " + line for line in body.splitlines())]


def render_initiatives(ds: Dataset, initiatives: Sequence[Initiative]) -> str:
    """Initiatives as dated lines with their sources."""
    notes = Notes()
    ordered = sorted(initiatives, key=initiative_order)
    lines = [f"{initiative_line(i)} {notes.cite(ds.sources_of(i))}  [{i.id}]" for i in ordered]
    return "\n".join([*lines, "", notes.render()]).rstrip() + "\n"


def render_metrics(ds: Dataset, metrics: Sequence[Metric]) -> str:
    """Metrics as a table with their sources."""
    notes = Notes()
    lines = _metric_lines(ds, metrics, notes)
    return "\n".join([*lines[2:], "", notes.render()]).rstrip() + "\n"


def render_zone_list(zones: Sequence[Zone]) -> str:
    """Zones as a table of id, name, kind and place."""
    rows = [[z.id, z.name, z.kind.value, z.subdivision or z.country or "—"] for z in zones]
    return table(["id", "name", "kind", "place"], rows) + "\n"
