"""Is lhs equal to rhs? Three honest outcomes: proved, refuted, or undecided.

A check first tries cheap canonical forms (expansion, cancellation, collecting
exponentials and logarithms) and only then ``simplify``, all within a time
budget. Every verdict is then confronted with an independent numeric witness:
both sides evaluated with mpmath at 30 digits at random admissible points.

* proved: a canonical form of ``lhs - rhs`` is exactly zero, and the witness agrees;
* refuted: the witness found a point where the two sides differ (reported with
  the residual and the two values), or the residual is a nonzero constant;
* undecided: neither. Undecided is never a pass.

A symbolic proof that the witness contradicts raises
:class:`~derivations.errors.EngineInconsistencyError`: that is a bug here, not a verdict.
"""

from __future__ import annotations

import enum
import random
import signal
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

import mpmath
import sympy as sp

from derivations import notation
from derivations.defined import unfold
from derivations.errors import EngineInconsistencyError
from derivations.gaussian_integral import evaluate_real_line_integrals, gaussian_integral, is_real_line_integral

DIGITS = 30
RELATIVE_TOLERANCE = mpmath.mpf("1e-20")
#: Integrals carry quadrature error: they are compared with a looser tolerance
#: (and, where SymPy's evalf must do them, at 15 digits).
INTEGRAL_DIGITS = 15
QUADRATURE_DIGITS = 15
INTEGRAL_TOLERANCE = mpmath.mpf("1e-9")


class Outcome(enum.Enum):
    """What a check concluded about a step."""

    PROVED = "proved"
    REFUTED = "refuted"
    UNDECIDED = "undecided"
    STATED = "stated"  # a given or a definition: stated, not checked

    @property
    def mark(self) -> str:
        return {"proved": "✓", "refuted": "✗", "undecided": "?", "stated": "·"}[self.value]


@dataclass(frozen=True)
class Counterexample:
    """A point where the two sides of a refuted step differ, with both values."""

    point: tuple[tuple[str, str], ...]
    lhs: str
    rhs: str

    def describe(self) -> str:
        where = ", ".join(f"{name}={value}" for name, value in self.point) or "any point"
        return f"at {where}: lhs={self.lhs}, rhs={self.rhs}"

    def as_dict(self) -> dict[str, object]:
        return {"point": dict(self.point), "lhs": self.lhs, "rhs": self.rhs}


@dataclass(frozen=True)
class Verdict:
    """The outcome of one check, how it was reached, and the evidence."""

    outcome: Outcome
    method: str
    residual: sp.Expr | None = None
    counterexample: Counterexample | None = None
    witness_points: int = 0
    tried: tuple[str, ...] = ()

    @property
    def proved(self) -> bool:
        return self.outcome is Outcome.PROVED

    def describe(self) -> str:
        """One line: the outcome, the method, and for a refutation the residual and point."""
        text = f"{self.outcome.value} ({self.method})"
        if self.residual is not None and self.outcome is not Outcome.PROVED:
            text += f"; residual {sp.sstr(self.residual)}"
        if self.counterexample is not None:
            text += f"; {self.counterexample.describe()}"
        return text


@dataclass(frozen=True)
class CheckSettings:
    """How hard a check tries: its time budget, its witness, its admissible points.

    ``constraints`` are relations between symbols (``alpha_bar_t < alpha_bar_tm1``)
    that a sampled point must satisfy; they shape the witness, not the proof.
    ``positive`` are expressions stated positive (``1 - alpha_bar_t``): a hypothesis
    the proof may use to split square roots, and that the witness respects.

    >>> a = notation.symbol("alpha_bar_t")
    >>> check_equal(sp.sqrt(2 * (1 - a)), sp.sqrt(2) * sp.sqrt(1 - a),
    ...             CheckSettings().with_positive(1 - a)).outcome
    <Outcome.PROVED: 'proved'>
    """

    budget_seconds: float = 5.0
    witness_points: int = 3
    seed: int = 2020
    constraints: tuple[sp.Basic, ...] = ()
    definitions: Mapping[sp.Symbol, sp.Expr] = field(default_factory=dict)
    positive: tuple[sp.Expr, ...] = ()

    def with_constraints(self, *more: sp.Basic) -> CheckSettings:
        return replace(self, constraints=self.constraints + tuple(more))

    def with_positive(self, *exprs: sp.Expr) -> CheckSettings:
        """Hypothesis: each of ``exprs`` is positive (used to split radicals; sampled so)."""
        exprs = tuple(sp.sympify(e) for e in exprs)
        return replace(self, positive=self.positive + exprs,
                       constraints=self.constraints + tuple(e > 0 for e in exprs))


