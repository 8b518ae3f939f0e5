"""Indicator and Metric: what is measured, and a figure a source reports for a zone."""

from __future__ import annotations

from typing import Any

import attrs

from ftzinfo._records import presenters
from ftzinfo._records.enums import TextEnum, to_enum
from ftzinfo._records.period import Period
from ftzinfo._records.quantity import Quantity
from ftzinfo._records.reprs import record_repr
from ftzinfo._records.validate import ID_CHECK, OPTIONAL_TEXT, as_tuple, fail, instance_of, text, tuple_of
from ftzinfo._records.zone import Evidence

__all__ = ["Indicator", "Measure", "Metric", "UnitKind"]


class UnitKind(TextEnum):
    """The kind of unit an Indicator's figures take."""

    COUNT = "count"
    PERCENT = "percent"
    CURRENCY = "currency"
    AREA = "area"


class Measure(TextEnum):
    """Whether an Indicator is a level at a date (stock) or an amount over a period (flow)."""

    STOCK = "stock"
    FLOW = "flow"


def _unit_kind(value: object) -> UnitKind:
    return to_enum(UnitKind, "unit_kind", value)


def _measure(value: object) -> Measure:
    return to_enum(Measure, "measure", value)


@attrs.frozen(kw_only=True)
class Indicator:
    """What a Metric measures.

    Attributes:
        id: Stable id, such as ``financial_institutions``.
        name: A short English name.
        unit_kind: The kind of unit its figures take.
        measure: Stock (a level at a date) or flow (an amount over a period).
        description: What exactly it counts, or None.
    """

    __repr__ = record_repr  # see record_repr: attrs makes no __repr__ of its own

    id: str = attrs.field(validator=ID_CHECK)
    name: str = attrs.field(validator=text())
    unit_kind: UnitKind = attrs.field(converter=_unit_kind)
    measure: Measure = attrs.field(converter=_measure)
    description: str | None = attrs.field(default=None, validator=OPTIONAL_TEXT)


def _figure(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """A Quantity, and for an area one not below zero (one check: it runs for every metric read)."""
    if type(value) is not Quantity and not isinstance(value, Quantity):
        raise fail(attribute, f"expected Quantity, got {type(value).__name__}")
    if value.unit == "km2" and value.low is not None and value.low < 0:
        raise fail(attribute, "an area cannot be negative")


@attrs.frozen(kw_only=True)
class Metric:
    """A figure a source reports for a zone.

    Attributes:
        id: Stable id.
        zone_id: The zone it measures.
        indicator: The id of the :class:`Indicator`.
        value: The figure as the source states it.
        period: The time it covers (a flow) or stands at (a stock); None where
            the source does not say.
        note: A few words on how to read it, or None.
        evidence: The sources and quotes that state it; each quote contains the
            figure as written.
    """

    __repr__ = record_repr  # see record_repr: attrs makes no __repr__ of its own

    id: str = attrs.field(validator=ID_CHECK)
    zone_id: str = attrs.field(validator=ID_CHECK)
    indicator: str = attrs.field(validator=ID_CHECK)
    value: Quantity = attrs.field(validator=_figure)
    period: Period | None = attrs.field(default=None, validator=instance_of(Period, optional=True))
    note: str | None = attrs.field(repr=False, default=None, validator=OPTIONAL_TEXT)
    evidence: tuple[Evidence, ...] = attrs.field(
        repr=False, default=(), converter=as_tuple, validator=tuple_of(Evidence)
    )

    def _repr_html_(self) -> str:
        return presenters.html(self)
