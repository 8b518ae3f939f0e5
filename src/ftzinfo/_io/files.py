"""Reading and writing dataset files: the documented JSON layout, checked strictly.

This module reads and writes the layout's record lists; the store builds a Dataset from them.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any, Final

from ftzinfo._io.fast import FAST, Unfit
from ftzinfo._io.serialize import check_depth, converter, errors_of, is_structure_error
from ftzinfo._io.vouch import VOUCH
from ftzinfo._records.kinds import KINDS, TYPES
from ftzinfo.exceptions import MAX_ERRORS, ValidationError, join_path

__all__ = [
    "FORMAT",
    "MAX_FILE_SIZE",
    "file_name",
    "layout",
    "no_gc",
    "read_limited",
    "structure_record",
    "structure_records",
    "write_json",
]

#: Version of the dataset file layout that :meth:`Dataset.dump` writes.
FORMAT: Final = "1"

#: Largest dataset file :meth:`Dataset.load` reads, in bytes.
MAX_FILE_SIZE: Final = 100 * 1024 * 1024


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cycle collector while building many records.

    The records hold no reference cycles, and the collector's repeated passes over a
    growing heap cost more than the building itself.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def structure_records(data: Any, *, where: str = "", plain: Iterable[str] = ()) -> dict[str, list[Any]]:
    """Structure the record lists of one file layout, without cross-checking references.

    Records of the kinds in ``plain`` that the reader vouches for (see ``vouch``) are
    kept as the plain data they are, to be built on first use: pass only data that no
    one else holds, since the records will be built from it later.

    Raises:
        ValidationError: Every problem found, up to a limit, each with its path.
    """
    if not isinstance(data, Mapping):
        raise ValidationError([(where, f"a dataset is a JSON object, not {type(data).__name__}")])
    problems: list[tuple[str, str]] = []
    problems.extend((join_path(where, str(key)), "unknown field") for key in sorted(set(data) - {"format", *KINDS}))
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        problems.append((join_path(where, "format"), f"{fmt!r} is not a format this version reads ({FORMAT!r})"))
    lists: dict[str, list[Any]] = {}
    keep = frozenset(plain)
    for kind in KINDS:
        items = data.get(kind, [])
        path = join_path(where, kind)
        if not isinstance(items, list):
            problems.append((path, f"expected a list, got {type(items).__name__}"))
            continue
        lists[kind] = _structure_list(items, TYPES[kind], path, problems, plain=kind in keep)
    if problems:
        raise ValidationError(problems)
    return lists


def structure_record(item: Any, cls: type, *, where: str = "") -> Any:
    """Structure one record of class ``cls``, as a file's list would (see :func:`structure_records`).

    Raises:
        ValidationError: Every problem found, each with its path.
    """
    problems: list[tuple[str, str]] = []
    built = _structure_list([item], cls, "", problems)
    if problems:
        raise ValidationError([(join_path(where, p.removeprefix("[0]").lstrip(".")), r) for p, r in problems])
    return built[0]


def _structure_list(
    items: list[Any], cls: type, path: str, problems: list[tuple[str, str]], *, plain: bool = False
) -> list[Any]:
    """Build each record by the fast path; the converter builds (or words the errors of) the rest.

    With ``plain``, a record the reader vouches for is kept as it is, to be built on first use.
    """
    fast, slow = FAST[cls], None
    vouch = VOUCH.get(cls) if plain else None
    out = []
    for i, item in enumerate(items):
        if vouch is not None and vouch(item):
            out.append(item)
            continue
        try:
            out.append(fast(item))
            continue
        except Unfit:
            pass
        if slow is None:
            slow = converter().get_structure_hook(cls)
        try:
            check_depth(item)  # hostile nesting stops here, not deep in a recursion
            out.append(slow(item, cls))
        except Exception as exc:
            if not is_structure_error(exc):
                raise
            problems.extend(errors_of(exc, f"{path}[{i}]"))
        if len(problems) >= MAX_ERRORS:
            raise ValidationError(problems[:MAX_ERRORS])
    return out


def file_name(source: str | os.PathLike[str] | IO[str] | IO[bytes]) -> str:
    """How errors name a file: its path, or an open file's name."""
    return os.fsdecode(source) if isinstance(source, (str, os.PathLike)) else str(getattr(source, "name", "<file>"))


def read_limited(source: str | os.PathLike[str] | IO[str] | IO[bytes], max_size: int, name: str) -> bytes:
    """At most ``max_size`` bytes from a path or an open file; more is an error.

    One rule for every source, whatever it is (a regular file, a pipe, a device such
    as /dev/zero, a text or binary stream): read at most the limit plus one byte and
    refuse the file if that much came. A text stream is measured in UTF-8 bytes.
    """
    if isinstance(max_size, bool) or not isinstance(max_size, int):
        raise TypeError(f"max_size must be an int, not {type(max_size).__name__}")
    if max_size < 0:
        raise ValidationError([("max_size", f"must not be negative, not {max_size}")])
    raw = _read_at_most(source, max_size + 1, name)
    if isinstance(raw, str):
        try:
            raw = raw.encode("utf-8")
        except UnicodeEncodeError:
            raise ValidationError([(name, "the text is not valid Unicode (a lone surrogate)")]) from None
    if not isinstance(raw, bytes):
        raise TypeError(f"the file gave {type(raw).__name__}, not text or bytes")
    if len(raw) > max_size:
        raise ValidationError([(name, f"the file is larger than the limit of {max_size} bytes")])
    return raw


def _read_at_most(source: str | os.PathLike[str] | IO[str] | IO[bytes], limit: int, name: str) -> str | bytes:
    if isinstance(source, (str, os.PathLike)):
        path = os.fsdecode(source)
        if "\0" in path:
            raise ValidationError([(name, "a path cannot contain a NUL character")])
        try:
            with open(path, "rb") as f:  # noqa: PTH123 - pathlib costs a data load 2 ms to import
                return f.read(limit)
        except OSError as exc:
            raise ValidationError([(name, f"cannot read the file: {exc.strerror or exc}")]) from None
    if not hasattr(source, "read"):
        raise TypeError(f"expected a path or an open file, not {type(source).__name__}")
    return source.read(limit)


def layout(records: Mapping[str, Iterable[Any]]) -> dict[str, Any]:
    """Records of each kind in the documented file layout, as plain data."""
    c = converter()
    out: dict[str, Any] = {"format": FORMAT}
    for kind in KINDS:
        out[kind] = [c.unstructure(r) for r in records[kind]]
    return out


def write_json(data: Any, target: str | os.PathLike[str] | IO[str], *, indent: int | None = 1) -> None:
    """Write plain data as JSON (UTF-8 characters kept) to a path or an open text file."""
    text = json.dumps(data, ensure_ascii=False, indent=indent) + "\n"
    if isinstance(target, (str, os.PathLike)):
        with open(target, "w", encoding="utf-8") as f:  # noqa: PTH123 - see _read_at_most
            f.write(text)
    else:
        target.write(text)
