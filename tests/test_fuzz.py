"""Fuzzing the readers: random and mutated input gets a ValidationError, never another exception.

Hypothesis drives the inputs (a bounded number per run, more in CI). Any input that
ever broke a reader stays here as an ``@example``, so it is tried on every run.
"""

from __future__ import annotations

import contextlib
import io
import json
import random

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import ftzinfo
from ftzinfo import Dataset, Period, Quantity, ValidationError

FUZZ = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

figure_words = st.sampled_from(
    ["about", "nearly", "more than", "over", "up", "down", "between", "and", "to", "-", "billion", "bn", "yuan",
     "percent", "%", "$", "US$", "¥", "亿", "万", "元", "超过", "约", "sq km", "(", ")", "double-digit", "a", " "]
)  # fmt: skip
figure_texts = st.lists(
    st.one_of(figure_words, st.integers(-5, 10**6).map(str), st.decimals(allow_nan=False, places=3).map(str)),
    max_size=8,
).map(" ".join)


def _reads_or_refuses(parse, text) -> None:
    with contextlib.suppress(ValidationError):  # a refusal with a reason is the other acceptable answer
        parse(text)


@FUZZ
@given(st.one_of(st.text(max_size=60), figure_texts))
@example("(")
@example("between 5 and")
@example("10 to 20 billion to 30")
@example("$")
@example("1e999999999")
@example("0.0000000000000000000000001 billion")
def test_quantity_parse_reads_or_refuses(text):
    _reads_or_refuses(Quantity.parse, text)


period_words = st.sampled_from(
    ["2025", "-", "/", "Q", "H", "as of", "first half of", "Dec", "12", "31", "年", "月", " "]
)


@FUZZ
@given(st.one_of(st.text(max_size=40), st.lists(period_words, max_size=6).map("".join)))
@example("2025-")
@example("as of as of 2025")
@example("2025/2025/2025")
@example("Q0 2025")
def test_period_parse_reads_or_refuses(text):
    _reads_or_refuses(Period.parse, text)


VALID = (ftzinfo.to_dict(ftzinfo.dataset()),)


def _mutate(data: object, rnd: random.Random, value: object) -> object:
    """Replace one value, somewhere in the structure, by ``value``."""
    if isinstance(data, dict) and data:
        key = rnd.choice(list(data))
        return {**data, key: value if rnd.random() < 0.3 else _mutate(data[key], rnd, value)}
    if isinstance(data, list) and data:
        i = rnd.randrange(len(data))
        return [*data[:i], value if rnd.random() < 0.3 else _mutate(data[i], rnd, value), *data[i + 1 :]]
    return value


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.floats(allow_nan=False),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=5,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False), json_values)
def test_dataset_load_of_a_mutated_file_loads_or_refuses(rnd, value):
    sample = {kind: VALID[0][kind][:20] for kind in ("zones", "initiatives", "indicators", "metrics", "rates")}
    sample["sources"] = VALID[0]["sources"]
    mutated = _mutate(sample, rnd, value)
    text = json.dumps(mutated, default=str)
    with contextlib.suppress(ValidationError):
        Dataset.load(io.StringIO(text), extends=ftzinfo.dataset())


@FUZZ
@given(st.binary(max_size=200))
@example(b"\xef\xbb\xbf")
@example(b'{"zones": [{}]}')
def test_dataset_load_of_random_bytes_refuses(raw):
    with contextlib.suppress(ValidationError):
        Dataset.load(io.BytesIO(raw))
