"""The JSON Schema (draft 2020-12) of the dataset file, generated from the record classes."""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from decimal import Decimal
from typing import Any, Final, Union, get_args, get_origin

import attrs

from ftzinfo._dataset import FORMAT
from ftzinfo._integrity import KINDS, TYPES
from ftzinfo._period import Period

__all__ = ["json_schema"]

_ID_PATTERN: Final = r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$"
_DECIMAL_PATTERN: Final = r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$"
_PERIOD: Final = {
    "type": "string",
    "description": "A period: '2025', '2025-H1', '2025-Q3', '2025-12', '2025-12-15', "
    "'as of 2025-12-15' (a stock at a date) or a range such as '2021/2025' or '2025-01/2025-10'.",
}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a dataset file, as :meth:`Dataset.dump` writes it.

    Generated from the record classes, so it cannot drift from them; a copy ships
    in the package as ``ftzinfo/dataset.schema.json``.

    Example:
        >>> schema = ftzinfo.json_schema()
        >>> schema["$schema"], sorted(schema["$defs"])[:3]
        ('https://json-schema.org/draft/2020-12/schema', ['Conversion', 'Evidence', 'Indicator'])
    """
    defs: dict[str, Any] = {}
    properties: dict[str, Any] = {"format": {"const": FORMAT, "description": "The version of this file layout."}}
    for kind in KINDS:
        properties[kind] = {"type": "array", "items": _type_schema(TYPES[kind], defs)}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "ftzinfo dataset file",
        "description": "Zones, initiatives, indicators, metrics, exchange rates and their sources. "
        "Every list may be missing or empty.",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


_SCALARS: Final[dict[Any, dict[str, Any]]] = {
    Decimal: {"anyOf": [{"type": "string", "pattern": _DECIMAL_PATTERN}, {"type": "number"}]},
    Period: _PERIOD,  # an attrs class, but written as text
    dt.datetime: {"type": "string", "format": "date-time"},
    dt.date: {"type": "string", "format": "date"},
    bool: {"type": "boolean"},
}
_ID_FIELDS: Final = frozenset({"id", "zone_ids", "overlaps", "indicator", "rate_ids"})


def _type_schema(tp: Any, defs: dict[str, Any], field: str = "") -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in {Union, types.UnionType}:
        options = [a for a in get_args(tp) if a is not type(None)]
        nullable = len(options) < len(get_args(tp))
        if set(options) == {dt.date, dt.datetime}:
            inner: dict[str, Any] = {"type": "string", "anyOf": [{"format": "date"}, {"format": "date-time"}]}
        else:
            (only,) = options
            inner = _type_schema(only, defs, field)
        return {"anyOf": [inner, {"type": "null"}]} if nullable else inner
    if origin is tuple:
        return {"type": "array", "items": _type_schema(get_args(tp)[0], defs, field)}
    if tp in _SCALARS:
        return dict(_SCALARS[tp])
    if isinstance(tp, type) and attrs.has(tp):
        _define(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [m.value for m in tp]}
    if tp is str:
        if field in _ID_FIELDS or field.endswith("_id"):
            return {"type": "string", "pattern": _ID_PATTERN}
        return {"type": "string", "minLength": 1}
    msg = f"no JSON Schema for {tp!r}"
    raise TypeError(msg)


def _define(cls: type, defs: dict[str, Any]) -> None:
    name = cls.__name__
    if name in defs:
        return
    defs[name] = {}  # reserve the name first: a Quantity holds Quantities
    hints = typing.get_type_hints(cls)
    properties, required = {}, []
    for field in attrs.fields(cls):
        key = field.alias or field.name
        properties[key] = _type_schema(hints[field.name], defs, field.name)
        if field.default is attrs.NOTHING:
            required.append(key)
    doc = (cls.__doc__ or "").strip().splitlines()
    defs[name] = {
        "type": "object",
        "description": doc[0] if doc else name,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
