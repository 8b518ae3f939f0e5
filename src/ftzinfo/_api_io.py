"""The public reading and writing functions: records through the converter, datasets through the store.

Also the flat tables for pandas and other tools. Every function here is part of the
API layer: it may ask the store for the active dataset, which the layers below never do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from ftzinfo._api import _given

if TYPE_CHECKING:
    from pathlib import Path

    from ftzinfo._store.dataset import Dataset

__all__ = ["dumps", "export", "from_dict", "loads", "to_dict", "to_frame"]

T = TypeVar("T")


def to_dict(obj: Any) -> Any:
    """Turn a record (or a Dataset, a Quantity, a Period, a tuple of them) into plain data.

    A Dataset becomes the documented file layout (see :meth:`Dataset.dump`).

    Example:
        >>> ftzinfo.to_dict(ftzinfo.Quantity.parse("nearly 30 percent"))["value"]
        '30'
    """
    from ftzinfo._store.dataset import Dataset  # noqa: PLC0415 - keeps importing ftzinfo cheap

    if isinstance(obj, Dataset):
        from ftzinfo._io.files import layout  # noqa: PLC0415 - the converter loads on first use
        from ftzinfo._records.kinds import KINDS  # noqa: PLC0415 - every record class, only when needed

        return layout({kind: obj.records(kind) for kind in KINDS})
    from ftzinfo._io.serialize import to_dict as plain  # noqa: PLC0415 - the converter (cattrs) loads on first use

    return plain(obj)


def from_dict(cls: type[T], data: Any) -> T:
    """Build a ``cls`` (a record class, or Dataset) from plain data, checking every field.

    Raises:
        ValidationError: The data does not fit; the message names each bad field's path.
    """
    from ftzinfo._store.dataset import Dataset  # noqa: PLC0415 - keeps importing ftzinfo cheap

    if cls is Dataset:
        return Dataset.from_dict(data)  # type: ignore[return-value]
    from ftzinfo._io.serialize import from_dict as plain  # noqa: PLC0415 - the converter (cattrs) loads on first use

    return plain(cls, data)


def dumps(obj: Any, *, indent: int | None = None) -> str:
    """Serialise a record or a Dataset as JSON text (UTF-8 characters kept as they are)."""
    from ftzinfo._io.serialize import json_text  # noqa: PLC0415 - the converter (cattrs) loads on first use

    return json_text(to_dict(obj), indent=indent)


def loads(cls: type[T], text: str | bytes) -> T:
    """Read a ``cls`` from JSON text.

    Numbers are read as Decimal, never float; NaN, Infinity and duplicate keys are errors.

    Raises:
        ValidationError: The text is not valid JSON or does not fit ``cls``.
    """
    from ftzinfo._io.serialize import parse_json  # noqa: PLC0415 - the strict reader loads on first use

    return from_dict(cls, parse_json(text))


def to_frame(table: str, *, dataset: Dataset | None = None) -> Any:
    """One table of the data as a pandas DataFrame (needs ``ftzinfo[pandas]``).

    Tables: ``zones``, ``initiatives``, ``indicators``, ``metrics``, ``rates``,
    ``sources`` and ``evidence`` (one row per quote). Figures are floats in
    ``value``/``low``/``high`` columns beside ``qualifier``, ``unit`` and ``text``;
    periods have ``_start`` and ``_end`` columns. ``dataset``: the dataset to
    tabulate; the active one by default.
    """
    from ftzinfo._io.tables import frame  # noqa: PLC0415 - pandas only when asked for

    return frame(_given(dataset), table)


def export(target: str | Path, *, format: str = "csv", dataset: Dataset | None = None) -> list[Path]:  # noqa: A002 - the CLI's word
    """Write the data for other tools: ``json`` (one file), ``csv`` or ``parquet`` (a folder).

    CSV and Parquet get one file per table (see :func:`to_frame`), which DuckDB,
    Spark and Polars read directly. Parquet needs ``ftzinfo[parquet]``. Returns the
    paths written. ``dataset``: the dataset to write; the active one by default.
    """
    from ftzinfo._io.tables import export as run  # noqa: PLC0415 - writers load on first use

    return run(_given(dataset), target, format)
