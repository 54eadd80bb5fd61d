r"""The sum of two Gaussians is Gaussian: characteristic functions.

.. math:: \varphi_X(t) = \mathbb{E}\left[e^{itX}\right] = e^{it\mu - \sigma^2 t^2/2}
          \quad (X \sim \mathcal{N}(\mu, \sigma^2)),\qquad
          \varphi_{X+Y}(t) = \varphi_X(t)\,\varphi_Y(t)
          = e^{it(\mu_1 + \mu_2) - (\sigma_1^2 + \sigma_2^2) t^2/2},

so :math:`X + Y \sim \mathcal{N}(\mu_1 + \mu_2, \sigma_1^2 + \sigma_2^2)` for independent
:math:`X, Y`; and :math:`\varphi_{aX}(t) = \varphi_X(at)`, so :math:`aX \sim \mathcal{N}(a\mu, a^2\sigma^2)`.

The characteristic function of the normal is derived from its defining integral (completing
the square with a complex centre, then the Gaussian integral), not quoted. Two facts are
stated as given, with their sources: the characteristic function of a sum of independent
variables is the product of theirs, and the inversion (uniqueness) theorem.

References: source 002, section 1 ("Proof using Characteristic Functions", steps 1-5, and
"Extension to Linear Combinations"); source 001, Property 4; R. Durrett, *Probability:
Theory and Examples*, section 3.3 (characteristic functions: inversion formula and uniqueness).
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from derivations.engine.defined import Defined
from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.display import fraction, product, total
from derivations.engine.notation import symbol
from derivations.engine.relations import GIVEN, INTEGRAL

t, x, a = (symbol(n) for n in ("t", "x", "a"))
mu, mu_1, mu_2 = (symbol(n) for n in ("mu", "mu_1", "mu_2"))
sigma, sigma_1, sigma_2 = (symbol(n) for n in ("sigma", "sigma_1", "sigma_2"))
I = sp.I
OO = (-sp.oo, sp.oo)
#: The complex centre of the completed square, mu + i sigma^2 t.
CENTRE = mu + I * sigma**2 * t
#: The mean and variance of X + Y (source 001, Property 4).
TOTAL_MEAN, TOTAL_VARIANCE = mu_1 + mu_2, sigma_1**2 + sigma_2**2


class NormalCF(Defined):
    r"""The characteristic function of :math:`\mathcal{N}(m, v)` at ``t``, by its definition.

    .. math:: \varphi_{\mathcal{N}(m, v)}(t) = \int_{-\infty}^{\infty} e^{itx}\, \mathcal{N}(x; m, v)\, dx

    The arguments must not contain the integration variable ``x``.
    """

    nargs = 3

    @classmethod
    def definition(cls, freq: sp.Expr, mean: sp.Expr, variance: sp.Expr) -> sp.Expr:
        return sp.Integral(sp.exp(I * freq * x) * NormalPDF(x, mean, variance), (x, *OO))

    def _latex(self, printer: Any) -> str:
        freq, mean, variance = (printer._print(arg) for arg in self.args)
        return rf"\varphi_{{\mathcal{{N}}\left({mean}, {variance}\right)}}\left({freq}\right)"


def normal_cf(freq: sp.Expr, mean: sp.Expr, variance: sp.Expr) -> sp.Expr:
    r"""The closed form :math:`e^{i t m - v t^2/2}` (source 002, section 1, step 1), shown in that order."""
    return sp.exp(total(product(I, freq, mean), -fraction(product(variance, freq**2), 2)), evaluate=False)


def _completed_square(d: Derivation) -> None:
    """The exponent i t x - (x - mu)^2 / (2 sigma^2) completed into a square in x (complex centre)."""
    exponent = total(product(I, t, x), -fraction(total(x, -mu) ** 2, product(2, sigma**2)))
    centre = total(mu, product(I, sigma**2, t))
    expanded = total(-fraction(x**2, 2 * sigma**2), product(fraction(centre, sigma**2), x),
                     -fraction(mu**2, 2 * sigma**2))
    d.start(expanded.doit(), lhs=exponent, display=expanded, heading="Completing the square in x",
            text=r"The exponent of $e^{itx}\,\mathcal{N}(x; \mu, \sigma^2)$.",
            because=r"expand $(x - \mu)^2$")
    square = -(x - CENTRE) ** 2 / (2 * sigma**2) + I * t * mu - sigma**2 * t**2 / 2
    shown = total(-fraction(total(x, -centre) ** 2, 2 * sigma**2), normal_cf(t, mu, sigma**2).args[0])
    d.then(square, display=shown, because=r"complete the square: centre $\mu + i\sigma^2 t$")


def _cf_of_normal(d: Derivation) -> None:
    """phi_X(t) = exp(i t mu - sigma^2 t^2 / 2), from E[e^{itX}] and the completed square."""
    closed = sp.exp(I * t * mu - sigma**2 * t**2 / 2)
    d.start(sp.Integral(sp.exp(I * t * x) * NormalPDF(x, mu, sigma**2), (x, *OO)),
            lhs=r"\varphi_{X}(t) = \mathbb{E}\left[e^{itX}\right]",
            heading="The characteristic function of a normal",
            text=r"For $X \sim \mathcal{N}(\mu, \sigma^2)$ the expectation is an integral against "
                 r"its density.",
            because="definition (source 002, section 1)")
    d.then(closed * sp.Integral(NormalPDF(x, CENTRE, sigma**2), (x, *OO)),
           because=r"the completed square; $\mathcal{N}(x; \mu + i\sigma^2 t, \sigma^2)$ is the Gaussian "
                   r"formula at the complex centre")
    d.then(closed, relation=INTEGRAL, display=normal_cf(t, mu, sigma**2),
           because=r"Gaussian integral; the complex shift of the centre leaves it $1$ (Cauchy's theorem)")


def _scaling(d: Derivation) -> None:
    """phi_{aX}(t) = phi_X(a t), so aX ~ N(a mu, a^2 sigma^2).

    Source 002, section 1, 'Extension to Linear Combinations'.
    """
    closed = sp.exp(I * a * t * mu - sigma**2 * a**2 * t**2 / 2)
    d.start(NormalCF(a * t, mu, sigma**2), lhs=r"\varphi_{aX}(t) = \mathbb{E}\left[e^{i(at)X}\right]",
            heading="Scaling: aX", text=r"For a real constant $a$ and $X \sim \mathcal{N}(\mu, \sigma^2)$.",
            because=r"definition: the characteristic function of $X$ at $at$")
    d.then(closed, relation=INTEGRAL, display=normal_cf(product(a, t), mu, sigma**2),
           because="the Gaussian integral, as above")
    d.then(closed, display=normal_cf(t, product(a, mu), product(a**2, sigma**2)),
           because=r"the form above with mean $a\mu$ and variance $a^2\sigma^2$: "
                   r"$aX \sim \mathcal{N}(a\mu, a^2\sigma^2)$ (uniqueness; for $a = 0$ the point mass "
                   r"at $0$)")


def _sum(d: Derivation) -> None:
    """phi_{X+Y} = phi_X phi_Y is the characteristic function of N(mu1 + mu2, s1^2 + s2^2).

    Source 002, section 1, steps 2-5.
    """
    first, second = (normal_cf(t, m, s**2) for m, s in ((mu_1, sigma_1), (mu_2, sigma_2)))
    d.start(first.doit() * second.doit(), relation=GIVEN, display=product(first, second),
            lhs=r"\varphi_{X+Y}(t) = \mathbb{E}\left[e^{itX}\right] \mathbb{E}\left[e^{itY}\right]",
            heading="The sum X + Y",
            text=r"For independent $X \sim \mathcal{N}(\mu_1, \sigma_1^2)$ and "
                 r"$Y \sim \mathcal{N}(\mu_2, \sigma_2^2)$.",
            because="independence: the expectation of a product is the product of the expectations "
                    "(source 002, section 1, property 2); then the characteristic function above")
    d.then(sp.exp(first.args[0].doit() + second.args[0].doit()),
           display=sp.exp(total(first.args[0], second.args[0]), evaluate=False),
           because=r"$e^{a} e^{b} = e^{a + b}$")
    d.then(sp.exp(I * t * TOTAL_MEAN - TOTAL_VARIANCE * t**2 / 2),
           display=normal_cf(t, TOTAL_MEAN, TOTAL_VARIANCE),
           because=r"group the terms in $it$ and in $t^2$ (source 002, step 4)")
    d.then(NormalCF(t, TOTAL_MEAN, TOTAL_VARIANCE),
           because=r"the characteristic function of $\mathcal{N}(\mu_1 + \mu_2, \sigma_1^2 + \sigma_2^2)$")


def _uniqueness(d: Derivation) -> None:
    """The inversion theorem turns the characteristic function into the density N(mu1 + mu2, s1^2 + s2^2)."""
    phi = sp.exp(I * t * TOTAL_MEAN - TOTAL_VARIANCE * t**2 / 2)
    d.start(sp.Integral(sp.exp(-I * t * x) * phi, (t, *OO)) / (2 * sp.pi), relation=GIVEN,
            lhs="f_{X+Y}(x)", heading="Uniqueness",
            because=r"inversion theorem: an integrable characteristic function determines the distribution, "
                    r"with density $\frac{1}{2\pi}\int e^{-itx}\varphi(t)\,dt$ (Durrett, Probability: Theory "
                    r"and Examples, section 3.3; source 002, section 1, property 1)")
    d.then(NormalPDF(x, TOTAL_MEAN, TOTAL_VARIANCE), relation=INTEGRAL,
           because="the Gaussian integral (complex linear coefficient)")


def build() -> Derivation:
    """Build the derivation, unchecked (:func:`derive` checks it)."""
    d = Derivation("characteristic_function", title="The sum of two Gaussians: characteristic functions",
                   sources=("source 002, section 1 (characteristic functions; aX)",
                            "source 001, Property 4 (sum of independent Gaussians)"))
    _completed_square(d)
    _cf_of_normal(d)
    _scaling(d)
    _sum(d)
    _uniqueness(d)
    d.conclude(known=NormalPDF(x, TOTAL_MEAN, TOTAL_VARIANCE), lhs="f_{X+Y}(x)",
               source="source 001, Property 4; source 002, section 1")
    return d


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
