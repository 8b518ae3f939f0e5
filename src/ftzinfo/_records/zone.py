"""The zone records: zones, the dated events in their lives, and the evidence every record carries.

All records are frozen, slotted attrs classes whose collections are tuples, so a
record can be shared, hashed, cached and compared freely and never changes. The
other records live in their own modules (``_source``, ``_initiative``, ``_metric``,
``_rate``), loaded when first used, so that a zone lookup builds only the classes
it needs.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from ftzinfo._records import presenters
from ftzinfo._records.enums import TextEnum, to_enum
from ftzinfo._records.period import Period
from ftzinfo._records.quantity import Quantity
from ftzinfo._records.reprs import record_repr
from ftzinfo._records.validate import (
    ID_CHECK,
    MAX_QUOTE,
    OPTIONAL_ID,
    OPTIONAL_TEXT,
    as_tuple,
    fail,
    instance_of,
    is_country,
    is_subdivision,
    text,
    text_schema,
    tuple_of,
)
from ftzinfo.exceptions import ValidationError

__all__ = ["Evidence", "Milestone", "MilestoneKind", "Status", "Zone", "ZoneKind", "as_status", "zone_key"]


class ZoneKind(TextEnum):
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
    NATIONAL_NEW_AREA = "national_new_area"
    PARK = "park"
    NETWORK = "network"
    OTHER = "other"


class Status(TextEnum):
    """Where a zone or an initiative stands."""

    PLANNED = "planned"
    ANNOUNCED = "announced"
    IN_PROGRESS = "in_progress"
    IMPLEMENTED = "implemented"
    PARTLY_IMPLEMENTED = "partly_implemented"
    ACTIVE = "active"
    ABOLISHED = "abolished"
    OTHER = "other"


class MilestoneKind(TextEnum):
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


# Named converters (one per field) so that type checkers follow them and errors name the field.
def _zone_kind(value: object) -> ZoneKind:
    return to_enum(ZoneKind, "kind", value)


def as_status(value: object) -> Status:
    return to_enum(Status, "status", value)


def _milestone_kind(value: object) -> MilestoneKind:
    return to_enum(MilestoneKind, "event", value)


def _area(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, Quantity):
        raise fail(attribute, f"expected a Quantity, got {type(value).__name__}")
    if value.unit != "km2":
        raise fail(attribute, f"an area is in km2, not {value.unit}")
    if value.low is not None and value.low < 0:
        raise fail(attribute, "an area cannot be negative")


_NOT_NEGATIVE: Final = {
    "anyOf": [
        {"type": "string", "pattern": r"^\+?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$"},
        {"type": "number", "minimum": 0},
        {"type": "null"},
    ]
}
_area.json_schema = {  # type: ignore[attr-defined]
    "properties": {"unit": {"const": "km2"}, "value": _NOT_NEGATIVE, "low": _NOT_NEGATIVE}
}


@attrs.frozen(kw_only=True)
class Evidence:
    """A source and a verbatim quote from it that states a fact.

    Attributes:
        source_id: The id of the :class:`Source`.
        quote: The words of the page, unchanged (at most 400 characters).
    """

    __repr__ = record_repr  # see record_repr: attrs makes no __repr__ of its own

    source_id: str = attrs.field(validator=ID_CHECK)
    quote: str = attrs.field(validator=text(), metadata={"json_schema": text_schema(MAX_QUOTE)})

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

    __repr__ = record_repr  # see record_repr: attrs makes no __repr__ of its own

    event: MilestoneKind = attrs.field(converter=_milestone_kind)
    date: Period = attrs.field(validator=instance_of(Period))
    note: str | None = attrs.field(default=None, validator=OPTIONAL_TEXT)

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
        country: ISO 3166-1 alpha-2 code; None only for a network of zones in
            several countries (the world's special economic zones).
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

    __repr__ = record_repr  # see record_repr: attrs makes no __repr__ of its own

    id: str = attrs.field(validator=ID_CHECK)
    name: str = attrs.field(validator=text())
    name_zh: str | None = attrs.field(default=None, validator=OPTIONAL_TEXT)
    aliases: tuple[str, ...] = attrs.field(repr=False, default=(), converter=as_tuple, validator=tuple_of(str))
    kind: ZoneKind = attrs.field(converter=_zone_kind)
    country: str | None = attrs.field(
        validator=text(optional=True, pattern=is_country, what="an ISO 3166-1 alpha-2 code", json_pattern="^[A-Z]{2}$")
    )
    subdivision: str | None = attrs.field(
        default=None,
        validator=text(
            optional=True, pattern=is_subdivision, what="an ISO 3166-2 code", json_pattern="^[A-Z]{2}-[A-Z0-9]{1,3}$"
        ),
    )
    city: str | None = attrs.field(repr=False, default=None, validator=OPTIONAL_TEXT)
    parent_id: str | None = attrs.field(default=None, validator=OPTIONAL_ID)
    overlaps: tuple[str, ...] = attrs.field(repr=False, default=(), converter=as_tuple, validator=tuple_of(str))
    established: Milestone | None = attrs.field(
        repr=False, default=None, validator=instance_of(Milestone, optional=True)
    )
    milestones: tuple[Milestone, ...] = attrs.field(
        repr=False, default=(), converter=as_tuple, validator=tuple_of(Milestone)
    )
    area_km2: Quantity | None = attrs.field(repr=False, default=None, validator=_area)
    status: Status = attrs.field(default=Status.ACTIVE, converter=as_status)
    sectors: tuple[str, ...] = attrs.field(repr=False, default=(), converter=as_tuple, validator=tuple_of(str))
    summary: str | None = attrs.field(repr=False, default=None, validator=OPTIONAL_TEXT)
    evidence: tuple[Evidence, ...] = attrs.field(
        repr=False, default=(), converter=as_tuple, validator=tuple_of(Evidence)
    )

    def __attrs_post_init__(self) -> None:
        if self.parent_id == self.id:
            raise ValidationError([("parent_id", "a zone cannot contain itself")])
        if self.country is None and self.kind is not ZoneKind.NETWORK:
            raise ValidationError([("country", "only a network of zones may span several countries")])

    @property
    def is_aggregate(self) -> bool:
        """Whether the zone is a network that adds up other zones (never ranked among them)."""
        return self.kind is ZoneKind.NETWORK

    def _repr_html_(self) -> str:
        return presenters.html(self)


def zone_key(key: object) -> str:
    """The text a zone is looked up by: a Zone's id, or the string given."""
    if isinstance(key, Zone):
        return key.id
    if not isinstance(key, str):
        raise TypeError(f"a zone key is a string or a Zone, not {type(key).__name__}")
    return key
