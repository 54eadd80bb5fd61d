r"""SymPy as the papers print it: textbook order and shapes.

SymPy prints in its own canonical order: ``\frac{- \mu + x}{\sigma}``,
``\mathbf{x}_{t-1} \sqrt{\alpha_{t}}``, ``2 e \pi \sigma^{2}``. :func:`math` prints the way the
papers (Ho et al. 2020; source 000) write:

* a sum starts with a positive term (``x - \mu``, ``\mathbf{x}_t - \sqrt{1 - \bar\alpha_t}\boldsymbol{\epsilon}``);
* a product puts the number first, then the constants (``\pi`` before ``e``), the coefficients,
  and the variables (bold vectors, noise) last, with a coefficient's fraction before its vector:
  ``\frac{\sqrt{\bar\alpha_{t-1}}\beta_t}{1 - \bar\alpha_t}\mathbf{x}_0``;
* an exponent that holds a fraction is written ``\exp\left(...\right)``, not ``e^{...}``;
* a Gaussian density over a bold vector has the covariance ``v\mathbf{I}`` (and mean
  :math:`\mathbf{0}` for a zero mean), as in Ho et al. (2020), eqs. (2) and (4);
* ``\log\left(...\right)`` rather than ``\log{\left(... \right)}``.

What a derivation built unevaluated (a step's ``display=`` form, made with
:mod:`derivations.engine.display`) keeps the author's order: a node is reordered only when it is
in SymPy's own canonical order, which is what evaluation produces. Nothing is evaluated:
the printed expression is the one given, reordered, never simplified.
"""

from __future__ import annotations

import functools
from typing import Any

import sympy as sp
from sympy.printing.latex import LatexPrinter

from derivations.engine.densities import NormalPDF
from derivations.engine.matrix_symbols import ScalarOf
from derivations.engine.notation import SYMBOL_NAMES
from derivations.latex.width import width

_U = {"evaluate": False}
#: A fraction whose top is a sum wider than this (em) is written 1/den (sum), so that a line can break in it.
WIDE_TOP = 12.0
#: The LaTeX prefixes of the symbols that are vectors (data, latents, noise).
_VECTOR_PREFIXES = (r"\mathbf", r"\boldsymbol", r"\bar{\boldsymbol")


def is_vector(sym: sp.Basic) -> bool:
    """True for a symbol the notation prints bold (``\\mathbf{x}_t``, ``\\boldsymbol{\\epsilon}``)."""
    return isinstance(sym, sp.Symbol) and SYMBOL_NAMES.get(sym, "").startswith(_VECTOR_PREFIXES)


def has_vector(expr: sp.Basic) -> bool:
    """True when ``expr`` holds a bold vector symbol."""
    return any(is_vector(s) for s in getattr(expr, "free_symbols", ()))


def _canonical(expr: sp.Basic) -> bool:
    """True when ``expr``'s arguments are in SymPy's own order (as evaluation leaves them)."""
    try:
        return expr.func(*expr.args).args == expr.args
    except Exception:  # a node that cannot be rebuilt is left as it is
        return False


def _negative(term: sp.Expr) -> bool:
    return bool(term.could_extract_minus_sign())


def _factor_rank(factor: sp.Expr) -> tuple[int, int]:
    """Where a factor goes in a product: number, constants, roots, coefficients, sums, vectors."""
    if factor.is_Number:
        return (0, 0)
    if factor in (sp.pi, sp.E, sp.I):
        return (1, {sp.pi: 0, sp.E: 1, sp.I: 2}[factor])
    if is_vector(factor) or (isinstance(factor, sp.Pow) and is_vector(factor.base) and factor.exp.is_positive):
        return (6, _vector_rank(factor))
    if isinstance(factor, sp.exp):
        return (7, 0)
    if isinstance(factor, sp.Pow) and factor.exp == sp.S.Half:
        return (2, 0) if factor.free_symbols else (4, 0)
    if factor.is_Symbol or (isinstance(factor, sp.Pow) and factor.base.is_Symbol):
        return (3, 0)
    return (5, 0)


