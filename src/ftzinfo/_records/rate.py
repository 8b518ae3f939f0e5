"""Rate: an exchange rate a source states."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from ftzinfo._records.enums import TextEnum, to_enum
from ftzinfo._records.period import Period
from ftzinfo._records.reprs import record_repr
from ftzinfo._records.units import CURRENCIES, is_currency
from ftzinfo._records.validate import ID_CHECK, OPTIONAL_TEXT, as_tuple, fail, instance_of, tuple_of
from ftzinfo._records.zone import Evidence

__all__ = ["Rate", "RateKind"]


class RateKind(TextEnum):
    """What an exchange rate is an average or a reading of."""

    ANNUAL_AVERAGE = "annual_average"
    YEAR_END = "year_end"
    FIXED = "fixed"


def _rate_kind(value: object) -> RateKind:
    return to_enum(RateKind, "kind", value)


def _currency(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not is_currency(value):
        raise fail(attribute, f"{value!r} is not an ISO 4217 currency code")


_currency.json_schema = {"enum": sorted(CURRENCIES)}  # type: ignore[attr-defined]


def _positive(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or value <= 0:
        raise fail(attribute, f"a rate is a positive decimal number, not {value!r}")


_positive.json_schema = {  # type: ignore[attr-defined]
    "anyOf": [
        {"type": "string", "pattern": r"^\+?(?=[^eE]*[1-9])(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$"},
        {"type": "number", "exclusiveMinimum": 0},
    ]
}


@attrs.frozen(kw_only=True)
class Rate:
    """An exchange rate a source states: ``value`` units of ``currency`` per one ``per``.

    Attributes:
        id: Stable id, such as ``cny-per-usd-2019``.
        currency: The currency counted (``CNY``).
        per: The currency of which one unit is priced (``USD``).
        period: The time the rate covers (a year for an annual average).
        kind: An annual average, a year-end reading, or a fixed (pegged) rate that
            holds over the whole period.
        series: Which published series it belongs to (``fed-g5a``, ``official`` ...):
            series differ in method, so figures from two series disagree slightly.
        value: The rate, exact to the digit.
        text: The figure as the source writes it, or None.
        note: A few words on how to read it, or None.
        evidence: The sources and quotes that state it.
    """

    __repr__ = record_repr  # see record_repr: attrs makes no __repr__ of its own

    id: str = attrs.field(validator=ID_CHECK)
    currency: str = attrs.field(validator=_currency)
    per: str = attrs.field(validator=_currency)
    period: Period = attrs.field(validator=instance_of(Period))
    kind: RateKind = attrs.field(default=RateKind.ANNUAL_AVERAGE, converter=_rate_kind)
    series: str = attrs.field(validator=ID_CHECK)
    value: Decimal = attrs.field(validator=_positive)
    text: str | None = attrs.field(default=None, validator=OPTIONAL_TEXT)
    note: str | None = attrs.field(repr=False, default=None, validator=OPTIONAL_TEXT)
    evidence: tuple[Evidence, ...] = attrs.field(
        repr=False, default=(), converter=as_tuple, validator=tuple_of(Evidence)
    )
