"""The bundled data's integrity checks, shipped with the package so an installed copy can run them.

``python -c "import ftzinfo._store.selfcheck as c; raise SystemExit(c.main())"`` checks the data as
installed (a broken packaging step cannot ship broken data unnoticed); the test suite runs
the same checks one by one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Final

from ftzinfo._records.names import lookup_keys, normalise
from ftzinfo._records.quantity import Quantity
from ftzinfo._records.zone import Zone
from ftzinfo._store.bundled import bundled, index_record
from ftzinfo._store.dataset import Dataset
from ftzinfo._store.indexes import zone_names
from ftzinfo.exceptions import ValidationError

__all__ = [
    "CHECKS",
    "catalog",
    "chinese_names_quoted",
    "dates",
    "evidence",
    "figures_quoted",
    "figures_read",
    "hierarchy",
    "index",
    "lookup_keys_unique",
    "main",
    "problems",
    "sources_cited",
    "strict_reading",
]

#: No fact in the data is dated after the data's release.
RELEASED: Final = dt.date(2026, 12, 1)
_KINDS_WITH_EVIDENCE: Final = ("zones", "initiatives", "metrics", "rates")
_ISLAND_WIDE: Final = frozenset({"cn-hainan-ftz"})  # a pilot FTZ covering a whole island, without areas

Problems = Iterator[str]


def evidence(ds: Dataset) -> Problems:
    """Every zone, initiative, metric and rate quotes at least one source."""
    for kind in _KINDS_WITH_EVIDENCE:
        for record in ds.records(kind):
            if not record.evidence:
                yield f"{kind} {record.id} has no evidence"


def figures_quoted(ds: Dataset) -> Problems:
    """Each figure's wording stands in one of its quotes: metrics, counts, areas, rates."""
    for m in ds.metrics():
        if not m.value.text or not any(m.value.text in ev.quote for ev in m.evidence):
            yield f"metric {m.id}: {m.value.text!r} is not in its quotes"
    for i in ds.initiatives():
        if i.count is not None and not any(i.count.text and i.count.text in ev.quote for ev in i.evidence):
            yield f"initiative {i.id}: its count's wording is not in its quotes"
    for z in ds.zones():
        if z.area_km2 is not None and not any(z.area_km2.text and z.area_km2.text in ev.quote for ev in z.evidence):
            yield f"zone {z.id}: its area's wording is not in its quotes"
    for r in ds.rates():
        if r.text is None or not any(r.text in ev.quote for ev in r.evidence):
            yield f"rate {r.id}: {r.text!r} is not in its quotes"
        elif Decimal(r.text) / (Decimal(100) if "per 100" in (r.note or "") else Decimal(1)) != r.value:
            yield f"rate {r.id}: {r.text!r} does not give {r.value}"


def figures_read(ds: Dataset) -> Problems:
    """Each metric's wording, read again, gives the recorded figure."""
    for m in ds.metrics():
        try:
            parsed = Quantity.parse(m.value.text or "")
        except ValidationError as exc:
            yield f"metric {m.id}: its wording cannot be read: {exc}"
            continue
        if (parsed.value, parsed.qualifier) != (m.value.value, m.value.qualifier):
            yield f"metric {m.id}: {m.value.text!r} reads as {parsed}, not {m.value}"
        # A bare number may take its unit from elsewhere in the quote ("15.54, 12.12, 12.25 percent").
        bare = (m.value.text or "").replace(".", "").isdigit()
        if parsed.unit != m.value.unit and not (parsed.unit == "count" and bare):
            yield f"metric {m.id}: {m.value.text!r} is in {parsed.unit}, not {m.value.unit}"


def chinese_names_quoted(ds: Dataset) -> Problems:
    """A Chinese name stands in one of the zone's quotes."""
    for z in ds.zones():
        if z.name_zh and not any(normalise(z.name_zh) in normalise(ev.quote) for ev in z.evidence):
            yield f"zone {z.id}: its Chinese name is in none of its quotes"


def dates(ds: Dataset) -> Problems:
    """No source, figure or event is dated after the data's release."""
    for s in ds.sources():
        if s.published_date is not None and s.published_date > RELEASED:
            yield f"source {s.id} is dated after the release"
    for m in ds.metrics():
        if m.period is not None and m.period.start > RELEASED:
            yield f"metric {m.id} covers a time after the release"
    for z in ds.zones():
        for ms in (z.established, *z.milestones):
            if ms is not None and ms.date.start > RELEASED:
                yield f"zone {z.id} has an event after the release"


def sources_cited(ds: Dataset) -> Problems:
    """Every source is cited by some record (or is the original of one that is)."""
    cited = {ev.source_id for kind in _KINDS_WITH_EVIDENCE for r in ds.records(kind) for ev in r.evidence}
    cited |= {s.original_id for s in ds.sources() if s.original_id}
    for s in ds.sources():
        if s.id not in cited:
            yield f"source {s.id} is cited by nothing"


