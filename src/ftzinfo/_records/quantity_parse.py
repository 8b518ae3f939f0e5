"""Reading figures from the way sources word them (English and Chinese)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Final

from ftzinfo._records.bounds import Qualifier
from ftzinfo._records.exact import exact
from ftzinfo._records.number_words import CHINESE_NUMBER, ENGLISH_NUMBER, NUMBER_WORDS, chinese_number, english_number
from ftzinfo._records.quantity import Quantity
from ftzinfo._records.units import CURRENCIES
from ftzinfo.exceptions import ValidationError

__all__ = ["parse_quantity"]

MAX_FIGURE_TEXT: Final = 300  # the longest text Quantity.parse reads

# Longest phrases first so that "more than" wins over "more".
_QUALIFIERS: Final = sorted(
    [
        *((w, Qualifier.APPROXIMATELY) for w in (
            "about", "around", "approximately", "approx.", "approx", "roughly", "some", "circa",
            "an estimated", "estimated", "~", "≈", "约", "大约", "左右", "約", "大約",
        )),
        *((w, Qualifier.NEARLY) for w in (
            "nearly", "almost", "close to", "just under", "just below", "近", "将近", "接近", "近乎", "將近",
        )),
        *((w, Qualifier.MORE_THAN) for w in (
            "more than", "over", "exceeding", "exceeds", "exceeded", "exceed", "above", "in excess of",
            "upwards of", "beyond", "greater than", "higher than", "topping", "tops", "topped",
            "surpassing", "surpassed", "surpasses", ">", "超过", "逾", "超", "突破", "超過",
        )),
        *((w, Qualifier.AT_LEAST) for w in (
            "at least", "no less than", "not less than", "no fewer than", "a minimum of", "≥", ">=",
        )),
        *((w, Qualifier.LESS_THAN) for w in (
            "less than", "fewer than", "under", "below", "<", "不到", "不足", "低于",
        )),
        *((w, Qualifier.AT_MOST) for w in (
            "at most", "up to", "no more than", "not more than", "a maximum of", "≤", "<=",
        )),
    ],
    key=lambda pair: -len(pair[0]),
)  # fmt: skip

_SUFFIX_QUALIFIERS: Final = {
    "以上": Qualifier.AT_LEAST, "多": Qualifier.MORE_THAN, "余": Qualifier.MORE_THAN, "餘": Qualifier.MORE_THAN,
    "plus": Qualifier.MORE_THAN, "odd": Qualifier.MORE_THAN,
}  # fmt: skip
_TRAILING_QUALIFIERS: Final = {
    "以上": Qualifier.AT_LEAST, "左右": Qualifier.APPROXIMATELY, "or more": Qualifier.AT_LEAST,
    "or so": Qualifier.APPROXIMATELY, "plus": Qualifier.AT_LEAST, "以下": Qualifier.AT_MOST,
}  # fmt: skip

_SCALE_WORDS: Final = {
    "hundred": Decimal("1E2"), "hundreds": Decimal("1E2"),
    "thousand": Decimal("1E3"), "thousands": Decimal("1E3"), "k": Decimal("1E3"), "thsd": Decimal("1E3"),
    "million": Decimal("1E6"), "millions": Decimal("1E6"), "mn": Decimal("1E6"), "mln": Decimal("1E6"),
    "mio": Decimal("1E6"), "mil": Decimal("1E6"), "m": Decimal("1E6"),
    "billion": Decimal("1E9"), "billions": Decimal("1E9"), "bn": Decimal("1E9"), "bln": Decimal("1E9"),
    "bil": Decimal("1E9"), "b": Decimal("1E9"),
    "trillion": Decimal("1E12"), "trillions": Decimal("1E12"), "tn": Decimal("1E12"), "trn": Decimal("1E12"),
    "万亿": Decimal("1E12"), "千亿": Decimal("1E11"), "百亿": Decimal("1E10"), "十亿": Decimal("1E9"),
    "亿": Decimal("1E8"), "千万": Decimal("1E7"), "百万": Decimal("1E6"), "十万": Decimal("1E5"),
    "万": Decimal("1E4"), "千": Decimal("1E3"), "百": Decimal("1E2"),
    "萬億": Decimal("1E12"), "千億": Decimal("1E11"), "百億": Decimal("1E10"), "十億": Decimal("1E9"),
    "億": Decimal("1E8"), "千萬": Decimal("1E7"), "百萬": Decimal("1E6"), "十萬": Decimal("1E5"), "萬": Decimal("1E4"),
}  # fmt: skip

_PREFIX_CURRENCIES: Final = {
    "us$": "USD", "usd": "USD", "$": "USD", "hk$": "HKD", "hkd": "HKD", "rmb": "CNY", "cny": "CNY",
    "¥": "CNY", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "₹": "INR", "inr": "INR",
    "s$": "SGD", "sgd": "SGD", "aed": "AED", "rm": "MYR", "myr": "MYR", "mop": "MOP",
}  # fmt: skip

_SUFFIX_UNITS: Final = {
    "ratio": "ratio", "times": "ratio",
    "percentage points": "pp", "percentage point": "pp", "pp": "pp", "ppt": "pp",
    "percent": "percent", "per cent": "percent", "%": "percent", "pct": "percent", "个百分点": "pp",
    "square kilometers": "km2", "square kilometres": "km2", "square km": "km2", "sq km": "km2",
    "square kilometer": "km2", "square kilometre": "km2", "sq.km": "km2", "square kms": "km2", "sq kms": "km2",
    "sq. km": "km2", "km2": "km2", "km²": "km2", "平方公里": "km2", "平方千米": "km2",
    "hectares": "ha", "hectare": "ha", "ha": "ha", "公顷": "ha",
    "square metres": "m2", "square meters": "m2", "sq m": "m2", "m2": "m2", "平方米": "m2",
    "rmb yuan": "CNY", "yuan": "CNY", "rmb": "CNY", "renminbi": "CNY", "cny": "CNY", "元": "CNY", "元人民币": "CNY",
    "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "usd": "USD", "美元": "USD",
    "hong kong dollars": "HKD", "hk dollars": "HKD", "hkd": "HKD", "港元": "HKD", "港币": "HKD",
    "euros": "EUR", "eur": "EUR", "欧元": "EUR", "dirhams": "AED", "aed": "AED",
    "rupees": "INR", "inr": "INR", "ringgit": "MYR", "myr": "MYR", "tenge": "KZT", "kzt": "KZT",
    "riyals": "QAR", "qar": "QAR", "pounds": "GBP", "gbp": "GBP", "patacas": "MOP", "mop": "MOP",
    "sgd": "SGD", "singapore dollars": "SGD",
}  # fmt: skip

# Areas stated in other units are kept in km2, converted exactly.
_AREA_FACTORS: Final = {"ha": Decimal("0.01"), "m2": Decimal("1E-6")}

_NUMBER: Final = r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+"
_WORD_NUMBER: Final = rf"{ENGLISH_NUMBER}|{CHINESE_NUMBER}"
_SCALE: Final = "|".join(sorted((re.escape(w) for w in _SCALE_WORDS), key=len, reverse=True))
_CURRENCY_PREFIX: Final = "|".join(sorted((re.escape(w) for w in _PREFIX_CURRENCIES), key=len, reverse=True))

_FIGURE: Final = re.compile(
    rf"""^(?:(?P<cur>{_CURRENCY_PREFIX})|(?P<code>[a-z]{{3}})(?=\s*\d))?\s*
        (?P<num>{_NUMBER}|{_WORD_NUMBER})
        (?P<many>多|余|餘)?
        (?:\s*(?P<scale>{_SCALE})(?![a-z]))?
        \s*(?P<rest>.*)$""",
    re.VERBOSE,
)
_RANGE: Final = re.compile(
    rf"""^(?P<between>between\s+)?(?P<cur>{_CURRENCY_PREFIX})?\s*(?P<a>{_NUMBER}|{_WORD_NUMBER})\s*(?P<ua>%|percent)?
        \s*(?:(?(between)and|(?!))|to|-|–|—|至|~)\s*
        (?P<b>.+)$""",
    re.VERBOSE,
)
_DIGITS_BAND: Final = re.compile(r"^(?:a\s+|an\s+)?(?P<kind>single|double|triple)[- ]digits?\b\s*(?P<rest>.*)$")
_BAND: Final = {
    "single": (Decimal(1), Decimal(10)),
    "double": (Decimal(10), Decimal(100)),
    "triple": (Decimal(100), Decimal(1000)),
}
_DIRECTION: Final = re.compile(
    r"^(?P<dir>up|down|rose|rising|rise of|grew|growing|growth of|increased|increasing|an increase of|"
    r"increase of|fell|falling|decreased|a decrease of|decline of|a decline of|declined|dropped|"
    r"增长|增加|上升|下降|减少)(?:\s+by)?\s*"
)
_NEGATIVE: Final = frozenset({"down", "fell", "falling", "decreased", "a decrease of", "decline of",
                              "a decline of", "declined", "dropped", "下降", "减少"})  # fmt: skip
_NOUN_WORD: Final = re.compile(r"[a-z][a-z'&./-]*")
_CJK_NOUN: Final = re.compile(r"[\u4e00-\u9fff]{1,8}")
# Characters that belong to a figure, never to the noun it counts.
_CJK_FIGURE_CHARS: Final = frozenset("零〇一二两兩三四五六七八九十百千万萬亿億兆元美镑欧多余餘%")
_LEADING_NOUN: Final = re.compile(r"^[\u4e00-\u9fff]{1,12}?(?=[\d约約近超逾])")
_EQUIVALENT: Final = re.compile(r"^(?P<main>.*?)\s*[(（](?P<eq>[^()（）]*)[)）]\s*$")


@exact
def parse_quantity(text: object) -> Quantity:
    """Parse ``text`` into a Quantity; see :meth:`Quantity.parse`."""
    if not isinstance(text, str):
        msg = f"expected a string to parse, got {type(text).__name__}"
        raise TypeError(msg)
    if not text.strip():
        raise ValidationError("cannot read a figure from an empty string")
    if len(text) > MAX_FIGURE_TEXT:
        raise ValidationError(
            f"cannot read a figure from a text of {len(text)} characters (the limit is {MAX_FIGURE_TEXT})"
        )
    try:
        quantity = _parse(_normalise(text), text.strip())
    except (ValidationError, InvalidOperation, KeyError) as exc:
        reason = exc.errors[0][1] if isinstance(exc, ValidationError) else "not a figure"
        raise ValidationError(f"cannot read a figure from {text!r}: {reason}") from None
    return quantity


def _normalise(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).strip().lower()
    s = s.replace("’", "'").replace("\u00a0", " ")
    s = re.sub(r"\s+", " ", s)
    return s.rstrip(".;:, ")


def _parse(s: str, original: str) -> Quantity:
    eq_match = _EQUIVALENT.match(s)
    equivalent = None
    if eq_match and eq_match.group("main"):
        s = eq_match.group("main")
        equivalent = _parse(eq_match.group("eq"), eq_match.group("eq"))
    qualifier, sign, s = _take_words(s)
    band = _DIGITS_BAND.match(s)
    if band:
        low, high = _BAND[band.group("kind")]
        unit = _unit_of_rest(band.group("rest"), default="percent")
        return Quantity(
            value=None, qualifier=Qualifier.BETWEEN, low=low, high=high, low_closed=True, high_closed=False,
            unit=unit, text=original,
        )  # fmt: skip
    rng = _RANGE.match(s)
    if rng and qualifier is Qualifier.EXACT and _FIGURE.match(rng.group("b")):
        return _range(rng, sign, original)
    figure = _figure(s, currency_hint=None)
    assert figure.value is not None  # noqa: S101 - _figure always sets a value
    if qualifier is Qualifier.EXACT:
        qualifier = figure.qualifier
    if sign < 0:  # "down more than 5 %" is a change below -5 %: the bound turns with the sign
        qualifier = _MIRRORED.get(qualifier, qualifier)
    if equivalent is not None:
        equivalent = _equivalent(equivalent, figure.unit, qualifier)
    return Quantity(
        value=sign * figure.value, qualifier=qualifier, unit=figure.unit, equivalent=equivalent, text=original
    )


_TRAILING_DIRECTION: Final = re.compile(
    r"^(?P<rate>[^ ]+(?: [^ ]+)?\s*(?:%|percent|per cent|percentage points?|pp))"
    r"\s+(?P<dir>more|higher|up|less|lower|down|fewer)$"
)


def _take_words(s: str) -> tuple[Qualifier, Decimal, str]:
    """The qualifier and the direction around a figure, and what is left of the text."""
    s = re.sub(r"(?<=[\d a-z])-(?=[a-z])", " ", s)  # "20-billion-yuan" -> "20 billion yuan"
    qualifier, s = _take_qualifier(s)
    sign, s = _take_direction(s)
    if qualifier is Qualifier.EXACT:
        qualifier, s = _take_qualifier(s)
    if qualifier is Qualifier.EXACT and (noun := _LEADING_NOUN.match(s)):
        # "新设企业73795家": a Chinese noun may stand before the figure it counts.
        qualifier, s = _take_qualifier(s[noun.end() :])
    if qualifier is Qualifier.EXACT:
        qualifier, s = _take_trailing_qualifier(s)
    if trailing := _TRAILING_DIRECTION.match(s):  # "34.1 percent more": a change, stated after its size
        s = trailing.group("rate")
        sign = Decimal(-1) if trailing.group("dir") in {"less", "lower", "down", "fewer"} else Decimal(1)
    return qualifier, sign, s


_MIRRORED: Final = {
    Qualifier.MORE_THAN: Qualifier.LESS_THAN,
    Qualifier.AT_LEAST: Qualifier.AT_MOST,
    Qualifier.LESS_THAN: Qualifier.MORE_THAN,
    Qualifier.AT_MOST: Qualifier.AT_LEAST,
}


def _range(rng: re.Match[str], sign: Decimal, original: str) -> Quantity:
    """A range with one unit: "10 to 20 billion yuan", "RMB 10-20 billion", "10% to 20%"."""
    high_q = _figure(rng.group("b"), currency_hint=None)
    if rng.group("cur"):
        unit = _PREFIX_CURRENCIES[rng.group("cur")]
        if high_q.unit not in {"count", unit}:
            raise ValidationError(f"a range runs in one unit: {unit}, then {high_q.unit}")
        high_q = Quantity(value=high_q.value, unit=unit)
    if rng.group("ua") and high_q.unit != "percent":
        raise ValidationError("a range runs in one unit: percent, then something else")
    low_value = _number(rng.group("a")) * _scale_of(rng.group("b"))
    if high_q.value is None or low_value > high_q.value:
        raise ValidationError("a range runs from the lower figure to the higher")
    if sign < 0:
        low_value, high = -high_q.value, -low_value
    else:
        high = high_q.value
    return Quantity(
        value=None, qualifier=Qualifier.BETWEEN, low=low_value, high=high,
        unit=high_q.unit, text=original,
    )  # fmt: skip


def _equivalent(equivalent: Quantity, unit: str, qualifier: Qualifier) -> Quantity:
    """The same amount in another currency, in brackets; anything else in brackets is refused."""
    if not (equivalent.is_money and unit != equivalent.unit and unit in CURRENCIES):
        raise ValidationError(f"the bracket holds {equivalent.describe()!r}, not the same amount in another currency")
    if equivalent.qualifier is Qualifier.EXACT and qualifier is not Qualifier.EXACT:
        return Quantity(value=equivalent.value, qualifier=qualifier, unit=equivalent.unit, text=equivalent.text)
    return equivalent


def _take_qualifier(s: str) -> tuple[Qualifier, str]:
    for word, qualifier in _QUALIFIERS:
        if s.startswith(word):
            rest = s[len(word) :]
            # A word qualifier must end at a word boundary ("overall" is not "over").
            if word[-1].isalpha() and word.isascii() and rest[:1].isalpha():
                continue
            return qualifier, rest.strip()
    return Qualifier.EXACT, s


def _take_trailing_qualifier(s: str) -> tuple[Qualifier, str]:
    for word, qualifier in _TRAILING_QUALIFIERS.items():
        if s.endswith(word) and len(s) > len(word):
            return qualifier, s[: -len(word)].strip()
    return Qualifier.EXACT, s


def _take_direction(s: str) -> tuple[Decimal, str]:
    if s[:1] in {"-", "−", "+"} and s[1:2].isdigit():  # a signed figure: "-1.5 %", "+3 %"
        return (Decimal(1) if s[0] == "+" else Decimal(-1)), s[1:]
    match = _DIRECTION.match(s)
    if not match:
        return Decimal(1), s
    sign = Decimal(-1) if match.group("dir") in _NEGATIVE else Decimal(1)
    return sign, s[match.end() :]


def _figure(s: str, *, currency_hint: str | None) -> Quantity:
    """A Quantity from ``[currency] number [多] [scale] [qualifier] [unit or counted noun]``."""
    match = _FIGURE.match(s)
    if not match:
        raise ValidationError("no number found")
    currency = match.group("cur") or currency_hint
    code = match.group("code")
    if code is not None and code.upper() not in CURRENCIES:
        raise ValidationError(f"{code.upper()!r} is not an ISO 4217 currency code")
    value = _number(match.group("num"))
    scale_word = match.group("scale")
    rest = match.group("rest").strip()
    if scale_word == "m" and rest.startswith(("2", "²")):
        scale_word = None  # "m2" is square metres, not millions
    if scale_word:
        value *= _SCALE_WORDS[scale_word]
    suffix_qualifier = Qualifier.MORE_THAN if match.group("many") else None
    if suffix_qualifier is None:
        suffix_qualifier, rest = _take_suffix_qualifier(rest)
    unit = _unit_of_rest(rest, default="count")
    if unit in _AREA_FACTORS:
        value *= _AREA_FACTORS[unit]
        unit = "km2"
    prefix = code.upper() if code is not None else _PREFIX_CURRENCIES[currency] if currency else None
    if prefix is not None:
        if unit not in {"count", prefix}:
            raise ValidationError(f"{prefix!r} before the figure and {unit!r} after it disagree")
        unit = prefix
    if suffix_qualifier is not None:
        return Quantity(value=value, qualifier=suffix_qualifier, unit=unit)
    return Quantity(value=value, unit=unit)


def _take_suffix_qualifier(rest: str) -> tuple[Qualifier | None, str]:
    """A qualifier right after the figure ("30多", "500-odd"), and what follows it."""
    for suffix, qualifier in _SUFFIX_QUALIFIERS.items():
        follows = rest[len(suffix) : len(suffix) + 1]
        if rest.startswith(suffix) and not (suffix.isascii() and follows.isalpha()):
            return qualifier, rest[len(suffix) :].strip()
    return None, rest


def _scale_of(rest: str) -> Decimal:
    """The scale a range's upper figure carries, shared by the lower ("10 to 20 billion")."""
    match = _FIGURE.match(rest.strip())
    if match and match.group("scale"):
        return _SCALE_WORDS[match.group("scale")]
    return Decimal(1)


