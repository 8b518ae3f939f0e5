"""Run every comparison of the performance issue in one process and print medians and ratios.

Whole-process figures alternate the two commands (A B A B ...) and take medians, so a
drift in the machine's speed affects both sides alike. In-process figures use timeit's
best-of-repeats per call. Peak memory is each child process's maximum resident size.
"""

from __future__ import annotations

import argparse
import compileall
import gc
import importlib.util
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.files import real_shaped_file, scaled_bundled_file, scaled_package

PY = sys.executable
COLD_FTZ = "import ftzinfo; ftzinfo.zone('lingang')"
COLD_PYCOUNTRY = "import pycountry; pycountry.countries.get(alpha_2='CN')"
CLI_SHOW = "import sys; sys.argv = ['ftzinfo', 'show', 'lingang']; from ftzinfo._cli import main; main()"
CLI_COMPARE = (
    "import sys; sys.argv = ['ftzinfo', 'compare', 'qianhai', 'lingang']; from ftzinfo._cli import main; main()"
)
# The whole data, timed inside a fresh process after the import, per record.
WHOLE_FTZ = (
    "import time, ftzinfo; t = time.perf_counter(); n = len(ftzinfo.dataset()); print((time.perf_counter() - t) / n)"
)
# The same, then every record of every kind built (the bundled data builds each record on first use).
WHOLE_FTZ_BUILT = (
    "import time, ftzinfo; t = time.perf_counter(); ds = ftzinfo.dataset(); "
    "n = sum(len(ds.records(k)) for k in ('zones', 'initiatives', 'indicators', 'metrics', 'rates', 'sources')); "
    "print((time.perf_counter() - t) / n)"
)
WHOLE_PYCOUNTRY = (
    "import time, pycountry; t = time.perf_counter(); n = len(list(pycountry.subdivisions)); "
    "print((time.perf_counter() - t) / n)"
)
FLOOR = "import attrs, json, decimal, datetime, enum"


# A small launcher starts each measured process: a child forked straight from this (large)
# process would inherit its peak memory in the kernel's accounting.
_LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen([sys.executable, "-c", sys.argv[1]], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss / 1024, status)
"""


def child(code: str) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of ``python -c code``."""
    out = subprocess.run([PY, "-c", _LAUNCHER, code], capture_output=True, text=True, check=True).stdout
    wall, mib, status = out.split()
    if status != "0":
        msg = f"benchmark child failed: {code}"
        raise RuntimeError(msg)
    return float(wall), float(mib)


def inside(code: str, runs: int) -> float:
    """The median of what ``python -c code`` prints (a time it measured itself), over fresh processes."""
    return statistics.median(
        float(subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True).stdout) for _ in range(runs)
    )


