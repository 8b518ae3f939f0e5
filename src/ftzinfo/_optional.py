"""Importing optional dependencies with a message that says which extra provides them."""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["require"]


def require(module: str, extra: str) -> ModuleType:
    """Import ``module``, or raise ImportError naming the ``ftzinfo[extra]`` that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        msg = f"this needs {module.split('.', maxsplit=1)[0]}: pip install 'ftzinfo[{extra}]'"
        raise ImportError(msg) from exc
