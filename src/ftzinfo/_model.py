"""Where ftzinfo 0.2 kept some of its records: kept so that pickles made with 0.2 still load.

Nothing imports this module; unpickling a 0.2 record does, and finds the class it
names among ftzinfo's public names.
"""

from typing import Any

__all__: list[str] = []


def __getattr__(name: str) -> Any:
    import ftzinfo  # noqa: PLC0415 - only an old pickle asks

    return getattr(ftzinfo, name)
