from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given

from ftzinfo import Ordering, Qualifier, Quantity, UnitMismatchError, ValidationError
from strategies import quantities

D = Decimal

PHRASES = [
    # text, value, qualifier, unit, low, high
    ("518", D(518), "exact", "count", D(518), D(518)),
    ("seven", D(7), "exact", "count", D(7), D(7)),
    ("nearly 30 percent", D(30), "nearly", "percent", D(27), D(30)),
    ("exceeding 250 billion yuan ($35.47 billion)", D("250E9"), "more_than", "CNY", D("250E9"), None),
    ("exceeds $40b", D("40E9"), "more_than", "USD", D("40E9"), None),
    ("a double-digit rate", None, "between", "percent", D(10), D(100)),
    ("more than 500", D(500), "more_than", "count", D(500), None),
    ("about 1.2 trillion yuan", D("1.2E12"), "approximately", "CNY", D("1.08E12"), D("1.32E12")),
    ("RMB 3.5 billion", D("3.5E9"), "exact", "CNY", D("3.5E9"), D("3.5E9")),
    ("20-billion-yuan", D("20E9"), "exact", "CNY", D("20E9"), D("20E9")),
    ("US$11 billion", D("11E9"), "exact", "USD", D("11E9"), D("11E9")),
    ("¥1.5 trillion", D("1.5E12"), "exact", "CNY", D("1.5E12"), D("1.5E12")),
    ("up 13.8 percent", D("13.8"), "exact", "percent", D("13.8"), D("13.8")),
    ("down 5.2%", D("-5.2"), "exact", "percent", D("-5.2"), D("-5.2")),
    ("between 10 and 20 percent", None, "between", "percent", D(10), D(20)),
    ("over 10,000", D(10000), "more_than", "count", D(10000), None),
    ("28.78 square kilometers", D("28.78"), "exact", "km2", D("28.78"), D("28.78")),
    ("120.56 sq km", D("120.56"), "exact", "km2", D("120.56"), D("120.56")),
    ("30 measures", D(30), "exact", "count", D(30), D(30)),
    ("at least 80 percent", D(80), "at_least", "percent", D(80), None),
    ("less than 5 percent", D(5), "less_than", "percent", None, D(5)),
    ("up to 100", D(100), "at_most", "count", None, D(100)),
    ("HK$5 billion", D("5E9"), "exact", "HKD", D("5E9"), D("5E9")),
    ("1.2万亿元", D("1.2E12"), "exact", "CNY", D("1.2E12"), D("1.2E12")),
    ("超过3.5亿元", D("3.5E8"), "more_than", "CNY", D("3.5E8"), None),
    ("约120平方公里", D(120), "approximately", "km2", D(108), D(132)),
    ("3.5亿元以上", D("3.5E8"), "at_least", "CNY", D("3.5E8"), None),
    ("1.5 percentage points", D("1.5"), "exact", "pp", D("1.5"), D("1.5")),
]


@pytest.mark.parametrize(("text", "value", "qualifier", "unit", "low", "high"), PHRASES)
def test_parse_phrases(text, value, qualifier, unit, low, high):
    q = Quantity.parse(text)
    assert (q.value, q.qualifier.value, q.unit, q.low, q.high) == (value, qualifier, unit, low, high)
    assert q.text == text


def test_scale_is_kept_exactly():
    q = Quantity.parse("exceeding 250 billion yuan")
    assert q.value is not None
    assert q.value.as_tuple() == D("250E9").as_tuple()


def test_stated_equivalent_carries_the_qualifier():
    q = Quantity.parse("exceeding 250 billion yuan ($35.47 billion)")
    assert q.equivalent is not None
    assert (q.equivalent.value, q.equivalent.unit, q.equivalent.qualifier) == (D("35.47E9"), "USD", Qualifier.MORE_THAN)


def test_double_digit_upper_end_is_open():
    q = Quantity.parse("a double-digit rate")
    assert q.low_closed is True
    assert q.high_closed is False


@pytest.mark.parametrize(
    "text", ["", "   ", "lots of money", "yuan", "5 yuan dollars", "USD 5 yuan", "x" * 400, "about", "percent 5"]
)
def test_parse_rejects_what_it_cannot_read(text):
    with pytest.raises(ValueError, match="cannot read a figure"):
        Quantity.parse(text)


