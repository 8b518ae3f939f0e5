"""Unpickling records made by earlier versions: fields added since take their defaults.

A 0.2 pickle of a Source has no ``kind`` or ``accessed``; without this, the loaded
record would lack them and fail when they are read.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["restore", "state"]


def state(self: Any) -> dict[str, Any]:
    """A record's fields by name, as attrs pickles them."""
    return {field.name: getattr(self, field.name) for field in attrs.fields(type(self))}


def restore(self: Any, state: Any) -> None:
    """Set a record's fields from a pickled state; a field the state lacks takes its default."""
    values = state if isinstance(state, dict) else {}
    for field in attrs.fields(type(self)):
        if field.name in values:
            value = values[field.name]
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            value = field.default.factory(self) if field.default.takes_self else field.default.factory()
        elif field.default is not attrs.NOTHING:
            value = field.default
        else:
            continue
        object.__setattr__(self, field.name, value)
