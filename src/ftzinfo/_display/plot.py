"""Charts that tell the truth about loose figures (the ``plot`` extra, matplotlib).

Each chart shows intervals as error bars and open ends as arrows, labels each figure
with its qualifier ("> 250 bn"), scales its axis to a named unit ("bn CNY", "%")
rather than an offset, draws a period over the span it covers, and never sets figures
of different period kinds on one axis: each kind gets a panel of its own. The figure
it returns displays as a picture in Jupyter without ``%matplotlib inline``.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from ftzinfo._analysis.comparable import period_shape, shape_label
from ftzinfo._analysis.compare import Comparison
from ftzinfo._analysis.series import Series
from ftzinfo._io.optional import require
from ftzinfo._records.metric import Measure, Metric
from ftzinfo._records.units import unit_label

if TYPE_CHECKING:
    from ftzinfo._records.metric import Indicator
    from ftzinfo._records.quantity import Quantity

__all__ = ["plot_comparison", "plot_series", "to_plot"]

_SCALES: Final = ((Decimal("1E12"), "tn"), (Decimal("1E9"), "bn"), (Decimal("1E6"), "mn"), (Decimal("1E3"), "k"))
_TITLE_WIDTH: Final = 60
_OPEN_MARKERS: Final = {"up": "^", "down": "v"}


def _chart_class() -> type:
    """A matplotlib Figure that shows itself as a PNG wherever IPython displays objects."""
    require("matplotlib", "plot")
    from matplotlib.figure import Figure  # noqa: PLC0415 - matplotlib is optional

    class Chart(Figure):
        """A Figure that renders as an image in Jupyter, whatever the backend."""

        def _repr_png_(self) -> bytes:
            buffer = io.BytesIO()
            self.savefig(buffer, format="png", dpi=100)
            return buffer.getvalue()

    return Chart


def _figure(panels: int = 1, *, stacked: bool = False) -> tuple[Any, list[Any]]:
    chart = _chart_class()
    fig = chart(figsize=(7, 4 if panels == 1 or not stacked else 2.6 * panels), layout="constrained")
    rows, columns = (panels, 1) if stacked else (1, panels)
    axes = fig.subplots(rows, columns, squeeze=False, sharex=stacked)
    return fig, [ax for row in axes for ax in row]


def _scale(values: Sequence[Quantity | None]) -> tuple[Decimal, str]:
    """A divisor and an axis label that show the figures without an offset: (1E9, "bn CNY")."""
    present = [q for q in values if q is not None]
    units = {q.unit for q in present}
    unit = unit_label(units.pop()) if len(units) == 1 else ""
    ends = [abs(v) for q in present for v in (q.value, q.low, q.high) if v is not None]
    largest = max(ends, default=Decimal(0))
    for divisor, word in _SCALES:
        if largest >= divisor:
            return divisor, f"{word} {unit}".strip()
    return Decimal(1), unit


def _points(
    values: Sequence[Quantity | None], divisor: Decimal
) -> tuple[list[float], list[float], list[float], list[str | None]]:
    """Middles, lower and upper error lengths, and which way a figure is open ("up", "down" or None)."""
    mids: list[float] = []
    below: list[float] = []
    above: list[float] = []
    open_ends: list[str | None] = []
    for q in values:
        if q is None or (q.midpoint is None and q.low is None and q.high is None):
            mids.append(float("nan"))
            below.append(0.0)
            above.append(0.0)
            open_ends.append(None)
            continue
        mid = q.midpoint if q.midpoint is not None else (q.low if q.low is not None else q.high)
        assert mid is not None  # noqa: S101 - one of them is set, checked above
        mids.append(float(mid / divisor))
        below.append(0.0 if q.low is None else float((mid - q.low) / divisor))
        above.append(0.0 if q.high is None else float((q.high - mid) / divisor))
        open_ends.append("up" if q.high is None else "down" if q.low is None else None)
    return mids, below, above, open_ends


_SIGNS: Final = {
    "approximately": "≈ ", "nearly": "≈ ", "more_than": "> ", "at_least": "≥ ", "less_than": "< ", "at_most": "≤ ",
}  # fmt: skip


def _number(value: Decimal) -> str:
    return f"{value.normalize():,f}" if abs(value) < Decimal("1E15") else f"{value:.3E}"


def _label(q: Quantity, divisor: Decimal) -> str:
    """The figure in the axis's scale, qualifier kept: "> 250", "≈ 30", "10–20"."""
    if q.value is None:
        low = "" if q.low is None else _number(round(q.low / divisor, 3))
        high = "" if q.high is None else _number(round(q.high / divisor, 3))
        return f"{low}–{high}"
    return _SIGNS.get(q.qualifier.value, "") + _number(round(q.value / divisor, 3))


def _mark_open(ax: Any, xs: Sequence[Any], mids: Sequence[float], open_ends: Sequence[str | None]) -> None:
    """Arrows on figures that are open at one end: the true value lies beyond the marker."""
    for x, mid, way in zip(xs, mids, open_ends, strict=True):
        if way is not None:
            ax.plot([x], [mid], marker=_OPEN_MARKERS[way], color="black", markersize=9, linestyle="none")


