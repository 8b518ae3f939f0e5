"""Comparison tables: zones side by side, one row per indicator, qualifiers kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ftzinfo._analysis.comparable import comparable
from ftzinfo._analysis.select import Elsewhere, as_period, elsewhere, figure_record, pick, shown_value
from ftzinfo._records import presenters
from ftzinfo._records.conversion import currency_code
from ftzinfo._records.metric import Indicator, Metric
from ftzinfo._records.names import normalise
from ftzinfo._records.period import Period
from ftzinfo._records.quantity import Quantity
from ftzinfo._records.source import Source
from ftzinfo._records.text_table import Notes, marks, render_notes, table, zone_label
from ftzinfo._records.zone import Zone
from ftzinfo.exceptions import ConversionError, UnknownRecordError, UnknownZoneError

if TYPE_CHECKING:
    from ftzinfo._store.dataset import Dataset

__all__ = ["Comparison", "build_comparison", "compare"]

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
        cells: ``cells[row][column]``: the Metric chosen for that zone and
            indicator (the latest, or the one for ``period``), or None.
        values: The figures shown, parallel to ``cells``: the metric's value,
            converted where ``currency`` asked for it (see ``Quantity.conversion``).
        unlike: Parallel to ``cells``: for a cell whose figure is not like the rest
            of its row (another kind of period), the reason; else None.
        elsewhere: Parallel to ``cells``: for an empty cell, the related zones
            (parts, parent, overlapping zones) that have figures for the row.
        unconverted: Parallel to ``cells``: for a money cell no rate could
            convert, the reason (the cell shows the figure as stated); else None.
        sources: Every source a cell cites (rates included), in note order.
        period: The period asked for, or None for the latest.
        currency: The currency money was converted to, or None.
        as_of: The date the data was restricted to, or None.
    """

    zones: tuple[Zone, ...]
    indicators: tuple[Indicator, ...]
    cells: tuple[tuple[Metric | None, ...], ...]
    values: tuple[tuple[Quantity | None, ...], ...]
    sources: tuple[Source, ...]
    period: Period | None = None
    currency: str | None = None
    as_of: dt.date | None = None
    unlike: tuple[tuple[str | None, ...], ...] = ()
    elsewhere: tuple[tuple[tuple[Elsewhere, ...], ...], ...] = ()
    unconverted: tuple[tuple[str | None, ...], ...] = ()
    _cited: tuple[tuple[tuple[int, ...], ...], ...] = attrs.field(alias="cited", repr=False)

    def _position(self, indicator: Indicator | str, zone: Zone | str) -> tuple[int, int]:
        indicator_id = indicator.id if isinstance(indicator, Indicator) else indicator
        rows = [i.id for i in self.indicators]
        if indicator_id not in rows:
            raise UnknownRecordError("row", indicator_id, rows[:3])
        key = normalise(zone.id if isinstance(zone, Zone) else zone)
        for column, z in enumerate(self.zones):
            if key in {normalise(k) for k in (z.id, z.name, z.name_zh, *z.aliases) if k}:
                return rows.index(indicator_id), column
        raise UnknownZoneError(zone, [z.name for z in self.zones])

    def cell(self, indicator: Indicator | str, zone: Zone | str) -> Metric | None:
        """The Metric at one indicator's row and one zone's column."""
        row, column = self._position(indicator, zone)
        return self.cells[row][column]

    def value(self, indicator: Indicator | str, zone: Zone | str) -> Quantity | None:
        """The figure shown at one indicator's row and one zone's column (converted if asked)."""
        row, column = self._position(indicator, zone)
        return self.values[row][column]

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per row: ``indicator``, ``name``, then each zone id with its cell text (or None)."""
        records = []
        for indicator, row in zip(self.indicators, self.values, strict=True):
            record: dict[str, Any] = {"indicator": indicator.id, "name": indicator.name}
            for zone, q in zip(self.zones, row, strict=True):
                record[zone.id] = None if q is None else str(q)
            records.append(record)
        return records

    def to_long_records(self) -> list[dict[str, Any]]:
        """One dict per filled cell: the figure's bounds, qualifier, unit, period, conversion and sources."""
        out = []
        for row, (indicator, metrics, values) in enumerate(zip(self.indicators, self.cells, self.values, strict=True)):
            for column, (zone, metric, q) in enumerate(zip(self.zones, metrics, values, strict=True)):
                if metric is None or q is None:
                    continue
                unlike = self.unlike[row][column] if self.unlike else None
                out.append(
                    {
                        "indicator": indicator.id,
                        "zone": zone.id,
                        **figure_record(metric, q),
                        "conversion": None if q.conversion is None else str(q.conversion),
                        "sources": tuple(ev.source_id for ev in metric.evidence),
                        "unlike": unlike,
                    }
                )
        return out

    def to_frame(self) -> Any:
        """The long records as a pandas DataFrame (needs the ``pandas`` extra)."""
        from ftzinfo._io.frames import frame  # noqa: PLC0415 - pandas only when asked for

        return frame(self.to_long_records())

    def plot(self, indicator: Indicator | str | None = None) -> Any:
        """A bar chart of one row (the first by default) with the intervals as error bars.

        Needs the ``plot`` extra (matplotlib); returns the Figure.
        """
        return presenters.plot(self, indicator)

    def _repr_html_(self) -> str:
        return presenters.html(self)

    def _cell_text(
        self,
        r: int,
        c: int,
        metric: Metric | None,
        q: Quantity | None,
        numbers: tuple[int, ...],
        conversions: list[str],
        remarks: list[str],
    ) -> str:
        if metric is None or q is None:
            places = self.elsewhere[r][c] if self.elsewhere else ()
            if places:
                where = ", ".join(map(str, places))
                remarks.append(f"{self.zones[c].name} has no {self.indicators[r].id} figure; they sit on {where}")
            return _EMPTY
        text = f"{q}" + (f" ({metric.period})" if metric.period is not None else "")
        if q.conversion is not None:
            conversions.append(f"{metric.id}: {metric.value} {q.conversion}")
            text += f" *{len(conversions)}"
        if self.unconverted and self.unconverted[r][c]:
            remarks.append(f"{metric.id} is shown as stated: {self.unconverted[r][c]}")
        if self.unlike and self.unlike[r][c]:
            text += " ≠"
        return f"{text} {marks(numbers)}"

    def __str__(self) -> str:
        headers = ["indicator", *(zone_label(z) for z in self.zones)]
        rows = [[label, *(fact(z) for z in self.zones)] for label, fact in _FACTS]
        conversions: list[str] = []
        remarks: list[str] = []
        for r, (indicator, metrics, values, cited) in enumerate(
            zip(self.indicators, self.cells, self.values, self._cited, strict=True)
        ):
            cells = [
                self._cell_text(r, c, metric, q, numbers, conversions, remarks)
                for c, (metric, q, numbers) in enumerate(zip(metrics, values, cited, strict=True))
            ]
            rows.append([indicator.name, *cells])
        parts = [table(headers, rows)]
        if any(u for row in self.unlike for u in row):
            parts.append("≠ not like for like: its period is of another kind than the rest of its row")
        if conversions:
            parts.append("Conversions:\n" + "\n".join(f"  *{i} {c}" for i, c in enumerate(conversions, 1)))
        if remarks:
            parts.append("Notes:\n" + "\n".join(f"  - {m}" for m in remarks))
        notes = render_notes(self.sources)
        if notes:
            parts.append(notes)
        return "\n\n".join(parts)


