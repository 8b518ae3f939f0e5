"""Dataset: a set of records with the indexes that answer lookups and queries.

A Dataset never changes once built. The bundled data is one; a user's own file
loads into another; :meth:`Dataset.merge` combines them into a third.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import os
import warnings
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import IO, TYPE_CHECKING, Any, Final

import attrs

from ftzinfo._records import presenters
from ftzinfo._records.enums import to_enum
from ftzinfo._records.initiative import Initiative, InitiativeKind
from ftzinfo._records.kinds import KINDS
from ftzinfo._records.metric import Indicator, Metric
from ftzinfo._records.names import MAX_KEY, best, grams, normalise, similarity
from ftzinfo._records.period import Period
from ftzinfo._records.rate import Rate, RateKind
from ftzinfo._records.source import Source
from ftzinfo._records.zone import Status, Zone, ZoneKind
from ftzinfo._store.asof import restricted
from ftzinfo._store.assemble import assemble
from ftzinfo._store.indexes import SEARCH_THRESHOLD, Indexes, Links
from ftzinfo._store.integrity import check_types
from ftzinfo._store.merge import merged
from ftzinfo._store.moved import MOVED
from ftzinfo._store.shelf import Shelves
from ftzinfo.exceptions import MAX_ERRORS, UnknownRecordError, UnknownZoneError, ValidationError

__all__ = ["Dataset", "on_demand"]

ZoneKey = Zone | str


@attrs.frozen(init=False, repr=False)
class Dataset:
    """An immutable set of zones, initiatives, indicators, metrics and sources.

    Build one from records, or load one from a file with :meth:`load`; the
    bundled data is :func:`ftzinfo.dataset`. Construction checks that ids are
    unique and that every reference resolves.

    A Dataset holds records and answers lookups. Questions asked of many figures
    are functions that take one: ``ftzinfo.compare(..., dataset=ds)``,
    ``ftzinfo.rank``, ``ftzinfo.series``, ``ftzinfo.area_rollup``, ``ftzinfo.cite``,
    ``ftzinfo.to_frame`` and ``ftzinfo.export``.

    Example:
        >>> ds = ftzinfo.dataset()
        >>> ds.zone("lingang").id
        'cn-shanghai-lingang'
    """

    _records: Mapping[str, tuple[Any, ...]] = attrs.field(init=False)
    _extends: Dataset | None = attrs.field(init=False, eq=False)
    _preferred: tuple[str, ...] = attrs.field(init=False, eq=False)
    _index: Indexes = attrs.field(init=False, eq=False, repr=False)

    def __init__(  # noqa: PLR0913 - one keyword per kind of record, then how they join others
        self,
        *,
        zones: Iterable[Zone] = (),
        initiatives: Iterable[Initiative] = (),
        indicators: Iterable[Indicator] = (),
        metrics: Iterable[Metric] = (),
        sources: Iterable[Source] = (),
        rates: Iterable[Rate] = (),
        extends: Dataset | None = None,
        preferred: Iterable[str] = (),
    ) -> None:
        given: dict[str, tuple[Any, ...]] = {
            "zones": tuple(zones),
            "initiatives": tuple(initiatives),
            "indicators": tuple(indicators),
            "metrics": tuple(metrics),
            "rates": tuple(rates),
            "sources": tuple(sources),
        }
        problems = list(islice(check_types(given), MAX_ERRORS))  # positions as given, before sorting
        if problems:
            raise ValidationError(problems)
        _make(self, given, extends, tuple(preferred))

    def zone(self, key: ZoneKey) -> Zone:
        """Look a zone up by id, English or Chinese name, or alias.

        Case, spaces, hyphens, punctuation and full-width characters do not matter.

        Raises:
            UnknownZoneError: Nothing matches; the message suggests the nearest names.

        Example:
            >>> ftzinfo.zone("Lin-gang Special Area").id
            'cn-shanghai-lingang'
        """
        found = self._index.find(key)
        if found is None:
            raise UnknownZoneError(key, [z.name for z in self.search(str(key), limit=3)])
        return found

    def get_zone(self, key: ZoneKey, default: Zone | None = None) -> Zone | None:
        """Like :meth:`zone`, but return ``default`` where nothing matches."""
        found = self._index.find(key)
        return default if found is None else found

    def zones(
        self, *, country: str | None = None, kind: ZoneKind | str | None = None, parent: ZoneKey | None = None
    ) -> tuple[Zone, ...]:
        """The zones, sorted by id, optionally only those of a country, a kind or a parent."""
        wanted_kind = None if kind is None else to_enum(ZoneKind, "kind", kind)
        parent_id = None if parent is None else self.zone(parent).id
        if country is not None and not isinstance(country, str):
            raise TypeError(f"country must be an ISO 3166-1 code as text, not {type(country).__name__}")
        country = None if country is None else country.upper()
        return tuple(
            z
            for z in self._records["zones"]
            if (country is None or z.country == country)
            and (wanted_kind is None or z.kind is wanted_kind)
            and (parent_id is None or z.parent_id == parent_id)
        )

    def search(self, text: str, limit: int = 10) -> list[Zone]:
        """Zones whose names resemble ``text``, best first; forgiving of typos and partial names."""
        if not isinstance(text, str):
            raise TypeError(f"search text must be a string, not {type(text).__name__}")
        if isinstance(limit, bool) or not isinstance(limit, int):
            raise TypeError(f"limit must be an int, not {type(limit).__name__}")
        return self._index.search(text, limit)

    def children(self, zone: ZoneKey) -> tuple[Zone, ...]:
        """The zones directly inside ``zone``, sorted by id."""
        return self._index.children(self.zone(zone).id)

    def parent(self, zone: ZoneKey) -> Zone | None:
        """The zone that contains ``zone``, or None."""
        parent_id = self.zone(zone).parent_id
        return None if parent_id is None else self._index.by_id["zones"][parent_id]

    def ancestors(self, zone: ZoneKey) -> tuple[Zone, ...]:
        """The chain of containing zones, nearest first."""
        chain: list[Zone] = []
        current = self.parent(zone)
        while current is not None:
            chain.append(current)
            current = self.parent(current)
        return tuple(chain)

    def overlapping(self, zone: ZoneKey) -> tuple[Zone, ...]:
        """Zones that overlap ``zone`` without containing it or lying inside it (either side's record)."""
        return self._index.overlapping(self.zone(zone).id)

    def initiatives(
        self,
        zone: ZoneKey | None = None,
        *,
        kind: InitiativeKind | str | None = None,
        status: Status | str | None = None,
    ) -> tuple[Initiative, ...]:
        """Initiatives, sorted by id; optionally of one zone, kind or status."""
        pool = self._records["initiatives"] if zone is None else self._index.initiatives_of(self.zone(zone).id)
        wanted_kind = None if kind is None else to_enum(InitiativeKind, "kind", kind)
        wanted_status = None if status is None else Status(status)
        return tuple(
            i
            for i in pool
            if (wanted_kind is None or i.kind is wanted_kind) and (wanted_status is None or i.status is wanted_status)
        )

    def initiative(self, initiative_id: str) -> Initiative:
        """The initiative with this id (raises :class:`UnknownRecordError`)."""
        found: Initiative = self._index.get("initiatives", "initiative", initiative_id)
        return found

    def metrics(self, zone: ZoneKey | None = None, *, indicator: Indicator | str | None = None) -> tuple[Metric, ...]:
        """Metrics, optionally of one zone and one indicator; a zone's come in period order.

        Answered from an index: the cost does not grow with the number of metrics.
        """
        indicator_id = None if indicator is None else self.indicator(indicator).id
        if zone is None:
            if indicator_id is None:
                return self._records["metrics"]
            return self._index.metrics_with(indicator_id)
        return self._index.metrics_of(self.zone(zone).id, indicator_id)

    def metric(self, metric_id: str) -> Metric:
        """The metric with this id (raises :class:`UnknownRecordError`)."""
        found: Metric = self._index.get("metrics", "metric", metric_id)
        return found

    def indicators(self) -> tuple[Indicator, ...]:
        """The indicators, in the registry's order."""
        return self._records["indicators"]

    def indicator(self, indicator: Indicator | str) -> Indicator:
        """The indicator with this id or name; case, spaces and punctuation do not matter.

        Raises:
            UnknownRecordError: Nothing matches; the message suggests the nearest.

        Example:
            >>> ftzinfo.dataset().indicator("Import and export value").id
            'trade_value'
        """
        key = indicator.id if isinstance(indicator, Indicator) else indicator
        found = self._index.by_id["indicators"].get(key) if isinstance(key, str) else None
        if found is None and isinstance(key, str) and len(key) <= MAX_KEY:
            wanted = normalise(key)
            found = next(
                (i for i in self._records["indicators"] if wanted in {normalise(i.id), normalise(i.name)}), None
            )
            if found is None and not any(key.lower() in i for i in self._index.by_id["indicators"]):
                names = ((i.id, normalise(n)) for i in self._records["indicators"] for n in (i.id, i.name))
                scored = ((similarity(wanted, grams(wanted), n, grams(n)), i) for i, n in names)
                raise UnknownRecordError("indicator", key, best(scored, 3, SEARCH_THRESHOLD))
        if found is None:
            found = self._index.get("indicators", "indicator", key)  # raises, naming ids that contain the key
        return found  # type: ignore[no-any-return]

    def rates(self) -> tuple[Rate, ...]:
        """The exchange rates, sorted by id."""
        return self._records["rates"]

    def rate(self, currency: str, per: str, year: int, *, series: str | None = None) -> Rate:
        """The annual average rate of ``currency`` per unit of ``per`` in ``year``.

        Where several series give the year, the Federal Reserve's G.5A series is
        preferred (one method for every year), then China's official averages, then
        the IRS yearly averages;
        ``series=`` picks one explicitly.

        Raises:
            UnknownRecordError: The data has no such rate.

        Example:
            >>> str(ftzinfo.dataset().rate("CNY", "USD", 2019).value)
            '6.9081'
        """
        from ftzinfo._records.conversion import currency_code  # noqa: PLC0415 - only rates need it

        currency, per = currency_code(currency), currency_code(per)
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError(f"year must be an int, not {type(year).__name__}")
        wanted = Period.year(year)
        found = next(
            (r for r in self._index.rates().get((currency, per, wanted), ()) if series in {None, r.series}), None
        )
        if found is None:  # a fixed (pegged) rate holds for every year of its period
            found = next(
                (
                    r
                    for (c, q, p), rs in self._index.rates().items()
                    if (c, q) == (currency, per) and wanted in p
                    for r in rs
                    if r.kind is RateKind.FIXED and series in {None, r.series}
                ),
                None,
            )
        if found is None:
            years = sorted(p.start.year for c, q, p in self._index.rates() if (c, q) == (currency, per))
            near = [f"{currency} per {per} in {y}" for y in years[-3:]]
            raise UnknownRecordError("rate", f"{currency} per {per} in {year}", near)
        return found

    def sources(self) -> tuple[Source, ...]:
        """The sources, sorted by id."""
        return self._records["sources"]

    def source(self, source_id: str) -> Source:
        """The source with this id (raises :class:`UnknownRecordError`)."""
        found: Source = self._index.get("sources", "source", source_id)
        return found

    def sources_of(self, record: Zone | Initiative | Metric | Rate) -> tuple[Source, ...]:
        """The sources a record's evidence cites, with the originals of republications, in order."""
        seen: dict[str, Source] = {}
        for ev in record.evidence:
            source = self.source(ev.source_id)
            seen.setdefault(source.id, source)
            if source.original_id is not None:
                seen.setdefault(source.original_id, self.source(source.original_id))
        return tuple(seen.values())

    def records(self, kind: str) -> tuple[Any, ...]:
        """All records of a kind: ``zones``, ``initiatives``, ``indicators``, ``metrics`` or ``sources``."""
        if kind not in self._records:
            raise UnknownRecordError("record kind", kind, [k for k in KINDS if k.startswith(kind[:1])])
        return self._records[kind]

    def as_of(self, date: dt.date, *, strict: bool = False) -> Dataset:
        """The dataset as it could have been known on ``date``.

        Only records whose evidence was published on or before ``date`` are kept (an
        undated page counts when the fact it states had happened, unless
        ``strict``), and only if what they refer to is kept too.
        """
        return Dataset(**restricted(self, date, strict=strict))

    def merge(self, other: Dataset, *, override: bool = False) -> Dataset:
        """A new dataset with the records of both; neither is changed.

        Args:
            other: The records to add, such as a user's file loaded with
                ``Dataset.load(path, extends=ftzinfo.dataset())``.
            override: Let ``other``'s records replace records with the same id.

        Raises:
            ValidationError: An id is in both with different records (unless
                ``override``), or a reference does not resolve in the merged data.

        Example:
            >>> mine = ftzinfo.Dataset(indicators=[ftzinfo.Indicator(
            ...     id="port_throughput", name="Port throughput", unit_kind="count", measure="flow")])
            >>> merged = ftzinfo.dataset().merge(mine)
            >>> merged.indicator("port_throughput").name
            'Port throughput'
            >>> len(merged.indicators()) - len(ftzinfo.dataset().indicators())
            1
        """
        if not isinstance(other, Dataset):
            raise TypeError(f"merge takes a Dataset, not {type(other).__name__}")
        records, preferred = merged(self, other, override=override)
        # Building the new dataset checks every reference across both; on failure nothing is half-made.
        return Dataset(**records, preferred=preferred)

    @classmethod
    def load(
        cls,
        source: str | os.PathLike[str] | IO[str] | IO[bytes],
        *,
        extends: Dataset | None = None,
        max_size: int | None = None,
        override: bool = False,
    ) -> Dataset:
        """Read a dataset file written by :meth:`dump` or by hand.

        Args:
            source: A path, or an open file.
            extends: A dataset the file's records may refer to (usually
                ``ftzinfo.dataset()``): a metric of a bundled zone, say. The result
                holds only the file's records; :meth:`merge` it into ``extends``.
                An id the file shares with ``extends`` must name the same record,
                unless ``override``.
            max_size: The largest file accepted, in bytes (default 100 MB).
            override: Let the file give ids of ``extends`` other content (to
                replace those records in a :meth:`merge` with ``override=True``).

        Raises:
            ValidationError: The file is not valid; every problem is listed with its
                path, such as ``metrics[12].period: ...``.
        """
        from ftzinfo._io import files  # noqa: PLC0415 - the reader (cattrs) loads only when a file is read
        from ftzinfo._io.serialize import parse_json  # noqa: PLC0415

        name = files.file_name(source)
        raw = files.read_limited(source, files.MAX_FILE_SIZE if max_size is None else max_size, name)
        with files.no_gc():  # one pause for parsing and building: no collection runs in between
            data = parse_json(raw, where=name)
            try:
                # The parsed data is this call's own: metrics the reader vouches for stay plain until used.
                loaded = _from_layout(files.structure_records(data, plain=("metrics",)), "", extends)
            except ValidationError as exc:
                raise ValidationError([(f"{name}: {p}" if p else name, r) for p, r in exc.errors]) from None
        if extends is not None and not override:
            clashes = list(islice(_clashes(loaded, extends), MAX_ERRORS))
            if clashes:
                clashes.append(("", "pass override=True to let the file's records replace them"))
                raise ValidationError(clashes)
        return loaded

    @classmethod
    def from_dict(cls, data: Any, *, where: str = "", extends: Dataset | None = None) -> Dataset:
        """Build a Dataset from the file layout, checking every record and every reference.

        Args:
            data: The plain data of a dataset file (see :meth:`dump`).
            where: A path to put before each problem's path in errors.
            extends: A dataset the records may refer to (see :meth:`load`).

        Raises:
            ValidationError: Lists every problem found (up to a limit), each with its path.
        """
        from ftzinfo._io import files  # noqa: PLC0415 - the reader (cattrs) loads only when data is read

        with files.no_gc():
            return _from_layout(files.structure_records(data, where=where), where, extends)

    def dump(self, target: str | os.PathLike[str] | IO[str], *, indent: int | None = 1) -> None:
        """Write the dataset as a JSON file (a path or an open text file)."""
        from ftzinfo._io import files  # noqa: PLC0415 - the writer (cattrs) loads only when a file is written

        files.write_json(files.layout(self._records), target, indent=indent)

    def __len__(self) -> int:
        return sum(len(self._index.by_id[k]) for k in KINDS)  # counted, not built

    def _repr_html_(self) -> str:
        return presenters.html(self)

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(self._index.by_id[k])} {k}" for k in KINDS)
        return f"<Dataset: {counts}>"

    if not TYPE_CHECKING:  # type checkers see no such methods: their calls should move

        def __getattr__(self, name: str) -> Any:
            moved = MOVED.get(name)
            if moved is None:
                raise AttributeError(f"'Dataset' object has no attribute {name!r}")
            function, instead = moved
            warnings.warn(
                f"Dataset.{name}() is deprecated and will be removed in 0.4: use {instead}",
                DeprecationWarning,
                stacklevel=2,
            )
            return functools.partial(function, self)


