r"""The product of two Gaussian densities: precisions add, the mean is precision-weighted.

.. math:: \mathcal{N}(x; \mu_1, \sigma_1^2)\,\mathcal{N}(x; \mu_2, \sigma_2^2)
          = \mathcal{N}(\mu_1; \mu_2, \sigma_1^2 + \sigma_2^2)\,\mathcal{N}(x; \mu_*, \sigma_*^2),\quad
          \frac{1}{\sigma_*^2} = \frac{1}{\sigma_1^2} + \frac{1}{\sigma_2^2},\quad
          \mu_* = \sigma_*^2\left(\frac{\mu_1}{\sigma_1^2} + \frac{\mu_2}{\sigma_2^2}\right)

Source 001 (Property 3) states the product up to a constant; here it is an exact
identity of functions of :math:`x`, and the leftover constant is itself a Gaussian
density in the difference of the means. This is the step behind the DDPM posterior
(:mod:`derivations.diffusion.ddpm_posterior`).

References: source 001, "Property 3: Products of Gaussians"; Petersen & Pedersen,
*The Matrix Cookbook* (2012), sec. 8.1.8 (product of Gaussian densities).
"""

from __future__ import annotations

import sympy as sp

from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.display import UNEVALUATED as _U
from derivations.engine.display import fraction, half_square, negative, total
from derivations.engine.notation import symbol

x, mu_1, mu_2 = symbol("x"), symbol("mu_1"), symbol("mu_2")
sigma_1, sigma_2 = symbol("sigma_1"), symbol("sigma_2")
mu_star, sigma_star = symbol("mu_star"), symbol("sigma_star")

#: Two lines equate exponentials whose exponents agree only over a common denominator; the
#: engine proves them by ``simplify`` (about 3 s), so this derivation allows more than the default 5 s.
HALF = sp.Rational(1, 2)

#: Source 001, Property 3: precisions add and the mean is precision-weighted.
SOURCE_001_VARIANCE = 1 / (1 / sigma_1**2 + 1 / sigma_2**2)
SOURCE_001_MEAN = SOURCE_001_VARIANCE * (mu_1 / sigma_1**2 + mu_2 / sigma_2**2)
#: The exact product (Matrix Cookbook, sec. 8.1.8), with the source's mean and variance.
KNOWN_PRODUCT = (NormalPDF(mu_1, mu_2, sigma_1**2 + sigma_2**2)
                 * NormalPDF(x, SOURCE_001_MEAN, SOURCE_001_VARIANCE))

PRODUCT = r"\mathcal{N}(x; \mu_{1}, \sigma_{1}^{2})\, \mathcal{N}(x; \mu_{2}, \sigma_{2}^{2})"


def _precision_and_mean(d: Derivation) -> None:
    """Precisions add; the mean is precision-weighted (source 001, Property 3), in closed form."""
    precisions = total(fraction(1, sigma_1**2), fraction(1, sigma_2**2))
    d.start(precisions.doit(), lhs=1 / sigma_star**2, display=precisions, heading="Precisions add",
            text=r"Write $\sigma_*^2 = \frac{\sigma_1^2\sigma_2^2}{\sigma_1^2 + \sigma_2^2}$ and "
                 r"$\mu_* = \frac{\sigma_2^2\mu_1 + \sigma_1^2\mu_2}{\sigma_1^2 + \sigma_2^2}$; "
                 "the lines check that these are the source's precision-weighted forms.",
            because="the precisions add (source 001, Property 3)")
    d.then(fraction(sigma_1**2 + sigma_2**2, sigma_1**2 * sigma_2**2).doit(),
           display=fraction(sigma_1**2 + sigma_2**2, sp.Mul(sigma_1**2, sigma_2**2, **_U)),
           because="common denominator")
    weighted = sp.Mul(sigma_star**2, total(fraction(mu_1, sigma_1**2), fraction(mu_2, sigma_2**2)), **_U)
    d.start(weighted.doit(), lhs=mu_star, display=weighted,
            because="the precision-weighted mean (source 001, Property 3)")
    closed = fraction(total(sp.Mul(sigma_2**2, mu_1, **_U), sp.Mul(sigma_1**2, mu_2, **_U)),
                   sigma_1**2 + sigma_2**2)
    d.then(closed.doit(), display=closed,
           because=r"$\sigma_*^2 = \frac{\sigma_1^2\sigma_2^2}{\sigma_1^2 + \sigma_2^2}$")


