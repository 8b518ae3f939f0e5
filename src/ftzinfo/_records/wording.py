"""Compact text for figures: ``≈ 30 %``, ``> 250 bn CNY``, ``10–100 %``."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final

from ftzinfo._records.units import unit_label

if TYPE_CHECKING:
    from ftzinfo._records.quantity import Quantity

__all__ = ["describe_quantity", "format_number", "format_quantity"]

#: Significant digits shown for derived figures (sums, growth, converted amounts).
_DERIVED_DIGITS: Final = 4

_SYMBOLS: Final = {
    "exact": "",
    "approximately": "≈ ",
    "nearly": "≈ ",
    "more_than": "> ",
    "at_least": "≥ ",
    "less_than": "< ",
    "at_most": "≤ ",
    "between": "",
}

_SCALES: Final = ((Decimal("1E12"), "tn"), (Decimal("1E9"), "bn"), (Decimal("1E6"), "mn"))


def format_number(value: Decimal, *, digits: int | None = None) -> str:
    """Render a figure compactly: ``250 bn``, ``1.2 tn``, ``10,000``, ``28.78``.

    ``digits`` rounds to that many significant digits (for derived figures, whose
    exact quotients run on); a figure as stated is shown as stated.
    """
    if digits is not None and value:
        value = round(value, digits - 1 - value.adjusted())
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
    digits = None if q.text is not None else _DERIVED_DIGITS
    suffix = f" {label}" if label else ""
    if q.qualifier.value == "between" or q.value is None:
        low = "…" if q.low is None else format_number(q.low, digits=digits)
        high = "…" if q.high is None else format_number(q.high, digits=digits)
        core = f"{low}–{high}{suffix}"
    else:
        core = f"{_SYMBOLS[q.qualifier.value]}{format_number(q.value, digits=digits)}{suffix}"
    if q.equivalent is not None:
        core += f" ({format_quantity(q.equivalent)})"
    return core


_WORDS: Final = {
    "exact": "",
    "approximately": "about ",
    "nearly": "nearly ",
    "more_than": "more than ",
    "at_least": "at least ",
    "less_than": "less than ",
    "at_most": "at most ",
}
_UNIT_WORDS: Final = {"count": "", "percent": " percent", "pp": " percentage points", "km2": " square kilometers"}


def describe_quantity(q: Quantity) -> str:
    """Plain English that :meth:`Quantity.parse` reads back as ``q`` ("nearly 30 percent").

    Raises:
        ValueError: ``q`` is an interval no wording of this kind states (an open range,
            a negative figure, a converted figure).
    """
    unit = _UNIT_WORDS.get(q.unit, f" {q.unit}")
    if q.qualifier.value == "between":
        if q.low is None or q.high is None or not (q.low_closed and q.high_closed) or q.low < 0:
            msg = f"no plain wording states the interval of {q}"
            raise ValueError(msg)
        core = f"between {_plain(q.low)} and {_plain(q.high)}{unit}"
    else:
        if q.value is None or q.value < 0 or q.conversion is not None:
            msg = f"no plain wording states {q}"
            raise ValueError(msg)
        core = f"{_WORDS[q.qualifier.value]}{_plain(q.value)}{unit}"
    if q.equivalent is not None:
        core += f" ({describe_quantity(q.equivalent)})"
    return core
