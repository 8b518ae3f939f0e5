"""Dataset: a set of records with the indexes that answer lookups and queries.

A Dataset never changes once built. The bundled data is one; a user's own file
loads into another; :meth:`Dataset.merge` combines them into a third.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

from ftzinfo._records.enums import to_enum
from ftzinfo._records.initiative import Initiative, InitiativeKind
from ftzinfo._store.integrity import check_ids, check_references, check_types
from ftzinfo._records.kinds import KINDS
from ftzinfo._records.metric import Indicator, Metric
from ftzinfo._records.zone import Status, Zone, ZoneKind
from ftzinfo._records.period import Period
from ftzinfo._records.rate import Rate, RateKind
from ftzinfo._records.source import Source
from ftzinfo._records.names import MAX_KEY, best, grams, lookup_keys, normalise, similarity
from ftzinfo.exceptions import MAX_ERRORS, UnknownRecordError, UnknownZoneError, ValidationError

if TYPE_CHECKING:
    from ftzinfo._analysis.compare import Comparison
    from ftzinfo._analysis.rank import Ranking
    from ftzinfo._analysis.rollup import AreaRollup
    from ftzinfo._analysis.series import Series

__all__ = ["FORMAT", "Dataset", "zone_names"]

#: Version of the dataset file layout that :meth:`Dataset.dump` writes.
FORMAT: Final = "1"
_SEARCH_THRESHOLD: Final = 0.3
_MEMO_SIZE: Final = 4096

ZoneKey = Zone | str


class Dataset:
    """An immutable set of zones, initiatives, indicators, metrics and sources.

    Build one from records, or load one from a file with :meth:`load`; the
    bundled data is :func:`ftzinfo.dataset`. Construction checks that ids are
    unique and that every reference resolves.

    Example:
        >>> ds = ftzinfo.dataset()
        >>> ds.zone("lingang").id
        'cn-shanghai-lingang'
    """

    __slots__ = (
        "_by_id",
        "_children",
        "_extends",
        "_frozen",
        "_initiatives",
        "_initiatives_by_zone",
        "_keys",
        "_memo",
        "_metrics",
        "_metrics_by_zone",
        "_preferred",
        "_rates",
        "_records",
        "_search_keys",
    )

    def __init__(
        self,
        *,
        zones: Iterable[Zone] = (),
        initiatives: Iterable[Initiative] = (),
        indicators: Iterable[Indicator] = (),
        metrics: Iterable[Metric] = (),
        sources: Iterable[Source] = (),
        rates: Iterable[Rate] = (),
        extends: Dataset | None = None,
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
        # Records are kept in id order (indicators in the order given: their order is meaningful).
        records = {k: v if k == "indicators" else tuple(sorted(v, key=_ID)) for k, v in given.items()}
        self._records = records
        self._by_id: dict[str, dict[str, Any]] = {kind: {r.id: r for r in records[kind]} for kind in KINDS}
        # An extension (a user's file) may refer to records of the dataset it extends.
        known = self._by_id
        if extends is not None:
            if not isinstance(extends, Dataset):
                raise TypeError(f"extends must be a Dataset, not {type(extends).__name__}")
            known = {k: {**extends._by_id[k], **v} for k, v in self._by_id.items()}  # noqa: SLF001 - same class
        problems = list(islice(chain(check_ids(records), check_references(records, known)), MAX_ERRORS))
        if problems:
            raise ValidationError(problems)
        self._extends = extends
        self._preferred: tuple[str, ...] = ()
        self._build_indexes()
        self._frozen = True

    @classmethod
    def _with_preference(cls, records: dict[str, Any], preferred: tuple[str, ...]) -> Dataset:
        """A dataset whose zones ``preferred`` win the names they share with others (a merge's override)."""
        ds = cls(**records)
        if preferred:
            object.__setattr__(ds, "_preferred", preferred)
            object.__setattr__(ds, "_frozen", False)
            ds._build_indexes()
            ds._frozen = True
        return ds

    def _build_indexes(self) -> None:
        zones: tuple[Zone, ...] = self._records["zones"]
        first = set(self._preferred)
        ordered = [z for z in zones if z.id in first] + [z for z in zones if z.id not in first]
        keys = lookup_keys((z.id, zone_names(z)) for z in ordered)
        self._keys = keys
        self._memo: dict[str, Zone] = {}
        self._search_keys = tuple((key, grams(key), zone_id) for key, zone_id in keys.items() if key)
        children: defaultdict[str, list[Zone]] = defaultdict(list)
        for z in zones:
            if z.parent_id is not None:
                children[z.parent_id].append(z)
        self._children = {k: tuple(v) for k, v in children.items()}
        by_zone: defaultdict[str, list[Initiative]] = defaultdict(list)
        for i in self._records["initiatives"]:
            for zone_id in i.zone_ids:
                by_zone[zone_id].append(i)
        self._initiatives_by_zone = {k: tuple(v) for k, v in by_zone.items()}
        self._initiatives = self._records["initiatives"]
        # Metrics in time order, then id order: grouped by their period's place in time
        # (the metrics are in id order already), and the few groups sorted, not the metrics.
        order: dict[int, tuple[Any, ...]] = {}  # id(period) -> its sort key, once per period object
        groups: defaultdict[tuple[Any, ...], list[Metric]] = defaultdict(list)
        for m in self._records["metrics"]:
            key = order.get(id(m.period))
            if key is None:
                key = order[id(m.period)] = (0,) if m.period is None else (1, m.period.end, m.period.start)
            groups[key].append(m)
        metrics_by: defaultdict[tuple[str, str | None], list[Metric]] = defaultdict(list)
        for key in sorted(groups):
            for m in groups[key]:
                metrics_by[m.zone_id, m.indicator].append(m)
                metrics_by[m.zone_id, None].append(m)
        self._metrics_by_zone = {k: tuple(v) for k, v in metrics_by.items()}
        self._metrics = self._records["metrics"]
        rates: defaultdict[tuple[str, str, Period], list[Rate]] = defaultdict(list)
        for r in self._records["rates"]:
            rates[r.currency, r.per, r.period].append(r)
        self._rates = {k: tuple(sorted(v, key=_series_preference)) for k, v in rates.items()}

    # -- zones -----------------------------------------------------------------

    def zone(self, key: ZoneKey) -> Zone:
        """Look a zone up by id, English or Chinese name, or alias.

        Case, spaces, hyphens, punctuation and full-width characters do not matter.

        Raises:
            UnknownZoneError: Nothing matches; the message suggests the nearest names.

        Example:
            >>> ftzinfo.zone("Lin-gang Special Area").id
            'cn-shanghai-lingang'
        """
        found = self._find(key)
        if found is None:
            raise UnknownZoneError(key, [z.name for z in self.search(str(key), limit=3)])
        return found

    def get_zone(self, key: ZoneKey, default: Zone | None = None) -> Zone | None:
        """Like :meth:`zone`, but return ``default`` where nothing matches."""
        found = self._find(key)
        return default if found is None else found

    def _find(self, key: ZoneKey) -> Zone | None:
        found = self._memo.get(key) if type(key) is str else None
        if found is not None:
            return found
        if isinstance(key, Zone):
            key = key.id
        if not isinstance(key, str):
            raise TypeError(f"a zone key is a string or a Zone, not {type(key).__name__}")
        if len(key) > MAX_KEY:
            return None
        zone_id = self._keys.get(normalise(key))
        if zone_id is None:
            return None
        found = self._by_id["zones"][zone_id]
        assert isinstance(found, Zone)  # noqa: S101 - the index holds zones
        if len(self._memo) < _MEMO_SIZE:  # remember the exact text asked for: the next lookup is one dict hit
            self._memo[key] = found
        return found

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
        query = normalise(text[:MAX_KEY])
        if not query or limit <= 0:
            return []
        query_grams = grams(query)
        scores: dict[str, float] = {}
        for key, key_grams, zone_id in self._search_keys:
            score = similarity(query, query_grams, key, key_grams)
            if score > scores.get(zone_id, 0.0):
                scores[zone_id] = score
        ids = best(((s, z) for z, s in scores.items()), limit, _SEARCH_THRESHOLD)
        return [self._by_id["zones"][z] for z in ids]

    def children(self, zone: ZoneKey) -> tuple[Zone, ...]:
        """The zones directly inside ``zone``, sorted by id."""
        return self._children.get(self.zone(zone).id, ())

    def parent(self, zone: ZoneKey) -> Zone | None:
        """The zone that contains ``zone``, or None."""
        parent_id = self.zone(zone).parent_id
        return None if parent_id is None else self._by_id["zones"][parent_id]

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
        z = self.zone(zone)
        ids = set(z.overlaps) | {other.id for other in self._records["zones"] if z.id in other.overlaps}
        return tuple(self._by_id["zones"][i] for i in sorted(ids))

    # -- initiatives, indicators, metrics, sources -------------------------------

    def initiatives(
        self,
        zone: ZoneKey | None = None,
        *,
        kind: InitiativeKind | str | None = None,
        status: Status | str | None = None,
    ) -> tuple[Initiative, ...]:
        """Initiatives, sorted by id; optionally of one zone, kind or status."""
        pool = self._initiatives if zone is None else self._initiatives_by_zone.get(self.zone(zone).id, ())
        wanted_kind = None if kind is None else to_enum(InitiativeKind, "kind", kind)
        wanted_status = None if status is None else Status(status)
        return tuple(
            i
            for i in pool
            if (wanted_kind is None or i.kind is wanted_kind) and (wanted_status is None or i.status is wanted_status)
        )

    def initiative(self, initiative_id: str) -> Initiative:
        """The initiative with this id (raises :class:`UnknownRecordError`)."""
        found: Initiative = self._get("initiatives", "initiative", initiative_id)
        return found

    def metrics(self, zone: ZoneKey | None = None, *, indicator: Indicator | str | None = None) -> tuple[Metric, ...]:
        """Metrics, optionally of one zone and one indicator; a zone's come in period order.

        Answered from an index: the cost does not grow with the number of metrics.
        """
        indicator_id = None if indicator is None else self.indicator(indicator).id
        if zone is None:
            if indicator_id is None:
                return self._metrics
            return tuple(m for m in self._metrics if m.indicator == indicator_id)
        return self._metrics_by_zone.get((self.zone(zone).id, indicator_id), ())

    def metric(self, metric_id: str) -> Metric:
        """The metric with this id (raises :class:`UnknownRecordError`)."""
        found: Metric = self._get("metrics", "metric", metric_id)
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
        found = self._by_id["indicators"].get(key) if isinstance(key, str) else None
        if found is None and isinstance(key, str) and len(key) <= MAX_KEY:
            wanted = normalise(key)
            found = next(
                (i for i in self._records["indicators"] if wanted in {normalise(i.id), normalise(i.name)}), None
            )
            if found is None and not any(key.lower() in i for i in self._by_id["indicators"]):
                names = ((i.id, normalise(n)) for i in self._records["indicators"] for n in (i.id, i.name))
                scored = ((similarity(wanted, grams(wanted), n, grams(n)), i) for i, n in names)
                raise UnknownRecordError("indicator", key, best(scored, 3, _SEARCH_THRESHOLD))
        if found is None:
            found = self._get("indicators", "indicator", key)  # raises, naming ids that contain the key
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
        found = next((r for r in self._rates.get((currency, per, wanted), ()) if series in {None, r.series}), None)
        if found is None:  # a fixed (pegged) rate holds for every year of its period
            found = next(
                (
                    r
                    for (c, q, p), rs in self._rates.items()
                    if (c, q) == (currency, per) and wanted in p
                    for r in rs
                    if r.kind is RateKind.FIXED and series in {None, r.series}
                ),
                None,
            )
        if found is None:
            years = sorted(p.start.year for c, q, p in self._rates if (c, q) == (currency, per))
            near = [f"{currency} per {per} in {y}" for y in years[-3:]]
            raise UnknownRecordError("rate", f"{currency} per {per} in {year}", near)
        return found

    def sources(self) -> tuple[Source, ...]:
        """The sources, sorted by id."""
        return self._records["sources"]

    def source(self, source_id: str) -> Source:
        """The source with this id (raises :class:`UnknownRecordError`)."""
        found: Source = self._get("sources", "source", source_id)
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

    def _get(self, kind: str, label: str, record_id: str) -> Any:
        try:
            return self._by_id[kind][record_id]
        except (KeyError, TypeError):
            if not isinstance(record_id, str):
                raise TypeError(f"{label} ids are strings, not {type(record_id).__name__}") from None
            near = [i for i in self._by_id[kind] if record_id.lower() in i] if len(record_id) <= MAX_KEY else []
            raise UnknownRecordError(label, record_id, near[:3]) from None

    # -- comparing -------------------------------------------------------------

    def compare(
        self,
        *zones: ZoneKey,
        indicators: Sequence[Indicator | str] | None = None,
        period: Period | str | int | None = None,
        currency: str | None = None,
        as_of: dt.date | None = None,
    ) -> Comparison:
        """Set zones side by side: one row per indicator, each cell the zone's latest Metric.

        Args:
            *zones: Two or more zones (or keys :meth:`zone` accepts).
            indicators: The rows; by default every indicator any of the zones has.
            period: Show the figures for this period (a Period, ``"2024"``, or a year)
                rather than the latest: a flow's cell holds exactly that period or
                stays empty, a stock's the latest level within it.
            currency: Convert money to this currency (the source's stated equivalent,
                else this dataset's annual averages for the figure's period); each
                converted cell says which rate converted it.
            as_of: Use only what was known on this date (see :meth:`as_of`).

        Without ``period``, each row shows the latest figures and marks the cells
        whose periods are not like the rest of the row (see :func:`ftzinfo.comparable`).

        Example:
            >>> ftzinfo.dataset().compare("qianhai", "lingang").zones[1].name
            'Lin-gang Special Area'
        """
        from ftzinfo._analysis.compare import build_comparison  # noqa: PLC0415 - only comparing needs it
        from ftzinfo._records.conversion import currency_code  # noqa: PLC0415
        from ftzinfo._analysis.select import as_period  # noqa: PLC0415

        code = None if currency is None else currency_code(currency)
        asked = as_period(period)
        ds = self if as_of is None else self.as_of(as_of)
        return build_comparison(ds, [ds.zone(z) for z in zones], indicators, period=asked, currency=code, as_of=as_of)

    def rank(
        self,
        indicator: Indicator | str,
        *,
        zones: Iterable[ZoneKey] | None = None,
        period: Period | str | int | None = None,
        currency: str | None = None,
        kind: ZoneKind | str | None = None,
        as_of: dt.date | None = None,
    ) -> Ranking:
        """Zones in tiers by their figure for ``indicator``: different tiers are certainly ordered.

        Only figures the sources make comparable are ranked (see
        :func:`ftzinfo.comparable`): for a flow, exactly one period's figures; for a
        stock, each zone's latest level (within ``period`` if given). The result
        also says what it left out (``excluded``, with reasons) and which zones of
        the pool have no comparable figure (``missing``, with where their figures
        sit instead).

        Args:
            indicator: The indicator (or its id).
            zones: The zones to rank; by default every zone with a figure for it,
                less networks and the parts of zones ranked (an aggregate is never
                ranked among its members).
            period: The period to rank (a flow's exact period; a stock's latest level
                within it); by default, for a flow, the latest calendar year any zone
                has a figure for.
            currency: Convert money to this currency first, with this dataset's rates.
            kind: Rank the zones of this kind (for example ``pilot_ftz``); those with no
                comparable figure are listed as missing.
            as_of: Use only what was known on this date (see :meth:`as_of`).

        Raises:
            UnitMismatchError: The figures are in different units (pass ``currency=`` for money).

        Example:
            >>> r = ftzinfo.rank("fdi_utilized", zones=["qianhai", "lingang"], period=2022, currency="USD")
            >>> [[zone.id for zone, _ in tier] for tier in r], [m.zone.id for m in r.missing]
            ([['cn-shanghai-lingang']], ['cn-qianhai-cooperation-zone'])
            >>> [e.reason for e in r.excluded]
            ['2022-H1 (a half-year), not 2022 (a calendar year)']
        """
        from ftzinfo._records.conversion import currency_code  # noqa: PLC0415
        from ftzinfo._analysis.rank import rank  # noqa: PLC0415
        from ftzinfo._analysis.select import as_period  # noqa: PLC0415

        code = None if currency is None else currency_code(currency)
        asked = as_period(period)
        pool_kind = None if kind is None else to_enum(ZoneKind, "kind", kind)
        ds = self if as_of is None else self.as_of(as_of)
        chosen = None if zones is None else [ds.zone(z) for z in zones]
        return rank(ds, ds.indicator(indicator), chosen, period=asked, currency=code, kind=pool_kind)

    def series(self, zone: ZoneKey, indicator: Indicator | str) -> Series:
        """A zone's metrics for one indicator in period order (those without a period left out).

        The series keeps its points apart by period kind (:meth:`Series.groups`);
        growth is computed only between comparable figures. An empty series says
        where the figures sit instead (:attr:`Series.elsewhere`).
        """
        from ftzinfo._analysis.select import elsewhere  # noqa: PLC0415
        from ftzinfo._analysis.series import Series  # noqa: PLC0415

        z, ind = self.zone(zone), self.indicator(indicator)
        dated = tuple(m for m in self.metrics(z, indicator=ind) if m.period is not None)
        return Series(zone=z, indicator=ind, metrics=dated, elsewhere=() if dated else elsewhere(self, z, ind))

    def as_of(self, date: dt.date, *, strict: bool = False) -> Dataset:
        """The dataset as it could have been known on ``date``.

        Only records whose evidence was published on or before ``date`` are kept (an
        undated page counts when the fact it states had happened, unless
        ``strict``), and only if what they refer to is kept too.
        """
        from ftzinfo._store.asof import restrict  # noqa: PLC0415

        return restrict(self, date, strict=strict)

    def area_rollup(self, zone: ZoneKey) -> AreaRollup:
        """The areas of a zone's areas added up, set against the zone's own stated area."""
        from ftzinfo._analysis.rollup import area_rollup  # noqa: PLC0415

        return area_rollup(self, self.zone(zone))

    def rate_by_id(self, rate_id: str) -> Rate:
        """The exchange rate with this id (raises :class:`UnknownRecordError`)."""
        found: Rate = self._get("rates", "rate", rate_id)
        return found

    # -- whole-dataset operations ----------------------------------------------

    def records(self, kind: str) -> tuple[Any, ...]:
        """All records of a kind: ``zones``, ``initiatives``, ``indicators``, ``metrics`` or ``sources``."""
        if kind not in self._records:
            raise UnknownRecordError("record kind", kind, [k for k in KINDS if k.startswith(kind[:1])])
        return self._records[kind]

    def to_frame(self, table: str) -> Any:
        """One table as a pandas DataFrame (needs ``ftzinfo[pandas]``).

        Tables: ``zones``, ``initiatives``, ``indicators``, ``metrics``, ``rates``,
        ``sources`` and ``evidence`` (one row per quote). Figures are floats in
        ``value``/``low``/``high`` columns beside ``qualifier``, ``unit`` and ``text``;
        periods have ``_start`` and ``_end`` columns.
        """
        from ftzinfo._io.tables import frame  # noqa: PLC0415 - pandas only when asked for

        return frame(self, table)

    def zones_frame(self) -> Any:
        """The zones as a DataFrame (see :meth:`to_frame`)."""
        return self.to_frame("zones")

    def metrics_frame(self) -> Any:
        """The metrics as a DataFrame (see :meth:`to_frame`)."""
        return self.to_frame("metrics")

    def initiatives_frame(self) -> Any:
        """The initiatives as a DataFrame (see :meth:`to_frame`)."""
        return self.to_frame("initiatives")

    def export(self, target: str | Path, *, format: str = "csv") -> list[Path]:  # noqa: A002 - the CLI's word
        """Write the data for other tools: ``json`` (one file), ``csv`` or ``parquet`` (a folder).

        CSV and Parquet get one file per table (see :meth:`to_frame`), which DuckDB,
        Spark and Polars read directly. Parquet needs ``ftzinfo[parquet]``.
        Returns the paths written.
        """
        from ftzinfo._io.tables import export  # noqa: PLC0415

        return export(self, target, format)

    def cite(self, record: Zone | Initiative | Metric | Rate | Source, style: str = "text") -> str:
        """The sources of a record as ``text``, ``bibtex`` or ``csl-json`` (see :func:`ftzinfo.cite`)."""
        from ftzinfo._io.cite import cite  # noqa: PLC0415

        return cite(self, record, style)

    def to_dict(self) -> dict[str, Any]:
        """The dataset in the documented file layout (see :meth:`dump`)."""
        from ftzinfo._io.serialize import converter  # noqa: PLC0415 - cattrs only when serialising

        c = converter()
        out: dict[str, Any] = {"format": FORMAT}
        for kind in KINDS:
            out[kind] = [c.unstructure(r) for r in self._records[kind]]
        return out

    @classmethod
    def from_dict(cls, data: Any, *, where: str = "") -> Dataset:
        """Build a Dataset from the file layout, checking every record and every reference.

        Raises:
            ValidationError: Lists every problem found (up to a limit), each with its path.
        """
        from ftzinfo._io.files import dataset_from_dict  # noqa: PLC0415 - cattrs only when loading

        return dataset_from_dict(data, where=where)

    def dump(self, target: str | Path | IO[str], *, indent: int | None = 1) -> None:
        """Write the dataset as a JSON file (a path or an open text file)."""
        from ftzinfo._io.files import dump_dataset  # noqa: PLC0415

        dump_dataset(self, target, indent=indent)

    @classmethod
    def load(
        cls,
        source: str | Path | IO[str] | IO[bytes],
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
        from ftzinfo._io.files import MAX_FILE_SIZE, load_dataset  # noqa: PLC0415

        loaded = load_dataset(source, extends=extends, max_size=MAX_FILE_SIZE if max_size is None else max_size)
        if extends is not None and not override:
            clashes = list(islice(_clashes(loaded._records, extends), MAX_ERRORS))  # noqa: SLF001 - same class
            if clashes:
                clashes.append(("", "pass override=True to let the file's records replace them"))
                raise ValidationError(clashes)
        return loaded

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
        from ftzinfo._store.merge import merge  # noqa: PLC0415

        if not isinstance(other, Dataset):
            raise TypeError(f"merge takes a Dataset, not {type(other).__name__}")

        return merge(self, other, override=override)

    def __setattr__(self, name: str, value: object) -> None:
        if getattr(self, "_frozen", False):  # built: nothing changes any more
            msg = "a Dataset cannot be changed; merge() returns a new one"
            raise AttributeError(msg)
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        msg = "a Dataset cannot be changed"
        raise AttributeError(msg)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (_rebuild, (self._records, self._extends, self._preferred))

    def __copy__(self) -> Dataset:
        return self  # immutable: a copy would be the same in every way

    def __deepcopy__(self, memo: dict[int, Any]) -> Dataset:
        return self

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return self._records == other._records

    __hash__ = None  # type: ignore[assignment]

    def __len__(self) -> int:
        return sum(len(v) for v in self._records.values())

    def _repr_html_(self) -> str:
        from ftzinfo._display.html import dataset_html  # noqa: PLC0415 - notebook display only

        return dataset_html(self)

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(self._records[k])} {k}" for k in KINDS)
        return f"<Dataset: {counts}>"


def _rebuild(records: dict[str, Any], extends: Dataset | None = None, preferred: tuple[str, ...] = ()) -> Dataset:
    """Unpickle a Dataset: build it again from its records (checking them again)."""
    if preferred:
        return Dataset._with_preference(dict(records), preferred)  # noqa: SLF001 - the same class
    return Dataset(**records, extends=extends)


def _clashes(records: dict[str, tuple[Any, ...]], extends: Dataset | None) -> Iterator[tuple[str, str]]:
    """Ids a file takes that the data it extends already gives to other content."""
    if extends is None:
        return
    for kind, items in records.items():
        theirs = extends._by_id[kind]  # noqa: SLF001 - the same class
        for i, record in enumerate(items):
            other = theirs.get(record.id)
            if other is not None and other != record:
                yield f"{kind}[{i}].id", f"{record.id!r} is already in the data this extends, with other content"


_ID: Final = operator.attrgetter("id")


#: Rate series in order of preference (see :meth:`Dataset.rate`).
RATE_SERIES: Final = ("fed-g5a", "official", "irs")


def _series_preference(rate: Rate) -> tuple[int, str]:
    rank = RATE_SERIES.index(rate.series) if rate.series in RATE_SERIES else len(RATE_SERIES)
    return (rank, rate.id)


def zone_names(z: Zone) -> tuple[tuple[str, ...], ...]:
    """A zone's names by lookup rank: id, English name, Chinese name, aliases."""
    return ((z.id,), (z.name,), (z.name_zh,) if z.name_zh else (), z.aliases)
