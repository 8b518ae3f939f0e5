"""pandas DataFrames from ftzinfo's records (the ``pandas`` extra)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ftzinfo._io.optional import require

__all__ = ["frame"]


def frame(records: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> Any:
    """A DataFrame of plain records; Decimal figures become floats only here, at the edge.

    ``columns`` names them in order (an empty table keeps its columns).
    """
    pd = require("pandas", "pandas")
    df = pd.DataFrame.from_records(list(records), columns=None if columns is None else list(columns))
    for column in df.columns:
        values = [v for v in df[column] if v is not None]
        if values and all(isinstance(v, Decimal) for v in values):
            df[column] = pd.to_numeric(df[column].map(lambda v: None if v is None else float(v)))
        elif values and all(isinstance(v, dt.date) for v in values):
            df[column] = pd.to_datetime(df[column])
    return df
