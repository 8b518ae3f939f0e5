"""Charts with the intervals drawn as error bars (the ``plot`` extra, matplotlib)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ftzinfo._optional import require
from ftzinfo._units import unit_label

if TYPE_CHECKING:
    from ftzinfo._compare import Comparison
    from ftzinfo._metric import Indicator
    from ftzinfo._quantity import Quantity
    from ftzinfo._series import Series

__all__ = ["plot_comparison", "plot_series"]


def _figure() -> tuple[Any, Any]:
    require("matplotlib", "plot")
    from matplotlib.figure import Figure  # noqa: PLC0415 - matplotlib is optional

    fig = Figure(figsize=(7, 4), layout="constrained")
    return fig, fig.add_subplot()


def _points(values: Sequence[Quantity | None]) -> tuple[list[float], list[float], list[float], list[bool]]:
    """Midpoints, lower and upper error lengths, and whether the upper end is unbounded."""
    mids, below, above, open_top = [], [], [], []
    for q in values:
        if q is None or (q.midpoint is None and q.low is None and q.high is None):
            mids.append(float("nan"))
            below.append(0.0)
            above.append(0.0)
            open_top.append(False)
            continue
        mid = q.midpoint if q.midpoint is not None else (q.low if q.low is not None else q.high)
        assert mid is not None  # noqa: S101 - one of them is set, checked above
        mids.append(float(mid))
        below.append(0.0 if q.low is None else float(mid - q.low))
        above.append(0.0 if q.high is None else float(q.high - mid))
        open_top.append(q.high is None)
    return mids, below, above, open_top


def _unit(values: Sequence[Quantity | None]) -> str:
    units = {q.unit for q in values if q is not None}
    return unit_label(units.pop()) if len(units) == 1 else ""


def plot_comparison(comparison: Comparison, indicator: Indicator | str | None) -> Any:
    """Bars for one row of a Comparison with interval error bars: one panel per kind of period.

    Figures whose periods are not like for like (a year and a half-year) are never
    set side by side on one axis: each kind of period gets a panel of its own.
    """
    from ftzinfo._comparable import period_shape, shape_label  # noqa: PLC0415 - the rule, for the panels

    if not comparison.indicators:
        raise ValueError("the comparison has no rows to plot")
    row = 0 if indicator is None else comparison._position(indicator, comparison.zones[0])[0]  # noqa: SLF001
    panels: dict[object, list[tuple[str, Quantity]]] = {}
    titles: dict[object, str] = {}
    for zone, metric, q in zip(comparison.zones, comparison.cells[row], comparison.values[row], strict=True):
        if metric is None or q is None:
            continue
        key: object = None if metric.period is None else period_shape(metric.period)
        titles.setdefault(key, "no period" if metric.period is None else shape_label(metric.period))
        label = zone.aliases[0] if zone.aliases else zone.name
        panels.setdefault(key, []).append((f"{label}\n{metric.period}", q))
    require("matplotlib", "plot")
    from matplotlib.figure import Figure  # noqa: PLC0415 - matplotlib is optional

    fig = Figure(figsize=(7, 4), layout="constrained")
    axes = fig.subplots(1, max(len(panels), 1), squeeze=False)[0]
    for ax, (shape, bars) in zip(axes, panels.items(), strict=False):
        values = [q for _, q in bars]
        mids, below, above, open_top = _points(values)
        ax.bar([label for label, _ in bars], mids, yerr=[below, above], capsize=6, color="#4c78a8")
        for x, (mid, up) in enumerate(zip(mids, open_top, strict=True)):
            if up:  # "more than": the bar is a floor, the true value lies above it
                ax.annotate("▲ more", (x, mid), ha="center", va="bottom")
        ax.set_ylabel(_unit(values))
        if len(panels) > 1:
            ax.set_title(titles[shape], fontsize="medium")
    fig.suptitle(comparison.indicators[row].name)
    return fig


def plot_series(series: Series) -> Any:
    """One line per period kind (never across kinds), each point drawn over the span it covers."""
    import datetime as dt  # noqa: PLC0415

    fig, ax = _figure()
    for label, metrics in series.groups().items():
        values = [m.value for m in metrics]
        mids, below, above, _ = _points(values)
        periods = [m.period for m in metrics if m.period is not None]
        centre = [p.start + (p.end - p.start) / 2 for p in periods]
        half = [max((p.end - p.start) / 2, dt.timedelta(days=1)) for p in periods]
        ax.errorbar(centre, mids, xerr=[half, half], yerr=[below, above], marker="o", capsize=4, label=label)
    if len(series.groups()) > 1:
        ax.legend(title="period kind")
    ax.set_title(f"{series.indicator.name}: {series.zone.name}")
    ax.set_ylabel(_unit([m.value for m in series.metrics]))
    return fig