def _clashes(loaded: Dataset, extends: Dataset | None) -> Iterator[tuple[str, str]]:
    """Ids a file takes that the data it extends already gives to other content."""
    if extends is None:
        return
    for kind in KINDS:
        theirs = extends._index.by_id[kind]  # noqa: SLF001 - the same class
        for i, record in enumerate(loaded.records(kind)):
            other = theirs.get(record.id)
            if other is not None and other != record:
                yield f"{kind}[{i}].id", f"{record.id!r} is already in the data this extends, with other content"


def on_demand(shelves: Shelves, keys: Mapping[str, str], links: Links) -> Dataset:
    """A dataset of checked records built on first use: the bundled data (see ``bundled``).

    The records were checked, and their links and zone keys taken, when the store was
    made: nothing is checked again here.
    """
    ds = object.__new__(Dataset)
    by_id = {kind: shelves.shelf(kind) for kind in KINDS}
    _fill(ds, shelves, Indexes(by_id=by_id, keys=keys, links=links), None, ())
    return ds


def _from_layout(lists: dict[str, list[Any]], where: str, extends: Dataset | None) -> Dataset:
    """A Dataset of a file's records (metrics may be plain data the reader vouched for)."""
    ds = object.__new__(Dataset)
    try:
        _make(ds, {kind: tuple(lists[kind]) for kind in KINDS}, extends, ())
    except ValidationError as exc:
        raise exc.prefixed(where) from None
    return ds


def _make(ds: Dataset, given: dict[str, tuple[Any, ...]], extends: Dataset | None, preferred: tuple[str, ...]) -> None:
    """Check and index the records ``given`` (their types already checked), and make ``ds`` of them."""
    theirs = None
    if extends is not None:
        if not isinstance(extends, Dataset):
            raise TypeError(f"extends must be a Dataset, not {type(extends).__name__}")
        theirs = extends._index.by_id  # noqa: SLF001 - same module
    held, index = assemble(given, theirs, preferred)
    _fill(ds, held, index, extends, preferred)


def _fill(
    ds: Dataset,
    records: Mapping[str, tuple[Any, ...]],
    index: Indexes,
    extends: Dataset | None,
    preferred: tuple[str, ...],
) -> None:
    # Frozen: the fields are set once, when the dataset is made, and never again.
    object.__setattr__(ds, "_records", records)
    object.__setattr__(ds, "_extends", extends)
    object.__setattr__(ds, "_preferred", preferred)
    object.__setattr__(ds, "_index", index)


_ID: Final = operator.attrgetter("id")
