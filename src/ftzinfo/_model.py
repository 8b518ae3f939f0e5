"""The records: zones, initiatives, indicators, metrics, and the sources behind them.

All records are frozen, slotted attrs classes whose collections are tuples, so a
record can be shared, hashed, cached and compared freely and never changes.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, Final, TypeVar

import attrs

from ftzinfo._convert import to_enum
from ftzinfo._period import Period
from ftzinfo._quantity import Quantity
from ftzinfo._units import is_currency
from ftzinfo.exceptions import ValidationError

__all__ = [
    "Evidence",
    "Indicator",
    "Initiative",
    "InitiativeKind",
    "Measure",
    "Metric",
    "Milestone",
    "MilestoneKind",
    "Rate",
    "RateKind",
    "Source",
    "Status",
    "UnitKind",
    "Zone",
    "ZoneKind",
]

MAX_QUOTE: Final = 400
#: Longest text a field takes (a summary, a title, an address); ids are shorter still.
MAX_TEXT: Final = 2000
MAX_ID: Final = 200
_ID: Final = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*\Z")
_COUNTRY: Final = re.compile(r"^[A-Z]{2}\Z")
_SUBDIVISION: Final = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}\Z")
_URL: Final = re.compile(r"^https?://[^\s\x00-\x1f\x7f]+\Z")
_LANGUAGE: Final = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

T = TypeVar("T")
_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


class _StrEnum(str, enum.Enum):
    def __str__(self) -> str:
        return str(self.value)


class ZoneKind(_StrEnum):
    """What kind of zone a Zone is."""

    PILOT_FTZ = "pilot_ftz"
    FTZ_AREA = "ftz_area"
    SPECIAL_AREA = "special_area"
    FREE_TRADE_PORT = "free_trade_port"
    COOPERATION_ZONE = "cooperation_zone"
    OFFSHORE_FINANCIAL_ZONE = "offshore_financial_zone"
    FINANCIAL_DISTRICT = "financial_district"
    FINANCIAL_CLUSTER = "financial_cluster"
    BONDED_ZONE = "bonded_zone"
    INTERNATIONAL_FINANCIAL_CENTRE = "international_financial_centre"
    FREE_ZONE = "free_zone"
    OTHER = "other"


class Status(_StrEnum):
    """Where a zone or an initiative stands."""

    PLANNED = "planned"
    ANNOUNCED = "announced"
    IN_PROGRESS = "in_progress"
    IMPLEMENTED = "implemented"
    PARTLY_IMPLEMENTED = "partly_implemented"
    ACTIVE = "active"
    ABOLISHED = "abolished"
    OTHER = "other"


class InitiativeKind(_StrEnum):
    """What kind of thing an Initiative is."""

    PLAN = "plan"
    MEASURES_PACKAGE = "measures_package"
    INSTITUTIONAL_INNOVATION = "institutional_innovation"
    FUNCTIONAL_ZONE = "functional_zone"
    PILOT_PROGRAMME = "pilot_programme"
    EVENT = "event"
    PROJECT = "project"
    LAW = "law"
    OTHER = "other"


class MilestoneKind(_StrEnum):
    """What a dated event in a record's life was."""

    APPROVAL = "approval"
    ISSUE = "issue"
    LAUNCH = "launch"
    ANNOUNCEMENT = "announcement"
    EXPANSION = "expansion"
    ESTABLISHMENT = "establishment"
    HELD = "held"
    RENAMING = "renaming"
    OTHER = "other"


class RateKind(_StrEnum):
    """What an exchange rate is an average or a reading of."""

    ANNUAL_AVERAGE = "annual_average"
    YEAR_END = "year_end"


class UnitKind(_StrEnum):
    """The kind of unit an Indicator's figures take."""

    COUNT = "count"
    PERCENT = "percent"
    CURRENCY = "currency"
    AREA = "area"


class Measure(_StrEnum):
    """Whether an Indicator is a level at a date (stock) or an amount over a period (flow)."""

    STOCK = "stock"
    FLOW = "flow"


# Named converters (one per field) so that type checkers follow them and errors name the field.
def _zone_kind(value: object) -> ZoneKind:
    return to_enum(ZoneKind, "kind", value)


def _status(value: object) -> Status:
    return to_enum(Status, "status", value)


def _initiative_kind(value: object) -> InitiativeKind:
    return to_enum(InitiativeKind, "kind", value)


def _milestone_kind(value: object) -> MilestoneKind:
    return to_enum(MilestoneKind, "event", value)


def _rate_kind(value: object) -> RateKind:
    return to_enum(RateKind, "kind", value)


def _unit_kind(value: object) -> UnitKind:
    return to_enum(UnitKind, "unit_kind", value)


