r"""DDIM: a family of non-Markovian forward processes with the DDPM marginals (Song, Meng & Ermon 2021).

.. math:: q_\sigma(\mathbf{x}_{t-1} \mid \mathbf{x}_t, \mathbf{x}_0) = \mathcal{N}\left(
          \sqrt{\alpha_{t-1}}\,\mathbf{x}_0 + \sqrt{1 - \alpha_{t-1} - \sigma_t^2}\cdot
          \frac{\mathbf{x}_t - \sqrt{\alpha_t}\,\mathbf{x}_0}{\sqrt{1-\alpha_t}},\ \sigma_t^2\mathbf{I}\right)

In DDIM's letters: their :math:`\alpha_t` is DDPM's :math:`\bar\alpha_t` (the table below).
The page: their eq. (7); Lemma 1, :math:`q_\sigma(\mathbf{x}_t \mid \mathbf{x}_0) =
\mathcal{N}(\sqrt{\alpha_t}\mathbf{x}_0, (1-\alpha_t)\mathbf{I})` for every :math:`\sigma`, by
induction from :math:`t = T` down (the step is the Gaussian marginal lemma: a Gaussian whose
mean is affine in a Gaussian variable is Gaussian, means and variances composed, here proved as
an equality in distribution of affine combinations of independent normals, source 001,
Property 2 and Property 4); the :math:`\sigma` of DDPM (:math:`\sigma_t^2 = \tilde\beta_t`,
their :math:`\eta = 1`), with which the mean is DDPM's :math:`\tilde\mu_t`; and the sampling
update (their eq. (12)) with its deterministic case :math:`\sigma_t = 0` (:math:`\eta = 0`).
The real :math:`\sigma_t` (any sign: only :math:`\sigma_t^2` matters) satisfies
:math:`\sigma_t^2 < 1 - \alpha_{t-1}`, a stated hypothesis.

References: Song, Meng & Ermon (2021), "Denoising Diffusion Implicit Models", eqs. (6), (7), (9),
(10), (12), (16), Lemma 1 and its proof (appendix B); Ho et al. (2020), eq. (7); source 001,
Properties 2 and 4.
"""

from __future__ import annotations

import functools

import sympy as sp

from derivations.diffusion.ddpm_posterior import HO_EQ7_BETA_TILDE, HO_EQ7_MU_TILDE
from derivations.engine.checking import substitute_definitions
from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.display import UNEVALUATED as _U
from derivations.engine.display import fraction, linear_combination, minus, total
from derivations.engine.notation import symbol
from derivations.engine.relations import DEFINITION, EQUAL_IN_DISTRIBUTION, GIVEN
from derivations.engine.substitution import at, substitution

alpha_t, alpha_tm1, sigma_t, eta = symbol("alpha_t"), symbol("alpha_tm1"), symbol("sigma_ddim"), symbol("eta")
x_0, x_t, x_tm1, x_hat_0 = symbol("x_0"), symbol("x_t"), symbol("x_tm1"), symbol("x_hat_0")
eps, eps_t, eps_tm1, eps_bar, eps_theta = (symbol(n) for n in ("eps", "eps_t", "eps_tm1", "eps_bar", "eps_theta"))
#: 1 - alpha_{t-1}, named so that the square root of its square is itself (a positive symbol).
u_tm1 = sp.Symbol("u_{t-1}", positive=True)

#: DDPM's letters in DDIM's: abar_t -> alpha_t, abar_{t-1} -> alpha_{t-1}, alpha_t -> alpha_t / alpha_{t-1}.
DDPM_IN_DDIM = {symbol("alpha_bar_t"): alpha_t, symbol("alpha_bar_tm1"): alpha_tm1,
                symbol("alpha_t"): alpha_t / alpha_tm1, symbol("beta_t"): 1 - alpha_t / alpha_tm1}


