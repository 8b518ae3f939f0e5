"""How records and results reach their notebook HTML and their charts.

The display layer sits above the records, the store and the analysis results, so
they cannot import it. The public API provides the two functions here when ftzinfo
is imported (without importing the display modules, which load on first use): it is
the one place that knows both the display and which dataset is active, whose sources
a record's HTML links to.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["html", "plot", "provide"]

_provided: dict[str, Callable[..., Any]] = {}


def provide(*, html: Callable[[object], str], plot: Callable[..., Any]) -> None:
    """Set the functions that render HTML and draw charts (the public API calls this once)."""
    _provided.update(html=html, plot=plot)


def html(obj: object) -> str:
    """``obj`` as notebook HTML."""
    return str(_renderer("html")(obj))


def plot(obj: object, *args: Any) -> Any:
    """A chart of ``obj`` (a matplotlib Figure)."""
    return _renderer("plot")(obj, *args)


def _renderer(name: str) -> Callable[..., Any]:
    try:
        return _provided[name]
    except KeyError:  # only reachable by importing a private module without ftzinfo itself
        msg = f"no {name} renderer: import ftzinfo first"
        raise RuntimeError(msg) from None
