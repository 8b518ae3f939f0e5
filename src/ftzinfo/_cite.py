"""Citations of the sources behind records: plain text, BibTeX and CSL-JSON."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any, Final

from ftzinfo._initiative import Initiative
from ftzinfo._metric import Metric
from ftzinfo._model import Zone
from ftzinfo._rate import Rate
from ftzinfo._source import Source
from ftzinfo.exceptions import ValidationError

if TYPE_CHECKING:
    from ftzinfo._dataset import Dataset

__all__ = ["cite"]

Citable = Zone | Initiative | Metric | Rate | Source


def cite(ds: Dataset, record: Citable, style: str = "text") -> str:
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


def _bibtex(s: Source) -> str:
    fields = {
        "title": _bibtex_escape(s.title or s.publisher),
        "organization": _bibtex_escape(s.publisher),
        "url": _bibtex_url(s.url),
        "langid": _bibtex_escape(s.language),
    }
    if s.author:
        fields["author"] = "{" + _bibtex_escape(s.author) + "}"  # a byline as one name, not parsed into parts
    when = _date(s)
    if when:
        fields["date"] = when.isoformat()
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
    return f"@online{{{s.id},\n{body}\n}}"


def _csl(s: Source) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": s.id,
        "type": "webpage",
        "title": s.title or s.publisher,
        "container-title": s.publisher,
        "publisher": s.publisher,
        "URL": s.url,
        "language": s.language,
    }
    if s.author:
        item["author"] = [{"literal": s.author}]
    when = _date(s)
    if when:
        item["issued"] = {"date-parts": [[when.year, when.month, when.day]]}
    return item
