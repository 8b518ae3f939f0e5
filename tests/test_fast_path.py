"""The fast structuring path never answers differently from the converter."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ftzinfo
from ftzinfo._io.fast import FAST, Unfit
from ftzinfo._io.serialize import converter, is_structure_error
from ftzinfo._records.kinds import KINDS, TYPES
from strategies import json_paths

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12) | st.sampled_from(["2025", "CNY", "exact", "x"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def _slow(cls: type, data: Any) -> Any:
    try:
        return converter().structure(data, cls)
    except Exception as exc:
        if not is_structure_error(exc):
            raise
        return Unfit


def _fast(cls: type, data: Any) -> Any:
    try:
        return FAST[cls](data)
    except Unfit:
        return Unfit


@pytest.mark.parametrize("kind", KINDS)
def test_fast_and_slow_agree_on_every_bundled_record(kind):
    cls = TYPES[kind]
    for record in ftzinfo.dataset().records(kind):
        data = json.loads(ftzinfo.dumps(record))
        assert _fast(cls, data) == record == _slow(cls, data)


def _samples() -> list[tuple[type, dict[str, Any]]]:
    ds = ftzinfo.dataset()
    picks = [
        ds.zone("lingang"),
        ds.zone("qianhai"),
        ds.metrics()[0],
        ds.metric("cn-qianhai-leasing-cluster-assets-2025-12-15"),
    ]
    picks += [ds.initiatives()[0], ds.indicators()[0], ds.sources()[0], ds.rates()[0]]
    return [(type(r), json.loads(ftzinfo.dumps(r))) for r in picks]


SAMPLES = _samples()


@given(st.data())
def test_a_mutated_record_gets_the_same_answer_from_bothjson_paths(data):
    cls, base = data.draw(st.sampled_from(SAMPLES))
    record = copy.deepcopy(base)
    path = data.draw(st.sampled_from(json_paths(record)))
    target = record
    for key in path[:-1]:
        target = target[key]
    if data.draw(st.booleans()):
        target[path[-1]] = data.draw(json_values)
    elif isinstance(target, dict):
        del target[path[-1]]
    fast, slow = _fast(cls, record), _slow(cls, record)
    assert fast is Unfit or fast == slow
    if slow is Unfit:
        assert fast is Unfit


def test_a_declared_type_reads_the_same_as_text_or_resolved():
    import datetime as dt  # noqa: PLC0415
    from decimal import Decimal  # noqa: PLC0415

    from ftzinfo._io.fast import _BY_TYPE, _type_name  # noqa: PLC0415
    from ftzinfo._records.period import Period  # noqa: PLC0415
    from ftzinfo._records.zone import Evidence, Milestone  # noqa: PLC0415

    pairs = [
        ("Milestone | None", Milestone | None),
        ("tuple[Evidence, ...]", tuple[Evidence, ...]),
        ("tuple[str, ...]", tuple[str, ...]),
        ("dt.date | None", dt.date | None),
        ("dt.date | dt.datetime | None", dt.date | dt.datetime | None),
        ("Decimal", Decimal),
        ("Period | None", Period | None),
        ("Quantity", ftzinfo.Quantity),
    ]
    for text, resolved in pairs:
        assert _BY_TYPE[_type_name(text)] is _BY_TYPE[_type_name(resolved)], text


@pytest.mark.parametrize("kind", KINDS)
def test_the_fast_path_is_made_alike_before_and_after_types_are_resolved(kind):
    import attrs  # noqa: PLC0415

    from ftzinfo._io.fast import _builder  # noqa: PLC0415

    cls = TYPES[kind]
    attrs.resolve_types(cls)  # what a converter does when it first meets the class
    build = _builder(cls)  # made afresh from the resolved declaration
    for record in ftzinfo.dataset().records(kind)[:60]:
        assert build(converter().unstructure(record)) == record
