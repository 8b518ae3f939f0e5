"""Whole classes of wrong answers closed: misread wordings, poisoned state, guessed dates, limits, texts."""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import io
import os
import threading
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ftzinfo
from ftzinfo import Dataset, Evidence, Indicator, Metric, Period, Quantity, Source, ValidationError, Zone
from ftzinfo._records.exact import CONTEXT
from ftzinfo._records.quantity_parse import FOREIGN_FIGURE_WORDS
from test_bad_input import no_hang

# -- 1. every word of a figure is understood, or the text is refused ------------------------------

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]  # fmt: skip
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    """English words for 0 <= n < 1,000,000, written the ways sources write them."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " and " + _words(rest))
    rest = n % 1000
    return _words(n // 1000) + " thousand" + ("" if rest == 0 else " " + _words(rest))


@given(st.integers(0, 999_999))
def test_english_number_words_read_as_their_value(n: int) -> None:
    assert Quantity.parse(_words(n)).value == n
    assert Quantity.parse(_words(n) + " companies").value == n


_CN_DIGITS = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    """A Chinese numeral for 1 <= n < 10,000."""
    out, started = "", False
    for value, mark in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            out += _CN_DIGITS[digit] + mark
            started = True
        elif started and n % value:
            out += "" if out.endswith("零") else "零"
    return out


@given(st.integers(1, 9999), st.sampled_from([("万", 4), ("亿", 8), ("万亿", 12), ("", 0)]))
def test_chinese_numerals_with_scales(n: int, scale: tuple[str, int]) -> None:
    word, power = scale
    assert Quantity.parse(_chinese(n) + word + "元").value == n * Decimal(10) ** power


@given(
    st.integers(1, 9999), st.sampled_from([("万", 4), ("亿", 8), ("千万", 7), ("百万", 6), ("万亿", 12), ("多亿", 8)])
)
def test_digits_with_compound_scales(n: int, scale: tuple[str, int]) -> None:
    word, power = scale
    q = Quantity.parse(f"{n}{word}元")
    assert q.value == n * Decimal(10) ** power
    assert q.qualifier.value == ("more_than" if "多" in word else "exact")


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "unit"),
    [
        ("5 millions", Decimal("5E6"), "exact", "count"),
        ("$1.2 bln", Decimal("1.2E9"), "exact", "USD"),
        ("two hundred", Decimal(200), "exact", "count"),
        ("3千万", Decimal("3E7"), "exact", "count"),
        ("30多亿元", Decimal("3E9"), "more_than", "CNY"),
        ("down more than 5%", Decimal(-5), "less_than", "percent"),
        ("fell by at least 2 percent", Decimal(-2), "at_most", "percent"),
        ("5 JPY", Decimal(5), "exact", "JPY"),
        ("JPY 5 billion", Decimal("5E9"), "exact", "JPY"),
        ("34.1 percent more", Decimal("34.1"), "exact", "percent"),
        ("12 percent lower", Decimal(-12), "exact", "percent"),
    ],
)
def test_wordings_read_as_they_say(text: str, value: Decimal, qualifier: str, unit: str) -> None:
    q = Quantity.parse(text)
    assert (q.value, q.qualifier.value, q.unit) == (value, qualifier, unit)


@given(
    st.integers(1, 999),
    st.sampled_from(["millions", "bln", "billion", "yuan", "dollars", "percent", "five", "hundred", "USD", "JPY"]),
)
def test_a_figure_word_after_a_noun_is_refused(n: int, word: str) -> None:
    with pytest.raises(ValidationError, match="cannot read"):
        Quantity.parse(f"{n} new firms {word}")


@given(
    st.integers(1, 999),
    st.sampled_from(sorted(FOREIGN_FIGURE_WORDS)),
    st.sampled_from(["", " de yuans", " companies"]),
    st.booleans(),
)
def test_a_scale_or_currency_in_another_language_is_refused_not_counted(
    n: int,
    word: str,
    tail: str,
    title: bool,  # noqa: FBT001
) -> None:
    """ "12 milliards de yuans" is not twelve things called milliards: the reader refuses it."""
    with pytest.raises(ValidationError, match="cannot read"):
        Quantity.parse(f"{n} {word.title() if title else word}{tail}")


@pytest.mark.parametrize(
    "text",
    ["RMB 10 to USD 20", "10 percent to 20 dollars", "30 percent (2024)", "5 billion yuan (up 12 percent)", "20 to 10"],
)
def test_wordings_with_two_readings_are_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="cannot read a figure"):
        Quantity.parse(text)


@given(st.integers(1, 10**6), st.sampled_from(["down", "fell", "declined", "dropped", "下降"]), st.booleans())
def test_a_fall_is_negative_and_its_bound_turns(n: int, word: str, loose: bool) -> None:  # noqa: FBT001
    text = f"{word} {'more than ' if loose else ''}{n} percent"
    q = Quantity.parse(text)
    assert q.value == -n
    if loose:  # a fall of more than n percent is a change below -n percent
        assert q.high == -n
        assert q.low is None


# -- 3. process state cannot be poisoned ---------------------------------------------------------------


@given(st.integers(-100, 100))
def test_a_rejected_value_does_not_poison_the_cache(n: int) -> None:
    with pytest.raises(ValidationError):
        Quantity(value=n, unit="count")  # type: ignore[arg-type]
    assert Quantity.parse(str(n)).low == Decimal(n)
    assert type(Quantity.parse(str(n)).low) is Decimal


def test_a_callers_decimal_context_changes_nothing() -> None:
    expected = Quantity.parse("about 123456789.123")
    results: list[Quantity] = []

    def low_precision() -> None:
        decimal.getcontext().prec = 3
        results.append(Quantity.parse("about 123456789.123"))
        results.append(Quantity.parse("1234567") + Quantity.parse("1"))

    thread = threading.Thread(target=low_precision)
    thread.start()
    thread.join()
    assert results[0] == expected
    assert results[1].value == Decimal(1234568)
    assert Quantity.parse("about 123456789.123") == expected


# -- 4. dates with more than one reading are refused ---------------------------------------------------


@given(st.integers(1, 12), st.integers(1, 12), st.integers(0, 99), st.sampled_from(["/", " ", "-", "."]))
def test_numeric_dates_that_read_several_ways_are_refused(a: int, b: int, c: int, sep: str) -> None:
    with pytest.raises(ValidationError, match="cannot read a period"):
        Period.parse(f"{a}{sep}{b}{sep}{c}")
    with pytest.raises(ValidationError, match="cannot read a period"):
        Period.parse(f"{a}{sep}{b}{sep}{2000 + c}")


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_dates_with_one_reading_are_read(day: dt.date) -> None:
    assert Period.parse(day.strftime("%B %d, %Y")).start == day
    assert Period.parse(day.strftime("%d %B %Y")).start == day
    assert Period.parse(f"{day.year}/{day.month}/{day.day}").start == day


# -- 6. limits hold for every kind of source ----------------------------------------------------------


def test_a_device_is_read_only_to_the_limit() -> None:
    with pytest.raises(ValidationError, match="larger than the limit of 1000 bytes"):
        Dataset.load("/dev/zero", max_size=1000)


def test_a_fifo_is_read_only_to_the_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("wb") as f, contextlib.suppress(BrokenPipeError):
            f.write(b" " * 5000)

    writer = threading.Thread(target=feed)
    writer.start()
    with pytest.raises(ValidationError, match="larger than the limit"):
        Dataset.load(fifo, max_size=1000)
    writer.join(timeout=5)


@given(st.integers(1, 600))
def test_a_text_stream_is_measured_in_bytes(n: int) -> None:
    text = '{"zones": [], "x": "' + "é" * n + '"}'
    limit = len(text) + 10  # enough characters, too few bytes once é takes two
    if len(text.encode()) > limit:
        with pytest.raises(ValidationError, match="larger than the limit"):
            Dataset.load(io.StringIO(text), max_size=limit)


# -- 7. text and figures that should be refused -----------------------------------------------------


@given(st.sampled_from(["\u009b", "\u0085", "\u202e", "\u202a", "\u2066", "\ud800", "\udfff", "\x1b"]))
def test_control_bidi_and_surrogate_characters_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError, match="control character"):
        Zone(id="z", name=f"Zone {bad}", kind="other", country="CN")
    with pytest.raises(ValidationError, match="control character"):
        Evidence(source_id="s", quote=f"quote {bad}")
    with pytest.raises(ValidationError):
        Quantity(value=Decimal(1), unit="count", text=f"1 {bad}")


@pytest.mark.parametrize(
    "kw",
    [
        {"value": Decimal(5), "qualifier": "exact", "low": Decimal(1), "high": Decimal(9)},
        {"value": Decimal(5), "qualifier": "more_than", "low": Decimal(4)},
        {"value": Decimal(5), "qualifier": "at_most", "high": Decimal(6)},
        {"value": Decimal(5), "qualifier": "approximately", "low": None, "high": Decimal(6)},
    ],
)
def test_a_qualifier_that_contradicts_its_bounds_is_refused(kw: dict[str, object]) -> None:
    with pytest.raises(ValidationError, match="qualifier"):
        Quantity(unit="count", **kw)  # type: ignore[arg-type]


def test_negative_areas_and_unfit_units_are_refused() -> None:
    src = Source(id="s", publisher="P", url="https://example.org/")
    zone = Zone(id="z", name="Z", kind="other", country="CN")
    area = Indicator(id="area_km2", name="Area", unit_kind="area", measure="stock")
    with pytest.raises(ValidationError, match="negative"):
        Metric(id="m", zone_id="z", indicator="area_km2", value=Quantity(value=Decimal(-5), unit="km2"))
    wrong = Metric(id="m", zone_id="z", indicator="area_km2", value=Quantity(value=Decimal(5), unit="percent"))
    with pytest.raises(ValidationError, match="does not fit indicator 'area_km2'"):
        Dataset(zones=[zone], indicators=[area], metrics=[wrong], sources=[src])


def test_the_bundled_data_still_reads() -> None:
    assert len(ftzinfo.dataset().metrics()) > 0


# -- 2. interval arithmetic holds every point-wise result -------------------------------------------

_GRID = [Decimal(x) for x in (-5, -1, 0, 1, 5)]


@st.composite
def loose_figures(draw: st.DrawFn) -> Quantity:
    """A figure of any qualifier, open ends and signs included, on a small grid or drawn freely."""
    number = st.sampled_from(_GRID) | st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False)
    qualifier = draw(st.sampled_from(["exact", "approximately", "nearly", "more_than", "at_least", "less_than",
                                      "at_most", "between"]))  # fmt: skip
    if qualifier != "between":
        return Quantity(value=draw(number), qualifier=qualifier, unit="count")
    low, high = sorted((draw(number), draw(number)))
    if low == high:
        return Quantity(value=None, qualifier="between", low=low, high=high, unit="count")
    return Quantity(
        value=None, qualifier="between", low=low, high=high,
        low_closed=draw(st.booleans()), high_closed=draw(st.booleans()), unit="count",
    )  # fmt: skip


def _points(q: Quantity) -> list[Decimal]:
    iv = q.interval
    low = iv.low if iv.low is not None else Decimal(-(10**6))
    high = iv.high if iv.high is not None else Decimal(10**6)
    candidates = [low, high, (low + high) / 2, low + Decimal("0.001"), high - Decimal("0.001"), Decimal(0)]
    return [p for p in candidates if p in iv]


@given(loose_figures(), loose_figures())
def test_arithmetic_holds_every_pointwise_result(a: Quantity, b: Quantity) -> None:
    results = {"+": a + b, "-": a - b}
    divisor_one_signed = 0 not in b.interval
    if divisor_one_signed:
        results["/"] = a / b
    for op, result in results.items():
        if result.value is not None:  # a nominal value lies inside, or is the bound a loose figure states
            bound = result.qualifier.value in {"more_than", "less_than", "nearly"}
            assert result.value in result.interval or (bound and result.value in {result.low, result.high})
        for pa in _points(a):
            for pb in _points(b):
                with decimal.localcontext(CONTEXT):
                    value = pa + pb if op == "+" else pa - pb if op == "-" else pa / pb
                assert value in result.interval, (op, str(a), str(b), str(result), pa, pb)


@given(loose_figures(), loose_figures())
def test_interval_products_hold_every_pointwise_result(a: Quantity, b: Quantity) -> None:
    product = a.interval * b.interval
    for pa in _points(a):
        for pb in _points(b):
            assert pa * pb in product


def test_division_by_a_figure_below_zero_keeps_the_sign() -> None:
    assert str(Quantity.parse("5") / Quantity.parse("less than 0")) == "< 0 ×"
    zero = Quantity.parse("0") / Quantity.parse("5")
    assert zero.low == zero.high == 0


# -- 5. work grows no faster than its input ---------------------------------------------------------------


def _chain(n: int, *, loop: bool = False) -> list[Zone]:
    zones = [Zone(id=f"z{i}", name=f"Z{i}", kind="other", country="CN", parent_id=f"z{i - 1}" if i else None)
             for i in range(n)]  # fmt: skip
    if loop:
        zones[0] = Zone(id="z0", name="Z0", kind="other", country="CN", parent_id=f"z{n - 1}")
    return zones


def test_a_long_parent_chain_is_checked_in_one_pass() -> None:
    src = Source(id="s", publisher="P", url="https://example.org/", published=dt.date(2020, 1, 1))
    evidenced = [attrs.evolve(z, evidence=(Evidence(source_id="s", quote="q"),)) for z in _chain(8000)]
    with no_hang():
        assert len(Dataset(zones=_chain(8000)).zones()) == 8000
        ds = Dataset(zones=evidenced, sources=[src])
        assert len(ds.as_of(dt.date(2021, 1, 1)).zones()) == 8000  # the as-of view walks each chain once
        assert len(ds.as_of(dt.date(2019, 1, 1)).zones()) == 0
        with pytest.raises(ValidationError, match="loops back") as caught:
            Dataset(zones=_chain(8000, loop=True))
    assert len(caught.value.errors) <= 50  # the documented cap


def test_a_large_ranking_is_quick() -> None:
    src = Source(id="s", publisher="P", url="https://example.org/")
    zones = [Zone(id=f"z{i}", name=f"Z{i}", kind="other", country="CN") for i in range(3000)]
    metrics = [
        Metric(id=f"m{i}", zone_id=f"z{i}", indicator="n", period=Period.year(2023),
               value=Quantity(value=Decimal(i % 700), qualifier="approximately", unit="count"))
        for i in range(3000)
    ]  # fmt: skip
    ds = Dataset(zones=zones, indicators=[Indicator(id="n", name="N", unit_kind="count", measure="flow")],
                 metrics=metrics, sources=[src])  # fmt: skip
    with no_hang():
        ranking = ftzinfo.rank("n", period=2023, dataset=ds)
    assert sum(len(t) for t in ranking) == 3000


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=40, max_size=200))
def test_long_runs_of_letters_are_answered_at_once(letters: str) -> None:
    with no_hang():
        for text in (f"5 {letters}", f"{letters} 5", f"about 5 {letters} percent"):
            with contextlib.suppress(ValidationError):
                Quantity.parse(text)


def test_a_huge_lookup_key_is_refused_at_once() -> None:
    with no_hang(), pytest.raises(ftzinfo.UnknownZoneError) as caught:
        ftzinfo.zone("x" * 10_000_000)
    assert len(str(caught.value)) < 200


# -- 10. a wrong value raises the library's own error, a wrong type a TypeError -----------------------------

_WRONG = [None, 0, -1, 2.5, "", "bogus", "\0", b"x", [], {}, True, 10**30, "2023-13", dt.date(2023, 1, 1), object()]
_CALLS: dict[str, Callable[[Any], object]] = {
    "zone": ftzinfo.zone,
    "zones(kind)": lambda a: ftzinfo.zones(kind=a),
    "zones(country)": lambda a: ftzinfo.zones(country=a),
    "search(limit)": lambda a: ftzinfo.search("x", limit=a),
    "initiatives(kind)": lambda a: ftzinfo.initiatives(kind=a),
    "indicator": ftzinfo.indicator,
    "metric": ftzinfo.metric,
    "rate(year)": lambda a: ftzinfo.rate("CNY", "USD", a),
    "rate(currency)": lambda a: ftzinfo.rate(a, "USD", 2023),
    "compare(period)": lambda a: ftzinfo.compare("qianhai", "lingang", period=a),
    "compare(currency)": lambda a: ftzinfo.compare("qianhai", "lingang", currency=a),
    "rank(period)": lambda a: ftzinfo.rank("trade_value", period=a),
    "rank(kind)": lambda a: ftzinfo.rank("trade_value", kind=a),
    "series.at": lambda a: ftzinfo.series("qianhai", "fdi_utilized").at(a),
    "cite": ftzinfo.cite,
    "cite(style)": lambda a: ftzinfo.cite(ftzinfo.zone("lingang"), style=a),
    "Period.year": Period.year,
    "Period.quarter": lambda a: Period.quarter(2025, a),
    "Period.month": lambda a: Period.month(2025, a),
    "convert(currency)": lambda a: Quantity.parse("5 yuan").convert(a, period=2023, rates=ftzinfo.dataset()),
    "convert(period)": lambda a: Quantity.parse("5 yuan").convert("USD", period=a, rates=ftzinfo.dataset()),
    "convert(rates)": lambda a: Quantity.parse("5 yuan").convert("USD", period=2023, rates=a),
    "with_tolerance": lambda a: Quantity.parse("about 5").with_tolerance(a),
    "Dataset.load": Dataset.load,
    "merge": lambda a: ftzinfo.dataset().merge(a),
    "to_frame": lambda a: ftzinfo.to_frame(a, dataset=ftzinfo.dataset()),
    "area_rollup": lambda a: ftzinfo.area_rollup(a, dataset=ftzinfo.dataset()),
}


@pytest.mark.parametrize("name", sorted(_CALLS))
@given(st.sampled_from(_WRONG))
def test_public_calls_raise_only_the_librarys_errors(name: str, value: object) -> None:
    with contextlib.suppress(ftzinfo.FtzinfoError, TypeError):  # anything else fails the test
        _CALLS[name](value)


# -- 11. citations cannot corrupt themselves -------------------------------------------------------------------


def _fields(entry: str) -> dict[str, str]:  # noqa: C901 - one small state machine
    """A BibTeX entry's top-level fields, read by brace depth as BibTeX reads them (bare macros too)."""
    body = entry[entry.index(",") + 1 : entry.rindex("}")]
    fields: dict[str, str] = {}
    depth, key, value, state = 0, "", "", "key"
    for char in body + ",":
        if state == "key":
            if char == "=":
                state = "value"
            elif char not in ", \n":
                key += char
        elif state == "value" and char == "{":
            state, depth = "braced", 1
        elif state == "value" and char not in " \n":
            state, value = "bare", char
        elif state == "bare":
            if char in ",\n":
                fields[key.strip()], key, value, state = value, "", "", "key"
            else:
                value += char
        elif state == "braced":
            depth += {"{": 1, "}": -1}.get(char, 0)
            if depth == 0:
                fields[key.strip()], key, value, state = value, "", "", "key"
            else:
                value += char
    assert depth == 0
    return fields


