"""Source: a public page that records cite."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

import attrs

from ftzinfo._records.enums import TextEnum, to_enum
from ftzinfo._records.pickling import restore, state
from ftzinfo._records.reprs import record_repr
from ftzinfo._records.validate import ID_CHECK, OPTIONAL_ID, OPTIONAL_TEXT, fail, text

__all__ = ["Source", "SourceKind"]


class SourceKind(TextEnum):
    """What kind of page a Source is, which says how much weight it bears."""

    GOVERNMENT = "government"
    ZONE_AUTHORITY = "zone_authority"
    NEWS_AGENCY = "news_agency"
    NEWSPAPER = "newspaper"
    TRADE_PRESS = "trade_press"
    REFERENCE = "reference"
    REPUBLICATION = "republication"
    AGGREGATOR = "aggregator"
    OTHER = "other"


def _source_kind(value: object) -> SourceKind | None:
    return None if value is None else to_enum(SourceKind, "kind", value)


def _accessed(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
        raise fail(attribute, f"expected a date, got {type(value).__name__}")


_URL: Final = re.compile(r"^https?://[^\s\x00-\x1f\x7f]+\Z")
_LANGUAGE: Final = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")


def _published(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise fail(attribute, "a time of publication needs a timezone")
    elif not isinstance(value, dt.date):
        raise fail(attribute, f"expected a date or datetime, got {type(value).__name__}")


@attrs.frozen(kw_only=True)
class Source:
    """A public page that records cite.

    Attributes:
        id: Stable id, such as ``chinadailyhk-2025-12-15-qianhai-finance``.
        title: The page's title, or None where the page shows none.
        publisher: Who published it (a news service or an authority).
        author: The byline, or None.
        url: The address exactly as found.
        published: When the page says it was published: a date, or a
            timezone-aware datetime; None where the page does not say.
        language: BCP 47 language of the page (``en``, ``zh``).
        original_id: For a republication, the id of the original it copies.
        kind: What kind of page it is (government, news agency, republication
            ...), or None where not recorded.
        accessed: The date the record was made from the page: an undated page
            was known from then on (see :meth:`Dataset.as_of`); None where not
            recorded.
    """

    __repr__ = record_repr  # see record_repr: attrs makes no __repr__ of its own
    __getstate__ = state
    __setstate__ = restore  # pickles made by 0.2 lack kind and accessed

    id: str = attrs.field(validator=ID_CHECK)
    title: str | None = attrs.field(default=None, validator=OPTIONAL_TEXT)
    publisher: str = attrs.field(validator=text())
    author: str | None = attrs.field(repr=False, default=None, validator=OPTIONAL_TEXT)
    url: str = attrs.field(validator=text(pattern=_URL, what="an http(s) address"))
    published: dt.date | dt.datetime | None = attrs.field(default=None, validator=_published)
    language: str = attrs.field(repr=False, default="en", validator=text(pattern=_LANGUAGE, what="a language tag"))
    original_id: str | None = attrs.field(repr=False, default=None, validator=OPTIONAL_ID)
    kind: SourceKind | None = attrs.field(repr=False, default=None, converter=_source_kind)
    accessed: dt.date | None = attrs.field(repr=False, default=None, validator=_accessed)

    @property
    def published_date(self) -> dt.date | None:
        """The publication date, with any time of day dropped."""
        if isinstance(self.published, dt.datetime):
            return self.published.date()
        return self.published

    @property
    def known_since(self) -> dt.date | None:
        """The first date the page is known to have existed: its publication, else its access."""
        published = self.published_date
        return published if published is not None else self.accessed