#: Data and latents before noise; a lower time index first (x_0, ..., x_{t-1}, x_t, then the noise).
_VECTOR_ORDER = ("x_0", "x_1", "x_t-2", "x_t-1", "x_t", "x", "epsilon_0", "epsilonbar_t-2", "epsilon_t-2",
                 "epsilon_t-1", "epsilon")


def _vector_rank(expr: sp.Basic) -> int:
    """The rank of the first vector of ``expr`` in :data:`_VECTOR_ORDER` (len when it has none)."""
    names = [s.name for s in getattr(expr, "free_symbols", ()) if is_vector(s)]
    ranks = [_VECTOR_ORDER.index(n) if n in _VECTOR_ORDER else len(_VECTOR_ORDER) - 1 for n in names]
    return min(ranks, default=len(_VECTOR_ORDER))


def _order_terms(expr: sp.Add) -> list[sp.Expr]:
    """A canonical sum's terms: by their vectors (x_0 before x_t before the noise), a positive term first."""
    terms = list(expr.as_ordered_terms())
    if any(has_vector(t) for t in terms):
        terms.sort(key=_vector_rank)
    if _negative(terms[0]):
        first = next((t for t in terms if not _negative(t)), None)
        if first is not None:
            terms.remove(first)
            terms.insert(0, first)
    return terms