def _product(d: Derivation) -> sp.Expr:
    """The product, its exponent collected, the square completed, the leftover a Gaussian density."""
    constant = fraction(1, sp.Mul(2, sp.pi, sigma_1, sigma_2, **_U))
    exponent = total(half_square(x, mu_1, sigma_1**2), half_square(x, mu_2, sigma_2**2))
    d.start(constant.doit() * sp.exp(exponent.doit()),
            lhs=NormalPDF(x, mu_1, sigma_1**2) * NormalPDF(x, mu_2, sigma_2**2),
            display=sp.Mul(constant, sp.exp(exponent, **_U), **_U), heading="The product",
            because=r"the two densities; $\sqrt{2\pi\sigma_1^2}\sqrt{2\pi\sigma_2^2} = 2\pi\sigma_1\sigma_2$")
    quadratic = sp.Mul(-HALF, total(sp.Mul(total(fraction(1, sigma_1**2), fraction(1, sigma_2**2)), x**2, **_U),
                                   negative(sp.Mul(2, total(fraction(mu_1, sigma_1**2), fraction(mu_2, sigma_2**2)),
                                               x, **_U)),
                                   fraction(mu_1**2, sigma_1**2), fraction(mu_2**2, sigma_2**2)), **_U)
    d.then(constant.doit() * sp.exp(quadratic.doit()),
           display=sp.Mul(constant, sp.exp(quadratic, **_U), **_U),
           because=r"expand the squares; collect $x^2$ and $x$")
    named = sp.Mul(-HALF, total(fraction(x**2, sigma_star**2),
                               negative(sp.Mul(2, fraction(mu_star, sigma_star**2), x, **_U)),
                               fraction(mu_1**2, sigma_1**2), fraction(mu_2**2, sigma_2**2)), **_U)
    d.then(constant.doit() * sp.exp(named.doit()), display=sp.Mul(constant, sp.exp(named, **_U), **_U),
           because=r"the coefficients are $\frac{1}{\sigma_*^2}$ and $\frac{\mu_*}{\sigma_*^2}$")
    leftover = sp.Mul(-HALF, total(fraction(mu_1**2, sigma_1**2), fraction(mu_2**2, sigma_2**2),
                                  negative(fraction(mu_star**2, sigma_star**2))), **_U)
    square = half_square(x, mu_star, sigma_star**2)
    d.then(constant.doit() * sp.exp(square.doit()) * sp.exp(leftover.doit()),
           display=sp.Mul(constant, sp.exp(square, **_U), sp.exp(leftover, **_U), **_U),
           because="complete the square")
    gap = half_square(mu_1, mu_2, sigma_1**2 + sigma_2**2)
    d.then(constant.doit() * sp.exp(square.doit()) * sp.exp(gap.doit()),
           display=sp.Mul(constant, sp.exp(square, **_U), sp.exp(gap, **_U), **_U),
           because="the leftover depends on the means only through their difference")
    return d.then(NormalPDF(mu_1, mu_2, sigma_1**2 + sigma_2**2) * NormalPDF(x, mu_star, sigma_star**2),
                  tag="P", because=r"$2\pi\sigma_1\sigma_2 = \sqrt{2\pi(\sigma_1^2 + \sigma_2^2)}"
                                   r"\sqrt{2\pi\sigma_*^2}$: both factors are normalised densities")


def build() -> Derivation:
    """The derivation, unchecked."""
    d = Derivation("gaussian_product", title="The product of two Gaussian densities",
                   sources=("source 001, Property 3 (products of Gaussians)",
                            "Petersen & Pedersen, The Matrix Cookbook (2012), sec. 8.1.8"))
    d.define(sigma_star, sigma_1 * sigma_2 / sp.sqrt(sigma_1**2 + sigma_2**2))
    d.define(mu_star, (sigma_2**2 * mu_1 + sigma_1**2 * mu_2) / (sigma_1**2 + sigma_2**2))
    _precision_and_mean(d)
    _product(d)
    d.conclude(known=KNOWN_PRODUCT, lhs=PRODUCT,
               source="source 001, Property 3, with the constant of The Matrix Cookbook, sec. 8.1.8")
    return d


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
