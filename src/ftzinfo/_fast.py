"""Fast structuring of dataset records, strict, with the converter as the authority on errors.

Building records through the generic converter costs several times what parsing the
JSON costs. These functions build the same records directly: each checks the types
and keys the converter checks, then calls the class, whose validators still run.
Whatever they cannot build cleanly (any exception at all) goes to the converter,
which either builds it too or reports each problem with its path; so the fast path
changes speed, never answers. A test holds the two paths equal on every bundled
record and on mutated bad ones.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Final

import attrs

from ftzinfo._model import Evidence, Indicator, Initiative, Metric, Milestone, Rate, Source, Zone
from ftzinfo._period import Period
from ftzinfo._quantity import Qualifier, Quantity, _bounds

__all__ = ["FAST", "Unfit"]


class Unfit(Exception):  # noqa: N818 - a signal to use the converter, never seen by users
    """The record does not fit the fast path; the converter decides."""


def _fields(cls: type) -> frozenset[str]:
    return frozenset(f.alias or f.name for f in attrs.fields(cls))


def _record(value: object, allowed: frozenset[str], required: tuple[str, ...]) -> Mapping[str, Any]:
    if type(value) is not dict or not allowed.issuperset(value) or not all(k in value for k in required):
        raise Unfit
    return value


def _str(value: object) -> str:
    if type(value) is not str:
        raise Unfit
    return value


def _opt_str(value: object) -> str | None:
    return None if value is None else _str(value)


def _strs(value: object) -> tuple[str, ...]:
    if type(value) is not list:
        raise Unfit
    return tuple(_str(v) for v in value)


def _decimal(value: object) -> Decimal | None:
    if value is None:
        return None
    if type(value) is Decimal or type(value) is int:
        number = Decimal(value)
    elif isinstance(value, str) and type(value) is str:
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise Unfit from None
    else:
        raise Unfit
    if not number.is_finite():
        raise Unfit
    return number


def _bool(value: object) -> bool:
    if type(value) is not bool:
        raise Unfit
    return value


@functools.lru_cache(maxsize=4096)
def _period_text(text: str) -> Period:
    return Period.parse(text)  # Periods are immutable: one object serves every record


def _period(value: object) -> Period | None:
    if value is None:
        return None
    return _period_text(_str(value))


_EVIDENCE: Final = _fields(Evidence)


def _evidence(value: object) -> tuple[Evidence, ...]:
    if type(value) is not list:
        raise Unfit
    out = []
    for item in value:
        d = _record(item, _EVIDENCE, ("source_id", "quote"))
        out.append(Evidence(source_id=_str(d["source_id"]), quote=_str(d["quote"])))
    return tuple(out)


_QUANTITY: Final = _fields(Quantity)
_BOUND_FIELDS: Final = ("low", "high")
_CLOSED_FIELDS: Final = ("low_closed", "high_closed")


def _quantity(value: object) -> Quantity:
    d = _record(value, _QUANTITY, ("value", "unit"))
    if d.get("conversion") is not None:
        raise Unfit  # converted figures are rare in files: the converter builds them
    number = _decimal(d["value"])
    qualifier = Qualifier(_str(d.get("qualifier", "exact")))
    low, high, low_closed, high_closed = _bounds(number, qualifier)  # once, not once per derived field
    kwargs: dict[str, Any] = {
        "value": number,
        "unit": _str(d["unit"]),
        "qualifier": qualifier,
        "low": low,
        "high": high,
        "low_closed": low_closed,
        "high_closed": high_closed,
    }
    for key in _BOUND_FIELDS:
        if key in d:
            kwargs[key] = _decimal(d[key])
    for key in _CLOSED_FIELDS:
        if key in d:
            kwargs[key] = _bool(d[key])
    if d.get("equivalent") is not None:
        kwargs["equivalent"] = _quantity(d["equivalent"])
    if "text" in d:
        kwargs["text"] = _opt_str(d["text"])
    return Quantity(**kwargs)


def _opt_quantity(value: object) -> Quantity | None:
    return None if value is None else _quantity(value)


_MILESTONE: Final = _fields(Milestone)


def _milestone(value: object) -> Milestone | None:
    if value is None:
        return None
    d = _record(value, _MILESTONE, ("event", "date"))
    return Milestone(event=_str(d["event"]), date=_period(d["date"]), note=_opt_str(d.get("note")))  # type: ignore[arg-type]


def _milestones(value: object) -> tuple[Milestone, ...]:
    if type(value) is not list or None in value:
        raise Unfit
    return tuple(map(_milestone, value))  # type: ignore[arg-type]


def _published(value: object) -> dt.date | dt.datetime | None:
    if value is None:
        return None
    text = _str(value)
    try:
        if "T" in text:
            moment = dt.datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
            if moment.tzinfo is None:
                raise Unfit
            return moment
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Unfit from None


# Per class: the keys a record may have, those it must have, and how each becomes a field.
_SPECS: Final[dict[type, tuple[frozenset[str], tuple[str, ...], dict[str, Callable[[object], Any]]]]] = {
    Zone: (_fields(Zone), ("id", "name", "kind", "country"), {
        "id": _str, "name": _str, "name_zh": _opt_str, "aliases": _strs, "kind": _str, "country": _str,
        "subdivision": _opt_str, "city": _opt_str, "parent_id": _opt_str, "overlaps": _strs,
        "established": _milestone, "milestones": _milestones, "area_km2": _opt_quantity, "status": _str,
        "sectors": _strs, "summary": _opt_str, "evidence": _evidence,
    }),
    Initiative: (_fields(Initiative), ("id", "title", "kind"), {
        "id": _str, "title": _str, "title_zh": _opt_str, "kind": _str, "status": _str, "zone_ids": _strs,
        "announced": _milestone, "issuer": _opt_str, "period": _period, "sectors": _strs, "parent_id": _opt_str,
        "count": _opt_quantity, "summary": _opt_str, "evidence": _evidence,
    }),
    Indicator: (_fields(Indicator), ("id", "name", "unit_kind", "measure"), {
        "id": _str, "name": _str, "unit_kind": _str, "measure": _str, "description": _opt_str,
    }),
    Metric: (_fields(Metric), ("id", "zone_id", "indicator", "value"), {
        "id": _str, "zone_id": _str, "indicator": _str, "value": _quantity, "period": _period, "note": _opt_str,
        "evidence": _evidence,
    }),
    Rate: (_fields(Rate), ("id", "currency", "per", "period", "series", "value"), {
        "id": _str, "currency": _str, "per": _str, "period": _period, "kind": _str, "series": _str,
        "value": _decimal, "text": _opt_str, "note": _opt_str, "evidence": _evidence,
    }),
    Source: (_fields(Source), ("id", "publisher", "url"), {
        "id": _str, "title": _opt_str, "publisher": _str, "author": _opt_str, "url": _str,
        "published": _published, "language": _str, "original_id": _opt_str,
    }),
}  # fmt: skip


def _builder(cls: type) -> Callable[[object], Any]:
    allowed, required, fields = _SPECS[cls]

    def build(value: object) -> Any:
        d = _record(value, allowed, required)
        try:
            return cls(**{key: fields[key](item) for key, item in d.items()})
        except Unfit:
            raise
        except Exception as exc:  # a validator's objection: the converter will word it
            raise Unfit from exc

    return build


#: The fast builder of each record class; each raises Unfit where the converter must decide.
FAST: Final[dict[type, Callable[[object], Any]]] = {cls: _builder(cls) for cls in _SPECS}
