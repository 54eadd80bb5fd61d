"""The numeric witness: admissible points, counterexamples that hold, determinism, and engine errors."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.notation import symbol
from derivations.engine.settings import CheckSettings
from derivations.engine.witness import numeric_witness
from derivations.errors import EngineInconsistencyError

x = symbol("x")
alpha_t, alpha_tm1 = symbol("alpha_t"), symbol("alpha_tm1")


def test_counterexample_values_really_differ() -> None:
    """The reported point, substituted back, gives the two reported values."""
    verdict = check_equal((x + 1) ** 2, x**2 + 1)
    point = {x: sp.Rational(verdict.counterexample.point[0][1])}
    assert sp.N(((x + 1) ** 2).subs(point)) == pytest.approx(float(verdict.counterexample.lhs))
    assert sp.N((x**2 + 1).subs(point)) == pytest.approx(float(verdict.counterexample.rhs))


def test_constraints_shape_the_witness_points() -> None:
    """Sample points respect the stated constraints (alpha_t < alpha_tm1 here)."""
    settings = CheckSettings(constraints=(alpha_t < alpha_tm1,))
    witness = numeric_witness(sp.sqrt(alpha_tm1 - alpha_t) ** 2, alpha_tm1 - alpha_t, settings)
    assert witness.points == settings.witness_points and witness.counterexample is None


def test_symbolic_proof_contradicted_by_numbers_is_an_engine_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """If a canonical form wrongly reduced a false identity to 0, the witness raises, not passes."""
    from derivations.engine import canonical

    broken = (("broken", lambda e: sp.S.Zero),)
    monkeypatch.setattr(canonical, "CANONICAL_FORMS", broken)
    monkeypatch.setenv("DERIVATIONS_NO_CACHE", "1")  # made now with the broken form, not recalled (engine.memo)
    with pytest.raises(EngineInconsistencyError, match=r"^engine bug: broken reduced"):
        check_equal(x + 1, x)


def test_checks_are_deterministic() -> None:
    """Two checks of the same refuted step report the same point."""
    first, second = (check_equal((x + 1) ** 2, x**2 + 1) for _ in range(2))
    assert first.counterexample == second.counterexample
