"""The display layer: text reports, notebook HTML and charts.

Each function is given what it shows (the record, the result, the dataset to find
sources in) and never reads global state.
"""

__all__: list[str] = []
