r"""The denoising term with equal variances: :math:`L_{t-1}` as a squared distance of means (Ho et al. eq. (8)).

.. math:: L_{t-1} = \mathbb{E}_q\left[\frac{1}{2\sigma_t^2}
          \left\|\tilde{\mu}_t(\mathbf{x}_t, \mathbf{x}_0) - \mu_\theta(\mathbf{x}_t, t)\right\|^2\right] + C,
          \qquad C = \frac{d}{2}\left(\log\frac{\sigma_t^2}{\tilde\beta_t} + \frac{\tilde\beta_t}{\sigma_t^2}
          - 1\right)

for :math:`p_\theta(\mathbf{x}_{t-1} \mid \mathbf{x}_t) = \mathcal{N}(\mu_\theta, \sigma_t^2\mathbf{I})`
and the posterior :math:`q(\mathbf{x}_{t-1} \mid \mathbf{x}_t, \mathbf{x}_0) =
\mathcal{N}(\tilde\mu_t, \tilde\beta_t\mathbf{I})` (:mod:`~derivations.diffusion.ddpm_posterior`).
Per coordinate the divergence is the univariate one proved in :mod:`derivations.gaussian.kl`
(``KLNormal`` unfolds to it); isotropic Gaussians in :math:`d` dimensions are products over
the coordinates, and the divergence of two products of independent factors is the sum of
the factors' divergences: that step is stated (the diagonal chain of
:mod:`derivations.gaussian.kl_multivariate` proves it for a given dimension). The sums over
the coordinates are then proved (:mod:`~derivations.engine.sums`), and
:math:`\|\tilde\mu_t - \mu_\theta\|^2` is the sum of the squared coordinates, by definition.

References: Ho, Jain & Abbeel (2020), eq. (8) and sec. 3.2; source 002, sec. 2 (the univariate KL).
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from derivations.diffusion.elbo import L_TM1, E_q
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.display import UNEVALUATED as _U
from derivations.engine.display import fraction, minus, square, total
from derivations.engine.notation import symbol
from derivations.engine.probability import divergence
from derivations.engine.relations import DEFINITION, GIVEN
from derivations.engine.substitution import substitution
from derivations.engine.sums import SUMS
from derivations.gaussian.kl import KLNormal

mu_tilde_t, mu_theta = symbol("mu_tilde_t"), symbol("mu_theta")
beta_tilde_t, sigma_t, C = symbol("beta_tilde_t"), symbol("sigma_t"), symbol("C")
norm_mu = symbol("norm_mu")
#: The dimension and the coordinate index.
d = sp.Symbol("d", integer=True, positive=True)
i = sp.Symbol("i", integer=True, positive=True)
mu_tilde_i = sp.IndexedBase(mu_tilde_t, real=True)
mu_theta_i = sp.IndexedBase(mu_theta, real=True)

HALF = sp.Rational(1, 2)
#: The constant of eq. (8), written out: free of theta (Ho et al. 2020 only say so).
CONSTANT = d / 2 * (sp.log(sigma_t**2 / beta_tilde_t) + beta_tilde_t / sigma_t**2 - 1)
#: Ho et al. (2020), eq. (8).
HO_EQ8 = E_q(norm_mu / (2 * sigma_t**2)) + C


class IsotropicNormal(sp.Function):
    r""":math:`\mathcal{N}(\mathbf{m}, v\mathbf{I})`, printed only (inside a stated line's divergence)."""

    nargs = 2

    def _latex(self, printer: Any) -> str:
        mean, variance = (printer._print(arg) for arg in self.args)
        return rf"\mathcal{{N}}\left({mean}, {variance}\mathbf{{I}}\right)"


def per_coordinate(first: sp.Expr, second: sp.Expr) -> sp.Expr:
    """The divergence of the equal-variance Gaussians for one coordinate with these means, collected."""
    return (first - second) ** 2 / (2 * sigma_t**2) + HALF * (sp.log(sigma_t**2 / beta_tilde_t)
                                                            + beta_tilde_t / sigma_t**2 - 1)


def _shown(first: sp.Expr, second: sp.Expr) -> sp.Expr:
    bracket = total(sp.log(fraction(sigma_t**2, beta_tilde_t), evaluate=False), fraction(beta_tilde_t, sigma_t**2),
                    -1)
    return total(fraction(square(minus(first, second)), sp.Mul(2, sigma_t**2, **_U)), sp.Mul(HALF, bracket, **_U))


def _one_coordinate(d_: Derivation) -> None:
    """The univariate divergence with equal variances, proved from the closed form (source 002)."""
    kl = KLNormal(mu_tilde_t, beta_tilde_t, mu_theta, sigma_t**2)
    closed = total(sp.Mul(HALF, sp.log(fraction(sigma_t**2, beta_tilde_t), evaluate=False), **_U),
                   fraction(total(beta_tilde_t, square(minus(mu_tilde_t, mu_theta))), sp.Mul(2, sigma_t**2, **_U)),
                   -HALF)
    d_.start(closed.doit(), lhs=kl, display=closed, heading="One coordinate",
             because=r"the divergence of two normals (kl_divergence, step 4; source 002, sec. 2), "
                     r"$\sigma_1^2 = \tilde\beta_t$, $\sigma_2^2 = \sigma_t^2$")
    d_.then(per_coordinate(mu_tilde_t, mu_theta), display=_shown(mu_tilde_t, mu_theta),
            because=r"collect: only the first term depends on the means")


def _d_coordinates(d_: Derivation) -> sp.Expr:
    """The divergence of the isotropic Gaussians, summed over the coordinates."""
    isotropic = divergence(IsotropicNormal(mu_tilde_t, beta_tilde_t), IsotropicNormal(mu_theta, sigma_t**2))
    d_.start(isotropic, lhs=L_TM1, relation=GIVEN, heading=r"In $d$ dimensions",
             text=r"$\mathbf{x}_{t-1}$ has $d$ coordinates; $\tilde{\mu}_{t,i}$ and $\mu_{\theta,i}$ are "
                  r"the coordinates of the means.",
             because=r"the posterior (ddpm_posterior; Ho et al. 2020, eqs. (6)-(7)) and the model "
                     r"$p_\theta(\mathbf{x}_{t-1} \mid \mathbf{x}_t) = \mathcal{N}(\mu_\theta, \sigma_t^2\mathbf{I})$ "
                     "(Ho et al. 2020, sec. 3.2)")
    coordinates = sp.Sum(KLNormal(mu_tilde_i[i], beta_tilde_t, mu_theta_i[i], sigma_t**2), (i, 1, d))
    d_.then(coordinates, relation=GIVEN,
            because=r"isotropic Gaussians factor over the coordinates, and the divergence of products of "
                    r"independent factors is the sum of the factors' divergences (kl_multivariate, diagonal chain)")
    summed = sp.Sum(per_coordinate(mu_tilde_i[i], mu_theta_i[i]), (i, 1, d))
    d_.then(summed, relation=SUMS, display=sp.Sum(_shown(mu_tilde_i[i], mu_theta_i[i]), (i, 1, d)),
            because="each coordinate as above (one coordinate)")
    squares = sp.Sum((mu_tilde_i[i] - mu_theta_i[i]) ** 2, (i, 1, d))
    split = squares / (2 * sigma_t**2) + CONSTANT
    split_shown = total(sp.Mul(fraction(1, sp.Mul(2, sigma_t**2, **_U)),
                               sp.Sum(square(minus(mu_tilde_i[i], mu_theta_i[i])), (i, 1, d)), **_U),
                        sp.Mul(fraction(d, 2), total(sp.log(fraction(sigma_t**2, beta_tilde_t), evaluate=False),
                                                     fraction(beta_tilde_t, sigma_t**2), -1), **_U))
    d_.then(split, relation=SUMS, display=split_shown,
            because=r"linearity of the finite sum; the terms free of $i$ add up $d$ times")
    result = norm_mu / (2 * sigma_t**2) + C
    return d_.then(result, relation=SUMS, display=total(fraction(norm_mu, sp.Mul(2, sigma_t**2, **_U)), C),
                   because=r"$\|\tilde\mu_t - \mu_\theta\|^2 = \sum_{i=1}^{d} (\tilde\mu_{t,i} - \mu_{\theta,i})^2$ "
                           r"and the constant $C$ (written out below)")


def _expectation(d_: Derivation, per_step: sp.Expr) -> None:
    """L_{t-1} = E_q[...] of the divergence, then the constant out of the expectation: eq. (8)."""
    d_.start(E_q(L_TM1), lhs=r"L_{t-1}", relation=DEFINITION, heading="The expectation: eq. (8)",
             because="the denoising term of the bound (ddpm_elbo, eq. (5))")
    d_.then(E_q(per_step), relation=substitution(L_TM1, per_step),
            display=E_q(total(fraction(norm_mu, sp.Mul(2, sigma_t**2, **_U)), C)),
            because=r"the divergence in $d$ dimensions (above)")
    d_.then(HO_EQ8, relation=GIVEN, tag="8",
            display=total(E_q(fraction(norm_mu, sp.Mul(2, sigma_t**2, **_U))), C),
            because=r"linearity of the expectation, $\mathbb{E}_q[C] = C$: $C$ depends on $t$ only "
                    r"($\tilde\beta_t$, $\sigma_t$, $d$), not on $\mathbf{x}_0$, $\mathbf{x}_t$ or $\theta$")


def build() -> Derivation:
    """The derivation, unchecked."""
    d_ = Derivation("equal_variance_kl", title="The denoising term with equal variances (eq. (8))",
                    sources=("Ho et al. 2020, eq. (8) and sec. 3.2", "source 002, sec. 2 (the univariate KL)"))
    d_.define(norm_mu, sp.Sum((mu_tilde_i[i] - mu_theta_i[i]) ** 2, (i, 1, d)))
    d_.define(C, CONSTANT)
    _one_coordinate(d_)
    per_step = _d_coordinates(d_)
    d_.start(CONSTANT, lhs=C, relation=DEFINITION, heading="The constant",
             display=sp.Mul(fraction(d, 2), total(sp.log(fraction(sigma_t**2, beta_tilde_t), evaluate=False),
                                                  fraction(beta_tilde_t, sigma_t**2), -1), **_U),
             text=r"It depends on $\tilde\beta_t$, $\sigma_t$ and $d$; it vanishes when "
                  r"$\sigma_t^2 = \tilde\beta_t$ ($\log 1 + 1 - 1 = 0$).",
             because=r"the terms free of the means")
    _expectation(d_, per_step)
    d_.conclude(known=HO_EQ8, lhs=r"L_{t-1}", source="Ho et al. 2020, eq. (8)")
    return d_


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
