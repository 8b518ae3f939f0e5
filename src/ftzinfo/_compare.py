"""Comparison tables: zones side by side, one row per indicator."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ftzinfo._model import Indicator, Metric, Source, Zone
from ftzinfo._render import Notes, marks, metric_cell, render_notes, table, zone_label

if TYPE_CHECKING:
    from ftzinfo._dataset import Dataset

__all__ = ["Comparison", "build_comparison"]

_EMPTY = "—"


def _established(zone: Zone) -> str:
    m = zone.established
    return _EMPTY if m is None else f"{m.date} ({m.event.value})"


_FACTS: tuple[tuple[str, Callable[[Zone], str]], ...] = (
    ("Kind", lambda z: z.kind.value),
    ("Established", _established),
    ("Area", lambda z: _EMPTY if z.area_km2 is None else str(z.area_km2)),
)


@attrs.frozen(kw_only=True)
class Comparison:
    """Zones side by side: one row per indicator, one column per zone.

    Attributes:
        zones: The columns.
        indicators: The rows.
        cells: ``cells[row][column]``: the zone's latest Metric for the row's
            indicator, or None where the data has none.
        sources: Every source a cell cites, in note order.
    """

    zones: tuple[Zone, ...]
    indicators: tuple[Indicator, ...]
    cells: tuple[tuple[Metric | None, ...], ...]
    sources: tuple[Source, ...]
    _cited: tuple[tuple[tuple[int, ...], ...], ...] = attrs.field(alias="cited", repr=False)

    def cell(self, indicator: Indicator | str, zone: Zone | str) -> Metric | None:
        """The Metric at one indicator's row and one zone's column."""
        indicator_id = indicator.id if isinstance(indicator, Indicator) else indicator
        zone_id = zone.id if isinstance(zone, Zone) else zone
        row = [i.id for i in self.indicators].index(indicator_id)
        column = [z.id for z in self.zones].index(zone_id)
        return self.cells[row][column]

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per row: ``indicator``, ``name``, then each zone id with its cell text (or None)."""
        records = []
        for indicator, row in zip(self.indicators, self.cells, strict=True):
            record: dict[str, Any] = {"indicator": indicator.id, "name": indicator.name}
            for zone, metric in zip(self.zones, row, strict=True):
                record[zone.id] = None if metric is None else str(metric.value)
            records.append(record)
        return records

    def to_long_records(self) -> list[dict[str, Any]]:
        """One dict per filled cell, with the figure's bounds, period and source ids."""
        out = []
        for indicator, row in zip(self.indicators, self.cells, strict=True):
            for zone, metric in zip(self.zones, row, strict=True):
                if metric is None:
                    continue
                q = metric.value
                out.append(
                    {
                        "indicator": indicator.id,
                        "zone": zone.id,
                        "metric": metric.id,
                        "value": q.value,
                        "qualifier": q.qualifier.value,
                        "low": q.low,
                        "high": q.high,
                        "unit": q.unit,
                        "text": q.text,
                        "period": None if metric.period is None else str(metric.period),
                        "sources": tuple(ev.source_id for ev in metric.evidence),
                    }
                )
        return out

    def __str__(self) -> str:
        headers = ["indicator", *(zone_label(z) for z in self.zones)]
        rows = [[label, *(fact(z) for z in self.zones)] for label, fact in _FACTS]
        for indicator, row, cited in zip(self.indicators, self.cells, self._cited, strict=True):
            cells = [_EMPTY if m is None else f"{metric_cell(m)} {marks(c)}" for m, c in zip(row, cited, strict=True)]
            rows.append([indicator.name, *cells])
        notes = render_notes(self.sources)
        return table(headers, rows) + ("\n\n" + notes if notes else "")


def build_comparison(ds: Dataset, zones: Sequence[Zone], indicators: Sequence[Indicator | str] | None) -> Comparison:
    """Build the Comparison of ``zones`` on ``indicators`` (by default, all they have)."""
    if indicators is None:
        present = {m.indicator for z in zones for m in ds.metrics(z)}
        rows = tuple(i for i in ds.indicators() if i.id in present)
    else:
        rows = tuple(ds.indicator(i) for i in indicators)
    notes = Notes()
    cells = []
    cited = []
    for indicator in rows:
        row: list[Metric | None] = []
        numbers: list[tuple[int, ...]] = []
        for zone in zones:
            found = ds.metrics(zone, indicator=indicator)
            latest = found[-1] if found else None
            row.append(latest)
            numbers.append(() if latest is None else notes.numbers(ds.sources_of(latest)))
        cells.append(tuple(row))
        cited.append(tuple(numbers))
    return Comparison(
        zones=tuple(zones), indicators=rows, cells=tuple(cells), sources=notes.sources, cited=tuple(cited)
    )
