"""The store's indexes: what answers a lookup or a query without scanning the records.

An index is built from the records' links (each record's id and the ids it refers
to), not from the records themselves, so that a store whose records are built on
first use (the bundled data) answers "Lin-gang's metrics" by building Lin-gang's
metrics only. Each index is built when first asked for and kept; a Dataset holds
one Indexes and never changes what it answers (the memo of exact lookups only
grows, up to a bound).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

import attrs

from ftzinfo._records.initiative import Initiative
from ftzinfo._records.metric import Metric
from ftzinfo._records.names import MAX_KEY, best, grams, key_id, lookup_keys, normalise, similarity
from ftzinfo._records.period import Period
from ftzinfo._records.rate import Rate
from ftzinfo._records.zone import Zone, zone_key
from ftzinfo.exceptions import UnknownRecordError

__all__ = ["RATE_SERIES", "SEARCH_THRESHOLD", "Indexes", "Links", "links_of", "zone_keys", "zone_names"]

#: How alike a name must be to a search to be offered.
SEARCH_THRESHOLD: Final = 0.3
_MEMO_SIZE: Final = 4096
#: Rate series in order of preference (see :meth:`Dataset.rate`).
RATE_SERIES: Final = ("fed-g5a", "official", "irs")

T = TypeVar("T")


@attrs.frozen(eq=False)
class Links:
    """The ids records refer to, in the dataset's order: all an index needs of its records."""

    #: Each zone's id, parent and overlapping zones.
    zones: tuple[tuple[str, str | None, tuple[str, ...]], ...]
    #: Each initiative's id and zones.
    initiatives: tuple[tuple[str, tuple[str, ...]], ...]
    #: Each metric's id, zone and indicator (first: a row may hold more after them).
    metrics: tuple[tuple[Any, ...], ...]


def links_of(records: Mapping[str, tuple[Any, ...]]) -> Links:
    """The links of built records."""
    return Links(
        zones=tuple((z.id, z.parent_id, z.overlaps) for z in records["zones"]),
        initiatives=tuple((i.id, i.zone_ids) for i in records["initiatives"]),
        metrics=tuple((m.id, m.zone_id, m.indicator) for m in records["metrics"]),
    )


