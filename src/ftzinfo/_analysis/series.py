"""Time series of one zone's metrics on one indicator, kept apart by period kind."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ftzinfo._analysis.comparable import comparable, period_shape, shape_label
from ftzinfo._analysis.select import Elsewhere, as_period, elsewhere, figure_record
from ftzinfo._records import presenters
from ftzinfo._records.metric import Indicator, Measure, Metric
from ftzinfo._records.period import Period
from ftzinfo._records.quantity import Quantity
from ftzinfo._records.zone import Zone
from ftzinfo.exceptions import IncomparableError, UnknownRecordError

if TYPE_CHECKING:
    from ftzinfo._store.dataset import Dataset

__all__ = ["Series", "series"]


@attrs.frozen(kw_only=True)
class Series:
    """One zone's metrics for one indicator, in period order (metrics without a period left out).

    A flow's points are only like for like within one period kind (years with
    years, halves with halves, the same months of each year); :meth:`groups` keeps
    them apart, :meth:`growth` refuses to cross them and :meth:`plot` draws one line
    per kind.

    Attributes:
        zone: The zone.
        indicator: The indicator.
        metrics: The metrics, earliest first.
        elsewhere: When the series is empty, related zones that have figures
            for the indicator (its parts, its parent, zones it overlaps).
    """

    zone: Zone
    indicator: Indicator
    metrics: tuple[Metric, ...]
    elsewhere: tuple[Elsewhere, ...] = ()

    def __iter__(self) -> Iterator[Metric]:
        return iter(self.metrics)

    def __len__(self) -> int:
        return len(self.metrics)

    def __getitem__(self, index: int) -> Metric:
        return self.metrics[index]

    def groups(self) -> dict[str, tuple[Metric, ...]]:
        """The points by period kind, each group earliest first: ``{"year": ..., "half": ...}``.

        A stock's points are one group, ``level``: levels at dates compare with each other.
        """
        if self.indicator.measure is Measure.STOCK:
            return {"level": self.metrics} if self.metrics else {}
        out: dict[tuple[object, ...], list[Metric]] = {}
        labels: dict[tuple[object, ...], str] = {}
        for m in self.metrics:
            assert m.period is not None  # noqa: S101 - a series holds dated metrics only
            shape = period_shape(m.period)
            out.setdefault(shape, []).append(m)
            labels.setdefault(shape, shape_label(m.period))
        return {labels[k]: tuple(v) for k, v in out.items()}

    def at(self, period: Period | str | int) -> Metric:
        """The metric for exactly this period (the latest stated, if sources give several).

        Raises:
            UnknownRecordError: No metric covers exactly that period.
        """
        wanted = as_period(period)
        if wanted is None:
            raise TypeError("period must be a Period, its text or a year, not None")
        found = [
            m
            for m in self.metrics
            if m.period is not None and (m.period.start, m.period.end) == (wanted.start, wanted.end)
        ]
        if not found:
            have = [str(m.period) for m in self.metrics]
            raise UnknownRecordError(f"{self.indicator.id} figure for {self.zone.id}", str(wanted), have[-3:])
        return found[-1]

    def growth(self, start: Period | str | int, end: Period | str | int) -> Quantity:
        """Growth from the figure for ``start`` to the figure for ``end``, in percent, as an interval.

        Raises:
            IncomparableError: The two figures are not like for like (a year and a
                half-year, a flow and a running total ...).
            UnknownRecordError: No figure for one of the periods.
        """
        a, b = self.at(start), self.at(end)
        verdict = comparable(a, b, self.indicator)
        if not verdict:
            raise IncomparableError(f"no growth from {a.period} to {b.period}: {verdict.reason}")
        return b.value.growth(a.value)

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per point: its period kind, period (text, first and last day) and figure."""
        kinds = {m.id: label for label, metrics in self.groups().items() for m in metrics}
        return [
            {"zone": self.zone.id, "indicator": self.indicator.id, "period_kind": kinds.get(m.id), **figure_record(m)}
            for m in self.metrics
        ]

    def to_frame(self) -> Any:
        """The points as a pandas DataFrame (needs the ``pandas`` extra)."""
        from ftzinfo._io.frames import frame  # noqa: PLC0415 - pandas only when asked for

        return frame(self.to_records())

    def plot(self) -> Any:
        """One line per period kind, each point drawn over the span it covers (needs the ``plot`` extra)."""
        return presenters.plot(self)

    def __str__(self) -> str:
        lines = [f"{self.indicator.name}: {self.zone.name}"]
        groups = self.groups()
        for label, metrics in groups.items():
            if len(groups) > 1:
                lines.append(f" {label}:")
            lines += [f"  {m.period}  {m.value}" for m in metrics]
        if not self.metrics:
            lines.append("  (no dated figures)")
            if self.elsewhere:
                lines.append(f"  figures sit on {', '.join(map(str, self.elsewhere))}")
        return "\n".join(lines)


def series(ds: Dataset, zone: Zone | str, indicator: Indicator | str) -> Series:
    """A zone's metrics in ``ds`` for one indicator, in period order (see :func:`ftzinfo.series`)."""
    z, ind = ds.zone(zone), ds.indicator(indicator)
    dated = tuple(m for m in ds.metrics(z, indicator=ind) if m.period is not None)
    return Series(zone=z, indicator=ind, metrics=dated, elsewhere=() if dated else elsewhere(ds, z, ind))