def build_comparison(
    ds: Dataset,
    zones: Sequence[Zone],
    indicators: Sequence[Indicator | str] | None,
    *,
    period: Period | None = None,
    currency: str | None = None,
    as_of: dt.date | None = None,
) -> Comparison:
    """Build the Comparison of ``zones`` on ``indicators`` (by default, all they have)."""
    if indicators is None:
        present = {m.indicator for z in zones for m in ds.metrics(z)}
        rows = tuple(i for i in ds.indicators() if i.id in present)
    else:
        rows = tuple(ds.indicator(i) for i in indicators)
    notes = Notes()
    rates = {r.id: r for r in ds.rates()}
    cells, values, cited, unlike, places, unconverted = [], [], [], [], [], []
    for indicator in rows:
        metrics = [pick(ds, zone, indicator, period) for zone in zones]
        pairs = [_shown(m, currency, ds) for m in metrics]
        shown = [q for q, _ in pairs]
        failed = [why for _, why in pairs]
        numbers = []
        for m, q in zip(metrics, shown, strict=True):
            sources: list[Source] = [] if m is None else list(ds.sources_of(m))
            if q is not None and q.conversion is not None:
                sources += [s for r in q.conversion.rate_ids for s in ds.sources_of(rates[r])]
            numbers.append(notes.numbers(sources))
        cells.append(tuple(metrics))
        values.append(tuple(shown))
        cited.append(tuple(numbers))
        unlike.append(_unlike(metrics, indicator))
        places.append(
            tuple(
                elsewhere(ds, z, indicator) if m is None and not ds.metrics(z, indicator=indicator) else ()
                for z, m in zip(zones, metrics, strict=True)
            )
        )
        unconverted.append(tuple(failed))
    return Comparison(
        zones=tuple(zones),
        indicators=rows,
        cells=tuple(cells),
        values=tuple(values),
        sources=notes.sources,
        period=period,
        currency=currency,
        as_of=as_of,
        unlike=tuple(unlike),
        elsewhere=tuple(places),
        unconverted=tuple(unconverted),
        cited=tuple(cited),
    )


def _shown(metric: Metric | None, currency: str | None, ds: Dataset) -> tuple[Quantity | None, str | None]:
    """A cell's figure, converted where asked; a figure no rate converts is shown as stated, with why."""
    if metric is None:
        return None, None
    try:
        return shown_value(metric, currency, ds), None
    except ConversionError as exc:
        return metric.value, str(exc)


def _unlike(metrics: Sequence[Metric | None], indicator: Indicator) -> tuple[str | None, ...]:
    """For each cell not like the others of its row, why; a row's cells are like when all pairs are."""
    filled = [m for m in metrics if m is not None]
    out: list[str | None] = []
    for m in metrics:
        reason = None
        if m is not None:
            for other in filled:
                if other is not m:
                    verdict = comparable(m, other, indicator)
                    if not verdict:
                        reason = verdict.reason
                        break
        out.append(reason)
    return tuple(out)


def compare(
    ds: Dataset,
    *zones: Zone | str,
    indicators: Sequence[Indicator | str] | None = None,
    period: Period | str | int | None = None,
    currency: str | None = None,
    as_of: dt.date | None = None,
) -> Comparison:
    """Set zones of ``ds`` side by side (see :func:`ftzinfo.compare`)."""
    code = None if currency is None else currency_code(currency)
    asked = as_period(period)
    view = ds if as_of is None else ds.as_of(as_of)
    return build_comparison(view, [view.zone(z) for z in zones], indicators, period=asked, currency=code, as_of=as_of)
