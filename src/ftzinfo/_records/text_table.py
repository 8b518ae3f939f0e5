"""Text primitives for records: aligned tables, numbered source notes, short labels.

Pure functions of records, used by the ``str()`` of analysis results and by the
display layer's text reports.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ftzinfo._records.initiative import Initiative
    from ftzinfo._records.source import Source
    from ftzinfo._records.zone import Zone

__all__ = [
    "Notes",
    "describe_source",
    "display_width",
    "initiative_line",
    "marks",
    "render_notes",
    "table",
    "zone_label",
]


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal (wide East Asian characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """An aligned text table with a rule under the header."""
    body = [list(r) for r in rows]
    widths = [display_width(h) for h in headers]
    for row in body:
        widths = [max(w, display_width(c)) for w, c in zip(widths, row, strict=True)]
    lines = ["  ".join(_pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in body)
    return "\n".join(lines)


def describe_source(source: Source) -> str:
    """One line naming a source: publisher, title, date and address."""
    parts = [source.publisher]
    if source.title:
        parts.append(f"\u201c{source.title}\u201d")
    if source.published is not None:
        parts.append(source.published.isoformat())
    return ", ".join(parts) + f". {source.url}"


def render_notes(sources: Sequence[Source]) -> str:
    """Numbered source lines under a ``Sources:`` heading ("" when there are none)."""
    if not sources:
        return ""
    return "Sources:\n" + "\n".join(f"  [{i}] {describe_source(s)}" for i, s in enumerate(sources, 1))


class Notes:
    """Numbered source notes: each source gets a number the first time it is cited."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}
        self._sources: list[Source] = []

    def numbers(self, sources: Iterable[Source]) -> tuple[int, ...]:
        """The note numbers of these sources, numbering those not yet cited."""
        out = []
        for source in sources:
            if source.id not in self._numbers:
                self._sources.append(source)
                self._numbers[source.id] = len(self._sources)
            out.append(self._numbers[source.id])
        return tuple(out)

    def cite(self, sources: Iterable[Source]) -> str:
        """The note marks for these sources, such as ``[1][2]``."""
        return marks(self.numbers(sources))

    @property
    def sources(self) -> tuple[Source, ...]:
        """The cited sources, in note order."""
        return tuple(self._sources)

    def render(self) -> str:
        """The notes as lines ``[n] publisher, "title", date. url``."""
        return render_notes(self._sources)


def marks(numbers: Iterable[int]) -> str:
    """Note marks such as ``[1][2]``."""
    return "".join(f"[{n}]" for n in numbers)


def zone_label(zone: Zone) -> str:
    """A short column label for a zone: its first Latin-script alias if short, else its name."""
    for alias in zone.aliases:
        if alias.isascii() and len(alias) <= 30:
            return alias
    return zone.name


def initiative_line(initiative: Initiative) -> str:
    """An initiative as one line: date, title, status."""
    when = str(initiative.announced.date) if initiative.announced else "date n/a"
    count = f", {initiative.count}" if initiative.count is not None else ""
    return f"{when}  {initiative.title} [{initiative.kind.value}; {initiative.status.value}{count}]"