DEFAULT_SETTINGS = CheckSettings()


def check_equal(lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings = DEFAULT_SETTINGS) -> Verdict:
    """Decide whether ``lhs`` equals ``rhs`` for all admissible values of their symbols.

    Named functions (:mod:`derivations.defined`) are unfolded first. Integrals over
    the real line are compared integrand by integrand (linearity), or evaluated by
    the Gaussian integral rule. If the plain check is not a proof, the step's
    definitions (abbreviations such as ``B_1 = 1/(2 sigma_1^2)``) are substituted
    and the check is tried again.

    >>> x = notation.symbol("x")
    >>> check_equal((x + 1)**2, x**2 + 2*x + 1).outcome
    <Outcome.PROVED: 'proved'>
    >>> check_equal((x + 1)**2, x**2 + 1).outcome
    <Outcome.REFUTED: 'refuted'>
    """
    lhs, rhs = unfold(sp.sympify(lhs)), unfold(sp.sympify(rhs))
    undefined = lhs.has(sp.nan, sp.zoo) or rhs.has(sp.nan, sp.zoo)  # nan == nan, but 0/0 is no value
    if not undefined and (lhs == rhs or evaluated(lhs) == evaluated(rhs)):
        return Verdict(Outcome.PROVED, "identical expressions", sp.S.Zero)
    expanded = [substitute_definitions(side, settings.definitions) for side in (lhs, rhs)]
    if expanded == [lhs, rhs]:
        return _check_once(lhs, rhs, settings)
    # Abbreviations sampled as free symbols: a disagreement there proves nothing,
    # so only an agreeing plain check is worth its symbolic pass.
    plain = numeric_witness(lhs, rhs, settings)
    if plain.counterexample is None:
        verdict = _check_once(lhs, rhs, settings, plain)
        if verdict.proved:
            return verdict
    positive = tuple(substitute_definitions(p, settings.definitions) for p in settings.positive)
    second = _check_once(*expanded, replace(settings, positive=settings.positive + positive))
    return replace(second, method=f"{second.method}, after substituting the definitions")


def provably(expr: sp.Expr, fact: str, positive: Sequence[sp.Expr] = ()) -> bool:
    """Do SymPy's assumptions, with the stated ``positive`` expressions, prove ``expr.is_<fact>``?

    Each stated expression is replaced by a fresh positive symbol first, so
    ``provably(sqrt(1 - a), "real", [1 - a])`` is True.
    """
    expr = sp.sympify(expr)
    below_one = {p: (1 - p).free_symbols.pop() for p in positive if _is_one_minus_positive_symbol(p)}
    # 0 < s < 1 (s positive, 1 - s stated positive): write s = 1/(1 + q) with q > 0, a change of variables
    in_unit = {s: 1 / (1 + sp.Dummy("q", positive=True)) for s in below_one.values()}
    stand_ins = {p: sp.Dummy("p", positive=True) for p in positive if p not in below_one}
    for candidate in (expr.xreplace(stand_ins), expr.xreplace(stand_ins).xreplace(in_unit)):
        if getattr(candidate, f"is_{fact}") is True:
            return True
        radicals_cancelled = candidate.replace(lambda e: e.is_Pow, lambda e: sp.Pow(sp.cancel(e.base), e.exp))
        if getattr(radicals_cancelled, f"is_{fact}") is True:
            return True
    return False


def _is_one_minus_positive_symbol(expr: sp.Expr) -> bool:
    rest = 1 - expr
    return rest.is_Symbol and rest.is_positive is True


def evaluated(expr: sp.Basic) -> sp.Basic:
    """``expr`` rebuilt bottom-up, so that an unevaluated display form becomes SymPy's usual form.

    Rebuilding only runs SymPy's automatic evaluation (it integrates nothing), so two
    expressions equal after it are the same expression.
    """
    if not expr.args or isinstance(expr, sp.Integral):
        return expr
    return expr.func(*(evaluated(arg) for arg in expr.args))


def substitute_definitions(expr: sp.Expr, definitions: Mapping[sp.Symbol, sp.Expr]) -> sp.Expr:
    """``expr`` with every defined abbreviation replaced by its value (repeatedly)."""
    for _ in range(5):  # definitions may use other defined symbols
        new = expr.xreplace(dict(definitions))
        if new == expr:
            break
        expr = new
    return expr