def lookup_keys_unique(ds: Dataset) -> Problems:
    """No two zones answer to the same lookup key."""
    seen: dict[str, str] = {}
    for z in ds.zones():
        for key in {normalise(k) for k in (z.id, z.name, z.name_zh, *z.aliases) if k}:
            if seen.setdefault(key, z.id) != z.id:
                yield f"{key!r} names both {seen[key]} and {z.id}"


def hierarchy(ds: Dataset) -> Problems:
    """Every pilot FTZ has its areas, and areas' stated areas fit inside their parent's."""
    for z in ds.zones(kind="pilot_ftz"):
        if z.id not in _ISLAND_WIDE and not [c for c in ds.children(z) if c.kind.value == "ftz_area"]:
            yield f"pilot FTZ {z.id} has no areas"
    for z in ds.zones():
        if z.area_km2 is None or z.area_km2.high is None:
            continue
        parts = [c.area_km2.low for c in ds.children(z) if c.area_km2 is not None and c.area_km2.low is not None]
        if sum(parts) > z.area_km2.high * Decimal("1.01"):
            yield f"zone {z.id}: its areas add up to {sum(parts)} km2, more than its {z.area_km2}"


def index(ds: Dataset) -> Problems:
    """The lookup index maps every key as the data does and holds each zone as the data does."""
    from ftzinfo._io.fast import FAST  # noqa: PLC0415 - each check loads what it checks
    from ftzinfo._store import index as _index  # noqa: PLC0415

    stale = "run scripts/update_index.py"
    if lookup_keys((z.id, zone_names(z)) for z in ds.zones()) != _index.KEYS:
        yield f"the index's lookup keys are out of date: {stale}"
    if {z.id for z in ds.zones()} != set(_index.ZONES):
        yield f"the index's zones differ from the data's: {stale}"
    for zone_id in _index.ZONES:
        if ds.get_zone(zone_id) is not None and FAST[Zone](index_record(zone_id)) != ds.zone(zone_id):
            yield f"the index's record of zone {zone_id} differs from the data's: {stale}"


def catalog(ds: Dataset) -> Problems:
    """The catalogue the bundled data loads from describes the data files as they are."""
    import hashlib  # noqa: PLC0415 - each check loads what it checks

    from ftzinfo._records.kinds import KINDS  # noqa: PLC0415 - as the rest of this check
    from ftzinfo._store import catalog as _catalog  # noqa: PLC0415
    from ftzinfo._store import index as _index  # noqa: PLC0415
    from ftzinfo._store.bundled import read_data  # noqa: PLC0415
    from ftzinfo._store.indexes import links_of  # noqa: PLC0415

    stale = "run scripts/update_index.py"
    if _catalog.FILES != _index.FILES:
        yield f"the catalogue's files differ from the index's: {stale}"
    for name in _index.FILES:
        if hashlib.sha256(read_data(name)).hexdigest() != _catalog.DIGESTS.get(name):
            yield f"data/{name} is not the file the catalogue describes: {stale}"
    records = {kind: ds.records(kind) for kind in KINDS}
    for kind in KINDS:
        if tuple(r.id for r in records[kind]) != _catalog.IDS[kind]:
            yield f"the catalogue's {kind} differ from the data's: {stale}"
    links = links_of(records)
    for name, ours in (
        ("ZONE_LINKS", links.zones),
        ("INITIATIVE_LINKS", links.initiatives),
        ("METRIC_LINKS", links.metrics),
    ):
        if getattr(_catalog, name) != ours:
            yield f"the catalogue's {name} differ from the data's: {stale}"


def strict_reading(ds: Dataset) -> Problems:
    """The data reads the same through the converter as through the fast path."""
    from ftzinfo._io.files import layout  # noqa: PLC0415 - cattrs, for this check only
    from ftzinfo._records.kinds import KINDS  # noqa: PLC0415

    again = Dataset.from_dict(json.loads(json.dumps(layout({kind: ds.records(kind) for kind in KINDS}), default=str)))
    if again != ds:
        yield "the converter reads the data differently from the fast path"


#: Every check, by name.
CHECKS: Final[dict[str, Callable[[Dataset], Problems]]] = {
    f.__name__: f
    for f in (
        evidence,
        figures_quoted,
        figures_read,
        chinese_names_quoted,
        dates,
        sources_cited,
        lookup_keys_unique,
        hierarchy,
        index,
        catalog,
        strict_reading,
    )
}


def problems(ds: Dataset | None = None) -> list[str]:
    """Every problem every check finds in ``ds`` (by default the bundled data)."""
    ds = bundled() if ds is None else ds
    return [p for check in CHECKS.values() for p in check(ds)]


def main() -> int:
    """Print the problems found in the bundled data; return how many there are."""
    found = problems()
    for p in found:
        print(p)  # noqa: T201 - the self-check's report
    print(f"{len(found)} problems in {bundled()!r}")  # noqa: T201
    return len(found)
