"""Quantity: a figure as a source states it, with the interval its wording allows.

"nearly 30 percent" is not 30: it is some value a little under 30. A Quantity keeps
the nominal value and the wording, and derives from the wording's qualifier the
interval of values the source is consistent with. Comparisons work on those
intervals and answer ``UNDECIDED`` when the intervals overlap.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from ftzinfo._records.bounds import (
    Qualifier,
    cached_bounds,
    check_decimal,
    check_qualifier,
    check_unit,
    check_wording,
)
from ftzinfo._records.exact import exact
from ftzinfo._records.period import Period
from ftzinfo._records.units import is_currency
from ftzinfo.exceptions import FtzinfoError, ValidationError

if TYPE_CHECKING:
    from ftzinfo._records import conversion as _conversion
    from ftzinfo._records.interval import Interval, Ordering
else:

    class _Deferred:
        """A module imported when one of its names is first read.

        Quantity's ``conversion`` field names its type through one, so that the
        type hints resolve (for cattrs, ``typing.get_type_hints`` ...) while the
        conversion code loads only when a figure is first converted.
        """

        __slots__ = ("_name",)

        def __init__(self, name: str) -> None:
            self._name = name

        def __getattr__(self, attr: str) -> Any:
            return getattr(importlib.import_module(self._name), attr)

    _conversion = _Deferred("ftzinfo._records.conversion")

__all__ = ["Quantity", "UnitMismatchError", "figure_problems", "from_interval"]


class UnitMismatchError(FtzinfoError, TypeError):
    """Two Quantities of different units were compared or combined."""


def figure_problems(  # noqa: PLR0913 - a figure's fields, checked together
    value: Decimal | None,
    qualifier: Qualifier,
    low: Decimal | None,
    high: Decimal | None,
    *,
    low_closed: bool,
    high_closed: bool,
    unit: str,
    equivalent_unit: str | None,
) -> list[tuple[str, str]]:
    """What is wrong with a figure's fields taken together (each field is checked on its own first).

    A Quantity runs it when it is made; the fast reader runs it on plain data, so that both
    refuse the same figures.
    """
    problems: list[tuple[str, str]] = []
    if value is None and qualifier is not Qualifier.BETWEEN:
        problems.append(("value", f"is required for qualifier {qualifier.value!r}"))
    if low is not None and high is not None and low > high:
        problems.append(("low", f"{low} is above high {high}"))
    elif low is not None and low == high and not (low_closed and high_closed):
        problems.append(("low", f"an interval from {low} to itself must include both ends"))
    if value is not None and not ((low is None or low <= value) and (high is None or value <= high)):
        problems.append(("value", f"{value} lies outside the interval [{low}, {high}]"))
    elif value is not None and not _fits_qualifier(
        value, qualifier, low, high, low_closed=low_closed, high_closed=high_closed
    ):
        left = "(-inf" if low is None else ("[" if low_closed else "(") + str(low)
        right = "+inf)" if high is None else str(high) + ("]" if high_closed else ")")
        problems.append(("qualifier", f"{qualifier.value!r} does not allow the bounds {left}, {right} around {value}"))
    if equivalent_unit is not None and equivalent_unit == unit:
        problems.append(("equivalent", "an equivalent must be in another unit"))
    return problems


def _fits_qualifier(
    v: Decimal,
    q: Qualifier,
    low: Decimal | None,
    high: Decimal | None,
    *,
    low_closed: bool,
    high_closed: bool,
) -> bool:
    """Whether the bounds have the shape the qualifier gives ("exact" with bounds 1 and 9 does not)."""
    if q is Qualifier.EXACT:
        return low == high == v and low_closed and high_closed
    if q is Qualifier.MORE_THAN or q is Qualifier.AT_LEAST:
        return high is None and low == v and low_closed is (q is Qualifier.AT_LEAST)
    if q is Qualifier.LESS_THAN or q is Qualifier.AT_MOST:
        return low is None and high == v and high_closed is (q is Qualifier.AT_MOST)
    if q is Qualifier.APPROXIMATELY or q is Qualifier.NEARLY:
        return low is not None and high is not None
    return True  # a range gives its ends explicitly


def _default_low(self: Quantity) -> Decimal | None:
    return cached_bounds(self.value, self.qualifier)[0]


def _default_high(self: Quantity) -> Decimal | None:
    return cached_bounds(self.value, self.qualifier)[1]


def _default_low_closed(self: Quantity) -> bool:
    return cached_bounds(self.value, self.qualifier)[2]


def _default_high_closed(self: Quantity) -> bool:
    return cached_bounds(self.value, self.qualifier)[3]


@attrs.frozen(kw_only=True)
class Quantity:
    """A figure as a source states it.

    Attributes:
        value: The nominal figure, exact to the digit (``Decimal("250E9")`` for
            "250 billion"); None when the source gives only a range.
        qualifier: How the source qualifies it.
        low: The lowest value the wording allows (None: unbounded).
        high: The highest value the wording allows (None: unbounded).
        low_closed: Whether ``low`` itself is allowed.
        high_closed: Whether ``high`` itself is allowed.
        unit: ``count``, ``percent``, ``pp`` (percentage points), ``km2`` or an ISO
            4217 currency code.
        equivalent: A figure in another unit that the source states beside this
            one (the "($35.47 billion)" after "250 billion yuan"), or None.
        text: The wording as the source writes it, or None.
        conversion: How a converted figure was converted (see :meth:`convert`), or None.

    Example:
        >>> q = Quantity.parse("nearly 30 percent")
        >>> q.value, q.qualifier.value, q.unit
        (Decimal('30'), 'nearly', 'percent')
        >>> str(q)
        '≈ 30 %'
    """

    value: Decimal | None = attrs.field(validator=check_decimal)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, converter=check_qualifier)
    low: Decimal | None = attrs.field(default=attrs.Factory(_default_low, takes_self=True), validator=check_decimal)
    high: Decimal | None = attrs.field(default=attrs.Factory(_default_high, takes_self=True), validator=check_decimal)
    low_closed: bool = attrs.field(default=attrs.Factory(_default_low_closed, takes_self=True))
    high_closed: bool = attrs.field(default=attrs.Factory(_default_high_closed, takes_self=True))
    unit: str = attrs.field(validator=check_unit)
    equivalent: Quantity | None = None
    text: str | None = attrs.field(default=None, validator=check_wording)
    conversion: _conversion.Conversion | None = None

    def __attrs_post_init__(self) -> None:
        problems = figure_problems(
            self.value,
            self.qualifier,
            self.low,
            self.high,
            low_closed=self.low_closed,
            high_closed=self.high_closed,
            unit=self.unit,
            equivalent_unit=None if self.equivalent is None else self.equivalent.unit,
        )
        if problems:
            raise ValidationError(problems)

    # -- construction ---------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> Quantity:
        """Read a figure from a source's wording.

        Args:
            text: Wording such as ``"518"``, ``"seven"``, ``"nearly 30 percent"``,
                ``"exceeding 250 billion yuan ($35.47 billion)"``, ``"exceeds $40b"``,
                ``"a double-digit rate"``, ``"between 10 and 20 percent"`` or
                ``"28.78 square kilometers"``.

        Returns:
            The Quantity, with ``text`` set to the wording given.

        Raises:
            ValueError: The wording is not a figure ftzinfo can read (the message
                quotes it).

        Example:
            >>> str(Quantity.parse("exceeding 250 billion yuan ($35.47 billion)"))
            '> 250 bn CNY (> 35.47 bn USD)'
        """
        from ftzinfo._records.quantity_parse import parse_quantity  # noqa: PLC0415 - parsing is rarely needed

        return parse_quantity(text)

    # -- reading --------------------------------------------------------------

    @property
    def is_money(self) -> bool:
        """Whether the unit is a currency."""
        return is_currency(self.unit)

    @property
    def is_exact(self) -> bool:
        """Whether the wording allows a single value only."""
        return self.low is not None and self.low == self.high

    @property
    def midpoint(self) -> Decimal | None:
        """The nominal value, or the middle of a closed range; None if unbounded and nominal-less."""
        if self.value is not None:
            return self.value
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return None

    @property
    def interval(self) -> Interval:
        """The values the wording allows, as an :class:`Interval`."""
        from ftzinfo._records.interval import Interval  # noqa: PLC0415 - loaded when figures are first compared

        return Interval(self.low, self.high, self.low_closed, self.high_closed)

    def with_tolerance(self, tolerance: Decimal) -> Quantity:
        """The same figure with "about" and "nearly" widened or narrowed to ``tolerance`` (relative).

        Example:
            >>> str(Quantity.parse("about 100").with_tolerance(Decimal("0.05")).low)
            '95.00'
        """
        given: object = tolerance  # callers may pass anything: check it as given
        if isinstance(given, bool) or not isinstance(given, (Decimal, int, str)):
            raise TypeError(f"tolerance must be a Decimal, not {type(given).__name__}")
        try:
            relative = Decimal(tolerance)
        except ArithmeticError:
            raise ValidationError([("tolerance", f"{tolerance!r} is not a number")]) from None
        if not relative.is_finite() or relative < 0:
            raise ValidationError([("tolerance", f"must be a finite number not below 0, not {tolerance!r}")])
        if self.qualifier not in {Qualifier.APPROXIMATELY, Qualifier.NEARLY}:
            return self
        low, high, low_closed, high_closed = cached_bounds(self.value, self.qualifier, relative)
        return attrs.evolve(self, low=low, high=high, low_closed=low_closed, high_closed=high_closed)

    # -- comparing ------------------------------------------------------------

    def compare(self, other: Quantity, *, tolerance: Decimal | None = None) -> Ordering:
        """Order two figures by the intervals their wordings allow.

        Returns ``GREATER`` only when every value this Quantity allows is above
        every value ``other`` allows, ``EQUAL`` only when both are the same single
        value, and ``UNDECIDED`` whenever the intervals leave it open.

        Args:
            other: A Quantity of the same unit.
            tolerance: Re-derive "about" and "nearly" with this relative tolerance first.

        Raises:
            UnitMismatchError: The units differ (convert currencies first).

        Example:
            >>> Quantity.parse("more than 250 billion yuan").compare(Quantity.parse("200 billion yuan"))
            <Ordering.GREATER: 'greater'>
            >>> Quantity.parse("nearly 30 percent").compare(Quantity.parse("about 28 percent"))
            <Ordering.UNDECIDED: 'undecided'>
        """
        self._check_same_unit(other)
        a, b = (self, other) if tolerance is None else (self.with_tolerance(tolerance), other.with_tolerance(tolerance))
        return a.interval.compare(b.interval)

    def certainly_greater(self, other: Quantity) -> bool:
        """Whether every value this allows exceeds every value ``other`` allows."""
        return self.compare(other).value == "greater"

    def certainly_less(self, other: Quantity) -> bool:
        """Whether every value this allows is below every value ``other`` allows."""
        return self.compare(other).value == "less"

    def possibly_greater(self, other: Quantity) -> bool:
        """Whether some value this allows exceeds some value ``other`` allows."""
        self._check_same_unit(other)
        return self.interval.possibly_above(other.interval)

    def possibly_less(self, other: Quantity) -> bool:
        """Whether some value this allows is below some value ``other`` allows."""
        return other.possibly_greater(self)

    # -- arithmetic -----------------------------------------------------------

    @exact
    def __add__(self, other: Quantity) -> Quantity:
        self._check_same_unit(other)
        return from_interval(self.interval + other.interval, self.unit, _nominal(self, other, lambda a, b: a + b))

    @exact
    def __sub__(self, other: Quantity) -> Quantity:
        self._check_same_unit(other)
        return from_interval(self.interval - other.interval, self.unit, _nominal(self, other, lambda a, b: a - b))

    @exact
    def __truediv__(self, other: Quantity) -> Quantity:
        self._check_same_unit(other)
        nominal = _nominal(self, other, lambda a, b: a / b if b else None)
        return from_interval(self.interval / other.interval, "ratio", nominal)

    @exact
    def growth(self, earlier: Quantity) -> Quantity:
        """The growth from ``earlier`` to this figure, in percent, as an interval.

        Example:
            >>> str(Quantity.parse("120").growth(Quantity.parse("about 100")))
            '9.091–33.33 %'
        """
        ratio = self / earlier
        return from_interval(
            (ratio.interval - ratio.interval.point(Decimal(1))).scale(Decimal(100)),
            "percent",
            None if ratio.value is None else (ratio.value - 1) * 100,
        )

    # -- converting -----------------------------------------------------------

    def convert(
        self,
        currency: str,
        *,
        rate: Decimal | int | str | None = None,
        period: Period | int | None = None,
        rates: _conversion.RateSource | None = None,
    ) -> Quantity:
        """The figure in another currency, saying which rate converted it.

        The rate is, in order: ``rate=`` (units of ``currency`` per one unit of this
        figure's currency); the equivalent the source itself states; the annual
        average rates that ``rates`` holds (a Dataset: its own rates, never others)
        for ``period``. A period spanning several years converts with the range of
        their rates, so the result is an interval honest about the rate too.
        Currency codes are read in any case; an unknown code is an error.

        Raises:
            ConversionError: No rate applies, the code is unknown, or this
                figure is not money.

        Example:
            >>> q = Quantity.parse("exceeding 250 billion yuan ($35.47 billion)")
            >>> str(q.convert("usd")), q.convert("USD").conversion.basis
            ('> 35.47 bn USD', 'stated')
            >>> str(Quantity.parse("700 million yuan").convert("USD", rate="0.14"))
            '98 mn USD'
            >>> str(Quantity.parse("7.1 billion yuan").convert("USD", period=2019, rates=ftzinfo.dataset()))
            '1.028 bn USD'
        """
        from ftzinfo._records.conversion import convert  # noqa: PLC0415 - rates are read only when converting

        return convert(self, currency, rate=rate, period=period, rates=rates)

    def _check_same_unit(self, other: object) -> None:
        if not isinstance(other, Quantity):
            msg = f"cannot compare a Quantity with {type(other).__name__}"
            raise TypeError(msg)
        if other.unit != self.unit:
            msg = f"cannot compare {self.unit} with {other.unit}; convert one first"
            raise UnitMismatchError(msg)

    def _no_order(self, _other: object) -> bool:
        msg = (
            "Quantities have no plain < or >: their intervals may overlap. "
            "Use Quantity.compare(), which can answer Ordering.UNDECIDED."
        )
        raise TypeError(msg)

    __lt__ = __le__ = __gt__ = __ge__ = _no_order

    # -- display --------------------------------------------------------------

    def describe(self) -> str:
        """Plain English wording that :meth:`parse` reads back as this figure.

        Example:
            >>> Quantity.parse("exceeding 250 billion yuan").describe()
            'more than 250000000000 CNY'
        """
        from ftzinfo._records.wording import describe_quantity  # noqa: PLC0415 - display only

        return describe_quantity(self)

    def __str__(self) -> str:
        from ftzinfo._records.wording import format_quantity  # noqa: PLC0415 - display only

        return format_quantity(self)

    def __repr__(self) -> str:
        parts = [f"value={self.value!r}"]
        if self.qualifier is not Qualifier.EXACT:
            parts.append(f"qualifier={self.qualifier.value!r}")
        if self.qualifier is Qualifier.BETWEEN:
            parts += [f"low={self.low!r}", f"high={self.high!r}"]
        parts.append(f"unit={self.unit!r}")
        if self.equivalent is not None:
            parts.append(f"equivalent={self.equivalent!r}")
        if self.text is not None:
            parts.append(f"text={self.text!r}")
        return f"Quantity({', '.join(parts)})"


@exact
def _nominal(a: Quantity, b: Quantity, op: Callable[[Decimal, Decimal], Decimal | None]) -> Decimal | None:
    if a.value is None or b.value is None:
        return None
    return op(a.value, b.value)


def from_interval(interval: Interval, unit: str, value: Decimal | None = None) -> Quantity:
    """A derived Quantity holding ``interval``, with the qualifier its shape implies."""
    low, high = interval.low, interval.high
    if value is not None and value not in interval:  # a nominal value lies inside, ends open or not
        value = None
    if interval.is_point:
        return Quantity(value=low, unit=unit)
    if low is not None and high is None:
        qualifier = Qualifier.AT_LEAST if interval.low_closed else Qualifier.MORE_THAN
        value = low
    elif high is not None and low is None:
        qualifier = Qualifier.AT_MOST if interval.high_closed else Qualifier.LESS_THAN
        value = high
    else:
        qualifier = Qualifier.BETWEEN
    return Quantity(
        value=value,
        qualifier=qualifier,
        low=low,
        high=high,
        low_closed=interval.low_closed,
        high_closed=interval.high_closed,
        unit=unit,
    )