def _root_coefficient(factors: list[sp.Expr]) -> list[sp.Expr]:
    r"""``\sqrt{2}/2`` as ``1/\sqrt{2}``, and the roots of numbers and :math:`\pi` below merged:
    ``\frac{1}{\sigma\sqrt{2\pi}}`` rather than SymPy's ``\frac{\sqrt{2}}{2 \sqrt{\pi} \sigma}``."""
    number = next((f for f in factors if f.is_Rational), sp.S.One)
    roots = [f for f in factors if isinstance(f, sp.Pow) and f.base.is_Integer and f.exp == sp.S.Half]
    for root in roots:
        if number.q % root.base == 0:
            factors = [f for f in factors if f is not root and f is not number]
            number = sp.Rational(number.p, number.q // root.base)
            factors = ([number] if number != 1 else []) + factors + [sp.Pow(root.base, -sp.S.Half, **_U)]
    for half in (-sp.S.Half, sp.S.Half):
        roots = [f for f in factors
                 if isinstance(f, sp.Pow) and f.exp == half and (f.base.is_Integer or f.base is sp.pi)]
        if len(roots) > 1:
            merged = sp.Pow(sp.Mul(*sorted((f.base for f in roots), key=lambda b: b is sp.pi), **_U), half, **_U)
            factors = [f for f in factors if f not in roots] + [merged]
    return factors


def _order_factors(factors: list[sp.Expr]) -> sp.Expr:
    """A canonical product in textbook order; a coefficient's fraction stays before its vectors."""
    factors = _root_coefficient(factors)
    ordered = sorted(factors, key=_factor_rank)
    vectors = [f for f in ordered if _factor_rank(f)[0] >= 6]
    below = [f for f in ordered if isinstance(f, sp.Pow) and f.exp.is_negative and f.exp.is_number]
    if vectors and below and len(vectors) < len(ordered):
        rest = [f for f in ordered if f not in vectors]
        sign = []
        if rest[0].is_Number and rest[0].is_negative:
            sign, rest = [sp.S.NegativeOne], ([-rest[0]] if rest[0] != -1 else []) + rest[1:]
        return sp.Mul(*sign, sp.Mul(*rest, **_U), *vectors, **_U)
    return sp.Mul(*ordered, **_U)


def textbook(expr: Any) -> Any:
    """``expr`` rebuilt unevaluated in textbook order (see the module docstring); never simplified."""
    if not isinstance(expr, sp.Basic) or expr.is_Atom or not expr.args:
        return expr
    entry = _single_entry(expr)
    if entry is not None:  # a 1 x 1 matrix (t^T Sigma t written out) is the number it holds
        return textbook(entry)
    if isinstance(expr, sp.MatrixExpr):  # a product of explicit matrices, as written (rebuilt, it multiplies)
        return expr
    args = [textbook(a) for a in expr.args]
    try:
        if isinstance(expr, sp.Add):
            if _canonical(expr):
                return sp.Add(*(textbook(t) for t in _order_terms(expr)), **_U)
            return sp.Add(*args, **_U)
        if isinstance(expr, sp.Mul):
            if _canonical(expr):
                return _order_factors(args)
            return sp.Mul(*args, **_U)
        if isinstance(expr, sp.Pow):
            return sp.Pow(*args, **_U)
        try:
            return expr.func(*args, **_U)
        except TypeError:
            return expr.func(*args)
    except Exception:  # an unusual node: print it as it is
        return expr


def _single_entry(expr: sp.Basic) -> sp.Expr | None:
    if isinstance(expr, ScalarOf):
        expr = expr.args[0]
    if isinstance(expr, sp.MatrixBase) and expr.shape == (1, 1):
        return expr[0, 0]
    return None


#: A matrix wider than this (em) is set as a ``smallmatrix``.
WIDE_MATRIX = 22.0


class TextbookPrinter(LatexPrinter):
    """SymPy's LaTeX printer with the papers' shapes (``\\exp``, ``\\mathbf{I}``, ``\\log``)."""

    def __init__(self, settings: dict[str, Any] | None = None) -> None:
        settings = {"symbol_names": dict(SYMBOL_NAMES), "order": "none", **(settings or {})}
        super().__init__(settings)

    def _print(self, expr: Any, **kwargs: Any) -> str:
        if isinstance(expr, NormalPDF) and has_vector(expr.args[0]):
            return self._vector_density(expr)
        return super()._print(expr, **kwargs)

    def _vector_density(self, expr: NormalPDF) -> str:
        x, mean, variance = expr.args
        shown_mean = r"\mathbf{0}" if mean == 0 else self._print(mean)
        if variance == 1:
            covariance = r"\mathbf{I}"
        elif isinstance(variance, sp.Add):
            covariance = rf"\left({self._print(variance)}\right)\mathbf{{I}}"
        else:
            covariance = rf"{self._print(variance)}\mathbf{{I}}"
        return rf"\mathcal{{N}}\left({self._print(x)}; {shown_mean}, {covariance}\right)"

    def _print_Mul(self, expr: sp.Mul) -> str:
        """A product as written: a fraction of the factors with negative powers, never evaluated."""
        factors = list(expr.args)
        sign = ""
        if factors and factors[0].is_Number and factors[0].is_negative:
            sign, factors[0] = "- ", -factors[0]
            if factors[0] == 1 and len(factors) > 1:
                factors = factors[1:]
        numerator, denominator = [], []
        for factor in factors:
            if factor.is_Rational and factor.q != 1:
                numerator += [sp.Integer(factor.p)] if factor.p != 1 else []
                denominator.append(sp.Integer(factor.q))
            elif isinstance(factor, sp.Pow) and factor.exp.is_number and factor.exp.is_negative:
                denominator.append(factor.base if factor.exp == -1 else sp.Pow(factor.base, -factor.exp, **_U))
            else:
                numerator.append(factor)
        if not denominator:
            return sign + self._product(numerator)
        trailing = [f for f in numerator if isinstance(f, sp.exp)]  # \frac{1}{...} \exp(...), not \frac{e^{...}}{...}
        numerator = [f for f in numerator if not isinstance(f, sp.exp)]
        top, bottom = self._product(numerator, alone=True), self._product(denominator, alone=True)
        after = "".join(" " + self._print(f) for f in trailing)
        if len(numerator) == 1 and isinstance(numerator[0], sp.Add) and (r"\frac" in top or width(top) > WIDE_TOP):
            # no fraction inside a fraction's top, and a long sum where a line can break
            return sign + rf"\frac{{1}}{{{bottom}}} \left({top}\right)" + after
        return sign + rf"\frac{{{top}}}{{{bottom}}}" + after

    def _product(self, factors: list[sp.Expr], *, alone: bool = False) -> str:
        """Factors side by side; a sum in parentheses unless it stands alone; numbers joined by a dot."""
        if not factors:
            return "1"
        parts: list[str] = []
        for index, factor in enumerate(factors):
            tex = self._print(factor)
            if isinstance(factor, sp.Add) and not (alone and len(factors) == 1):
                tex = rf"\left({tex}\right)"
            elif index and factor.is_Number and factor.is_negative:
                tex = rf"\left({tex}\right)"
            if parts and factor.is_Number and factors[index - 1].is_Number:
                parts.append(r"\cdot")
            parts.append(tex)
        return " ".join(parts)

    def _print_Pow(self, expr: sp.Pow) -> str:
        if expr.exp.is_number and expr.exp.is_negative and expr.base is not sp.E:
            inner = expr.base if expr.exp == -1 else sp.Pow(expr.base, -expr.exp, **_U)
            return rf"\frac{{1}}{{{self._print(inner)}}}"
        return super()._print_Pow(expr)

    def _print_ExpBase(self, expr: sp.Expr, exp: Any = None) -> str:
        argument = self._print(expr.args[0])
        if r"\frac" in argument or len(argument) > 60:
            tex = rf"\exp\left({argument}\right)"
        else:
            tex = rf"e^{{{argument}}}"
        return self._do_exponent(tex, exp)

    def _print_MatrixBase(self, expr: sp.MatrixBase) -> str:
        """A 1 x 1 matrix (``\\mathbf{t}^\\top\\Sigma\\mathbf{t}`` written out) is the number it holds."""
        if expr.shape == (1, 1):
            entry = expr[0, 0]
            tex = self._print(entry)
            return rf"\left({tex}\right)" if isinstance(entry, sp.Add) else tex
        tex = super()._print_MatrixBase(expr)
        if width(tex) > WIDE_MATRIX:  # a written-out product: set small, or it cannot fit a column
            tex = tex.replace(r"\begin{matrix}", r"\begin{smallmatrix}").replace(r"\end{matrix}", r"\end{smallmatrix}")
        return tex

    def _print_Indexed(self, expr: sp.Indexed) -> str:
        """A coordinate of a subscripted name joins its subscript: ``\\tilde{\\mu}_{t,i}``.

        ``{\\tilde{\\mu}_{t}}_{i}`` renders in KaTeX and MathJax but is a double subscript to TeX.
        """
        base = self._print(expr.base.label)
        indices = ",".join(self._print(i) for i in expr.indices)
        head, brace, subscript = base.rpartition("_{")
        if brace and subscript.endswith("}") and "{" not in subscript and "}" not in subscript[:-1]:
            return f"{head}_{{{subscript[:-1]},{indices}}}"
        if "_" not in base and "^" not in base:
            return f"{base}_{{{indices}}}"
        return f"{{{base}}}_{{{indices}}}"

    def _print_log(self, expr: sp.Expr, exp: Any = None) -> str:
        argument = expr.args[0]
        inner = self._print(argument)
        if argument.is_Symbol or argument.is_Integer:
            tex = rf"\log {inner}"
        else:
            tex = rf"\log\left({inner}\right)"
        return tex if exp is None else rf"\log^{{{exp}}}\left({inner}\right)"


def math(expr: Any) -> str:
    """``expr`` as LaTeX in the papers' notation and order; a string is returned as it is."""
    if isinstance(expr, str):
        return expr
    expr = sp.sympify(expr)
    try:
        hash(expr)
    except TypeError:  # a mutable matrix: printed each time
        return TextbookPrinter().doprint(textbook(expr))
    return _printed(expr)


@functools.lru_cache(maxsize=8192)
def _printed(expr: sp.Basic) -> str:
    """The print of ``expr``, once: a page, its LaTeX file and the whole document print each line again.

    Safe to share: SymPy's equality is structural (argument order and assumptions included),
    so equal expressions print alike.
    """
    return TextbookPrinter().doprint(textbook(expr))
