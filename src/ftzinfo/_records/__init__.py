"""The records layer: value types and records, pure, with no I/O, no dataset and no display.

Units, the library's decimal context, intervals, periods, quantities and their parsers,
evidence, zones, initiatives, indicators, metrics, sources and rates. Every other layer
builds on these; they import nothing from the layers above.
"""

__all__: list[str] = []
