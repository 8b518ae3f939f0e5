"""Where ftzinfo 0.2 kept Dataset: kept so that datasets pickled with 0.2 still load.

A 0.2 pickle of a Dataset calls ``ftzinfo._dataset._rebuild(records)``; the dataset is
built again from its records, checking them again.
"""

from __future__ import annotations

from typing import Any

__all__: list[str] = []


def _rebuild(records: dict[str, Any]) -> Any:
    from ftzinfo._store.dataset import Dataset  # noqa: PLC0415 - only an old pickle asks

    return Dataset(**records)
