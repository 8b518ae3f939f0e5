"""Doctest set-up: examples in docstrings may use ``ftzinfo`` without importing it."""

from __future__ import annotations

from typing import Any

import pytest

import ftzinfo


@pytest.fixture(autouse=True)
def _doctest_namespace(doctest_namespace: dict[str, Any]) -> None:
    doctest_namespace["ftzinfo"] = ftzinfo
