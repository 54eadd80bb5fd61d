r"""Log-probability and squared error: minimising the squared error is maximum likelihood.

.. math:: -\log\mathcal{N}(\mathbf{x}; \boldsymbol\mu, \sigma^2 I)
          = \frac{\|\mathbf{x} - \boldsymbol\mu\|^2}{2\sigma^2} + \frac{d}{2}\log(2\pi\sigma^2),

a positive multiple of the squared error plus a term free of :math:`\boldsymbol\mu`: the same
minimiser. For the noise-prediction loss of diffusion (:math:`\sigma = 1`),
:math:`\|\boldsymbol\epsilon - \boldsymbol\epsilon_\theta\|^2 = -2\log\mathcal{N}(\boldsymbol\epsilon;
\boldsymbol\epsilon_\theta, I) - d\log 2\pi`: source 001 calls it "exactly the negative
log-likelihood", which is off by the factor :math:`\frac12` and a constant (recorded as a slip).
The page: source 001's univariate log-pdf, the :math:`d`-dimensional isotropic case (every
:math:`d`), the loss, and the maximum-likelihood mean of three observations.

References: source 001, "Log-Probability" and "The MSE Connection"; Bishop (2006), *Pattern
Recognition and Machine Learning*, sec. 1.2.5 and eqs. (3.11)-(3.12); Ho, Jain & Abbeel (2020), eq. (14).
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from derivations.engine.defined import Defined
from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.matrices import MVNormalPDF, ScalarOf, as_written, d, matrix, minus
from derivations.engine.notation import symbol
from derivations.engine.relations import DIFFERENTIATION
from derivations.engine.substitution import at

x_s, mu_s, sigma = symbol("x"), symbol("mu"), symbol("sigma")
x, mu = matrix(r"\mathbf{x}", d, 1), matrix(r"\boldsymbol{\mu}", d, 1)
eps, eps_theta = matrix(r"\boldsymbol{\epsilon}", d, 1), matrix(r"\boldsymbol{\epsilon}_{\theta}", d, 1)
Id = sp.Identity(d)
data = sp.symbols("y_1 y_2 y_3", real=True)


class SquaredNorm(Defined):
    r"""``SquaredNorm(v)``: :math:`\|\mathbf{v}\|^2 = \mathbf{v}^\top\mathbf{v}`."""

    nargs = 1

    @classmethod
    def definition(cls, v: sp.Expr) -> sp.Expr:
        return ScalarOf(sp.Transpose(v) * v)

    def _latex(self, printer: Any) -> str:
        return rf"\left\|{printer._print(self.args[0])}\right\|^{{2}}"


def _univariate(d_: Derivation) -> None:
    """Source 001's log-pdf."""
    d_.start(-sp.log(2 * sp.pi * sigma**2) / 2 - (x_s - mu_s) ** 2 / (2 * sigma**2),
             lhs=sp.log(NormalPDF(x_s, mu_s, sigma**2)), heading="The log-probability (source 001)",
             because=r"$\log\frac{1}{\sqrt{2\pi\sigma^2}} = -\frac12\log(2\pi\sigma^2)$ and $\log e^{y} = y$")


def _isotropic(d_: Derivation) -> None:
    """-log N(x; mu, sigma^2 I) in d dimensions, and its part free of mu."""
    nll = -sp.log(MVNormalPDF(x, mu, sigma**2 * Id))
    d_.start(SquaredNorm(minus(x, mu)) / (2 * sigma**2) + d / 2 * sp.log(2 * sp.pi * sigma**2), lhs=nll, tag="N",
             heading="d dimensions, isotropic noise",
             because=r"$|\sigma^2 I| = \sigma^{2d}$ and $(\sigma^2 I)^{-1} = \sigma^{-2} I$; the log of a product")
    d_.start(d / 2 * sp.log(2 * sp.pi * sigma**2), lhs=nll - SquaredNorm(minus(x, mu)) / (2 * sigma**2),
             because=r"free of $\boldsymbol{\mu}$: minimising $-\log\mathcal{N}$ over $\boldsymbol{\mu}$ minimises "
                     r"$\|\mathbf{x} - \boldsymbol{\mu}\|^2$ (a positive factor $\frac{1}{2\sigma^2}$ and a constant "
                     "change no minimiser)")


