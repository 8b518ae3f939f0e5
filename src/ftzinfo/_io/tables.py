"""Flat tables of the records: the layout CSV, Parquet and DataFrames share.

One row per record, one column per fact. Figures stay Decimal (CSV writes them
exactly, Parquet as decimal128, DataFrames as floats); dates stay dates (Parquet
date32); collections stay lists (CSV joins them with "; "). An unbounded end is
null, with its closed flag beside it.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from ftzinfo._io import frames
from ftzinfo._io.files import layout, write_json
from ftzinfo._io.optional import require
from ftzinfo._records.initiative import Initiative
from ftzinfo._records.kinds import KINDS
from ftzinfo._records.metric import Indicator, Metric
from ftzinfo._records.period import Period
from ftzinfo._records.quantity import Quantity
from ftzinfo._records.rate import Rate
from ftzinfo._records.source import Source
from ftzinfo._records.zone import Milestone, Zone
from ftzinfo.exceptions import ValidationError

if TYPE_CHECKING:
    from ftzinfo._io.protocols import Records

__all__ = ["TABLES", "export", "frame", "rows"]

Row = dict[str, Any]


def _join(items: tuple[str, ...]) -> list[str]:
    return list(items)


def _period(prefix: str, p: Period | None) -> Row:
    return {
        prefix: None if p is None else str(p),
        f"{prefix}_start": None if p is None else p.start,
        f"{prefix}_end": None if p is None else p.end,
    }


def _milestone_columns(prefix: str, m: Milestone | None) -> Row:
    return {f"{prefix}_event": None if m is None else m.event.value, **_period(prefix, None if m is None else m.date)}


def _quantity(prefix: str, q: Quantity | None) -> Row:
    sep = f"{prefix}_" if prefix else ""
    return {
        f"{prefix or 'value'}": None if q is None else q.value,
        f"{sep}qualifier": None if q is None else q.qualifier.value,
        f"{sep}low": None if q is None else q.low,
        f"{sep}high": None if q is None else q.high,
        f"{sep}low_closed": None if q is None else q.low_closed,
        f"{sep}high_closed": None if q is None else q.high_closed,
        f"{sep}unit": None if q is None else q.unit,
        f"{sep}text": None if q is None else q.text,
    }


def _sources(record: Zone | Initiative | Metric | Rate) -> list[str]:
    return _join(tuple(dict.fromkeys(ev.source_id for ev in record.evidence)))


def _zone(z: Zone) -> Row:
    return {
        "id": z.id, "name": z.name, "name_zh": z.name_zh, "aliases": _join(z.aliases), "kind": z.kind.value,
        "country": z.country, "subdivision": z.subdivision, "city": z.city, "parent_id": z.parent_id,
        "overlaps": _join(z.overlaps), **_milestone_columns("established", z.established),
        **_quantity("area_km2", z.area_km2), "status": z.status.value, "sectors": _join(z.sectors),
        "summary": z.summary, "sources": _sources(z),
    }  # fmt: skip


def _initiative(i: Initiative) -> Row:
    return {
        "id": i.id, "title": i.title, "title_zh": i.title_zh, "kind": i.kind.value, "status": i.status.value,
        "zone_ids": _join(i.zone_ids), **_milestone_columns("announced", i.announced), "issuer": i.issuer,
        **_period("period", i.period), "sectors": _join(i.sectors), "parent_id": i.parent_id,
        "count": None if i.count is None else i.count.value, "count_text": None if i.count is None else i.count.text,
        "summary": i.summary, "sources": _sources(i),
    }  # fmt: skip


def _metric(m: Metric) -> Row:
    eq = m.value.equivalent
    return {
        "id": m.id, "zone_id": m.zone_id, "indicator": m.indicator, **_quantity("", m.value),
        "equivalent": None if eq is None else eq.value, "equivalent_unit": None if eq is None else eq.unit,
        **_period("period", m.period), "period_kind": None if m.period is None else m.period.kind.value,
        "note": m.note, "sources": _sources(m),
    }  # fmt: skip


def _indicator(i: Indicator) -> Row:
    return {"id": i.id, "name": i.name, "unit_kind": i.unit_kind.value, "measure": i.measure.value,
            "description": i.description}  # fmt: skip


def _rate(r: Rate) -> Row:
    return {"id": r.id, "currency": r.currency, "per": r.per, **_period("period", r.period), "kind": r.kind.value,
            "series": r.series, "value": r.value, "text": r.text, "note": r.note, "sources": _sources(r)}  # fmt: skip


def _source(s: Source) -> Row:
    published = s.published.isoformat() if s.published is not None else None
    return {"id": s.id, "title": s.title, "publisher": s.publisher, "author": s.author, "url": s.url,
            "published": published, "published_date": s.published_date, "language": s.language,
            "original_id": s.original_id, "kind": None if s.kind is None else s.kind.value,
            "accessed": s.accessed}  # fmt: skip


#: The tables, in export order, with how a record becomes a row.
TABLES: Final[dict[str, Callable[[Any], Row]]] = {
    "zones": _zone,
    "initiatives": _initiative,
    "indicators": _indicator,
    "metrics": _metric,
    "rates": _rate,
    "sources": _source,
}


def rows(ds: Records, table: str) -> list[Row]:
    """The rows of one table.

    The tables are ``zones``, ``initiatives``, ``indicators``, ``metrics``, ``rates``,
    ``sources`` and ``evidence`` (one row per quote).
    """
    if table == "evidence":
        return list(_evidence(ds))
    if table not in TABLES:
        raise ValidationError([("table", f"no table {table!r}; the tables are {', '.join([*TABLES, 'evidence'])}")])
    return [TABLES[table](r) for r in ds.records(table)]


def _evidence(ds: Records) -> Iterator[Row]:
    for kind in ("zones", "initiatives", "metrics", "rates"):
        for record in ds.records(kind):
            for n, ev in enumerate(record.evidence):
                yield {"record_kind": kind[:-1], "record_id": record.id, "n": n, "source_id": ev.source_id,
                       "quote": ev.quote}  # fmt: skip


def frame(ds: Records, table: str) -> Any:
    """One table as a pandas DataFrame: figures as floats, dates as datetimes (needs ``ftzinfo[pandas]``)."""
    table_rows = rows(ds, table)
    return frames.frame(table_rows, columns=list(table_rows[0]) if table_rows else None)


def export(ds: Records, target: str | Path, fmt: str = "csv") -> list[Path]:
    """Write every table: one JSON file, or a folder of one CSV or Parquet file per table.

    Returns the paths written.
    """
    target = Path(target)
    if fmt == "json":
        write_json(layout({kind: ds.records(kind) for kind in KINDS}), target)
        return [target]
    if fmt not in {"csv", "parquet"}:
        raise ValidationError([("format", f"no export format {fmt!r}: use csv, json or parquet")])
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for table in [*TABLES, "evidence"]:
        path = target / f"{table}.{fmt}"
        if fmt == "csv":
            _write_csv(rows(ds, table), path)
        else:
            _write_parquet(rows(ds, table), path)
        written.append(path)
    return written


def _write_parquet(table_rows: list[Row], path: Path) -> None:
    """A Parquet file that keeps the types: decimal128 figures, date32 dates, list columns, nulls."""
    pa = require("pyarrow", "parquet")
    pq = require("pyarrow.parquet", "parquet")
    columns = list(table_rows[0]) if table_rows else []
    arrays, fields = [], []
    for name in columns:
        values = [row[name] for row in table_rows]
        kind = _arrow_type(pa, values)
        if isinstance(kind, pa.Decimal128Type):
            values = [None if v is None else v.quantize(Decimal(1).scaleb(-kind.scale)) for v in values]
        arrays.append(pa.array(values, type=kind))
        fields.append(pa.field(name, kind))
    pq.write_table(pa.Table.from_arrays(arrays, schema=pa.schema(fields)), path)


def _arrow_type(pa: Any, values: list[Any]) -> Any:
    """The Arrow type of a column: decimal128 wide enough for every figure, date32, list of strings ..."""
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, Decimal) for v in present):
        scale = max(max(-int(v.as_tuple().exponent), 0) for v in present)
        digits = max(max(v.adjusted() + 1, 1) for v in present)
        if digits + scale <= 38:
            return pa.decimal128(digits + scale, scale)
        return pa.string()  # beyond decimal128: exact as text
    if present and all(isinstance(v, dt.date) and not isinstance(v, dt.datetime) for v in present):
        return pa.date32()
    if present and all(isinstance(v, list) for v in present):
        return pa.list_(pa.string())
    if present and all(isinstance(v, bool) for v in present):
        return pa.bool_()
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return pa.int64()
    return pa.string()


def _write_csv(table_rows: list[Row], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        if not table_rows:
            return
        writer = csv.DictWriter(f, fieldnames=list(table_rows[0]))
        writer.writeheader()
        for row in table_rows:
            writer.writerow({k: _csv_cell(v) for k, v in row.items()})


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(value)
    return value