def in_ddim_letters(ddpm: sp.Expr) -> sp.Expr:
    """A DDPM expression (Ho et al.'s letters) in DDIM's letters (simultaneous replacement)."""
    return ddpm.xreplace(DDPM_IN_DDIM)


def ddim_mean(x_start: sp.Expr, sigma: sp.Expr = sigma_t) -> sp.Expr:
    """The mean of their eq. (7), with ``x_start`` for x_0."""
    return (sp.sqrt(alpha_tm1) * x_start
            + sp.sqrt(1 - alpha_tm1 - sigma**2) * (x_t - sp.sqrt(alpha_t) * x_start) / sp.sqrt(1 - alpha_t))


def ddim_mean_shown(x_start: sp.Expr, sigma: sp.Expr = sigma_t) -> sp.Expr:
    return total(sp.Mul(sp.sqrt(alpha_tm1), x_start, **_U),
                 sp.Mul(sp.sqrt(1 - alpha_tm1 - sigma**2),
                        fraction(minus(x_t, sp.Mul(sp.sqrt(alpha_t), x_start, **_U)), sp.sqrt(1 - alpha_t)), **_U))


#: Their eq. (7), and eq. (9): the prediction of x_0 from the noise prediction.
EQ7 = NormalPDF(x_tm1, ddim_mean(x_0), sigma_t**2)
F_THETA = (x_t - sp.sqrt(1 - alpha_t) * eps_theta) / sp.sqrt(alpha_t)
#: Their eq. (16): the sigma of eta; eta = 1 is DDPM, eta = 0 is deterministic.
SIGMA_ETA = eta * sp.sqrt((1 - alpha_tm1) / (1 - alpha_t)) * sp.sqrt(1 - alpha_t / alpha_tm1)
#: Their eq. (12) with sigma_t = 0: the deterministic update.
DETERMINISTIC = sp.sqrt(alpha_tm1) * F_THETA + sp.sqrt(1 - alpha_tm1) * eps_theta
QSIGMA = r"q_\sigma(\mathbf{x}_{t-1} \mid \mathbf{x}_t, \mathbf{x}_0)"


def _table(d: Derivation) -> None:
    """The letters of Ho et al. in those of DDIM (stated: a change of names)."""
    rows = ((r"\bar\alpha_t^{\mathrm{DDPM}}", alpha_t, "DDIM's alpha_t is the product of the DDPM alphas"),
            (r"\bar\alpha_{t-1}^{\mathrm{DDPM}}", alpha_tm1, "the same, one step earlier"),
            (r"\alpha_t^{\mathrm{DDPM}}", alpha_t / alpha_tm1, r"$\bar\alpha_t = \alpha_t\bar\alpha_{t-1}$"),
            (r"\beta_t^{\mathrm{DDPM}}", 1 - alpha_t / alpha_tm1, r"$\beta_t = 1 - \alpha_t$"))
    for index, (name, value, why) in enumerate(rows):
        d.start(value, lhs=name, relation=DEFINITION, because=why,
                heading="The letters: Ho et al. (2020) in those of DDIM" if index == 0 else "")


def _eq_7(d: Derivation) -> None:
    d.start(EQ7, lhs=QSIGMA, relation=DEFINITION, tag="7", display=NormalPDF(x_tm1, ddim_mean_shown(x_0), sigma_t**2),
            heading=r"The family $q_\sigma$ (their eq. (7))",
            text=r"With $q_\sigma(\mathbf{x}_T \mid \mathbf{x}_0) = \mathcal{N}(\sqrt{\alpha_T}\mathbf{x}_0, "
                 r"(1-\alpha_T)\mathbf{I})$ (their eq. (6)); per coordinate.",
            because=r"their eq. (7): any real $\sigma_t$ with $\sigma_t^2 < 1 - \alpha_{t-1}$")


