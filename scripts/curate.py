"""Check and land candidate records, and list what changed between two data versions.

Run from the repository root:

``python scripts/curate.py check BATCH.json``
    Check a batch of candidate records against the bundled data without changing
    anything: every quote of a metric contains its figure as written, ids follow
    the conventions and are new, every reference resolves, every metric has an
    exact period, every source has a title, a kind and an access date.

``python scripts/curate.py apply BATCH.json [BATCH.json ...]``
    Check, then write the batches into the data files (each zone to its family's
    file, each metric and initiative beside its zone), apply their updates to
    existing records, rewrite the lookup index and run the data self-check.

``python scripts/curate.py diff OLD_REV [NEW_REV]``
    List the records added, changed and removed between two git revisions of the
    data (the working tree when NEW_REV is left out): the CHANGELOG's Data section
    is written from it.

A batch is a JSON object with any of the keys ``sources``, ``indicators``,
``rates``, ``zones``, ``initiatives``, ``metrics`` (new records, in the dataset
file format) and ``source_updates``, ``metric_updates``, ``zone_updates`` (an id
mapped to the fields to set; a zone update may also have ``aliases_add``,
``overlaps_add`` and ``evidence_add``, and a metric update ``evidence``).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "ftzinfo" / "data"
SHARED = {"sources": "sources.json", "indicators": "indicators.json", "rates": "rates.json"}
FAMILY_KINDS = ("zones", "initiatives", "metrics")
ID = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")
ZONE_ID = re.compile(r"^(?:[a-z]{2}|world|africa)-[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE_ID = re.compile(r"^src-[a-z0-9]+(?:-[a-z0-9]+)*$")
UPDATES = (("sources", "source_updates"), ("metrics", "metric_updates"), ("zones", "zone_updates"))
LIST_ADDS = {
    "aliases_add": "aliases",
    "overlaps_add": "overlaps",
    "evidence_add": "evidence",
    "milestones_add": "milestones",
    "sectors_add": "sectors",
}


def read(path: Path) -> dict[str, Any]:
    """A JSON object from a file."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def write(path: Path, data: dict[str, Any]) -> None:
    """A data file as the repository keeps them: one-space indents, UTF-8 kept as it is."""
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def files() -> dict[str, dict[str, Any]]:
    """Every data file's content, by file name."""
    return {p.name: read(p) for p in sorted(DATA.glob("*.json"))}


Known = dict[str, dict[str, tuple[str, dict[str, Any]]]]


def index(data: dict[str, dict[str, Any]]) -> Known:
    """Kind -> id -> (file name, record), over every data file."""
    out: Known = defaultdict(dict)
    for name, content in data.items():
        for kind, records in content.items():
            for record in records:
                out[kind][record["id"]] = (name, record)
    return out


def _id_problems(batch: dict[str, Any], ids: dict[str, set[str]]) -> list[str]:
    found = []
    for kind in (*SHARED, *FAMILY_KINDS):
        for record in batch.get(kind, []):
            rid = record.get("id", "")
            pattern = {"zones": ZONE_ID, "sources": SOURCE_ID}.get(kind, ID)
            if not pattern.match(rid):
                found.append(f"{kind} {rid!r}: not an id of the conventions")
            if rid in ids[kind]:
                found.append(f"{kind} {rid!r}: the id is taken")
            ids[kind].add(rid)
    return found


def _source_problems(batch: dict[str, Any], known: Known) -> list[str]:
    found = [
        f"source {s['id']}: no {field}"
        for s in batch.get("sources", [])
        for field in ("title", "kind", "accessed")
        if not s.get(field)
    ]
    cited = {s["id"] for s in batch.get("sources", [])} | set(known["sources"])
    found += [
        f"{kind} {record['id']}: cites unknown source {ev['source_id']!r}"
        for kind in ("zones", "initiatives", "metrics", "rates")
        for record in batch.get(kind, [])
        for ev in record.get("evidence", [])
        if ev["source_id"] not in cited
    ]
    return found


def _metric_problems(m: dict[str, Any], ids: dict[str, set[str]]) -> list[str]:
    found = []
    text = m["value"].get("text")
    if not m.get("period"):
        found.append(f"metric {m['id']}: no period")
    if not text or not any(text in ev["quote"] for ev in m.get("evidence", [])):
        found.append(f"metric {m['id']}: its figure {text!r} is in none of its quotes")
    if m["zone_id"] not in ids["zones"]:
        found.append(f"metric {m['id']}: unknown zone {m['zone_id']!r}")
    if m["indicator"] not in ids["indicators"]:
        found.append(f"metric {m['id']}: unknown indicator {m['indicator']!r}")
    return found


def problems(batch: dict[str, Any], known: Known) -> list[str]:
    """What is wrong with a batch, read against the data it will join."""
    ids: dict[str, set[str]] = {kind: set(known[kind]) for kind in (*SHARED, *FAMILY_KINDS)}
    found = _id_problems(batch, ids) + _source_problems(batch, known)
    for m in batch.get("metrics", []):
        found += _metric_problems(m, ids)
    found += [
        f"zone {z['id']}: unknown zone {ref!r}"
        for z in batch.get("zones", [])
        for ref in [z.get("parent_id"), *z.get("overlaps", [])]
        if ref is not None and ref not in ids["zones"]
    ]
    found += [
        f"{updates} {rid!r}: no such record"
        for kind, updates in UPDATES
        for rid in batch.get(updates, {})
        if rid not in ids[kind]
    ]
    return found


