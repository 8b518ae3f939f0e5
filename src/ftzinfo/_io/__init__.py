"""The reading and writing layer: JSON, the converter, the fast path, bounded file reading.

Also the JSON Schema, flat tables and citations. It works on records and plain data and
never builds a Dataset behind the caller: the store above calls it.
"""

__all__: list[str] = []
