"""The ``ftzinfo`` command: parses arguments, calls the API, prints what it returns."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from ftzinfo import _api, _api_io
from ftzinfo._api import dataset
from ftzinfo._records.initiative import Initiative
from ftzinfo._records.kinds import KINDS
from ftzinfo._records.metric import Metric
from ftzinfo._records.zone import Zone, ZoneKind
from ftzinfo._store.dataset import Dataset
from ftzinfo._version import DATA_VERSION, __version__
from ftzinfo.exceptions import FtzinfoError, UnknownRecordError, ValidationError

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 failure, 2 usage error)."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        ds = dataset()
        if args.data is not None:
            ds = ds.merge(Dataset.load(args.data, extends=ds, override=args.override), override=args.override)
        out = args.run(ds, args)
        status = 0
        if isinstance(out, tuple):  # a command that reports a failure as data (validate --json)
            out, status = out
    except FtzinfoError as exc:
        print(f"ftzinfo: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"ftzinfo: {exc.strerror or exc}", file=sys.stderr)
        return 1
    try:
        sys.stdout.write(out if out.endswith("\n") else out + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early ("| head"); not an error
        return status
    return status


def _json(data: Any) -> str:
    from ftzinfo._io.serialize import to_dict  # noqa: PLC0415 - cattrs only when printing JSON

    plain = to_dict(data) if not isinstance(data, (dict, list)) else data
    return json.dumps(plain, ensure_ascii=False, indent=2, default=str)  # Decimal figures as strings


def _records(items: Sequence[Any]) -> list[Any]:
    """Records as plain data; a period also as its first and last day, for tools that read dates."""
    from ftzinfo._io.serialize import to_dict  # noqa: PLC0415 - cattrs only for --json

    out = []
    for item in items:
        data = to_dict(item)
        period = getattr(item, "period", None)
        if period is not None and isinstance(data, dict):
            data["period_start"], data["period_end"] = period.start.isoformat(), period.end.isoformat()
        out.append(data)
    return out


def _zones(ds: Dataset, args: argparse.Namespace) -> str:
    from ftzinfo._display.text import render_zone_list  # noqa: PLC0415 - each command loads what it prints

    found = ds.zones(country=args.country, kind=args.kind, parent=args.parent)
    return _json(_records(found)) if args.json else render_zone_list(found)


def _show(ds: Dataset, args: argparse.Namespace) -> str:
    from ftzinfo._display.text import render_zone  # noqa: PLC0415 - each command loads what it prints

    zone = ds.zone(args.key)
    if not args.json:
        return render_zone(ds, zone)
    records: list[Zone | Initiative | Metric] = [zone, *ds.initiatives(zone), *ds.metrics(zone)]
    cited = {s.id: s for r in records for s in ds.sources_of(r)}
    return _json(
        {
            "zone": _records([zone])[0],
            "children": [c.id for c in ds.children(zone)],
            "overlaps": [o.id for o in ds.overlapping(zone)],
            "initiatives": _records(ds.initiatives(zone)),
            "metrics": _records(ds.metrics(zone)),
            "sources": _records(list(cited.values())),
        }
    )


def _initiatives(ds: Dataset, args: argparse.Namespace) -> str:
    from ftzinfo._display.text import render_initiatives  # noqa: PLC0415 - each command loads what it prints

    found = ds.initiatives(args.key)
    return _json(_records(found)) if args.json else render_initiatives(ds, found)


def _metrics(ds: Dataset, args: argparse.Namespace) -> str:
    from ftzinfo._display.text import render_metrics  # noqa: PLC0415 - each command loads what it prints

    found = ds.metrics(args.key, indicator=args.indicator)
    return _json(_records(found)) if args.json else render_metrics(ds, found)


def _compare(ds: Dataset, args: argparse.Namespace) -> str:
    table = _api.compare(
        *args.keys,
        indicators=args.indicator or None,
        period=args.period,
        currency=args.currency,
        as_of=args.as_of,
        dataset=ds,
    )
    if args.json:
        empty = [
            {"indicator": i.id, "zone": z.id, "elsewhere": [{"zone": w.zone.id, "relation": w.relation} for w in ws]}
            for i, row in zip(table.indicators, table.elsewhere, strict=True)
            for z, ws in zip(table.zones, row, strict=True)
            if ws
        ]
        return _json({"rows": table.to_records(), "cells": table.to_long_records(), "empty": empty})
    return str(table)


def _rank(ds: Dataset, args: argparse.Namespace) -> str:
    zones = tuple(args.zone) if args.zone else None
    ranking = _api.rank(
        args.indicator,
        zones=zones,
        period=args.period,
        currency=args.currency,
        kind=args.kind,
        as_of=args.as_of,
        dataset=ds,
    )
    return _json(ranking.to_json_data()) if args.json else str(ranking)


def _series(ds: Dataset, args: argparse.Namespace) -> str:
    if args.as_of is not None:
        ds = ds.as_of(args.as_of)
    found = _api.series(args.key, args.indicator, dataset=ds)
    if args.json:
        return _json(
            {
                "zone": found.zone.id,
                "indicator": found.indicator.id,
                "groups": {label: _records(ms) for label, ms in found.groups().items()},
                "elsewhere": [{"zone": w.zone.id, "relation": w.relation} for w in found.elsewhere],
            }
        )
    return str(found)


def _search(ds: Dataset, args: argparse.Namespace) -> str:
    from ftzinfo._display.text import render_zone_list  # noqa: PLC0415 - each command loads what it prints

    found = ds.search(args.text, limit=args.limit)
    return _json(_records(found)) if args.json else render_zone_list(found)


def _export(ds: Dataset, args: argparse.Namespace) -> str:
    if args.output is None:
        if args.format != "json":
            raise FtzinfoError(f"--format {args.format} writes a folder of files: give --output DIRECTORY")
        return _api_io.dumps(ds, indent=1)
    written = _api_io.export(args.output, format=args.format, dataset=ds)
    return f"wrote {len(ds)} records to {len(written)} file(s) under {args.output}"


def _cite(ds: Dataset, args: argparse.Namespace) -> str:
    record: Any
    rates = {r.id: r for r in ds.rates()}
    for lookup in (ds.zone, ds.initiative, ds.metric, ds.source, rates.__getitem__):
        try:
            record = lookup(args.id)
            break
        except (FtzinfoError, KeyError):
            continue
    else:
        raise UnknownRecordError("record", args.id, [z.name for z in ds.search(args.id, limit=3)])
    text = _api.cite(record, args.style, dataset=ds)
    if args.json:
        cited = [record] if record.__class__.__name__ == "Source" else list(ds.sources_of(record))
        return _json({"record": record.id, "style": args.style, "citation": text, "sources": _records(cited)})
    return text


def _validate(ds: Dataset, args: argparse.Namespace) -> str | tuple[str, int]:

    try:
        loaded = Dataset.load(args.file, extends=ds)
        ds.merge(loaded)  # references and ids are checked against the data it extends
    except ValidationError as exc:
        if not args.json:
            raise
        problems = [{"path": path, "message": message} for path, message in exc.errors]
        return _json({"file": args.file, "valid": False, "problems": problems}), 1
    if args.json:
        counts = {kind: len(loaded.records(kind)) for kind in KINDS}
        return _json({"file": args.file, "valid": True, "problems": [], "records": counts})
    return f"{args.file}: valid ({loaded!r})"


def _indicators(ds: Dataset, args: argparse.Namespace) -> str:
    from ftzinfo._records.text_table import table  # noqa: PLC0415 - each command loads what it prints

    found = ds.indicators() if args.key is None else (ds.indicator(args.key),)
    if args.json:
        return _json(_records(found))
    rows = [[i.id, i.name, i.unit_kind.value, i.measure.value] for i in found]
    text = table(["id", "name", "unit kind", "measure"], rows)
    if args.key is not None and found[0].description:
        text += "\n\n" + found[0].description
    return text


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as YYYY-MM-DD") from None


def _analysis_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--period", help="figures for this period (2024, 2025-H1 ...); default: the latest")
    p.add_argument("--currency", help="convert money to this currency, e.g. USD")
    p.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD", help="only what was known by this date")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ftzinfo",
        description="Look up free trade zones, their initiatives and figures, with their sources.",
    )
    parser.add_argument("--version", action="version", version=f"ftzinfo {__version__} (data {DATA_VERSION})")
    parser.add_argument("--data", metavar="FILE", help="add the records of a dataset file to the bundled data")
    parser.add_argument("--override", action="store_true", help="with --data: let the file's records replace ours")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print machine-readable JSON")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        name: str, run: Callable[[Dataset, argparse.Namespace], str | tuple[str, int]], help_: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help_, description=help_)
        p.set_defaults(run=run)
        return p

    p = command("zones", _zones, "list zones")
    p.add_argument("--country", help="ISO 3166-1 alpha-2 code, e.g. CN")
    p.add_argument("--kind", choices=[k.value for k in ZoneKind], help="only zones of this kind")
    p.add_argument("--parent", help="only zones directly inside this zone")
    command("show", _show, "show one zone with its areas, initiatives, metrics and sources").add_argument(
        "key", help="id, name or alias"
    )
    command("initiatives", _initiatives, "list a zone's initiatives").add_argument("key", help="id, name or alias")
    p = command("metrics", _metrics, "list a zone's metrics")
    p.add_argument("key", help="id, name or alias")
    p.add_argument("--indicator", help="only this indicator")
    p = command("compare", _compare, "compare zones side by side")
    p.add_argument("keys", nargs="+", metavar="KEY", help="ids, names or aliases")
    p.add_argument("--indicator", action="append", help="a row to show (repeatable); default: all")
    _analysis_options(p)
    p = command("rank", _rank, "order zones by an indicator, ties kept as ties")
    p.add_argument("indicator", help="an indicator id, e.g. fdi_utilized")
    p.add_argument("--zone", action="append", help="a zone to rank (repeatable); default: all with a figure")
    p.add_argument("--kind", choices=[k.value for k in ZoneKind], help="only zones of this kind")
    _analysis_options(p)
    p = command("series", _series, "a zone's figures for one indicator over time")
    p.add_argument("key", help="id, name or alias")
    p.add_argument("indicator", help="an indicator id, e.g. area_km2")
    p.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD", help="only what was known by this date")
    p = command("search", _search, "find zones by approximate name")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=10)
    p = command("export", _export, "write the whole dataset")
    p.add_argument("--format", choices=["json", "csv", "parquet"], default="json")
    p.add_argument("--output", help="file (json) or folder (csv, parquet) to write; json goes to standard output")
    p = command("cite", _cite, "cite the sources of a zone, initiative, metric or source")
    p.add_argument("id", help="a zone key, or the id of an initiative, metric, rate or source")
    p.add_argument("--style", choices=["text", "bibtex", "csl-json"], default="text")
    command("validate", _validate, "check a dataset file").add_argument("file")
    command("indicators", _indicators, "list the indicators, or show one by id or name").add_argument(
        "key", nargs="?", help="an indicator id or name (forgiving of case and spacing)"
    )
    return parser
