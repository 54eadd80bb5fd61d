r"""The density of a sum of independent variables is the convolution of their densities.

.. math:: F_{X+Y}(z) = \int\!\!\int_{x + y \le z} f(x) g(y)\,dy\,dx
          = \int_{-\infty}^{\infty} f(x) \int_{-\infty}^{z - x} g(y)\,dy\,dx,\qquad
          f_{X+Y}(z) = \frac{d}{dz}F_{X+Y}(z) = \int_{-\infty}^{\infty} f(x)\, g(z - x)\,dx = (f \star g)(z).

Source 000's central claim, which it quotes (Peterson, "the density function of the sum of two
random variables X, Y is the convolution of the density functions") and uses as the definition of
adding two distributions. Here it is derived for densities :math:`f, g` (continuous and bounded):
the distribution function as a double integral over the half-plane (independence: the joint
density is :math:`f(x)g(y)`), the inner integral by Fubini, then the derivative, taken under the
integral sign (dominated convergence, :math:`g` bounded) and evaluated by Leibniz's rule, which the
engine checks. For Gaussians the convolution is then :math:`\mathcal{N}(\mu_1 + \mu_2,
\sigma_1^2 + \sigma_2^2)` (the Gaussian integral rule; worked line by line in
:mod:`derivations.gaussian.convolution`). The slip of eq. (7) is recorded.

References: source 000, introduction and eqs. (6)-(7); Durrett, *Probability: Theory and
Examples* (2019), thm. 2.1.16 (the density of a sum of independent variables); Rudin, *Real and
Complex Analysis* (1987), thm. 8.8 (Fubini).
"""

from __future__ import annotations

import sympy as sp

from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.display import minus, product
from derivations.engine.notation import symbol
from derivations.engine.relations import DEFINITION, DIFFERENTIATION, GIVEN, INTEGRAL
from derivations.engine.substitution import substitution

x, t, C, A, B = (symbol(n) for n in ("x", "t", "C", "A", "B"))
mu_1, mu_2, sigma_1, sigma_2 = (symbol(n) for n in ("mu_1", "mu_2", "sigma_1", "sigma_2"))
y = sp.Symbol("y", real=True)
z = sp.Symbol("z", real=True)
f, g = sp.Function("f"), sp.Function("g")
OO = (-sp.oo, sp.oo)

#: The inner integral, the distribution function of Y at z - x.
INNER = sp.Integral(g(y), (y, -sp.oo, z - x))
CONVOLUTION = sp.Integral(f(x) * g(z - x), (x, *OO))


def _distribution_function(d: Derivation) -> None:
    """F_{X+Y}(z) as a double integral over the half-plane x + y <= z, then an iterated one."""
    half_plane = sp.Integral(f(x) * g(y) * sp.Heaviside(z - x - y), (y, *OO), (x, *OO))
    d.start(half_plane, lhs=r"F_{X+Y}(z) = P(X + Y \le z)", relation=DEFINITION,
            heading="The distribution function of X + Y",
            text=r"$X$ and $Y$ are independent with densities $f$ and $g$, so $(X, Y)$ has the joint "
                 r"density $f(x)\,g(y)$; $\theta(z - x - y)$ is 1 on the half-plane $x + y \le z$.",
            because=r"the probability of the half-plane under the joint density $f(x)g(y)$")
    d.then(sp.Integral(f(x) * INNER, (x, *OO)), relation=GIVEN,
           because=r"Fubini (the integrand is nonnegative): integrate over $y \le z - x$ first")


def _leibniz(d: Derivation) -> None:
    """The derivative of the inner integral: Leibniz's rule (checked)."""
    d.start(g(z - x), lhs=sp.Derivative(INNER, z), relation=DIFFERENTIATION, tag="L",
            heading="The inner derivative",
            because=r"fundamental theorem of calculus and the chain rule ($\frac{d}{dz}(z - x) = 1$)")


def _density(d: Derivation) -> sp.Expr:
    """f_{X+Y} = dF/dz = int f(x) g(z - x) dx: the convolution."""
    d.start(sp.Derivative(sp.Integral(f(x) * INNER, (x, *OO)), z), lhs="f_{X+Y}(z)", relation=DEFINITION,
            heading="The density is the derivative",
            because="a density is the derivative of the distribution function")
    d.then(sp.Integral(f(x) * sp.Derivative(INNER, z), (x, *OO)), relation=GIVEN,
           because=r"differentiation under the integral sign: the difference quotients of the inner "
                   r"integral are at most $\sup g$, and $\int f = 1$ (dominated convergence)")
    return d.then(CONVOLUTION, relation=substitution(sp.Derivative(INNER, z), g(z - x), label="(L)"),
                  because=r"by (L): $(f \star g)(z)$, the convolution of source 000")


def _gaussians(d: Derivation) -> None:
    """For Gaussian f and g: the convolution is N(mu_1 + mu_2, sigma_1^2 + sigma_2^2)."""
    shown = sp.Integral(product(NormalPDF(x, mu_1, sigma_1**2), NormalPDF(minus(z, x), mu_2, sigma_2**2)), (x, *OO))
    d.start(shown, lhs=r"f_{X+Y}(z)", relation=DEFINITION, heading="Two Gaussians",
            text=r"With $f = \mathcal{N}(\mu_1, \sigma_1^2)$ and $g = \mathcal{N}(\mu_2, \sigma_2^2)$ "
                 r"(source 001, Property 4; the completed square is in gaussian_convolution).",
            because="the convolution above")
    d.then(NormalPDF(z, mu_1 + mu_2, sigma_1**2 + sigma_2**2), relation=INTEGRAL,
           because="the Gaussian integral: means add, variances add")


def _eq_7_slip(d: Derivation) -> None:
    """Source 000, eq. (7): g(t) = A exp(-B t^2) where it means g(t + C)."""
    gaussian_form = A * sp.exp(-B * (t - C) ** 2)
    d.slip(where="000, eq. (7)", source_line=A * sp.exp(-B * t**2), corrected=gaussian_form,
           note=r"After $g(x) = A e^{-B(x - C)^2}$ and the substitution $t = x - C$, source 000 writes "
                r"$g(t) = A e^{-Bt^2}$; but $g(t) = A e^{-B(t - C)^2}$. What it means is the recentred "
                r"function $g(t + C) = A e^{-Bt^2}$ (equal only when $C = 0$); the convolution that "
                r"follows uses the centred $g_1, g_2$, so nothing after it is affected.")


def build() -> Derivation:
    """The derivation, unchecked."""
    d = Derivation("sum_density", title="The density of a sum of independent variables is the convolution",
                   sources=("source 000, introduction ('the density function of the sum ... is the convolution') "
                            "and eq. (7)",
                            "Durrett (2019), thm. 2.1.16; Fubini's theorem"))
    _distribution_function(d)
    _leibniz(d)
    _density(d)
    _gaussians(d)
    _eq_7_slip(d)
    d.note("Source 000 takes the convolution as the meaning of adding two distributions (after 3Blue1Brown "
           "and Peterson); the lines above derive it from the distribution function. The same argument "
           "with a sum over the values of Y gives np.convolve for variables on a grid (source 000's demo).")
    d.conclude(known=NormalPDF(z, mu_1 + mu_2, sigma_1**2 + sigma_2**2), lhs="f_{X+Y}(z)",
               source="source 000 (the density of the sum is the convolution) and source 001, Property 4")
    return d


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
