"""Laws that hold for every value: round trips, exact digits, parse of what we write, ordering."""

from __future__ import annotations

import copy
import pickle
import re

import attrs
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import ftzinfo
from ftzinfo import Ordering, Period, Quantity
from ftzinfo._records.reprs import record_repr
from ftzinfo._records.validate import has_control, is_country, is_subdivision
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


# The hand-written form checks say exactly what the regular expressions they replace say.
_FORM_TEXT = st.text(alphabet=st.sampled_from("ABCZaz09-_ \t\n\x00\x1f\x7f\u00e9\u4e2d\uff21"), max_size=8)


@given(_FORM_TEXT)
@example("CN")
@example("CN-SH")
@example("GB-LND")
@example("cn-SH")
@example("CN-S1")
@example("CN-")
@example("ＣＮ")
def test_form_checks_agree_with_their_patterns(value):
    assert is_country(value) == bool(re.fullmatch(r"[A-Z]{2}", value))
    assert is_subdivision(value) == bool(re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", value))
    assert has_control(value) == bool(re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", value))


_REPR_SHARED = [cls for cls in RECORDS if cls.__repr__ is record_repr]


@pytest.mark.parametrize("cls", _REPR_SHARED, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_record_repr_is_the_repr_attrs_would_write(cls, data):
    record = data.draw(RECORDS[cls])
    # The same fields in a class attrs writes the repr of itself.
    twin = attrs.make_class(cls.__name__, {a.name: attrs.field(repr=a.repr) for a in attrs.fields(cls)})
    assert repr(record) == repr(twin(**{a.name: getattr(record, a.name) for a in attrs.fields(cls)}))


def test_every_record_shares_the_repr():
    assert {c.__name__ for c in _REPR_SHARED} == {
        "Zone", "Initiative", "Indicator", "Metric", "Rate", "Source", "Evidence", "Milestone"
    }  # fmt: skip
