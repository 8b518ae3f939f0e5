"""The files the bulk benchmarks read: records shaped as ftzinfo writes the bundled data.

Each metric is a bundled metric as ``ftzinfo.dataset().dump()`` writes it (explicit bounds
and closed flags, the source's wording, long quotes, equivalents, notes), copied under new
ids until the file holds as many as asked for. The zones, indicators and sources they
cite are there too, so that the file loads on its own.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

__all__ = ["real_shaped_file", "scaled_bundled_file", "scaled_package"]


def _bundled() -> dict[str, Any]:
    import ftzinfo  # noqa: PLC0415 - the benchmark measures ftzinfo's import elsewhere

    data: dict[str, Any] = ftzinfo.to_dict(ftzinfo.dataset())
    return data


def real_shaped_file(n: int) -> bytes:
    """``n`` bundled metrics, copied in turn, with minimal records for what they cite."""
    data = _bundled()
    metrics = data["metrics"]
    copies = []
    for i in range(n):
        metric = dict(metrics[i % len(metrics)])
        metric["id"] = f"{metric['id']}-{i // len(metrics)}"
        copies.append(metric)
    zones = sorted({m["zone_id"] for m in copies})
    indicators = sorted({m["indicator"] for m in copies})
    sources = sorted({e["source_id"] for m in copies for e in m["evidence"]})
    by_indicator = {i["id"]: i for i in data["indicators"]}
    out = {
        "format": "1",
        "zones": [{"id": z, "name": z, "kind": "other", "country": "CN"} for z in zones],
        "indicators": [by_indicator[i] for i in indicators],
        "sources": [{"id": s, "publisher": "P", "url": "https://example.org/"} for s in sources],
        "metrics": copies,
    }
    return json.dumps(out, ensure_ascii=False).encode()


def scaled_bundled_file(factor: int) -> bytes:
    """The whole bundled data ``factor`` times over: every record copied under new ids."""
    data = _bundled()
    if factor == 1:
        return json.dumps(data, ensure_ascii=False).encode()
    out: dict[str, Any] = {"format": "1", "indicators": data["indicators"]}
    kinds = ("zones", "initiatives", "metrics", "rates", "sources")
    for kind in kinds:
        out[kind] = []
    ids = {r["id"] for kind in kinds for r in data[kind]}
    for k in range(factor):
        for kind in kinds:
            out[kind].extend(data[kind] if k == 0 else [_renamed(r, ids, f"-x{k}") for r in data[kind]])
    return json.dumps(out, ensure_ascii=False).encode()


def scaled_package(factor: int, root: Path) -> Path:
    """A copy of the ftzinfo package under ``root`` whose bundled data holds ``factor`` times the records.

    Every data file's records are copied under new ids (indicators are shared), and the
    lookup index and catalogue are generated again from them, as a release would be; the
    returned folder goes on ``PYTHONPATH`` to import the copy.
    """
    from scripts.update_index import write_index  # noqa: PLC0415 - the release's own generator

    import ftzinfo  # noqa: PLC0415 - the benchmark measures ftzinfo's import elsewhere

    folder = root / f"x{factor}"
    package = folder / "ftzinfo"
    shutil.copytree(Path(ftzinfo.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    files = {p.name: json.loads(p.read_bytes()) for p in (package / "data").glob("*.json")}
    kinds = ("zones", "initiatives", "metrics", "rates", "sources")
    ids = {r["id"] for data in files.values() for kind in kinds for r in data.get(kind, [])}
    for name, data in files.items():
        for kind in kinds:
            if kind in data:
                data[kind] += [_renamed(r, ids, f"-x{k}") for k in range(1, factor) for r in data[kind]]
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        (package / "data" / name).write_text(text, encoding="utf-8")
    write_index(package)
    return folder


#: The fields that hold a record's own id or refer to another record's.
_REFERENCES = frozenset({"id", "parent_id", "overlaps", "zone_ids", "zone_id", "source_id", "original_id", "rate_ids"})


def _renamed(value: Any, ids: set[str], suffix: str, key: str = "") -> Any:
    """``value`` with every id it holds or refers to given ``suffix`` (indicators are shared, not copied)."""
    if isinstance(value, dict):
        return {k: _renamed(v, ids, suffix, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_renamed(v, ids, suffix, key) for v in value]
    if key in _REFERENCES and isinstance(value, str) and value in ids:
        return value + suffix
    return value
