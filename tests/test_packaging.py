"""The package as users get it: cheap to import, data inside the wheel."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT
from ftzinfo._store.bundled import data_index


def test_import_reads_no_data_and_nothing_heavy():
    code = (
        "import sys, json, ftzinfo._store.bundled as b, ftzinfo; "
        "print(json.dumps({'heavy': sorted(m for m in ('cattrs', 'dateutil', 'pandas') if m in sys.modules), "
        "'loads': b.load_count()}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == {"heavy": [], "loads": 0}


def test_a_first_lookup_loads_only_what_a_zone_needs():
    code = (
        "import sys; before = set(sys.modules); "
        "import ftzinfo; ftzinfo.zone('lingang'); print(*sys.modules.keys() - before)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "ftzinfo._store.zones.cn_shanghai" in loaded  # the zone's family, and no other
    assert not {m for m in loaded if m.startswith("ftzinfo._store.zones.")} - {"ftzinfo._store.zones.cn_shanghai"}
    unneeded = {
        "json",
        "importlib.resources",
        "cattrs",
        "dateutil",
        "ftzinfo._store.dataset",
        "ftzinfo._records.metric",
        "ftzinfo._records.initiative",
        "ftzinfo._records.rate",
        "ftzinfo._records.source",
        "ftzinfo._records.conversion",
        "ftzinfo._display.html",
    }
    assert not loaded & unneeded


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("ftzinfo-*.whl")
    return found


@pytest.mark.slow
def test_wheel_contains_the_package_and_its_data(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()
    package = [n for n in names if not n.startswith("ftzinfo-")]
    assert "ftzinfo/py.typed" in package
    assert "ftzinfo/_store/index.py" in package
    assert all(n.startswith("ftzinfo/") for n in package)
    assert {f"ftzinfo/data/{f}" for f in data_index()["files"]} <= set(package)


@pytest.mark.slow
def test_installed_wheel_loads_its_data(wheel: Path, tmp_path: Path):
    env = tmp_path / "env"
    venv.create(env, with_pip=True)
    python = env / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True)
    code = "import ftzinfo; print(ftzinfo.zone('lingang').id, len(ftzinfo.dataset()))"
    out = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    zone_id, count = out.stdout.split()
    assert zone_id == "cn-shanghai-lingang"
    assert int(count) > 0
    assert (
        "site-packages"
        in subprocess.run(
            [str(python), "-c", "import ftzinfo; print(ftzinfo.__file__)"],
            capture_output=True,
            text=True,
            check=True,
            cwd=tmp_path,
        ).stdout
    )


@pytest.mark.slow
def test_the_wheel_runs_zipped(wheel: Path, tmp_path: Path):
    """Imported straight from the wheel (a zip), the package still finds its data."""
    code = (
        f"import sys; sys.path.insert(0, {str(wheel)!r}); import ftzinfo; "
        f"assert ftzinfo.__spec__.origin.startswith({str(wheel)!r}), ftzinfo.__spec__.origin; "
        "print(ftzinfo.zone('lingang').id, len(ftzinfo.dataset().metrics()))"
    )
    out = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    zone_id, metrics = out.stdout.split()
    assert zone_id == "cn-shanghai-lingang"
    assert int(metrics) > 500
