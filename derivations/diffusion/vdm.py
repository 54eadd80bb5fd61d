r"""VDM: the posterior :math:`q(\mathbf{z}_s \mid \mathbf{z}_t, \mathbf{x})` and the diffusion loss in SNR form.

.. math:: D_{\mathrm{KL}}\left(q(\mathbf{z}_s \mid \mathbf{z}_t, \mathbf{x}) \,\|\, p(\mathbf{z}_s \mid
          \mathbf{z}_t)\right) = \frac{1}{2}\left(\mathrm{SNR}(s) - \mathrm{SNR}(t)\right)
          \left\|\mathbf{x} - \hat{\mathbf{x}}_\theta(\mathbf{z}_t; t)\right\|^2, \qquad
          \mathrm{SNR}(t) = \frac{\alpha_t^2}{\sigma_t^2}

for any :math:`\alpha, \sigma` with :math:`\mathrm{SNR}(s) > \mathrm{SNR}(t)`, :math:`s < t`. In VDM's
letters (Kingma, Salimans, Poole & Ho 2021): :math:`q(\mathbf{z}_t \mid \mathbf{x}) =
\mathcal{N}(\alpha_t\mathbf{x}, \sigma_t^2\mathbf{I})`; their :math:`\alpha_t^2` is DDPM's
:math:`\bar\alpha_t` and their :math:`\sigma_t^2` is :math:`1 - \bar\alpha_t` (the table below).
The page: the posterior by Bayes' rule, an exact identity of densities (constants included);
the model :math:`p(\mathbf{z}_s \mid \mathbf{z}_t) = q(\mathbf{z}_s \mid \mathbf{z}_t,
\mathbf{x} = \hat{\mathbf{x}}_\theta)`; the per-coordinate divergence of two Gaussians with one
variance, from :mod:`derivations.gaussian.kl`; the SNR form; and the :math:`d` coordinates.

References: Kingma, Salimans, Poole & Ho (2021), "Variational Diffusion Models", eqs. (1)-(3), the
posterior and the reverse model of sec. 3, and eq. (13); source 002, sec. 2.
"""

from __future__ import annotations

import sympy as sp

from derivations.diffusion.equal_variance_kl import IsotropicNormal
from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.display import UNEVALUATED as _U
from derivations.engine.display import fraction, minus, square, total
from derivations.engine.notation import symbol
from derivations.engine.probability import divergence
from derivations.engine.relations import DEFINITION, GIVEN
from derivations.engine.sums import SUMS
from derivations.gaussian.kl import KLNormal

alpha_t, alpha_s, sigma_t, sigma_s = (symbol(n) for n in ("alpha_t", "alpha_s", "sigma_t", "sigma_s"))
z_s, z_t, x, x_hat = symbol("z_s"), symbol("z_t"), symbol("x_seq"), symbol("x_hat_theta")
alpha_ts, var_ts, var_Q, mu_Q = (symbol(n) for n in ("alpha_ts", "var_ts", "var_Q", "mu_Q"))
snr_s, snr_t, norm_x = symbol("snr_s"), symbol("snr_t"), symbol("norm_x")
d = sp.Symbol("d", integer=True, positive=True)
i = sp.Symbol("i", integer=True, positive=True)
X, X_HAT, Z_T = (sp.IndexedBase(s, real=True) for s in (x, x_hat, z_t))

HALF = sp.Rational(1, 2)
#: VDM, eq. (3): the forward step from s to t.
ALPHA_TS = alpha_t / alpha_s
VAR_TS = sigma_t**2 - ALPHA_TS**2 * sigma_s**2
#: The posterior q(z_s | z_t, x) (VDM, sec. 3).
VAR_Q = var_ts * sigma_s**2 / sigma_t**2


def posterior_mean(data: sp.Expr, latent: sp.Expr = z_t) -> sp.Expr:
    r""":math:`\mu_Q(\mathbf{z}_t, \mathbf{x}; s, t) = \frac{\alpha_{t|s}\sigma_s^2}{\sigma_t^2}\mathbf{z}_t +
    \frac{\alpha_s\sigma_{t|s}^2}{\sigma_t^2}\mathbf{x}`."""
    return alpha_ts * sigma_s**2 / sigma_t**2 * latent + alpha_s * var_ts / sigma_t**2 * data


