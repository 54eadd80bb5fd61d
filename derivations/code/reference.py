r"""Reference implementations in plain NumPy: one function per proved result.

Each function is the derived formula written as readers copy it into their own
code, with the papers' names. :mod:`derivations.code.check` proves that each one
computes its derivation's result (symbolically where SymPy can run the very same
code, and at many random points against a 50-digit evaluation), and
:mod:`derivations.code.typeset` typesets them with latexify-py.

Conventions:

* a variance is passed as a variance (``var``), never as a standard deviation;
* schedule arrays are indexed by the papers' time step ``t = 0, 1, ..., T``:
  ``beta[t]`` is :math:`\beta_t` and ``alpha_bar[t]`` is :math:`\bar\alpha_t`, with
  ``beta[0] = 0`` and ``alpha_bar[0] = 1`` (the empty product), so that
  ``alpha_bar[t - 1]`` is :math:`\bar\alpha_{t-1}` for every ``t >= 1`` (no wrap-around
  to ``alpha_bar[-1]`` at ``t = 1``). :func:`paper_indexed` builds them from a schedule of
  :mod:`derivations.diffusion.schedules` (whose arrays hold step ``t`` at index ``t - 1``);
* ``eps`` is a draw of :math:`\boldsymbol{\epsilon} \sim \mathcal{N}(\mathbf{0}, \mathbf{I})`.

The functions of the proved results use only ``np.sqrt``, ``np.exp``,
``np.log``, ``np.sum`` and ``np.pi``, so that :mod:`derivations.code.check` can run
the same code on SymPy symbols (it binds ``np`` to SymPy's functions).

References: Ho, Jain & Abbeel (2020), eqs. (2), (4), (6), (7), (11), (12); Song, Meng & Ermon (2021),
eqs. (12), (16) (DDIM);
source documents 000 (eqs. (1)-(7), convolution), 001 (pdf, log-pdf, diffusion
table), 002 (KL between two normals).
"""

from __future__ import annotations

import numpy as np

from derivations.diffusion import schedules

#: The schedule functions, from :mod:`derivations.diffusion.schedules` (not written twice).
SCHEDULE_FUNCTIONS = ("linear_beta", "cosine_f", "cosine_alpha_bar", "cosine_beta", "alpha_bar")

__all__ = [
    "normal_pdf", "normal_log_pdf", "gaussian_convolution", "kl_normal", "kl_diagonal",
    "forward_step", "q_sample", "posterior_mean", "posterior_mean_from_eps",
    "posterior_variance", "paper_indexed", "eps_loss_weight", "snr_loss_weight", "ddim_step", "ddim_sigma",
    "schedules",
]


def normal_pdf(x, mu, var):
    r"""The density of :math:`\mathcal{N}(\mu, \sigma^2)` at ``x`` (source 000, eq. (6)).

    .. math:: \mathcal{N}(x; \mu, \sigma^2) = \frac{1}{\sqrt{2\pi\sigma^2}}
              \exp\left(-\frac{(x - \mu)^2}{2\sigma^2}\right)
    """
    return np.exp(-((x - mu) ** 2) / (2 * var)) / np.sqrt(2 * np.pi * var)


def normal_log_pdf(x, mu, var):
    r"""The log-density of :math:`\mathcal{N}(\mu, \sigma^2)` at ``x`` (source 001, log-pdf).

    .. math:: \log \mathcal{N}(x; \mu, \sigma^2) = -\frac{\log(2\pi\sigma^2)}{2}
              - \frac{(x - \mu)^2}{2\sigma^2}
    """
    return -np.log(2 * np.pi * var) / 2 - (x - mu) ** 2 / (2 * var)


def gaussian_convolution(mu_1, var_1, mu_2, var_2):
    r"""Mean and variance of :math:`\mathcal{N}(\mu_1, \sigma_1^2) \star \mathcal{N}(\mu_2, \sigma_2^2)`.

    The density of the sum of two independent normals (source 000, the
    convolution integral; source 002, characteristic functions): means add and
    variances add.

    .. math:: (\mu, \sigma^2) = (\mu_1 + \mu_2,\ \sigma_1^2 + \sigma_2^2)
    """
    return mu_1 + mu_2, var_1 + var_2


