"""Running the command line in the test process: the same code path as `python -m ftzinfo`, without a new
interpreter per case (a few tests still start real processes, to test the entry point itself)."""

from __future__ import annotations

import contextlib
import io
import subprocess

from ftzinfo._cli import main

__all__ = ["run"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """``ftzinfo ARGS`` in process: its exit status and what it printed, as a finished process reports them."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as exc:  # argparse's own exits: --help, --version, usage errors
            status = exc.code if isinstance(exc.code, int) else 1
    return subprocess.CompletedProcess(["ftzinfo", *args], status, out.getvalue(), err.getvalue())