def _measure(value: object) -> Measure:
    return to_enum(Measure, "measure", value)


# -- validators --------------------------------------------------------------


def _fail(attribute: attrs.Attribute[Any], reason: str) -> ValidationError:
    return ValidationError([(attribute.name, reason)])


def _text(
    *, optional: bool = False, pattern: re.Pattern[str] | None = None, what: str = "", limit: int = MAX_TEXT
) -> _Validator:
    match = None if pattern is None else pattern.match

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if match is not None and type(value) is str and len(value) <= limit and match(value):
            return  # the common case in one step: the patterns admit no space or control character
        if not isinstance(value, str):
            raise _fail(attribute, f"expected a string, got {type(value).__name__}")
        if len(value) > limit:
            raise _fail(attribute, f"is {len(value)} characters long; the limit is {limit}")
        if not value.strip():
            raise _fail(attribute, "must not be empty")
        if _CONTROL.search(value):
            raise _fail(attribute, "contains a control character")
        if match is not None:
            raise _fail(attribute, f"{value!r} is not {what}")

    return check


def _tuple_of(kind: type[T]) -> _Validator:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise _fail(attribute, f"expected a tuple, got {type(value).__name__}")
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                raise ValidationError(
                    [(f"{attribute.name}[{i}]", f"expected {kind.__name__}, got {type(item).__name__}")]
                )
            if isinstance(item, str) and (not item.strip() or len(item) > MAX_TEXT or _CONTROL.search(item)):
                raise ValidationError(
                    [
                        (
                            f"{attribute.name}[{i}]",
                            f"must be a non-empty string of at most {MAX_TEXT} characters, without control characters",
                        )
                    ]
                )

    return check


