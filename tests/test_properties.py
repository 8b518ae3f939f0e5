"""Laws that hold for every value: round trips, exact digits, parse of what we write, ordering."""

from __future__ import annotations

import copy
import pickle

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import ftzinfo
from ftzinfo import Ordering, Period, Quantity
from strategies import RECORDS, plain_quantities, quantities


@pytest.mark.parametrize("cls", list(RECORDS), ids=lambda c: c.__name__)
@given(data=st.data())
def test_to_dict_and_dumps_round_trip(cls, data):
    value = data.draw(RECORDS[cls])
    assert ftzinfo.from_dict(cls, ftzinfo.to_dict(value)) == value
    assert ftzinfo.loads(cls, ftzinfo.dumps(value)) == value


@pytest.mark.parametrize("cls", list(RECORDS), ids=lambda c: c.__name__)
@given(data=st.data())
def test_records_hash_copy_and_pickle(cls, data):
    value = data.draw(RECORDS[cls])
    assert copy.deepcopy(value) == value
    assert pickle.loads(pickle.dumps(value)) == value  # noqa: S301 - our own objects
    assert hash(copy.deepcopy(value)) == hash(value)


@given(quantities())
def test_decimals_keep_every_digit(q):
    back = ftzinfo.loads(Quantity, ftzinfo.dumps(q))
    for name in ("value", "low", "high"):
        mine, theirs = getattr(q, name), getattr(back, name)
        assert (mine is None and theirs is None) or mine.as_tuple() == theirs.as_tuple()


@given(plain_quantities())
def test_parse_reads_back_the_plain_wording(q):
    wording = q.describe()
    assume(len(wording) <= 300)
    parsed = Quantity.parse(wording)
    equivalent = None if q.equivalent is None else attrs.evolve(q.equivalent, text=parsed.equivalent.text)
    assert parsed == attrs.evolve(q, text=wording, equivalent=equivalent)


@given(st.builds(lambda p: p, RECORDS[Period]))
def test_period_parse_reads_back_its_text(p):
    assert Period.parse(str(p)) == p


@given(quantities(), quantities())
def test_undecided_is_symmetric(a, b):
    b = attrs.evolve(b, unit=a.unit, equivalent=None)
    assert (a.compare(b) is Ordering.UNDECIDED) == (b.compare(a) is Ordering.UNDECIDED)


def test_describe_refuses_what_no_wording_states():
    with pytest.raises(ValueError, match="no plain wording"):
        Quantity.parse("a double-digit rate").describe()
