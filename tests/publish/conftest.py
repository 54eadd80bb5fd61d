"""The main job run once for the session: what `derivations run` writes, for the tests that read it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def run_output(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    """``derivations run --out DIR`` (every built-in derivation, side by side as by default): the process, and DIR.

    A real process, as a user starts it: what it writes must not depend on what this session's tests
    left in SymPy's caches (a symbol's assumptions, as ``srepr`` prints them in NAME.json).
    """
    out = tmp_path_factory.mktemp("run")
    done = subprocess.run([sys.executable, "-m", "derivations", "run", "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=900,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    return done, out
