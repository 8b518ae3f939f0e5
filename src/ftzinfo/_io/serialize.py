"""The library's own cattrs converter, and JSON in and out.

One converter, configured once and built on first use, serves every record:
Decimal as a string, dates in ISO 8601, enums by value, tuples as lists. It is
strict: unknown keys, strings where numbers belong, ``true`` where a number
belongs and naive datetimes are errors, and every error names the path of the
field it concerns.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import threading
from collections.abc import Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Final, TypeVar, get_args, get_origin

from ftzinfo._records.enums import to_enum
from ftzinfo._records.period import Period
from ftzinfo.exceptions import MAX_ERRORS, ValidationError, join_path

if TYPE_CHECKING:
    from collections.abc import Callable

    import cattrs

__all__ = [
    "check_depth",
    "converter",
    "errors_of",
    "from_dict",
    "is_structure_error",
    "json_text",
    "parse_json",
    "structure",
    "to_dict",
]

T = TypeVar("T")


_lock = threading.Lock()
_converter: cattrs.Converter | None = None


def converter() -> cattrs.Converter:
    """Return the library's converter, building it on first use."""
    global _converter  # noqa: PLW0603 - a lazily built singleton
    if _converter is None:
        with _lock:
            if _converter is None:
                _converter = _build()
    return _converter


def to_dict(obj: Any) -> Any:
    """Turn a record (or a Quantity, a Period, a tuple of them) into plain data.

    Example:
        >>> from ftzinfo import Quantity
        >>> to_dict(Quantity.parse("nearly 30 percent"))["value"]
        '30'
    """
    return converter().unstructure(obj)


def from_dict(cls: type[T], data: Any) -> T:
    """Build a record class ``cls`` from plain data, checking every field.

    Raises:
        ValidationError: The data does not fit; the message names each bad field's path.
    """
    return structure(data, cls)


def structure(data: Any, cls: type[T], path: str = "") -> T:
    """Structure ``data`` as ``cls``; errors become a ValidationError with paths under ``path``."""
    try:
        return converter().structure(data, cls)
    except Exception as exc:
        if not is_structure_error(exc):
            raise
        raise ValidationError(list(errors_of(exc, path))[:MAX_ERRORS]) from None


def is_structure_error(exc: BaseException) -> bool:
    """Whether ``exc`` is a failure of the data (as opposed to a bug) while structuring."""
    from cattrs.errors import BaseValidationError  # noqa: PLC0415 - cattrs is loaded once structuring runs

    return isinstance(exc, (BaseValidationError, ValueError, TypeError, KeyError, ArithmeticError))


def json_text(data: Any, *, indent: int | None = None) -> str:
    """Plain data as JSON text (UTF-8 characters kept as they are)."""
    return json.dumps(data, ensure_ascii=False, indent=indent)


#: Deepest nesting a dataset file may have (the format itself needs about six levels).
MAX_DEPTH: Final = 64


def check_depth(data: Any, *, where: str = "", limit: int = MAX_DEPTH) -> None:
    """Refuse data nested deeper than ``limit`` (hostile files nest thousands deep)."""
    stack = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            raise ValidationError([(where, f"nested more than {limit} levels deep")])
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item if isinstance(v, (dict, list)))


def parse_json(text: str | bytes, *, where: str = "") -> Any:
    """Parse JSON strictly; errors become ValidationError naming ``where`` and the position."""
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValidationError([(where, f"not UTF-8 text (byte {exc.start})")]) from None
    if not isinstance(text, str):
        raise ValidationError([(where, f"expected JSON text, got {type(text).__name__}")])
    if text.startswith("\ufeff"):
        raise ValidationError([(where, "the text starts with a byte order mark; save it as UTF-8 without one")])
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise ValidationError([(where, f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}")]) from None
    except RecursionError:
        raise ValidationError([(where, "JSON nested too deeply")]) from None
    except ValueError as exc:
        raise ValidationError([(where, str(exc))]) from None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number ftzinfo accepts")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):  # rare: find the key that came twice, for the message
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key!r} in one object")
            seen.add(key)
    return out


def errors_of(exc: BaseException, path: str = "") -> Iterator[tuple[str, str]]:
    """Flatten an exception raised while structuring into ``(path, reason)`` pairs."""
    from cattrs.errors import BaseValidationError, ForbiddenExtraKeysError  # noqa: PLC0415 - cattrs loads on first use

    if isinstance(exc, ValidationError):
        for sub, reason in exc.errors:
            yield join_path(path, sub), reason
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield join_path(path, key), "unknown field"
    elif isinstance(exc, BaseValidationError):
        for inner in exc.exceptions:
            yield from errors_of(inner, join_path(path, _note_path(inner)))
    elif isinstance(exc, KeyError):
        yield path, "required field is missing"
    else:
        yield path, str(exc) or type(exc).__name__


def _note_path(exc: BaseException) -> str:
    from cattrs.errors import AttributeValidationNote, IterableValidationNote  # noqa: PLC0415 - cattrs loads on first use

    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return note.name
        if isinstance(note, IterableValidationNote):
            return f"[{note.index}]"
    return ""


# -- the converter -----------------------------------------------------------


def _build() -> cattrs.Converter:
    import attrs  # noqa: PLC0415 - cattrs and its helpers load only when serialising
    import cattrs  # noqa: PLC0415 - cattrs loads on first use

    c = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    c.register_structure_hook(str, _structure_str)
    c.register_structure_hook(bool, _structure_bool)
    c.register_structure_hook(int, _structure_int)
    c.register_structure_hook(Decimal, _structure_decimal)
    c.register_unstructure_hook(Decimal, str)
    c.register_structure_hook(Period, _structure_period)
    c.register_unstructure_hook(Period, str)
    c.register_structure_hook(dt.date, _structure_date)
    c.register_unstructure_hook(dt.date, dt.date.isoformat)
    c.register_structure_hook(dt.datetime, _structure_datetime)
    c.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)
    c.register_structure_hook_func(lambda t: t == dt.date | dt.datetime | None, _structure_date_or_datetime)
    c.register_structure_hook_factory(_is_enum, _enum_hook)
    c.register_structure_hook_factory(_is_homogeneous_tuple, lambda tp: _tuple_hook(c, tp))
    c.register_structure_hook_factory(attrs.has, lambda cls: _record_hook(c, cls))
    return c


