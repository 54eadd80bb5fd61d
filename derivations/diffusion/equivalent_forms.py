r"""Are these the same equation? The posterior mean and the loss weight as Ho, Weng and Luo write them.

.. math:: \tilde\mu_t = \frac{\sqrt{\bar\alpha_{t-1}}\beta_t}{1-\bar\alpha_t}\mathbf{x}_0
          + \frac{\sqrt{\alpha_t}(1-\bar\alpha_{t-1})}{1-\bar\alpha_t}\mathbf{x}_t
          = \frac{1}{\sqrt{\alpha_t}}\left(\mathbf{x}_t - \frac{1-\alpha_t}{\sqrt{1-\bar\alpha_t}}
            \boldsymbol{\epsilon}\right)
          = \frac{1}{\sqrt{\alpha_t}}\mathbf{x}_t + \frac{1-\alpha_t}{\sqrt{\alpha_t}}\nabla\log q(\mathbf{x}_t)

.. math:: \frac{\beta_t^2}{2\sigma_t^2\alpha_t(1-\bar\alpha_t)}\Big|_{\sigma_t^2 = \tilde\beta_t}
          = \frac{1}{2}\left(\frac{\mathrm{SNR}(t-1)}{\mathrm{SNR}(t)} - 1\right)
          = \frac{1}{2}\left(\mathrm{SNR}(t-1) - \mathrm{SNR}(t)\right)\frac{1-\bar\alpha_t}{\bar\alpha_t}

Each form is a line, proved equal to the one before: Ho et al.'s (2020) eqs. (7), (10) and
(12), Weng's (2021) with :math:`1 - \alpha_t` for :math:`\beta_t` and :math:`\|\Sigma_\theta\|^2` for
:math:`\sigma_t^2`, and Luo's (2022) in the data, noise and score forms, with
:math:`\sigma_q^2(t) = \tilde\beta_t` and the weight of the data prediction,
:math:`\frac{1}{2}(\mathrm{SNR}(t-1) - \mathrm{SNR}(t))`, which is VDM's eq. (13) with :math:`s = t - 1`.
The noise and score forms are the data form with :math:`\mathbf{x}_0` eliminated: by the closed
form (the noise), or by its Tweedie estimate (the score; :mod:`~derivations.diffusion.score`).

References: Ho, Jain & Abbeel (2020), eqs. (7), (10), (12); Weng (2021), "What are Diffusion
Models?", Lil'Log (the reverse process and the parameterisation of the training loss); Luo (2022),
arXiv:2208.11970, "Variational Diffusion Models" and "Three Equivalent Interpretations";
Kingma et al. (2021), eq. (13).
"""

from __future__ import annotations

import sympy as sp

from derivations.diffusion.ddpm_posterior import HO_EQ7_BETA_TILDE, HO_EQ7_MU_TILDE, HO_EQ10_MU_TILDE, X0_FROM_EPS
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.display import UNEVALUATED as _U
from derivations.engine.display import fraction, minus, square, total
from derivations.engine.notation import symbol
from derivations.engine.relations import DEFINITION
from derivations.engine.substitution import at, solved_from, substitution

alpha_t, beta_t, alpha_bar_t, alpha_bar_tm1 = (symbol(n) for n in ("alpha_t", "beta_t", "alpha_bar_t",
                                                                   "alpha_bar_tm1"))
beta_tilde_t, sigma_t, mu_tilde_t = symbol("beta_tilde_t"), symbol("sigma_t"), symbol("mu_tilde_t")
x_0, x_t, eps, eps_theta, x_hat = (symbol(n) for n in ("x_0", "x_t", "eps", "eps_theta", "x_hat_theta"))
lambda_t, snr_t, snr_tm1, score = symbol("lambda_t"), symbol("snr_t"), symbol("snr_tm1"), symbol("score_t")

