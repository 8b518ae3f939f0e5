"""Adding up the areas of a zone's areas, as a check against its own stated area."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ftzinfo._records.interval import Ordering
from ftzinfo._records.quantity import Quantity
from ftzinfo._records.zone import Zone

if TYPE_CHECKING:
    from ftzinfo._store.dataset import Dataset

__all__ = ["AreaRollup", "area_rollup"]


@attrs.frozen(kw_only=True)
class AreaRollup:
    """A zone's own area beside the sum of its areas' areas.

    Attributes:
        zone: The zone.
        own: Its own stated area, or None.
        total: The sum of its areas' stated areas (an interval), or None if none states one.
        counted: The areas whose area was added.
        missing: The areas that state no area (so ``total`` is a lower bound when any are missing).
        ordering: ``total`` compared with ``own`` (``LESS``, ``EQUAL``, ``GREATER`` or
            ``UNDECIDED``), or None when either is unknown.
    """

    zone: Zone
    own: Quantity | None
    total: Quantity | None
    counted: tuple[Zone, ...]
    missing: tuple[Zone, ...]
    ordering: Ordering | None

    @property
    def consistent(self) -> bool | None:
        """False when the areas certainly add up to more than the zone; None when unknown."""
        if self.ordering is None:
            return None
        return self.ordering is not Ordering.GREATER


def area_rollup(ds: Dataset, zone: Zone | str) -> AreaRollup:
    """The areas of a zone's areas added up, against its own stated area (see :func:`ftzinfo.area_rollup`)."""
    zone = ds.zone(zone)
    children = ds.children(zone)
    counted = tuple(c for c in children if c.area_km2 is not None)
    missing = tuple(c for c in children if c.area_km2 is None)
    total: Quantity | None = None
    for child in counted:
        assert child.area_km2 is not None  # noqa: S101 - filtered above
        total = child.area_km2 if total is None else total + child.area_km2
    ordering = None
    if total is not None and zone.area_km2 is not None:
        ordering = total.compare(zone.area_km2)
    return AreaRollup(zone=zone, own=zone.area_km2, total=total, counted=counted, missing=missing, ordering=ordering)
