r"""The score of the forward process, Tweedie's formula, and the score as the predicted noise.

.. math:: \nabla_{\mathbf{x}_t}\log q(\mathbf{x}_t \mid \mathbf{x}_0)
          = -\frac{\mathbf{x}_t - \sqrt{\bar\alpha_t}\mathbf{x}_0}{1-\bar\alpha_t}
          = -\frac{\boldsymbol{\epsilon}}{\sqrt{1-\bar\alpha_t}}, \qquad
          \mathbb{E}[\mathbf{x}_0 \mid \mathbf{x}_t] = \frac{\mathbf{x}_t + (1-\bar\alpha_t)
          \nabla_{\mathbf{x}_t}\log q(\mathbf{x}_t)}{\sqrt{\bar\alpha_t}}

Tweedie's formula is derived for a Gaussian prior :math:`\mathbf{x}_0 \sim \mathcal{N}(\mu_0, \sigma_0^2)`
(per coordinate), where everything is explicit: the marginal :math:`q(\mathbf{x}_t)` (independent
Gaussians add, source 001, Property 4), the posterior :math:`q(\mathbf{x}_0 \mid \mathbf{x}_t)` as a product of
Gaussians
(:mod:`derivations.gaussian.product`, precisions add), its mean by the Gaussian integral, the score
of the marginal by differentiation. Then the noise: :math:`\mathbb{E}[\boldsymbol{\epsilon} \mid
\mathbf{x}_t] = -\sqrt{1-\bar\alpha_t}\,\nabla\log q(\mathbf{x}_t)`, so a network that predicts the
noise predicts the score (Luo 2022): :math:`s_\theta = -\boldsymbol{\epsilon}_\theta/\sqrt{1-\bar\alpha_t}`.

References: Luo (2022), "Understanding Diffusion Models: A Unified Perspective" (arXiv:2208.11970),
the sections on Tweedie's formula and "Three Equivalent Interpretations"; Efron (2011), "Tweedie's formula
and selection bias", sec. 2; Ho et al. (2020), eq. (4); source 001, Property 3.
"""

from __future__ import annotations

import sympy as sp

from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.display import UNEVALUATED as _U
from derivations.engine.display import fraction, linear_combination, minus, negative, total
from derivations.engine.expectation import expectation
from derivations.engine.notation import symbol
from derivations.engine.relations import (
    DEFINITION,
    DIFFERENTIATION,
    EQUAL_IN_DISTRIBUTION,
    GIVEN,
    INTEGRAL,
    proportional_in,
)
from derivations.engine.substitution import substitution
from derivations.gaussian import product

alpha_bar_t, x_0, x_t, eps = symbol("alpha_bar_t"), symbol("x_0"), symbol("x_t"), symbol("eps")
mu_0, sigma_0, eps_theta = symbol("mu_0"), symbol("sigma_0"), symbol("eps_theta")
eps_0, eps_bar, mu_0t, var_0t = symbol("eps_0"), symbol("eps_bar"), symbol("mu_0t"), symbol("var_0t")

CLOSED = sp.sqrt(alpha_bar_t) * x_0 + sp.sqrt(1 - alpha_bar_t) * eps
FORWARD = NormalPDF(x_t, sp.sqrt(alpha_bar_t) * x_0, 1 - alpha_bar_t)
PRIOR = NormalPDF(x_0, mu_0, sigma_0**2)
#: The marginal of x_t under the Gaussian prior: variances add.
MARGINAL_VARIANCE = alpha_bar_t * sigma_0**2 + 1 - alpha_bar_t
MARGINAL = NormalPDF(x_t, sp.sqrt(alpha_bar_t) * mu_0, MARGINAL_VARIANCE)
#: As a function of x_0 the forward density is N(x_0; x_t / sqrt(abar), (1 - abar)/abar) / sqrt(abar):
#: the product of Gaussians (source 001, Property 3; gaussian_product) gives the posterior.
AS_X0 = {product.mu_1: x_t / sp.sqrt(alpha_bar_t), product.sigma_1: sp.sqrt((1 - alpha_bar_t) / alpha_bar_t),
         product.mu_2: mu_0, product.sigma_2: sigma_0}
POSTERIOR_MEAN = sp.factor(product.SOURCE_001_MEAN.xreplace(AS_X0))
POSTERIOR_VARIANCE = sp.factor(product.SOURCE_001_VARIANCE.xreplace(AS_X0))
SCORE_MARGINAL = sp.Derivative(sp.log(MARGINAL), x_t)
#: Tweedie's formula (Efron 2011, sec. 2; Luo 2022) for q(x_t | x_0) = N(sqrt(abar) x_0, (1 - abar)).
TWEEDIE = (x_t + (1 - alpha_bar_t) * SCORE_MARGINAL) / sp.sqrt(alpha_bar_t)
#: The score of the forward process in terms of its noise (Luo 2022; Song & Ermon 2019).
SCORE_EPS = -eps / sp.sqrt(1 - alpha_bar_t)
GRAD = r"\nabla_{\mathbf{x}_t}"


