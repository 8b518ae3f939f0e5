"""The module-level functions: the same questions as Dataset's, asked of the bundled data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from typing import TYPE_CHECKING

from ftzinfo._records.zone import Status, Zone, ZoneKind
from ftzinfo._store import bundled as _bundled
from ftzinfo._store.bundled import bundled

if TYPE_CHECKING:
    # Imported only for the annotations: importing ftzinfo must stay cheap.
    from ftzinfo._analysis.comparable import Comparability
    from ftzinfo._analysis.compare import Comparison
    from ftzinfo._analysis.rank import Ranking
    from ftzinfo._analysis.rollup import AreaRollup
    from ftzinfo._analysis.series import Series
    from ftzinfo._records.initiative import Initiative, InitiativeKind
    from ftzinfo._records.metric import Indicator, Metric
    from ftzinfo._records.period import Period
    from ftzinfo._records.rate import Rate
    from ftzinfo._records.source import Source
    from ftzinfo._store.dataset import Dataset

ZoneKey = Zone | str

__all__ = [
    "area_rollup",
    "children",
    "cite",
    "comparable",
    "compare",
    "dataset",
    "get_zone",
    "indicator",
    "indicators",
    "initiatives",
    "metric",
    "metrics",
    "parent",
    "rank",
    "rate",
    "rates",
    "search",
    "series",
    "source",
    "sources",
    "use",
    "zone",
    "zones",
]


def dataset(*, as_of: dt.date | None = None) -> Dataset:
    """The bundled dataset (or the one :func:`use` chose), loaded once, thread-safely, never changed.

    Args:
        as_of: Return the dataset as it could have been known on this date instead
            (see :meth:`Dataset.as_of`); this is how an earlier analysis is reproduced.

    Example:
        >>> len(ftzinfo.dataset().zones()) > 0
        True
    """
    return _current() if as_of is None else _current().as_of(as_of)


# The active dataset of this thread (and asyncio task): the one a plain ``use(ds)`` call
# chose, and the datasets of the ``with use(...)`` blocks open now, in the order entered.
_State = tuple["Dataset | None", tuple[tuple[object, "Dataset | None"], ...]]
_active: ContextVar[_State] = ContextVar("ftzinfo_dataset", default=(None, ()))


def _chosen() -> Dataset | None:
    """The dataset :func:`use` chose for this thread or task, or None for the bundled data."""
    base, blocks = _active.get()
    return blocks[-1][1] if blocks else base


def _current() -> Dataset:
    return _chosen() or bundled()


class use:  # noqa: N801 - used like a function: ftzinfo.use(ds)
    """Make the module-level functions answer from ``dataset`` (None: the bundled data again).

    A plain call, ``ftzinfo.use(ds)``, chooses the dataset at once, until another call.
    In a ``with`` block the choice lasts until the block ends, and the dataset chosen
    before comes back, however blocks nest, interleave or repeat: each open block
    holds its dataset, and the latest one open answers. The choice belongs to the
    current thread (and asyncio task).

    Example:
        >>> extra = ftzinfo.Dataset(indicators=[ftzinfo.Indicator(
        ...     id="port_throughput", name="Port throughput", unit_kind="count", measure="flow")])
        >>> with ftzinfo.use(ftzinfo.dataset().merge(extra)):
        ...     ftzinfo.indicator("port_throughput").name
        'Port throughput'
        >>> ftzinfo.get_zone("lingang").id  # the bundled data again
        'cn-shanghai-lingang'
    """

    def __init__(self, dataset: Dataset | None) -> None:
        from ftzinfo._store.dataset import Dataset  # noqa: PLC0415 - keeps importing ftzinfo cheap

        if dataset is not None and not isinstance(dataset, Dataset):
            raise TypeError(f"use() takes a Dataset or None, not {type(dataset).__name__}")
        self.dataset = dataset
        base, blocks = _active.get()
        self._base_before = base  # a plain call chooses at once; a with block undoes that on entry
        _active.set((dataset, blocks))

    def __enter__(self) -> Dataset:
        base, blocks = _active.get()
        if base is self.dataset:
            base = self._base_before
        _active.set((base, (*blocks, (self, self.dataset))))
        return _current()

    def __exit__(self, *exc: object) -> None:
        base, blocks = _active.get()
        for i in range(len(blocks) - 1, -1, -1):  # this block's latest entry, wherever it stands
            if blocks[i][0] is self:
                _active.set((base, blocks[:i] + blocks[i + 1 :]))
                return


def zone(key: ZoneKey) -> Zone:
    """Look a zone up by id, English or Chinese name, or alias.

    Case, spacing, hyphens, punctuation and full-width characters do not matter.

    Args:
        key: ``"lingang"``, ``"Lin-gang Special Area"``, ``"临港新片区"``, ``"qianhai"``, ``"前海"`` ...

    Returns:
        The Zone.

    Raises:
        UnknownZoneError: Nothing matches (a :class:`LookupError`); the message
            suggests the nearest names.

    Example:
        >>> ftzinfo.zone("临港新片区").name
        'Lin-gang Special Area'
    """
    ds = _chosen()
    if ds is not None:
        return ds.zone(key)
    return _bundled.zone(key)  # answered from a small index until the whole dataset is needed


def get_zone(key: ZoneKey, default: Zone | None = None) -> Zone | None:
    """Like :func:`zone`, but return ``default`` (None) where nothing matches.

    Example:
        >>> ftzinfo.get_zone("atlantis") is None
        True
    """
    ds = _chosen()
    if ds is not None:
        return ds.get_zone(key, default)
    found = _bundled.find_zone(key)
    return default if found is None else found


def zones(
    *, country: str | None = None, kind: ZoneKind | str | None = None, parent: ZoneKey | None = None
) -> tuple[Zone, ...]:
    """The zones, sorted by id; optionally only those of a country, a kind, or a parent.

    Example:
        >>> "cn-shanghai-lingang" in [z.id for z in ftzinfo.zones(parent="shanghai ftz")]
        True
    """
    return _current().zones(country=country, kind=kind, parent=parent)


def search(text: str, limit: int = 10) -> list[Zone]:
    """Zones whose names resemble ``text``, best first; forgiving of typos and partial names.

    Example:
        >>> ftzinfo.search("lingnag")[0].id
        'cn-shanghai-lingang'
    """
    return _current().search(text, limit)


def initiatives(
    zone: ZoneKey | None = None, *, kind: InitiativeKind | str | None = None, status: Status | str | None = None
) -> tuple[Initiative, ...]:
    """Initiatives, sorted by id; optionally of one zone, one kind or one status."""
    return _current().initiatives(zone, kind=kind, status=status)


def metrics(zone: ZoneKey | None = None, *, indicator: Indicator | str | None = None) -> tuple[Metric, ...]:
    """Metrics, optionally of one zone and one indicator; a zone's come in period order.

    Example:
        >>> str(ftzinfo.metrics("Qianhai International Financial City", indicator="financial_institutions")[-1].value)
        '518'
    """
    return _current().metrics(zone, indicator=indicator)


def indicators() -> tuple[Indicator, ...]:
    """The indicators metrics are recorded under, in the registry's order."""
    return _current().indicators()


