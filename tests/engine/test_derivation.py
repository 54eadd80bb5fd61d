"""A derivation checks every step, not only the last, and reports failures a user can act on."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.engine.derivation import Derivation
from derivations.engine.notation import symbol
from derivations.engine.relations import EQUAL_IN_DISTRIBUTION, GIVEN
from derivations.engine.verdict import Outcome
from derivations.errors import (
    DerivationError,
    KnownResultMismatchError,
    StepNotEqualError,
    StepUndecidedError,
)

x = symbol("x")
alpha_t, alpha_tm1 = symbol("alpha_t"), symbol("alpha_tm1")
x_tm2, eps_tm1, eps_tm2, eps_bar = symbol("x_tm2"), symbol("eps_tm1"), symbol("eps_tm2"), symbol("eps_bar_tm2")


def square(middle: sp.Expr) -> Derivation:
    d = Derivation("square", title="A square", sources=("test",))
    d.start((x + 1) ** 2, lhs=r"f(x)", because="definition")
    d.then(middle, because="expand the square", tag="2")
    d.then(x**2 + 2 * x + 1, because="reorder")
    d.conclude(known=x**2 + 2 * x + 1, source="algebra")
    return d


def test_every_step_is_checked_not_only_the_last() -> None:
    """A wrong middle line is caught even though the first and last lines agree."""
    report = square(x**2 + 1).verify()
    outcomes = [s.verdict.outcome for s in report.steps]
    assert outcomes == [Outcome.STATED, Outcome.REFUTED, Outcome.REFUTED]
    assert not report.all_proved


def test_refuted_step_message_names_step_tag_justification_residual_and_point() -> None:
    """The error names the derivation, step number, tag, justification, residual and the two values."""
    with pytest.raises(StepNotEqualError) as caught:
        square(x**2 + 1).check()
    message = str(caught.value)
    assert message.startswith('square: step 2 (tag 2) "expand the square" is refuted (numeric counterexample)')
    assert "; residual 2*x; at x=" in message and ": lhs=" in message and ", rhs=" in message


def test_undecided_step_message_lists_methods_and_hints() -> None:
    """An undecided step says which methods were tried and what might help."""
    d = Derivation("quartic", title="t")
    t = symbol("t")
    d.start(sp.Integral(sp.exp(-(t**4)), (t, -sp.oo, sp.oo)), lhs=r"I", because="definition")
    d.then(2 * sp.gamma(sp.Rational(5, 4)), because="a quartic integral")
    with pytest.raises(StepUndecidedError, match=r"^quartic: step 2 \"a quartic integral\" is undecided "
                                                 r"\(agrees numerically at \d+ points, no symbolic proof\); "
                                                 r"tried: .*; it may help to state an assumption"):
        d.check()


def test_proved_derivation_reports_counts() -> None:
    """A correct derivation checks: 2 proved, 1 stated, and the known result is proved."""
    report = square((x + 1) * (x + 1)).check()
    assert report.count(Outcome.PROVED) == 2 and report.count(Outcome.STATED) == 1
    assert report.known_verdict.proved and report.all_proved


def test_wrong_known_result_is_rejected() -> None:
    """A result that is not the published formula raises KnownResultMismatchError."""
    d = square((x + 1) * (x + 1))
    d.conclude(known=x**2 + 1, source="a wrong paper")
    with pytest.raises(KnownResultMismatchError, match=r"^square: the result is not a wrong paper: refuted"):
        d.check()


def test_display_form_cannot_lie() -> None:
    """A display form that differs from the checked expression refutes the step."""
    d = Derivation("display", title="t")
    d.start((x + 1) ** 2, lhs="f", because="definition")
    d.then(x**2 + 2 * x + 1, because="expand", display=sp.Add(x**2, x, 1, evaluate=False))
    report = d.verify()
    assert report.steps[1].verdict.outcome is Outcome.REFUTED
    assert "displayed form" in report.steps[1].verdict.method


def test_equal_in_distribution_inside_a_derivation() -> None:
    """Declared normals make the merge step of source 000 provable in a derivation."""
    d = Derivation("merge", title="t")
    d.declare_normals(eps_tm1, eps_tm2, eps_bar)
    d.assume_positive(1 - alpha_t, 1 - alpha_tm1)
    d.start(sp.sqrt(alpha_t * alpha_tm1) * x_tm2 + sp.sqrt(alpha_t * (1 - alpha_tm1)) * eps_tm2
            + sp.sqrt(1 - alpha_t) * eps_tm1, lhs=r"\mathbf{x}_t", because="eq. (3)", tag="3")
    d.then(sp.sqrt(alpha_t * alpha_tm1) * x_tm2 + sp.sqrt(1 - alpha_t * alpha_tm1) * eps_bar,
           relation=EQUAL_IN_DISTRIBUTION, because="variances add", tag="4")
    assert d.check().all_proved


def test_slip_must_be_refuted() -> None:
    """Recording a 'slip' that is actually correct is an error: the engine must refute a slip."""
    d = Derivation("slips", title="t")
    d.slip(where="line 1", source_line=x**2 + 1, corrected=(x + 1) ** 2, note="dropped 2x")
    assert d.slips[0].verdict.outcome is Outcome.REFUTED
    with pytest.raises(DerivationError, match="is not refuted"):
        d.slip(where="line 2", source_line=(x + 1) ** 2, corrected=x**2 + 2 * x + 1, note="not a slip")


def test_given_lines_are_counted_as_stated() -> None:
    """A given line in the middle of a chain is stated, not proved, and says so."""
    d = Derivation("given", title="t")
    d.start(x, lhs="y", because="definition")
    d.then(x + 1, relation=GIVEN, because="a theorem we cite")
    report = d.check()
    assert [s.verdict.outcome for s in report.steps] == [Outcome.STATED, Outcome.STATED]


def test_checked_first_line_needs_a_sympy_lhs() -> None:
    """An lhs given as a LaTeX label cannot be checked, so asking to check it is an error."""
    from derivations.engine.relations import EQUAL

    d = Derivation("bad", title="t")
    with pytest.raises(DerivationError, match="checked first line needs a SymPy lhs"):
        d.start(x, lhs="y", relation=EQUAL, because="oops")
