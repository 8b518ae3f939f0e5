"""The library's own decimal context: arithmetic on figures keeps every digit, whatever the caller set.

Python's decimal module rounds to the *current* context's precision, which a caller
may have lowered (``decimal.getcontext().prec = 3``). Figures, bounds, conversions
and parsing run under this context instead, so their results never depend on the
caller's settings and never lose a digit a source gave.
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Callable
from typing import Final, ParamSpec, TypeVar

__all__ = ["CONTEXT", "exact"]

#: Wide enough for any product or quotient of two figures below 1E21 with their digits kept
#: (a quotient that does not terminate is cut at 100 digits); errors trap.
CONTEXT: Final = decimal.Context(
    prec=100,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)

P = ParamSpec("P")
R = TypeVar("R")


def exact(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` under :data:`CONTEXT`, not the caller's decimal context."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with decimal.localcontext(CONTEXT):
            return function(*args, **kwargs)

    return run