def indicator(indicator: Indicator | str | None = None, *, indicator_id: str | None = None) -> Indicator:
    """The indicator with this id or name (see :meth:`Dataset.indicator`; raises :class:`UnknownRecordError`).

    ``indicator_id=`` is the old name of the argument: it still works, with a
    ``DeprecationWarning``, until 0.4.

    Example:
        >>> ftzinfo.indicator("trade value").id
        'trade_value'
    """
    if indicator_id is not None:
        import warnings  # noqa: PLC0415 - only the deprecated spelling needs it

        warnings.warn(
            "ftzinfo.indicator(indicator_id=...) is deprecated: pass the id or name as indicator=",
            DeprecationWarning,
            stacklevel=2,
        )
        indicator = indicator_id if indicator is None else indicator
    if indicator is None:
        raise TypeError("indicator() needs an indicator id or name")
    return _current().indicator(indicator)


def cite(
    record: Zone | Initiative | Metric | Rate | Source, style: str = "text", *, dataset: Dataset | None = None
) -> str:
    """Cite the sources behind a record: ``text``, ``bibtex`` or ``csl-json`` (as Zotero and pandoc read it).

    A republication is cited together with its original. ``dataset``: where the
    record's sources are looked up; the active dataset by default.

    Example:
        >>> print(ftzinfo.cite(ftzinfo.dataset().metric("cn-qianhai-financial-city-institutions-2025-12-15")))
        Li Bingcun. China Daily Hong Kong. “Qianhai steps up ‘finance magnet’ dream.” 2025-12-15. https://www.chinadailyasia.com/article/625451
    """
    from ftzinfo._io.cite import cite as run  # noqa: PLC0415 - citation styles load on first use

    return run(_given(dataset), record, style)


