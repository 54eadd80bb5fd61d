r"""Densities of vectors: one number for all d coordinates, read per coordinate only where that is sound.

The density of a d-vector is one number: :math:`\mathcal{N}(\mathbf{x}; \boldsymbol\mu, \sigma^2\mathbf{I}) =
(2\pi\sigma^2)^{-d/2} \exp(-\|\mathbf{x}-\boldsymbol\mu\|^2 / 2\sigma^2)`, the product of the d densities of
its coordinates. The reader does not know d, so it reads such a density as an opaque value
(``N_vector``, :func:`~derivations.latex.calls.call`), and the post's ``q(\mathbf{x}_t \mid \mathbf{x}_0)``
is a density of vectors too, not the one-coordinate closed form of the built-in results.

One kind of step may still be read per coordinate: a product or quotient of densities of vectors of one
letter (one size: :math:`\mathbf{x}_t, \mathbf{x}_0`, not :math:`\mathbf{x}` and :math:`\mathbf{z}`), with no
Gaussian of one number among them, on each side (Bayes' rule; :math:`q(\mathbf{x}_t \mid \mathbf{x}_0)
= \mathcal{N}(\mathbf{x}_t; \sqrt{\bar\alpha_t}\mathbf{x}_0, (1-\bar\alpha_t)\mathbf{I})`). Each isotropic
density there is the product over coordinates of one coordinate's density, so each side is the
product over coordinates of its one-coordinate reading,
and the identity holds for vectors when it holds for one coordinate (Ho et al. 2020, eq. 4, is
stated so). A number times a density, a sum, a logarithm or the explicit formula is not such a
product: there the densities stay opaque, and the one-coordinate results are not substituted.
"""

from __future__ import annotations

import re

import sympy as sp

from derivations.engine.densities import NormalPDF
from derivations.engine.probability import Density

#: The opaque density of a vector (latex.calls makes it): outcome, mean, variance of each coordinate.
VECTOR_NORMAL = "N_vector"
#: LaTeX that writes a bold lowercase letter: a vector.
BOLD_VECTOR = re.compile(r"\\(?:mathbf|boldsymbol|bm)\s*\{?\s*\\?[a-z]")


def _is_vector_normal(expr: sp.Basic) -> bool:
    return isinstance(expr, sp.Function) and type(expr).__name__ == VECTOR_NORMAL


def _product_of_densities(expr: sp.Basic) -> bool:
    """A product, quotient or whole power of densities (nothing else: no number, no sum)."""
    if isinstance(expr, Density | NormalPDF) or _is_vector_normal(expr):
        return True
    if expr.is_Mul:
        return all(_product_of_densities(factor) for factor in expr.args)
    if expr.is_Pow:
        return bool(expr.exp.is_Integer) and _product_of_densities(expr.base)
    return False


#: How a step reads its densities: no vector in it; each density per coordinate; densities of vectors opaque.
NO_VECTORS, PER_COORDINATE, OPAQUE = "no vectors", "per coordinate", "opaque"


def reading(source: str, lhs: sp.Expr, rhs: sp.Expr) -> str:
    """How the step ``lhs = rhs`` (its row's LaTeX is ``source``) reads its densities (module docstring).

    Only where it is not OPAQUE may the built-in one-coordinate results be substituted.
    """
    functions = lhs.atoms(sp.Function) | rhs.atoms(sp.Function)
    if not (BOLD_VECTOR.search(source) or any(_is_vector_normal(f) for f in functions)):
        return NO_VECTORS
    if any(isinstance(f, NormalPDF) for f in functions):  # a density of one number beside ones of d numbers
        return OPAQUE
    if not (_product_of_densities(lhs) and _product_of_densities(rhs)) or len(_letters_of_outcomes(functions)) > 1:
        return OPAQUE  # N(x; ...) N(z; ...): x and z may differ in size, and the powers d/2 with them
    return PER_COORDINATE


def _letters_of_outcomes(functions: set[sp.Basic]) -> set[str]:
    """The letters of the vectors the densities are of or given (``x`` of x_t, x_0): one letter, one size."""
    variables = [f.args[0] for f in functions if _is_vector_normal(f)]
    variables += [v for f in functions if isinstance(f, Density) for v in (*f.outcomes, *f.conditions)]
    return {str(s).partition("_")[0] for v in variables for s in v.free_symbols}


def one_coordinate(sides: tuple[sp.Expr, ...]) -> tuple[sp.Expr, ...]:
    """Each density of a vector replaced by the density of one coordinate (in a PER_COORDINATE step)."""
    one = {f: NormalPDF(*f.args) for side in sides for f in side.atoms(sp.Function) if _is_vector_normal(f)}
    return tuple(side.xreplace(one) for side in sides)
