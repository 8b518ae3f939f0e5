"""Enumerations of words: the kinds, statuses and qualifiers records carry, and reading them."""

from __future__ import annotations

import enum
from typing import TypeVar

from ftzinfo.exceptions import ValidationError

__all__ = ["TextEnum", "to_enum"]

E = TypeVar("E", bound=enum.Enum)


class TextEnum(str, enum.Enum):
    """An enumeration of words, each printing as its value."""

    def __str__(self) -> str:
        return str(self.value)


def to_enum(kind: type[E], field: str, value: object) -> E:
    """Return ``kind(value)``, or raise a ValidationError that names ``field`` and the allowed values."""
    if type(value) is kind:
        return value  # already a member
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in kind)
        raise ValidationError([(field, f"{value!r} is not a {kind.__name__} (one of {allowed})")]) from None
