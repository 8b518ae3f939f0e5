"""Vouching for plain records: every check building them would make, without building them.

A big file is mostly metrics, and building a metric (its figure, its evidence)
costs several times what checking it does. :data:`VOUCH` holds, for the classes
worth it, a function that says whether the fast builder would build a plain
record without complaint. It runs the same checks: the class's own validators
(read from its declaration), the figure's joint check (:func:`figure_problems`,
which Quantity runs too) and the fast builder's own conversions. It never says
yes where building would fail (a property test holds it to that on every bundled
metric and on mutated ones); where it says no, the builder decides, and words any
error. A record it vouches for is kept as plain data and built when first asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import attrs

from ftzinfo._io.fast import (
    _EVIDENCE,
    _EVIDENCE_REQUIRED,
    _QUANTITY,
    _QUANTITY_REQUIRED,
    Unfit,
    _figure,
    _period_text,
    _record,
    _str,
)
from ftzinfo._records.metric import Metric
from ftzinfo._records.quantity import Quantity, figure_problems
from ftzinfo._records.validate import MAX_QUOTE
from ftzinfo._records.zone import Evidence

__all__ = ["VOUCH"]

Check = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _validators(cls: type, *names: str) -> tuple[tuple[str, Check, attrs.Attribute[Any]], ...]:
    """The validators of a class's fields ``names`` (every validated field if none are named)."""
    fields = [f for f in attrs.fields(cls) if f.validator is not None and (not names or f.name in names)]
    return tuple((f.alias or f.name, f.validator, f) for f in fields)


_FIGURE_CHECKS: Final = _validators(Quantity)
_METRIC_KEYS: Final = frozenset(f.alias or f.name for f in attrs.fields(Metric))
_METRIC_REQUIRED: Final = frozenset(f.alias or f.name for f in attrs.fields(Metric) if f.default is attrs.NOTHING)
# The metric's fields checked as they read; its figure, period and evidence are checked below.
_METRIC_CHECKS: Final = tuple(c for c in _validators(Metric) if c[0] not in {"value", "period", "evidence"})
_EVIDENCE_CHECKS: Final = _validators(Evidence)


def _vouch_figure(value: object) -> tuple[str, Any]:
    """Check a plain figure as building it would; its unit and low bound (raises on any fault)."""
    d = _record(value, _QUANTITY, _QUANTITY_REQUIRED)
    number, qualifier, low, high, low_closed, high_closed = _figure(d)
    fields = {"value": number, "low": low, "high": high, "unit": d["unit"], "text": d.get("text")}
    for key, check, field in _FIGURE_CHECKS:
        check(None, field, fields[key])
    equivalent = d.get("equivalent")
    equivalent_unit = None if equivalent is None else _vouch_figure(equivalent)[0]
    problems = figure_problems(
        number,
        qualifier,
        low,
        high,
        low_closed=low_closed,
        high_closed=high_closed,
        unit=d["unit"],
        equivalent_unit=equivalent_unit,
    )
    if problems:
        raise Unfit
    return d["unit"], low


def _vouch_metric(value: object) -> bool:
    d = _record(value, _METRIC_KEYS, _METRIC_REQUIRED)
    for key, check, field in _METRIC_CHECKS:
        check(None, field, d.get(key))
    unit, low = _vouch_figure(d["value"])
    if unit == "km2" and low is not None and low < 0:  # Metric's own check of its figure
        raise Unfit
    period = d.get("period")
    if period is not None:
        _period_text(_str(period))
    evidence = d.get("evidence", [])
    if type(evidence) is not list:
        raise Unfit
    for item in evidence:
        e = _record(item, _EVIDENCE, _EVIDENCE_REQUIRED)
        for key, check, field in _EVIDENCE_CHECKS:
            check(None, field, e[key])
        if len(e["quote"]) > MAX_QUOTE:  # Evidence's own check of its quote
            raise Unfit
    return True


def _safely(vouch: Callable[[object], bool]) -> Callable[[object], bool]:
    def answer(value: object) -> bool:
        try:
            return vouch(value)
        except Exception:  # noqa: BLE001 - any doubt at all: the builder decides
            return False

    return answer


#: For each class worth it, whether the fast builder would build a plain record without complaint.
VOUCH: Final[dict[type, Callable[[object], bool]]] = {Metric: _safely(_vouch_metric)}