@given(st.text(alphabet="ab{}\\&_%$#~^, =\n", min_size=1, max_size=30).filter(str.strip))
def test_bibtex_fields_stay_fields(nasty: str) -> None:
    url = "https://example.org/a_b&c={d}"
    source = Source(id="s", publisher=nasty, title=nasty, author=nasty, url=url)
    source = attrs.evolve(source, published=dt.date(2024, 3, 5), accessed=dt.date(2026, 12, 1))
    fields = _fields(ftzinfo.cite(source, style="bibtex", dataset=ftzinfo.dataset()))
    assert set(fields) == {
        "title", "organization", "url", "howpublished", "langid", "author", "date", "year", "month", "urldate",
    }  # fmt: skip
    assert fields["url"] == "https://example.org/a_b&c=%7Bd%7D"  # verbatim: & and _ kept
    assert fields["month"] == "mar"


# -- 8. a user's data changes no bundled answer without override=True ---------------------------------------


def _user(**records: object) -> Dataset:
    src = Source(id="src-mine", publisher="Me", url="https://example.org/mine")
    return Dataset(sources=[src], extends=ftzinfo.dataset(), **records)  # type: ignore[arg-type]


def test_a_user_zone_cannot_take_a_bundled_name_silently() -> None:
    mine = Zone(id="my-lingang", name="Lingang", kind="other", country="CN")
    with pytest.raises(ValidationError, match="answers to 'Lingang'"):
        ftzinfo.dataset().merge(_user(zones=[mine]))
    merged = ftzinfo.dataset().merge(_user(zones=[mine]), override=True)
    assert merged.zone("lingang").id == "my-lingang"
    assert ftzinfo.zone("lingang").id == "cn-shanghai-lingang"


