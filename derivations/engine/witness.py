"""The numeric witness: both sides evaluated with mpmath at random admissible points.

Every verdict is confronted with it. Plain expressions are evaluated at 30 digits
(SymPy's evalf guarantees them at an exact rational point); integrals by mpmath
quadrature, which carries error, so they are compared more loosely and a
disagreement there alone refutes nothing.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

from derivations.engine import notation
from derivations.engine.probability import Density, Divergence, Expectation, Opaque
from derivations.engine.quadrature import double_exponential
from derivations.engine.settings import DEFAULT_SETTINGS, CheckSettings
from derivations.engine.verdict import Counterexample

DIGITS = 30
RELATIVE_TOLERANCE = mpmath.mpf("1e-20")
#: Integrals carry quadrature error: they are compared with a looser tolerance
#: (and, where SymPy's evalf must do them, at 15 digits).
INTEGRAL_DIGITS = 15
QUADRATURE_DIGITS = 15
INTEGRAL_TOLERANCE = mpmath.mpf("1e-9")


@dataclass(frozen=True)
class Witness:
    """What the numeric witness saw: how many points agreed, and a point that did not."""

    points: int
    counterexample: Counterexample | None
    precise: bool = True  # False for quadrature: a disagreement may be the quadrature's error
    #: False when opaque terms (densities, expectations) were given unrelated values: a relation
    #: between them (a chain rule, Bayes' rule) may still make the two sides equal.
    conclusive: bool = True


#: Points tried before giving up on a pair of sides no point evaluates. Measured (December 2026) on the
#: derivations, the project's pages and the lint corpus: of 800 witnesses, 734 evaluated at their first
#: point and 66 at none, so further points only repeat a failure (a term that has no number).
FIRST_POINT_ATTEMPTS = 4


def numeric_witness(lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings = DEFAULT_SETTINGS) -> Witness:
    """Evaluate both sides at random admissible points with 30-digit arithmetic.

    Opaque terms (:mod:`~derivations.engine.probability`, undefined functions) are given
    values of their own, positive for densities: agreement then says something, but a
    disagreement refutes nothing (``conclusive`` is False).
    """
    (lhs, rhs), opaque = _stand_ins(lhs, rhs)
    symbols = sorted((lhs - rhs).free_symbols | lhs.free_symbols | rhs.free_symbols, key=sp.default_sort_key)
    evaluate, precise = _evaluator(lhs, rhs, symbols)
    wanted = settings.witness_points if precise else 2
    tolerance = RELATIVE_TOLERANCE if precise else INTEGRAL_TOLERANCE
    rng = random.Random(settings.seed)
    agreed = 0
    counts = _limit_symbols(lhs, rhs)
    failed = 0
    for point in _admissible_points(symbols, settings.constraints, rng, wanted * 4, counts):
        values = evaluate(point)
        if values is None:
            failed += 1
            if agreed == 0 and failed >= FIRST_POINT_ATTEMPTS:
                break
            continue
        left, right = values
        if abs(left - right) > tolerance * (1 + abs(left) + abs(right)):
            return Witness(agreed, _counterexample(point, left, right), precise, not opaque)
        agreed += 1
        if agreed >= wanted:
            break
    return Witness(agreed, None, precise, not opaque)


def _stand_ins(lhs: sp.Expr, rhs: sp.Expr) -> tuple[tuple[sp.Expr, sp.Expr], bool]:
    """Both sides with each opaque term replaced by a symbol of its own (positive for a density).

    A term that uses a bound variable (``f(t)`` inside a product over ``t``) cannot become one
    symbol: its enclosing sum, product or integral stands in whole, after the concrete ranges
    are written out (an empty product is 1 whatever its factors are).
    """
    lhs, rhs = (written_out(side) for side in (lhs, rhs))
    terms = set().union(*(side.atoms(Density, Expectation, Divergence, Opaque, AppliedUndef) for side in (lhs, rhs)))
    terms = set().union(*(_closed(term, side) for side in (lhs, rhs) for term in terms))
    outermost = [t for t in terms if not any(t != other and other.has(t) for other in terms)]
    if not outermost:
        return (lhs, rhs), False
    names = {}
    for index, term in enumerate(sorted(outermost, key=sp.default_sort_key)):
        kind = {"positive": True} if term.is_positive else {"real": True} if term.is_real else {}
        names[term] = sp.Symbol(f"opaque_{index}", **kind)
    lhs, rhs = lhs.xreplace(names), rhs.xreplace(names)
    # an integral of stand-ins alone (of p(x) as a constant) has no number: it stands in whole, not to be integrated
    flat = {i for side in (lhs, rhs) for i in side.atoms(sp.Integral) if not i.function.has(*i.variables)}
    flat = {i: sp.Symbol(f"opaque_integral_{index}", real=True)
            for index, i in enumerate(sorted(flat, key=sp.default_sort_key))}
    return (lhs.xreplace(flat), rhs.xreplace(flat)), True


#: Sums and products with concrete limits are written out when they have at most this many terms.
WRITE_OUT_TERMS = 64
_BINDERS = (sp.Sum, sp.Product, sp.Integral)


def written_out(expr: sp.Expr) -> sp.Expr:
    """``expr`` with each sum and product over a short concrete range written out term by term.

    Written by hand, not by SymPy's ``doit``, whose telescoping of ``f(t)/f(t-1)`` over an
    empty range varies with the hash seed. Reversed ranges follow Karr's convention, as
    SymPy's ``Sum`` and ``Product`` do.
    """
    if not expr.has(sp.Sum, sp.Product):
        return expr
    args = [written_out(arg) for arg in expr.args]
    if args != list(expr.args):
        expr = expr.func(*args)
    return _write_out(expr) if isinstance(expr, (sp.Sum, sp.Product)) and _concrete(expr) else expr


def _concrete(e: sp.Sum | sp.Product) -> bool:
    if e.has(sp.Integral) or any(len(limit) != 3 for limit in e.limits):
        return False
    return all((high - low).is_Integer and abs(high - low) < WRITE_OUT_TERMS for _, low, high in e.limits)


def _write_out(e: sp.Sum | sp.Product) -> sp.Expr:
    combine = sp.Add if isinstance(e, sp.Sum) else sp.Mul
    body = e.function
    for var, low, high in e.limits:  # innermost first
        if high >= low - 1:
            body = combine(*(body.xreplace({var: low + k}) for k in range(int(high - low) + 1)))
        else:  # Karr: the sum from a to b < a - 1 is minus the sum from b + 1 to a - 1 (a product: its inverse)
            reverse = combine(*(body.xreplace({var: high + 1 + k}) for k in range(int(low - high) - 1)))
            body = -reverse if combine is sp.Add else 1 / reverse
    return body


def _closed(term: sp.Expr, side: sp.Expr) -> set[sp.Expr]:
    """``term``, or the binders of ``side`` around it whose variables it uses."""
    binders = {b for b in side.atoms(*_BINDERS) if b.has(term) and term.free_symbols & set(b.variables)}
    return binders or ({term} if side.has(term) else set())


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
    """The integral's value at a point: double-exponential quadrature in float64, else mpmath's."""
    var, low, high = integral.limits[0]
    fast = sp.lambdify([var, *symbols], integral.function, modules="numpy")
    integrand = sp.lambdify([var, *symbols], integral.function, modules="mpmath")
    bounds = [sp.lambdify(symbols, bound, modules="mpmath") for bound in (low, high)]

    def value(args):
        a, b = (bound(*args) for bound in bounds)
        floats = [float(arg) for arg in args]
        quick = double_exponential(lambda v: fast(v, *floats), float(a), float(b))
        if quick is not None:
            return mpmath.mpmathify(quick)
        # split the real line so a narrow peak near the origin is not stepped over
        points = [a, -3, 0, 3, b] if (a, b) == (-mpmath.inf, mpmath.inf) else [a, b]
        with mpmath.workdps(QUADRATURE_DIGITS):
            return mpmath.quad(lambda v: integrand(v, *args), points)
    return value


def _exact_evaluator(lhs: sp.Expr, rhs: sp.Expr):
    """Substitute the exact (rational) point, then let SymPy's evalf guarantee 30 digits."""
    def evaluate(point: Mapping[sp.Symbol, sp.Rational]):
        try:
            return tuple(_finite(mpmath.mpmathify(sp.N(_at(side, point), DIGITS))) for side in (lhs, rhs))
        except (TypeError, ValueError, ZeroDivisionError, ArithmeticError):
            return None
    return evaluate


