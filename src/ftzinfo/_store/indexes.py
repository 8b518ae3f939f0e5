"""The store's indexes: what answers a lookup or a query without scanning the records.

Built once from a dataset's records; a Dataset holds one and never changes it (the
memo of exact lookups only grows, up to a bound).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Final

import attrs

from ftzinfo._records.initiative import Initiative
from ftzinfo._records.kinds import KINDS
from ftzinfo._records.metric import Metric
from ftzinfo._records.names import MAX_KEY, best, grams, key_id, lookup_keys, normalise, similarity
from ftzinfo._records.period import Period
from ftzinfo._records.rate import Rate
from ftzinfo._records.zone import Zone, zone_key
from ftzinfo.exceptions import UnknownRecordError

__all__ = ["RATE_SERIES", "SEARCH_THRESHOLD", "Indexes", "build_indexes", "zone_names"]

#: How alike a name must be to a search to be offered.
SEARCH_THRESHOLD: Final = 0.3
_MEMO_SIZE: Final = 4096
#: Rate series in order of preference (see :meth:`Dataset.rate`).
RATE_SERIES: Final = ("fed-g5a", "official", "irs")


@attrs.frozen(eq=False)
class Indexes:
    """A dataset's indexes: records by id, zone names, children, metrics by zone, rates by year."""

    by_id: dict[str, dict[str, Any]]
    keys: dict[str, str]
    memo: dict[str, Zone]
    search_keys: tuple[tuple[str, frozenset[str], str], ...]
    children: dict[str, tuple[Zone, ...]]
    initiatives_by_zone: dict[str, tuple[Initiative, ...]]
    metrics_by_zone: dict[tuple[str, str | None], tuple[Metric, ...]]
    rates: dict[tuple[str, str, Period], tuple[Rate, ...]]

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
        for key, key_grams, zone_id in self.search_keys:
            score = similarity(query, query_grams, key, key_grams)
            if score > scores.get(zone_id, 0.0):
                scores[zone_id] = score
        ids = best(((s, z) for z, s in scores.items()), limit, SEARCH_THRESHOLD)
        return [self.by_id["zones"][z] for z in ids]

    def get(self, kind: str, label: str, record_id: str) -> Any:
        """The record of ``kind`` with this id; an :class:`UnknownRecordError` names ids that contain it."""
        try:
            return self.by_id[kind][record_id]
        except (KeyError, TypeError):
            if not isinstance(record_id, str):
                raise TypeError(f"{label} ids are strings, not {type(record_id).__name__}") from None
            near = [i for i in self.by_id[kind] if record_id.lower() in i] if len(record_id) <= MAX_KEY else []
            raise UnknownRecordError(label, record_id, near[:3]) from None


def build_indexes(records: dict[str, tuple[Any, ...]], preferred: tuple[str, ...] = ()) -> Indexes:
    """The indexes of these records; the zones ``preferred`` win the names they share with others."""
    zones: tuple[Zone, ...] = records["zones"]
    first = set(preferred)
    ordered = [z for z in zones if z.id in first] + [z for z in zones if z.id not in first]
    keys = lookup_keys((z.id, zone_names(z)) for z in ordered)
    search_keys = tuple((key, grams(key), zone_id) for key, zone_id in keys.items() if key)
    children: defaultdict[str, list[Zone]] = defaultdict(list)
    for z in zones:
        if z.parent_id is not None:
            children[z.parent_id].append(z)
    by_zone: defaultdict[str, list[Initiative]] = defaultdict(list)
    for i in records["initiatives"]:
        for zone_id in i.zone_ids:
            by_zone[zone_id].append(i)
    # Metrics in time order, then id order: grouped by their period's place in time
    # (the metrics are in id order already), and the few groups sorted, not the metrics.
    order: dict[int, tuple[Any, ...]] = {}  # id(period) -> its sort key, once per period object
    groups: defaultdict[tuple[Any, ...], list[Metric]] = defaultdict(list)
    for m in records["metrics"]:
        key = order.get(id(m.period))
        if key is None:
            key = order[id(m.period)] = (0,) if m.period is None else (1, m.period.end, m.period.start)
        groups[key].append(m)
    metrics_by: defaultdict[tuple[str, str | None], list[Metric]] = defaultdict(list)
    for key in sorted(groups):
        for m in groups[key]:
            metrics_by[m.zone_id, m.indicator].append(m)
            metrics_by[m.zone_id, None].append(m)
    rates: defaultdict[tuple[str, str, Period], list[Rate]] = defaultdict(list)
    for r in records["rates"]:
        rates[r.currency, r.per, r.period].append(r)
    return Indexes(
        by_id={kind: {r.id: r for r in records[kind]} for kind in KINDS},
        keys=keys,
        memo={},
        search_keys=search_keys,
        children={k: tuple(v) for k, v in children.items()},
        initiatives_by_zone={k: tuple(v) for k, v in by_zone.items()},
        metrics_by_zone={k: tuple(v) for k, v in metrics_by.items()},
        rates={k: tuple(sorted(v, key=_series_preference)) for k, v in rates.items()},
    )


def _series_preference(rate: Rate) -> tuple[int, str]:
    rank = RATE_SERIES.index(rate.series) if rate.series in RATE_SERIES else len(RATE_SERIES)
    return (rank, rate.id)


def zone_names(z: Zone) -> tuple[tuple[str, ...], ...]:
    """A zone's names by lookup rank: id, English name, Chinese name, aliases."""
    return ((z.id,), (z.name,), (z.name_zh,) if z.name_zh else (), z.aliases)