HALF = sp.Rational(1, 2)
CLOSED = sp.sqrt(alpha_bar_t) * x_0 + sp.sqrt(1 - alpha_bar_t) * eps
#: Weng (2021): the posterior mean with 1 - alpha_t for beta_t, over one denominator; and its noise form.
WENG_MEAN = (sp.sqrt(alpha_t) * (1 - alpha_bar_tm1) * x_t + sp.sqrt(alpha_bar_tm1) * beta_t * x_0) / (1 - alpha_bar_t)
WENG_MEAN_EPS = (x_t - (1 - alpha_t) / sp.sqrt(1 - alpha_bar_t) * eps) / sp.sqrt(alpha_t)
#: Luo (2022): the data, noise and score forms of mu_q(x_t, x_0).
LUO_MEAN = (sp.sqrt(alpha_t) * (1 - alpha_bar_tm1) * x_t + sp.sqrt(alpha_bar_tm1) * (1 - alpha_t) * x_0) / (
    1 - alpha_bar_t)
LUO_MEAN_EPS = x_t / sp.sqrt(alpha_t) - (1 - alpha_t) / (sp.sqrt(1 - alpha_bar_t) * sp.sqrt(alpha_t)) * eps
LUO_MEAN_SCORE = x_t / sp.sqrt(alpha_t) + (1 - alpha_t) / sp.sqrt(alpha_t) * score
#: Tweedie's estimate of x_0 (score_and_tweedie, (T)): x_0 replaced by it gives the score form.
TWEEDIE_X0 = (x_t + (1 - alpha_bar_t) * score) / sp.sqrt(alpha_bar_t)
#: The weights, sigma_t^2 = beta_tilde_t: Ho eq. (12), Weng, Luo (noise), SNR, Luo (data) times the conversion.
LUO_VARIANCE = (1 - alpha_t) * (1 - alpha_bar_tm1) / (1 - alpha_bar_t)
HO_WEIGHT = beta_t**2 / (2 * beta_tilde_t * alpha_t * (1 - alpha_bar_t))
WENG_WEIGHT = (1 - alpha_t) ** 2 / (2 * alpha_t * (1 - alpha_bar_t) * sigma_t**2)
LUO_WEIGHT = (1 - alpha_t) ** 2 / (2 * LUO_VARIANCE * (1 - alpha_bar_t) * alpha_t)
SNR_WEIGHT = (snr_tm1 / snr_t - 1) / 2
LUO_DATA_WEIGHT = (snr_tm1 - snr_t) / 2
X_HAT = (x_t - sp.sqrt(1 - alpha_bar_t) * eps_theta) / sp.sqrt(alpha_bar_t)


def _mean_forms(d: Derivation) -> None:
    """The data forms of the posterior mean: Ho, Weng, Luo."""
    d.start(HO_EQ7_MU_TILDE, lhs=mu_tilde_t, relation=DEFINITION, tag="7", heading="The posterior mean, data form",
            because="Ho et al. 2020, eq. (7) (derived in ddpm_posterior)")
    d.then(WENG_MEAN, because=r"Weng (2021): one denominator, $\mathbf{x}_t$ first",
           display=fraction(total(sp.Mul(sp.sqrt(alpha_t), 1 - alpha_bar_tm1, x_t, **_U),
                                  sp.Mul(sp.sqrt(alpha_bar_tm1), beta_t, x_0, **_U)), 1 - alpha_bar_t))
    d.then(LUO_MEAN, because=r"Luo (2022): $1 - \alpha_t$ for $\beta_t$",
           display=fraction(total(sp.Mul(sp.sqrt(alpha_t), 1 - alpha_bar_tm1, x_t, **_U),
                                  sp.Mul(sp.sqrt(alpha_bar_tm1), 1 - alpha_t, x_0, **_U)), 1 - alpha_bar_t))


