"""The kinds of record a Dataset holds, in file order, and the class of each."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ftzinfo._records.initiative import Initiative
from ftzinfo._records.metric import Indicator, Metric
from ftzinfo._records.rate import Rate
from ftzinfo._records.source import Source
from ftzinfo._records.zone import Zone

__all__ = ["KINDS", "TYPES"]

#: The kinds of record a Dataset holds, in file order.
KINDS: Final = ("zones", "initiatives", "indicators", "metrics", "rates", "sources")

TYPES: Final[Mapping[str, type]] = {
    "zones": Zone,
    "initiatives": Initiative,
    "indicators": Indicator,
    "metrics": Metric,
    "rates": Rate,
    "sources": Source,
}
