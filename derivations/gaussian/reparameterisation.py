r"""The reparameterisation trick: the expectation, its gradients, and the multivariate form.

.. math:: \mathbb{E}_{z\sim\mathcal{N}(\mu,\sigma^2)}[\mathcal{L}(z)]
          = \mathbb{E}_{\epsilon\sim\mathcal{N}(0,1)}[\mathcal{L}(\mu + \sigma\epsilon)],\qquad
          \frac{\partial}{\partial\mu}\mathbb{E}[\mathcal{L}]
          = \mathbb{E}_\epsilon[\mathcal{L}'(\mu + \sigma\epsilon)],\quad
          \frac{\partial}{\partial\sigma}\mathbb{E}[\mathcal{L}]
          = \mathbb{E}_\epsilon[\mathcal{L}'(\mu + \sigma\epsilon)\,\epsilon].

The page: the derivatives of a sample :math:`\mathcal{L}(\mu + \sigma\epsilon)` (source 001's
":math:`dL/d\mu = dL/dz \cdot 1`"); for a cubic loss (any coefficients) both sides of each gradient
computed exactly, the gradient of the closed-form expectation and the expectation of the sample
gradient, and source 001's example (:math:`\mathcal{L} = z^2`, :math:`\mu = 1`, :math:`\log\sigma = 0`);
the multivariate form :math:`\mathbf{z} = \boldsymbol\mu + L\boldsymbol\epsilon` with
:math:`\operatorname{Cov}\mathbf{z} = LL^\top` (every :math:`d`; source 001's Cholesky example
written out); and the identity for any :math:`\mathcal{L}` by the change of variables
:math:`z = \mu + \sigma\epsilon`. For a general smooth :math:`\mathcal{L}`, exchanging the derivative
and the expectation needs dominated convergence (stated in a note).

References: source 001, "The Reparameterization Trick" (the problem, the solution, the code and its
"Multivariate Case"); Kingma & Welling (2014), "Auto-Encoding Variational Bayes", sec. 2.4;
Rezende, Mohamed & Wierstra (2014), sec. 3.
"""

from __future__ import annotations

import sympy as sp

from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.expectation import expectation
from derivations.engine.matrices import as_written, d, matrix
from derivations.engine.notation import symbol
from derivations.engine.relations import DEFINITION, DIFFERENTIATION, GIVEN, INTEGRAL
from derivations.engine.substitution import at, substitution

z, mu, sigma = sp.Symbol("z", real=True), symbol("mu"), symbol("sigma")
eps = sp.Symbol("epsilon", real=True)
a_0, a_1, a_2, a_3 = sp.symbols("a_0 a_1 a_2 a_3", real=True)
Loss = sp.Function(r"\mathcal{L}")
OO = (-sp.oo, sp.oo)
#: A cubic loss with arbitrary coefficients, and its derivative.
CUBIC = a_0 + a_1 * z + a_2 * z**2 + a_3 * z**3
CUBIC_PRIME = sp.diff(CUBIC, z)
SAMPLE = CUBIC.xreplace({z: mu + sigma * eps})
#: E[L(z)] for z ~ N(mu, sigma^2): the Gaussian moments mu, mu^2 + sigma^2, mu^3 + 3 mu sigma^2.
MEAN_LOSS = a_0 + a_1 * mu + a_2 * (mu**2 + sigma**2) + a_3 * (mu**3 + 3 * mu * sigma**2)
GRAD_MU = a_1 + 2 * a_2 * mu + 3 * a_3 * (mu**2 + sigma**2)
GRAD_SIGMA = 2 * a_2 * sigma + 6 * a_3 * mu * sigma

muv, epsv, zv = matrix(r"\boldsymbol{\mu}", d, 1), matrix(r"\boldsymbol{\epsilon}", d, 1), matrix(r"\mathbf{z}", d, 1)
L, Sigma = matrix("L", kind="lower"), matrix(r"\Sigma", kind="positive definite")


def E_eps(f: sp.Expr) -> sp.Expr:
    r""":math:`\mathbb{E}_{\epsilon}[f]`, :math:`\epsilon \sim \mathcal{N}(0, 1)`."""
    return expectation(f, eps, 0, 1, label=r"\epsilon")


