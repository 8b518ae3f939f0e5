"""Numbers written in words: English ("two hundred and five") and Chinese numerals ("三千二百")."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

__all__ = ["CHINESE_NUMBER", "ENGLISH_NUMBER", "NUMBER_WORDS", "chinese_number", "english_number"]

_UNITS: Final = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12,
}  # fmt: skip
_MULTIPLIERS: Final = {"hundred": 100}
_SCALES: Final = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}

#: Every word an English number is written with.
NUMBER_WORDS: Final = frozenset({*_UNITS, *_MULTIPLIERS, *_SCALES, "and"})

_WORD: Final = "|".join(
    sorted((w for w in (*_UNITS, *_MULTIPLIERS, *_SCALES) if w not in {"a", "an"}), key=len, reverse=True)
)
_LEAD: Final = rf"(?:(?:a|an)\s+(?:dozen|hundred|thousand|million|billion|trillion)|{_WORD})"
#: A regular-expression fragment for a number in English words ("twenty-five", "a hundred",
#: "two hundred and five thousand"); each word is followed by a space or a hyphen, so a run
#: of letters is read in one way only.
ENGLISH_NUMBER: Final = rf"(?:{_LEAD})(?:(?:\s+and\s+|[\s-]+)(?:{_WORD})(?![a-z]))*(?![a-z])"

_CN_DIGITS: Final = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
                     "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN_SMALL: Final = {"十": 10, "百": 100, "千": 1000}
#: A regular-expression fragment for a Chinese numeral below ten thousand ("三千二百", "十二");
#: the scales 万 and 亿 that follow are read as scale words.
CHINESE_NUMBER: Final = rf"[{''.join(_CN_DIGITS)}十百千]+"


def english_number(text: str) -> Decimal:
    """The value of an English number in words: "two hundred and five" is 205.

    Raises:
        ValueError: The words do not form a number ("hundred two", "five six").
    """
    words = [w for w in re.split(r"[\s-]+", text.strip()) if w and w != "and"]
    total = current = 0
    last = ""
    for word in words:
        if word in _UNITS:
            value = _UNITS[word]
            if last in _UNITS and not (_UNITS[last] >= 20 and _UNITS[last] % 10 == 0 and value < 10):
                raise ValueError(f"{last!r} then {word!r} is not a number")
            current += value
        elif word in _MULTIPLIERS:
            current = (current or 1) * _MULTIPLIERS[word]
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
        else:
            raise ValueError(f"{word!r} is not a number word")
        last = word
    return Decimal(total + current)


def chinese_number(text: str) -> Decimal:
    """The value of a Chinese numeral below ten thousand: "三千二百" is 3200, "十二" is 12.

    Raises:
        ValueError: A character is not a numeral, or they do not form a number.
    """
    total = digit = 0
    last = 10_000  # each multiplier is smaller than the one before ("三千二百"), never "十千"
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        elif char in _CN_SMALL:
            if _CN_SMALL[char] >= last:
                raise ValueError(f"{text!r} is not a Chinese numeral: {char!r} cannot follow a smaller unit")
            last = _CN_SMALL[char]
            total += (digit or 1) * _CN_SMALL[char]
            digit = 0
        else:
            raise ValueError(f"{char!r} is not a Chinese numeral")
    return Decimal(total + digit)