def test_parse_error_quotes_the_text():
    with pytest.raises(ValidationError, match="'lots of money'"):
        Quantity.parse("lots of money")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("more than 250 billion yuan", "200 billion yuan", Ordering.GREATER),
        ("200 billion yuan", "more than 250 billion yuan", Ordering.LESS),
        ("nearly 30 percent", "about 28 percent", Ordering.UNDECIDED),
        ("518", "518", Ordering.EQUAL),
        ("518", "519", Ordering.LESS),
        ("nearly 30 percent", "30 percent", Ordering.LESS),  # [27, 30) lies below 30
        ("at least 30 percent", "30 percent", Ordering.UNDECIDED),  # closed ends touch
        ("more than 30 percent", "30 percent", Ordering.GREATER),  # open end touches a point
        ("about 100", "about 100", Ordering.UNDECIDED),
    ],
)
def test_compare(a, b, expected):
    assert Quantity.parse(a).compare(Quantity.parse(b)) is expected


def test_compare_refuses_different_units():
    with pytest.raises(UnitMismatchError, match="CNY with USD"):
        Quantity.parse("5 billion yuan").compare(Quantity.parse("$5 billion"))


@pytest.mark.parametrize("op", ["__lt__", "__le__", "__gt__", "__ge__"])
def test_plain_ordering_operators_point_to_compare(op):
    a, b = Quantity.parse("5"), Quantity.parse("6")
    with pytest.raises(TypeError, match=r"Quantity\.compare"):
        getattr(a, op)(b)


def test_an_ordering_is_not_a_truth_value():
    result = Quantity.parse("nearly 30 percent").compare(Quantity.parse("about 28 percent"))
    with pytest.raises(TypeError, match="not a truth value"):
        bool(result)


def test_possibly_and_certainly():
    big, small = Quantity.parse("more than 250"), Quantity.parse("200")
    assert big.certainly_greater(small)
    assert not small.possibly_greater(big)
    assert small.certainly_less(big)
    near, about = Quantity.parse("nearly 30 percent"), Quantity.parse("about 28 percent")
    assert near.possibly_greater(about)
    assert near.possibly_less(about)
    assert not near.certainly_greater(about)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("nearly 30 percent", "≈ 30 %"),
        ("exceeding 250 billion yuan", "> 250 bn CNY"),
        ("518", "518"),
        ("over 10,000", "> 10,000"),
        ("28.78 square kilometers", "28.78 km²"),
        ("about 1.2 trillion yuan", "≈ 1.2 tn CNY"),
        ("a double-digit rate", "10–100 %"),
    ],
)
def test_str(text, shown):
    assert str(Quantity.parse(text)) == shown


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"value": D(1), "unit": "yuan"}, "unit"),
        ({"value": D("NaN"), "unit": "count"}, "value"),
        ({"value": None, "unit": "count"}, "value"),
        ({"value": D(5), "unit": "count", "low": D(6)}, "low"),
        ({"value": None, "qualifier": "between", "low": D(5), "high": D(1), "unit": "count"}, "low"),
        ({"value": D("1E40"), "unit": "count"}, "value"),
    ],
)
def test_construction_validates(kwargs, path):
    with pytest.raises(ValidationError) as info:
        Quantity(**kwargs)
    assert info.value.errors[0][0] == path


@given(quantities(), quantities())
def test_ordering_is_antisymmetric(a, b):
    if a.unit != b.unit:
        return
    assert a.compare(b) is b.compare(a).reverse()


@given(quantities(), quantities(), quantities())
def test_ordering_is_transitive_where_decided(a, b, c):
    if not a.unit == b.unit == c.unit:
        return
    if a.compare(b) is Ordering.GREATER and b.compare(c) is Ordering.GREATER:
        assert a.compare(c) is Ordering.GREATER


@given(quantities())
def test_nominal_lies_in_its_interval(q):
    if q.value is not None:
        assert q.low is None or q.low <= q.value
        assert q.high is None or q.value <= q.high


@pytest.mark.parametrize(
    ("text", "low", "high", "low_closed", "high_closed"),
    [
        ("518", D(518), D(518), True, True),
        ("about 20", D(18), D(22), True, True),
        ("nearly 30", D(27), D(30), True, False),
        ("more than 250", D(250), None, False, False),
        ("at least 80", D(80), None, True, False),
        ("less than 5", None, D(5), False, False),
        ("up to 100", None, D(100), False, True),
        ("between 10 and 20", D(10), D(20), True, True),
        ("a double-digit rate", D(10), D(100), True, False),
    ],
)
def test_each_qualifier_has_its_interval(text, low, high, low_closed, high_closed):
    q = Quantity.parse(text)
    assert (q.low, q.high) == (low, high)
    assert (q.low_closed or q.low is None, q.high_closed or q.high is None) == (
        low_closed or low is None,
        high_closed or high is None,
    )
    if low is not None:
        assert (low in q.interval) is low_closed
    if high is not None:
        assert (high in q.interval) is high_closed
