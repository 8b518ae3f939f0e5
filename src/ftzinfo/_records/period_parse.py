"""Reading periods from free text: every form Period.parse accepts beyond its own."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from ftzinfo._records.period import MAX_PERIOD_TEXT, Period
from ftzinfo.exceptions import ValidationError

__all__ = ["parse_text"]

#: English month names and abbreviations. Written out rather than taken from ``calendar``,
#: whose names follow the process's locale: under a German locale "March" would not read.
_MONTH_NAMES: Final = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTHS: Final = {name: i for i, name in enumerate(_MONTH_NAMES, 1)}
_MONTHS.update({name[:3]: i for i, name in enumerate(_MONTH_NAMES, 1)})
_MONTHS["sept"] = 9
_MONTH_RE: Final = "|".join(sorted(_MONTHS, key=len, reverse=True))

_YEAR: Final = re.compile(r"^(\d{4})(?:\s*年)?$")
_QUARTER: Final = re.compile(r"^(?:(\d{4})[- ]?q([1-4])|q([1-4])[ ,]*(\d{4}))$")
_HALF: Final = re.compile(r"^(?:(\d{4})[- ]?h([12])|h([12])[ ,]*(\d{4}))$")
_HALF_WORDS: Final = re.compile(r"^(?:the\s+)?(first|second)\s+half\s+(?:of\s+)?(\d{4})$")
_MONTH_ISO: Final = re.compile(r"^(\d{4})-(\d{2})$")
_MONTH_NAME: Final = re.compile(rf"^(?:({_MONTH_RE})\.?,?\s+(\d{{4}})|(\d{{4}})\s+({_MONTH_RE})\.?)$")
_MONTH_ZH: Final = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月$")
_DAY_ISO: Final = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DAY_ZH: Final = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_AS_OF: Final = re.compile(r"^(?:as\s+of|as\s+at|at\s+the\s+end\s+of|by\s+the\s+end\s+of|@)\s*(.+)$")
_RANGE_SEP: Final = re.compile(r"\s*(?:/|\s+to\s+|\s+-\s+|–|—|至)\s*")
_RELATIVE: Final = {"this year", "last year", "next year", "today", "yesterday", "this month", "last month"}


def parse_text(text: object, reference: dt.date | dt.datetime | None) -> Period:
    """Parse ``text`` into a Period; see :meth:`Period.parse`."""
    if not isinstance(text, str):
        msg = f"expected a string to parse, got {type(text).__name__}"
        raise TypeError(msg)
    if len(text) > MAX_PERIOD_TEXT:
        raise ValidationError(f"cannot read a period from a text of {len(text)} characters")
    s = re.sub(r"\s+", " ", text.strip().lower()).rstrip(".")
    if not s:
        raise ValidationError("cannot read a period from an empty string")
    ref = reference.date() if isinstance(reference, dt.datetime) else reference
    try:
        return _parse(s, ref)
    except (ValueError, OverflowError) as exc:
        reason = exc.errors[0][1] if isinstance(exc, ValidationError) else str(exc)
        raise ValidationError(f"cannot read a period from {text!r}: {reason}") from None


def _parse(s: str, ref: dt.date | None) -> Period:
    as_of = _AS_OF.match(s)
    if as_of:
        inner = _parse(as_of.group(1), ref)
        return Period.instant(inner.end)
    if s in _RELATIVE:
        return _relative(s, ref)
    simple = _simple(s)
    if simple is not None:
        return simple
    parts = _RANGE_SEP.split(s)
    if len(parts) == 2 and all(parts):
        first, last = _parse(parts[0], ref), _parse(parts[1], ref)
        return Period.between(first.start, last.end)
    return Period.day(_free_text_date(s))


def _simple(s: str) -> Period | None:
    if m := _YEAR.match(s):
        return Period.year(int(m.group(1)))
    if m := _QUARTER.match(s):
        return Period.quarter(int(m.group(1) or m.group(4)), int(m.group(2) or m.group(3)))
    if m := _HALF.match(s):
        return Period.half(int(m.group(1) or m.group(4)), int(m.group(2) or m.group(3)))
    if m := _HALF_WORDS.match(s):
        return Period.half(int(m.group(2)), 1 if m.group(1) == "first" else 2)
    if m := _MONTH_ISO.match(s):
        return Period.month(int(m.group(1)), int(m.group(2)))
    if m := _MONTH_NAME.match(s):
        name, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        return Period.month(int(year), _MONTHS[name])
    if m := _MONTH_ZH.match(s):
        return Period.month(int(m.group(1)), int(m.group(2)))
    if m := _DAY_ISO.match(s) or _DAY_ZH.match(s):
        return Period.day(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    return None


def _relative(s: str, ref: dt.date | None) -> Period:
    if ref is None:
        raise ValidationError(f"{s!r} needs a reference date (the source's publication date)")
    if s == "today":
        return Period.day(ref)
    if s == "yesterday":
        return Period.day(ref - dt.timedelta(days=1))
    if s == "this month":
        return Period.month(ref.year, ref.month)
    if s == "last month":
        first = ref.replace(day=1) - dt.timedelta(days=1)
        return Period.month(first.year, first.month)
    offset = {"this year": 0, "last year": -1, "next year": 1}[s]
    return Period.year(ref.year + offset)


_YEAR_FIRST_NUMERIC: Final = re.compile(r"^\d{4}[./]\d{1,2}[./]\d{1,2}$")
_HAS_MONTH_WORD: Final = re.compile(rf"(?<![a-z])(?:{_MONTH_RE})(?![a-z])")


def _free_text_date(s: str) -> dt.date:
    """A full date in free text ("Dec 21, 2023"), accepted only where it has one reading.

    The year must be written in full and the month as a word (or the date year first,
    ``2023/12/21``): "3/4/5" or "12 13 14" could be read several ways, so they are refused.
    """
    if not re.search(r"\d", s):
        raise ValidationError("no date found")
    if not re.search(r"(?<!\d)\d{4}(?!\d)", s):
        raise ValidationError("a date needs its year in four digits")
    if not (_HAS_MONTH_WORD.search(s) or _YEAR_FIRST_NUMERIC.match(s)):
        raise ValidationError("ambiguous: write the month as a word, or the date as YYYY-MM-DD")
    if numeric := _YEAR_FIRST_NUMERIC.match(s):  # year, month, day: the one order a year-first date has
        year, month, day = (int(x) for x in re.split(r"[./]", numeric.group(0)))
        return dt.date(year, month, day)
    from dateutil import parser  # noqa: PLC0415 - imported only for free text, which is rare

    readings = set()
    try:
        for default in (dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2)):  # noqa: DTZ001 - only the date is kept
            for dayfirst in (False, True):
                readings.add(parser.parse(s, default=default, dayfirst=dayfirst).date())
    except (parser.ParserError, ValueError, OverflowError) as exc:
        raise ValidationError("not a date ftzinfo can read") from exc
    if len(readings) > 1:
        raise ValidationError("the text does not state one full date (it reads several ways or lacks a part)")
    return readings.pop()
