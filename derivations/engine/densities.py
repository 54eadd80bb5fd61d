r"""The Gaussian density, printed :math:`\mathcal{N}(x; \mu, \sigma^2)`.

.. math:: \mathcal{N}(x; \mu, \sigma^2) = \frac{1}{\sqrt{2\pi\sigma^2}}
          \exp\left(-\frac{(x-\mu)^2}{2\sigma^2}\right)

References: source 000, eq. (6); source 001, "The univariate Gaussian".
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from derivations.engine.defined import Defined


class NormalPDF(Defined):
    r"""The density of :math:`\mathcal{N}(\mu, \sigma^2)` at ``x``: ``NormalPDF(x, mu, variance)``.

    >>> from derivations.engine.notation import symbol
    >>> x, mu, s = symbol("x"), symbol("mu"), symbol("sigma")
    >>> NormalPDF(x, mu, s**2).unfold_once()
    sqrt(2)*exp(-(-mu + x)**2/(2*sigma**2))/(2*sqrt(pi)*sigma)
    """

    nargs = 3

    @classmethod
    def definition(cls, x: sp.Expr, mean: sp.Expr, variance: sp.Expr) -> sp.Expr:
        return sp.exp(-((x - mean) ** 2) / (2 * variance)) / sp.sqrt(2 * sp.pi * variance)

    def _latex(self, printer: Any) -> str:
        x, mean, variance = (printer._print(arg) for arg in self.args)
        return rf"\mathcal{{N}}\left({x}; {mean}, {variance}\right)"

    def _pretty(self, printer: Any) -> Any:
        from sympy.printing.pretty.stringpict import prettyForm

        x, parameters = printer._print(self.args[0]), printer._print_seq(self.args[1:], delimiter=", ")
        body = prettyForm(*x.right("; ", parameters))
        return prettyForm(*prettyForm(*body.parens()).left("𝒩"))


def normal_pdf(x: sp.Expr, mean: sp.Expr, variance: sp.Expr) -> sp.Expr:
    """The explicit Gaussian density (eq. (6) of source 000), as a SymPy expression."""
    return NormalPDF.definition(x, mean, variance)
