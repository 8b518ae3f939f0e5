"""The JSON Schema (draft 2020-12) of the dataset file, generated from the record classes."""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from decimal import Decimal
from typing import Any, Final, Union, get_args, get_origin

import attrs

from ftzinfo._io.files import FORMAT
from ftzinfo._records.kinds import KINDS, TYPES
from ftzinfo._records.period import Period

__all__ = ["json_schema"]

_ID_PATTERN: Final = r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$"
_DECIMAL_PATTERN: Final = r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$"
_YEAR: Final = r"(?!0000)[0-9]{4}"
_MONTH: Final = rf"{_YEAR}-(?:0[1-9]|1[0-2])"
_DAY: Final = rf"{_MONTH}-(?:0[1-9]|[12][0-9]|3[01])"
_END: Final = rf"(?:{_DAY}|{_MONTH}|{_YEAR})"
_PERIOD: Final = {
    "type": "string",
    "description": "A period: '2025', '2025-H1', '2025-Q3', '2025-12', '2025-12-15', "
    "'as of 2025-12-15' (a stock at a date) or a range such as '2021/2025' or '2025-01/2025-10'.",
    "anyOf": [
        {"format": "date", "pattern": rf"^{_DAY}$"},  # a single day: one the calendar has
        {"pattern": rf"^(?:{_YEAR}|{_MONTH}|{_YEAR}-H[12]|{_YEAR}-Q[1-4]|as of {_DAY}|{_END}/{_END})$"},
    ],
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


_DATE_PATTERN: Final = rf"^{_DAY}$"
_TIME_PATTERN: Final = rf"^{_DAY}T[0-2][0-9]:[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?(?:Z|[+-][0-2][0-9]:[0-5][0-9])$"
_SCALARS: Final[dict[Any, dict[str, Any]]] = {
    Decimal: {
        "anyOf": [
            {"type": "string", "pattern": _DECIMAL_PATTERN},
            {"type": "number", "exclusiveMinimum": -1e21, "exclusiveMaximum": 1e21},
        ]
    },
    Period: _PERIOD,  # an attrs class, but written as text
    dt.datetime: {"type": "string", "format": "date-time", "pattern": _TIME_PATTERN},
    dt.date: {"type": "string", "format": "date", "pattern": _DATE_PATTERN},
    bool: {"type": "boolean"},
}
_ID_FIELDS: Final = frozenset({"id", "zone_ids", "overlaps", "indicator", "rate_ids"})


def _type_schema(tp: Any, defs: dict[str, Any], field: str = "") -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in {Union, types.UnionType}:
        options = [a for a in get_args(tp) if a is not type(None)]
        nullable = len(options) < len(get_args(tp))
        if set(options) == {dt.date, dt.datetime}:
            inner: dict[str, Any] = {"type": "string", "anyOf": [_SCALARS[dt.date], _SCALARS[dt.datetime]]}
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


def _validator_schema(field: attrs.Attribute[Any]) -> dict[str, Any] | None:
    """What the field's validators admit, as they state it themselves (``json_schema``)."""
    if "json_schema" in field.metadata:
        return dict(field.metadata["json_schema"])
    validators = getattr(field.validator, "_validators", None) or (field.validator,)
    for validator in validators:
        schema = getattr(validator, "json_schema", None)
        if schema is not None:
            return dict(schema)
    return None


def _narrowed(base: dict[str, Any], extra: dict[str, Any] | None) -> dict[str, Any]:
    """``base`` narrowed by what the validator admits; a nullable field stays nullable."""
    if extra is None:
        return base
    options = base.get("anyOf")
    if options and {"type": "null"} in options:
        inner = next(o for o in options if o != {"type": "null"})
        return {"anyOf": [_narrowed(inner, extra), {"type": "null"}]}
    if "$ref" in base:  # a record narrowed further (an area is in km2, not below zero)
        return {"allOf": [base, extra]}
    if "anyOf" in base:  # a decimal as text or number: the validator's own form replaces it
        return extra
    return {**base, **extra}


def _define(cls: type, defs: dict[str, Any]) -> None:
    name = cls.__name__
    if name in defs:
        return
    defs[name] = {}  # reserve the name first: a Quantity holds Quantities
    hints = typing.get_type_hints(cls)
    properties, required = {}, []
    for field in attrs.fields(cls):
        key = field.alias or field.name
        properties[key] = _narrowed(_type_schema(hints[field.name], defs, field.name), _validator_schema(field))
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