def _check_once(lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings, witness: Witness | None = None) -> Verdict:
    if lhs.has(sp.Integral) or rhs.has(sp.Integral):
        by_integrands = _integrands_equal(lhs, rhs, settings)  # cheap: no quadrature
        if by_integrands is not None:
            return by_integrands
    witness = witness or numeric_witness(lhs, rhs, settings)
    if witness.counterexample is not None and not witness.precise:
        return _quadrature_disagrees(lhs, rhs, settings, witness)
    if witness.counterexample is not None:  # refuted: only a readable residual is left to find
        residual = _algebraic_identity(lhs - rhs, min(settings.budget_seconds, 1.0), forms=1)
        return _combine(residual, witness, lhs, rhs)
    if settings.positive:
        lhs, rhs = (split_radicals(side, settings.positive) for side in (lhs, rhs))
    if lhs.has(sp.Integral) or rhs.has(sp.Integral):
        symbolic = _integral_identity(lhs, rhs, settings)
    else:
        symbolic = _algebraic_identity(lhs - rhs, settings.budget_seconds)
    return _combine(symbolic, witness, lhs, rhs)


# --- symbolic side ---------------------------------------------------------


@dataclass(frozen=True)
class _Symbolic:
    method: str | None  # how the difference was reduced to zero, or None
    residual: sp.Expr
    tried: tuple[str, ...]
    nonzero_constant: bool = False


def _collect_exponentials(expr: sp.Expr) -> sp.Expr:
    """Canonical form of a sum of ``coefficient * exp(exponent)`` terms.

    Each term's exponentials are merged into one whose exponent is put in
    rational normal form (``cancel``); terms with the same exponent are grouped and
    their coefficients summed in rational normal form. Zero exactly when every
    group's coefficients cancel. Exponents are not expanded into products, which is
    what keeps Gaussian densities with rational variances small.
    """
    expr, restore = _rationalise_powers(expr)
    groups: dict[sp.Expr, sp.Expr] = {}
    for term in sp.Add.make_args(sp.expand(expr, deep=False, power_exp=False)):
        exponent, coefficient = sp.S.Zero, sp.S.One
        for factor in sp.Mul.make_args(term):
            base, power = factor.as_base_exp()
            if isinstance(base, sp.exp) and (power.is_integer or base.args[0].is_extended_real):
                exponent += base.args[0] * power  # (e^z)^p = e^(zp) only for real z or integer p
            elif base is sp.E:  # exp(z) itself
                exponent += power
            else:
                coefficient *= factor
        key = sp.cancel(sp.together(exponent))
        groups[key] = groups.get(key, sp.S.Zero) + coefficient
    collected = sp.Add(*(sp.cancel(sp.together(c)) * sp.exp(k) for k, c in groups.items()))
    return collected.xreplace(restore)


def _rationalise_powers(expr: sp.Expr) -> tuple[sp.Expr, dict[sp.Symbol, sp.Expr]]:
    """Write each positive symbol ``s`` seen under ``s**(p/q)`` as ``u**q`` with ``u`` positive.

    Then ``sqrt(alpha_t)`` and ``alpha_t`` are powers of one generator, and ``cancel``
    sees their common factors. A change of variables on the positive reals, so sound;
    returns the map back (``u -> s**(1/q)``).
    """
    denominators: dict[sp.Symbol, int] = {}
    for power in expr.atoms(sp.Pow):
        base, exponent = power.base, power.exp
        if base.is_Symbol and base.is_positive and exponent.is_Rational and not exponent.is_integer:
            denominators[base] = sp.ilcm(denominators.get(base, 1), exponent.q)
    forward, back = {}, {}
    for symbol, q in denominators.items():
        root = sp.Dummy(f"{symbol.name}_root", positive=True)
        forward[symbol], back[root] = root**q, symbol ** sp.Rational(1, q)
    return expr.xreplace(forward), back


#: The canonical forms, cheapest first. Each is an identity transformation.
CANONICAL_FORMS: tuple[tuple[str, Callable[[sp.Expr], sp.Expr]], ...] = (
    ("expansion", sp.expand),
    ("cancellation", lambda e: sp.cancel(sp.together(sp.expand(e)))),
    ("collecting exponentials", _collect_exponentials),
    ("expanding logarithms", lambda e: sp.expand(sp.expand_log(sp.expand(e), deep=True))),
    ("radical denesting", lambda e: sp.expand(sp.radsimp(sp.powdenest(sp.expand(e))))),
    ("simplification", sp.simplify),
)


