"""The short repr every record shares: identity fields only, as attrs would write them."""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["record_repr"]


def record_repr(self: Any) -> str:
    """``Class(field=value, ...)`` over the fields shown in reprs, as attrs writes it.

    One shared function, where attrs would compile a ``__repr__`` for each class
    as ftzinfo is imported.
    """
    shown = ", ".join(f"{a.name}={getattr(self, a.name)!r}" for a in attrs.fields(type(self)) if a.repr)
    return f"{type(self).__qualname__}({shown})"
