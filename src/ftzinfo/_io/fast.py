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
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, Final

import attrs

from ftzinfo._records.bounds import Qualifier, bounds
from ftzinfo._records.period import Period
from ftzinfo._records.quantity import Quantity
from ftzinfo._records.zone import Evidence, Milestone

__all__ = ["FAST", "Unfit"]


class Unfit(Exception):  # noqa: N818 - a signal to use the converter, never seen by users
    """The record does not fit the fast path; the converter decides."""


def _fields(cls: type) -> frozenset[str]:
    return frozenset(f.alias or f.name for f in attrs.fields(cls))


def _record(value: object, allowed: frozenset[str], required: frozenset[str]) -> dict[str, Any]:
    if type(value) is not dict or not value.keys() <= allowed or not required <= value.keys():
        raise Unfit
    return value


def _str(value: object) -> str:
    if type(value) is not str:
        raise Unfit
    return value


def _strs(value: object) -> tuple[str, ...]:
    if type(value) is not list:
        raise Unfit
    return tuple(value)  # the field's validator checks each item is text


def _decimal(value: object) -> Decimal | None:
    if value is None:
        return None
    if type(value) is str:
        try:
            number = Decimal(value)  # as the converter reads it: surrounding white space is ignored
        except InvalidOperation:
            raise Unfit from None
    elif type(value) is Decimal or type(value) is int:
        number = Decimal(value)
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
_EVIDENCE_REQUIRED: Final = frozenset({"source_id", "quote"})


def _evidence(value: object) -> tuple[Evidence, ...]:
    if type(value) is not list:
        raise Unfit
    out = []
    for item in value:
        d = _record(item, _EVIDENCE, _EVIDENCE_REQUIRED)
        out.append(Evidence(source_id=d["source_id"], quote=d["quote"]))  # validated as text by the class
    return tuple(out)


_QUANTITY: Final = _fields(Quantity)
_QUANTITY_REQUIRED: Final = frozenset({"value", "unit"})
_QUALIFIERS: Final = {q.value: q for q in Qualifier}


def _figure(d: dict[str, Any]) -> tuple[Decimal | None, Qualifier, Decimal | None, Decimal | None, bool, bool]:
    """A figure's value, qualifier, bounds and closed ends from its plain fields (raises Unfit)."""
    if d.get("conversion") is not None:
        raise Unfit  # converted figures are rare in files: the converter builds them
    text = d["value"]
    number = _decimal(text)
    qualifier = _QUALIFIERS.get(d.get("qualifier", "exact"))
    if qualifier is None:
        raise Unfit
    if "low" in d and "high" in d and "low_closed" in d and "high_closed" in d:  # as dump() writes figures
        low, high, low_closed, high_closed = d["low"], d["high"], d["low_closed"], d["high_closed"]
        # A bound written as the value is the value's own Decimal: one object, not two.
        low = number if low == text and type(text) is str else _decimal(low)
        high = number if high == text and type(text) is str else _decimal(high)
    else:
        derived = bounds(number, qualifier)  # once, not once per derived field
        low = _decimal(d["low"]) if "low" in d else derived[0]
        high = _decimal(d["high"]) if "high" in d else derived[1]
        low_closed = d.get("low_closed", derived[2])
        high_closed = d.get("high_closed", derived[3])
    if type(low_closed) is not bool or type(high_closed) is not bool:
        raise Unfit
    return number, qualifier, low, high, low_closed, high_closed


def _quantity(value: object) -> Quantity:
    d = _record(value, _QUANTITY, _QUANTITY_REQUIRED)
    number, qualifier, low, high, low_closed, high_closed = _figure(d)
    equivalent = d.get("equivalent")
    return Quantity(
        value=number,
        qualifier=qualifier,
        low=low,
        high=high,
        low_closed=low_closed,
        high_closed=high_closed,
        unit=d["unit"],  # unit and text go as they are: the class validates them
        equivalent=None if equivalent is None else _quantity(equivalent),
        text=d.get("text"),
    )


