"""Converters shared by the record classes."""

from __future__ import annotations

import enum
from typing import TypeVar

from ftzinfo.exceptions import ValidationError

__all__ = ["to_enum"]

E = TypeVar("E", bound=enum.Enum)


def to_enum(kind: type[E], field: str, value: object) -> E:
    """Return ``kind(value)``, or raise a ValidationError that names ``field`` and the allowed values."""
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in kind)
        raise ValidationError([(field, f"{value!r} is not a {kind.__name__} (one of {allowed})")]) from None
