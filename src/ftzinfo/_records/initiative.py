"""Initiative: a plan, measures package, reform, programme or event that shapes zones."""

from __future__ import annotations

import attrs

from ftzinfo._records import presenters
from ftzinfo._records.enums import TextEnum, to_enum
from ftzinfo._records.period import Period
from ftzinfo._records.quantity import Quantity
from ftzinfo._records.reprs import record_repr
from ftzinfo._records.validate import ID_CHECK, OPTIONAL_ID, OPTIONAL_TEXT, as_tuple, instance_of, text, tuple_of
from ftzinfo._records.zone import Evidence, Milestone, Status, as_status

__all__ = ["Initiative", "InitiativeKind"]


class InitiativeKind(TextEnum):
    """What kind of thing an Initiative is."""

    PLAN = "plan"
    MEASURES_PACKAGE = "measures_package"
    INSTITUTIONAL_INNOVATION = "institutional_innovation"
    FUNCTIONAL_ZONE = "functional_zone"
    PILOT_PROGRAMME = "pilot_programme"
    EVENT = "event"
    PROJECT = "project"
    LAW = "law"
    AWARD = "award"
    OTHER = "other"


def _initiative_kind(value: object) -> InitiativeKind:
    return to_enum(InitiativeKind, "kind", value)


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

    __repr__ = record_repr  # see record_repr: attrs makes no __repr__ of its own

    id: str = attrs.field(validator=ID_CHECK)
    title: str = attrs.field(validator=text())
    title_zh: str | None = attrs.field(repr=False, default=None, validator=OPTIONAL_TEXT)
    kind: InitiativeKind = attrs.field(converter=_initiative_kind)
    status: Status = attrs.field(default=Status.ANNOUNCED, converter=as_status)
    zone_ids: tuple[str, ...] = attrs.field(repr=False, default=(), converter=as_tuple, validator=tuple_of(str))
    announced: Milestone | None = attrs.field(default=None, validator=instance_of(Milestone, optional=True))
    issuer: str | None = attrs.field(repr=False, default=None, validator=OPTIONAL_TEXT)
    period: Period | None = attrs.field(repr=False, default=None, validator=instance_of(Period, optional=True))
    sectors: tuple[str, ...] = attrs.field(repr=False, default=(), converter=as_tuple, validator=tuple_of(str))
    parent_id: str | None = attrs.field(repr=False, default=None, validator=OPTIONAL_ID)
    count: Quantity | None = attrs.field(repr=False, default=None, validator=instance_of(Quantity, optional=True))
    summary: str | None = attrs.field(repr=False, default=None, validator=OPTIONAL_TEXT)
    evidence: tuple[Evidence, ...] = attrs.field(
        repr=False, default=(), converter=as_tuple, validator=tuple_of(Evidence)
    )

    def _repr_html_(self) -> str:
        return presenters.html(self)
