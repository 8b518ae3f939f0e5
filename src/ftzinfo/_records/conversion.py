"""Converting money figures between currencies, end by end, with the rate on record.

Loaded when a figure is first converted: a zone lookup never needs it.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Protocol

import attrs

from ftzinfo._records.bounds import Qualifier, check_decimal, check_unit
from ftzinfo._records.exact import exact
from ftzinfo._records.period import Period
from ftzinfo._records.units import is_currency
from ftzinfo.exceptions import ConversionError, UnknownRecordError

if TYPE_CHECKING:
    from ftzinfo._records.interval import Interval
    from ftzinfo._records.quantity import Quantity
    from ftzinfo._records.rate import Rate

__all__ = ["Conversion", "RateSource", "convert", "currency_code"]


class RateSource(Protocol):
    """Where conversions find annual rates: a Dataset is one (its own rates, and no others)."""

    def rate(self, currency: str, per: str, year: int, *, series: str | None = None) -> Rate:
        """The rate of ``currency`` per one ``per`` for ``year``; raises LookupError when there is none."""
        ...


def currency_code(code: object) -> str:
    """An ISO 4217 code in capitals (``"usd"`` is ``"USD"``); anything else is a ConversionError."""
    if not isinstance(code, str):
        raise TypeError(f"currency must be an ISO 4217 code as text, not {type(code).__name__}")
    upper = code.strip().upper()
    if not is_currency(upper):
        raise ConversionError(f"{code!r} is not an ISO 4217 currency code")
    return upper


#: The currency rates are quoted against: a conversion between two others goes through it.
_PIVOT = "USD"


@attrs.frozen(kw_only=True)
class Conversion:
    """How a figure was converted to another currency.

    Attributes:
        from_unit: The currency the figure was stated in.
        to_unit: The currency it was converted to.
        rate: Units of ``to_unit`` per unit of ``from_unit``.
        basis: ``explicit`` (the caller's rate), ``stated`` (the source's own
            equivalent) or ``annual_average`` (the dataset's rates).
        rate: None when the figure spans years whose rates differ: it was
            converted with the whole range of their annual averages.
        rate_ids: The ids of the rates used, if any.
    """

    from_unit: str = attrs.field(validator=check_unit)
    to_unit: str = attrs.field(validator=check_unit)
    rate: Decimal | None = attrs.field(validator=check_decimal)
    basis: str
    rate_ids: tuple[str, ...] = ()

    def __str__(self) -> str:
        if self.basis == "stated":
            return f"the source's own figure in {self.to_unit} beside the {self.from_unit} one"
        how = "at the given rate" if self.basis == "explicit" else "at the annual average"
        text = f"converted from {self.from_unit} {how}"
        if self.rate:
            forward, back = _sig(self.rate), _sig(1 / self.rate)
            text += f" of {forward} {self.to_unit} per {self.from_unit} ({back} {self.from_unit} per {self.to_unit})"
        elif self.basis == "annual_average":
            text += "s of the years it spans (the range of their rates)"
        if self.rate_ids:
            text += f" [{', '.join(self.rate_ids)}]"
        return text


def _sig(value: Decimal, digits: int = 6) -> str:
    """``value`` to ``digits`` significant digits, without an exponent."""
    rounded = round(value, digits - 1 - value.adjusted())
    return f"{rounded.normalize():f}"


@exact
def convert(
    q: Quantity,
    currency: str,
    *,
    rate: Decimal | int | str | None = None,
    period: Period | int | None = None,
    rates: RateSource | None = None,
) -> Quantity:
    """See :meth:`Quantity.convert`."""
    currency = currency_code(currency)
    if not q.is_money:
        raise ConversionError(f"only money converts between currencies; this figure is in {q.unit}")
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
            f"no rate to convert {q.unit} to {currency}: pass rate=, or a period and the rates= to use"
        )
    if rates is not None and not callable(getattr(rates, "rate", None)):
        raise TypeError(f"rates must be a Dataset (or have its rate method), not {type(rates).__name__}")
    if rates is None:
        raise ConversionError(
            f"no rates to convert {q.unit} to {currency} with: pass rates= (a Dataset, whose own rates are used)"
        )
    pairs: dict[tuple[Decimal, Decimal], None] = {}
    ids: list[str] = []
    for year in _years(period):
        factor, divisor, used = _factor(q.unit, currency, year, rates)
        pairs.setdefault((factor, divisor))
        ids += [i for i in used if i not in ids]
    if len(pairs) == 1:  # one rate: scale by it exactly, multiplying before dividing
        ((factor, divisor),) = pairs
        conversion = Conversion(
            from_unit=q.unit, to_unit=currency, rate=factor / divisor, basis="annual_average", rate_ids=tuple(ids)
        )
        return _scaled(q, currency, factor, conversion, divisor)
    ratios = [f / d for f, d in pairs]
    conversion = Conversion(from_unit=q.unit, to_unit=currency, rate=None, basis="annual_average", rate_ids=tuple(ids))
    return _spread(q, currency, min(ratios), max(ratios), conversion)


def _decimal_rate(rate: Decimal | int | str) -> Decimal:
    try:
        value = Decimal(rate) if not isinstance(rate, float) else Decimal(repr(rate))
    except (InvalidOperation, TypeError, ValueError):
        raise ConversionError(f"{rate!r} is not a rate") from None
    if not value.is_finite() or value <= 0:
        raise ConversionError(f"a rate is a positive number, not {rate!r}")
    return value


def _years(period: Period | int) -> range:
    if isinstance(period, bool) or not isinstance(period, (int, Period)):
        raise TypeError(f"period must be a Period or a year, not {type(period).__name__}")
    if isinstance(period, int):
        return range(period, period + 1)
    return range(period.start.year, period.end.year + 1)


def _factor(unit: str, currency: str, year: int, rates: RateSource) -> tuple[Decimal, Decimal, tuple[str, ...]]:
    """Units of ``currency`` per unit of ``unit`` in ``year`` through the US dollar, as factor and divisor."""
    factor = divisor = Decimal(1)
    ids: list[str] = []
    if unit != _PIVOT:  # unit -> USD: divide by units per dollar
        per_dollar, used = _per_dollar(unit, year, rates, (unit, currency))
        factor, divisor = per_dollar[1], per_dollar[0]
        ids.append(used)
    if currency != _PIVOT:  # USD -> currency: multiply by currency units per dollar
        per_dollar, used = _per_dollar(currency, year, rates, (unit, currency))
        factor, divisor = factor * per_dollar[0], divisor * per_dollar[1]
        ids.append(used)
    return factor, divisor, tuple(ids)


def _per_dollar(code: str, year: int, rates: RateSource, asked: tuple[str, str]) -> tuple[tuple[Decimal, Decimal], str]:
    """Units of ``code`` per US dollar in ``year`` as (numerator, denominator), and the rate's id.

    A rate may be quoted either way round (the Federal Reserve quotes the euro as
    dollars per euro); the other way round is used as its exact inverse.
    """
    try:
        r = rates.rate(code, _PIVOT, year)
    except UnknownRecordError:
        try:
            r = rates.rate(_PIVOT, code, year)
        except UnknownRecordError as exc:
            what = f"no rate to convert {asked[0]} to {asked[1]} in {year}"
            raise ConversionError(f"{what}: neither {code} per USD nor USD per {code} ({exc})") from None
        return (Decimal(1), r.value), r.id
    return (r.value, Decimal(1)), r.id


def _scaled(
    q: Quantity, currency: str, factor: Decimal, conversion: Conversion, divisor: Decimal = Decimal(1)
) -> Quantity:
    value = None if q.value is None else q.value * factor / divisor
    return _holding(q, q.interval.scale(factor, divisor), q.qualifier, value, currency, conversion)


def _spread(q: Quantity, currency: str, low: Decimal, high: Decimal, conversion: Conversion) -> Quantity:
    """The figure converted with every rate from ``low`` to ``high``: a range, honest about the rate."""
    from ftzinfo._records.interval import Interval  # noqa: PLC0415 - loaded with the figures' intervals

    return _holding(q, q.interval * Interval(low, high), Qualifier.BETWEEN, None, currency, conversion)


def _holding(
    q: Quantity, interval: Interval, qualifier: Qualifier, value: Decimal | None, currency: str, conversion: Conversion
) -> Quantity:
    """``q`` converted: its new interval, qualifier and nominal value, in ``currency``, with no wording."""
    return attrs.evolve(
        q,
        text=None,
        equivalent=None,
        value=value,
        qualifier=qualifier,
        low=interval.low,
        high=interval.high,
        low_closed=interval.low_closed,
        high_closed=interval.high_closed,
        unit=currency,
        conversion=conversion,
    )