def _conditional_score(d: Derivation) -> None:
    """The score of q(x_t | x_0), and in terms of the noise."""
    d.start(sp.Derivative(sp.log(FORWARD), x_t), lhs=GRAD + r"\log q(\mathbf{x}_t \mid \mathbf{x}_0)",
            relation=DEFINITION, heading="The score of the forward process",
            because=r"the gradient of the log-density of eq. (4) (per coordinate)")
    gradient = -(x_t - sp.sqrt(alpha_bar_t) * x_0) / (1 - alpha_bar_t)
    d.then(gradient, relation=DIFFERENTIATION,
           display=negative(fraction(minus(x_t, sp.Mul(sp.sqrt(alpha_bar_t), x_0, **_U)), 1 - alpha_bar_t)),
           because=r"differentiate $-\frac{(\mathbf{x}_t - \sqrt{\bar\alpha_t}\mathbf{x}_0)^2}{2(1-\bar\alpha_t)}$")
    d.suppose(x_t, CLOSED, because=r"the closed form $\mathbf{x}_t = \sqrt{\bar\alpha_t}\mathbf{x}_0 + "
                                   r"\sqrt{1-\bar\alpha_t}\boldsymbol{\epsilon}$ (Ho et al. 2020, eq. (4))")
    d.then(gradient.xreplace({x_t: CLOSED}), relation=substitution(x_t, CLOSED),
           because=r"$\mathbf{x}_t$ from the closed form")
    d.then(SCORE_EPS, tag="score", display=negative(fraction(eps, sp.sqrt(1 - alpha_bar_t))),
           because=r"$\frac{\sqrt{1-\bar\alpha_t}}{1-\bar\alpha_t} = \frac{1}{\sqrt{1-\bar\alpha_t}}$")


def _marginal_and_posterior(d: Derivation) -> None:
    """The marginal of x_t (independent Gaussians add) and the posterior of x_0 under the Gaussian prior."""
    data, data_shown = linear_combination((1, mu_0), (sigma_0, eps_0))
    d.start(data, lhs=x_0, relation=GIVEN, display=data_shown,
            heading=r"A Gaussian prior: the marginal and the posterior",
            text=r"The data $\mathbf{x}_0 \sim \mathcal{N}(\mu_0, \sigma_0^2)$ (per coordinate), independent of "
                 r"the forward noise $\boldsymbol{\epsilon}$.",
            because=r"the prior, sampled by the reparameterisation rule")
    d.start(CLOSED, lhs=x_t, relation=GIVEN, display=linear_combination((sp.sqrt(alpha_bar_t), x_0),
                                                                       (sp.sqrt(1 - alpha_bar_t), eps))[1],
            because="the closed form (Ho et al. 2020, eq. (4))")
    d.then(CLOSED.xreplace({x_0: data}), relation=substitution(x_0, data), because="the prior")
    merged, merged_shown = linear_combination((sp.sqrt(alpha_bar_t), mu_0),
                                              (sp.sqrt(MARGINAL_VARIANCE), eps_bar))
    d.then(merged, relation=EQUAL_IN_DISTRIBUTION, display=merged_shown,
           because=r"independent Gaussians add: variances $\bar\alpha_t\sigma_0^2 + 1 - \bar\alpha_t$ "
                   "(source 001, Property 4)")
    d.start(MARGINAL, lhs=r"q(\mathbf{x}_t)", relation=GIVEN, tag="M",
            because="the density of the line above (the reparameterisation rule, forward_process)")
    bayes = r"q(\mathbf{x}_0 \mid \mathbf{x}_t)"
    d.start(FORWARD * PRIOR / MARGINAL, lhs=bayes, relation=GIVEN,
            display=fraction(sp.Mul(FORWARD, PRIOR, **_U), MARGINAL), because="Bayes' rule")
    d.then(NormalPDF(x_0, mu_0t, var_0t), relation=proportional_in(x_0), tag="P",
           because=r"as a function of $\mathbf{x}_0$, a product of two Gaussians (gaussian_product: precisions add); "
                   "a normalised density proportional to it is that density")
    d.start(POSTERIOR_MEAN, lhs=mu_0t, relation=DEFINITION, display=_mean_shown(),
            because="the precision-weighted mean (source 001, Property 3)")
    d.start(POSTERIOR_VARIANCE, lhs=var_0t, relation=DEFINITION,
            because="the precisions add (source 001, Property 3)",
            display=fraction(sp.Mul(sigma_0**2, 1 - alpha_bar_t, **_U), MARGINAL_VARIANCE))


