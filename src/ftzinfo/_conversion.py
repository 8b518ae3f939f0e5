"""Converting money figures between currencies, end by end, with the rate on record."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

import attrs

from ftzinfo._period import Period
from ftzinfo._quantity import Conversion, Quantity
from ftzinfo._units import is_currency
from ftzinfo.exceptions import ConversionError, UnknownRecordError

if TYPE_CHECKING:
    from ftzinfo._dataset import Dataset

__all__ = ["convert"]

#: The currency the bundled rates are quoted against.
_PIVOT = "USD"


def convert(
    q: Quantity,
    currency: str,
    *,
    rate: Decimal | int | str | None = None,
    period: Period | int | None = None,
    dataset: Dataset | None = None,
) -> Quantity:
    """See :meth:`Quantity.convert`."""
    if not q.is_money:
        raise ConversionError(f"only money converts between currencies; this figure is in {q.unit}")
    if not is_currency(currency):
        raise ConversionError(f"{currency!r} is not an ISO 4217 currency code")
    if currency == q.unit:
        return q
    if rate is not None:
        factor = _decimal_rate(rate)
        return _scaled(
            q, currency, factor, Conversion(from_unit=q.unit, to_unit=currency, rate=factor, basis="explicit")
        )
    if q.equivalent is not None and q.equivalent.unit == currency:
        implied = None if not q.value or q.equivalent.value is None else q.equivalent.value / q.value
        conversion = Conversion(from_unit=q.unit, to_unit=currency, rate=implied, basis="stated")
        return attrs.evolve(q.equivalent, conversion=conversion)
    if period is None:
        raise ConversionError(
            f"no rate to convert {q.unit} to {currency}: pass rate=, or a period for the bundled annual averages"
        )
    year = _year(period)
    factor, divisor, ids = _bundled_factor(q.unit, currency, year, dataset)
    conversion = Conversion(
        from_unit=q.unit, to_unit=currency, rate=factor / divisor, basis="annual_average", rate_ids=ids
    )
    return _scaled(q, currency, factor, conversion, divisor)


def _decimal_rate(rate: Decimal | int | str) -> Decimal:
    try:
        value = Decimal(rate) if not isinstance(rate, float) else Decimal(repr(rate))
    except (InvalidOperation, TypeError, ValueError):
        raise ConversionError(f"{rate!r} is not a rate") from None
    if not value.is_finite() or value <= 0:
        raise ConversionError(f"a rate is a positive number, not {rate!r}")
    return value


def _year(period: Period | int) -> int:
    if isinstance(period, int):
        return period
    if period.start.year != period.end.year:
        raise ConversionError(f"{period} spans several years; pass rate= for a rate of your choice")
    return period.start.year


def _bundled_factor(
    unit: str, currency: str, year: int, dataset: Dataset | None
) -> tuple[Decimal, Decimal, tuple[str, ...]]:
    """Units of ``currency`` per unit of ``unit`` in ``year`` through the US dollar, as factor and divisor."""
    if dataset is None:
        from ftzinfo._bundled import bundled  # noqa: PLC0415

        dataset = bundled()
    factor = divisor = Decimal(1)
    ids: list[str] = []
    try:
        if unit != _PIVOT:  # unit -> USD
            r = dataset.rate(unit, _PIVOT, year)
            divisor = r.value
            ids.append(r.id)
        if currency != _PIVOT:  # USD -> currency
            r = dataset.rate(currency, _PIVOT, year)
            factor *= r.value
            ids.append(r.id)
    except UnknownRecordError as exc:
        raise ConversionError(f"no bundled rate to convert {unit} to {currency} in {year} ({exc})") from None
    return factor, divisor, tuple(ids)


def _scaled(
    q: Quantity, currency: str, factor: Decimal, conversion: Conversion, divisor: Decimal = Decimal(1)
) -> Quantity:
    scaled = q.interval.scale(factor, divisor)
    return Quantity(
        value=None if q.value is None else q.value * factor / divisor,
        qualifier=q.qualifier,
        low=scaled.low,
        high=scaled.high,
        low_closed=scaled.low_closed,
        high_closed=scaled.high_closed,
        unit=currency,
        conversion=conversion,
    )