def _noise_loss(d_: Derivation) -> None:
    """The diffusion loss: sigma = 1."""
    nll = -sp.log(MVNormalPDF(eps, eps_theta, sigma**2 * Id))
    d_.start(SquaredNorm(minus(eps, eps_theta)) / (2 * sigma**2) + d / 2 * sp.log(2 * sp.pi * sigma**2), lhs=nll,
             heading=r"The noise-prediction loss", because="(N) for the noise and its prediction")
    d_.then(SquaredNorm(minus(eps, eps_theta)) / 2 + d / 2 * sp.log(2 * sp.pi), relation=at({sigma: 1}),
            because=r"unit variance: half the squared error plus $\frac{d}{2}\log 2\pi$")
    d_.start(-2 * sp.log(MVNormalPDF(eps, eps_theta, Id)) - d * sp.log(2 * sp.pi),
             lhs=SquaredNorm(minus(eps, eps_theta)), tag="L",
             because=r"so $\|\boldsymbol{\epsilon} - \boldsymbol{\epsilon}_\theta\|^2 = "
                     r"-2\log\mathcal{N}(\boldsymbol{\epsilon}; \boldsymbol{\epsilon}_\theta, I) - d\log 2\pi$")
    d_.slip(where="001, 'The MSE Connection'", source_line=SquaredNorm(minus(eps, eps_theta)),
            corrected=-sp.log(MVNormalPDF(eps, eps_theta, Id)),
            note=r"Source 001: the squared error $\|\epsilon - \epsilon_\theta(x_t, t)\|^2$ 'is exactly the negative "
                 r"log-likelihood of a Gaussian with unit variance'. It is twice it, less $d\log 2\pi$: "
                 r"$-\log\mathcal{N}(\boldsymbol{\epsilon}; \boldsymbol{\epsilon}_\theta, I) = "
                 r"\frac12\|\boldsymbol{\epsilon} - \boldsymbol{\epsilon}_\theta\|^2 + \frac{d}{2}\log 2\pi$. "
                 "The conclusion survives: the two have the same minimiser.")


def _maximum_likelihood(d_: Derivation) -> sp.Expr:
    """Three observations: the maximum-likelihood mean is their average."""
    nll = sum(((xi - mu_s) ** 2 / (2 * sigma**2) for xi in data), sp.S.Zero) \
        + sp.Rational(3, 2) * sp.log(2 * sp.pi * sigma**2)
    d_.start(nll, lhs=-sum((sp.log(NormalPDF(xi, mu_s, sigma**2)) for xi in data), sp.S.Zero),
             heading="Maximum likelihood is least squares", text="Three independent observations $y_1, y_2, y_3$.",
             because="the log-probability, three times")
    d_.start(-sum((xi - mu_s for xi in data), sp.S.Zero) / sigma**2, lhs=sp.Derivative(nll, mu_s),
             relation=DIFFERENTIATION,
            because=r"$\frac{d}{d\mu}\frac{(y_i - \mu)^2}{2\sigma^2} = -\frac{y_i - \mu}{\sigma^2}$: zero where "
                    r"$\sum_i (y_i - \mu) = 0$, the same equation as for the least squares")
    mean = sum(data, sp.S.Zero) / 3
    return d_.then(0, relation=at({mu_s: mean}, label=r"$\mu = \bar{y}$"),
                   because=r"at $\mu = \bar{y} = \frac{y_1 + y_2 + y_3}{3}$: the "
                   "maximum-likelihood mean is the sample mean (the second derivative $3/\\sigma^2 > 0$)")


def build() -> Derivation:
    """The derivation, unchecked."""
    d_ = Derivation("likelihood_mse", title="Log-likelihood and squared error",
                    sources=("source 001, 'Log-Probability' and 'The MSE Connection'",
                             "Bishop (2006), sec. 1.2.5", "Ho, Jain & Abbeel (2020), eq. (14)"))
    _univariate(d_)
    _isotropic(d_)
    _maximum_likelihood(d_)
    _noise_loss(d_)
    as_written(d_)
    d_.conclude(known=-2 * sp.log(MVNormalPDF(eps, eps_theta, Id)) - d * sp.log(2 * sp.pi),
                lhs=SquaredNorm(minus(eps, eps_theta)), source="source 001, 'The MSE Connection', corrected")
    return d_


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