def _lemma_1(d: Derivation) -> None:
    """Lemma 1 by induction from t = T down: the marginals do not depend on sigma."""
    hypothesis, hypothesis_shown = linear_combination((sp.sqrt(alpha_t), x_0), (sp.sqrt(1 - alpha_t), eps))
    sample = ddim_mean(x_0) + sigma_t * eps_tm1
    d.start(sample, lhs=x_tm1, relation=GIVEN, display=total(ddim_mean_shown(x_0), sp.Mul(sigma_t, eps_tm1, **_U)),
            heading="Lemma 1: the marginals, for every sigma",
            text=r"Base case $t = T$: their eq. (6). Step $t \to t-1$: assume "
                 r"$\mathbf{x}_t \overset{d}{=} \sqrt{\alpha_t}\mathbf{x}_0 + \sqrt{1-\alpha_t}\boldsymbol{\epsilon}$ "
                 r"given $\mathbf{x}_0$, $\boldsymbol{\epsilon} \sim \mathcal{N}(\mathbf{0}, \mathbf{I})$.",
            because=r"a sample of eq. (7) given $\mathbf{x}_t, \mathbf{x}_0$ (the reparameterisation rule, "
                    r"forward_process), $\boldsymbol{\epsilon}_{t-1} \sim \mathcal{N}(\mathbf{0}, \mathbf{I})$ "
                    r"independent of $\mathbf{x}_t$")
    d.suppose(x_t, hypothesis, in_distribution=True,
              because=r"the induction hypothesis, $q_\sigma(\mathbf{x}_t \mid \mathbf{x}_0) = "
                      r"\mathcal{N}(\sqrt{\alpha_t}\mathbf{x}_0, (1-\alpha_t)\mathbf{I})$")
    d.then(sample.xreplace({x_t: hypothesis}), relation=substitution(x_t, hypothesis, in_distribution=True),
           because=r"the induction hypothesis; $\boldsymbol{\epsilon}_{t-1}$ is independent of $\mathbf{x}_t$, "
                   "so the pair keeps its joint law")
    merged, merged_shown = linear_combination((sp.sqrt(alpha_tm1), x_0), (sp.sqrt(1 - alpha_tm1 - sigma_t**2), eps),
                                              (sigma_t, eps_tm1))
    d.then(merged, display=merged_shown,
           because=r"$\frac{\mathbf{x}_t - \sqrt{\alpha_t}\mathbf{x}_0}{\sqrt{1-\alpha_t}} = \boldsymbol{\epsilon}$: "
                   r"the $\mathbf{x}_0$ terms cancel")
    closed, closed_shown = linear_combination((sp.sqrt(alpha_tm1), x_0), (sp.sqrt(1 - alpha_tm1), eps_bar))
    d.then(closed, display=closed_shown, relation=EQUAL_IN_DISTRIBUTION,
           because=r"independent noises merge: variances add, $(1 - \alpha_{t-1} - \sigma_t^2) + \sigma_t^2 = "
                   r"1 - \alpha_{t-1}$; $\sigma_t$ has dropped out")
    d.start(NormalPDF(x_tm1, sp.sqrt(alpha_tm1) * x_0, 1 - alpha_tm1),
            lhs=r"q_\sigma(\mathbf{x}_{t-1} \mid \mathbf{x}_0)", relation=GIVEN,
            because=r"the density of the line above (the reparameterisation rule): the closed form at $t - 1$, "
                    "which completes the induction (their Lemma 1)")


