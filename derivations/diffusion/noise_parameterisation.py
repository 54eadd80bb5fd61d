r"""The noise parameterisation of DDPM: :math:`\mu_\theta` from :math:`\epsilon_\theta`, and the loss (eqs. (9)-(14)).

.. math:: \mu_\theta(\mathbf{x}_t, t) = \frac{1}{\sqrt{\alpha_t}}\left(\mathbf{x}_t
          - \frac{\beta_t}{\sqrt{1-\bar\alpha_t}}\boldsymbol{\epsilon}_\theta(\mathbf{x}_t, t)\right),
          \qquad L_{t-1} - C = \mathbb{E}_{\mathbf{x}_0, \boldsymbol{\epsilon}}\left[
          \frac{\beta_t^2}{2\sigma_t^2\alpha_t(1-\bar\alpha_t)}
          \left\|\boldsymbol{\epsilon} - \boldsymbol{\epsilon}_\theta(\sqrt{\bar\alpha_t}\mathbf{x}_0
          + \sqrt{1-\bar\alpha_t}\boldsymbol{\epsilon}, t)\right\|^2\right]

With :math:`\sigma_t^2 = \tilde\beta_t` the weight is
:math:`\lambda_t = \frac{1}{2}\left(\frac{\mathrm{SNR}(t-1)}{\mathrm{SNR}(t)} - 1\right)`,
:math:`\mathrm{SNR}(t) = \bar\alpha_t / (1 - \bar\alpha_t)`; with :math:`\sigma_t^2 = \beta_t` it is
:math:`\frac{\beta_t}{2\alpha_t(1-\bar\alpha_t)}`; :math:`L_{\mathrm{simple}}` (eq. (14)) sets it to 1.

The page: the posterior mean in terms of the noise (eqs. (9)-(10), the closed form
:math:`\mathbf{x}_t = \sqrt{\bar\alpha_t}\mathbf{x}_0 + \sqrt{1-\bar\alpha_t}\boldsymbol{\epsilon}`
solved for :math:`\mathbf{x}_0`), the parameterisation (eq. (11)), one coordinate of the
squared distance, then the :math:`d` coordinates under the expectation (eq. (12)), the two
weights, and :math:`L_{\mathrm{simple}}`. The values of the weight for the linear schedule are
in :mod:`~derivations.diffusion.schedule_numbers`.

References: Ho, Jain & Abbeel (2020), eqs. (4), (7)-(12), (14) and sec. 3.2; Kingma et al.
(2021), eq. (2) (the signal-to-noise ratio).
"""

from __future__ import annotations

import sympy as sp

from derivations.diffusion import schedule_numbers
from derivations.diffusion.ddpm_posterior import HO_EQ7_BETA_TILDE, HO_EQ7_MU_TILDE, HO_EQ10_MU_TILDE, X0_FROM_EPS
from derivations.diffusion.elbo import E_q
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.display import UNEVALUATED as _U
from derivations.engine.display import fraction, minus, square
from derivations.engine.expectation_rules import UNDER_EXPECTATION
from derivations.engine.notation import symbol
from derivations.engine.probability import Expectation
from derivations.engine.relations import DEFINITION, GIVEN
from derivations.engine.substitution import at, solved_from, substitution

alpha_t, beta_t, alpha_bar_t, alpha_bar_tm1 = (symbol(n) for n in ("alpha_t", "beta_t", "alpha_bar_t",
                                                                   "alpha_bar_tm1"))
beta_tilde_t, sigma_t, mu_tilde_t, mu_theta = (symbol(n) for n in ("beta_tilde_t", "sigma_t", "mu_tilde_t",
                                                                   "mu_theta"))
x_0, x_t, eps, eps_theta = (symbol(n) for n in ("x_0", "x_t", "eps", "eps_theta"))
lambda_t, snr_t, snr_tm1 = symbol("lambda_t"), symbol("snr_t"), symbol("snr_tm1")
norm_mu, norm_eps = symbol("norm_mu"), symbol("norm_eps")
d = sp.Symbol("d", integer=True, positive=True)
i = sp.Symbol("i", integer=True, positive=True)
#: The coordinates of the vectors.
X_T, EPS, EPS_THETA = (sp.IndexedBase(s, real=True) for s in (x_t, eps, eps_theta))
MU_TILDE, MU_THETA = (sp.IndexedBase(s, real=True) for s in (mu_tilde_t, mu_theta))