def _mean_shown() -> sp.Expr:
    return fraction(total(sp.Mul(sp.sqrt(alpha_bar_t), sigma_0**2, x_t, **_U), sp.Mul(1 - alpha_bar_t, mu_0, **_U)),
                    MARGINAL_VARIANCE)


def _tweedie(d: Derivation) -> None:
    """E[x_0 | x_t] by the Gaussian integral, then Tweedie's formula by differentiating log q(x_t)."""
    conditional = expectation(x_0, x_0, mu_0t, var_0t, label=r"q(\mathbf{x}_0 \mid \mathbf{x}_t)")
    d.start(conditional, lhs=r"\mathbb{E}[\mathbf{x}_0 \mid \mathbf{x}_t]", relation=DEFINITION,
            heading="Tweedie's formula", because="the mean of the posterior (P)")
    d.then(mu_0t, relation=INTEGRAL, because="the Gaussian integral rule: the mean of a normal")
    d.then(POSTERIOR_MEAN, display=_mean_shown(), because=r"$\mu_{0|t}$ (above)")
    d.then(TWEEDIE, relation=DIFFERENTIATION, tag="T",
           display=fraction(total(x_t, sp.Mul(1 - alpha_bar_t, SCORE_MARGINAL, **_U)), sp.sqrt(alpha_bar_t)),
           because=r"$\nabla\log q(\mathbf{x}_t) = -\frac{\mathbf{x}_t - \sqrt{\bar\alpha_t}\mu_0}"
                   r"{\bar\alpha_t\sigma_0^2 + 1 - \bar\alpha_t}$, with $q(\mathbf{x}_t)$ from (M): Tweedie's formula")


def _noise_and_score(d: Derivation) -> None:
    """E[eps | x_t] = -sqrt(1 - abar) grad log q(x_t): the noise predictor is the score, scaled."""
    noise = (x_t - sp.sqrt(alpha_bar_t) * mu_0t) / sp.sqrt(1 - alpha_bar_t)
    d.start(noise, lhs=r"\mathbb{E}[\boldsymbol{\epsilon} \mid \mathbf{x}_t]", relation=GIVEN,
            heading="The noise and the score",
            because=r"$\boldsymbol{\epsilon} = \frac{\mathbf{x}_t - \sqrt{\bar\alpha_t}\mathbf{x}_0}"
                    r"{\sqrt{1-\bar\alpha_t}}$, and the conditional expectation is linear, "
                    r"with $\mathbb{E}[\mathbf{x}_0 \mid \mathbf{x}_t] = \mu_{0|t}$, the mean of (P)")
    d.then(-sp.sqrt(1 - alpha_bar_t) * SCORE_MARGINAL, relation=DIFFERENTIATION, tag="E",
           display=sp.Mul(-1, sp.sqrt(1 - alpha_bar_t), SCORE_MARGINAL, **_U),
           because=r"differentiate $\log q(\mathbf{x}_t)$ (M) and compare")
    d.start(-eps_theta / sp.sqrt(1 - alpha_bar_t), lhs=r"s_\theta(\mathbf{x}_t, t)", relation=DEFINITION,
            display=negative(fraction(eps_theta, sp.sqrt(1 - alpha_bar_t))),
            text=r"The minimiser of $\mathbb{E}\|\boldsymbol{\epsilon} - \boldsymbol{\epsilon}_\theta(\mathbf{x}_t, t)"
                 r"\|^2$ over functions of $\mathbf{x}_t$ is $\mathbb{E}[\boldsymbol{\epsilon} \mid \mathbf{x}_t]$ "
                 r"(the conditional mean minimises the squared error), so by (E) the noise predictor gives the score:",
            because=r"the score model of a noise predictor (Luo 2022)")


def build() -> Derivation:
    """The derivation, unchecked."""
    d = Derivation("score_and_tweedie", title="The score, Tweedie's formula, and the noise as the score",
                   sources=("Luo 2022, arXiv:2208.11970 (Tweedie's formula; Three Equivalent Interpretations)",
                            "Efron 2011, sec. 2", "Ho et al. 2020, eq. (4)", "source 001, Property 3"))
    d.assume_positive(1 - alpha_bar_t)
    d.declare_normals(eps_0, eps, eps_bar)
    d.define(mu_0t, POSTERIOR_MEAN)
    d.define(var_0t, POSTERIOR_VARIANCE)
    _conditional_score(d)
    _marginal_and_posterior(d)
    _noise_and_score(d)
    _tweedie(d)
    d.conclude(known=TWEEDIE, lhs=r"\mathbb{E}[\mathbf{x}_0 \mid \mathbf{x}_t]",
               source="Tweedie's formula (Efron 2011, sec. 2; Luo 2022)")
    return d


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