def rates() -> tuple[Rate, ...]:
    """Every bundled exchange rate, sorted by id."""
    return _current().rates()


def rate(currency: str, per: str, year: int, *, series: str | None = None) -> Rate:
    """The annual average rate of ``currency`` per one ``per`` in ``year`` (see :meth:`Dataset.rate`).

    Example:
        >>> r = ftzinfo.rate("CNY", "USD", 2023)
        >>> str(r.value), r.series
        ('7.0809', 'fed-g5a')
    """
    return _current().rate(currency, per, year, series=series)


def sources() -> tuple[Source, ...]:
    """Every source the data cites, sorted by id."""
    return _current().sources()


def source(source_id: str) -> Source:
    """The source with this id (raises :class:`UnknownRecordError`)."""
    return _current().source(source_id)


def children(zone: ZoneKey) -> tuple[Zone, ...]:
    """The zones directly inside ``zone``, sorted by id."""
    return _current().children(zone)


def parent(zone: ZoneKey) -> Zone | None:
    """The zone that contains ``zone``, or None.

    Example:
        >>> ftzinfo.parent("lingang").id
        'cn-shanghai-ftz'
    """
    return _current().parent(zone)


def compare(
    *zones: ZoneKey,
    indicators: Sequence[Indicator | str] | None = None,
    period: Period | str | int | None = None,
    currency: str | None = None,
    as_of: dt.date | None = None,
    dataset: Dataset | None = None,
) -> Comparison:
    """Set zones side by side: one row per indicator, each cell the zone's latest Metric (or None).

    ``str()`` of the result is an aligned text table with the qualifiers kept
    (``≈ 30 %``, ``> 250 bn CNY``) and numbered sources; ``.to_records()`` gives a
    list of dicts and ``.to_frame()`` a DataFrame.

    Args:
        *zones: Two or more zones (or keys :func:`zone` accepts).
        indicators: The rows; by default every indicator any of the zones has.
        period: Show the figures for this period (a Period, ``"2024"``, or a year)
            rather than the latest: a flow's cell holds exactly that period or
            stays empty, a stock's the latest level within it.
        currency: Convert money to this currency (the source's stated equivalent,
            else the dataset's annual averages for the figure's period); each
            converted cell says which rate converted it.
        as_of: Use only what was known on this date (see :meth:`Dataset.as_of`).
        dataset: The dataset to compare in; the active one by default.

    Without ``period``, each row shows the latest figures and marks the cells
    whose periods are not like the rest of the row (see :func:`comparable`).

    Example:
        >>> table = ftzinfo.compare("qianhai", "lingang", indicators=["new_licensed_financial_institutions"])
        >>> table.to_records()[0]["cn-qianhai-cooperation-zone"]
        '7'
    """
    from ftzinfo._analysis.compare import compare as run  # noqa: PLC0415 - analysis loads on first use

    return run(_given(dataset), *zones, indicators=indicators, period=period, currency=currency, as_of=as_of)


