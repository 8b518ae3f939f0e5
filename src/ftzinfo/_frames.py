"""pandas DataFrames from ftzinfo's records (the ``pandas`` extra)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ftzinfo._optional import require

__all__ = ["frame"]


def frame(records: Sequence[dict[str, Any]]) -> Any:
    """A DataFrame of plain records; Decimal figures become floats only here, at the edge."""
    pd = require("pandas", "pandas")
    df = pd.DataFrame.from_records(list(records))
    for column in ("value", "low", "high"):
        if column in df.columns:
            df[column] = pd.to_numeric(df[column].map(lambda v: None if v is None else float(v)))
    return df