def _opt_quantity(value: object) -> Quantity | None:
    return None if value is None else _quantity(value)


_MILESTONE: Final = _fields(Milestone)
_MILESTONE_REQUIRED: Final = frozenset({"event", "date"})


def _milestone_or_none(value: object) -> Milestone | None:
    if value is None:
        return None
    d = _record(value, _MILESTONE, _MILESTONE_REQUIRED)
    return Milestone(event=d["event"], date=_period(d["date"]), note=d.get("note"))  # type: ignore[arg-type]


def _milestones(value: object) -> tuple[Milestone, ...]:
    if type(value) is not list or None in value:
        raise Unfit
    return tuple(map(_milestone_or_none, value))  # type: ignore[arg-type]


def _date(value: object) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(_str(value))
    except ValueError:
        raise Unfit from None


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


# How a JSON value becomes a field, by the field's declared type (as its annotation reads, so
# that no annotation is resolved and building a zone loads no other record class). A field
# of any other type (text, an enumeration) is passed as it is: its validator or converter
# decides.
_BY_TYPE: Final[dict[str, Callable[[object], Any]]] = {
    "tuple[str, ...]": _strs,
    "Milestone | None": _milestone_or_none,
    "tuple[Milestone, ...]": _milestones,
    "Quantity": _quantity,
    "Quantity | None": _opt_quantity,
    "Period": _period,
    "Period | None": _period,
    "Decimal": _decimal,
    "date | None": _date,
    "date | datetime | None": _published,
    "tuple[Evidence, ...]": _evidence,
}
# Type names that need a converter of their own: a field of one of these types missing from
# _BY_TYPE is a bug of this module, caught when the class's builder is made.
_STRUCTURED: Final = ("tuple[", "Milestone", "Quantity", "Period", "Decimal", "date", "Evidence", "Conversion")
_QUALIFIED: Final = re.compile(r"\b(?:\w+\.)+(\w+)")


def _type_name(declared: object) -> str:
    """A field's type as its annotation reads, without module names (``Milestone | None``).

    The same whether the annotation is still text or has been resolved to types (as
    ``attrs.resolve_types`` does when a converter first meets the class).
    """
    text = declared.__name__ if isinstance(declared, type) and not hasattr(declared, "__args__") else str(declared)
    return _QUALIFIED.sub(r"\1", text)


def _spec(cls: type) -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, Callable[[object], Any]], ...]]:
    """A class's keys, its required keys, and the converters of its structured fields, from its declaration."""
    allowed, required, converted = set(), set(), []
    for field in attrs.fields(cls):
        key = field.alias or field.name
        allowed.add(key)
        if field.default is attrs.NOTHING:
            required.add(key)
        declared = _type_name(field.type)
        if declared in _BY_TYPE:
            converted.append((key, _BY_TYPE[declared]))
        elif any(name in declared for name in _STRUCTURED):
            raise AssertionError(f"the fast path has no converter for {cls.__name__}.{key}: {declared}")
    return frozenset(allowed), frozenset(required), tuple(converted)


def _builder(cls: type) -> Callable[[object], Any]:
    allowed, required, converted = _spec(cls)

    def build(value: object) -> Any:
        kwargs = _record(value, allowed, required).copy()
        try:
            for key, convert in converted:
                if key in kwargs:
                    kwargs[key] = convert(kwargs[key])
            return cls(**kwargs)
        except Unfit:
            raise
        except Exception as exc:  # a validator's objection: the converter will word it
            raise Unfit from exc

    return build


class _Builders(dict[type, Callable[[object], Any]]):
    """Record class -> its fast builder, made on first use."""

    def __missing__(self, cls: type) -> Callable[[object], Any]:
        build = self[cls] = _builder(cls)
        return build


#: The fast builder of each record class; each raises Unfit where the converter must decide.
FAST: Final[dict[type, Callable[[object], Any]]] = _Builders()
