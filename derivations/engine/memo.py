"""Verdicts remembered within one process: a post, a page or a test session asks the same check again.

A verdict is a function of the two sides and the settings (the premise of the proof store, engine.cache), so
the first verdict of a check is the verdict of every later ask of it. Unlike the store, every outcome is kept,
not only proofs, and a check with a dummy symbol too: in one process a dummy is itself. Nothing is kept with
``DERIVATIONS_NO_CACHE`` set, so that a check can always be made afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from derivations.engine import cache

if TYPE_CHECKING:
    import sympy as sp

    from derivations.engine.settings import CheckSettings
    from derivations.engine.verdict import Verdict

#: Verdicts kept at most; when full the memo starts again.
LIMIT = 20_000
_VERDICTS: dict[tuple, Verdict] = {}


def _key(lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings) -> tuple | None:
    """Everything the verdict depends on, hashable (None: something is not, and the check is not kept)."""
    key = (lhs, rhs, settings.effort, settings.witness_points, settings.seed, settings.constraints,
           settings.positive, tuple(settings.definitions.items()))
    try:
        hash(key)
    except TypeError:
        return None
    return key


def remembered(check: Callable[[], Verdict], lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings) -> Verdict:
    """``check()``, the verdict of ``lhs = rhs`` under ``settings``; made once per process while the memo is on."""
    key = _key(lhs, rhs, settings) if cache.enabled() else None
    if key is None:
        return check()
    if key not in _VERDICTS:
        verdict = check()
        if len(_VERDICTS) >= LIMIT:
            _VERDICTS.clear()
        _VERDICTS[key] = verdict
    return _VERDICTS[key]