def _ddpm_sigma(d: Derivation) -> None:
    """eta = 1 gives sigma_t^2 = beta_tilde_t, and the mean is DDPM's mu_tilde_t."""
    sigma_ddpm = SIGMA_ETA.xreplace({eta: 1})
    d.start(SIGMA_ETA, lhs=sigma_t, relation=DEFINITION, tag="16", heading=r"The $\sigma$ of DDPM",
            because=r"their eq. (16), $\sigma_t(\eta)$: $\eta = 1$ is DDPM, $\eta = 0$ deterministic")
    d.then(sigma_ddpm, relation=at({eta: 1}), because="the choice that recovers DDPM (below)")
    d.start(in_ddim_letters(HO_EQ7_BETA_TILDE), lhs=r"\tilde\beta_t^{\mathrm{DDPM}}", relation=DEFINITION,
            display=fraction(sp.Mul(1 - alpha_tm1, 1 - alpha_t / alpha_tm1, **_U), 1 - alpha_t),
            because="Ho et al. (2020), eq. (7), in DDIM's letters (the table above)")
    d.then(sigma_ddpm**2, tag="DDPM", display=sp.Pow(sigma_ddpm, 2, evaluate=False),
           because=r"$= \sigma_t(1)^2$: with $\eta = 1$ the variance of eq. (7) is DDPM's $\tilde\beta_t$")
    radicand = 1 - alpha_tm1 - sigma_ddpm**2
    square_form = alpha_t * u_tm1**2 / (alpha_tm1 * (1 - alpha_t))
    d.start(1 - alpha_tm1, lhs=u_tm1, relation=DEFINITION, because=r"a name for the positive $1 - \alpha_{t-1}$",
            text=r"With $u_{t-1} = 1 - \alpha_{t-1} > 0$ the radicand of eq. (7) is a square times positive factors:")
    d.start(square_form, lhs=radicand, because="common denominator")
    mean = ddim_mean(x_0, sigma_ddpm)
    d.start(ddim_mean(x_0), lhs=r"\tilde{\mu}_{\sigma}(\mathbf{x}_t, \mathbf{x}_0)", relation=DEFINITION,
            display=ddim_mean_shown(x_0), because="the mean of eq. (7)")
    d.then(mean, relation=at({sigma_t: sigma_ddpm}, label="DDPM's sigma"),
           display=ddim_mean_shown(x_0, sigma_ddpm),
           because=r"$\sigma_t = \sigma_t(1)$")
    d.then(mean.xreplace({radicand: square_form}), relation=substitution(radicand, square_form),
           display=total(sp.Mul(sp.sqrt(alpha_tm1), x_0, **_U),
                         sp.Mul(fraction(sp.Mul(u_tm1, sp.sqrt(alpha_t), **_U),
                                         sp.Mul(sp.sqrt(alpha_tm1), sp.sqrt(1 - alpha_t), **_U)),
                                fraction(minus(x_t, sp.Mul(sp.sqrt(alpha_t), x_0, **_U)), sp.sqrt(1 - alpha_t)),
                                **_U)),
           because=r"the radicand, as above; $\sqrt{u_{t-1}^2} = u_{t-1}$ ($u_{t-1} > 0$)")
    d.then(in_ddim_letters(HO_EQ7_MU_TILDE), tag="mu",
           because=r"collect $\mathbf{x}_0$ and $\mathbf{x}_t$: "
                   r"$\tilde\mu_t$ of Ho et al. (2020), eq. (7), in DDIM's letters")