def posterior_mean_shown(data: sp.Expr, latent: sp.Expr = z_t) -> sp.Expr:
    return total(sp.Mul(fraction(sp.Mul(alpha_ts, sigma_s**2, **_U), sigma_t**2), latent, **_U),
                 sp.Mul(fraction(sp.Mul(alpha_s, var_ts, **_U), sigma_t**2), data, **_U))


#: Kingma et al. (2021), eq. (13), per coordinate and in d dimensions.
VDM_EQ13_COORDINATE = HALF * (snr_s - snr_t) * (x - x_hat) ** 2
VDM_EQ13 = HALF * (snr_s - snr_t) * norm_x


def _table(d_: Derivation) -> None:
    """VDM's letters in those of Ho et al. (2020) (stated: a change of names)."""
    rows = ((r"\alpha_t^2", r"\bar\alpha_t^{\mathrm{DDPM}}", "signal: the variance-preserving choice"),
            (r"\sigma_t^2", r"1 - \bar\alpha_t^{\mathrm{DDPM}}", "noise"),
            (r"\mathbf{z}_t,\ \mathbf{x}", r"\mathbf{x}_t^{\mathrm{DDPM}},\ \mathbf{x}_0^{\mathrm{DDPM}}",
             "latent and data"),
            (r"s", r"t - 1", "the step before t (then SNR(s) is DDPM's SNR(t - 1))"))
    for index, (vdm, ddpm, why) in enumerate(rows):
        d_.start(sp.Symbol(ddpm), lhs=vdm, relation=DEFINITION, because=why,
                 heading="The letters: VDM in those of Ho et al. (2020)" if index == 0 else "")


def _posterior(d_: Derivation) -> None:
    """q(z_s | z_t, x) by Bayes' rule: an exact identity of the densities."""
    q_ts, q_s, q_t = (NormalPDF(z_t, alpha_ts * z_s, var_ts), NormalPDF(z_s, alpha_s * x, sigma_s**2),
                      NormalPDF(z_t, alpha_t * x, sigma_t**2))
    bayes = r"q(\mathbf{z}_s \mid \mathbf{z}_t, \mathbf{x})"
    d_.start(q_ts * q_s / q_t, lhs=bayes, relation=GIVEN, display=fraction(sp.Mul(q_ts, q_s, **_U), q_t),
             heading=r"The posterior $q(\mathbf{z}_s \mid \mathbf{z}_t, \mathbf{x})$",
             text=r"$q(\mathbf{z}_t \mid \mathbf{x}) = \mathcal{N}(\alpha_t\mathbf{x}, \sigma_t^2\mathbf{I})$ "
                  r"(eq. (1)) "
                  r"and $q(\mathbf{z}_t \mid \mathbf{z}_s) = \mathcal{N}(\alpha_{t|s}\mathbf{z}_s, "
                  r"\sigma_{t|s}^2\mathbf{I})$, $\alpha_{t|s} = \alpha_t/\alpha_s$, $\sigma_{t|s}^2 = \sigma_t^2 - "
                  r"\alpha_{t|s}^2\sigma_s^2$ (eq. (3)); per coordinate.",
             because=r"Bayes' rule with the Markov property, $q(\mathbf{z}_t \mid \mathbf{z}_s, \mathbf{x}) = "
                     r"q(\mathbf{z}_t \mid \mathbf{z}_s)$, and the densities of eqs. (1), (3)")
    d_.then(NormalPDF(z_s, posterior_mean(x), var_Q), display=NormalPDF(z_s, posterior_mean_shown(x), var_Q),
            tag="Q", because=r"the densities multiplied out: an identity, normalising constants included, with "
                              r"$\sigma_Q^2 = \frac{\sigma_{t|s}^2\sigma_s^2}{\sigma_t^2}$")


