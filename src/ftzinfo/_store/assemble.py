"""Putting a Dataset's parts together: records in order, checked against each other, and indexed.

Metrics may come as plain data that the reader has vouched for (see ``ftzinfo._io.vouch``):
they are kept so, and built the first time they are asked for.
"""

from __future__ import annotations

import operator
import threading
from collections import ChainMap
from collections.abc import Mapping, MutableMapping
from itertools import chain, islice
from typing import Any, Final, cast

from ftzinfo._records.kinds import KINDS
from ftzinfo._records.metric import Metric
from ftzinfo._store.indexes import Indexes, Links, zone_keys
from ftzinfo._store.integrity import check_ids, check_references, metric_row
from ftzinfo._store.shelf import Shelf, Shelves
from ftzinfo.exceptions import MAX_ERRORS, ValidationError

__all__ = ["assemble"]


def assemble(
    given: dict[str, tuple[Any, ...]], theirs: Mapping[str, Mapping[str, Any]] | None, preferred: tuple[str, ...]
) -> tuple[Mapping[str, tuple[Any, ...]], Indexes]:
    """The records ``given`` (their types already checked) in order, and their indexes.

    ``theirs`` holds, by kind and id, the records of the dataset these extend, which
    they may refer to; ``preferred`` zones win the names they share with others.

    Raises:
        ValidationError: Ids are not unique, or a reference does not resolve.
    """
    metrics = given["metrics"]
    plain = any(type(m) is dict for m in metrics)
    # Records are kept in id order (indicators in the order given: their order is meaningful).
    records = {k: v if k == "indicators" else tuple(sorted(v, key=_ID)) for k, v in given.items() if k != "metrics"}
    rows = [
        (
            m["id"],
            m["zone_id"],
            m["indicator"],
            m["value"]["unit"],
            tuple([e["source_id"] for e in m.get("evidence", ())]),
        )
        if type(m) is dict  # plain data the reader vouched for
        else metric_row(m)
        for m in metrics
    ]
    keys = [row[0] for row in rows]
    if not all(map(operator.le, keys, keys[1:])):  # a file written by dump() is in order already
        order = sorted(range(len(keys)), key=keys.__getitem__)
        metrics, rows, keys = tuple(metrics[i] for i in order), [rows[i] for i in order], [keys[i] for i in order]
    records["metrics"] = tuple(metrics)
    ids = {kind: tuple(r.id for r in records[kind]) for kind in KINDS if kind != "metrics"}
    ids["metrics"] = tuple(keys)
    by_id: dict[str, Mapping[str, Any]] = {kind: dict(zip(ids[kind], records[kind], strict=True)) for kind in KINDS}
    metric_entries = by_id["metrics"]
    known = by_id
    if theirs is not None:  # read only, so the records extended are built only where a reference needs one
        known = {k: ChainMap(_chained(v), _chained(theirs[k])) for k, v in by_id.items()}
    problems = list(islice(chain(check_ids(ids), check_references(records, known, rows)), MAX_ERRORS))
    if problems:
        raise ValidationError(problems)
    held: Mapping[str, tuple[Any, ...]] = records
    if plain:  # every kind on a shelf; the metrics' plain entries are built when first asked for
        shelves = Shelves(
            {kind: Shelf.of(ids[kind], records[kind]) for kind in KINDS if kind != "metrics"}
            | {"metrics": _metric_shelf(ids["metrics"], cast("dict[str, Any]", metric_entries))}
        )
        by_id = {kind: shelves.shelf(kind) for kind in KINDS}
        held = shelves
    links = Links(
        zones=tuple((z.id, z.parent_id, z.overlaps) for z in records["zones"]),
        initiatives=tuple((i.id, i.zone_ids) for i in records["initiatives"]),
        metrics=tuple(rows),
    )
    return held, Indexes(by_id=by_id, keys=zone_keys(records["zones"], preferred), links=links)


def _chained(records: Mapping[str, Any]) -> MutableMapping[str, Any]:
    return cast("MutableMapping[str, Any]", records)  # a ChainMap that is only read


def _metric_shelf(ids: tuple[str, ...], entries: dict[str, Any]) -> Shelf:
    """The metrics by id: records, or plain data the reader vouched for, built when first asked for."""
    from ftzinfo._io.fast import FAST, Unfit  # noqa: PLC0415 - the reader is loaded: the records came from it
    from ftzinfo._io.files import structure_record  # noqa: PLC0415 - as the line above

    def build(metric_id: str, item: Any) -> Metric:
        try:
            built: Metric = FAST[Metric](item)
        except Unfit:  # not if vouched for; but if ever, the converter says what is wrong, and where
            built = structure_record(item, Metric, where=f"metrics {metric_id!r}")
        return built

    return Shelf(ids, build, threading.RLock(), entries=entries)  # the shelf's own from here: no one else holds it


_ID: Final = operator.attrgetter("id")
