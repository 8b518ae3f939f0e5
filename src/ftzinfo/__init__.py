"""ftzinfo: a typed, sourced, versioned database of free trade zones.

Look zones up, walk their hierarchy, read the initiatives that shape them and the
figures that measure them, and compare zones without claiming more than the
sources say. Every record cites a public source with a verbatim quote.

Example:
    >>> import ftzinfo
    >>> ftzinfo.zone("lingang").name
    'Lin-gang Special Area'
"""

from typing import TYPE_CHECKING, Any

from ftzinfo import _wiring
from ftzinfo._api import (
    area_rollup,
    children,
    cite,
    comparable,
    compare,
    dataset,
    get_zone,
    indicator,
    indicators,
    initiatives,
    metric,
    metrics,
    parent,
    rank,
    rate,
    rates,
    search,
    series,
    source,
    sources,
    use,
    zone,
    zones,
)
from ftzinfo._records.bounds import DEFAULT_TOLERANCE, Qualifier
from ftzinfo._records.period import Period, PeriodKind
from ftzinfo._records.quantity import Quantity, UnitMismatchError
from ftzinfo._records.zone import Evidence, Milestone, MilestoneKind, Status, Zone, ZoneKind
from ftzinfo._version import DATA_VERSION, __version__
from ftzinfo.exceptions import (
    ConversionError,
    FtzinfoError,
    IncomparableError,
    UnknownRecordError,
    UnknownZoneError,
    ValidationError,
)

if TYPE_CHECKING:
    from ftzinfo._analysis.comparable import Comparability
    from ftzinfo._analysis.compare import Comparison
    from ftzinfo._analysis.rank import Ranking
    from ftzinfo._analysis.rollup import AreaRollup
    from ftzinfo._analysis.series import Series
    from ftzinfo._api_io import dumps, export, from_dict, loads, to_dict, to_frame
    from ftzinfo._io.schema import json_schema
    from ftzinfo._records.conversion import Conversion
    from ftzinfo._records.initiative import Initiative, InitiativeKind
    from ftzinfo._records.interval import Interval, Ordering
    from ftzinfo._records.metric import Indicator, Measure, Metric, UnitKind
    from ftzinfo._records.rate import Rate, RateKind
    from ftzinfo._records.source import Source, SourceKind
    from ftzinfo._store.dataset import Dataset

__all__ = [
    "DATA_VERSION",
    "DEFAULT_TOLERANCE",
    "AreaRollup",
    "Comparability",
    "Comparison",
    "Conversion",
    "ConversionError",
    "Dataset",
    "Evidence",
    "FtzinfoError",
    "IncomparableError",
    "Indicator",
    "Initiative",
    "InitiativeKind",
    "Interval",
    "Measure",
    "Metric",
    "Milestone",
    "MilestoneKind",
    "Ordering",
    "Period",
    "PeriodKind",
    "Qualifier",
    "Quantity",
    "Ranking",
    "Rate",
    "RateKind",
    "Series",
    "Source",
    "SourceKind",
    "Status",
    "UnitKind",
    "UnitMismatchError",
    "UnknownRecordError",
    "UnknownZoneError",
    "ValidationError",
    "Zone",
    "ZoneKind",
    "__version__",
    "area_rollup",
    "children",
    "cite",
    "comparable",
    "compare",
    "dataset",
    "dumps",
    "export",
    "from_dict",
    "get_zone",
    "indicator",
    "indicators",
    "initiatives",
    "json_schema",
    "loads",
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
    "to_dict",
    "to_frame",
    "use",
    "zone",
    "zones",
]

# Names whose modules load on first use, so that importing ftzinfo stays cheap
# (the data, cattrs, the analysis code and the records other than zones are not
# needed to look a zone up).
_LAZY = {
    "AreaRollup": "ftzinfo._analysis.rollup",
    "Comparability": "ftzinfo._analysis.comparable",
    "Comparison": "ftzinfo._analysis.compare",
    "Conversion": "ftzinfo._records.conversion",
    "Dataset": "ftzinfo._store.dataset",
    "Indicator": "ftzinfo._records.metric",
    "Initiative": "ftzinfo._records.initiative",
    "InitiativeKind": "ftzinfo._records.initiative",
    "Interval": "ftzinfo._records.interval",
    "Measure": "ftzinfo._records.metric",
    "Metric": "ftzinfo._records.metric",
    "Ordering": "ftzinfo._records.interval",
    "Ranking": "ftzinfo._analysis.rank",
    "Rate": "ftzinfo._records.rate",
    "RateKind": "ftzinfo._records.rate",
    "Series": "ftzinfo._analysis.series",
    "Source": "ftzinfo._records.source",
    "SourceKind": "ftzinfo._records.source",
    "UnitKind": "ftzinfo._records.metric",
    "dumps": "ftzinfo._api_io",
    "export": "ftzinfo._api_io",
    "from_dict": "ftzinfo._api_io",
    "loads": "ftzinfo._api_io",
    "to_dict": "ftzinfo._api_io",
    "to_frame": "ftzinfo._api_io",
    "json_schema": "ftzinfo._io.schema",
}


_wiring.connect()


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'ftzinfo' has no attribute {name!r}")
    import importlib  # noqa: PLC0415 - only a name's first use needs it

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
