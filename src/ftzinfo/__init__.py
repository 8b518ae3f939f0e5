"""ftzinfo: a typed, sourced, versioned database of free trade zones.

Look zones up, walk their hierarchy, read the initiatives that shape them and the
figures that measure them, and compare zones without claiming more than the
sources say. Every record cites a public source with a verbatim quote.

Example:
    >>> import ftzinfo
    >>> ftzinfo.zone("lingang").name
    'Lin-gang Special Area'
"""

from ftzinfo._api import (
    children,
    cite,
    compare,
    dataset,
    get_zone,
    indicator,
    indicators,
    initiatives,
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
from ftzinfo._compare import Comparison
from ftzinfo._dataset import Dataset
from ftzinfo._interval import Interval, Ordering
from ftzinfo._model import (
    Evidence,
    Indicator,
    Initiative,
    InitiativeKind,
    Measure,
    Metric,
    Milestone,
    MilestoneKind,
    Rate,
    RateKind,
    Source,
    Status,
    UnitKind,
    Zone,
    ZoneKind,
)
from ftzinfo._period import Period, PeriodKind
from ftzinfo._quantity import DEFAULT_TOLERANCE, Conversion, Qualifier, Quantity, UnitMismatchError
from ftzinfo._rank import Ranking
from ftzinfo._rollup import AreaRollup
from ftzinfo._schema import json_schema
from ftzinfo._serialize import dumps, from_dict, loads, to_dict
from ftzinfo._series import Series
from ftzinfo._version import DATA_VERSION, __version__
from ftzinfo.exceptions import ConversionError, FtzinfoError, UnknownRecordError, UnknownZoneError, ValidationError

__all__ = [
    "DATA_VERSION",
    "DEFAULT_TOLERANCE",
    "AreaRollup",
    "Comparison",
    "Conversion",
    "ConversionError",
    "Dataset",
    "Evidence",
    "FtzinfoError",
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
