"""The documentation stays complete: every zone in the catalogue, every public name in the reference."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import ftzinfo

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _catalogue_module():
    spec = importlib.util.spec_from_file_location("catalogue", DOCS / "_ext" / "catalogue.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_catalogue_lists_every_zone_with_its_sources(tmp_path):
    written = _catalogue_module().write_catalogue(tmp_path)
    text = "\n".join(p.read_text(encoding="utf-8") for p in written)
    ds = ftzinfo.dataset()
    for zone in ds.zones():
        assert f"`{zone.id}`" in text, zone.id
        for source in ds.sources_of(zone):
            assert source.url in text, (zone.id, source.id)
    pages = {p.stem for p in written} - {"index"}
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert all(page in index for page in pages)


def test_every_public_name_is_in_the_reference():
    reference = (DOCS / "api.rst").read_text(encoding="utf-8")
    for name in ftzinfo.__all__:
        assert f"ftzinfo.{name}\n" in reference, name


def test_every_page_is_in_a_table_of_contents():
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for page in DOCS.glob("*.md"):
        if page.stem != "index":
            assert f"\n{page.stem}\n" in index, page.name
    assert "\napi\n" in index
