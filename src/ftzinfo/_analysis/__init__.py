"""The analysis layer: the comparability rule, choosing a figure, comparisons, rankings, series.

Every function here is given the dataset it works on; none reads the active dataset.
"""

__all__: list[str] = []