def scaling(runs: int) -> list[tuple[int, float]]:
    """Seconds per record to load the whole bundled data 1, 3 and 10 times over, in fresh processes."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for factor in (1, 3, 10):
            path = Path(tmp) / f"x{factor}.json"
            path.write_bytes(scaled_bundled_file(factor))
            code = (
                "import time, ftzinfo; t = time.perf_counter(); "
                f"n = len(ftzinfo.Dataset.load({str(path)!r})); print((time.perf_counter() - t) / n)"
            )
            out.append((factor, inside(code, runs)))
    return out


def scaling_bundled(runs: int) -> list[tuple[int, float]]:
    """Seconds per record of ``ftzinfo.dataset()`` after the import, with the bundled data 1, 3 and 10 times over."""
    code = (
        "import time, ftzinfo; t = time.perf_counter(); ds = ftzinfo.dataset(); n = len(ds); "
        "print((time.perf_counter() - t) / n); "
        "assert type(ds._records).__name__ == 'Shelves', 'the copy does not match its catalogue'"
    )
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for factor in (1, 3, 10):
            folder = scaled_package(factor, Path(tmp))
            compileall.compile_dir(str(folder), quiet=1)
            env = {**os.environ, "PYTHONPATH": str(folder)}
            times = [
                float(subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True, env=env).stdout)
                for _ in range(runs)
            ]
            out.append((factor, statistics.median(times)))
    return out


def paired(a: str, b: str, runs: int) -> dict[str, float]:
    """Medians of A and B run in turn, and the median of the pairwise ratios."""
    child(a), child(b)  # warm the file cache
    wa, wb, ma, mb, ratios = [], [], [], [], []
    for _ in range(runs):
        ta, pa = child(a)
        tb, pb = child(b)
        wa.append(ta)
        wb.append(tb)
        ma.append(pa)
        mb.append(pb)
        ratios.append(ta / tb)
    return {
        "a": statistics.median(wa),
        "b": statistics.median(wb),
        "ratio": statistics.median(ratios),
        "a_mib": max(ma),
        "b_mib": max(mb),
    }


def compile_bytecode() -> None:
    """Write ftzinfo's bytecode, as pip does when it installs a wheel.

    A checkout installed in editable mode has none until Python writes it on a first
    import, and none at all where writing bytecode is turned off; timing cold starts
    without it would time the compiler, not the package.
    """
    spec = importlib.util.find_spec("ftzinfo")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            compileall.compile_dir(location, quiet=1)


def per_call(fn: Callable[[], Any], number: int, repeat: int = 7) -> float:
    """Seconds per call: the best of ``repeat`` rounds of ``number`` calls."""
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def bulk(n: int, repeat: int) -> dict[str, float]:
    """Seconds to read ``n`` metrics: json.loads, Dataset.load (then every metric built), pydantic."""
    import ftzinfo  # noqa: PLC0415

    raw = real_shaped_file(n)
    out: dict[str, list[float]] = {"json": [], "ftzinfo": [], "pydantic": [], "built": []}
    try:
        from pydantic import TypeAdapter  # noqa: PLC0415

        from benchmarks.models import FileModel  # noqa: PLC0415

        adapter: Any = TypeAdapter(FileModel)
    except ImportError:
        adapter = None
    ftzinfo.Dataset.load(io.BytesIO(raw))  # warm: build the converter once
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        json.loads(raw)
        out["json"].append(time.perf_counter() - t)
        gc.collect()
        t = time.perf_counter()
        ftzinfo.Dataset.load(io.BytesIO(raw))
        out["ftzinfo"].append(time.perf_counter() - t)
        gc.collect()
        t = time.perf_counter()
        ftzinfo.Dataset.load(io.BytesIO(raw)).metrics()  # a load, then every metric built
        out["built"].append(time.perf_counter() - t)
        if adapter is not None:
            gc.collect()
            t = time.perf_counter()
            adapter.validate_json(raw)
            out["pydantic"].append(time.perf_counter() - t)
    return {k: statistics.median(v) for k, v in out.items() if v}


def scaled_queries(repeat: int) -> list[tuple[int, float]]:
    """Seconds per ``metrics(zone, indicator=...)`` at 1x, 10x and 100x the bundled metrics."""
    import attrs  # noqa: PLC0415

    import ftzinfo  # noqa: PLC0415

    base = ftzinfo.dataset()
    out = []
    for factor in (1, 10, 100):
        extra = [attrs.evolve(m, id=f"{m.id}-x{k}") for k in range(1, factor) for m in base.metrics()]
        records = {kind: base.records(kind) for kind in ("zones", "initiatives", "indicators", "rates", "sources")}
        ds = ftzinfo.Dataset(**records, metrics=[*base.metrics(), *extra]) if extra else base
        out.append((len(ds.metrics()), per_call(lambda ds=ds: ds.metrics("qianhai", indicator="gdp"), 2000, repeat)))
    return out


class Table:
    """The rows of the printed table: what is compared, A, B, A/B and the target it is held to."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def row(self, what: str, a: str, b: str, ratio: float | None, target: str) -> None:
        """Add a row; the target column says whether the ratio meets it."""
        met = "" if ratio is None or target == "info" else ("yes" if _meets(ratio, target) else "NO")
        self.rows.append((what, a, b, "" if ratio is None else f"{ratio:.2f}", f"{target} {met}".strip()))


def against_pycountry(table: Table, runs: int) -> None:
    """Cold start, lookups, search and the whole data, against pycountry."""
    have_pycountry = _importable("pycountry")
    if have_pycountry:
        compile_bytecode()
        cold = paired(COLD_FTZ, COLD_PYCOUNTRY, runs)
        table.row(
            "cold start + first lookup (ms)",
            f"{cold['a'] * 1e3:.1f}",
            f"{cold['b'] * 1e3:.1f}",
            cold["ratio"],
            "<= 0.90",
        )
        floor = paired(FLOOR, COLD_PYCOUNTRY, runs)
        table.row(
            "  floor: attrs+json+decimal+datetime+enum (ms)",
            f"{floor['a'] * 1e3:.1f}",
            f"{floor['b'] * 1e3:.1f}",
            floor["ratio"],
            "info",
        )
        table.row("  peak memory, cold start (MiB)", f"{cold['a_mib']:.1f}", f"{cold['b_mib']:.1f}", None, "info")

        import pycountry  # noqa: PLC0415

        import ftzinfo  # noqa: PLC0415

        ftzinfo.zone("lingang")
        ref = per_call(lambda: pycountry.countries.get(alpha_2="CN"), 20_000)
        for label, key, target in (
            ("lookup by id (µs)", "cn-shanghai-lingang", "<= 1.00"),
            ("lookup by alias (µs)", "lingang", "<= 1.50"),
            ("lookup by Chinese name (µs)", "临港新片区", "<= 1.50"),
        ):
            t = per_call(lambda key=key: ftzinfo.zone(key), 20_000)
            table.row(label, f"{t * 1e6:.2f}", f"{ref * 1e6:.2f}", t / ref, target)
        fuzzy = per_call(lambda: pycountry.countries.search_fuzzy("korea"), 20)
        ours = per_call(lambda: ftzinfo.search("lingnag"), 200)
        table.row("fuzzy search (ms)", f"{ours * 1e3:.3f}", f"{fuzzy * 1e3:.3f}", ours / fuzzy, "<= 0.15")
        whole = inside(WHOLE_FTZ, runs), inside(WHOLE_PYCOUNTRY, runs), inside(WHOLE_FTZ_BUILT, runs)
        table.row(
            "whole data after import, per record (µs)",
            f"{whole[0] * 1e6:.1f}",
            f"{whole[1] * 1e6:.1f}",
            whole[0] / whole[1],
            "<= 2.00",
        )
        table.row(
            "  the same, then every record built (µs)",
            f"{whole[2] * 1e6:.1f}",
            f"{whole[1] * 1e6:.1f}",
            whole[2] / whole[1],
            "info",
        )
    else:
        table.rows.append(("pycountry is not installed: pip install -e '.[bench]'", "", "", "", ""))