def kl_normal(mu_1, var_1, mu_2, var_2):
    r"""The KL divergence :math:`D_{\mathrm{KL}}(P \,\|\, Q)` of two univariate normals (source 002).

    :math:`P = \mathcal{N}(\mu_1, \sigma_1^2)`, :math:`Q = \mathcal{N}(\mu_2, \sigma_2^2)`; section 2, step 4:

    .. math:: \frac{1}{2}\log\frac{\sigma_2^2}{\sigma_1^2}
              + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2} - \frac{1}{2}
    """
    return np.log(var_2 / var_1) / 2 + (var_1 + (mu_1 - mu_2) ** 2) / (2 * var_2) - 1 / 2


def kl_diagonal(mu_1, var_1, mu_2, var_2):
    r"""KL divergence between Gaussians with diagonal covariances, summed over the last axis.

    The multivariate KL (Ho et al. 2020, eq. (5) uses it between Gaussians) with
    :math:`\Sigma_k = \operatorname{diag}(\sigma_{k,i}^2)`:

    .. math:: \frac{1}{2}\sum_i \left(\log\frac{\sigma_{2,i}^2}{\sigma_{1,i}^2}
              + \frac{\sigma_{1,i}^2 + (\mu_{1,i} - \mu_{2,i})^2}{\sigma_{2,i}^2} - 1\right)
    """
    return np.sum(np.log(var_2 / var_1) + (var_1 + (mu_1 - mu_2) ** 2) / var_2 - 1, axis=-1) / 2


def forward_step(x_tm1, t, eps, beta):
    r"""One forward step, a sample of :math:`q(\mathbf{x}_t \mid \mathbf{x}_{t-1})` (Ho et al. 2020, eq. (2)).

    .. math:: \mathbf{x}_t = \sqrt{1 - \beta_t}\,\mathbf{x}_{t-1} + \sqrt{\beta_t}\,\boldsymbol{\epsilon}
    """
    return np.sqrt(1 - beta[t]) * x_tm1 + np.sqrt(beta[t]) * eps


def q_sample(x_0, t, eps, alpha_bar):
    r"""A sample of :math:`q(\mathbf{x}_t \mid \mathbf{x}_0)` in one step (Ho et al. 2020, eq. (4)).

    .. math:: \mathbf{x}_t = \sqrt{\bar\alpha_t}\,\mathbf{x}_0
              + \sqrt{1 - \bar\alpha_t}\,\boldsymbol{\epsilon}
    """
    return np.sqrt(alpha_bar[t]) * x_0 + np.sqrt(1 - alpha_bar[t]) * eps


def posterior_mean(x_0, x_t, t, alpha_bar):
    r"""The posterior mean :math:`\tilde{\mu}_t(\mathbf{x}_t, \mathbf{x}_0)` (Ho et al. 2020, eq. (7)).

    With :math:`\alpha_t = \bar\alpha_t / \bar\alpha_{t-1}` and :math:`\beta_t = 1 - \alpha_t`:

    .. math:: \tilde{\mu}_t = \frac{\sqrt{\bar\alpha_{t-1}}\,\beta_t}{1 - \bar\alpha_t}\mathbf{x}_0
              + \frac{\sqrt{\alpha_t}\,(1 - \bar\alpha_{t-1})}{1 - \bar\alpha_t}\mathbf{x}_t
    """
    alpha_t = alpha_bar[t] / alpha_bar[t - 1]
    beta_t = 1 - alpha_t
    return (np.sqrt(alpha_bar[t - 1]) * beta_t / (1 - alpha_bar[t]) * x_0
            + np.sqrt(alpha_t) * (1 - alpha_bar[t - 1]) / (1 - alpha_bar[t]) * x_t)


def posterior_mean_from_eps(x_t, t, eps, alpha_bar):
    r"""The posterior mean in the noise form (Ho et al. 2020, eq. (11) with the true noise).

    :math:`\mathbf{x}_0` eliminated with
    :math:`\mathbf{x}_t = \sqrt{\bar\alpha_t}\mathbf{x}_0 + \sqrt{1-\bar\alpha_t}\boldsymbol{\epsilon}`:

    .. math:: \tilde{\mu}_t = \frac{1}{\sqrt{\alpha_t}}\left(\mathbf{x}_t
              - \frac{\beta_t}{\sqrt{1 - \bar\alpha_t}}\boldsymbol{\epsilon}\right)
    """
    alpha_t = alpha_bar[t] / alpha_bar[t - 1]
    beta_t = 1 - alpha_t
    return (x_t - beta_t / np.sqrt(1 - alpha_bar[t]) * eps) / np.sqrt(alpha_t)


