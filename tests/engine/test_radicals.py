"""Radicals and positivity: square roots split only under a stated or provable positivity."""

from __future__ import annotations

import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.notation import symbol
from derivations.engine.settings import CheckSettings
from derivations.engine.verdict import Outcome


def test_positivity_hypothesis_splits_radicals() -> None:
    """sqrt((1-a)/(1-b)) = sqrt(1-a)/sqrt(1-b) is proved only under the stated positivity of 1-a, 1-b."""
    a, b = symbol("alpha_bar_tm1"), symbol("alpha_bar_t")
    lhs, rhs = sp.sqrt((1 - a) / (1 - b)), sp.sqrt(1 - a) / sp.sqrt(1 - b)
    assert check_equal(lhs, rhs).outcome is Outcome.UNDECIDED
    stated = CheckSettings().with_positive(1 - a, 1 - b)
    assert check_equal(lhs, rhs, stated).outcome is Outcome.PROVED
    assert check_equal(lhs, 2 * rhs, stated).outcome is Outcome.REFUTED
