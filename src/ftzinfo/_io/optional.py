"""Importing optional dependencies with a message that says which extra provides them."""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["require"]


def require(module: str, extra: str) -> ModuleType:
    """Import ``module``, or raise MissingExtraError (an ImportError) naming the ``ftzinfo[extra]`` to install."""
    from ftzinfo.exceptions import MissingExtraError  # noqa: PLC0415 - the rare case

    try:
        return importlib.import_module(module)
    except ImportError:
        msg = f"this needs {module.split('.', maxsplit=1)[0]}: pip install 'ftzinfo[{extra}]'"
        raise MissingExtraError(msg) from None
