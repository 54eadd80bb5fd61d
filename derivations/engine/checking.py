"""Is lhs equal to rhs? Three honest outcomes: proved, refuted, or undecided.

A check first tries cheap canonical forms (:mod:`~derivations.engine.canonical`) and
only then ``simplify``, each within a work limit (:mod:`~derivations.engine.effort`). Every verdict is then confronted
with an independent numeric witness (:mod:`~derivations.engine.witness`): both sides
evaluated with mpmath at 30 digits at random admissible points. Integrals over the
real line are compared integrand by integrand or evaluated by the Gaussian integral
rule (:mod:`~derivations.engine.integrals`).

A symbolic proof that the witness contradicts raises
:class:`~derivations.errors.EngineInconsistencyError`: that is a bug here, not a verdict.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import sympy as sp

from derivations.engine import cache, memo
from derivations.engine.canonical import Symbolic, algebraic_identity, evaluated
from derivations.engine.conditionals import as_joints
from derivations.engine.defined import unfold
from derivations.engine.integrals import evaluate_real_line_integrals, is_real_line_integral, matching_integrands
from derivations.engine.probability import Density
from derivations.engine.radicals import resolve_absolute_values, split_radicals
from derivations.engine.settings import DEFAULT_SETTINGS, CheckSettings
from derivations.engine.syntax import expression
from derivations.engine.verdict import Outcome, Verdict
from derivations.engine.witness import Witness, numeric_witness, written_out
from derivations.errors import EngineInconsistencyError


def check_equal(lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings = DEFAULT_SETTINGS) -> Verdict:
    """Decide whether ``lhs`` equals ``rhs`` for all admissible values of their symbols.

    Named functions (:mod:`derivations.engine.defined`) are unfolded first. Integrals over
    the real line are compared integrand by integrand (linearity), or evaluated by
    the Gaussian integral rule. If the plain check is not a proof, the step's
    definitions (abbreviations such as ``B_1 = 1/(2 sigma_1^2)``) are substituted
    and the check is tried again.

    >>> from derivations.engine import notation
    >>> x = notation.symbol("x")
    >>> check_equal((x + 1)**2, x**2 + 2*x + 1).outcome
    <Outcome.PROVED: 'proved'>
    >>> check_equal((x + 1)**2, x**2 + 1).outcome
    <Outcome.REFUTED: 'refuted'>
    >>> a = notation.symbol("alpha_bar_t")
    >>> check_equal(sp.sqrt(2 * (1 - a)), sp.sqrt(2) * sp.sqrt(1 - a),
    ...             CheckSettings().with_positive(1 - a)).outcome
    <Outcome.PROVED: 'proved'>
    """
    lhs, rhs = expression(lhs, "lhs"), expression(rhs, "rhs")
    return memo.remembered(lambda: _checked(lhs, rhs, settings), lhs, rhs, settings)


def _checked(lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings) -> Verdict:
    """The verdict of :func:`check_equal`, from the proof store or checked now (and stored if it is a proof)."""
    entry = cache.key(lhs, rhs, settings) if cache.enabled() else None
    stored = cache.load(entry) if entry else None
    if stored is not None:
        return stored
    from derivations.engine import matrices  # matrices are checked by their own rules (imported late: no cycle)

    refused = _not_decidable(lhs, rhs, settings)
    if refused is not None:
        verdict = refused
    elif matrices.involves_matrices(lhs) or matrices.involves_matrices(rhs):
        verdict = matrices.check_matrix_equal(lhs, rhs, settings, check_equal)
    else:
        # concrete ranges first: SymPy's sums over them (an empty product) vary with the hash seed
        verdict = _decide(written_out(unfold(lhs)), written_out(unfold(rhs)), settings)
    if entry:
        cache.store(entry, verdict)
    return verdict


def _not_decidable(lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings) -> Verdict | None:
    """Undecided before any form is tried: a hypothesis on a bound variable, or a series not known to converge.

    ``t > 0`` says nothing of the ``t`` an integral runs over (it would turn ``|t|`` into ``t`` inside
    it); two divergent series may not be subtracted term by term (their difference is no number).
    """
    false = [p for p in settings.positive if sp.sympify(p).is_positive is False]
    if false:  # -sigma > 0 for a positive sigma
        return Verdict(Outcome.UNDECIDED, f"the hypothesis {sp.sstr(false[0])} > 0 cannot hold: nothing follows")
    nodes = [n for side in (lhs, rhs) for n in side.atoms(sp.Integral, sp.Sum, sp.Product)]
    bound = {v for node in nodes for v in node.variables}
    tied = [p for p in settings.positive if _outside_families(sp.sympify(p)).free_symbols & bound]
    if tied:
        return Verdict(Outcome.UNDECIDED, f"the hypothesis {sp.sstr(tied[0])} > 0 is on a variable an integral, sum "
                       "or product runs over: it says nothing there")
    for node in nodes:
        infinite = isinstance(node, (sp.Sum, sp.Product)) and any(
            limit.has(sp.oo, -sp.oo) for _, *limits in node.limits for limit in limits)
        if infinite and _converges(node) is not True:
            return Verdict(Outcome.UNDECIDED, f"the series {sp.sstr(node)} is not known to converge")
    return None


def _outside_families(expr: sp.Expr) -> sp.Expr:
    """``expr`` with each term of a family (``alpha[i]``) a stand-in: ``1 - alpha[i] > 0`` holds for every i."""
    return expr.replace(lambda e: isinstance(e, sp.Indexed), lambda e: sp.Dummy("term"))


def _converges(node: sp.Sum | sp.Product) -> bool | None:
    try:
        return bool(node.is_convergent()) if node.free_symbols == set() else None
    except (NotImplementedError, ValueError, TypeError, AttributeError):
        return None


def _decide(lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings) -> Verdict:
    """check_equal on unfolded sides, without the store."""
    undefined = [side for side in (lhs, rhs, evaluated(lhs), evaluated(rhs)) if side.has(sp.nan, sp.zoo)]
    if undefined:  # nan == nan structurally, but 0/0 is no value (checked again once display forms evaluate)
        return Verdict(Outcome.UNDECIDED, f"an undefined value ({sp.sstr(undefined[0])}): not an identity",
                       lhs - rhs if not lhs.has(sp.nan) else None)
    if lhs == rhs or evaluated(lhs) == evaluated(rhs):
        return Verdict(Outcome.PROVED, "identical expressions", sp.S.Zero)
    expanded = [substitute_definitions(side, settings.definitions) for side in (lhs, rhs)]
    if expanded == [lhs, rhs]:
        return _check_once(lhs, rhs, settings)
    # Abbreviations sampled as free symbols: a disagreement there proves nothing,
    # so only an agreeing plain check is worth its symbolic pass.
    plain = numeric_witness(lhs, rhs, replace(settings, witness_points=1))
    if plain.counterexample is None:
        verdict = _check_once(lhs, rhs, settings, plain)
        if verdict.proved:
            return verdict
    positive = tuple(substitute_definitions(p, settings.definitions) for p in settings.positive)
    second = _check_once(*expanded, replace(settings, positive=settings.positive + positive))
    return replace(second, method=f"{second.method}, after substituting the definitions")


def substitute_definitions(expr: sp.Expr, definitions: Mapping[sp.Symbol, sp.Expr]) -> sp.Expr:
    """``expr`` with every defined abbreviation replaced by its value (repeatedly)."""
    for _ in range(5):  # definitions may use other defined symbols
        new = expr.xreplace(dict(definitions))
        if new == expr:
            break
        expr = new
    return expr


def _check_once(lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings, witness: Witness | None = None) -> Verdict:
    """One pass: integrands, a first witness point, the symbolic side, then (if unproved) every witness point."""
    if lhs.has(sp.Integral) or rhs.has(sp.Integral):
        by_integrands = _integrands_equal(lhs, rhs, settings)  # cheap: no quadrature
        if by_integrands is not None:
            return by_integrands
    witness = witness or numeric_witness(lhs, rhs, replace(settings, witness_points=1))
    if witness.counterexample is not None and not witness.conclusive:
        return _unrelated_values_differ(lhs, rhs, witness, settings)
    if witness.counterexample is not None and not witness.precise:
        return _quadrature_disagrees(lhs, rhs, settings, witness)
    if witness.counterexample is not None:  # refuted: only a readable residual is left to find
        residual = algebraic_identity(lhs - rhs, settings.effort.for_a_residual(), forms=1)
        return _combine(residual, witness, lhs, rhs)
    if settings.positive:
        lhs, rhs = (resolve_absolute_values(split_radicals(side, settings.positive), settings.positive)
                    for side in (lhs, rhs))
    if lhs.has(sp.Integral) or rhs.has(sp.Integral):
        symbolic = _integral_identity(lhs, rhs, settings)
    else:
        symbolic = algebraic_identity(lhs - rhs, settings.effort)
    if symbolic.method is None and witness.points < settings.witness_points:
        witness = numeric_witness(lhs, rhs, settings)  # not proved: every point, to look for a refutation
        if witness.counterexample is not None and not witness.conclusive:
            return _unrelated_values_differ(lhs, rhs, witness, settings)
        if witness.counterexample is not None and not witness.precise:
            return _quadrature_disagrees(lhs, rhs, settings, witness)
    return _combine(symbolic, witness, lhs, rhs, hypotheses=bool(settings.positive))


def _unrelated_values_differ(lhs: sp.Expr, rhs: sp.Expr, witness: Witness, settings: CheckSettings) -> Verdict:
    """The sides differ with the densities (or other opaque terms) as unrelated values: nothing is refuted.

    With each conditional density a ratio of joints (engine.conditionals), Bayes' rule and the
    product rule are proved. Otherwise the step may rest on a relation the engine does not know
    (a Markov property, a definition): undecided, with the residual.
    """
    joints = as_joints(lhs, rhs) if lhs.has(Density) or rhs.has(Density) else None
    if joints is not None and joints != (lhs, rhs):
        same = joints[0] == joints[1]  # p(x, z) and p(x | z) p(z): one joint
        verdict = Verdict(Outcome.PROVED, "identical expressions", sp.S.Zero) if same else _check_once(
            *joints, settings)
        if verdict.proved:
            return replace(verdict, method=f"{verdict.method}, each conditional density the ratio of joints "
                                          "(p(a | b) = p(a, b)/p(b))")
    return Verdict(Outcome.UNDECIDED, "the two sides differ when the densities and expectations in them are "
                   "unrelated values; a relation between them (a chain rule, Bayes' rule, a definition) may "
                   "make the step true", lhs - rhs, None, witness.points)


def _integrands_equal(lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings) -> Verdict | None:
    """Both sides as one integral with provably equal integrands (linearity), else None."""
    integrands = matching_integrands(lhs, rhs)
    if integrands is None:
        return None
    inner = _check_once(*integrands, settings)
    if not inner.proved:
        return None
    return replace(inner, method=f"linearity of the integral; integrands equal by {inner.method}")


def _quadrature_disagrees(lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings, witness: Witness) -> Verdict:
    """Quadrature can miss a narrow or distant peak, so its disagreement alone refutes nothing.

    If the Gaussian rule evaluates every integral, the closed forms are compared
    (with the exact witness); otherwise the step is undecided.
    """
    lhs_value, lhs_done = evaluate_real_line_integrals(lhs)
    rhs_value, rhs_done = evaluate_real_line_integrals(rhs)
    if lhs_done and rhs_done:
        closed = check_equal(lhs_value, rhs_value, settings)
        return replace(closed, method=f"{_integral_rule(lhs, rhs)}, then {closed.method}")
    where = witness.counterexample.describe()
    return Verdict(Outcome.UNDECIDED, f"quadrature disagrees {where}, and the integrals have no closed form here",
                   lhs - rhs, None, witness.points, ("Gaussian integral rule",))


def _integral_identity(lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings) -> Symbolic:
    tried = ["linearity of the integral"]
    lhs_value, lhs_done = evaluate_real_line_integrals(lhs)
    rhs_value, rhs_done = evaluate_real_line_integrals(rhs)
    tried.append("Gaussian integral rule")
    if not (lhs_done and rhs_done):
        return Symbolic(None, lhs - rhs, tuple(tried))
    closed = algebraic_identity(lhs_value - rhs_value, settings.effort)
    method = None if closed.method is None else f"{_integral_rule(lhs, rhs)}, then {closed.method}"
    return Symbolic(method, closed.residual, tuple(tried) + closed.tried, closed.nonzero_constant)


def _integral_rule(lhs: sp.Expr, rhs: sp.Expr) -> str:
    """The rule that evaluated the integrals: Gaussian over the real line, or a polynomial's antiderivative."""
    if any(is_real_line_integral(i) for side in (lhs, rhs) for i in side.atoms(sp.Integral)):
        return "Gaussian integral rule"
    return "antiderivative of a polynomial"