def _algebraic_identity(difference: sp.Expr, budget_seconds: float, forms: int | None = None) -> _Symbolic:
    deadline = time.monotonic() + budget_seconds
    tried: list[str] = []
    best = difference
    for name, transform in CANONICAL_FORMS[:forms]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            tried.append(f"{name} (out of time)")
            continue
        try:
            with time_budget(remaining):
                reduced = transform(difference)
        except OutOfTime:
            tried.append(f"{name} (out of time)")
            continue
        tried.append(name)
        if reduced == 0:
            return _Symbolic(name, sp.S.Zero, tuple(tried))
        if sp.count_ops(reduced) < sp.count_ops(best):
            best = reduced
        if reduced.is_number and not reduced.has(sp.nan, sp.zoo) and reduced.is_zero is False:
            return _Symbolic(None, reduced, tuple(tried), nonzero_constant=True)
    return _Symbolic(None, _readable(best), tuple(tried))


def _readable(residual: sp.Expr) -> sp.Expr:
    """The residual factored, for the report, if that is quick and shorter."""
    if sp.count_ops(residual) > 80:
        return residual
    try:
        with time_budget(0.5):
            factored = sp.factor(residual)
    except (OutOfTime, sp.PolynomialError):
        return residual
    return factored if sp.count_ops(factored) <= sp.count_ops(residual) else residual


def split_radicals(expr: sp.Expr, positive: Sequence[sp.Expr]) -> sp.Expr:
    r"""Split :math:`\sqrt{ab/c}` into :math:`\sqrt{a}\sqrt{b}/\sqrt{c}` where every factor is positive.

    A factor counts as positive if SymPy's assumptions say so or it is one of the
    stated ``positive`` expressions (or minus one, with the signs pairing up). The
    split is then an identity for real powers, so the transformation is sound under
    the hypothesis; anything else is left as it is.
    """
    stated = [sp.expand(p) for p in positive]

    def is_positive(factor: sp.Expr) -> bool:
        return factor.is_positive is True or sp.expand(factor) in stated

    def split(power: sp.Pow) -> sp.Expr:
        numerator, denominator = sp.fraction(sp.together(power.base))
        factors = [(f, 1) for f in sp.Mul.make_args(sp.factor(numerator))]
        factors += [(f, -1) for f in sp.Mul.make_args(sp.factor(denominator))]
        sign, result = 1, sp.S.One
        for factor, side in factors:
            base, exponent = factor.as_base_exp() if factor.is_Pow else (factor, sp.S.One)
            if not is_positive(base) and is_positive(-base):
                base, sign = -base, sign * (-1) ** (exponent * side)
            if not is_positive(base) or not exponent.is_real:
                return power
            result *= base ** (exponent * side * power.exp)
        return result if sign == 1 else power

    return expr.replace(
        lambda e: e.is_Pow and e.exp.is_Rational and not e.exp.is_integer, split)


def _integrands_equal(lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings) -> Verdict | None:
    """Both sides as one integral over the same range with equal integrands (linearity).

    A proof there proves the integrals equal; anything else proves nothing about
    them (different integrands can have equal integrals), so it returns None.
    """
    if not all(_converges(i) for i in (lhs.atoms(sp.Integral) | rhs.atoms(sp.Integral))):
        return None  # linearity holds for convergent integrals only
    left, right = as_single_integral(lhs), as_single_integral(rhs)
    if left is None or right is None or left.limits[0][1:] != right.limits[0][1:]:
        return None
    var = sp.Dummy("v", real=True)  # fresh: neither side's free symbols can be captured
    integrand_l = left.function.xreplace({left.limits[0][0]: var})
    integrand_r = right.function.xreplace({right.limits[0][0]: var})
    if integrand_l.has(sp.Integral) or integrand_r.has(sp.Integral):
        return None
    inner = _check_once(integrand_l, integrand_r, settings)
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
        return replace(closed, method=f"Gaussian integral rule, then {closed.method}")
    where = witness.counterexample.describe()
    return Verdict(Outcome.UNDECIDED, f"quadrature disagrees {where}, and the integrals have no closed form here",
                   lhs - rhs, None, witness.points, ("Gaussian integral rule",))


def _converges(integral: sp.Integral) -> bool:
    """A real-line integral the Gaussian rule can evaluate (so it converges absolutely)."""
    return is_real_line_integral(integral) and gaussian_integral(integral.function, integral.limits[0][0]) is not None