def _title(fig: Any, text: str) -> None:
    fig.suptitle(textwrap.fill(text, _TITLE_WIDTH))


def plot_comparison(comparison: Comparison, indicator: Indicator | str | None) -> Any:
    """Bars for one row of a Comparison with interval error bars: one panel per kind of period.

    Figures whose periods are not like for like (a year and a half-year) are never
    set side by side on one axis: each kind of period gets a panel of its own.
    """
    if not comparison.indicators:
        raise ValueError("the comparison has no rows to plot")
    row = 0 if indicator is None else comparison._position(indicator, comparison.zones[0])[0]  # noqa: SLF001
    levels = comparison.indicators[row].measure is Measure.STOCK  # levels at dates compare with each other
    panels: dict[object, list[tuple[str, Quantity]]] = {}
    titles: dict[object, str] = {}
    for zone, metric, q in zip(comparison.zones, comparison.cells[row], comparison.values[row], strict=True):
        if metric is None or q is None:
            continue
        key: object = "level" if levels else None if metric.period is None else period_shape(metric.period)
        titles.setdefault(
            key, "level" if levels else "no period" if metric.period is None else shape_label(metric.period)
        )
        label = zone.aliases[0] if zone.aliases else zone.name
        panels.setdefault(key, []).append((f"{textwrap.fill(label, 18)}\n{metric.period}", q))
    divisor, axis = _scale(comparison.values[row])
    fig, axes = _figure(max(len(panels), 1))
    for ax, (shape, bars) in zip(axes, panels.items(), strict=False):
        values = [q for _, q in bars]
        mids, below, above, open_ends = _points(values, divisor)
        xs = list(range(len(bars)))
        ax.bar(xs, mids, yerr=[below, above], capsize=6, color="#4c78a8")
        ax.set_xticks(xs, [label for label, _ in bars])
        _mark_open(ax, xs, mids, open_ends)
        for x, mid, q in zip(xs, mids, values, strict=True):
            ax.annotate(_label(q, divisor), (x, mid), textcoords="offset points", xytext=(0, 12), ha="center")
        ax.set_ylabel(axis)
        ax.margins(y=0.15)  # room for the labels above the bars
        if len(panels) > 1:
            ax.set_title(titles[shape], fontsize="medium")
    _title(fig, comparison.indicators[row].name)
    return fig


def plot_series(series: Series) -> Any:
    """One panel per period kind (never a line across kinds), each point over the span it covers."""
    from matplotlib import dates as mdates  # noqa: PLC0415 - matplotlib is optional

    panels = _by_unit(series.groups())
    fig, axes = _figure(max(len(panels), 1), stacked=True)
    for ax, (label, metrics) in zip(axes, panels, strict=False):
        values = [m.value for m in metrics]
        divisor, axis = _scale(values)
        mids, below, above, open_ends = _points(values, divisor)
        periods = [m.period for m in metrics if m.period is not None]
        centre = [p.start + (p.end - p.start) / 2 for p in periods]
        half = [max((p.end - p.start) / 2, dt.timedelta(days=1)) for p in periods]
        ax.errorbar(centre, mids, xerr=[half, half], yerr=[below, above], marker="o", capsize=4, linestyle="-")
        _mark_open(ax, centre, mids, open_ends)
        for x, mid, m in zip(centre, mids, metrics, strict=True):
            text = f"{_label(m.value, divisor)}\n{m.period}"
            ax.annotate(text, (x, mid), textcoords="offset points", xytext=(0, 6), ha="center", fontsize="small")
        ax.set_ylabel(axis)
        ax.set_title(label, fontsize="medium", loc="left")
        ax.margins(y=0.3)
        locator = mdates.AutoDateLocator()  # type: ignore[no-untyped-call]  # untyped in matplotlib
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    _title(fig, f"{series.indicator.name}: {series.zone.name}")
    return fig


def _by_unit(groups: dict[str, tuple[Metric, ...]]) -> list[tuple[str, tuple[Metric, ...]]]:
    """The panels of a series: one per period kind and, where figures are in several units, per unit.

    Yuan and dollars on one axis would set unlike numbers side by side, so each unit gets
    its own axis (converting needs rates, which a chart is not given).
    """
    units = {m.value.unit for metrics in groups.values() for m in metrics}
    if len(units) <= 1:
        return list(groups.items())
    return [
        (f"{label}, {unit_label(unit)}", tuple(m for m in metrics if m.value.unit == unit))
        for label, metrics in groups.items()
        for unit in sorted({m.value.unit for m in metrics})
    ]


def to_plot(obj: object, *args: Any) -> Any:
    """A chart of a comparison (``args``: the indicator of the row to draw) or of a series."""
    if isinstance(obj, Comparison):
        return plot_comparison(obj, *args)
    if isinstance(obj, Series):
        return plot_series(obj)
    msg = f"no chart for {type(obj).__name__}"
    raise TypeError(msg)
