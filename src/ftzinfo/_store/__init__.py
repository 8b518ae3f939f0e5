"""The store layer: Dataset (records, indexes, lookups, hierarchy, rates) and the bundled data.

Integrity checks, merges, as-of views and the data's self-check live here too. The
bundled data loads once, lazily and thread-safely.
"""

__all__: list[str] = []