def _integral_identity(lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings) -> _Symbolic:
    tried = ["linearity of the integral"]
    lhs_value, lhs_done = evaluate_real_line_integrals(lhs)
    rhs_value, rhs_done = evaluate_real_line_integrals(rhs)
    tried.append("Gaussian integral rule")
    if not (lhs_done and rhs_done):
        return _Symbolic(None, lhs - rhs, tuple(tried))
    closed = _algebraic_identity(lhs_value - rhs_value, settings.budget_seconds)
    method = None if closed.method is None else f"Gaussian integral rule, then {closed.method}"
    return _Symbolic(method, closed.residual, tuple(tried) + closed.tried, closed.nonzero_constant)


def as_single_integral(expr: sp.Expr) -> sp.Integral | None:
    """``expr`` as one real-line integral, pulling constant factors and sums inside.

    ``c * Integral(f)`` becomes ``Integral(c * f)`` and ``Integral(f) + Integral(g)``
    becomes ``Integral(f + g)`` (linearity). None if ``expr`` is not of that shape.
    """
    if is_real_line_integral(expr):
        return expr
    if isinstance(expr, sp.Mul):
        integrals = [f for f in expr.args if is_real_line_integral(f)]
        if len(integrals) != 1:
            return None
        (integral,) = integrals
        var = integral.limits[0][0]
        coefficient = expr / integral
        if coefficient.has(var) or coefficient.has(sp.Integral):
            return None
        return sp.Integral(coefficient * integral.function, integral.limits[0])
    if isinstance(expr, sp.Add):
        parts = [as_single_integral(term) for term in expr.args]
        if any(p is None for p in parts):
            return None
        var = sp.Dummy("v", real=True)  # fresh, so no part's free symbol is captured
        integrand = sum((p.function.xreplace({p.limits[0][0]: var}) for p in parts), sp.S.Zero)
        return sp.Integral(integrand, (var, *parts[0].limits[0][1:]))
    return None


# --- numeric witness --------------------------------------------------------


@dataclass(frozen=True)
class Witness:
    """What the numeric witness saw: how many points agreed, and a point that did not."""

    points: int
    counterexample: Counterexample | None
    precise: bool = True  # False for quadrature: a disagreement may be the quadrature's error


def numeric_witness(lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings = DEFAULT_SETTINGS) -> Witness:
    """Evaluate both sides at random admissible points with 30-digit arithmetic."""
    symbols = sorted((lhs - rhs).free_symbols | lhs.free_symbols | rhs.free_symbols, key=sp.default_sort_key)
    evaluate, precise = _evaluator(lhs, rhs, symbols)
    wanted = settings.witness_points if precise else 2
    tolerance = RELATIVE_TOLERANCE if precise else INTEGRAL_TOLERANCE
    rng = random.Random(settings.seed)
    agreed = 0
    for point in _admissible_points(symbols, settings.constraints, rng, wanted * 4):
        values = evaluate(point)
        if values is None:
            continue
        left, right = values
        if abs(left - right) > tolerance * (1 + abs(left) + abs(right)):
            return Witness(agreed, _counterexample(point, left, right), precise)
        agreed += 1
        if agreed >= wanted:
            break
    return Witness(agreed, None, precise)


def _evaluator(lhs: sp.Expr, rhs: sp.Expr, symbols: Sequence[sp.Symbol]):
    """A function of a point giving both sides' values, and whether it works at full precision.

    Plain expressions are compiled with lambdify and evaluated at 30 digits. Integrals
    (one variable, not nested) are done by ``mpmath.quad`` on the compiled integrand,
    also at 30 digits but with quadrature error, so they are compared more loosely.
    What cannot be compiled (a Product, nested integrals) goes through SymPy's evalf.
    """
    integrals = sorted(set().union(*(side.atoms(sp.Integral) for side in (lhs, rhs))), key=sp.default_sort_key)
    try:
        if not integrals:
            return _exact_evaluator(lhs, rhs), True
        if all(len(i.limits) == 1 and len(i.limits[0]) == 3 and not i.function.has(sp.Integral)
               for i in integrals):
            return _compiled_with_quadrature(lhs, rhs, symbols, integrals), False
    except (NotImplementedError, TypeError, ValueError, SyntaxError, NameError):
        pass
    return _evalf_evaluator(lhs, rhs), False