def _noise_forms(d: Derivation) -> None:
    """The noise forms: x_0 eliminated by the closed form; Ho eq. (10), Weng, Luo."""
    d.suppose(x_t, CLOSED, because=r"the closed form $\mathbf{x}_t = \sqrt{\bar\alpha_t}\mathbf{x}_0 + "
                                   r"\sqrt{1-\bar\alpha_t}\boldsymbol{\epsilon}$ (Ho et al. 2020, eq. (4))")
    d.start(X0_FROM_EPS, lhs=x_0, relation=solved_from(x_t, CLOSED), heading="The posterior mean, noise form",
            because=r"the closed form solved for $\mathbf{x}_0$")
    d.start(LUO_MEAN, lhs=mu_tilde_t, relation=DEFINITION, because="the data form (above)")
    d.then(LUO_MEAN.xreplace({x_0: X0_FROM_EPS}), relation=substitution(x_0, X0_FROM_EPS),
           because=r"$\mathbf{x}_0$ eliminated")
    d.then(HO_EQ10_MU_TILDE, tag="10", because="Ho et al. 2020, eq. (10)",
           display=sp.Mul(fraction(1, sp.sqrt(alpha_t)),
                          minus(x_t, sp.Mul(fraction(beta_t, sp.sqrt(1 - alpha_bar_t)), eps, **_U)), **_U))
    d.then(WENG_MEAN_EPS, because=r"Weng (2021): $1 - \alpha_t$ for $\beta_t$",
           display=sp.Mul(fraction(1, sp.sqrt(alpha_t)),
                          minus(x_t, sp.Mul(fraction(1 - alpha_t, sp.sqrt(1 - alpha_bar_t)), eps, **_U)), **_U))
    d.then(LUO_MEAN_EPS, because="Luo (2022): the two terms apart",
           display=minus(sp.Mul(fraction(1, sp.sqrt(alpha_t)), x_t, **_U),
                         sp.Mul(fraction(1 - alpha_t, sp.Mul(sp.sqrt(1 - alpha_bar_t), sp.sqrt(alpha_t), **_U)), eps,
                                **_U)))


def _score_form(d: Derivation) -> None:
    """The score form: x_0 replaced by its Tweedie estimate."""
    d.start(LUO_MEAN, lhs=mu_tilde_t, relation=DEFINITION, heading="The posterior mean, score form",
            text=r"Tweedie's formula (score_and_tweedie, (T)) estimates $\mathbf{x}_0$ by "
                 r"$\frac{\mathbf{x}_t + (1-\bar\alpha_t)\nabla\log q(\mathbf{x}_t)}{\sqrt{\bar\alpha_t}}$; "
                 "the mean at that estimate is Luo's score form.",
            because="the data form (above)")
    d.then(LUO_MEAN.xreplace({x_0: TWEEDIE_X0}), relation=at({x_0: TWEEDIE_X0}, label="the Tweedie estimate"),
           because=r"$\mathbf{x}_0$ at its Tweedie estimate")
    d.then(LUO_MEAN_SCORE, tag="S", because=r"Luo (2022): $\bar\alpha_t = \alpha_t\bar\alpha_{t-1}$, collect",
           display=total(sp.Mul(fraction(1, sp.sqrt(alpha_t)), x_t, **_U),
                         sp.Mul(fraction(1 - alpha_t, sp.sqrt(alpha_t)), score, **_U)))


def _weights(d: Derivation) -> None:
    """The weight of the noise loss with sigma_t^2 = beta_tilde_t: Ho, Weng, Luo, SNR, Luo's data weight."""
    d.start(HO_WEIGHT, lhs=lambda_t, relation=DEFINITION, heading=r"The loss weight ($\sigma_t^2 = \tilde\beta_t$)",
            display=fraction(square(beta_t), sp.Mul(2, beta_tilde_t, alpha_t, 1 - alpha_bar_t, **_U)),
            because=r"Ho et al. 2020, eq. (12) with $\sigma_t^2 = \tilde\beta_t$ (noise_parameterisation)")
    d.then(WENG_WEIGHT.xreplace({sigma_t: sp.sqrt(beta_tilde_t)}),
           display=fraction(square(1 - alpha_t), sp.Mul(2, alpha_t, 1 - alpha_bar_t, beta_tilde_t, **_U)),
           because=r"Weng (2021): $1 - \alpha_t$ for $\beta_t$, and $\|\Sigma_\theta\|^2 = \sigma_t^2 = \tilde\beta_t$")
    d.then(LUO_WEIGHT, because=r"Luo (2022): $\frac{1}{2\sigma_q^2(t)}\frac{(1-\alpha_t)^2}{(1-\bar\alpha_t)\alpha_t}$ "
                               r"with $\sigma_q^2(t) = \frac{(1-\alpha_t)(1-\bar\alpha_{t-1})}{1-\bar\alpha_t}$",
           display=sp.Mul(fraction(1, sp.Mul(2, fraction(sp.Mul(1 - alpha_t, 1 - alpha_bar_tm1, **_U), 1 - alpha_bar_t),
                                             **_U)),
                          fraction(square(1 - alpha_t), sp.Mul(1 - alpha_bar_t, alpha_t, **_U)), **_U))
    d.then(SNR_WEIGHT, tag="SNR", display=sp.Mul(HALF, minus(fraction(snr_tm1, snr_t), 1), **_U),
           because=r"$\mathrm{SNR}(t) = \frac{\bar\alpha_t}{1-\bar\alpha_t}$ (noise_parameterisation)")
    d.then(LUO_DATA_WEIGHT / snr_t, tag="x0",
           display=sp.Mul(HALF, minus(snr_tm1, snr_t), fraction(1 - alpha_bar_t, alpha_bar_t), **_U),
           because=r"Luo's data weight $\frac{1}{2}(\mathrm{SNR}(t-1) - \mathrm{SNR}(t))$ "
                   r"(VDM's eq. (13), $s = t - 1$) "
                   r"times $\frac{1-\bar\alpha_t}{\bar\alpha_t}$, the factor below")


