"""How a source qualifies a figure, and the interval of values each qualifier allows.

"about 20" is [18, 22], "nearly 30" is [27, 30), "more than 250" is (250, ∞). The
validators of a figure's fields (its digits, its unit, its wording) live here too.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from ftzinfo._records.enums import TextEnum, to_enum
from ftzinfo._records.exact import CONTEXT
from ftzinfo._records.units import CURRENCIES, PLAIN_UNITS, is_unit
from ftzinfo._records.validate import has_control
from ftzinfo.exceptions import ValidationError

if TYPE_CHECKING:
    import attrs

__all__ = [
    "DEFAULT_TOLERANCE",
    "MAX_EXPONENT",
    "Qualifier",
    "bounds",
    "cached_bounds",
    "check_decimal",
    "check_qualifier",
    "check_unit",
    "check_wording",
]

#: Relative half-width of the interval that "about" and "nearly" imply: "about 20"
#: is [18, 22] and "nearly 30" is [27, 30).
DEFAULT_TOLERANCE: Final = Decimal("0.1")

_MAX_WORDING: Final = 400  # a figure's wording is part of a quote

#: Figures are kept between 1E-20 and 1E21 in magnitude (a world's GDP is about 1E14 USD).
MAX_EXPONENT: Final = 20


class Qualifier(TextEnum):
    """How a source qualifies a figure ("about", "more than" ...)."""

    EXACT = "exact"
    APPROXIMATELY = "approximately"
    NEARLY = "nearly"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"
    BETWEEN = "between"


def check_qualifier(value: object) -> Qualifier:
    """A qualifier from its name (a converter of the field)."""
    return to_enum(Qualifier, "qualifier", value)


def check_decimal(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A figure is an exact, finite Decimal within the library's range (or None)."""
    if value is None:
        return
    if not isinstance(value, Decimal):
        raise ValidationError([(attribute.name, f"expected a Decimal, got {type(value).__name__}")])
    if not value.is_finite():
        raise ValidationError([(attribute.name, f"{value} is not a finite number")])
    if value and not -MAX_EXPONENT <= value.adjusted() <= MAX_EXPONENT:
        raise ValidationError([(attribute.name, f"{value} is out of range (|x| < 1E{MAX_EXPONENT + 1})")])


def check_unit(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A unit is one the library knows."""
    if not is_unit(value):
        raise ValidationError([(attribute.name, f"{value!r} is not a unit")])


check_unit.json_schema = {"enum": sorted(PLAIN_UNITS | CURRENCIES)}  # type: ignore[attr-defined]


def check_wording(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A figure's wording is short, non-empty text without control characters (or None)."""
    if value is not None and (not isinstance(value, str) or not value.strip() or len(value) > _MAX_WORDING):
        raise ValidationError([(attribute.name, f"must be a non-empty string of at most {_MAX_WORDING} characters")])
    if value is not None and has_control(value):
        raise ValidationError([(attribute.name, "contains a control character")])


def bounds(
    value: Decimal | None, qualifier: Qualifier, tolerance: Decimal = DEFAULT_TOLERANCE
) -> tuple[Decimal | None, Decimal | None, bool, bool]:
    """The interval (low, high, low_closed, high_closed) that a qualifier implies."""
    if value is None:  # a range: its ends are given, and closed unless said otherwise
        return None, None, True, True
    if qualifier is Qualifier.APPROXIMATELY or qualifier is Qualifier.NEARLY:
        # The library's own context, through its methods: no digit lost to a caller's
        # settings, and cheaper than entering a local context for every figure read.
        t = CONTEXT.multiply(CONTEXT.abs(value), tolerance)
        if qualifier is Qualifier.APPROXIMATELY:
            return CONTEXT.subtract(value, t), CONTEXT.add(value, t), True, True
        if not t:
            return value, value, True, True  # nearly zero is zero
        # "nearly" approaches the figure from the side nearer zero
        return (
            (CONTEXT.subtract(value, t), value, True, False)
            if value >= 0
            else (value, CONTEXT.add(value, t), False, True)
        )
    if qualifier is Qualifier.MORE_THAN:
        return value, None, False, False
    if qualifier is Qualifier.AT_LEAST:
        return value, None, True, False
    if qualifier is Qualifier.LESS_THAN:
        return None, value, False, False
    if qualifier is Qualifier.AT_MOST:
        return None, value, False, True
    return value, value, True, True  # exact; a range gives its ends explicitly


_cached_bounds = functools.lru_cache(maxsize=4096)(bounds)


def cached_bounds(
    value: Decimal | None, qualifier: Qualifier, tolerance: Decimal = DEFAULT_TOLERANCE
) -> tuple[Decimal | None, Decimal | None, bool, bool]:
    """``bounds``, computed once per case for the four fields that derive from it.

    Only a Decimal (or None) is looked up in the cache, keyed with its type: ``5``
    and ``Decimal(5)`` are equal, so an int must never fill an entry a Decimal reads.
    """
    if value is not None and type(value) is not Decimal:
        return bounds(value, qualifier, tolerance)
    return _cached_bounds(value, qualifier, tolerance)
