"""Normalising names for lookup, and scoring near matches for search."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from typing import Final

__all__ = ["MAX_KEY", "best", "grams", "key_id", "lookup_keys", "normalise", "similarity"]


#: The longest lookup key worth reading: no name is longer, and a longer text is no name.
MAX_KEY: Final = 300


def normalise(text: str) -> str:
    """Fold a name for lookup: full-width to ASCII, case folded, only letters and digits kept.

    Example:
        >>> normalise("Lin-gang Special Area")
        'lingangspecialarea'
        >>> normalise("ＬＩＮＧＡＮＧ")
        'lingang'
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def lookup_keys(names: Iterable[tuple[str, tuple[tuple[str, ...], ...]]]) -> dict[str, str]:
    """Normalised lookup key -> id, for ``(id, (ids, names, Chinese names, aliases))`` entries.

    Ids win over names, names over Chinese names, those over aliases; within a rank
    the first entry wins.
    """
    entries = list(names)
    keys: dict[str, str] = {}
    for rank in range(4):
        for record_id, ranked in entries:
            for text in ranked[rank]:
                keys.setdefault(normalise(text), record_id)
    return keys


def grams(key: str) -> frozenset[str]:
    """The character bigrams of a normalised key, with its ends marked."""
    padded = f"^{key}$"
    return frozenset(padded[i : i + 2] for i in range(len(padded) - 1))


def similarity(query: str, query_grams: frozenset[str], key: str, key_grams: frozenset[str]) -> float:
    """Score how well a normalised query matches a normalised key, from 0 to 1."""
    if query == key:
        return 1.0
    if key.startswith(query):
        return 0.9 + 0.05 * len(query) / len(key)
    if query in key:
        return 0.8 + 0.05 * len(query) / len(key)
    shared = len(query_grams & key_grams)
    return 0.75 * 2 * shared / (len(query_grams) + len(key_grams))


def best(scores: Iterable[tuple[float, str]], limit: int, threshold: float) -> list[str]:
    """The ids of the best scores above ``threshold``, highest first, ties by id; each id once."""
    ranked = sorted((s for s in scores if s[0] >= threshold), key=lambda s: (-s[0], s[1]))
    return list(dict.fromkeys(record_id for _, record_id in ranked))[:limit]


def key_id(keys: Mapping[str, str], key: str) -> str | None:
    """The id that ``key`` names in a lookup index (folded as :func:`lookup_keys` folds names), or None."""
    return None if len(key) > MAX_KEY else keys.get(normalise(key))
