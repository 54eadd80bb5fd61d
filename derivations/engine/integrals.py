r"""Integration we control: polynomial times Gaussian over the real line.

.. math:: \int_{-\infty}^{\infty} p(t)\, e^{-a t^2 + b t + c}\, dt
          = e^{c + b^2/(4a)} \sum_{j \text{ even}} d_j\,
            \frac{\Gamma\left(\frac{j+1}{2}\right)}{a^{(j+1)/2}},
          \qquad p(u + \tfrac{b}{2a}) = \sum_j d_j u^j,\ a > 0.

Completing the square moves the peak to :math:`u = t - b/(2a)`; the odd moments
of :math:`e^{-a u^2}` vanish by symmetry and the even ones follow from
:math:`\int e^{-u^2} du = \sqrt{\pi}` (Gauss; the fact source 000 invokes) by
scaling and integration by parts. ``b`` may be complex (the characteristic
function); ``a`` must be provably positive under the symbols' assumptions, or
the rule declines. Declining is "cannot evaluate", never a guess.

References: Abramowitz & Stegun (1964), eq. 7.4.4; source 000, "Convolution of two Gaussians".
"""

from __future__ import annotations

import functools

import sympy as sp


@functools.lru_cache(maxsize=1024)  # the same integrals come back step after step; results are pure
def gaussian_integral(integrand: sp.Expr, var: sp.Symbol) -> sp.Expr | None:
    """The integral of ``integrand`` over the real line in ``var``, or None if the rule does not apply.

    Args:
        integrand: a sum of terms, each a polynomial in ``var`` times exponentials
            whose exponents add up to a quadratic in ``var`` with a negative leading coefficient.
        var: the integration variable.

    Returns:
        The closed form, or None when some term is not of that form.

    >>> from derivations.engine.notation import symbol
    >>> t, B = symbol("t"), symbol("B")
    >>> gaussian_integral(sp.exp(-B * t**2), t)
    sqrt(pi)/sqrt(B)
    """
    for expanded in (sp.expand(integrand, deep=False), sp.expand(integrand)):  # shallow first: it is cheaper
        groups = _by_exponent(expanded)
        values = [_integrate_group(exponent, prefactor, var) for exponent, prefactor in groups.items()]
        if all(v is not None for v in values):
            return sp.Add(*values)
    return None


def _by_exponent(expanded: sp.Expr) -> dict[sp.Expr, sp.Expr]:
    """The terms of ``expanded`` grouped by their exponent: exponent -> the sum of their prefactors."""
    groups: dict[sp.Expr, sp.Expr] = {}
    for term in sp.Add.make_args(expanded):
        exponent, prefactor = sp.S.Zero, sp.S.One
        for factor in sp.Mul.make_args(term):
            if isinstance(factor, sp.exp):
                exponent += factor.args[0]
            else:
                prefactor *= factor
        key = sp.expand(exponent)
        groups[key] = groups.get(key, sp.S.Zero) + prefactor
    return groups


def _integrate_group(exponent: sp.Expr, prefactor: sp.Expr, var: sp.Symbol) -> sp.Expr | None:
    """The integral of ``prefactor * exp(exponent)``: a polynomial times a Gaussian, else None."""
    quadratic = _as_poly(exponent, var)
    polynomial = _as_poly(prefactor, var)
    if quadratic is None or polynomial is None or quadratic.degree() != 2:
        return None  # a constant (degree 0) over the real line diverges; other shapes are not this rule's
    a = -quadratic.coeff_monomial(var**2)
    b = quadratic.coeff_monomial(var)
    c = quadratic.coeff_monomial(1)
    if a.is_positive is not True:
        return None
    shift = b / (2 * a)
    u = sp.Dummy("u")
    shifted = sp.Poly(polynomial.as_expr().subs(var, u + shift), u)
    moments = sum(
        (coeff * sp.gamma(sp.Rational(j + 1, 2)) / a ** sp.Rational(j + 1, 2)
         for (j,), coeff in shifted.terms() if j % 2 == 0),
        sp.S.Zero,
    )
    return sp.exp(c + b**2 / (4 * a)) * moments