@attrs.frozen(eq=False)
class Indexes:
    """A dataset's indexes: records by id, zone names, and the rest built from links on first use.

    ``by_id`` maps each kind to its records by id (a plain dict, or a store that
    builds each record when first asked for); ``keys`` maps each folded zone name
    to its zone's id.
    """

    by_id: Mapping[str, Mapping[str, Any]]
    keys: Mapping[str, str]
    links: Links
    memo: dict[str, Zone] = attrs.field(factory=dict)
    _built: dict[object, Any] = attrs.field(factory=dict, alias="_built")

    def _once(self, name: object, build: Callable[[], T]) -> T:
        """The index ``name``, built the first time (two threads may both build it: the answer is the same)."""
        try:
            found: T = self._built[name]
        except KeyError:
            found = self._built[name] = build()
        return found

    def find(self, key: Zone | str) -> Zone | None:
        """The zone a key names (id, name or alias, folded), or None."""
        found = self.memo.get(key) if type(key) is str else None
        if found is not None:
            return found
        key = zone_key(key)
        zone_id = key_id(self.keys, key)
        if zone_id is None:
            return None
        found = self.by_id["zones"][zone_id]
        assert isinstance(found, Zone)  # noqa: S101 - the index holds zones
        if len(self.memo) < _MEMO_SIZE:  # remember the exact text asked for: the next lookup is one dict hit
            self.memo[key] = found
        return found

    def search(self, text: str, limit: int) -> list[Zone]:
        """Zones whose names resemble ``text``, best first."""
        query = normalise(text[:MAX_KEY])
        if not query or limit <= 0:
            return []
        query_grams = grams(query)
        scores: dict[str, float] = {}
        for key, key_grams, zone_id in self._once("search", self._search_keys):
            score = similarity(query, query_grams, key, key_grams)
            if score > scores.get(zone_id, 0.0):
                scores[zone_id] = score
        ids = best(((s, z) for z, s in scores.items()), limit, SEARCH_THRESHOLD)
        return [self.by_id["zones"][z] for z in ids]

    def _search_keys(self) -> tuple[tuple[str, frozenset[str], str], ...]:
        return tuple((key, grams(key), zone_id) for key, zone_id in self.keys.items() if key)

    def get(self, kind: str, label: str, record_id: str) -> Any:
        """The record of ``kind`` with this id; an :class:`UnknownRecordError` names ids that contain it."""
        try:
            return self.by_id[kind][record_id]
        except (KeyError, TypeError):
            if not isinstance(record_id, str):
                raise TypeError(f"{label} ids are strings, not {type(record_id).__name__}") from None
            near = [i for i in self.by_id[kind] if record_id.lower() in i] if len(record_id) <= MAX_KEY else []
            raise UnknownRecordError(label, record_id, near[:3]) from None

    def children(self, zone_id: str) -> tuple[Zone, ...]:
        """The zones whose parent is ``zone_id``, in id order."""
        ids = self._once("children", self._children).get(zone_id, ())
        return self._once(("children", zone_id), lambda: self._fetch("zones", ids))

    def _children(self) -> dict[str, list[str]]:
        out: defaultdict[str, list[str]] = defaultdict(list)
        for zone_id, parent_id, _ in self.links.zones:
            if parent_id is not None:
                out[parent_id].append(zone_id)
        return out

    def overlapping(self, zone_id: str) -> tuple[Zone, ...]:
        """The zones that ``zone_id``'s record or their own record say overlap it, in id order."""

        def build() -> tuple[Zone, ...]:
            ids = {i for z, _, overlaps in self.links.zones for i in overlaps if z == zone_id}
            ids |= {z for z, _, overlaps in self.links.zones if zone_id in overlaps}
            return self._fetch("zones", sorted(ids))

        return self._once(("overlapping", zone_id), build)

    def initiatives_of(self, zone_id: str) -> tuple[Initiative, ...]:
        """The initiatives of a zone, in id order."""

        def build() -> tuple[Initiative, ...]:
            ids = self._once("initiatives", self._initiatives).get(zone_id, ())
            return self._fetch("initiatives", ids)

        return self._once(("initiatives", zone_id), build)

    def _initiatives(self) -> dict[str, list[str]]:
        out: defaultdict[str, list[str]] = defaultdict(list)
        for initiative_id, zone_ids in self.links.initiatives:
            for zone_id in zone_ids:
                out[zone_id].append(initiative_id)
        return out

    def metrics_of(self, zone_id: str, indicator: str | None) -> tuple[Metric, ...]:
        """A zone's metrics (of one indicator, or all), in time order, then id order."""

        def build() -> tuple[Metric, ...]:
            ids = self._once("metrics", self._metrics).get((zone_id, indicator), ())
            return tuple(sorted(self._fetch("metrics", ids), key=_time_order))  # stable: id order within a time

        return self._once(("metrics", zone_id, indicator), build)

    def _metrics(self) -> dict[tuple[str, str | None], list[str]]:
        out: defaultdict[tuple[str, str | None], list[str]] = defaultdict(list)
        for row in self.links.metrics:
            metric_id, zone_id, indicator = row[0], row[1], row[2]
            out[zone_id, indicator].append(metric_id)
            out[zone_id, None].append(metric_id)
        return out

    def metrics_with(self, indicator: str) -> tuple[Metric, ...]:
        """The metrics of one indicator, in id order."""

        def build() -> tuple[Metric, ...]:
            return self._fetch("metrics", [row[0] for row in self.links.metrics if row[2] == indicator])

        return self._once(("indicator", indicator), build)

    def rates(self) -> dict[tuple[str, str, Period], tuple[Rate, ...]]:
        """Rates by currency, base and period, each list in order of series preference."""
        return self._once("rates", self._rates)

    def _rates(self) -> dict[tuple[str, str, Period], tuple[Rate, ...]]:
        out: defaultdict[tuple[str, str, Period], list[Rate]] = defaultdict(list)
        for r in self.by_id["rates"].values():
            out[r.currency, r.per, r.period].append(r)
        return {k: tuple(sorted(v, key=_series_preference)) for k, v in out.items()}

    def _fetch(self, kind: str, ids: Any) -> tuple[Any, ...]:
        records = self.by_id[kind]
        return tuple(records[i] for i in ids)


def _time_order(m: Metric) -> tuple[Any, ...]:
    return (0,) if m.period is None else (1, m.period.end, m.period.start)


def _series_preference(rate: Rate) -> tuple[int, str]:
    rank = RATE_SERIES.index(rate.series) if rate.series in RATE_SERIES else len(RATE_SERIES)
    return (rank, rate.id)


def zone_keys(zones: tuple[Zone, ...], preferred: tuple[str, ...] = ()) -> dict[str, str]:
    """Each folded name, alias and id of these zones, to its zone; the zones ``preferred`` win shared names."""
    first = set(preferred)
    ordered = [z for z in zones if z.id in first] + [z for z in zones if z.id not in first]
    return lookup_keys((z.id, zone_names(z)) for z in ordered)


def zone_names(z: Zone) -> tuple[tuple[str, ...], ...]:
    """A zone's names by lookup rank: id, English name, Chinese name, aliases."""
    return ((z.id,), (z.name,), (z.name_zh,) if z.name_zh else (), z.aliases)
