"""Period: the stretch of time a figure covers, or the date a stock stands at."""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

import attrs

from ftzinfo._records.enums import TextEnum, to_enum
from ftzinfo.exceptions import ValidationError

__all__ = ["Period", "PeriodKind"]


class PeriodKind(TextEnum):
    """What kind of stretch a Period is."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    DAY = "day"
    RANGE = "range"
    INSTANT = "instant"


MAX_PERIOD_TEXT: Final = 100  # the longest text Period.parse reads


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
        _check_int("year", year, 1, 9999)
        return cls(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), kind=PeriodKind.YEAR)

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        """The first (1) or second (2) half of ``year``."""
        _check_int("year", year, 1, 9999)
        _check_int("half", half, 1, 2)
        first = 1 + 6 * (half - 1)
        return cls(start=dt.date(year, first, 1), end=_month_end(year, first + 5), kind=PeriodKind.HALF)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """Quarter 1 to 4 of ``year``."""
        _check_int("year", year, 1, 9999)
        _check_int("quarter", quarter, 1, 4)
        first = 1 + 3 * (quarter - 1)
        return cls(start=dt.date(year, first, 1), end=_month_end(year, first + 2), kind=PeriodKind.QUARTER)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """One calendar month."""
        _check_int("year", year, 1, 9999)
        _check_int("month", month, 1, 12)
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
        canonical = _canonical(text) if reference is None else None
        if canonical is not None:
            return canonical
        from ftzinfo._records.period_parse import parse_text  # noqa: PLC0415 - free text is the rare case

        return parse_text(text, reference)

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


def _canonical(text: object) -> Period | None:
    """A period in a form ftzinfo itself writes, read without regular expressions; else None.

    The forms: ``2025``, ``2025-H1``, ``2025-Q3``, ``2025-12``, ``2025-12-15`` and
    ``as of 2025-12-15``.
    """
    if type(text) is not str:
        return None
    try:
        n = len(text)
        if n == 4 and text.isdigit():
            return Period.year(int(text))
        if n == 7 and text[4] == "-" and text[:4].isdigit():
            tail = text[5:]
            if tail.isdigit():
                return Period.month(int(text[:4]), int(tail))
            if tail[0] == "H" and tail[1] in "12":
                return Period.half(int(text[:4]), int(tail[1]))
            if tail[0] == "Q" and tail[1] in "1234":
                return Period.quarter(int(text[:4]), int(tail[1]))
            return None
        if n == 10 and text[4] == text[7] == "-" and text[:4].isdigit():
            return Period.day(dt.date.fromisoformat(text))
        if n == 16 and text.startswith("as of ") and text[10] == text[13] == "-":
            return Period.instant(dt.date.fromisoformat(text[6:]))
    except ValueError:
        return None  # the full parser words the error
    return None


def _check_int(name: str, value: object, low: int, high: int) -> None:
    """An int from ``low`` to ``high``: a wrong type is a TypeError, a wrong value a ValidationError."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if not low <= value <= high:
        raise ValidationError([(name, f"{name} {value} is out of range ({name} must be in {low}..{high})")])


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


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
