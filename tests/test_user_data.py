"""Users' own files: strict loading, merging without side effects, the schema, exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import ftzinfo
from cli_runner import run
from ftzinfo import Dataset, ValidationError

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED = json.loads((FIXTURES / "bad-expected.json").read_text(encoding="utf-8"))


def test_the_catalogue_is_large_enough():
    assert len(EXPECTED) >= 40
    assert {p.name for p in (FIXTURES / "bad").iterdir()} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_files_name_the_path_and_the_reason(name):
    path, reason = EXPECTED[name]
    with pytest.raises(ValidationError) as info:
        Dataset.load(FIXTURES / "bad" / name, extends=ftzinfo.dataset())
    where = str(FIXTURES / "bad" / name)
    found = {p.removeprefix(where).removeprefix(": "): r for p, r in info.value.errors}
    assert path in found, (name, info.value.errors)
    assert reason in found[path], (name, found[path])


def test_a_valid_file_loads_and_merges_without_touching_the_bundled_data():
    bundled = ftzinfo.dataset()
    before = ftzinfo.to_dict(bundled)
    user = Dataset.load(FIXTURES / "valid-user-file.json", extends=bundled)
    merged = bundled.merge(user)
    assert merged.zone("My Zone").parent_id == "cn-shanghai-lingang"
    assert merged.metric("my-metric").value.text == "about 120 billion yuan"
    assert "my-zone" in {z.id for z in merged.children("lingang")}
    assert ftzinfo.to_dict(bundled) == before
    assert bundled.get_zone("my-zone") is None


def test_a_user_file_alone_must_resolve_its_references():
    with pytest.raises(ValidationError, match="cn-shanghai-lingang"):
        Dataset.load(FIXTURES / "valid-user-file.json")


def test_merge_conflicts_are_listed_and_leave_nothing_half_done():
    bundled = ftzinfo.dataset()
    lingang = bundled.zone("lingang")
    import attrs  # noqa: PLC0415

    changed = attrs.evolve(lingang, summary="A different summary.")
    other = Dataset(zones=[changed], extends=bundled)
    with pytest.raises(ValidationError) as info:
        bundled.merge(other)
    assert ("zones[0].id", "'cn-shanghai-lingang' is already in the dataset with other content") in info.value.errors
    assert bundled.zone("lingang").summary == lingang.summary
    replaced = bundled.merge(other, override=True)
    assert replaced.zone("lingang").summary == "A different summary."
    assert bundled.merge(Dataset(zones=[lingang], extends=bundled)) == bundled  # the same record is no conflict


def test_use_switches_the_module_functions_and_restores():
    user = Dataset.load(FIXTURES / "valid-user-file.json", extends=ftzinfo.dataset())
    merged = ftzinfo.dataset().merge(user)
    with ftzinfo.use(merged) as active:
        assert active is merged
        assert ftzinfo.zone("my zone").id == "my-zone"
    assert ftzinfo.get_zone("my zone") is None
    ftzinfo.use(merged)
    try:
        assert ftzinfo.zone("my-zone").name == "My Zone"
    finally:
        ftzinfo.use(None)
    assert ftzinfo.get_zone("my-zone") is None
    with pytest.raises(TypeError):
        ftzinfo.use("not a dataset")  # type: ignore[arg-type]


def test_round_trip_through_a_file(tmp_path):
    target = tmp_path / "all.json"
    ftzinfo.dataset().dump(target)
    assert Dataset.load(target) == ftzinfo.dataset()


def test_file_size_limit(tmp_path):
    target = tmp_path / "big.json"
    target.write_text('{"zones": []}' + " " * 2000, encoding="utf-8")
    with pytest.raises(ValidationError, match="the limit of 1000 bytes"):
        Dataset.load(target, max_size=1000)


def test_schema_is_current_and_the_data_fits_it():
    jsonschema = pytest.importorskip("jsonschema", reason="the test extra is not installed")
    from importlib import resources  # noqa: PLC0415

    shipped = json.loads(resources.files("ftzinfo").joinpath("dataset.schema.json").read_text(encoding="utf-8"))
    assert shipped == ftzinfo.json_schema(), "regenerate src/ftzinfo/dataset.schema.json from ftzinfo.json_schema()"
    jsonschema.Draft202012Validator.check_schema(shipped)
    validator = jsonschema.Draft202012Validator(shipped, format_checker=jsonschema.FormatChecker())
    assert list(validator.iter_errors(json.loads(ftzinfo.dumps(ftzinfo.dataset())))) == []
    assert list(validator.iter_errors(json.loads((FIXTURES / "valid-user-file.json").read_text()))) == []
    bad = json.loads((FIXTURES / "bad" / "zone-unknown-kind.json").read_text())
    assert [list(e.path) for e in validator.iter_errors(bad)] == [["zones", 0, "kind"]]


def test_cli_data_option_merges_a_file():
    out = run("--data", str(FIXTURES / "valid-user-file.json"), "show", "my zone")
    assert out.returncode == 0, out.stderr
    assert "My Zone" in out.stdout
    assert "Lin-gang Special Area" in out.stdout


def test_cli_validate_lists_every_problem():
    out = run("validate", str(FIXTURES / "bad" / "metric-unit-yuan.json"))
    assert out.returncode == 1
    assert "metrics[0].value.unit: 'yuan' is not a unit" in out.stderr
    ok = run("validate", str(FIXTURES / "valid-user-file.json"))
    assert ok.returncode == 0, ok.stderr


def test_the_format_page_documents_every_field():
    page = (Path(__file__).parent.parent / "docs" / "format.md").read_text(encoding="utf-8")
    sections = dict(part.split("\n", 1) for part in page.split("\n## ")[1:])
    for name, definition in ftzinfo.json_schema()["$defs"].items():
        assert name in sections, name
        for field in definition["properties"]:
            assert f"| `{field}` |" in sections[name], (name, field)


def test_the_schema_refuses_what_the_loader_refuses_but_the_documented_cases():
    jsonschema = pytest.importorskip("jsonschema", reason="the test extra is not installed")
    validator = jsonschema.Draft202012Validator(ftzinfo.json_schema(), format_checker=jsonschema.FormatChecker())
    page = (Path(__file__).parent.parent / "docs" / "format.md").read_text(encoding="utf-8")
    loader_only = set(re.findall(r"`([a-z0-9-]+\.json)`", page.split("## What only the loader checks", 1)[1]))
    accepted = set()
    for path in sorted((FIXTURES / "bad").glob("*.json")):
        with pytest.raises(ValidationError):
            Dataset.load(path, extends=ftzinfo.dataset())
        try:
            data = json.loads(path.read_bytes())
        except ValueError:
            continue  # not JSON to begin with: nothing for a schema to read
        if not list(validator.iter_errors(data)):
            accepted.add(path.name)
    assert accepted == loader_only


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("metrics", 0, "value", "unit"), "yuan"),
        (("zones", 0, "country"), "China"),
        (("metrics", 0, "period"), "2024-13"),
        (("metrics", 0, "period"), "soon"),
        (("metrics", 0, "evidence", 0, "quote"), "x" * 401),
        (("zones", 0, "established", "date"), "2025-02-30"),
        (("zones", 0, "name"), "Zone \u202e"),
    ],
)
def test_the_schema_refuses_what_the_issue_found_it_accepting(path: tuple[object, ...], value: object):
    jsonschema = pytest.importorskip("jsonschema", reason="the test extra is not installed")
    validator = jsonschema.Draft202012Validator(ftzinfo.json_schema(), format_checker=jsonschema.FormatChecker())
    data = json.loads((FIXTURES / "valid-user-file.json").read_text())
    data["zones"][0].setdefault("established", {"event": "launch", "date": "2025"})
    assert not list(validator.iter_errors(data))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert list(validator.iter_errors(data))
