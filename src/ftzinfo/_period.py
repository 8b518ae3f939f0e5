"""Period: the stretch of time a figure covers, or the date a stock stands at."""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from typing import Any, Final

import attrs

from ftzinfo._convert import to_enum
from ftzinfo.exceptions import ValidationError

__all__ = ["Period", "PeriodKind"]


class PeriodKind(str, enum.Enum):
    """What kind of stretch a Period is."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    DAY = "day"
    RANGE = "range"
    INSTANT = "instant"

    def __str__(self) -> str:
        return self.value


_MONTHS: Final = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
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
MAX_TEXT: Final = 100


def _period_kind(value: object) -> PeriodKind:
    return to_enum(PeriodKind, "kind", value)


def _check_date(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ValidationError([(attribute.name, f"expected a date, got {type(value).__name__}")])


@attrs.frozen(kw_only=True, order=False)
class Period:
    """A year, half-year, quarter, month, day, date range, or an instant.

    A flow (trade in 2025) covers a stretch of time; a stock (institutions "to
    date") stands at an instant. Both ends are inclusive dates.

    Attributes:
        start: The first day covered.
        end: The last day covered (equal to ``start`` for a day or an instant).
        kind: What kind of stretch this is.

    Example:
        >>> p = Period.parse("H1 2025")
        >>> p.start, p.end
        (datetime.date(2025, 1, 1), datetime.date(2025, 6, 30))
        >>> str(p)
        '2025-H1'
    """

    start: dt.date = attrs.field(validator=_check_date)
    end: dt.date = attrs.field(validator=_check_date)
    kind: PeriodKind = attrs.field(default=PeriodKind.RANGE, converter=_period_kind)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError([("end", f"{self.end} is before start {self.start}")])
        if self.kind in {PeriodKind.DAY, PeriodKind.INSTANT} and self.start != self.end:
            raise ValidationError([("end", f"a {self.kind.value} starts and ends on the same date")])

    # -- constructors ---------------------------------------------------------

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year ``year``."""
        return cls(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), kind=PeriodKind.YEAR)

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        """The first (1) or second (2) half of ``year``."""
        first = 1 + 6 * (half - 1)
        return cls(start=dt.date(year, first, 1), end=_month_end(year, first + 5), kind=PeriodKind.HALF)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """Quarter 1 to 4 of ``year``."""
        first = 1 + 3 * (quarter - 1)
        return cls(start=dt.date(year, first, 1), end=_month_end(year, first + 2), kind=PeriodKind.QUARTER)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """One calendar month."""
        return cls(start=dt.date(year, month, 1), end=_month_end(year, month), kind=PeriodKind.MONTH)

    @classmethod
    def day(cls, day: dt.date) -> Period:
        """One day (an event on that day, or a flow over it)."""
        return cls(start=day, end=day, kind=PeriodKind.DAY)

    @classmethod
    def instant(cls, day: dt.date) -> Period:
        """The instant a stock is measured at ("as of" that date)."""
        return cls(start=day, end=day, kind=PeriodKind.INSTANT)

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> Period:
        """Every day from ``start`` to ``end``, both included."""
        return cls(start=start, end=end, kind=PeriodKind.RANGE)

    @classmethod
    def parse(cls, text: str, *, reference: dt.date | dt.datetime | None = None) -> Period:
        """Read a period from text.

        Args:
            text: ``2025``, ``2025-Q3``, ``H1 2025``, ``first half of 2025``,
                ``December 2025``, ``2025-12``, ``2025-12-15``, ``as of 2025-12-15``,
                a range ``2025-01/2025-10``, free-text dates (``Dec 21, 2023``,
                ``15:37, December 15, 2025``), or relative words (``this year``,
                ``yesterday``) when ``reference`` is given.
            reference: The date relative words resolve against, normally the
                publication date of the source that uses them.

        Returns:
            The Period.

        Raises:
            ValueError: The text is not a period (the message quotes it).

        Example:
            >>> import datetime
            >>> Period.parse("yesterday", reference=datetime.date(2026, 1, 8))
            Period.parse('2026-01-07')
        """
        return _parse_text(text, reference)

    # -- reading --------------------------------------------------------------

    @property
    def days(self) -> int:
        """How many days the period covers (1 for a day or an instant)."""
        return (self.end - self.start).days + 1

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Period):
            return self.start <= item.start and item.end <= self.end
        if isinstance(item, dt.date):
            day = item.date() if isinstance(item, dt.datetime) else item
            return self.start <= day <= self.end
        return False

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def sort_key(self) -> tuple[dt.date, dt.date]:
        """A key that orders periods by when they end, then by when they start."""
        return (self.end, self.start)

    def __str__(self) -> str:
        return _format(self)

    def __repr__(self) -> str:
        return f"Period.parse({_format(self)!r})"


def _parse_text(text: object, reference: dt.date | dt.datetime | None) -> Period:
    if not isinstance(text, str):
        msg = f"expected a string to parse, got {type(text).__name__}"
        raise TypeError(msg)
    if len(text) > MAX_TEXT:
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


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _format(p: Period) -> str:
    kind = p.kind
    if kind is PeriodKind.YEAR:
        return f"{p.start.year:04d}"
    if kind is PeriodKind.HALF:
        return f"{p.start.year:04d}-H{1 + (p.start.month - 1) // 6}"
    if kind is PeriodKind.QUARTER:
        return f"{p.start.year:04d}-Q{1 + (p.start.month - 1) // 3}"
    if kind is PeriodKind.MONTH:
        return f"{p.start.year:04d}-{p.start.month:02d}"
    if kind is PeriodKind.DAY:
        return p.start.isoformat()
    if kind is PeriodKind.INSTANT:
        return f"as of {p.start.isoformat()}"
    years = (p.start.month, p.start.day, p.end.month, p.end.day) == (1, 1, 12, 31)
    return f"{_range_end(p.start, start=True, years=years)}/{_range_end(p.end, start=False, years=years)}"


def _range_end(day: dt.date, *, start: bool, years: bool) -> str:
    """A range's end as compactly as it round-trips: a year, a month or a day."""
    if years:
        return f"{day.year:04d}"
    whole_month = day.day == 1 if start else day == _month_end(day.year, day.month)
    if whole_month:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


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


def _free_text_date(s: str) -> dt.date:
    """A full date in free text ("Dec 21, 2023"); a text that lacks the day or year is an error."""
    if not re.search(r"\d", s):
        raise ValidationError("no date found")
    from dateutil import parser  # noqa: PLC0415 - imported only for free text, which is rare

    try:
        first = parser.parse(s, default=dt.datetime(2000, 1, 1))  # noqa: DTZ001 - only the date is kept
        second = parser.parse(s, default=dt.datetime(2001, 2, 2))  # noqa: DTZ001
    except (parser.ParserError, ValueError, OverflowError) as exc:
        raise ValidationError("not a date ftzinfo can read") from exc
    if first.date() != second.date():
        raise ValidationError("the text does not state a full date")
    return first.date()
