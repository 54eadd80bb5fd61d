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

