"""Test set-up: a fresh proof store for the session, shared with its workers and the subprocesses tests start.

Every check is still made once in the session (the store starts empty), and no test
depends on what a developer's own ``~/.cache/derivations`` holds. The suite runs on
every core (pytest-xdist, ``-n auto --dist loadfile`` in pyproject.toml): the workers inherit the
controller's store, whose writes are atomic.
"""

from __future__ import annotations

import os
import tempfile

if "DERIVATIONS_TEST_STORE" not in os.environ:  # the controller (or a run without workers)
    _STORE = tempfile.TemporaryDirectory(prefix="derivations-test-store-")
    os.environ["DERIVATIONS_TEST_STORE"] = _STORE.name
os.environ["DERIVATIONS_CACHE_DIR"] = os.environ["DERIVATIONS_TEST_STORE"]
os.environ.pop("DERIVATIONS_NO_CACHE", None)



def pytest_sessionstart(session) -> None:
    """A whole-suite run checks every built-in derivation first, once, on every core (``derivations run``).

    Half the suite's tests ask for checked derivations, and the workers would each check the same
    ones at once; checked first, every later ask finds its verdicts in the session's store. Only the
    controller does it, before the workers start, and only when no test is picked by path (a single
    file runs as fast as it did).
    """
    import subprocess
    import sys
    from pathlib import Path

    config = session.config
    picked = [arg for arg in config.invocation_params.args if not arg.startswith("-")]
    if hasattr(config, "workerinput") or picked not in ([], ["tests"]) or not config.getoption("numprocesses", None):
        return
    with tempfile.TemporaryDirectory(prefix="derivations-warm-") as out:
        subprocess.run([sys.executable, "-m", "derivations", "run", "--out", out], capture_output=True,
                       cwd=Path(__file__).resolve().parent.parent, timeout=900, check=False)