def _sample_gradients(d_: Derivation) -> None:
    """The derivatives of one sample L(mu + sigma eps): the chain rule."""
    d_.start(CUBIC_PRIME.xreplace({z: mu + sigma * eps}), lhs=sp.Derivative(SAMPLE, mu), relation=DIFFERENTIATION,
             heading="The gradient of a sample",
             text=r"A cubic loss $\mathcal{L}(z) = a_0 + a_1 z + a_2 z^2 + a_3 z^3$, any coefficients; "
                  r"$z = \mu + \sigma\epsilon$ is a differentiable function of $(\mu, \sigma)$ for fixed $\epsilon$.",
             because=r"$\frac{\partial\mathcal{L}}{\partial\mu} = \mathcal{L}'(z)\cdot 1$ (source 001's example)")
    d_.start(CUBIC_PRIME.xreplace({z: mu + sigma * eps}) * eps, lhs=sp.Derivative(SAMPLE, sigma),
             relation=DIFFERENTIATION, because=r"$\frac{\partial\mathcal{L}}{\partial\sigma} = "
                                               r"\mathcal{L}'(z)\,\epsilon$")


def _cubic(d_: Derivation) -> None:
    """Both sides of each gradient, exactly, for the cubic."""
    d_.start(MEAN_LOSS, lhs=expectation(CUBIC, z, mu, sigma**2, label=r"z"), relation=INTEGRAL, tag="E",
             heading="The gradients of the expectation, exactly",
             because=r"the Gaussian moments: $\mathbb{E}z = \mu$, $\mathbb{E}z^2 = \mu^2 + \sigma^2$, "
                     r"$\mathbb{E}z^3 = \mu^3 + 3\mu\sigma^2$")
    d_.start(GRAD_MU, lhs=sp.Derivative(MEAN_LOSS, mu), relation=DIFFERENTIATION,
             because=r"differentiate (E) in $\mu$")
    d_.start(GRAD_MU, lhs=E_eps(CUBIC_PRIME.xreplace({z: mu + sigma * eps})), relation=INTEGRAL,
             because=r"the same: the expectation of the sample gradient in $\mu$")
    d_.start(GRAD_SIGMA, lhs=sp.Derivative(MEAN_LOSS, sigma), relation=DIFFERENTIATION, tag="S",
             because=r"differentiate (E) in $\sigma$")
    d_.start(GRAD_SIGMA, lhs=E_eps(CUBIC_PRIME.xreplace({z: mu + sigma * eps}) * eps), relation=INTEGRAL,
             because=r"the same: the expectation of the sample gradient in $\sigma$")
    example = {a_0: 0, a_1: 0, a_2: 1, a_3: 0, mu: 1, sigma: 1}
    d_.start(GRAD_MU, lhs=r"\frac{\partial}{\partial\mu}\mathbb{E}[z^2]", relation=DEFINITION,
             heading="Source 001's example",
                 text=r"$\mathcal{L} = z^2$, $\mu = 1$, $\log\sigma = 0$ (so $\sigma = 1$).",
             because="the gradient above")
    d_.then(2, relation=at(example, label="the example"), because=r"$2\mu = 2$: what loss.backward() "
                                                                          r"estimates for mu")
    d_.start(sigma * GRAD_SIGMA, lhs=r"\frac{\partial}{\partial\log\sigma}\mathbb{E}[z^2] = "
             r"\sigma\frac{\partial}{\partial\sigma}\mathbb{E}[z^2]",
                 relation=DEFINITION, because="the chain rule, (S)")
    d_.then(2, relation=at(example, label="the example"), because=r"$2\sigma^2 = 2$: for log_sigma")


def _multivariate(d_: Derivation) -> None:
    """z = mu + L eps with eps ~ N(0, I): Cov z = L L^T (every d), and the isotropic case."""
    d_.suppose(L * L.T, Sigma, because=r"$L$ is a Cholesky factor of $\Sigma$")
    d_.start(L * sp.Identity(d) * L.T, lhs=r"\operatorname{Cov}(\mathbf{z})", relation=GIVEN,
             heading="The multivariate case",
             text=r"$\mathbf{z} = \boldsymbol{\mu} + L\boldsymbol{\epsilon}$, $\boldsymbol{\epsilon} \sim "
                  r"\mathcal{N}(\mathbf{0}, I)$: Property 1 (linear_maps) with $A = L$, $\mathbf{b} = "
                  r"\boldsymbol{\mu}$.",
             because=r"$A\Sigma A^\top$ with $\Sigma = I$: $\mathbf{z} \sim \mathcal{N}(\boldsymbol{\mu}, LIL^\top)$")
    d_.then(L * L.T, because="$LIL^\\top = LL^\\top$")
    d_.then(Sigma, relation=substitution(L * L.T, Sigma, label="the Cholesky factor"),
            because=r"$LL^\top = \Sigma$: the same distribution as mvn.sample()")
    iso = sigma * sp.Identity(d)
    d_.start(sigma**2 * sp.Identity(d), lhs=iso * sp.Transpose(iso), because=r"isotropic noise: $L = \sigma I$")
    d_.start(muv + sigma * epsv, lhs=muv + iso * epsv,
             because=r"$\mathbf{z} = \boldsymbol{\mu} + \sigma\boldsymbol{\epsilon}$ (source 001)")
    code = sp.Matrix([[1, 0], [sp.Rational(1, 2), sp.sqrt(3) / 2]])
    covariance = sp.ImmutableMatrix([[1, sp.Rational(1, 2)], [sp.Rational(1, 2), 1]])
    d_.start(covariance, lhs=sp.MatMul(code, code.T, evaluate=False),
             heading="Source 001's code", because=r"torch.linalg.cholesky of the covariance $\begin{pmatrix} 1 & 0.5 "
             r"\\ 0.5 & 1 \end{pmatrix}$ is $L = \begin{pmatrix} 1 & 0 \\ 0.5 & \sqrt{3}/2 \end{pmatrix}$")