def family_of(zone: dict[str, Any], placed: dict[str, str], names: set[str]) -> str:
    """The data file a new zone belongs in: its parent's, its province's, China's, or the world's."""
    if zone.get("parent_id") in placed:
        return placed[zone["parent_id"]]
    parts = zone["id"].split("-")
    if zone.get("country") == "CN":
        guess = f"cn-{parts[1]}.json"
        return guess if guess in names else "cn-national.json"
    return "international.json"


def _add(data: dict[str, dict[str, Any]], batch: dict[str, Any], known: Known) -> None:
    """Put a batch's new records in their files: shared kinds, then zones with their metrics."""
    for kind, name in SHARED.items():
        data[name].setdefault(kind, []).extend(batch.get(kind, []))
    placed = {zid: name for zid, (name, _) in known["zones"].items()}
    for z in batch.get("zones", []):
        placed[z["id"]] = family_of(z, placed, set(data))
        data[placed[z["id"]]].setdefault("zones", []).append(z)
    for m in batch.get("metrics", []):
        data[placed[m["zone_id"]]].setdefault("metrics", []).append(m)
    for i in batch.get("initiatives", []):
        data[placed[i["zone_ids"][0]]].setdefault("initiatives", []).append(i)


def _update(data: dict[str, dict[str, Any]], batch: dict[str, Any]) -> None:
    """Apply a batch's updates to existing records: fields set, list items added."""
    records = index(data)
    for kind, updates in UPDATES:
        for rid, fields in batch.get(updates, {}).items():
            record = records[kind][rid][1]
            for key, value in fields.items():
                if key in LIST_ADDS:
                    target = record.setdefault(LIST_ADDS[key], [])
                    target.extend(v for v in value if v not in target)
                else:
                    record[key] = value


def apply(batches: list[dict[str, Any]]) -> None:
    """Check each batch, land it, then write the files only if the whole result loads."""
    data = files()
    for batch in batches:
        known = index(data)
        found = problems(batch, known)
        if found:
            raise SystemExit("\n".join(found))
        _add(data, batch, known)
        _update(data, batch)
    for content in data.values():
        for kind, records in content.items():
            if kind != "indicators":  # the registry's order is the order tables show rows in
                records.sort(key=lambda r: r["id"])
    validate(data)  # nothing is written unless the whole result loads
    for name, content in data.items():
        write(DATA / name, content)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "update_index.py")], check=True)  # noqa: S603 - our own script
    selfcheck = "import ftzinfo._store.selfcheck as c; raise SystemExit(c.main())"
    subprocess.run([sys.executable, "-c", selfcheck], check=True)  # noqa: S603 - our own check


def validate(data: dict[str, dict[str, Any]]) -> None:
    """Load the data as the library will, with its strict reader; raise with every problem's path."""
    from ftzinfo import Dataset  # noqa: PLC0415 - the script runs from a checkout

    merged: dict[str, list[Any]] = defaultdict(list)
    for content in data.values():
        for kind, records in content.items():
            merged[kind].extend(records)
    Dataset.from_dict({"format": "1", **merged})


def _git(*args: str) -> str:
    """What a git command prints, run in the repository (git as the maintainer's PATH finds it)."""
    done = subprocess.run(["git", *args], capture_output=True, text=True, check=True, cwd=ROOT)  # noqa: S603, S607
    return done.stdout


def snapshot(rev: str | None) -> dict[str, dict[str, str]]:
    """Kind -> id -> the record as canonical JSON, at a git revision (None: the working tree)."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    if rev is None:
        contents = {p.name: p.read_text(encoding="utf-8") for p in DATA.glob("*.json")}
    else:
        listing = _git("ls-tree", "--name-only", f"{rev}:src/ftzinfo/data").split()
        contents = {name: _git("show", f"{rev}:src/ftzinfo/data/{name}") for name in listing if name.endswith(".json")}
    for text in contents.values():
        for kind, records in json.loads(text).items():
            for record in records:
                out[kind][record["id"]] = json.dumps(record, sort_keys=True, ensure_ascii=False)
    return out


def diff(old: str, new: str | None) -> str:
    """Records added (+), changed (~) and removed (-) between two revisions, by kind."""
    before, after = snapshot(old), snapshot(new)
    lines = []
    for kind in sorted(set(before) | set(after)):
        a, b = before.get(kind, {}), after.get(kind, {})
        added = sorted(set(b) - set(a))
        removed = sorted(set(a) - set(b))
        changed = sorted(k for k in set(a) & set(b) if a[k] != b[k])
        lines.append(f"{kind}: {len(added)} added, {len(changed)} changed, {len(removed)} removed")
        lines += [f"  + {k}" for k in added]
        lines += [f"  ~ {k}" for k in changed]
        lines += [f"  - {k}" for k in removed]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run a command; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check").add_argument("batch", type=Path)
    sub.add_parser("apply").add_argument("batch", type=Path, nargs="+")
    p = sub.add_parser("diff")
    p.add_argument("old")
    p.add_argument("new", nargs="?")
    args = parser.parse_args(argv)
    if args.command == "check":
        found = problems(read(args.batch), index(files()))
        print("\n".join(found) or "no problems")  # noqa: T201 - a command's report
        return 1 if found else 0
    if args.command == "apply":
        apply([read(b) for b in args.batch])
        return 0
    print(diff(args.old, args.new))  # noqa: T201 - a command's report
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