def _data_and_noise(d: Derivation) -> None:
    """||x_0 - x_hat||^2 = (1 - abar)/abar ||eps - eps_theta||^2: the data loss is the noise loss, reweighted."""
    d.start(X_HAT, lhs=x_hat, relation=DEFINITION, heading="The data loss and the noise loss",
            display=fraction(minus(x_t, sp.Mul(sp.sqrt(1 - alpha_bar_t), eps_theta, **_U)), sp.sqrt(alpha_bar_t)),
            because=r"the data predicted from the predicted noise (the closed form solved for $\mathbf{x}_0$)")
    d.start(LUO_DATA_WEIGHT * (x_0 - x_hat) ** 2, lhs=r"\ell_t",
            display=sp.Mul(HALF, minus(snr_tm1, snr_t), square(minus(x_0, x_hat)), **_U), relation=DEFINITION,
            because=r"Luo's (2022) data loss for one coordinate, VDM's eq. (13) with $s = t - 1$")
    data = LUO_DATA_WEIGHT * (X0_FROM_EPS - x_hat) ** 2
    d.then(data, relation=substitution(x_0, X0_FROM_EPS), because=r"$\mathbf{x}_0$ by the closed form")
    d.then(data.xreplace({x_hat: X_HAT}), relation=substitution(x_hat, X_HAT), because=r"$\hat{\mathbf{x}}_\theta$")
    d.then(SNR_WEIGHT * (eps - eps_theta) ** 2, tag="12",
           display=sp.Mul(HALF, minus(fraction(snr_tm1, snr_t), 1), square(minus(eps, eps_theta)), **_U),
           because=r"$\mathbf{x}_0 - \hat{\mathbf{x}}_\theta = -\frac{\sqrt{1-\bar\alpha_t}}{\sqrt{\bar\alpha_t}}"
                   r"(\boldsymbol{\epsilon} - \boldsymbol{\epsilon}_\theta)$: the weight of eq. (12)")


def build() -> Derivation:
    """The derivation, unchecked."""
    d = Derivation("equivalent_forms", title="The posterior mean and the loss weight as Ho, Weng and Luo write them",
                   sources=("Ho et al. 2020, eqs. (7), (10), (12)", "Weng 2021, What are Diffusion Models?",
                            "Luo 2022, Understanding Diffusion Models: A Unified Perspective",
                            "Kingma et al. 2021, eq. (13)"))
    d.assume_positive(1 - alpha_t, beta_t, 1 - alpha_bar_t, 1 - alpha_bar_tm1)
    d.assume(alpha_bar_t < alpha_bar_tm1)
    d.define(beta_t, 1 - alpha_t)
    d.define(alpha_bar_t, alpha_t * alpha_bar_tm1)
    d.define(beta_tilde_t, HO_EQ7_BETA_TILDE)
    d.define(snr_t, alpha_bar_t / (1 - alpha_bar_t))
    d.define(snr_tm1, alpha_bar_tm1 / (1 - alpha_bar_tm1))
    _mean_forms(d)
    _noise_forms(d)
    _score_form(d)
    _weights(d)
    _data_and_noise(d)
    d.conclude(known=SNR_WEIGHT * (eps - eps_theta) ** 2, lhs=r"\ell_t",
               source="Ho et al. 2020, eq. (12) with sigma_t^2 = beta_tilde_t, per coordinate")
    return d


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
