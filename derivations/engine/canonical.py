"""Canonical forms: reduce ``lhs - rhs`` to exactly zero by identity transformations.

Each form in :data:`CANONICAL_FORMS` is an identity transformation, so a form that
reduces the difference to zero proves the two sides equal. They run in an order chosen
from the difference's shape (collecting exponentials first when it has any), each only
if the difference is within the form's work limit (:mod:`~derivations.engine.effort`);
the smallest result is kept as the residual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp
from sympy.polys.fields import sfield

from derivations.engine.effort import DEFAULT_EFFORT, Effort, largest_power, work_size


@dataclass(frozen=True)
class Symbolic:
    """What the symbolic side found: the method that reduced the difference to 0 (or None)."""

    method: str | None  # how the difference was reduced to zero, or None
    residual: sp.Expr
    tried: tuple[str, ...]
    nonzero_constant: bool = False


def evaluated(expr: sp.Basic) -> sp.Basic:
    """``expr`` rebuilt bottom-up, so that an unevaluated display form becomes SymPy's usual form.

    Rebuilding only runs SymPy's automatic evaluation (it integrates nothing), so two
    expressions equal after it are the same expression.
    """
    if not expr.args or isinstance(expr, sp.Integral):
        return expr
    return expr.func(*(evaluated(arg) for arg in expr.args))


def collect_exponentials(expr: sp.Expr) -> sp.Expr:
    """Canonical form of a sum of ``coefficient * exp(exponent)`` terms.

    Each term's exponentials are merged into one whose exponent is put in
    rational normal form (``cancel``); terms with the same exponent are grouped and
    their coefficients summed in rational normal form. Zero exactly when every
    group's coefficients cancel. Exponents are not expanded into products, which is
    what keeps Gaussian densities with rational variances small.
    """
    expr, restore = rationalise_powers(expr)
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


def rational_form(expr: sp.Expr) -> sp.Expr:
    """``expr`` as one reduced fraction of polynomials: zero exactly when ``expr`` is identically zero.

    Computed in SymPy's sparse field of rational functions (``sfield``), whose
    generators are the symbols and the non-rational atoms (``sqrt(x)``, ``exp(y)``):
    treating those as independent variables can miss a relation between them but
    never invents one, so a zero here is a proof. Falls back to ``cancel``.
    """
    try:
        return sfield(expr)[1].as_expr()
    except (sp.PolynomialError, sp.polys.polyerrors.GeneratorsError, ValueError, TypeError, NotImplementedError):
        return sp.cancel(sp.together(expr))


def rationalise_powers(expr: sp.Expr) -> tuple[sp.Expr, dict[sp.Symbol, sp.Expr]]:
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


#: The canonical forms, cheapest first. Each is an identity transformation. Simplification evaluates
#: sums and products but leaves integrals to the integral rules: SymPy's Meijer-G integration of an
#: integral the rules could not do takes seconds and, on the posts measured, never proved a step.
CANONICAL_FORMS: tuple[tuple[str, Callable[[sp.Expr], sp.Expr]], ...] = (
    ("expansion", sp.expand),
    ("cancellation", rational_form),
    ("collecting exponentials", collect_exponentials),
    ("expanding logarithms", lambda e: sp.expand(sp.expand_log(sp.expand(e), deep=True))),
    ("radical denesting", lambda e: sp.expand(sp.radsimp(sp.powdenest(sp.expand(e))))),
    ("simplification", lambda e: sp.simplify(e, doit=not e.has(sp.Integral))),
)


#: The order for a difference with exponentials: their normal form first (it keeps densities small).
_EXPONENTIAL_FIRST = ("collecting exponentials", "expansion", "cancellation", "expanding logarithms",
                      "radical denesting", "simplification")


#: The forms that expand first: after an expansion too large for them, they are not tried.
_FROM_THE_EXPANSION = ("expanding logarithms", "radical denesting")
#: An integral the integral rules left unevaluated: the forms that see through its body (the others cost seconds on
#: the integrals of kl_multivariate's page and, on the derivations and the corpus, proved nothing there).
_UNDER_AN_INTEGRAL = ("expansion", "cancellation", "collecting exponentials")


def _order(difference: sp.Expr) -> tuple[str, ...]:
    """The forms to try, in an order chosen from the shape of ``difference`` (only speed depends on it)."""
    names = tuple(name for name, _ in CANONICAL_FORMS)
    if set(names) == set(_EXPONENTIAL_FIRST) and difference.has(sp.Integral):
        return _UNDER_AN_INTEGRAL
    if set(names) == set(_EXPONENTIAL_FIRST) and (difference.has(sp.exp) or difference.has(sp.E)):
        return _EXPONENTIAL_FIRST
    return names


#: The index of a sum or product body, renamed so that bodies can be compared.
_INDEX = sp.Dummy("index", integer=True)
#: At most this many terms are peeled off one sum or product.
MAX_PEELED = 8


def peel_indexed(expr: sp.Expr) -> sp.Expr:
    r"""Sums and products of one body, written to different upper limits, on one common limit.

    .. math:: \prod_{i=l}^{u+k} f(i) = \prod_{i=l}^{u} f(i) \cdot \prod_{j=1}^{k} f(u + j)

    for a whole number :math:`k \ge 0` (an identity of SymPy's sums and products for every
    integer :math:`u`, by Karr's convention), so that :math:`\prod_{i=1}^{t-1}\alpha_i /
    \prod_{i=1}^{t}\alpha_i` cancels to :math:`1/\alpha_t`.
    """
    groups: dict[tuple, list] = {}
    for node in expr.atoms(sp.Sum, sp.Product):
        if len(node.limits) != 1 or len(node.limits[0]) != 3:
            continue
        index, low, high = node.limits[0]
        groups.setdefault((type(node), node.function.xreplace({index: _INDEX}), low), []).append(node)
    mapping = {}
    for (kind, body, low), nodes in groups.items():
        highs = [n.limits[0][2] for n in nodes]
        base = next((h for h in highs if all((g - h).is_Integer and g - h >= 0 for g in highs)), None)
        if base is None:
            continue
        for node in nodes:
            extra = int(node.limits[0][2] - base)
            if 0 < extra <= MAX_PEELED:
                kept = kind(body, (_INDEX, low, base))
                terms = [body.xreplace({_INDEX: base + j}) for j in range(1, extra + 1)]
                mapping[node] = kept * sp.Mul(*terms) if kind is sp.Product else kept + sp.Add(*terms)
            elif extra == 0:
                mapping[node] = kind(body, (_INDEX, low, base))
    return expr.xreplace(mapping) if mapping else expr


def algebraic_identity(difference: sp.Expr, effort: Effort = DEFAULT_EFFORT, forms: int | None = None) -> Symbolic:
    """Try the canonical forms on ``difference`` (the first ``forms`` of them), each within its work limit."""
    if difference.has(sp.Sum, sp.Product):
        difference = peel_indexed(difference)
    transforms = dict(CANONICAL_FORMS)
    order = _order(difference) if forms is None else tuple(transforms)[:forms]
    size, ops, power = work_size(difference), sp.count_ops(difference), largest_power(difference)
    tried: list[str] = []
    best, best_ops = difference, ops
    expanded_ops = 0  # the forms that start from the expansion are bounded by its size too
    for name in order:
        refused = effort.admits(name, size, ops, power)
        if refused is None and name in _FROM_THE_EXPANSION and expanded_ops > effort.rational_ops:
            refused = f"too large: {expanded_ops} operations expanded, the limit is {effort.rational_ops}"
        if refused is not None:
            tried.append(f"{name} ({refused})")
            continue
        reduced = transforms[name](difference)
        tried.append(name)
        if reduced == 0:
            return Symbolic(name, sp.S.Zero, tuple(tried))
        reduced_ops = sp.count_ops(reduced)
        expanded_ops = reduced_ops if name == "expansion" else expanded_ops
        if reduced_ops < best_ops:
            best, best_ops = reduced, reduced_ops
        if reduced.is_number and not reduced.has(sp.nan, sp.zoo) and reduced.is_zero is False:
            return Symbolic(None, reduced, tuple(tried), nonzero_constant=True)
    return Symbolic(None, readable(best), tuple(tried))


#: Factoring is tried only on small polynomial residuals: multivariate factoring can take minutes.
FACTOR_MAX_SYMBOLS = 5
FACTOR_MAX_DEGREE = 8


def readable(residual: sp.Expr) -> sp.Expr:
    """The residual factored, for the report, if it is a small rational function and factoring shortens it."""
    if sp.count_ops(residual) > 80 or work_size(residual) > 2000 or not _small_rational(residual):
        return residual
    try:
        factored = sp.factor(residual)
    except sp.PolynomialError:
        return residual
    return factored if sp.count_ops(factored) <= sp.count_ops(residual) else residual


def _small_rational(expr: sp.Expr) -> bool:
    """A rational function of at most a few symbols, of low degree (no function, no fractional power)."""
    if expr.has(sp.Function) or any(not p.exp.is_Integer for p in expr.atoms(sp.Pow)):
        return False
    symbols = expr.free_symbols
    if not symbols or len(symbols) > FACTOR_MAX_SYMBOLS:  # a number (or a bound variable only) needs no factoring
        return False
    numerator, denominator = sp.fraction(sp.together(expr))
    try:
        return all(sp.Poly(part, *symbols).total_degree() <= FACTOR_MAX_DEGREE for part in (numerator, denominator))
    except sp.PolynomialError:
        return False