#: Ho et al. (2020), eq. (11).
HO_EQ11_MU_THETA = (x_t - beta_t / sp.sqrt(1 - alpha_bar_t) * eps_theta) / sp.sqrt(alpha_t)
#: The weight of eq. (12).
WEIGHT = beta_t**2 / (2 * sigma_t**2 * alpha_t * (1 - alpha_bar_t))
#: Ho et al. (2020), eq. (12) (the expectation over x_0 and the noise).
E_NOISE = sp.Tuple(x_0, eps)
HO_EQ12 = Expectation(WEIGHT * norm_eps, E_NOISE)
#: Ho et al. (2020), eq. (14), with t uniform on {1, ..., T}.
E_TIME = sp.Tuple(sp.Symbol("t", integer=True, positive=True), x_0, eps)
HO_EQ14 = Expectation(norm_eps, E_TIME)
#: The weight with sigma_t^2 = beta_tilde_t, as the signal-to-noise ratios (Kingma et al. 2021, eq. (2)).
SNR_WEIGHT = (snr_tm1 / snr_t - 1) / 2
#: The weight with sigma_t^2 = beta_t.
BETA_WEIGHT = beta_t / (2 * alpha_t * (1 - alpha_bar_t))
CLOSED = sp.sqrt(alpha_bar_t) * x_0 + sp.sqrt(1 - alpha_bar_t) * eps


def _noise_mean_shown(noise: sp.Expr, x: sp.Expr = x_t) -> sp.Expr:
    return sp.Mul(fraction(1, sp.sqrt(alpha_t)),
                  minus(x, sp.Mul(fraction(beta_t, sp.sqrt(1 - alpha_bar_t)), noise, **_U)), **_U)


def _mean_from_noise(d_: Derivation) -> None:
    """Eqs. (9)-(10): eq. (7)'s mean with x_0 solved from the closed form."""
    d_.suppose(x_t, CLOSED, because=r"the closed form $\mathbf{x}_t(\mathbf{x}_0, \boldsymbol{\epsilon}) = "
                                    r"\sqrt{\bar\alpha_t}\mathbf{x}_0 + \sqrt{1-\bar\alpha_t}\boldsymbol{\epsilon}$ "
                                    "(Ho et al. 2020, eq. (4); forward_process)")
    d_.start(X0_FROM_EPS, lhs=x_0, relation=solved_from(x_t, CLOSED), heading="The mean in terms of the noise",
             because=r"solve the closed form for $\mathbf{x}_0$ ($\sqrt{\bar\alpha_t} > 0$)")
    d_.start(HO_EQ7_MU_TILDE, lhs=mu_tilde_t, relation=DEFINITION, tag="7",
             because="the posterior mean (ddpm_posterior; Ho et al. 2020, eq. (7))")
    d_.then(HO_EQ7_MU_TILDE.xreplace({x_0: X0_FROM_EPS}), relation=substitution(x_0, X0_FROM_EPS),
            because=r"$\mathbf{x}_0$ from the closed form (eq. (9))")
    d_.then(HO_EQ10_MU_TILDE, display=_noise_mean_shown(eps), tag="10",
            because=r"collect; $\beta_t = 1 - \alpha_t$, $\bar\alpha_t = \alpha_t\bar\alpha_{t-1}$")


def _one_coordinate(d_: Derivation) -> None:
    """Eq. (11), and one coordinate of the squared distance of the means."""
    d_.start(HO_EQ11_MU_THETA, lhs=mu_theta, relation=DEFINITION, tag="11", display=_noise_mean_shown(eps_theta),
             heading="The parameterisation (eq. (11))",
             text=r"$\mu_\theta$ must predict eq. (10) given $\mathbf{x}_t$; the one unknown there is the noise, "
                  r"so a network $\boldsymbol{\epsilon}_\theta(\mathbf{x}_t, t)$ predicts it.",
             because=r"the choice of Ho et al. 2020, eq. (11)")
    lhs = sp.Mul(fraction(1, sp.Mul(2, sigma_t**2, **_U)), square(minus(mu_tilde_t, mu_theta)), **_U)
    replaced = (HO_EQ10_MU_TILDE - mu_theta) ** 2 / (2 * sigma_t**2)
    d_.start(lhs.doit(), lhs=lhs, heading="One coordinate", because="the summand of eq. (8)")
    d_.then(replaced, relation=substitution(mu_tilde_t, HO_EQ10_MU_TILDE), because="eq. (10)",
            display=sp.Mul(fraction(1, sp.Mul(2, sigma_t**2, **_U)), square(minus(_noise_mean_shown(eps), mu_theta)),
                           **_U))
    d_.then(replaced.xreplace({mu_theta: HO_EQ11_MU_THETA}), relation=substitution(mu_theta, HO_EQ11_MU_THETA),
            because="eq. (11)",
            display=sp.Mul(fraction(1, sp.Mul(2, sigma_t**2, **_U)),
                           square(minus(_noise_mean_shown(eps), _noise_mean_shown(eps_theta))), **_U))
    d_.then(WEIGHT * (eps - eps_theta) ** 2, display=sp.Mul(_weight_shown(), square(minus(eps, eps_theta)), **_U),
            because=r"$\mathbf{x}_t$ cancels; the factor $\frac{\beta_t}{\sqrt{\alpha_t}\sqrt{1-\bar\alpha_t}}$ "
                    "is squared")