def commands(table: Table, runs: int) -> None:
    """The command line, against a cold zone lookup."""
    cold_lookup = "import ftzinfo; ftzinfo.zone('lingang')"
    for label, code, target in (
        ("ftzinfo show lingang vs a cold lookup (ms)", CLI_SHOW, "<= 2.00"),
        ("ftzinfo compare qianhai lingang vs a cold lookup (ms)", CLI_COMPARE, "<= 2.50"),
    ):
        cli = paired(code, cold_lookup, runs)
        table.row(label, f"{cli['a'] * 1e3:.1f}", f"{cli['b'] * 1e3:.1f}", cli["ratio"], target)


def _flat_rows(table: Table, label: str, timings: list[tuple[int, float]], digits: int) -> None:
    """One row per size, each against the smallest: per-record or per-call costs that should not grow."""
    first = timings[0][1]
    for size, t in timings:
        table.row(label.format(size), f"{t * 1e6:.{digits}f}", f"{first * 1e6:.{digits}f}", t / first, "flat")


def growth(table: Table, quick: bool) -> None:  # noqa: FBT001 - the --quick flag
    """Whole-data loads and filtered queries as the data grows."""
    runs = 3 if quick else 7
    _flat_rows(table, "ftzinfo.dataset() with the bundled data x{}, per record (µs)", scaling_bundled(runs), 1)
    _flat_rows(table, "load a file of the bundled data x{}, every record checked, per record (µs)", scaling(runs), 1)
    _flat_rows(table, "metrics(zone, indicator) over {} metrics (µs)", scaled_queries(runs), 2)


def bulk_rows(table: Table, n: int, repeat: int) -> None:
    """Loading ``n`` real-shaped metrics, against json.loads and pydantic."""
    b = bulk(n, repeat)
    table.row(
        f"load {n:,} metrics vs json.loads (s)",
        f"{b['ftzinfo']:.3f}",
        f"{b['json']:.3f}",
        b["ftzinfo"] / b["json"],
        "<= 2.50",
    )
    table.row(
        "  the same, then every metric built (s)",
        f"{b['built']:.3f}",
        f"{b['json']:.3f}",
        b["built"] / b["json"],
        "info",
    )
    if "pydantic" in b:
        table.row(
            f"load {n:,} metrics vs pydantic (s)",
            f"{b['ftzinfo']:.3f}",
            f"{b['pydantic']:.3f}",
            b["ftzinfo"] / b["pydantic"],
            "< 1.00",
        )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bulk.json"
        path.write_bytes(real_shaped_file(n))
        load = f"import ftzinfo; ftzinfo.Dataset.load({str(path)!r})"
        mem = [child(load)[1]]
        if "pydantic" in b:
            pyd = (
                "from pydantic import TypeAdapter; from benchmarks.models import FileModel; "
                f"TypeAdapter(FileModel).validate_json(open({str(path)!r}, 'rb').read())"
            )
            mem.append(child(pyd)[1])
        table.row(
            f"  peak memory, load {n:,} metrics (MiB)",
            f"{mem[0]:.1f}",
            f"{mem[1]:.1f}" if len(mem) > 1 else "",
            None,
            "info",
        )


def main(argv: list[str] | None = None) -> int:
    """Run the comparisons and print the table; ``--quick`` checks that the benchmark works."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="few repetitions and a small bulk file (for CI)")
    args = parser.parse_args(argv)
    runs, repeat, n = (3, 2, 5_000) if args.quick else (21, 5, 100_000)
    table = Table()
    against_pycountry(table, runs)
    commands(table, runs)
    growth(table, args.quick)
    bulk_rows(table, n, repeat)
    print(f"ftzinfo benchmark: {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, "
          f"{'quick' if args.quick else 'full'} run; A = ftzinfo, B = the reference")  # fmt: skip
    header = ("comparison", "A", "B", "A/B", "target")
    widths = [max(len(r[i]) for r in [header, *table.rows]) for i in range(5)]
    for r in [header, *table.rows]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return 0


def _meets(ratio: float, target: str) -> bool:
    if target.startswith("<="):
        return ratio <= float(target[2:])
    if target.startswith("<"):
        return ratio < float(target[1:])
    if target == "flat":
        return ratio <= 2.0
    return True


def _importable(name: str) -> bool:
    try:
        __import__(name)
    except ImportError:
        return False
    return True
