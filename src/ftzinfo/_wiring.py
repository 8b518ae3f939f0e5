"""Connect the layers once, when ftzinfo is imported.

The layers below the API cannot import the ones above them. Two things still flow
upwards, and this module, in the API layer, provides them:

- records and results show themselves in notebooks and draw charts through
  :mod:`ftzinfo._records.presenters`; the renderers given here load the display
  modules on first use and look a record's sources up in the active dataset;
- the methods that left :class:`Dataset` for the analysis, I/O and display layers
  still answer, with a DeprecationWarning, until 0.4 (see :mod:`ftzinfo._store.moved`).
"""

from __future__ import annotations

from typing import Any

from ftzinfo import _api
from ftzinfo._records import presenters
from ftzinfo._store import moved

__all__ = ["connect"]


def _html(obj: object) -> str:
    from ftzinfo._display.html import to_html  # noqa: PLC0415 - notebook display loads on first use

    return to_html(obj, _api.dataset())


def _plot(obj: object, *args: Any) -> Any:
    from ftzinfo._display.plot import to_plot  # noqa: PLC0415 - charts (matplotlib) load on first use

    return to_plot(obj, *args)


def _rate_by_id(ds: Any, rate_id: str) -> Any:
    found = {r.id: r for r in ds.rates()}.get(rate_id)
    if found is None:
        from ftzinfo.exceptions import UnknownRecordError  # noqa: PLC0415 - only the deprecated path needs it

        raise UnknownRecordError("rate", rate_id, [])
    return found


def _to_dict(ds: Any) -> Any:
    from ftzinfo._api_io import to_dict  # noqa: PLC0415 - reading and writing load on first use

    return to_dict(ds)


def _to_frame(ds: Any, table: str) -> Any:
    from ftzinfo._api_io import to_frame  # noqa: PLC0415 - reading and writing load on first use

    return to_frame(table, dataset=ds)


def _export(ds: Any, target: Any, **options: Any) -> Any:
    from ftzinfo._api_io import export  # noqa: PLC0415 - reading and writing load on first use

    return export(target, dataset=ds, **options)


def connect() -> None:
    """Give the records their renderers and Dataset its moved methods (idempotent)."""
    presenters.provide(html=_html, plot=_plot)
    moves: dict[str, tuple[Any, str]] = {
        "compare": (
            lambda ds, *zones, **kw: _api.compare(*zones, dataset=ds, **kw),
            "ftzinfo.compare(..., dataset=ds)",
        ),
        "rank": (lambda ds, indicator, **kw: _api.rank(indicator, dataset=ds, **kw), "ftzinfo.rank(..., dataset=ds)"),
        "series": (lambda ds, *a: _api.series(*a, dataset=ds), "ftzinfo.series(zone, indicator, dataset=ds)"),
        "area_rollup": (lambda ds, zone: _api.area_rollup(zone, dataset=ds), "ftzinfo.area_rollup(zone, dataset=ds)"),
        "cite": (lambda ds, *a: _api.cite(*a, dataset=ds), "ftzinfo.cite(record, style, dataset=ds)"),
        "to_dict": (_to_dict, "ftzinfo.to_dict(ds)"),
        "to_frame": (_to_frame, "ftzinfo.to_frame(table, dataset=ds)"),
        "zones_frame": (lambda ds: _to_frame(ds, "zones"), 'ftzinfo.to_frame("zones", dataset=ds)'),
        "metrics_frame": (
            lambda ds: _to_frame(ds, "metrics"),
            'ftzinfo.to_frame("metrics", dataset=ds)',
        ),
        "initiatives_frame": (
            lambda ds: _to_frame(ds, "initiatives"),
            'ftzinfo.to_frame("initiatives", dataset=ds)',
        ),
        "export": (
            _export,
            "ftzinfo.export(target, dataset=ds)",
        ),
        "rate_by_id": (_rate_by_id, "a rate of Dataset.rates() by its id"),
    }
    for name, (function, instead) in moves.items():
        moved.move(name, function, instead)