@given(st.from_regex(r"\A[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,2}\Z"))
def test_a_user_figure_for_a_bundled_period_is_a_conflict_whatever_its_id(metric_id: str) -> None:
    bundled = ftzinfo.metric("cn-qianhai-fdi-2020")
    mine = Metric(
        id=metric_id,
        zone_id=bundled.zone_id,
        indicator=bundled.indicator,
        period=bundled.period,
        value=Quantity.parse("$1 billion"),
        evidence=(Evidence(source_id="src-mine", quote="$1 billion"),),
    )
    with pytest.raises(ValidationError, match="gives"):
        ftzinfo.dataset().merge(_user(metrics=[mine]))
    merged = ftzinfo.dataset().merge(_user(metrics=[mine]), override=True)
    assert ftzinfo.compare("qianhai", "lingang", period=2020, dataset=merged).cell("fdi_utilized", "qianhai") == mine


def test_load_checks_ids_against_what_it_extends_and_pickles(tmp_path: Path) -> None:
    import json  # noqa: PLC0415
    import pickle  # noqa: PLC0415

    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps({"zones": [{"id": "cn-shanghai-lingang", "name": "X", "kind": "other",
                                              "country": "CN"}]}))  # fmt: skip
    with pytest.raises(ValidationError, match="already in the data this extends"):
        Dataset.load(changed, extends=ftzinfo.dataset())
    fine = tmp_path / "fine.json"
    fine.write_text(json.dumps({
        "sources": [{"id": "src-mine", "publisher": "Me", "url": "https://example.org/"}],
        "metrics": [{"id": "my-m", "zone_id": "cn-shanghai-lingang", "indicator": "trade_value", "period": "2030",
                     "value": {"value": "5", "unit": "CNY"}, "evidence": [{"source_id": "src-mine", "quote": "5"}]}],
    }))  # fmt: skip
    loaded = Dataset.load(fine, extends=ftzinfo.dataset())
    assert pickle.loads(pickle.dumps(loaded)) == loaded  # noqa: S301 - our own pickle


