"""Test set-up: a fresh proof store for the session, shared with the subprocesses the tests start.

Every check is still made once in the session (the store starts empty), and no test
depends on what a developer's own ``~/.cache/derivations`` holds.
"""

from __future__ import annotations

import os
import tempfile

_STORE = tempfile.TemporaryDirectory(prefix="derivations-test-store-")
os.environ["DERIVATIONS_CACHE_DIR"] = _STORE.name
os.environ.pop("DERIVATIONS_NO_CACHE", None)
