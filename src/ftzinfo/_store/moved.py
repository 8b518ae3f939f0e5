"""The methods that left Dataset for the analysis, I/O and display layers.

Each name maps to the function that now answers (called with the dataset first) and
what to call instead. The public API fills this when ftzinfo is imported; a call of
the old method still works, with a DeprecationWarning, until 0.4.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["MOVED", "move"]

MOVED: dict[str, tuple[Callable[..., Any], str]] = {}


def move(name: str, function: Callable[..., Any], instead: str) -> None:
    """Record that ``Dataset.<name>(...)`` is now ``function(dataset, ...)``, spelt ``instead``."""
    MOVED[name] = (function, instead)
