"""What reading and writing need of a set of records, without knowing the store that holds them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ftzinfo._records.source import Source

__all__ = ["Records"]


class Records(Protocol):
    """A set of records by kind, with the sources each record cites (a Dataset is one)."""

    def records(self, kind: str) -> tuple[Any, ...]:
        """All records of a kind."""
        ...

    def sources_of(self, record: Any) -> tuple[Source, ...]:
        """The sources a record's evidence cites, with the originals of republications."""
        ...
