"""Quantity: a figure as a source states it, with the interval its wording allows.

"nearly 30 percent" is not 30: it is some value a little under 30. A Quantity keeps
the nominal value and the wording, and derives from the wording's qualifier the
interval of values the source is consistent with. Comparisons work on those
intervals and answer ``UNDECIDED`` when the intervals overlap.
"""

from __future__ import annotations

import enum
import functools
from decimal import Decimal
from typing import Any, Final

import attrs

from ftzinfo._convert import to_enum
from ftzinfo._units import is_currency, is_unit, unit_label
from ftzinfo.exceptions import FtzinfoError, ValidationError

__all__ = [
    "DEFAULT_TOLERANCE",
    "Ordering",
    "Qualifier",
    "Quantity",
    "UnitMismatchError",
]

#: Relative half-width of the interval that "about" and "nearly" imply: "about 20"
#: is [18, 22] and "nearly 30" is [27, 30).
DEFAULT_TOLERANCE: Final = Decimal("0.1")

#: Figures are kept between 1E-20 and 1E21 in magnitude (a world's GDP is about 1E14 USD).
MAX_EXPONENT: Final = 20


class Qualifier(str, enum.Enum):
    """How a source qualifies a figure ("about", "more than" ...)."""

    EXACT = "exact"
    APPROXIMATELY = "approximately"
    NEARLY = "nearly"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"
    BETWEEN = "between"

    def __str__(self) -> str:
        return self.value


class Ordering(enum.Enum):
    """The answer of :meth:`Quantity.compare`: three-valued, never coerced to a bool."""

    LESS = "less"
    EQUAL = "equal"
    GREATER = "greater"
    UNDECIDED = "undecided"

    def __bool__(self) -> bool:
        msg = "an Ordering is not a truth value; compare it with Ordering.GREATER and the like"
        raise TypeError(msg)

    def reverse(self) -> Ordering:
        """Return the ordering seen from the other side."""
        return _REVERSED[self]


_REVERSED: Final = {
    Ordering.LESS: Ordering.GREATER,
    Ordering.GREATER: Ordering.LESS,
    Ordering.EQUAL: Ordering.EQUAL,
    Ordering.UNDECIDED: Ordering.UNDECIDED,
}

_SYMBOLS: Final = {
    Qualifier.EXACT: "",
    Qualifier.APPROXIMATELY: "≈ ",
    Qualifier.NEARLY: "≈ ",
    Qualifier.MORE_THAN: "> ",
    Qualifier.AT_LEAST: "≥ ",
    Qualifier.LESS_THAN: "< ",
    Qualifier.AT_MOST: "≤ ",
    Qualifier.BETWEEN: "",
}


class UnitMismatchError(FtzinfoError, TypeError):
    """Two Quantities of different units were compared or combined."""


def _qualifier(value: object) -> Qualifier:
    return to_enum(Qualifier, "qualifier", value)


def _check_decimal(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, Decimal):
        raise ValidationError([(attribute.name, f"expected a Decimal, got {type(value).__name__}")])
    if not value.is_finite():
        raise ValidationError([(attribute.name, f"{value} is not a finite number")])
    if value and not -MAX_EXPONENT <= value.adjusted() <= MAX_EXPONENT:
        raise ValidationError([(attribute.name, f"{value} is out of range (|x| < 1E{MAX_EXPONENT + 1})")])


