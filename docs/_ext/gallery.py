"""Draws the chart gallery's pictures when the documentation is built, so they show the code as it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ftzinfo

#: Each picture: its file name, and how to draw it with the public API.
CHARTS: dict[str, Any] = {
    "compare-fdi.png": lambda: ftzinfo.compare(
        "qianhai", "lingang", indicators=["fdi_utilized"], currency="USD"
    ).plot(),
    "compare-trade.png": lambda: ftzinfo.compare(
        "cn-guangdong-ftz", "cn-shandong-ftz", "cn-hainan-ftp", indicators=["trade_value"]
    ).plot(),
    "series-fdi.png": lambda: ftzinfo.series("qianhai", "fdi_utilized").plot(),
    "series-area.png": lambda: ftzinfo.series("cn-shanghai-ftz", "area_km2").plot(),
    "compare-leasing.png": lambda: ftzinfo.compare(
        "cn-qianhai-financial-city-leasing-cluster",
        "cn-tianjin-dongjiang-bonded-port-area",
        indicators=["leasing_assets"],
    ).plot(),
}


def draw(app: Any) -> None:
    """Write every picture into ``docs/_generated/gallery``."""
    target = Path(app.srcdir) / "_generated" / "gallery"
    target.mkdir(parents=True, exist_ok=True)
    for name, chart in CHARTS.items():
        chart().savefig(target / name, dpi=90)


def setup(app: Any) -> dict[str, Any]:
    """Register the drawing step with Sphinx."""
    app.connect("builder-inited", draw)
    return {"parallel_read_safe": True}
