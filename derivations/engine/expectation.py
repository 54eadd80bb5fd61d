r"""The expectation under a normal distribution, printed :math:`\mathbb{E}_{P}[f]`, unfolded to its integral.

.. math:: \mathbb{E}_{x \sim \mathcal{N}(\mu, \sigma^2)}\left[f(x)\right]
          = \int_{-\infty}^{\infty} f(x)\, \mathcal{N}(x; \mu, \sigma^2)\, dx

Because :class:`Expectation` unfolds to this integral, every step that uses an
expectation is checked by the engine itself: integrand against integrand
(linearity of the integral, hence of the expectation), or by the Gaussian
integral rule (:mod:`derivations.engine.integrals`) when ``f`` is a polynomial.
The rules a derivation uses are therefore proved, not assumed:

.. math:: \mathbb{E}_P[a f + b g] = a\,\mathbb{E}_P[f] + b\,\mathbb{E}_P[g],\quad
          \mathbb{E}_P[1] = 1,\quad \mathbb{E}_P[x - \mu] = 0,\quad
          \mathbb{E}_P[(x - \mu)^2] = \sigma^2

(``tests/test_expectation.py`` proves each of them with :func:`~derivations.engine.checking.check_equal`).

References: source 002, section 2 ("Step 3: Take the Expectation with Respect to P");
Bishop (2006), *Pattern Recognition and Machine Learning*, eqs. (1.49)-(1.50).
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from derivations.engine.defined import Defined
from derivations.engine.densities import NormalPDF


class Expectation(Defined):
    r"""``Expectation(f, x, mu, variance)``: :math:`\mathbb{E}_{x\sim\mathcal{N}(\mu,\sigma^2)}[f]`.

    Prints as :math:`\mathbb{E}_{P}\left[f\right]` (the distribution's name is
    ``P`` by default; pass ``label`` to :func:`expectation` for another), and
    unfolds to the integral of ``f`` against the Gaussian density over the real line.

    >>> from derivations.engine.notation import symbol
    >>> x, mu, s = symbol("x"), symbol("mu"), symbol("sigma")
    >>> Expectation(x, x, mu, s**2).unfold_once()
    Integral(x*NormalPDF(x, mu, sigma**2), (x, -oo, oo))
    """

    nargs = 5

    @classmethod
    def definition(cls, f: sp.Expr, x: sp.Expr, mean: sp.Expr, variance: sp.Expr,
                   label: sp.Expr) -> sp.Expr:
        return sp.Integral(f * NormalPDF(x, mean, variance), (x, -sp.oo, sp.oo))

    def _latex(self, printer: Any) -> str:
        f, _, _, _, label = self.args
        settings = {k: v for k, v in printer._settings.items() if k in printer._default_settings}
        in_order = type(printer)({**settings, "order": "none"})  # the argument as written
        return rf"\mathbb{{E}}_{{{label.name}}}\left[{in_order._print(f)}\right]"


def expectation(f: sp.Expr, x: sp.Symbol, mean: sp.Expr, variance: sp.Expr, *,
                label: str = "P") -> Expectation:
    r"""The expectation of ``f`` under :math:`x \sim \mathcal{N}(\text{mean}, \text{variance})`.

    Args:
        f: the function of ``x`` whose expectation is taken (may be unevaluated for display).
        x: the random variable (a real symbol, bound by the integral).
        mean: the mean of the normal distribution.
        variance: its variance (provably positive for the Gaussian integral rule).
        label: the name printed as the subscript, ``\mathbb{E}_{label}``.

    Returns:
        The unevaluated :class:`Expectation`.
    """
    return Expectation(f, x, mean, variance, sp.Symbol(label))