def rank(
    indicator: Indicator | str,
    *,
    zones: Iterable[ZoneKey] | None = None,
    period: Period | str | int | None = None,
    currency: str | None = None,
    kind: ZoneKind | str | None = None,
    as_of: dt.date | None = None,
    dataset: Dataset | None = None,
) -> Ranking:
    """Zones in tiers by their figure for ``indicator``, highest first: different tiers are certainly ordered.

    Only figures the sources make comparable are ranked (see :func:`comparable`):
    for a flow, exactly one period's figures; for a stock, each zone's latest level
    (within ``period`` if given). The result also says what it left out
    (``excluded``, with reasons) and which zones of the pool have no comparable
    figure (``missing``, with where their figures sit instead).

    Args:
        indicator: The indicator (or its id).
        zones: The zones to rank; by default every zone with a figure for it,
            less networks and the parts of zones ranked (an aggregate is never
            ranked among its members).
        period: The period to rank (a flow's exact period; a stock's latest level
            within it); by default, for a flow, the latest calendar year any zone
            has a figure for.
        currency: Convert money to this currency first, with the dataset's rates.
        kind: Rank the zones of this kind (for example ``pilot_ftz``); those with no
            comparable figure are listed as missing.
        as_of: Use only what was known on this date (see :meth:`Dataset.as_of`).
        dataset: The dataset to rank in; the active one by default.

    Raises:
        UnitMismatchError: The figures are in different units (pass ``currency=`` for money).

    Example:
        >>> r = ftzinfo.rank("trade_value", period=2023, kind="pilot_ftz")
        >>> all(str(m.period) == "2023" for tier in r for _, m in tier)
        True
        >>> len(r.pool) == sum(len(t) for t in r) + len(r.missing)
        True
    """
    from ftzinfo._analysis.rank import rank as run  # noqa: PLC0415 - analysis loads on first use

    return run(_given(dataset), indicator, zones=zones, period=period, currency=currency, kind=kind, as_of=as_of)


def comparable(a: Metric, b: Metric, *, dataset: Dataset | None = None) -> Comparability:
    """Whether two metrics may be set against each other, and why (the rule every analysis uses).

    Two figures are comparable when they measure the same indicator in compatible
    units (money in any currency, once converted) and, for a flow, over periods of
    one kind: a calendar year with a calendar year, a half with a half, a quarter
    with a quarter, the same months of the year, and a total over a span only with
    a total over the same span. Stocks compare as levels at their dates.

    Args:
        a: A metric.
        b: Another metric.
        dataset: The dataset whose indicators say which is a stock or a flow;
            the active dataset by default.

    Example:
        >>> year, half = ftzinfo.metric("cn-qianhai-fdi-2020"), ftzinfo.metric("cn-qianhai-fdi-2022-h1")
        >>> verdict = ftzinfo.comparable(year, half)
        >>> bool(verdict), verdict.reason
        (False, '2020 (a calendar year) is not like 2022-H1 (a half-year)')
    """
    from ftzinfo._analysis.comparable import comparable as rule  # noqa: PLC0415 - analysis loads on first use

    return rule(a, b, _given(dataset).indicator(a.indicator))


def metric(metric_id: str) -> Metric:
    """The metric with this id (raises :class:`UnknownRecordError`)."""
    return _current().metric(metric_id)


def series(zone: ZoneKey, indicator: Indicator | str, *, dataset: Dataset | None = None) -> Series:
    """A zone's metrics for one indicator in period order, with ``growth()`` and ``plot()``.

    The series keeps its points apart by period kind (:meth:`Series.groups`); growth
    is computed only between comparable figures. An empty series says where the
    figures sit instead (:attr:`Series.elsewhere`). ``dataset``: the dataset to
    read; the active one by default.
    """
    from ftzinfo._analysis.series import series as run  # noqa: PLC0415 - analysis loads on first use

    return run(_given(dataset), zone, indicator)


def area_rollup(zone: ZoneKey, *, dataset: Dataset | None = None) -> AreaRollup:
    """The areas of a zone's areas added up, set against the zone's own stated area.

    Example:
        >>> rollup = ftzinfo.area_rollup("shanghai ftz")
        >>> rollup.zone.id, len(rollup.counted) > 0
        ('cn-shanghai-ftz', True)
    """
    from ftzinfo._analysis.rollup import area_rollup as run  # noqa: PLC0415 - analysis loads on first use

    return run(_given(dataset), zone)


def _given(dataset: Dataset | None) -> Dataset:
    """The dataset a call names, or the active one."""
    if dataset is None:
        return _current()
    from ftzinfo._store.dataset import Dataset  # noqa: PLC0415 - keeps importing ftzinfo cheap

    if not isinstance(dataset, Dataset):
        raise TypeError(f"dataset must be a Dataset, not {type(dataset).__name__}")
    return dataset