def _at(side: sp.Expr, point: Mapping[sp.Symbol, sp.Rational]) -> sp.Expr:
    """``side`` at ``point``, its sums and products over the now concrete ranges written out."""
    if not side.has(sp.Sum, sp.Product):
        return side.xreplace(point)
    with sp.evaluate(False):  # a log of a product is not evaluated before the product is written out
        concrete = side.xreplace(point)
    return written_out(concrete)


def _evalf_evaluator(lhs: sp.Expr, rhs: sp.Expr):
    def evaluate(point: Mapping[sp.Symbol, sp.Rational]):
        with mpmath.workdps(INTEGRAL_DIGITS):
            try:
                return tuple(_finite(mpmath.mpmathify(sp.N(_at(side, point), INTEGRAL_DIGITS)))
                             for side in (lhs, rhs))
            except (TypeError, ValueError, ZeroDivisionError, ArithmeticError):
                return None
    return evaluate


def _finite(value):
    if not mpmath.isfinite(value):
        raise ValueError("not finite")
    return value


def _limit_symbols(*sides: sp.Expr) -> set[sp.Symbol]:
    """The symbols in the limits of a sum or product: they count terms, so they get integer values."""
    found: set[sp.Symbol] = set()
    for side in sides:
        for node in side.atoms(sp.Sum, sp.Product):
            for limit in node.limits:
                found |= set().union(*(bound.free_symbols for bound in limit[1:]))
    return found


def _admissible_points(symbols, constraints, rng: random.Random, tries: int,
                       counts: set[sp.Symbol] = frozenset()) -> Iterator[dict]:
    relevant = [c for c in constraints if c.free_symbols <= set(symbols)]
    for _ in range(tries * 50):
        point = {s: _sample(s, rng, counting=s in counts) for s in symbols}
        if all(bool(c.xreplace(point)) for c in relevant):
            yield point
            tries -= 1
            if tries <= 0:
                return


def _sample(sym: sp.Symbol, rng: random.Random, *, counting: bool = False) -> sp.Rational:
    if sym.is_integer or (counting and sym.is_integer is not False and sym.is_positive is not False):
        return sp.Integer(rng.randint(1, 6))
    low, high = notation.sample_range(sym)
    return sp.Rational(round(rng.uniform(low, high), 3)).limit_denominator(1000)


def _counterexample(point: Mapping[sp.Symbol, sp.Rational], left, right) -> Counterexample:
    def show(value) -> str:
        return mpmath.nstr(value, 12)
    named = tuple(sorted((str(s), f"{float(v):g}") for s, v in point.items()))
    return Counterexample(named, show(left), show(right))
