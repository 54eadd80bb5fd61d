"""The main job run once for the session: what `derivations run` writes, for the tests that read it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import Ran, run_cli


@pytest.fixture(scope="session")
def run_output(tmp_path_factory: pytest.TempPathFactory) -> tuple[Ran, Path]:
    """``derivations run --out DIR`` (every built-in derivation, side by side as by default): what it said, and DIR.

    In process: the same ``main`` the entry point calls (tests/test_cli.py starts the real process).
    """
    out = tmp_path_factory.mktemp("run")
    return run_cli("run", "--out", str(out)), out