def _compiled(functions, symbols: Sequence[sp.Symbol], quadratures):
    def evaluate(point: Mapping[sp.Symbol, sp.Rational]):
        with mpmath.workdps(DIGITS):
            args = [mpmath.mpf(point[s].p) / point[s].q for s in symbols]
            try:
                values = [quadrature(args) for quadrature in quadratures]
                return tuple(_finite(mpmath.mpmathify(f(*args, *values))) for f in functions)
            except (TypeError, ValueError, ZeroDivisionError, ArithmeticError, NameError):
                return None
    return evaluate


def _compiled_with_quadrature(lhs, rhs, symbols, integrals):
    placeholders = [sp.Dummy(f"integral_{k}") for k in range(len(integrals))]
    named = dict(zip(integrals, placeholders))
    functions = [sp.lambdify([*symbols, *placeholders], side.xreplace(named), modules="mpmath")
                 for side in (lhs, rhs)]
    return _compiled(functions, symbols, [_quadrature(i, symbols) for i in integrals])


def _quadrature(integral: sp.Integral, symbols: Sequence[sp.Symbol]):
    var, low, high = integral.limits[0]
    integrand = sp.lambdify([var, *symbols], integral.function, modules="mpmath")
    bounds = [sp.lambdify(symbols, bound, modules="mpmath") for bound in (low, high)]

    def value(args):
        a, b = (bound(*args) for bound in bounds)
        # split the real line so a narrow peak near the origin is not stepped over
        points = [a, -3, 0, 3, b] if (a, b) == (-mpmath.inf, mpmath.inf) else [a, b]
        with mpmath.workdps(QUADRATURE_DIGITS):
            return mpmath.quad(lambda v: integrand(v, *args), points)
    return value


def _exact_evaluator(lhs: sp.Expr, rhs: sp.Expr):
    """Substitute the exact (rational) point, then let SymPy's evalf guarantee 30 digits."""
    def evaluate(point: Mapping[sp.Symbol, sp.Rational]):
        try:
            return tuple(_finite(mpmath.mpmathify(sp.N(side.xreplace(point), DIGITS))) for side in (lhs, rhs))
        except (TypeError, ValueError, ZeroDivisionError, ArithmeticError):
            return None
    return evaluate


def _evalf_evaluator(lhs: sp.Expr, rhs: sp.Expr):
    def evaluate(point: Mapping[sp.Symbol, sp.Rational]):
        with mpmath.workdps(INTEGRAL_DIGITS):
            try:
                return tuple(_finite(mpmath.mpmathify(sp.N(side.xreplace(point), INTEGRAL_DIGITS)))
                             for side in (lhs, rhs))
            except (TypeError, ValueError, ZeroDivisionError, ArithmeticError):
                return None
    return evaluate


def _finite(value):
    if not mpmath.isfinite(value):
        raise ValueError("not finite")
    return value


def _admissible_points(symbols, constraints, rng: random.Random, tries: int) -> Iterator[dict]:
    relevant = [c for c in constraints if c.free_symbols <= set(symbols)]
    for _ in range(tries * 50):
        point = {s: _sample(s, rng) for s in symbols}
        if all(bool(c.xreplace(point)) for c in relevant):
            yield point
            tries -= 1
            if tries <= 0:
                return


def _sample(sym: sp.Symbol, rng: random.Random) -> sp.Rational:
    if sym.is_integer:
        return sp.Integer(rng.randint(1, 6))
    low, high = notation.sample_range(sym)
    return sp.Rational(round(rng.uniform(low, high), 3)).limit_denominator(1000)


def _counterexample(point: Mapping[sp.Symbol, sp.Rational], left, right) -> Counterexample:
    def show(value) -> str:
        return mpmath.nstr(value, 12)
    named = tuple(sorted((str(s), f"{float(v):g}") for s, v in point.items()))
    return Counterexample(named, show(left), show(right))


# --- verdict -----------------------------------------------------------------


def _combine(symbolic: _Symbolic, witness: Witness, lhs: sp.Expr, rhs: sp.Expr) -> Verdict:
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
    if symbolic.nonzero_constant:
        return Verdict(Outcome.REFUTED, "the residual is a nonzero constant", symbolic.residual,
                       None, witness.points, symbolic.tried)
    note = f"agrees numerically at {witness.points} points, no symbolic proof"
    return Verdict(Outcome.UNDECIDED, note, symbolic.residual, None, witness.points, symbolic.tried)


# --- time budget -------------------------------------------------------------


class OutOfTime(BaseException):
    """Raised inside a budgeted computation when its time is up.

    A ``BaseException`` so that SymPy's own ``except Exception`` blocks cannot swallow it.
    """


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (main thread only; elsewhere no limit)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def _raise(signum, frame):
        raise OutOfTime

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