def _as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Turn a list into a tuple; leave anything else for the validator to reject."""
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


def _instance(kind: type, *, optional: bool = False) -> _Validator:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind):
            raise _fail(attribute, f"expected {kind.__name__}, got {type(value).__name__}")

    return check


def _published(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise _fail(attribute, "a time of publication needs a timezone")
    elif not isinstance(value, dt.date):
        raise _fail(attribute, f"expected a date or datetime, got {type(value).__name__}")


def _area(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, Quantity):
        raise _fail(attribute, f"expected a Quantity, got {type(value).__name__}")
    if value.unit != "km2":
        raise _fail(attribute, f"an area is in km2, not {value.unit}")
    if value.low is not None and value.low < 0:
        raise _fail(attribute, "an area cannot be negative")


_ID_CHECK: Final = _text(pattern=_ID, what="an id (lowercase letters, digits and - _ .)", limit=MAX_ID)
_OPTIONAL_ID: Final = _text(
    optional=True, pattern=_ID, what="an id (lowercase letters, digits and - _ .)", limit=MAX_ID
)
_OPTIONAL_TEXT: Final = _text(optional=True)


# -- records -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Source:
    """A public page that records cite.

    Attributes:
        id: Stable id, such as ``chinadailyhk-2025-12-15-qianhai-finance``.
        title: The page's title, or None where the page shows none.
        publisher: Who published it (a news service or an authority).
        author: The byline, or None.
        url: The address exactly as found.
        published: When the page says it was published: a date, or a
            timezone-aware datetime; None where the page does not say.
        language: BCP 47 language of the page (``en``, ``zh``).
        original_id: For a republication, the id of the original it copies.
    """

    id: str = attrs.field(validator=_ID_CHECK)
    title: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    publisher: str = attrs.field(validator=_text())
    author: str | None = attrs.field(repr=False, default=None, validator=_OPTIONAL_TEXT)
    url: str = attrs.field(
        validator=_text(pattern=re.compile(r"^https?://[^\s\x00-\x1f\x7f]+\Z"), what="an http(s) address")
    )
    published: dt.date | dt.datetime | None = attrs.field(default=None, validator=_published)
    language: str = attrs.field(repr=False, default="en", validator=_text(pattern=_LANGUAGE, what="a language tag"))
    original_id: str | None = attrs.field(repr=False, default=None, validator=_OPTIONAL_ID)

    @property
    def published_date(self) -> dt.date | None:
        """The publication date, with any time of day dropped."""
        if isinstance(self.published, dt.datetime):
            return self.published.date()
        return self.published


@attrs.frozen(kw_only=True)
class Evidence:
    """A source and a verbatim quote from it that states a fact.

    Attributes:
        source_id: The id of the :class:`Source`.
        quote: The words of the page, unchanged (at most 400 characters).
    """

    source_id: str = attrs.field(validator=_ID_CHECK)
    quote: str = attrs.field(validator=_text())

    def __attrs_post_init__(self) -> None:
        if len(self.quote) > MAX_QUOTE:
            raise ValidationError([("quote", f"is {len(self.quote)} characters long; a quote is at most {MAX_QUOTE}")])


@attrs.frozen(kw_only=True)
class Milestone:
    """A dated event: approval, issue, launch, announcement, expansion ...

    Attributes:
        event: What happened.
        date: When, only as precisely as the source says (a day, a month, a year).
        note: A few words on it, or None.
    """

    event: MilestoneKind = attrs.field(converter=_milestone_kind)
    date: Period = attrs.field(validator=_instance(Period))
    note: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)

    def __str__(self) -> str:
        return f"{self.event.value} {self.date}"


@attrs.frozen(kw_only=True)
class Zone:
    """A free trade zone, one of its areas, or a related special zone.

    Attributes:
        id: Stable id, such as ``cn-shanghai-lingang``.
        name: English name.
        name_zh: Simplified Chinese name, or None.
        aliases: Other names it goes by.
        kind: What kind of zone it is.
        country: ISO 3166-1 alpha-2 code.
        subdivision: ISO 3166-2 code (``CN-SH``), or None.
        city: The city it lies in, or None.
        parent_id: The zone that contains it, or None.
        overlaps: Zones it overlaps without being inside them.
        established: When it was founded, and what that date is.
        milestones: Other dated events (launch, expansion ...).
        area_km2: Its area as the preferred source states it, or None.
        status: Whether it is active, planned ...
        sectors: The sectors or focus areas sources name.
        summary: A sentence on it, or None.
        evidence: The sources and quotes that state these facts.
    """

    id: str = attrs.field(validator=_ID_CHECK)
    name: str = attrs.field(validator=_text())
    name_zh: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    aliases: tuple[str, ...] = attrs.field(repr=False, default=(), converter=_as_tuple, validator=_tuple_of(str))
    kind: ZoneKind = attrs.field(converter=_zone_kind)
    country: str = attrs.field(validator=_text(pattern=_COUNTRY, what="an ISO 3166-1 alpha-2 code"))
    subdivision: str | None = attrs.field(
        default=None, validator=_text(optional=True, pattern=_SUBDIVISION, what="an ISO 3166-2 code")
    )
    city: str | None = attrs.field(repr=False, default=None, validator=_OPTIONAL_TEXT)
    parent_id: str | None = attrs.field(default=None, validator=_OPTIONAL_ID)
    overlaps: tuple[str, ...] = attrs.field(repr=False, default=(), converter=_as_tuple, validator=_tuple_of(str))
    established: Milestone | None = attrs.field(repr=False, default=None, validator=_instance(Milestone, optional=True))
    milestones: tuple[Milestone, ...] = attrs.field(
        repr=False, default=(), converter=_as_tuple, validator=_tuple_of(Milestone)
    )
    area_km2: Quantity | None = attrs.field(repr=False, default=None, validator=_area)
    status: Status = attrs.field(default=Status.ACTIVE, converter=_status)
    sectors: tuple[str, ...] = attrs.field(repr=False, default=(), converter=_as_tuple, validator=_tuple_of(str))
    summary: str | None = attrs.field(repr=False, default=None, validator=_OPTIONAL_TEXT)
    evidence: tuple[Evidence, ...] = attrs.field(
        repr=False, default=(), converter=_as_tuple, validator=_tuple_of(Evidence)
    )

    def __attrs_post_init__(self) -> None:
        if self.parent_id == self.id:
            raise ValidationError([("parent_id", "a zone cannot contain itself")])

    def _repr_html_(self) -> str:
        from ftzinfo._html import zone_html  # noqa: PLC0415 - notebook display only

        return zone_html(self)


@attrs.frozen(kw_only=True)
class Initiative:
    """A plan, measures package, reform, programme or event that shapes zones.

    Attributes:
        id: Stable id.
        title: English title.
        title_zh: Chinese title, or None.
        kind: What kind of initiative it is.
        status: Where it stands.
        zone_ids: The zones it concerns.
        announced: When it was announced, issued or approved, and which.
        issuer: Who issued it, or None.
        period: The time it covers, or None.
        sectors: Sectors or focus areas.
        parent_id: A larger initiative it belongs to, or None.
        count: How many measures, tasks ... it has, where the source says.
        summary: A sentence on it, or None.
        evidence: The sources and quotes that state these facts.
    """

    id: str = attrs.field(validator=_ID_CHECK)
    title: str = attrs.field(validator=_text())
    title_zh: str | None = attrs.field(repr=False, default=None, validator=_OPTIONAL_TEXT)
    kind: InitiativeKind = attrs.field(converter=_initiative_kind)
    status: Status = attrs.field(default=Status.ANNOUNCED, converter=_status)
    zone_ids: tuple[str, ...] = attrs.field(repr=False, default=(), converter=_as_tuple, validator=_tuple_of(str))
    announced: Milestone | None = attrs.field(default=None, validator=_instance(Milestone, optional=True))
    issuer: str | None = attrs.field(repr=False, default=None, validator=_OPTIONAL_TEXT)
    period: Period | None = attrs.field(repr=False, default=None, validator=_instance(Period, optional=True))
    sectors: tuple[str, ...] = attrs.field(repr=False, default=(), converter=_as_tuple, validator=_tuple_of(str))
    parent_id: str | None = attrs.field(repr=False, default=None, validator=_OPTIONAL_ID)
    count: Quantity | None = attrs.field(repr=False, default=None, validator=_instance(Quantity, optional=True))
    summary: str | None = attrs.field(repr=False, default=None, validator=_OPTIONAL_TEXT)
    evidence: tuple[Evidence, ...] = attrs.field(
        repr=False, default=(), converter=_as_tuple, validator=_tuple_of(Evidence)
    )

    def _repr_html_(self) -> str:
        from ftzinfo._html import initiative_html  # noqa: PLC0415 - notebook display only

        return initiative_html(self)


@attrs.frozen(kw_only=True)
class Indicator:
    """What a Metric measures.

    Attributes:
        id: Stable id, such as ``financial_institutions``.
        name: A short English name.
        unit_kind: The kind of unit its figures take.
        measure: Stock (a level at a date) or flow (an amount over a period).
        description: What exactly it counts, or None.
    """

    id: str = attrs.field(validator=_ID_CHECK)
    name: str = attrs.field(validator=_text())
    unit_kind: UnitKind = attrs.field(converter=_unit_kind)
    measure: Measure = attrs.field(converter=_measure)
    description: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)


@attrs.frozen(kw_only=True)
class Metric:
    """A figure a source reports for a zone.

    Attributes:
        id: Stable id.
        zone_id: The zone it measures.
        indicator: The id of the :class:`Indicator`.
        value: The figure as the source states it.
        period: The time it covers (a flow) or stands at (a stock); None where
            the source does not say.
        note: A few words on how to read it, or None.
        evidence: The sources and quotes that state it; each quote contains the
            figure as written.
    """

    id: str = attrs.field(validator=_ID_CHECK)
    zone_id: str = attrs.field(validator=_ID_CHECK)
    indicator: str = attrs.field(validator=_ID_CHECK)
    value: Quantity = attrs.field(validator=_instance(Quantity))
    period: Period | None = attrs.field(default=None, validator=_instance(Period, optional=True))
    note: str | None = attrs.field(repr=False, default=None, validator=_OPTIONAL_TEXT)
    evidence: tuple[Evidence, ...] = attrs.field(
        repr=False, default=(), converter=_as_tuple, validator=_tuple_of(Evidence)
    )

    def _repr_html_(self) -> str:
        from ftzinfo._html import metric_html  # noqa: PLC0415 - notebook display only

        return metric_html(self)


def _currency(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not is_currency(value):
        raise _fail(attribute, f"{value!r} is not an ISO 4217 currency code")


def _positive(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or value <= 0:
        raise _fail(attribute, f"a rate is a positive decimal number, not {value!r}")


@attrs.frozen(kw_only=True)
class Rate:
    """An exchange rate a source states: ``value`` units of ``currency`` per one ``per``.

    Attributes:
        id: Stable id, such as ``cny-per-usd-2019``.
        currency: The currency counted (``CNY``).
        per: The currency of which one unit is priced (``USD``).
        period: The time the rate covers (a year for an annual average).
        kind: An annual average or a year-end reading.
        series: Which published series it belongs to (``fed-g5a``, ``official`` ...):
            series differ in method, so figures from two series disagree slightly.
        value: The rate, exact to the digit.
        text: The figure as the source writes it, or None.
        note: A few words on how to read it, or None.
        evidence: The sources and quotes that state it.
    """

    id: str = attrs.field(validator=_ID_CHECK)
    currency: str = attrs.field(validator=_currency)
    per: str = attrs.field(validator=_currency)
    period: Period = attrs.field(validator=_instance(Period))
    kind: RateKind = attrs.field(default=RateKind.ANNUAL_AVERAGE, converter=_rate_kind)
    series: str = attrs.field(validator=_ID_CHECK)
    value: Decimal = attrs.field(validator=_positive)
    text: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    note: str | None = attrs.field(repr=False, default=None, validator=_OPTIONAL_TEXT)
    evidence: tuple[Evidence, ...] = attrs.field(
        repr=False, default=(), converter=_as_tuple, validator=_tuple_of(Evidence)
    )
