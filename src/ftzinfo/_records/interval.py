"""Intervals with open or closed ends, their three-valued order, and interval arithmetic.

An unbounded end is None. Arithmetic follows interval arithmetic: the result
contains every value the operation can give for values taken from the operands,
and an end is closed only when it is reached.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Final

import attrs

from ftzinfo._records.exact import exact

__all__ = ["Interval", "Ordering"]

_INF: Final = Decimal("Infinity")


class Ordering(enum.Enum):
    """The answer of a comparison: three-valued, and never a truth value."""

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


@attrs.frozen
class Interval:
    """The values a stated figure allows.

    Attributes:
        low: The lower end, or None when unbounded below.
        high: The upper end, or None when unbounded above.
        low_closed: Whether ``low`` itself belongs to the interval.
        high_closed: Whether ``high`` itself belongs to the interval.
    """

    low: Decimal | None
    high: Decimal | None
    low_closed: bool = True
    high_closed: bool = True

    @classmethod
    def point(cls, value: Decimal) -> Interval:
        """The interval holding one value."""
        return cls(value, value)

    @property
    def is_point(self) -> bool:
        """Whether the interval holds exactly one value."""
        return self.low is not None and self.low == self.high and self.low_closed and self.high_closed

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, (Decimal, int)):
            return False
        above = self.low is None or value > self.low or (value == self.low and self.low_closed)
        below = self.high is None or value < self.high or (value == self.high and self.high_closed)
        return above and below

    # -- order -------------------------------------------------------------------

    def compare(self, other: Interval) -> Ordering:
        """GREATER when every value here exceeds every value of ``other``; EQUAL for one shared point."""
        if self.is_point and other.is_point and self.low == other.low:
            return Ordering.EQUAL
        if self.entirely_above(other):
            return Ordering.GREATER
        if other.entirely_above(self):
            return Ordering.LESS
        return Ordering.UNDECIDED

    def entirely_above(self, other: Interval) -> bool:
        """Whether every value here is strictly above every value of ``other``."""
        if self.low is None or other.high is None:
            return False
        if self.low != other.high:
            return self.low > other.high
        return not (self.low_closed and other.high_closed)

    def possibly_above(self, other: Interval) -> bool:
        """Whether some value here is strictly above some value of ``other``."""
        if self.high is None or other.low is None:
            return True
        return self.high > other.low

    # -- arithmetic ----------------------------------------------------------------

    @exact
    def __add__(self, other: Interval) -> Interval:
        low = None if self.low is None or other.low is None else self.low + other.low
        high = None if self.high is None or other.high is None else self.high + other.high
        return Interval(low, high, self.low_closed and other.low_closed, self.high_closed and other.high_closed)

    @exact
    def __neg__(self) -> Interval:
        return Interval(
            None if self.high is None else -self.high,
            None if self.low is None else -self.low,
            self.high_closed,
            self.low_closed,
        )

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    @exact
    def scale(self, factor: Decimal, divisor: Decimal = Decimal(1)) -> Interval:
        """Every value multiplied by ``factor`` and divided by ``divisor`` (both positive).

        Dividing last keeps conversions exact where they can be: 7.0809 bn yuan at
        7.0809 yuan per dollar is 1 bn dollars, not 0.9999... bn.
        """
        if factor <= 0 or divisor <= 0:
            return self * Interval.point(factor / divisor)

        def end(v: Decimal | None) -> Decimal | None:
            return None if v is None else v * factor / divisor

        return Interval(end(self.low), end(self.high), self.low_closed, self.high_closed)

    @exact
    def __mul__(self, other: Interval) -> Interval:
        candidates = [_product(a, b) for a in self._ends() for b in other._ends()]
        return _hull(candidates)

    @exact
    def __truediv__(self, other: Interval) -> Interval:
        positive = other.low is not None and (other.low > 0 or (other.low == 0 and not other.low_closed))
        negative = other.high is not None and (other.high < 0 or (other.high == 0 and not other.high_closed))
        if not (positive or negative):
            msg = "cannot divide by an interval that may be zero"
            raise ZeroDivisionError(msg)
        # Each end divided directly (not times an inverse), so that rounding, which is
        # monotone, keeps every point-wise quotient inside the result.
        candidates = [
            _quotient(a, b, negative=negative)
            for a in self._ends()
            for b in other._ends()
            if not (a[0].is_infinite() and b[0].is_infinite())
        ]
        if self.low is not None and self.low <= 0 and self.high is not None and self.high >= 0 and 0 in self:
            candidates.append((Decimal(0), True))  # zero divided by anything is reached exactly
        return _hull(candidates)

    def _ends(self) -> tuple[tuple[Decimal, bool], tuple[Decimal, bool]]:
        low = -_INF if self.low is None else self.low
        high = _INF if self.high is None else self.high
        return (low, self.low_closed and self.low is not None), (high, self.high_closed and self.high is not None)


def _product(a_end: tuple[Decimal, bool], b_end: tuple[Decimal, bool]) -> tuple[Decimal, bool]:
    """The product of two ends, each a (value, closed) pair."""
    (a, a_closed), (b, b_closed) = a_end, b_end
    zero_reached = (a == 0 and a_closed) or (b == 0 and b_closed)  # zero times anything is reached
    if (a.is_infinite() and b == 0) or (b.is_infinite() and a == 0):
        return Decimal(0), zero_reached  # an unbounded end times zero: the limit is zero
    return a * b, (a_closed and b_closed) or zero_reached


def _quotient(a_end: tuple[Decimal, bool], b_end: tuple[Decimal, bool], *, negative: bool) -> tuple[Decimal, bool]:
    """The quotient of two ends; dividing by zero approaches an unbounded end.

    ``negative`` says which side a zero end of the divisor is approached from: a
    divisor below zero sends a positive numerator towards minus infinity.
    """
    (a, a_closed), (b, b_closed) = a_end, b_end
    if a == 0 and a_closed:
        return Decimal(0), True  # zero divided by any non-zero value is zero, reached
    if b == 0:  # an open zero end of a one-signed divisor: the quotient grows without bound
        positive = (a > 0) != negative
        return (_INF if positive else -_INF), False
    if b.is_infinite():
        return Decimal(0), False
    return a / b, a_closed and b_closed


def _hull(candidates: list[tuple[Decimal, bool]]) -> Interval:
    low = min(v for v, _ in candidates)
    high = max(v for v, _ in candidates)
    low_closed = any(closed for v, closed in candidates if v == low)
    high_closed = any(closed for v, closed in candidates if v == high)
    return Interval(
        None if low.is_infinite() else low,
        None if high.is_infinite() else high,
        low_closed and not low.is_infinite(),
        high_closed and not high.is_infinite(),
    )
