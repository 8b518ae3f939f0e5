"""Rewrite src/ftzinfo/data/index.json after the data changes: zone lookup keys and their files.

Run from the repository root: ``python scripts/update_index.py``. The test suite
fails until the index matches the data.
"""

from __future__ import annotations

import json
from pathlib import Path

import ftzinfo
from ftzinfo._bundled import clear_cache
from ftzinfo._dataset import zone_names
from ftzinfo._text import lookup_keys

DATA = Path(__file__).resolve().parent.parent / "src" / "ftzinfo" / "data"


def build_index() -> dict[str, object]:
    """The index the data files call for: version, files, zone -> file, lookup key -> zone."""
    index = json.loads((DATA / "index.json").read_text(encoding="utf-8"))
    where = {}
    for name in index["files"]:
        for item in json.loads((DATA / name).read_text(encoding="utf-8")).get("zones", ()):
            where[item["id"]] = name
    clear_cache()
    zones = ftzinfo.dataset().zones()
    keys = lookup_keys((z.id, zone_names(z)) for z in zones)
    return {
        "data_version": index["data_version"],
        "files": index["files"],
        "zones": dict(sorted(where.items())),
        "keys": dict(sorted(keys.items())),
    }


if __name__ == "__main__":
    (DATA / "index.json").write_text(json.dumps(build_index(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
