r"""The entropy of a Gaussian, and maximum entropy: the Gaussian has the largest entropy for its variance.

.. math:: h\left(\mathcal{N}(\mu, \sigma^2)\right) = \frac12\log(2\pi e\sigma^2),\qquad
          h(f) = h(\varphi) - D_{\mathrm{KL}}(f \,\|\, \varphi) \le h(\varphi)

for every density :math:`f` with mean :math:`\mu` and variance :math:`\sigma^2`, where :math:`\varphi =
\mathcal{N}(\mu, \sigma^2)`: the cross-entropy :math:`-\int f\log\varphi` depends on :math:`f` only through
its first two moments, so it is :math:`h(\varphi)`, and :math:`D_{\mathrm{KL}} \ge 0` (Gibbs' inequality,
from :math:`\log t \le t - 1`, proved here). Also the :math:`d`-dimensional entropy
:math:`\frac12\log((2\pi e)^d|\Sigma|)`. This answers source 001's conceptual question 1 and its
"Maximum Entropy" reason.

References: source 001, "The Big Picture" (2. Maximum Entropy) and conceptual question 1; Cover &
Thomas, *Elements of Information Theory* (2006), thm. 2.6.3 (Gibbs' inequality), eq. (8.9) and
thm. 8.6.5 (maximum entropy); Shannon (1948), sec. 20.
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.matrices import MVNormalPDF, as_written, d, matrix, minus, quadratic
from derivations.engine.notation import symbol
from derivations.engine.relations import DEFINITION, DIFFERENTIATION, GIVEN, INTEGRAL
from derivations.engine.substitution import at, substitution
from derivations.errors import DerivationError

x, mu, sigma = symbol("x"), symbol("mu"), symbol("sigma")
t, u = sp.Symbol("t", positive=True), sp.Symbol("u", positive=True)
f = sp.Function("f")
#: g(t) = t - 1 - log t >= 0, the gap in log t <= t - 1.
G = sp.Function("g")
OO = (x, -sp.oo, sp.oo)
PHI = NormalPDF(x, mu, sigma**2)
#: Cover & Thomas (2006), eq. (8.9).
ENTROPY = sp.log(2 * sp.pi * sp.E * sigma**2) / 2
xv, muv, Sigma = matrix(r"\mathbf{x}", d, 1), matrix(r"\boldsymbol{\mu}", d, 1), matrix(r"\Sigma",
    kind="positive definite")


class KLOf(sp.Function):
    r""":math:`D_{\mathrm{KL}}(f \,\|\, \varphi)`, opaque: stated by its definition, never evaluated."""

    def _latex(self, printer: Any) -> str:
        return r"D_{\mathrm{KL}}(f \,\|\, \varphi)"


KL = KLOf(sp.Symbol("f"), sp.Symbol("varphi"))
CROSS = sp.Integral(-f(x) * sp.log(PHI), OO)
KL_INTEGRAL = sp.Integral(f(x) * sp.log(f(x) / PHI), OO)


def _gaussian_entropy(d_: Derivation) -> None:
    """h(N(mu, sigma^2)) = 1/2 log(2 pi e sigma^2), and in d dimensions."""
    d_.start(-sp.Integral(PHI * sp.log(PHI), OO), lhs=r"h(\varphi)", relation=DEFINITION,
             heading="The entropy of a Gaussian", because=r"differential entropy, $h(p) = -\int p\log p$")
    d_.then(sp.Integral(PHI * (sp.log(2 * sp.pi * sigma**2) / 2 + (x - mu) ** 2 / (2 * sigma**2)), OO),
            because=r"$-\log\varphi(x) = \frac12\log(2\pi\sigma^2) + \frac{(x - \mu)^2}{2\sigma^2}$")
    d_.then(sp.log(2 * sp.pi * sigma**2) / 2 + sp.S.Half, relation=INTEGRAL,
            because=r"$\int\varphi = 1$ and $\int (x - \mu)^2\varphi = \sigma^2$")
    d_.then(ENTROPY, tag="h", because=r"$\frac12 = \frac12\log e$")
    form = quadratic(minus(xv, muv), Sigma.I)
    d_.start(d / 2 * sp.log(2 * sp.pi) + sp.log(sp.Determinant(Sigma)) / 2 + form / 2,
             lhs=-sp.log(MVNormalPDF(xv, muv, Sigma)), heading="In d dimensions",
             because=r"the log of source 001's density")
    d_.start(d / 2 * sp.log(2 * sp.pi) + sp.log(sp.Determinant(Sigma)) / 2 + d / 2,
             lhs=r"h\left(\mathcal{N}(\boldsymbol{\mu}, \Sigma)\right)", relation=GIVEN,
             because=r"the expectation of the quadratic form is $\operatorname{tr}(\Sigma^{-1}\Sigma) = d$ "
                     "(kl_general, line (d))")
    d_.then(sp.log((2 * sp.pi * sp.E) ** d * sp.Determinant(Sigma)) / 2, because=r"$\frac{d}{2} = \frac{d}{2}\log e$")


def _log_bound(d_: Derivation) -> None:
    """log t <= t - 1: g(t) = t - 1 - log t has its minimum 0 at t = 1."""
    g = t - 1 - sp.log(t)
    d_.start(1 - 1 / t, lhs=sp.Derivative(g, t), relation=DIFFERENTIATION, heading=r"log t <= t - 1",
             because="differentiate $g(t) = t - 1 - \\log t$")
    for value, sign, why in ((1 + u, u / (1 + u), r"for $t = 1 + u > 1$: $g' > 0$, $g$ increases"),
                             (1 / (1 + u), -u, r"for $t = 1/(1 + u) < 1$: $g' < 0$, $g$ decreases")):
        d_.start(1 - 1 / t, lhs="g'(t)", relation=DEFINITION, because="the derivative above")
        d_.then(sign, relation=at({t: value}), because=why)
        if not (sign.is_positive or sign.is_negative):
            raise DerivationError(f"gaussian_entropy: the sign of {sign} is not decided")
    d_.start(g, lhs="g(t)", relation=DEFINITION, because="the function")
    d_.then(0, relation=at({t: 1}), because=r"the minimum: $g \ge 0$, so $\log t \le t - 1$, equality iff $t = 1$")


def _gibbs(d_: Derivation) -> None:
    """KL(f || phi) = int f g(phi / f) >= 0 with g(t) = t - 1 - log t >= 0."""
    gap = sp.Integral(f(x) * G(PHI / f(x)), OO)
    d_.start(1, lhs=sp.Integral(PHI, OO), relation=INTEGRAL, tag="1", heading="Gibbs' inequality",
             text=r"$f$ is a density (positive where $\varphi$ is compared with it); $g(t) = t - 1 - \log t$.",
             because=r"$\varphi$ is a density")
    d_.start(sp.Integral(f(x) * sp.log(PHI / f(x)), OO), lhs=r"-D_{\mathrm{KL}}(f \,\|\, \varphi)",
             relation=DEFINITION, because="the definition")
    d_.then(sp.Integral(PHI, OO) - sp.Integral(f(x), OO) - gap, relation=GIVEN,
            because=r"$\log t = t - 1 - g(t)$ at $t = \varphi/f$; linearity of the integral")
    d_.then(1 - sp.Integral(f(x), OO) - gap, relation=substitution(sp.Integral(PHI, OO), 1, label="(1)"), because="(1)")
    d_.then(-gap, relation=substitution(sp.Integral(f(x), OO), 1, label=r"$\int f = 1$"),
            because=r"$\int f = 1$: so $D_{\mathrm{KL}}(f \,\|\, \varphi) = \int f\,g(\varphi/f) \ge 0$ "
                    r"($f \ge 0$, $g \ge 0$), equality iff $\varphi = f$")


def _maximum_entropy(d_: Derivation) -> sp.Expr:
    """Any density f with mean mu and variance sigma^2 has h(f) = h(phi) - KL(f || phi) <= h(phi)."""
    log_phi = -sp.log(2 * sp.pi * sigma**2) / 2 - (x - mu) ** 2 / (2 * sigma**2)
    d_.start(log_phi, lhs=sp.log(PHI), tag="l", heading="Maximum entropy",
             text=r"Let $f$ be any density with mean $\mu$ and variance $\sigma^2$: "
                  r"$\int f = 1$ and $\int (x - \mu)^2 f = \sigma^2$.",
             because="the log of the Gaussian density")
    d_.start(CROSS, lhs=r"-\int f\log\varphi", relation=DEFINITION, because="the cross-entropy")
    d_.then(sp.Integral(-f(x) * log_phi, OO), relation=substitution(sp.log(PHI), log_phi, label="(l)"), because="(l)")
    moments = sp.log(2 * sp.pi * sigma**2) / 2 * sp.Integral(f(x), OO) \
        + sp.Integral((x - mu) ** 2 * f(x), OO) / (2 * sigma**2)
    d_.then(moments, relation=GIVEN, because=r"linearity of the integral ($f$ has a finite variance)")
    d_.then(sp.log(2 * sp.pi * sigma**2) / 2 + sp.Integral((x - mu) ** 2 * f(x), OO) / (2 * sigma**2),
            relation=substitution(sp.Integral(f(x), OO), 1, label=r"$\int f = 1$"), because=r"$\int f = 1$")
    d_.then(sp.log(2 * sp.pi * sigma**2) / 2 + sp.S.Half,
            relation=substitution(sp.Integral((x - mu) ** 2 * f(x), OO), sigma**2, label="the variance"),
            because=r"the variance of $f$ is $\sigma^2$")
    d_.then(ENTROPY, tag="c", because=r"$= h(\varphi)$, (h): only the two moments of $f$ matter")
    d_.start(KL_INTEGRAL, lhs=KL, relation=DEFINITION, because="the definition (Kullback & Leibler 1951)")
    d_.start(-sp.Integral(f(x) * sp.log(f(x)), OO), lhs="h(f)", relation=DEFINITION, because="the entropy of $f$")
    d_.then(CROSS - KL_INTEGRAL, relation=GIVEN,
            because=r"$\log f = \log\varphi + \log\frac{f}{\varphi}$; linearity of the integral")
    d_.then(ENTROPY - KL_INTEGRAL, relation=substitution(CROSS, ENTROPY, label="(c)"), because="(c)")
    return d_.then(ENTROPY - KL, relation=substitution(KL_INTEGRAL, KL, label="the definition"),
                   because=r"$= h(\varphi) - D_{\mathrm{KL}}(f \,\|\, \varphi) \le h(\varphi)$ by Gibbs' inequality, "
                           r"with equality only for $f = \varphi$")


def build() -> Derivation:
    """The derivation, unchecked."""
    d_ = Derivation("gaussian_entropy", title="The entropy of a Gaussian, and maximum entropy",
                    sources=("source 001, 'The Big Picture' (maximum entropy) and conceptual question 1",
                             "Cover & Thomas (2006), thm. 2.6.3, eq. (8.9), thm. 8.6.5"))
    d_.suppose(sp.Integral(f(x), OO), 1, because="f is a density")
    d_.suppose(sp.Integral((x - mu) ** 2 * f(x), OO), sigma**2, because="f has mean mu and variance sigma^2")
    _gaussian_entropy(d_)
    _log_bound(d_)
    _gibbs(d_)
    _maximum_entropy(d_)
    as_written(d_)
    d_.note("Conceptual question 1 (source 001): among densities with a given variance, the Gaussian has the "
            "largest entropy, by h(f) = h(N) - KL(f || N) above. For modelling uncertainty: if only a mean and a "
            "variance are known, the Gaussian assumes the least else (Jaynes' principle of maximum entropy). "
            "Numbers: for variance 1, h(N) = 1/2 log(2 pi e) = 1.4189 nats; a uniform density of variance 1 "
            "(width 2 sqrt 3) has log(2 sqrt 3) = 1.2425, a Laplace density of variance 1 has "
            "1 + log(sqrt 2) = 1.3466.")
    d_.conclude(known=ENTROPY - KL, lhs="h(f)", source="Cover & Thomas (2006), thm. 8.6.5 (maximum entropy)")
    return d_


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