def _update(d: Derivation) -> None:
    """Their eqs. (9), (10), (12): the sampling update, and sigma_t = 0."""
    d.start(F_THETA, lhs=x_hat_0, relation=DEFINITION, tag="9", heading="The update (their eq. (12))",
            display=fraction(minus(x_t, sp.Mul(sp.sqrt(1 - alpha_t), eps_theta, **_U)), sp.sqrt(alpha_t)),
            because=r"their eq. (9): $\mathbf{x}_0$ predicted from the noise prediction $\boldsymbol{\epsilon}_\theta"
                    r"(\mathbf{x}_t)$, the closed form solved for $\mathbf{x}_0$")
    sample = ddim_mean(x_hat_0) + sigma_t * eps_t
    d.start(sample, lhs=x_tm1, relation=GIVEN, display=total(ddim_mean_shown(x_hat_0), sp.Mul(sigma_t, eps_t, **_U)),
            because=r"their eq. (10): $p_\theta(\mathbf{x}_{t-1} \mid \mathbf{x}_t) = q_\sigma(\mathbf{x}_{t-1} \mid "
                    r"\mathbf{x}_t, \hat{\mathbf{x}}_0)$, sampled, "
                    r"$\boldsymbol{\epsilon}_t \sim \mathcal{N}(\mathbf{0}, \mathbf{I})$")
    update = sp.sqrt(alpha_tm1) * x_hat_0 + sp.sqrt(1 - alpha_tm1 - sigma_t**2) * eps_theta + sigma_t * eps_t
    shown = total(sp.Mul(sp.sqrt(alpha_tm1), fraction(minus(x_t, sp.Mul(sp.sqrt(1 - alpha_t), eps_theta, **_U)),
                                                      sp.sqrt(alpha_t)), **_U),
                  sp.Mul(sp.sqrt(1 - alpha_tm1 - sigma_t**2), eps_theta, **_U), sp.Mul(sigma_t, eps_t, **_U))
    d.then(update, display=shown, tag="12",
           because=r"$\frac{\mathbf{x}_t - \sqrt{\alpha_t}\hat{\mathbf{x}}_0}{\sqrt{1-\alpha_t}} = "
                   r"\boldsymbol{\epsilon}_\theta$ by eq. (9)")
    d.then(DETERMINISTIC.xreplace({F_THETA: x_hat_0}), relation=at({sigma_t: 0}),
           display=total(sp.Mul(sp.sqrt(alpha_tm1), x_hat_0, **_U), sp.Mul(sp.sqrt(1 - alpha_tm1), eps_theta, **_U)),
           because=r"$\sigma_t = 0$ ($\eta = 0$): deterministic given $\mathbf{x}_T$")
    d.then(DETERMINISTIC, tag="0",
           display=total(sp.Mul(sp.sqrt(alpha_tm1), fraction(minus(x_t, sp.Mul(sp.sqrt(1 - alpha_t), eps_theta, **_U)),
                                                             sp.sqrt(alpha_t)), **_U),
                         sp.Mul(sp.sqrt(1 - alpha_tm1), eps_theta, **_U)),
           because=r"$\hat{\mathbf{x}}_0$ from eq. (9)")


def build() -> Derivation:
    """The derivation, unchecked."""
    d = Derivation("ddim", title="DDIM: the non-Markovian family with the DDPM marginals, and its update",
                   sources=("Song, Meng & Ermon 2021, eqs. (6), (7), (9), (10), (12), (16) and Lemma 1",
                            "Ho et al. 2020, eq. (7)", "source 001, Properties 2 and 4"))
    d.declare_normals(eps, eps_tm1, eps_bar)
    # 0 < alpha_t < alpha_{t-1} < 1 (DDIM's alphas decrease); sigma_t^2 < 1 - alpha_{t-1}
    d.assume_positive(1 - alpha_t, 1 - alpha_tm1, alpha_tm1 - alpha_t, 1 - alpha_tm1 - sigma_t**2)
    d.define(x_hat_0, F_THETA)
    d.define(u_tm1, 1 - alpha_tm1)
    _table(d)
    _eq_7(d)
    _lemma_1(d)
    _ddpm_sigma(d)
    _update(d)
    d.conclude(known=DETERMINISTIC, lhs=x_tm1, source="Song et al. 2021, eq. (12) with sigma_t = 0")
    return d


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


@functools.lru_cache(maxsize=1)
def checked_ddim() -> CheckedDerivation:
    """The checked derivation, computed once (raises if a step is not proved)."""
    return derive()


def ddim_update() -> sp.Expr:
    r"""The derived update, their eq. (12) (tagged line), with :math:`\hat{\mathbf{x}}_0` written out."""
    checked = checked_ddim()
    line = next(s.step.expr for s in checked.steps if s.step.tag == "12")
    return substitute_definitions(line, checked.derivation.definitions)


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
