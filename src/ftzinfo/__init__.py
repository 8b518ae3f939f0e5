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

from ftzinfo._api import (
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
from ftzinfo._model import Evidence, Milestone, MilestoneKind, Status, Zone, ZoneKind
from ftzinfo._period import Period, PeriodKind
from ftzinfo._quantity import DEFAULT_TOLERANCE, Qualifier, Quantity, UnitMismatchError
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
    from ftzinfo._comparable import Comparability
    from ftzinfo._compare import Comparison
    from ftzinfo._conversion import Conversion
    from ftzinfo._dataset import Dataset
    from ftzinfo._initiative import Initiative, InitiativeKind
    from ftzinfo._interval import Interval, Ordering
    from ftzinfo._metric import Indicator, Measure, Metric, UnitKind
    from ftzinfo._rank import Ranking
    from ftzinfo._rate import Rate, RateKind
    from ftzinfo._rollup import AreaRollup
    from ftzinfo._schema import json_schema
    from ftzinfo._serialize import dumps, from_dict, loads, to_dict
    from ftzinfo._series import Series
    from ftzinfo._source import Source, SourceKind

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
    "children",
    "cite",
    "comparable",
    "compare",
    "dataset",
    "dumps",
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
    "use",
    "zone",
    "zones",
]

# Names whose modules load on first use, so that importing ftzinfo stays cheap
# (the data, cattrs, the analysis code and the records other than zones are not
# needed to look a zone up).
_LAZY = {
    "AreaRollup": "ftzinfo._rollup",
    "Comparability": "ftzinfo._comparable",
    "Comparison": "ftzinfo._compare",
    "Conversion": "ftzinfo._conversion",
    "Dataset": "ftzinfo._dataset",
    "Indicator": "ftzinfo._metric",
    "Initiative": "ftzinfo._initiative",
    "InitiativeKind": "ftzinfo._initiative",
    "Interval": "ftzinfo._interval",
    "Measure": "ftzinfo._metric",
    "Metric": "ftzinfo._metric",
    "Ordering": "ftzinfo._interval",
    "Ranking": "ftzinfo._rank",
    "Rate": "ftzinfo._rate",
    "RateKind": "ftzinfo._rate",
    "Series": "ftzinfo._series",
    "Source": "ftzinfo._source",
    "SourceKind": "ftzinfo._source",
    "UnitKind": "ftzinfo._metric",
    "dumps": "ftzinfo._serialize",
    "from_dict": "ftzinfo._serialize",
    "json_schema": "ftzinfo._schema",
    "loads": "ftzinfo._serialize",
    "to_dict": "ftzinfo._serialize",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'ftzinfo' has no attribute {name!r}")
    import importlib  # noqa: PLC0415

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