def _unit_of_rest(rest: str, *, default: str) -> str:
    """The unit the words after a figure name, or ``default`` for a counted noun ("companies")."""
    rest = rest.strip()
    if not rest:
        return default
    for words, unit in _UNITS_LONGEST_FIRST:
        if rest.startswith(words) and not (words[-1].isalpha() and rest[len(words) : len(words) + 1].isalpha()):
            tail = rest[len(words) :].strip()
            if tail and any(tail.startswith(w) for w in _SUFFIX_UNITS):
                raise ValidationError(f"two units in {rest!r}")
            _check_noun(tail)
            return unit
    code = rest.split(maxsplit=1)[0]
    if len(code) == 3 and code.isascii() and code.upper() in CURRENCIES:
        _check_noun(rest[3:].strip())
        return code.upper()
    if default in {"count", "percent"}:
        _check_noun(rest)
        return default
    raise ValidationError(f"cannot read the unit {rest!r}")


_UNITS_LONGEST_FIRST: Final = sorted(_SUFFIX_UNITS.items(), key=lambda kv: -len(kv[0]))
#: Scales and currencies in other languages, and plurals, that the reader does not know:
#: "12 milliards de yuans" is twelve billion yuan, not twelve things called milliards, so a
#: figure followed by one of these is refused rather than read as a count.
FOREIGN_FIGURE_WORDS: Final = frozenset(
    {
        "milliard", "milliards", "mille", "millones", "millon", "millardos", "billones", "milhoes", "bilhoes",
        "milhao", "bilhao", "miliardi", "milioni", "miliardo", "milione", "mrd", "milliarde", "milliarden",
        "millionen", "mld", "tys", "crore", "crores", "lakh", "lakhs", "yuans", "yuanes", "dolares", "dolar",
        "reais", "reales", "roubles", "rubles", "rublos", "zlotys", "zloty", "zlotych", "shillings", "shilling",
        "pesos", "rials", "rupiah", "baht", "dinar", "dinars", "yens", "francs", "lira", "liras", "rand", "naira",
        "cedi", "kwacha", "birr",
    }
)  # fmt: skip
#: Words that belong to a figure (scales, numbers, currencies, qualifiers, directions):
#: after the figure they are an error, never the noun it counts.
_FIGURE_WORDS: Final = frozenset(
    {
        *(w for w in _SCALE_WORDS if w.isascii()),
        *NUMBER_WORDS - {"a", "an", "and"},
        *(w for w in _SUFFIX_UNITS if w.isascii() and " " not in w),
        *(w.lower() for w in CURRENCIES),
        "dollar", "euro", "pound", "rupee", "dirham", "riyal", "pataca", "won", "yen", "peso", "percentage",
        "up", "down", "more", "less", "over", "under", "about", "nearly", "around", "square", "sq",
        *FOREIGN_FIGURE_WORDS,
    }
)  # fmt: skip


def _check_noun(noun: str) -> None:
    """Refuse a counted noun that is not one: a figure word left over means the text was misread."""
    if not noun:
        return
    if noun.isascii():
        words = noun.split()
        if len(words) > 8 or not all(_NOUN_WORD.fullmatch(w) for w in words):
            raise ValidationError(f"cannot read {noun!r} after the figure")
        misplaced = [w for w in words if w.strip("./'&-").lower() in _FIGURE_WORDS]
        if misplaced:
            raise ValidationError(f"cannot read {misplaced[0]!r} in {noun!r} after the figure")
        return
    if not _CJK_NOUN.fullmatch(noun) or any(c in _CJK_FIGURE_CHARS for c in noun):
        raise ValidationError(f"cannot read {noun!r} after the figure")


def _number(token: str) -> Decimal:
    if token[0].isdigit() or token[0] == ".":
        return Decimal(token.replace(",", ""))
    try:
        return chinese_number(token) if not token.isascii() else english_number(token)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
