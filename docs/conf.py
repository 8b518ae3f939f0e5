"""Sphinx configuration for the ftzinfo documentation."""

from __future__ import annotations

import sys
from pathlib import Path

import ftzinfo

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "ftzinfo"
author = "The ftzinfo developers"
copyright = "2026, The ftzinfo developers"  # noqa: A001 - Sphinx's name
release = ftzinfo.__version__
version = ftzinfo.__version__

extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon", "myst_parser", "catalogue", "gallery"]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "_ext", "examples/*.ipynb", "**/.ipynb_checkpoints"]
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True

html_theme = "furo"
html_title = f"ftzinfo {release}"
html_static_path: list[str] = []
