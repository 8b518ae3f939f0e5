"""A pydantic v2 model of the same metric records, for the bulk-load comparison."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ConversionModel(_Strict):
    from_unit: str
    to_unit: str
    rate: Decimal | None
    basis: Literal["explicit", "stated", "annual_average"]
    rate_ids: tuple[str, ...] = ()


class QuantityModel(_Strict):
    value: Decimal | None
    qualifier: Literal["exact", "approximately", "nearly", "more_than", "at_least", "less_than", "at_most", "between"]
    low: Decimal | None = None
    high: Decimal | None = None
    low_closed: bool = True
    high_closed: bool = True
    unit: str
    equivalent: QuantityModel | None = None
    text: str | None = None
    conversion: ConversionModel | None = None


class EvidenceModel(_Strict):
    source_id: str
    quote: str


class MetricModel(_Strict):
    id: str
    zone_id: str
    indicator: str
    value: QuantityModel
    period: str | None = None
    note: str | None = None
    evidence: tuple[EvidenceModel, ...] = ()


class ZoneModel(_Strict):
    id: str
    name: str
    kind: str
    country: str


class IndicatorModel(_Strict):
    id: str
    name: str
    unit_kind: str
    measure: str
    description: str | None = None


class SourceModel(_Strict):
    id: str
    publisher: str
    url: str


class FileModel(_Strict):
    format: str = "1"
    zones: tuple[ZoneModel, ...] = ()
    indicators: tuple[IndicatorModel, ...] = ()
    sources: tuple[SourceModel, ...] = ()
    metrics: tuple[MetricModel, ...] = ()