def _type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _structure_str(value: Any, tp: type) -> Any:
    if tp is not str and issubclass(tp, enum.Enum):  # str-based enums dispatch here too
        return to_enum(tp, "", value)
    if not isinstance(value, str):
        raise ValidationError(f"expected a string, got {_type_name(value)}")
    return value


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(f"expected true or false, got {_type_name(value)}")
    return value


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"expected a whole number, got {_type_name(value)}")
    return value


def _structure_decimal(value: Any, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        hint = " (write it as a string to keep every digit)" if isinstance(value, float) else ""
        raise ValidationError(f"expected a decimal number, got {_type_name(value)}{hint}")
    try:
        number = Decimal(value.strip() if isinstance(value, str) else value)
    except InvalidOperation:
        raise ValidationError(f"{value!r} is not a decimal number") from None
    if not number.is_finite():
        raise ValidationError(f"{value!r} is not a finite number")
    return number


def _structure_period(value: Any, _: type) -> Period:
    if not isinstance(value, str):
        raise ValidationError(f"expected a period such as '2025' or 'as of 2025-12-15', got {_type_name(value)}")
    return Period.parse(value)


def _structure_date(value: Any, _: type) -> dt.date:
    if not isinstance(value, str):
        raise ValidationError(f"expected a date as 'YYYY-MM-DD', got {_type_name(value)}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValidationError(f"{value!r} is not a date: {exc}") from None


def _structure_datetime(value: Any, _: type) -> dt.datetime:
    if not isinstance(value, str):
        raise ValidationError(f"expected a date and time in ISO 8601, got {_type_name(value)}")
    text = value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise ValidationError(f"{value!r} is not a date and time: {exc}") from None
    if moment.tzinfo is None:
        raise ValidationError(f"{value!r} has no timezone; add one such as +08:00")
    return moment


def _structure_date_or_datetime(value: Any, _: type) -> dt.date | dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, str) and "T" in value.upper():
        return _structure_datetime(value, dt.datetime)
    return _structure_date(value, dt.date)


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def _enum_hook(tp: type[enum.Enum]) -> Callable[[Any, type], enum.Enum]:
    def structure(value: Any, _: type) -> enum.Enum:
        return to_enum(tp, "", value)

    return structure


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = get_args(tp)
    return get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(c: cattrs.Converter, tp: Any) -> Callable[[Any, type], tuple[Any, ...]]:
    item_type = get_args(tp)[0]

    def structure(value: Any, _: type) -> tuple[Any, ...]:
        if not isinstance(value, (list, tuple)):
            raise ValidationError(f"expected a list, got {_type_name(value)}")
        handler = c.get_structure_hook(item_type)
        items: list[Any] = []
        problems: list[tuple[str, str]] = []
        for i, item in enumerate(value):
            try:
                items.append(handler(item, item_type))
            except Exception as exc:  # noqa: PERF203 - each item's failure is reported with its index
                if not is_structure_error(exc):
                    raise
                problems.extend(errors_of(exc, f"[{i}]"))
        if problems:
            raise ValidationError(problems)
        return tuple(items)

    return structure


def _record_hook(c: cattrs.Converter, cls: type[T]) -> Callable[[Any, type], T]:
    from cattrs.gen import make_dict_structure_fn  # noqa: PLC0415 - cattrs loads on first use

    generated = make_dict_structure_fn(cls, c)

    def structure(value: Any, _: type) -> T:
        if not isinstance(value, Mapping):
            raise ValidationError(f"expected an object ({cls.__name__}), got {_type_name(value)}")
        return generated(value, cls)

    return structure
