r"""The relation the forward-process derivation needs for its named products.

* :data:`PRODUCTS`: both lines are equal once the named products
  :math:`\bar\alpha_t = \prod_{i=1}^{t} \alpha_i` are peeled to a common range
  (:func:`peel_last_factor`, checked by SymPy's ``product_simplify``) and cancelled;
  refuted at concrete ``t`` and ``alpha_i`` when they differ.

The engine's ``check_equal`` cannot take these lines: it knows no rule for a
``Product`` with a symbolic upper limit.

References: source 000, after eq. (4) (the product); Karr (1981), "Summation in
finite terms" (the convention SymPy's ``Product`` follows).
"""

from __future__ import annotations

import random

import sympy as sp
from sympy.simplify.simplify import product_simplify

from derivations.engine.notation import sample_range, symbol
from derivations.engine.relations import Context, Relation
from derivations.engine.verdict import Counterexample, Outcome, Verdict
from derivations.errors import EngineInconsistencyError

alpha_t, alpha_tm1, alpha_1 = (symbol(n) for n in ("alpha_t", "alpha_tm1", "alpha_1"))
alpha_bar_t, alpha_bar_tm1, alpha_bar_1 = (symbol(n) for n in ("alpha_bar_t", "alpha_bar_tm1", "alpha_bar_1"))

#: The time index (an integer; the shared ``t`` is the real integration variable of source 000).
T_INDEX = sp.Symbol("t", integer=True, positive=True)
I_INDEX = sp.Symbol("i", integer=True, positive=True)
alpha_i = sp.IndexedBase("alpha", positive=True)


def named_product(upper: sp.Expr) -> sp.Product:
    r""":math:`\prod_{i=1}^{upper} \alpha_i`, kept as a SymPy ``Product`` (source 000, after eq. (4))."""
    return sp.Product(alpha_i[I_INDEX], (I_INDEX, 1, upper))


#: The shared symbols as the indexed quantities they name.
NAMED_PRODUCTS: dict[sp.Symbol, sp.Expr] = {
    alpha_t: alpha_i[T_INDEX],
    alpha_tm1: alpha_i[T_INDEX - 1],
    alpha_1: alpha_i[1],
    alpha_bar_t: named_product(T_INDEX),
    alpha_bar_tm1: named_product(T_INDEX - 1),
    alpha_bar_1: named_product(1),
}


def peel_last_factor(product: sp.Product) -> sp.Expr | None:
    r"""Lemma: :math:`\prod_{i=a}^{b} f(i) = \left(\prod_{i=a}^{b-1} f(i)\right) f(b)`.

    Valid for every integer ``b`` under Karr's convention, which SymPy's ``Product`` follows.
    The split is checked, not assumed: SymPy's ``product_simplify`` (concatenation of
    adjacent ranges) must give back ``product`` exactly. None if it does not.
    """
    f, (i, a, b) = product.function, product.limits[0]
    head, last = sp.Product(f, (i, a, b - 1)), sp.Product(f, (i, b, b))
    if product_simplify(head * last) != product:
        return None
    return head * last.doit()


def _offset(upper: sp.Expr) -> int | None:
    k = sp.expand(T_INDEX - upper)
    return int(k) if k.is_Integer and k >= 0 else None


def canonical_products(*exprs: sp.Expr) -> tuple[sp.Expr, ...] | None:
    """``exprs`` in indexed form, every named product peeled down to the lowest upper limit among them.

    Products with numeric limits are multiplied out. None if some product is not
    ``prod_{i=1}^{t-k} alpha_i``.
    """
    exprs = tuple(
        e.xreplace(NAMED_PRODUCTS).replace(
            lambda f: isinstance(f, sp.Product) and f.limits[0][2].is_number, lambda f: f.doit()
        )
        for e in exprs
    )
    offsets = {p: _offset(p.limits[0][2]) for e in exprs for p in e.atoms(sp.Product)}
    if any(k is None or p != named_product(p.limits[0][2]) for p, k in offsets.items()):
        return None
    lowest, replacements = max(offsets.values(), default=0), {}
    for product, k in offsets.items():
        value: sp.Expr = product
        for _ in range(lowest - k):
            (inner,) = value.atoms(sp.Product)
            peeled = peel_last_factor(inner)
            if peeled is None:
                return None
            value = value.xreplace({inner: peeled})
        replacements[product] = value
    return tuple(e.xreplace(replacements) for e in exprs)


def _concrete(expr: sp.Expr, t: int, values: dict[sp.Symbol, sp.Rational]) -> sp.Expr:
    expr = expr.xreplace(NAMED_PRODUCTS).xreplace({T_INDEX: t}).doit()
    expr = expr.replace(
        lambda e: isinstance(e, sp.Indexed) and e.base == alpha_i,
        lambda e: sp.Rational(int(e.indices[0]) + 2, 2 * int(e.indices[0]) + 5),
    )
    return expr.xreplace(values)


def product_witness(lhs: sp.Expr, rhs: sp.Expr, seed: int = 2020) -> tuple[int, Counterexample | None]:
    """Both sides at t = 2, 3, 5 with alpha_i = (i + 2)/(2i + 5), other symbols sampled.

    Returns how many points evaluated to numbers and agreed, and the first point where
    the two sides differ (or None). A side that is not a number is skipped, never a refutation.
    """
    rng = random.Random(seed)
    others = sorted(
        (lhs.free_symbols | rhs.free_symbols) - set(NAMED_PRODUCTS) - {T_INDEX, I_INDEX},
        key=sp.default_sort_key,
    )
    agreed = 0
    for t in (2, 3, 5):
        values = {
            s: sp.Rational(round(rng.uniform(*sample_range(s)), 3)).limit_denominator(1000) for s in others
        }
        left, right = (sp.N(_concrete(side, t, values), 30) for side in (lhs, rhs))
        if not (isinstance(left, sp.Number) and isinstance(right, sp.Number)):
            continue
        if abs(left - right) > 1e-20 * (1 + abs(left) + abs(right)):
            point = (
                ("t", str(t)),
                ("alpha_i", "(i+2)/(2i+5)"),
                *((str(s), str(v)) for s, v in values.items()),
            )
            return agreed, Counterexample(point, str(left), str(right))
        agreed += 1
    return agreed, None


class _NamedProducts(Relation):
    """The two lines are equal once the named products are peeled to a common range and cancelled."""

    name = "named products (peel the last factor; product_simplify)"

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        sides = canonical_products(previous, current)
        if sides is None:
            return Verdict(Outcome.UNDECIDED, "a product is not of the form prod_{i=1}^{t-k} alpha_i")
        points, witness = product_witness(previous, current)
        residual = sp.cancel(sp.expand(sides[0] - sides[1]))
        if residual == 0 and witness is not None:
            raise EngineInconsistencyError(
                f"engine bug: the named products cancel, but {witness.describe()} "
                f"(lhs={sp.sstr(previous)}, rhs={sp.sstr(current)})"
            )
        method = "peeling the last factor off the named products, then cancellation"
        if residual == 0:
            return Verdict(Outcome.PROVED, method, sp.S.Zero, None, points)
        if witness is not None:
            return Verdict(Outcome.REFUTED, "concrete t and alpha_i", residual, witness, points)
        return Verdict(
            Outcome.UNDECIDED,
            f"agrees at {points} concrete points, no symbolic proof",
            residual,
            None,
            points,
        )


PRODUCTS = _NamedProducts()
