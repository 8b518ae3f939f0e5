"""Time series of one zone's metrics on one indicator."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from ftzinfo._metric import Indicator, Metric
from ftzinfo._model import Zone
from ftzinfo._period import Period
from ftzinfo._quantity import Quantity
from ftzinfo._select import as_period
from ftzinfo.exceptions import UnknownRecordError

__all__ = ["Series"]


@attrs.frozen(kw_only=True)
class Series:
    """One zone's metrics for one indicator, in period order (metrics without a period left out).

    Attributes:
        zone: The zone.
        indicator: The indicator.
        metrics: The metrics, earliest first.
    """

    zone: Zone
    indicator: Indicator
    metrics: tuple[Metric, ...]

    def __iter__(self) -> Iterator[Metric]:
        return iter(self.metrics)

    def __len__(self) -> int:
        return len(self.metrics)

    def __getitem__(self, index: int) -> Metric:
        return self.metrics[index]

    def at(self, period: Period | str | int) -> Metric:
        """The metric for exactly this period (the latest stated, if sources give several).

        Raises:
            UnknownRecordError: No metric covers exactly that period.
        """
        wanted = as_period(period)
        found = [m for m in self.metrics if m.period == wanted]
        if not found:
            have = [str(m.period) for m in self.metrics]
            raise UnknownRecordError(f"{self.indicator.id} figure for {self.zone.id}", str(wanted), have[-3:])
        return found[-1]

    def growth(self, start: Period | str | int, end: Period | str | int) -> Quantity:
        """Growth from the figure for ``start`` to the figure for ``end``, in percent, as an interval."""
        return self.at(end).value.growth(self.at(start).value)

    def plot(self) -> Any:
        """A line with the intervals as error bars (needs the ``plot`` extra); returns the Figure."""
        from ftzinfo._plot import plot_series  # noqa: PLC0415 - matplotlib only when asked for

        return plot_series(self)

    def __str__(self) -> str:
        lines = [f"{self.indicator.name}: {self.zone.name}"]
        lines += [f"  {m.period}  {m.value}" for m in self.metrics]
        return "\n".join(lines)