def _check_unit(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not is_unit(value):
        raise ValidationError([(attribute.name, f"{value!r} is not a unit")])


def _check_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ValidationError([(attribute.name, "must be a non-empty string or None")])


@functools.lru_cache(maxsize=4096)
def _bounds(value: Decimal | None, qualifier: Qualifier) -> tuple[Decimal | None, Decimal | None, bool, bool]:
    """The interval (low, high, low_closed, high_closed) that a qualifier implies (computed once per pair)."""
    if value is None:
        return None, None, False, False
    t = abs(value) * DEFAULT_TOLERANCE
    if qualifier is Qualifier.APPROXIMATELY:
        return value - t, value + t, True, True
    if qualifier is Qualifier.NEARLY:  # approaches the figure from the side nearer zero
        return (value - t, value, True, False) if value >= 0 else (value, value + t, False, True)
    if qualifier is Qualifier.MORE_THAN:
        return value, None, False, False
    if qualifier is Qualifier.AT_LEAST:
        return value, None, True, False
    if qualifier is Qualifier.LESS_THAN:
        return None, value, False, False
    if qualifier is Qualifier.AT_MOST:
        return None, value, False, True
    return value, value, True, True  # exact; a range gives its ends explicitly


def _default_low(self: Quantity) -> Decimal | None:
    return _bounds(self.value, self.qualifier)[0]


def _default_high(self: Quantity) -> Decimal | None:
    return _bounds(self.value, self.qualifier)[1]


def _default_low_closed(self: Quantity) -> bool:
    return _bounds(self.value, self.qualifier)[2]


def _default_high_closed(self: Quantity) -> bool:
    return _bounds(self.value, self.qualifier)[3]


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

    Example:
        >>> q = Quantity.parse("nearly 30 percent")
        >>> q.value, q.qualifier.value, q.unit
        (Decimal('30'), 'nearly', 'percent')
        >>> str(q)
        '≈ 30 %'
    """

    value: Decimal | None = attrs.field(validator=_check_decimal)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, converter=_qualifier)
    low: Decimal | None = attrs.field(default=attrs.Factory(_default_low, takes_self=True), validator=_check_decimal)
    high: Decimal | None = attrs.field(default=attrs.Factory(_default_high, takes_self=True), validator=_check_decimal)
    low_closed: bool = attrs.field(default=attrs.Factory(_default_low_closed, takes_self=True))
    high_closed: bool = attrs.field(default=attrs.Factory(_default_high_closed, takes_self=True))
    unit: str = attrs.field(validator=_check_unit)
    equivalent: Quantity | None = None
    text: str | None = attrs.field(default=None, validator=_check_text)

    def __attrs_post_init__(self) -> None:
        problems: list[tuple[str, str]] = []
        if self.value is None and self.qualifier is not Qualifier.BETWEEN:
            problems.append(("value", f"is required for qualifier {self.qualifier.value!r}"))
        if self.qualifier is Qualifier.BETWEEN and (self.low is None or self.high is None):
            problems.append(("high" if self.low is not None else "low", "a range needs both ends"))
        if self.low is not None and self.high is not None and self.low > self.high:
            problems.append(("low", f"{self.low} is above high {self.high}"))
        if self.value is not None and not self._admits_nominal():
            problems.append(("value", f"{self.value} lies outside the interval [{self.low}, {self.high}]"))
        if self.equivalent is not None and self.equivalent.unit == self.unit:
            problems.append(("equivalent", "an equivalent must be in another unit"))
        if problems:
            raise ValidationError(problems)

    def _admits_nominal(self) -> bool:
        assert self.value is not None  # noqa: S101 - checked by the caller
        return (self.low is None or self.low <= self.value) and (self.high is None or self.value <= self.high)

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
        from ftzinfo._quantity_parse import parse_quantity  # noqa: PLC0415 - parsing is rarely needed

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

    # -- comparing ------------------------------------------------------------

    def compare(self, other: Quantity) -> Ordering:
        """Order two figures by the intervals their wordings allow.

        Returns ``GREATER`` only when every value this Quantity allows is above
        every value ``other`` allows, ``EQUAL`` only when both are the same single
        value, and ``UNDECIDED`` whenever the intervals leave it open.

        Raises:
            UnitMismatchError: The units differ.

        Example:
            >>> Quantity.parse("more than 250 billion yuan").compare(Quantity.parse("200 billion yuan"))
            <Ordering.GREATER: 'greater'>
            >>> Quantity.parse("nearly 30 percent").compare(Quantity.parse("about 28 percent"))
            <Ordering.UNDECIDED: 'undecided'>
        """
        self._check_same_unit(other)
        if self.is_exact and other.is_exact and self.low == other.low:
            return Ordering.EQUAL
        if _entirely_above(self, other):
            return Ordering.GREATER
        if _entirely_above(other, self):
            return Ordering.LESS
        return Ordering.UNDECIDED

    def certainly_greater(self, other: Quantity) -> bool:
        """Whether every value this allows exceeds every value ``other`` allows."""
        return self.compare(other) is Ordering.GREATER

    def certainly_less(self, other: Quantity) -> bool:
        """Whether every value this allows is below every value ``other`` allows."""
        return self.compare(other) is Ordering.LESS

    def possibly_greater(self, other: Quantity) -> bool:
        """Whether some value this allows exceeds some value ``other`` allows."""
        self._check_same_unit(other)
        if self.high is None or other.low is None:
            return True
        return self.high > other.low

    def possibly_less(self, other: Quantity) -> bool:
        """Whether some value this allows is below some value ``other`` allows."""
        return other.possibly_greater(self)

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

    def __str__(self) -> str:
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


def _entirely_above(a: Quantity, b: Quantity) -> bool:
    """Whether every value ``a`` allows is strictly above every value ``b`` allows."""
    if a.low is None or b.high is None:
        return False
    if a.low != b.high:
        return a.low > b.high
    return not (a.low_closed and b.high_closed)


_SCALES: Final = ((Decimal("1E12"), "tn"), (Decimal("1E9"), "bn"), (Decimal("1E6"), "mn"))


def format_number(value: Decimal) -> str:
    """Render a figure compactly: ``250 bn``, ``1.2 tn``, ``10,000``, ``28.78``."""
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{_plain(value / size)} {word}"
    return _plain(value, grouped=True)


def _plain(value: Decimal, *, grouped: bool = False) -> str:
    text = format(value, ",f" if grouped else "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_quantity(q: Quantity) -> str:
    """The compact form a table cell shows: ``≈ 30 %``, ``> 250 bn CNY``, ``518``."""
    label = unit_label(q.unit)
    suffix = f" {label}" if label else ""
    if q.qualifier is Qualifier.BETWEEN or q.value is None:
        low = "…" if q.low is None else format_number(q.low)
        high = "…" if q.high is None else format_number(q.high)
        core = f"{low}–{high}{suffix}"
    else:
        core = f"{_SYMBOLS[q.qualifier]}{format_number(q.value)}{suffix}"
    if q.equivalent is not None:
        core += f" ({format_quantity(q.equivalent)})"
    return core