def _as_poly(expr: sp.Expr, var: sp.Symbol) -> sp.Poly | None:
    try:
        poly = sp.Poly(expr, var)
    except sp.PolynomialError:
        return None
    if any(coeff.has(var) for coeff in poly.coeffs()):
        return None
    return poly


def is_real_line_integral(expr: sp.Expr) -> bool:
    """Is ``expr`` an integral over the whole real line in one plainly real variable?

    A variable assumed positive (or integer, ...) is refused: SymPy may already have
    used that assumption inside the integrand (|t| -> t), which is false on half the line.
    """
    return (
        isinstance(expr, sp.Integral)
        and len(expr.limits) == 1
        and len(expr.limits[0]) == 3
        and expr.limits[0][1] == -sp.oo
        and expr.limits[0][2] == sp.oo
        and plainly_real(expr.limits[0][0])
    )


def plainly_real(var: sp.Symbol) -> bool:
    """Real, and nothing more: no sign, no integrality (what a variable over the real line may be)."""
    return var.is_real is True and all(
        getattr(var, f"is_{fact}") is None
        for fact in ("positive", "negative", "nonnegative", "nonpositive", "zero", "integer"))


def evaluate_real_line_integrals(expr: sp.Expr) -> tuple[sp.Expr, bool]:
    """Replace each integral in ``expr`` by its closed form: a Gaussian rule's over the real line, or a
    polynomial's over finite limits.

    Returns the new expression and whether every integral was evaluated.
    """
    integrals = [i for i in expr.atoms(sp.Integral)]
    replacements = {}
    for integral in integrals:
        value = polynomial_integral(integral)
        if value is None and is_real_line_integral(integral):
            value = gaussian_integral(integral.function, integral.limits[0][0])
        if value is None:
            return expr, False
        replacements[integral] = value
    return expr.xreplace(replacements), True


def polynomial_integral(integral: sp.Integral) -> sp.Expr | None:
    r""":math:`\int_a^b p(t)\,dt = P(b) - P(a)` for a polynomial p with antiderivative P and finite limits a, b
    free of t (the fundamental theorem of calculus; reversed limits give the negative, as written). None
    if the integral is not of that form."""
    if len(integral.limits) != 1 or len(integral.limits[0]) != 3:
        return None
    var, low, high = integral.limits[0]
    if not plainly_real(var):  # a positive sigma: SymPy has already made |sigma| sigma inside, false below 0
        return None
    if any(limit.has(var, sp.oo, -sp.oo, sp.zoo, sp.nan) for limit in (low, high)):
        return None
    poly = _as_poly(integral.function, var)
    if poly is None:
        return None
    antiderivative = poly.integrate().as_expr()
    return antiderivative.subs(var, high) - antiderivative.subs(var, low)


def converges(integral: sp.Integral) -> bool:
    """A real-line integral the Gaussian rule can evaluate (so it converges absolutely)."""
    return is_real_line_integral(integral) and gaussian_integral(integral.function, integral.limits[0][0]) is not None


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


def matching_integrands(lhs: sp.Expr, rhs: sp.Expr) -> tuple[sp.Expr, sp.Expr] | None:
    """Both sides as one convergent integral over the same range: their integrands, in one fresh variable.

    If the integrands are equal, so are the integrals (linearity). Different integrands
    can still have equal integrals, so None (or unequal integrands) proves nothing.
    """
    if not all(converges(i) for i in (lhs.atoms(sp.Integral) | rhs.atoms(sp.Integral))):
        return None  # linearity holds for convergent integrals only
    left, right = as_single_integral(lhs), as_single_integral(rhs)
    if left is None or right is None or left.limits[0][1:] != right.limits[0][1:]:
        return None
    var = sp.Dummy("v", real=True)  # fresh: neither side's free symbols can be captured
    integrand_l = left.function.xreplace({left.limits[0][0]: var})
    integrand_r = right.function.xreplace({right.limits[0][0]: var})
    if integrand_l.has(sp.Integral) or integrand_r.has(sp.Integral):
        return None
    return integrand_l, integrand_r
