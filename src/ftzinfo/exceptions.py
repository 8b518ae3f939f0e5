"""Exceptions raised by ftzinfo.

Every error a caller can provoke with bad input is one of these classes, and
each carries a message that names what was wrong and where.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Final

__all__ = [
    "MAX_ERRORS",
    "ConversionError",
    "FtzinfoError",
    "IncomparableError",
    "MissingExtraError",
    "UnknownRecordError",
    "UnknownZoneError",
    "ValidationError",
    "join_path",
]


#: How many problems one ValidationError lists at most (the rest are not worked out).
MAX_ERRORS: Final = 50


class FtzinfoError(Exception):
    """Base class of every exception ftzinfo raises on purpose."""


class ValidationError(FtzinfoError, ValueError):
    """Data did not fit the model.

    The message lists every problem found (up to a limit), one per line, each as
    ``path: reason``, for example ``metrics[3].value.unit: 'yuan' is not a unit``.

    Attributes:
        errors: The ``(path, reason)`` pairs, in the order they were found. A path
            is empty when the problem concerns the value as a whole.
    """

    errors: tuple[tuple[str, str], ...]

    def __init__(self, errors: Iterable[tuple[str, str]] | str) -> None:
        if isinstance(errors, str):
            errors = [("", errors)]
        self.errors = tuple(errors)
        super().__init__(self._render())

    def _render(self) -> str:
        lines = [f"{path}: {reason}" if path else reason for path, reason in self.errors]
        if len(lines) == 1:
            return lines[0]
        return f"{len(lines)} problems:\n" + "\n".join(f"  {line}" for line in lines)

    def prefixed(self, prefix: str) -> ValidationError:
        """Return a copy whose paths all start with ``prefix``."""
        return ValidationError((join_path(prefix, path), reason) for path, reason in self.errors)

    def __reduce__(self) -> tuple[type[ValidationError], tuple[tuple[tuple[str, str], ...]]]:
        return (type(self), (self.errors,))


def join_path(prefix: str, path: str) -> str:
    """Join two parts of a field path (``metrics[3]`` + ``value`` -> ``metrics[3].value``)."""
    if not prefix:
        return path
    if not path:
        return prefix
    if path.startswith("["):
        return prefix + path
    return f"{prefix}.{path}"


class UnknownRecordError(FtzinfoError, LookupError):
    """No record of that kind has that key.

    Attributes:
        kind: What was looked up (``"zone"``, ``"source"``, ``"indicator"`` ...).
        key: The key as the caller gave it.
        suggestions: The nearest known names, best first (may be empty).
    """

    def __init__(self, kind: str, key: object, suggestions: Sequence[str] = ()) -> None:
        self.kind = kind
        self.key = key
        self.suggestions = tuple(suggestions)
        shown = repr(key)
        if len(shown) > 80:
            shown = f"{shown[:60]}... ({len(str(key))} characters)"
        message = f"no {kind} matches {shown}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (type(self), (self.kind, self.key, self.suggestions))


class UnknownZoneError(UnknownRecordError):
    """No zone has that id, name or alias (a :class:`LookupError`)."""

    def __init__(self, key: object, suggestions: Sequence[str] = ()) -> None:
        super().__init__("zone", key, suggestions)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (type(self), (self.key, self.suggestions))


class ConversionError(FtzinfoError, ValueError):
    """A figure cannot be converted: it is not money, or no rate applies."""


class IncomparableError(FtzinfoError, ValueError):
    """Two figures are not like for like (periods of different kinds, a flow and a stock ...)."""


class MissingExtraError(FtzinfoError, ImportError):
    """An optional dependency is not installed; the message names the extra that installs it."""
