"""The module-level functions: the same questions as Dataset's, asked of the bundled data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from ftzinfo._bundled import bundled
from ftzinfo._compare import Comparison
from ftzinfo._dataset import Dataset, ZoneKey
from ftzinfo._model import Indicator, Initiative, InitiativeKind, Metric, Rate, Source, Status, Zone, ZoneKind
from ftzinfo._period import Period
from ftzinfo._rank import Ranking
from ftzinfo._series import Series

__all__ = [
    "children",
    "compare",
    "dataset",
    "get_zone",
    "indicator",
    "indicators",
    "initiatives",
    "metrics",
    "parent",
    "rank",
    "rate",
    "rates",
    "search",
    "series",
    "source",
    "sources",
    "zone",
    "zones",
]


def dataset(*, as_of: dt.date | None = None) -> Dataset:
    """The bundled dataset, loaded on first use (once, thread-safely) and never changed.

    Args:
        as_of: Return the dataset as it could have been known on this date instead
            (see :meth:`Dataset.as_of`); this is how an earlier analysis is reproduced.

    Example:
        >>> len(ftzinfo.dataset().zones()) > 0
        True
    """
    return bundled() if as_of is None else bundled().as_of(as_of)


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
    return bundled().zone(key)


def get_zone(key: ZoneKey, default: Zone | None = None) -> Zone | None:
    """Like :func:`zone`, but return ``default`` (None) where nothing matches.

    Example:
        >>> ftzinfo.get_zone("atlantis") is None
        True
    """
    return bundled().get_zone(key, default)


def zones(
    *, country: str | None = None, kind: ZoneKind | str | None = None, parent: ZoneKey | None = None
) -> tuple[Zone, ...]:
    """The zones, sorted by id; optionally only those of a country, a kind, or a parent.

    Example:
        >>> "cn-shanghai-lingang" in [z.id for z in ftzinfo.zones(parent="shanghai ftz")]
        True
    """
    return bundled().zones(country=country, kind=kind, parent=parent)


def search(text: str, limit: int = 10) -> list[Zone]:
    """Zones whose names resemble ``text``, best first; forgiving of typos and partial names.

    Example:
        >>> ftzinfo.search("lingnag")[0].id
        'cn-shanghai-lingang'
    """
    return bundled().search(text, limit)


def initiatives(
    zone: ZoneKey | None = None, *, kind: InitiativeKind | str | None = None, status: Status | str | None = None
) -> tuple[Initiative, ...]:
    """Initiatives, sorted by id; optionally of one zone, one kind or one status."""
    return bundled().initiatives(zone, kind=kind, status=status)


def metrics(zone: ZoneKey | None = None, *, indicator: Indicator | str | None = None) -> tuple[Metric, ...]:
    """Metrics, optionally of one zone and one indicator; a zone's come in period order.

    Example:
        >>> str(ftzinfo.metrics("Qianhai International Financial City", indicator="financial_institutions")[-1].value)
        '518'
    """
    return bundled().metrics(zone, indicator=indicator)


def indicators() -> tuple[Indicator, ...]:
    """The indicators metrics are recorded under, in the registry's order."""
    return bundled().indicators()


def indicator(indicator_id: str) -> Indicator:
    """The indicator with this id (raises :class:`UnknownRecordError`)."""
    return bundled().indicator(indicator_id)


def rates() -> tuple[Rate, ...]:
    """Every bundled exchange rate, sorted by id."""
    return bundled().rates()


def rate(currency: str, per: str, year: int, *, series: str | None = None) -> Rate:
    """The annual average rate of ``currency`` per one ``per`` in ``year`` (see :meth:`Dataset.rate`).

    Example:
        >>> r = ftzinfo.rate("CNY", "USD", 2023)
        >>> str(r.value), r.series
        ('7.0809', 'fed-g5a')
    """
    return bundled().rate(currency, per, year, series=series)


def sources() -> tuple[Source, ...]:
    """Every source the data cites, sorted by id."""
    return bundled().sources()


def source(source_id: str) -> Source:
    """The source with this id (raises :class:`UnknownRecordError`)."""
    return bundled().source(source_id)


def children(zone: ZoneKey) -> tuple[Zone, ...]:
    """The zones directly inside ``zone``, sorted by id."""
    return bundled().children(zone)


def parent(zone: ZoneKey) -> Zone | None:
    """The zone that contains ``zone``, or None.

    Example:
        >>> ftzinfo.parent("lingang").id
        'cn-shanghai-ftz'
    """
    return bundled().parent(zone)


def compare(
    *zones: ZoneKey,
    indicators: Sequence[Indicator | str] | None = None,
    period: Period | str | int | None = None,
    currency: str | None = None,
    as_of: dt.date | None = None,
) -> Comparison:
    """Set zones side by side: one row per indicator, each cell the zone's latest Metric (or None).

    ``str()`` of the result is an aligned text table with the qualifiers kept
    (``≈ 30 %``, ``> 250 bn CNY``) and numbered sources; ``.to_records()`` gives a
    list of dicts and ``.to_frame()`` a DataFrame. See :meth:`Dataset.compare` for
    ``period``, ``currency`` and ``as_of``.

    Example:
        >>> table = ftzinfo.compare("qianhai", "lingang", indicators=["new_licensed_financial_institutions"])
        >>> table.to_records()[0]["cn-qianhai-cooperation-zone"]
        '7'
    """
    return bundled().compare(*zones, indicators=indicators, period=period, currency=currency, as_of=as_of)


def rank(
    indicator: Indicator | str,
    *,
    zones: Iterable[ZoneKey] | None = None,
    period: Period | str | int | None = None,
    currency: str | None = None,
) -> Ranking:
    """Zones ordered by an indicator in tiers, highest first; ties stay ties (see :meth:`Dataset.rank`)."""
    return bundled().rank(indicator, zones=zones, period=period, currency=currency)


def series(zone: ZoneKey, indicator: Indicator | str) -> Series:
    """A zone's metrics for one indicator in period order, with ``growth()`` and ``plot()``."""
    return bundled().series(zone, indicator)