def _one_coordinate(d_: Derivation) -> None:
    """The divergence of the posterior from the model, one coordinate: the SNR form."""
    kl = KLNormal(posterior_mean(x), var_Q, posterior_mean(x_hat), var_Q)
    d_.start(kl, lhs=divergence(NormalPDF(z_s, mu_Q, var_Q), sp.Symbol(r"p(\mathbf{z}_s \mid \mathbf{z}_t)")),
             relation=GIVEN, heading="The divergence, one coordinate",
             text=r"The model is the posterior with the data predicted: $p(\mathbf{z}_s \mid \mathbf{z}_t) = "
                  r"q(\mathbf{z}_s \mid \mathbf{z}_t, \mathbf{x} = \hat{\mathbf{x}}_\theta(\mathbf{z}_t; t))$.",
             because="the posterior (Q) and the model (VDM, sec. 3): two normals with one variance")
    difference = posterior_mean(x) - posterior_mean(x_hat)
    d_.then(difference**2 / (2 * var_Q),
            display=fraction(square(minus(posterior_mean_shown(x), posterior_mean_shown(x_hat))),
                             sp.Mul(2, var_Q, **_U)),
            because=r"the divergence of two normals (kl_divergence): equal variances, so only "
                    r"$\frac{(\mu_1 - \mu_2)^2}{2\sigma^2}$ is left")
    coefficient = alpha_s**2 * var_ts / (2 * sigma_s**2 * sigma_t**2)
    d_.then(coefficient * (x - x_hat) ** 2, because=r"the $\mathbf{z}_t$ terms cancel",
            display=sp.Mul(fraction(sp.Mul(square(alpha_s), var_ts, **_U), sp.Mul(2, square(sigma_s), square(sigma_t),
                                                                                **_U)),
                           square(minus(x, x_hat)), **_U))
    d_.then(VDM_EQ13_COORDINATE, display=sp.Mul(HALF, minus(snr_s, snr_t), square(minus(x, x_hat)), **_U),
            because=r"$\frac{\alpha_s^2\sigma_{t|s}^2}{\sigma_s^2\sigma_t^2} = \frac{\alpha_s^2}{\sigma_s^2} - "
                    r"\frac{\alpha_t^2}{\sigma_t^2} = \mathrm{SNR}(s) - \mathrm{SNR}(t)$")


def _d_coordinates(d_: Derivation) -> None:
    """The d coordinates: eq. (13)."""
    model = sp.Symbol(r"p(\mathbf{z}_s \mid \mathbf{z}_t)")
    posterior = r"q(\mathbf{z}_s \mid \mathbf{z}_t, \mathbf{x})"
    d_.start(divergence(IsotropicNormal(mu_Q, var_Q), IsotropicNormal(sp.Symbol(r"\mu_{\theta}"), var_Q)),
             lhs=divergence(sp.Symbol(posterior), model), relation=GIVEN, heading="In d dimensions: eq. (13)",
             because=r"the posterior and the model, isotropic in $d$ coordinates")
    coordinate = KLNormal(posterior_mean(X[i], Z_T[i]), var_Q, posterior_mean(X_HAT[i], Z_T[i]), var_Q)
    d_.then(sp.Sum(coordinate, (i, 1, d)), relation=GIVEN,
            because=r"isotropic Gaussians factor over the coordinates; the divergence of products of independent "
                    "factors is the sum of the factors' divergences (kl_multivariate, diagonal chain)")
    d_.then(sp.Sum(HALF * (snr_s - snr_t) * (X[i] - X_HAT[i]) ** 2, (i, 1, d)), relation=SUMS,
            because="each coordinate as above")
    d_.then(VDM_EQ13, relation=SUMS, tag="13", display=sp.Mul(HALF, minus(snr_s, snr_t), norm_x, **_U),
            because=r"the constant out of the finite sum; $\|\mathbf{x} - \hat{\mathbf{x}}_\theta\|^2$ is the sum of "
                    "the squared coordinates")


def build() -> Derivation:
    """The derivation, unchecked."""
    d_ = Derivation("vdm_diffusion_loss", title="VDM: the posterior and the diffusion loss in SNR form",
                    sources=("Kingma, Salimans, Poole & Ho 2021, eqs. (1)-(3), sec. 3, eq. (13)",
                             "source 002, sec. 2 (the univariate KL)"))
    # s < t: SNR(s) > SNR(t), so that sigma_{t|s}^2 > 0
    d_.assume_positive(VAR_TS)
    d_.define(alpha_ts, ALPHA_TS)
    d_.define(var_ts, VAR_TS)
    d_.define(var_Q, VAR_Q)
    d_.define(snr_s, alpha_s**2 / sigma_s**2)
    d_.define(snr_t, alpha_t**2 / sigma_t**2)
    d_.define(norm_x, sp.Sum((X[i] - X_HAT[i]) ** 2, (i, 1, d)))
    _table(d_)
    _posterior(d_)
    _one_coordinate(d_)
    _d_coordinates(d_)
    d_.conclude(known=VDM_EQ13, lhs=r"D_{\mathrm{KL}}(q(\mathbf{z}_s \mid \mathbf{z}_t, \mathbf{x}) \,\|\, "
                                    r"p(\mathbf{z}_s \mid \mathbf{z}_t))",
                source="Kingma et al. 2021, eq. (13)")
    return d_


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