# -- 9. concurrency: one object per zone, use() blocks that nest, interleave and repeat --------------------


def test_concurrent_first_use_hands_out_one_object_per_zone() -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    code = """
import threading, ftzinfo
out = {}
def a(): out['zone'] = ftzinfo.zone('lingang')
def b(): out['ds'] = ftzinfo.dataset()
ts = [threading.Thread(target=f) for f in (a, b, a, b)]
[t.start() for t in ts]; [t.join() for t in ts]
assert ftzinfo.zone('lingang') is ftzinfo.dataset().zone('lingang') is out['zone'], 'two objects'
assert ftzinfo.zone('qianhai') is ftzinfo.dataset().zone('qianhai')
"""
    for _ in range(5):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr


def test_use_blocks_nest_interleave_repeat_and_cross_threads() -> None:
    bundled = ftzinfo.dataset()
    a, b = bundled.merge(_user()), bundled.merge(_user(zones=[Zone(id="zz-b", name="B", kind="other", country="CN")]))
    first = ftzinfo.use(a)
    assert ftzinfo.dataset() is a  # a plain call chooses at once
    first.__enter__()
    second = ftzinfo.use(b)
    second.__enter__()
    assert ftzinfo.dataset() is b
    first.__exit__(None, None, None)  # not nested: the block still open answers
    assert ftzinfo.dataset() is b
    second.__exit__(None, None, None)
    assert ftzinfo.dataset() is bundled
    for _ in range(2):  # a use() object can be entered again
        with first:
            assert ftzinfo.dataset() is a
        assert ftzinfo.dataset() is bundled
    seen: list[object] = []

    def other_thread() -> None:
        with first:
            seen.append(ftzinfo.dataset())
        seen.append(ftzinfo.dataset())

    thread = threading.Thread(target=other_thread)
    thread.start()
    thread.join()
    assert seen == [a, bundled]
    assert ftzinfo.dataset() is bundled
