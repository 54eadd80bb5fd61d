"""A derivation written as a user would: the log-density of a Gaussian.

Source 001 ("Gaussian Distributions Deep Dive", the univariate log-pdf):
log p(x) = -1/2 log(2 pi sigma^2) - (x - mu)^2 / (2 sigma^2).

Run it:  python examples/gaussian_log_density.py
Write its files:  derivations run --file examples/gaussian_log_density.py
"""

from __future__ import annotations

import sympy as sp

from derivations import Derivation, NormalPDF, run_script, symbol

x, mu, sigma = symbol("x"), symbol("mu"), symbol("sigma")


def derive():
    d = Derivation("gaussian_log_density", title="The log-density of a Gaussian",
                   sources=("source 001, the univariate Gaussian and its log-pdf",))
    d.start(sp.log(NormalPDF(x, mu, sigma**2)), lhs=r"\log p(x)", because="take the log of the density")
    d.then(sp.log(1 / sp.sqrt(2 * sp.pi * sigma**2)) - (x - mu) ** 2 / (2 * sigma**2),
           because="log of a product is a sum of logs")
    d.then(-sp.log(2 * sp.pi * sigma**2) / 2 - (x - mu) ** 2 / (2 * sigma**2),
           because="$\\log(1/\\sqrt{a}) = -\\frac{1}{2}\\log a$")
    d.conclude(known=-sp.log(2 * sp.pi * sigma**2) / 2 - (x - mu) ** 2 / (2 * sigma**2),
               source="source 001, log-pdf", lhs=r"\log p(x)")
    return d.check()


if __name__ == "__main__":
    run_script(derive)
