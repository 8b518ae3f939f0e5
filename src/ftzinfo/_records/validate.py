"""What the record classes share: field validators and converters, and the record repr.

Each validator names the field it rejects and why.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Final, TypeVar

from ftzinfo.exceptions import ValidationError

if TYPE_CHECKING:
    import attrs

__all__ = [
    "ID_CHECK",
    "MAX_ID",
    "MAX_QUOTE",
    "MAX_TEXT",
    "OPTIONAL_ID",
    "OPTIONAL_TEXT",
    "as_tuple",
    "fail",
    "has_control",
    "instance_of",
    "is_country",
    "is_subdivision",
    "text",
    "text_schema",
    "tuple_of",
]

MAX_QUOTE: Final = 400
#: Longest text a field takes (a summary, a title, an address); ids are shorter still.
MAX_TEXT: Final = 2000
MAX_ID: Final = 200
ID: Final = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*\Z")
# C0 and C1 controls (but tab, newline and carriage return), bidirectional embeddings,
# overrides and isolates (which reorder what a terminal shows), and lone surrogates
# (which no encoder can write).
_CONTROL: Final = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"

T = TypeVar("T")
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def is_country(value: str) -> bool:
    """Whether ``value`` has the form of an ISO 3166-1 alpha-2 code (``CN``)."""
    return len(value) == 2 and value.isascii() and value.isalpha() and value.isupper()


def is_subdivision(value: str) -> bool:
    """Whether ``value`` has the form of an ISO 3166-2 code (``CN-SH``, ``AE-DU``, ``GB-LND``)."""
    country, dash, local = value[:2], value[2:3], value[3:]
    if not (is_country(country) and dash == "-" and 1 <= len(local) <= 3):
        return False
    return local.isascii() and local.isalnum() and local == local.upper()


def has_control(value: str) -> bool:
    """Whether ``value`` holds a control character (but tab, newline, CR), a bidi override or a lone surrogate."""
    return not value.isprintable() and _control().search(value) is not None


@functools.cache
def _control() -> re.Pattern[str]:
    return re.compile(_CONTROL)  # compiled when first needed: most text is printable


def fail(attribute: attrs.Attribute[Any], reason: str) -> ValidationError:
    return ValidationError([(attribute.name, reason)])


#: The JSON Schema pattern of plain text as the validators admit it: something not blank, and
#: no control, bidirectional-override or surrogate character (see ``_CONTROL``).
TEXT_PATTERN: Final = (
    r"^(?=[\s\S]*\S)[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$"
)


def text_schema(limit: int = MAX_TEXT, pattern: str | None = None) -> dict[str, Any]:
    """The JSON Schema of a text field the :func:`text` validator checks."""
    schema: dict[str, Any] = {"type": "string", "minLength": 1, "maxLength": limit, "pattern": TEXT_PATTERN}
    if pattern is not None:
        schema = {**schema, "allOf": [{"pattern": pattern}]}
    return schema


def text(
    *,
    optional: bool = False,
    pattern: re.Pattern[str] | Callable[[str], bool] | None = None,
    what: str = "",
    limit: int = MAX_TEXT,
    json_pattern: str | None = None,
) -> Validator:
    """A validator of text: a string, not blank, within ``limit``, without control characters.

    ``pattern`` (a regular expression or a predicate) narrows it further, and
    ``json_pattern`` says the same in JSON Schema's regular expressions (a predicate
    has none of its own); the JSON Schema reads both from the validator's
    ``json_schema`` attribute, so the two cannot drift apart.
    """
    match = pattern.match if isinstance(pattern, re.Pattern) else pattern
    if json_pattern is None and isinstance(pattern, re.Pattern):
        json_pattern = pattern.pattern.replace("\\Z", "$")

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is str and len(value) <= limit:  # the common cases in one step each:
            if match is not None:
                if match(value):
                    return  # the patterns admit no space or control character
            elif value and value.isprintable() and not value.isspace():
                return  # printable text holds no control, bidirectional or surrogate character
        if value is None and optional:
            return
        reason = _text_fault(value, limit)
        if reason is None and match is not None:
            reason = f"{value!r} is not {what}"
        if reason is not None:
            raise fail(attribute, reason)

    check.json_schema = text_schema(limit, json_pattern)  # type: ignore[attr-defined]
    return check


def _text_fault(value: object, limit: int) -> str | None:
    """What is wrong with ``value`` as text within ``limit``, or None."""
    if not isinstance(value, str):
        return f"expected a string, got {type(value).__name__}"
    if len(value) > limit:
        return f"is {len(value)} characters long; the limit is {limit}"
    if not value.strip():
        return "must not be empty"
    if has_control(value):
        return "contains a control character"
    return None


def tuple_of(kind: type[T]) -> Validator:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise fail(attribute, f"expected a tuple, got {type(value).__name__}")
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                raise ValidationError(
                    [(f"{attribute.name}[{i}]", f"expected {kind.__name__}, got {type(item).__name__}")]
                )
            if isinstance(item, str) and (not item.strip() or len(item) > MAX_TEXT or has_control(item)):
                raise ValidationError(
                    [
                        (
                            f"{attribute.name}[{i}]",
                            f"must be a non-empty string of at most {MAX_TEXT} characters, without control characters",
                        )
                    ]
                )

    if kind is str:
        check.json_schema = {"type": "array", "items": text_schema()}  # type: ignore[attr-defined]
    return check


def as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Turn a list into a tuple; leave anything else for the validator to reject."""
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


def instance_of(kind: type, *, optional: bool = False) -> Validator:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind):
            raise fail(attribute, f"expected {kind.__name__}, got {type(value).__name__}")

    return check


ID_CHECK: Final = text(pattern=ID, what="an id (lowercase letters, digits and - _ .)", limit=MAX_ID)
OPTIONAL_ID: Final = text(optional=True, pattern=ID, what="an id (lowercase letters, digits and - _ .)", limit=MAX_ID)
OPTIONAL_TEXT: Final = text(optional=True)