def _weight_shown() -> sp.Expr:
    return fraction(square(beta_t), sp.Mul(2, square(sigma_t), alpha_t, 1 - alpha_bar_t, **_U))


def _coordinate(vector: sp.IndexedBase, scalar: sp.Expr) -> sp.Expr:
    return scalar.xreplace({x_t: X_T[i], eps: EPS[i], eps_theta: EPS_THETA[i]})


def _eq_12(d_: Derivation) -> None:
    """The d coordinates under the expectation: eq. (12)."""
    mean_i, model_i = _coordinate(MU_TILDE, HO_EQ10_MU_TILDE), _coordinate(MU_THETA, HO_EQ11_MU_THETA)
    d_.suppose(MU_TILDE[i], mean_i, because="eq. (10), coordinate $i$ (proved above for a coordinate)")
    d_.suppose(MU_THETA[i], model_i, because="eq. (11), coordinate $i$")
    squares = sp.Sum((MU_TILDE[i] - MU_THETA[i]) ** 2, (i, 1, d))
    d_.start(E_q(norm_mu / (2 * sigma_t**2)), lhs=r"L_{t-1} - C", relation=DEFINITION,
             heading="The d coordinates: eq. (12)", because="eq. (8) (equal_variance_kl)",
             display=E_q(fraction(norm_mu, sp.Mul(2, sigma_t**2, **_U))))
    d_.then(E_q(squares / (2 * sigma_t**2)), relation=substitution(norm_mu, squares),
            because=r"the squared norm is the sum of the squared coordinates")
    d_.then(Expectation(squares / (2 * sigma_t**2), E_NOISE), relation=GIVEN,
            because=r"$\mathbf{x}_t \sim q(\mathbf{x}_t \mid \mathbf{x}_0)$ is $\mathbf{x}_t(\mathbf{x}_0, "
                    r"\boldsymbol{\epsilon})$ with $\boldsymbol{\epsilon} \sim \mathcal{N}(\mathbf{0}, \mathbf{I})$: "
                    r"the same expectation over $\mathbf{x}_0$ and $\boldsymbol{\epsilon}$ (the reparameterisation)")
    with_mean = sp.Sum((mean_i - MU_THETA[i]) ** 2, (i, 1, d)) / (2 * sigma_t**2)
    d_.then(Expectation(with_mean, E_NOISE), relation=substitution(MU_TILDE[i], mean_i), because="eq. (10)")
    with_both = sp.Sum((mean_i - model_i) ** 2, (i, 1, d)) / (2 * sigma_t**2)
    d_.then(Expectation(with_both, E_NOISE), relation=substitution(MU_THETA[i], model_i), because="eq. (11)")
    noise_squares = sp.Sum((EPS[i] - EPS_THETA[i]) ** 2, (i, 1, d))
    d_.then(Expectation(WEIGHT * noise_squares, E_NOISE), relation=UNDER_EXPECTATION,
            display=Expectation(sp.Mul(_weight_shown(), noise_squares, **_U), E_NOISE),
            because="each coordinate as above, the constant weight out of the finite sum")
    d_.then(HO_EQ12, relation=UNDER_EXPECTATION, tag="12",
            display=Expectation(sp.Mul(_weight_shown(), norm_eps, **_U), E_NOISE),
            because=r"$\|\boldsymbol{\epsilon} - \boldsymbol{\epsilon}_\theta\|^2$, with "
                    r"$\boldsymbol{\epsilon}_\theta = \boldsymbol{\epsilon}_\theta(\sqrt{\bar\alpha_t}\mathbf{x}_0 "
                    r"+ \sqrt{1-\bar\alpha_t}\boldsymbol{\epsilon}, t)$")


