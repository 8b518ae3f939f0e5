"""Records kept as checked plain data and built on first use: one object per id, whatever the threads.

A :class:`Shelf` holds one kind's ids and a function that builds the record of an
id; it answers like a read-only dict of records by id, building each record the
first time it is asked for, under a lock, and handing out that same object ever
after. :class:`Shelves` answers like the dict of record tuples an eager Dataset
holds, building a whole kind only when the whole kind is asked for.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from typing import Any

__all__ = ["Shelf", "Shelves"]


class Shelf(Mapping[str, Any]):
    """One kind's records by id, each built when first asked for and kept.

    Each id holds its record once built; before that, nothing (None) or the plain data
    (a dict) it is built from. ``build(id, plain)`` builds one; a record is never None
    or a dict, so the two cannot be mistaken.
    """

    __slots__ = ("_all", "_build", "_entries", "_ids", "_lock")

    def __init__(
        self,
        ids: tuple[str, ...],
        build: Callable[[str, Any], Any],
        lock: threading.RLock,
        *,
        entries: dict[str, Any] | None = None,
    ) -> None:
        self._ids = ids
        self._entries: dict[str, Any] = dict.fromkeys(ids) if entries is None else entries
        self._build = build
        self._lock = lock
        self._all: tuple[Any, ...] | None = None

    @classmethod
    def of(cls, ids: tuple[str, ...], records: tuple[Any, ...]) -> Shelf:
        """A shelf of records all built already."""
        shelf = cls(ids, _nothing_to_build, threading.RLock(), entries=dict(zip(ids, records, strict=True)))
        shelf._all = records
        return shelf

    def __getitem__(self, record_id: str) -> Any:
        found = self._entries[record_id]  # KeyError: no such id
        if found is None or type(found) is dict:
            with self._lock:  # one build per id: a second thread waits, then finds it built
                found = self._entries[record_id]
                if found is None or type(found) is dict:
                    found = self._build(record_id, found)
                    self._entries[record_id] = found
        return found

    def __contains__(self, record_id: object) -> bool:
        try:
            return record_id in self._entries
        except TypeError:  # an unhashable key is no id
            return False

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def built(self) -> int:
        """How many of the records have been built so far."""
        return sum(1 for found in self._entries.values() if found is not None and type(found) is not dict)

    def all(self) -> tuple[Any, ...]:
        """Every record, in order, building those not built yet."""
        records = self._all
        if records is None:
            with self._lock:
                records = self._all
                if records is None:
                    records = self._all = tuple(self[i] for i in self._ids)
        return records

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (tuple(self.items()),))  # pickled as the plain dict of its records, all built

    def __repr__(self) -> str:
        return f"<Shelf: {self.built()} of {len(self._ids)} built>"


def _nothing_to_build(record_id: str, plain: Any) -> Any:  # noqa: ARG001 - a builder's signature
    raise AssertionError(f"record {record_id!r} was to be built already")


class Shelves(Mapping[str, tuple[Any, ...]]):
    """Each kind's records as a tuple, in order, built when the kind is first asked for whole."""

    __slots__ = ("_shelves",)

    def __init__(self, shelves: Mapping[str, Shelf]) -> None:
        self._shelves = dict(shelves)

    def __getitem__(self, kind: str) -> tuple[Any, ...]:
        return self._shelves[kind].all()

    def __iter__(self) -> Iterator[str]:
        return iter(self._shelves)

    def __len__(self) -> int:
        return len(self._shelves)

    def shelf(self, kind: str) -> Shelf:
        """The records of ``kind`` by id, built one by one."""
        return self._shelves[kind]

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (tuple((k, s.all()) for k, s in self._shelves.items()),))  # as a plain dict of tuples

    def __repr__(self) -> str:
        return f"<Shelves: {', '.join(f'{k} {s!r}' for k, s in self._shelves.items())}>"
