"""Citations of the sources behind records: plain text, BibTeX and CSL-JSON."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any, Final

from ftzinfo._records.initiative import Initiative
from ftzinfo._records.metric import Metric
from ftzinfo._records.rate import Rate
from ftzinfo._records.source import Source
from ftzinfo._records.zone import Zone
from ftzinfo.exceptions import ValidationError

if TYPE_CHECKING:
    from ftzinfo._io.protocols import Records

__all__ = ["cite"]

Citable = Zone | Initiative | Metric | Rate | Source


def cite(ds: Records, record: Citable, style: str = "text") -> str:
    """See :func:`ftzinfo.cite`."""
    if not hasattr(record, "evidence") and not isinstance(record, Source):
        raise TypeError(f"cite takes a zone, initiative, metric, rate or source, not {type(record).__name__}")
    sources = (record,) if isinstance(record, Source) else ds.sources_of(record)
    if style == "text":
        return "\n".join(_text(s) for s in sources)
    if style == "bibtex":
        return "\n\n".join(_bibtex(s) for s in sources)
    if style == "csl-json":
        return json.dumps([_csl(s) for s in sources], ensure_ascii=False, indent=2)
    raise ValidationError([("style", f"no citation style {style!r}: use text, bibtex or csl-json")])


def _date(s: Source) -> dt.date | None:
    return s.published_date


def _text(s: Source) -> str:
    parts = [s.author] if s.author else []
    parts.append(s.publisher)
    if s.title:
        parts.append(f"\u201c{s.title}.\u201d")
    when = _date(s)
    parts.append(when.isoformat() if when else "n.d.")
    return " ".join(p if p.endswith((".", "\u201d")) else p + "." for p in parts) + f" {s.url}"


_BIBTEX_SPECIAL: Final = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",  # a bare or backslashed brace would still count in BibTeX's brace matching
    "}": r"\textbraceright{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
}
_BIBTEX_RE: Final = re.compile("|".join(re.escape(c) for c in _BIBTEX_SPECIAL))


def _bibtex_escape(text: str) -> str:
    """Text safe inside a braced BibTeX field: every special character written out, braces balanced."""
    return _BIBTEX_RE.sub(lambda m: _BIBTEX_SPECIAL[m.group(0)], " ".join(text.split()))


def _bibtex_url(url: str) -> str:
    """A URL for BibTeX's verbatim ``url`` field: kept as it is, but for braces, percent-encoded."""
    return url.replace("{", "%7B").replace("}", "%7D")


_MONTHS: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _bibtex(s: Source) -> str:
    """A ``@misc`` entry that BibTeX and biblatex both read: the fields each knows, none repeated.

    BibTeX prints ``howpublished``, ``year`` and ``month``; biblatex reads ``url``,
    ``urldate``, ``date``, ``organization`` and ``langid``. A page without a title gets
    no title (never its publisher's name in its place).
    """
    fields: dict[str, str] = {}
    if s.author:
        fields["author"] = "{" + _bibtex_escape(s.author) + "}"  # a byline as one name, not parsed into parts
    if s.title:
        fields["title"] = _bibtex_escape(s.title)
    fields["organization"] = _bibtex_escape(s.publisher)
    url = _bibtex_url(s.url)
    fields["howpublished"] = "\\url{" + url.replace("%", "\\%").replace("#", "\\#") + "}"
    fields["url"] = url
    when = _date(s)
    if when:
        fields["date"] = when.isoformat()
        fields["year"] = str(when.year)
    if s.accessed is not None:
        fields["urldate"] = s.accessed.isoformat()
    fields["langid"] = _bibtex_escape(s.language)
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
    if when:  # a month is a BibTeX macro: written bare, not braced
        body += f",\n  month = {_MONTHS[when.month - 1]}"
    return f"@misc{{{s.id},\n{body}\n}}"


_CSL_TYPES: Final = {
    "news_agency": "article-newspaper",
    "newspaper": "article-newspaper",
    "trade_press": "article-magazine",
    "reference": "entry-encyclopedia",
}


def _csl(s: Source) -> dict[str, Any]:
    """A CSL-JSON item: the type the source's kind implies, each name once, dates as date-parts."""
    kind = None if s.kind is None else s.kind.value
    item: dict[str, Any] = {"id": s.id, "type": _CSL_TYPES.get(kind or "", "webpage"), "URL": s.url}
    if s.title:
        item["title"] = s.title
    if not s.author:  # a page without a byline is cited under its publisher, named once
        item["author"] = [{"literal": s.publisher}]
    else:
        item["author"] = [{"literal": s.author}]
        item["container-title" if item["type"] != "webpage" else "publisher"] = s.publisher
    item["language"] = s.language
    when = _date(s)
    if when:
        item["issued"] = {"date-parts": [[when.year, when.month, when.day]]}
    if s.accessed is not None:
        item["accessed"] = {"date-parts": [[s.accessed.year, s.accessed.month, s.accessed.day]]}
    return item