def _weights(d_: Derivation) -> None:
    """The weight with sigma_t^2 = beta_tilde_t (the SNR form) and with sigma_t^2 = beta_t."""
    d_.start(WEIGHT, lhs=lambda_t, relation=DEFINITION, display=_weight_shown(), heading="The weight",
             because="the weight of eq. (12)")
    d_.then(WEIGHT.xreplace({sigma_t: sp.sqrt(beta_tilde_t)}), relation=at({sigma_t: sp.sqrt(beta_tilde_t)}),
            display=fraction(square(beta_t), sp.Mul(2, beta_tilde_t, alpha_t, 1 - alpha_bar_t, **_U)),
            because=r"$\sigma_t^2 = \tilde\beta_t$, the posterior's variance (Ho et al. 2020, sec. 3.2)")
    d_.then(beta_t / (2 * alpha_t * (1 - alpha_bar_tm1)),
            display=fraction(beta_t, sp.Mul(2, alpha_t, 1 - alpha_bar_tm1, **_U)),
            because=r"$\tilde\beta_t = \frac{1-\bar\alpha_{t-1}}{1-\bar\alpha_t}\beta_t$ (eq. (7))")
    d_.then(SNR_WEIGHT, display=sp.Mul(sp.Rational(1, 2), minus(fraction(snr_tm1, snr_t), 1), **_U), tag="SNR",
            because=r"$\mathrm{SNR}(t) = \frac{\bar\alpha_t}{1-\bar\alpha_t}$: "
                    r"$\frac{\mathrm{SNR}(t-1)}{\mathrm{SNR}(t)} - 1 = \frac{\beta_t}{\alpha_t(1-\bar\alpha_{t-1})}$")
    d_.start(WEIGHT, lhs=lambda_t, relation=DEFINITION, display=_weight_shown(),
             because="the weight of eq. (12)")
    d_.then(BETA_WEIGHT, relation=at({sigma_t: sp.sqrt(beta_t)}),
            display=fraction(beta_t, sp.Mul(2, alpha_t, 1 - alpha_bar_t, **_U)),
            because=r"$\sigma_t^2 = \beta_t$, the other choice of Ho et al. 2020, sec. 3.2")


def _l_simple(d_: Derivation) -> None:
    """Eq. (14): the weight set to 1, t uniform."""
    weighted = Expectation(lambda_t * norm_eps, E_TIME)
    d_.start(weighted, lhs=r"\mathbb{E}_{t}\left[L_{t-1} - C\right]", relation=DEFINITION,
             heading=r"$L_{\mathrm{simple}}$ (eq. (14))",
             text=r"$t$ is uniform on $\{1, \dots, T\}$; at $t = 1$ the term is the decoder's $L_0$, which Ho et al. "
                  "approximate the same way.",
             because=r"eq. (12) with its weight $\lambda_t$, averaged over $t$")
    d_.then(HO_EQ14, relation=at({lambda_t: 1}), tag="14",
            because=r"$L_{\mathrm{simple}}$: the weight set to 1 (Ho et al. 2020, eq. (14))")


def _weights_at(step: int) -> str:
    """The two weights at ``step`` of the linear schedule, as text (from schedule_numbers' exact values)."""
    tilde = schedule_numbers.weight_exact(step, tilde=True)
    shown = schedule_numbers.shown
    return (f"{shown(schedule_numbers.weight_exact(step, tilde=False))} with sigma_t^2 = beta_t, "
            + ("infinite" if tilde is None else shown(tilde)) + " with sigma_t^2 = beta_tilde_t")


def build() -> Derivation:
    """The derivation, unchecked."""
    d_ = Derivation("noise_parameterisation", title="The noise parameterisation and the DDPM loss",
                    sources=("Ho et al. 2020, eqs. (4), (7)-(12), (14) and sec. 3.2",
                             "Kingma et al. 2021, eq. (2)"))
    d_.assume_positive(1 - alpha_t, beta_t, 1 - alpha_bar_t, 1 - alpha_bar_tm1)
    d_.assume(alpha_bar_t < alpha_bar_tm1)
    d_.define(beta_t, 1 - alpha_t)
    d_.define(alpha_bar_t, alpha_t * alpha_bar_tm1)
    d_.define(beta_tilde_t, HO_EQ7_BETA_TILDE)
    d_.define(snr_t, alpha_bar_t / (1 - alpha_bar_t))
    d_.define(snr_tm1, alpha_bar_tm1 / (1 - alpha_bar_tm1))
    d_.define(norm_mu, sp.Sum((MU_TILDE[i] - MU_THETA[i]) ** 2, (i, 1, d)))
    d_.define(norm_eps, sp.Sum((EPS[i] - EPS_THETA[i]) ** 2, (i, 1, d)))
    _mean_from_noise(d_)
    _one_coordinate(d_)
    _eq_12(d_)
    _weights(d_)
    _l_simple(d_)
    d_.note("The weight's values for the linear schedule (T = 1000, 1e-4 to 0.02), exact rationals rounded: "
            + "; ".join(f"t = {step}: {_weights_at(step)}" for step in (1, 500, 1000))
            + " (schedule_numbers derives them). With sigma_t^2 = beta_tilde_t the weight is infinite at t = 1: "
              "there the term is the decoder L_0, not a KL.")
    d_.conclude(known=HO_EQ14, lhs=r"L_{\mathrm{simple}}", source="Ho et al. 2020, eq. (14)")
    return d_


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