def posterior_variance(t, alpha_bar):
    r"""The posterior variance :math:`\tilde{\beta}_t` (Ho et al. 2020, eq. (7)).

    .. math:: \tilde{\beta}_t = \frac{1 - \bar\alpha_{t-1}}{1 - \bar\alpha_t}\,\beta_t
    """
    beta_t = 1 - alpha_bar[t] / alpha_bar[t - 1]
    return (1 - alpha_bar[t - 1]) / (1 - alpha_bar[t]) * beta_t


def paper_indexed(beta):
    r"""``(beta, alpha_bar)`` indexed by the papers' ``t = 0, ..., T``, from ``T`` values of :math:`\beta_t`.

    Prepends :math:`\beta_0 = 0`, so that :math:`\bar\alpha_0 = 1`;
    :math:`\bar\alpha_t = \prod_{i \le t} (1 - \beta_i)` is :func:`derivations.diffusion.schedules.alpha_bar`.

    >>> beta, alpha_bar = paper_indexed(schedules.linear_beta())
    >>> float(alpha_bar[0]), float(beta[1]), float(alpha_bar[1])
    (1.0, 0.0001, 0.9999)
    """
    beta = np.concatenate(([0.0], beta))
    return beta, schedules.alpha_bar(beta)


def eps_loss_weight(t, alpha_bar, var):
    r"""The weight of the noise loss, Ho et al. (2020), eq. (12); ``var`` is the reverse variance :math:`\sigma_t^2`.

    With :math:`\alpha_t = \bar\alpha_t / \bar\alpha_{t-1}` and :math:`\beta_t = 1 - \alpha_t`:

    .. math:: \lambda_t = \frac{\beta_t^2}{2\sigma_t^2\alpha_t(1 - \bar\alpha_t)}
    """
    alpha_t = alpha_bar[t] / alpha_bar[t - 1]
    beta_t = 1 - alpha_t
    return beta_t**2 / (2 * var * alpha_t * (1 - alpha_bar[t]))


def snr_loss_weight(t, alpha_bar):
    r"""The weight of eq. (12) with :math:`\sigma_t^2 = \tilde\beta_t`, as signal-to-noise ratios.

    :math:`\mathrm{SNR}(t) = \bar\alpha_t / (1 - \bar\alpha_t)`; infinite at ``t = 1`` (:math:`\bar\alpha_0 = 1`):

    .. math:: \lambda_t = \frac{1}{2}\left(\frac{\mathrm{SNR}(t-1)}{\mathrm{SNR}(t)} - 1\right)
    """
    snr_t = alpha_bar[t] / (1 - alpha_bar[t])
    snr_tm1 = alpha_bar[t - 1] / (1 - alpha_bar[t - 1])
    return (snr_tm1 / snr_t - 1) / 2


def ddim_step(x_t, t, eps_theta, alpha_bar, sigma_t, eps):
    r"""One DDIM update, Song, Meng & Ermon (2021), eq. (12); DDIM's :math:`\alpha_t` is ``alpha_bar[t]``.

    ``eps_theta`` is the predicted noise, ``eps`` a fresh draw; ``sigma_t = 0`` is the deterministic update:

    .. math:: \mathbf{x}_{t-1} = \sqrt{\bar\alpha_{t-1}}\,\hat{\mathbf{x}}_0
              + \sqrt{1 - \bar\alpha_{t-1} - \sigma_t^2}\,\boldsymbol{\epsilon}_\theta + \sigma_t\boldsymbol{\epsilon},
              \qquad \hat{\mathbf{x}}_0 = \frac{\mathbf{x}_t - \sqrt{1 - \bar\alpha_t}\,\boldsymbol{\epsilon}_\theta}
              {\sqrt{\bar\alpha_t}}
    """
    x_hat_0 = (x_t - np.sqrt(1 - alpha_bar[t]) * eps_theta) / np.sqrt(alpha_bar[t])
    return (np.sqrt(alpha_bar[t - 1]) * x_hat_0 + np.sqrt(1 - alpha_bar[t - 1] - sigma_t**2) * eps_theta
            + sigma_t * eps)


def ddim_sigma(t, alpha_bar, eta):
    r"""The DDIM noise scale :math:`\sigma_t(\eta)`, Song, Meng & Ermon (2021), eq. (16) (``eta = 1``: DDPM).

    .. math:: \sigma_t(\eta) = \eta\sqrt{\frac{1 - \bar\alpha_{t-1}}{1 - \bar\alpha_t}}
              \sqrt{1 - \frac{\bar\alpha_t}{\bar\alpha_{t-1}}}
    """
    return eta * np.sqrt((1 - alpha_bar[t - 1]) / (1 - alpha_bar[t])) * np.sqrt(1 - alpha_bar[t] / alpha_bar[t - 1])
