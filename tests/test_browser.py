"""The notebook HTML in a real browser: headless Chromium renders a comparison."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import ftzinfo

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (CI installs Debian's chromium)")


def _page(tmp_path: Path) -> Path:
    table = ftzinfo.compare("qianhai", "lingang", currency="USD")
    page = tmp_path / "comparison.html"
    page.write_text(f'<!doctype html><meta charset="utf-8"><body>{table._repr_html_()}</body>', encoding="utf-8")
    return page


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tmp_path / "profile"
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_comparison_renders_in_chromium(tmp_path):
    page = _page(tmp_path)
    shot = tmp_path / "comparison.png"
    done = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1400,1000", page.as_uri())
    assert shot.exists(), done.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG")
    assert len(data) > 10_000  # a rendered table, not a blank page
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert "Comparison in USD" in dom
    assert "Lin-gang" in dom or "Lingang" in dom
    assert "≈" in dom or "&gt;" in dom
    assert "<script>" not in dom