def _identity(d_: Derivation) -> sp.Expr:
    """E_z[L(z)] = E_eps[L(mu + sigma eps)] for any L: the change of variables."""
    density = sp.Mul(NormalPDF(mu + sigma * eps, mu, sigma**2), sigma, evaluate=False)
    d_.start(NormalPDF(eps, 0, 1), lhs=density, tag="J", heading="The identity, for any loss",
             because=r"$\sigma\,\mathcal{N}(\mu + \sigma\epsilon; \mu, \sigma^2) = \mathcal{N}(\epsilon; 0, 1)$")
    d_.start(sp.Integral(Loss(z) * NormalPDF(z, mu, sigma**2), (z, *OO)), relation=DEFINITION,
             lhs=r"\mathbb{E}_{z \sim \mathcal{N}(\mu, \sigma^2)}\left[\mathcal{L}(z)\right]",
             because=r"the expectation under $p_\theta = \mathcal{N}(\mu, \sigma^2)$")
    d_.then(sp.Integral(sp.Mul(Loss(mu + sigma * eps), density, evaluate=False), (eps, *OO)), relation=GIVEN,
            because=r"change of variables $z = \mu + \sigma\epsilon$, $dz = \sigma\,d\epsilon$ ($\sigma > 0$)")
    return d_.then(sp.Integral(Loss(mu + sigma * eps) * NormalPDF(eps, 0, 1), (eps, *OO)),
                   relation=substitution(density, NormalPDF(eps, 0, 1), label="(J)"),
                   because=r"by (J): $\mathbb{E}_{\epsilon \sim \mathcal{N}(0, 1)}[\mathcal{L}(\mu + "
                           r"\sigma\epsilon)]$; "
                           r"the distribution no longer depends on $(\mu, \sigma)$")


SLIP_NOTE = (
    "Source 001: 'sampling z ~ p_theta is a discrete, non-differentiable operation'. Sampling from a Gaussian is "
    "not discrete; the point is that a sample's law depends on theta, so there is no derivative of the sample in "
    "theta until it is written as a differentiable function z = mu + sigma eps of theta and a parameter-free eps "
    "(the lines above). What fails for discrete distributions (conceptual question 3) is that z is then a step "
    "function of theta: its derivative is 0 almost everywhere."
)
EXCHANGE_NOTE = (
    "For a general loss, d/dmu E_eps[L(mu + sigma eps)] = E_eps[L'(mu + sigma eps)] needs the derivative under the "
    "expectation: true when |L'(mu + sigma eps)| (and |L'(...) eps|) is bounded by an integrable function of eps "
    "uniformly near (mu, sigma) (dominated convergence), e.g. for every polynomial loss; the cubic lines prove it "
    "exactly for every cubic."
)


def build() -> Derivation:
    """The derivation, unchecked."""
    d_ = Derivation("reparameterisation", title="The reparameterisation trick and its gradients",
                    sources=("source 001, 'The Reparameterization Trick' and its 'Multivariate Case'",
                             "Kingma & Welling (2014), sec. 2.4"))
    _sample_gradients(d_)
    _cubic(d_)
    _multivariate(d_)
    result = _identity(d_)
    as_written(d_)
    d_.note(SLIP_NOTE)
    d_.note(EXCHANGE_NOTE)
    d_.conclude(known=result, lhs=r"\mathbb{E}_{z \sim \mathcal{N}(\mu, \sigma^2)}\left[\mathcal{L}(z)\right]",
                source=r"source 001, 'The Solution': "
                       r"$\mathbb{E}_{\epsilon \sim \mathcal{N}(0,1)}[L(\mu + \sigma\epsilon)]$")
    return d_


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