#: A constant residual smaller than this is invisible to the witness's 30-digit comparison.
INVISIBLE = sp.Rational(1, 10**15)


def _below_the_witness(residual: sp.Expr, witness: Witness) -> bool:
    """A constant residual that refutes even though the numbers agreed: they could not see it.

    An exact rational (``10**20 + 1 - 10**20``) or a real constant under 1e-15 (``cos(1e-10) - 1``)
    is below the witness's relative 30-digit comparison. Any other constant while the numbers
    agree (``2 pi i`` from a misfired rule) contradicts them: no verdict.
    """
    if residual.is_Rational:
        return residual != 0
    value = residual.evalf(60)
    if not value.is_Number or value == 0:
        return False
    return witness.points == 0 or abs(value) < INVISIBLE


def _combine(symbolic: Symbolic, witness: Witness, lhs: sp.Expr, rhs: sp.Expr, *, hypotheses: bool = False) -> Verdict:
    if symbolic.method is not None and hypotheses and witness.points == 0:  # x > 0 and -x > 0: nothing to prove
        return Verdict(Outcome.UNDECIDED, f"{symbolic.method} reduces it to 0, but no point satisfies the hypotheses: "
                       "they may contradict each other", None, None, 0, symbolic.tried)
    if symbolic.method is not None:
        if witness.counterexample is not None:
            raise EngineInconsistencyError(
                f"engine bug: {symbolic.method} reduced lhs - rhs to 0, but the numeric witness "
                f"differs {witness.counterexample.describe()} (lhs={sp.sstr(lhs)}, rhs={sp.sstr(rhs)})"
            )
        method = symbolic.method
        if witness.points == 0:
            method += " (no admissible point evaluated numerically)"
        return Verdict(Outcome.PROVED, method, sp.S.Zero, None, witness.points, symbolic.tried)
    if witness.counterexample is not None:
        return Verdict(Outcome.REFUTED, "numeric counterexample", symbolic.residual,
                       witness.counterexample, witness.points, symbolic.tried)
    if symbolic.nonzero_constant and _below_the_witness(symbolic.residual, witness):
        return Verdict(Outcome.REFUTED, "the residual is a nonzero constant", symbolic.residual,
                       None, witness.points, symbolic.tried)
    if symbolic.nonzero_constant:  # a canonical form the numbers contradict is no refutation
        note = (f"a canonical form left the constant {sp.sstr(symbolic.residual)}, but the two sides agree "
                f"numerically at {witness.points} points")
        return Verdict(Outcome.UNDECIDED, note, symbolic.residual, None, witness.points, symbolic.tried)
    note = f"agrees numerically at {witness.points} points, no symbolic proof"
    return Verdict(Outcome.UNDECIDED, note, symbolic.residual, None, witness.points, symbolic.tried)
