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


#: Fields whose few values recur across a file (zones, indicators, units, sources): each value
#: that passes its check is remembered, up to a bound, and not checked again.
_RECURRING: Final = frozenset({"zone_id", "indicator", "unit", "source_id"})
_REMEMBER: Final = 4096


Checks = tuple[tuple[str, Check, "attrs.Attribute[Any]", set[object] | None, bool], ...]


def _validators(cls: type) -> Checks:
    """Each validated field of a class: its key, validator and field, the values known to pass, and whether None does.

    Whether None passes is asked of the validator once: its answer depends on the value alone.
    """
    fields = [f for f in attrs.fields(cls) if f.validator is not None]
    return tuple(
        (f.alias or f.name, f.validator, f, set() if f.name in _RECURRING else None, _passes(f, None)) for f in fields
    )


def _passes(field: attrs.Attribute[Any], value: object) -> bool:
    try:
        field.validator(None, field, value)  # type: ignore[misc]
    except Exception:  # noqa: BLE001 - any objection at all
        return False
    return True


def _run(checks: Checks, values: Any) -> None:
    """Run each check on its field's value in ``values`` (raises as the validator does)."""
    for key, check, field, passed, none_passes in checks:
        value = values.get(key)
        if value is None and none_passes:
            continue
        if passed is not None and value in passed:
            continue
        check(None, field, value)
        if passed is not None and len(passed) < _REMEMBER:
            passed.add(value)


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
    # A bound read as the value is the value itself: it is not checked twice.
    fields = {
        "value": number,
        "low": None if low is number else low,
        "high": None if high is number else high,
        "unit": d["unit"],
        "text": d.get("text"),
    }
    _run(_FIGURE_CHECKS, fields)
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
    _run(_METRIC_CHECKS, d)
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
        _run(_EVIDENCE_CHECKS, e)
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
