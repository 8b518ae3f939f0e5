"""Vouching never says yes where building fails, and says yes for the data as it is written."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import ftzinfo
from ftzinfo import Metric
from ftzinfo._io.fast import FAST, Unfit
from ftzinfo._io.serialize import converter, is_structure_error
from ftzinfo._io.vouch import VOUCH
from ftzinfo._records.validate import MAX_QUOTE
from strategies import json_paths

vouch = VOUCH[Metric]
METRICS = [json.loads(ftzinfo.dumps(m)) for m in ftzinfo.dataset().metrics()]


def _built(data: Any) -> Any:
    """The metric the converter builds from ``data``, or Unfit where it refuses it."""
    try:
        return converter().structure(data, Metric)
    except Exception as exc:
        if not is_structure_error(exc):
            raise
        return Unfit


def _holds(data: Any) -> None:
    """If vouched for, the fast builder builds it, as the converter does."""
    if vouch(data):
        assert FAST[Metric](data) == _built(data)


def test_every_bundled_metric_is_vouched_for():
    refused = [m["id"] for m in METRICS if not vouch(m)]
    assert not refused
    assert not vouch({"id": "x"})
    assert not vouch([])


numbers = st.sampled_from(["0", "1", "-1", "5", "5.0", "1E21", "1E-30", "NaN", "Infinity", " 7 ", "1_0", "x", ""])
values = st.none() | numbers | st.integers(-5, 5) | st.booleans() | st.lists(st.integers(), max_size=1)
qualifiers = st.sampled_from(
    ["exact", "approximately", "nearly", "more_than", "at_least", "less_than", "at_most", "between", "about", 1]
)
figures = st.fixed_dictionaries(
    {"value": values, "unit": st.sampled_from(["count", "CNY", "km2", "percent", "pp", "furlong", 3])},
    optional={
        "qualifier": qualifiers,
        "low": values,
        "high": values,
        "low_closed": st.booleans() | st.none() | st.just(1),
        "high_closed": st.booleans() | st.none() | st.just(1),
        "text": st.none() | st.sampled_from(["more than 5", "", "\u202e5", "x" * 401, 5]),
        "conversion": st.none() | st.just({}),
    },
)


@settings(max_examples=400)
@given(figure=figures, equivalent=st.none() | figures, base=st.sampled_from(METRICS[:50]))
def test_a_generated_figure_is_vouched_for_only_if_it_builds(figure, equivalent, base):
    data = copy.deepcopy(base)
    if equivalent is not None:
        figure = {**figure, "equivalent": equivalent}
    data["value"] = figure
    _holds(data)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=12)
    | st.sampled_from(["2025", "CNY", "\x00", "a b", "q" * 401, "q" * 2001, "1E21", "-3"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=400)
@given(st.data())
def test_a_mutated_metric_is_vouched_for_only_if_it_builds(data):
    record = copy.deepcopy(data.draw(st.sampled_from(METRICS)))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(json_paths(record) or [()]))
        if not path:
            break
        target = record
        for key in path[:-1]:
            target = target[key]
        choice = data.draw(st.integers(0, 2))
        if choice == 0:
            target[path[-1]] = data.draw(json_values)
        elif choice == 1 and isinstance(target, dict):
            del target[path[-1]]
        elif isinstance(target, dict):
            target[data.draw(st.sampled_from(["extra", "low", "note", "period"]))] = data.draw(json_values)
    _holds(record)


@settings(max_examples=200)
@given(
    value=st.integers(-3, 3).map(str),
    unit=st.sampled_from(["km2", "count", "CNY"]),
    qualifier=qualifiers,
    base=st.sampled_from(METRICS[:50]),
)
def test_a_generated_sign_unit_and_qualifier_are_vouched_for_only_if_they_build(value, unit, qualifier, base):
    data = copy.deepcopy(base)
    data["value"] = {"value": value, "unit": unit, "qualifier": qualifier}
    _holds(data)


quotes = (
    st.text(max_size=3)
    | st.integers(MAX_QUOTE - 2, MAX_QUOTE + 2).map(lambda n: "q" * n)
    | st.sampled_from(["\x00", " ", "\u202e", "a\nb", "x" * 2001])
    | st.integers()
)


@settings(max_examples=200)
@given(
    evidence=st.lists(
        st.fixed_dictionaries(
            {"source_id": st.sampled_from(["src-x", "Bad Id", "", 5]), "quote": quotes},
            optional={"page": st.just(1)},
        ),
        max_size=2,
    )
    | st.none()
    | st.just({}),
    base=st.sampled_from(METRICS[:50]),
)
def test_generated_evidence_is_vouched_for_only_if_it_builds(evidence, base):
    data = copy.deepcopy(base)
    data["evidence"] = evidence
    _holds(data)


@settings(max_examples=50)
@given(length=st.integers(MAX_QUOTE - 3, MAX_QUOTE + 3), base=st.sampled_from(METRICS[:50]))
def test_a_quote_of_any_length_near_the_limit_is_vouched_for_only_if_it_builds(length, base):
    data = copy.deepcopy(base)
    data["evidence"] = [{"source_id": "src-x", "quote": "q" * length}]
    assert vouch(data) is (length <= MAX_QUOTE)
    _holds(data)
