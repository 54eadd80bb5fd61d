r"""Noise schedules of DDPM and improved DDPM, in plain float64 NumPy.

.. math:: \beta_t = \beta_1 + \frac{t-1}{T-1}(\beta_T - \beta_1), \qquad
          \bar\alpha_t = \prod_{i=1}^{t} (1 - \beta_i), \qquad
          \bar\alpha_t = \frac{f(t)}{f(0)},\ f(t) = \cos^2\left(\frac{t/T + s}{1+s}\cdot\frac{\pi}{2}\right)

Each function has a short body with the papers' names (``beta``, ``alpha_bar``),
so that latexify-py can typeset it. Index ``t - 1`` of an array holds step ``t``.

References: Ho, Jain & Abbeel (2020), sec. 4 (linear schedule, 1e-4 to 0.02, T = 1000);
Nichol & Dhariwal (2021), eq. (17) and sec. 3.2 (cosine schedule, s = 0.008, beta clipped at 0.999);
source 002, sec. 2 (KL divergence between two univariate normals).
"""

from __future__ import annotations

import numpy as np

#: Ho et al. (2020), sec. 4.
T_DDPM = 1000
BETA_1 = 1e-4
BETA_T = 0.02
#: Nichol & Dhariwal (2021), sec. 3.2.
S_COSINE = 0.008
MAX_BETA = 0.999


def linear_beta(T: int = T_DDPM, beta_1: float = BETA_1, beta_T: float = BETA_T) -> np.ndarray:
    """The linear schedule: ``T`` values of beta from ``beta_1`` to ``beta_T`` (Ho et al. 2020, sec. 4).

    >>> linear_beta()[[0, -1]].tolist()
    [0.0001, 0.02]
    """
    return np.linspace(beta_1, beta_T, T, dtype=np.float64)


def scaled_linear_beta(T: int) -> np.ndarray:
    """The linear schedule for ``T`` steps, its end points scaled by ``1000 / T``.

    The scaling keeps ``sum(beta)`` (hence ``alpha_bar_T``) near the T = 1000 value; it
    is the convention of Nichol & Dhariwal's code (improved-diffusion, "linear" schedule).

    >>> scaled_linear_beta(100)[[0, -1]].round(6).tolist()
    [0.001, 0.2]
    """
    scale = T_DDPM / T
    return linear_beta(T, scale * BETA_1, scale * BETA_T)


def cosine_f(t: np.ndarray, T: int, s: float = S_COSINE) -> np.ndarray:
    """Nichol & Dhariwal (2021), eq. (17): ``f(t) = cos^2((t/T + s)/(1 + s) * pi/2)``."""
    return np.cos((t / T + s) / (1 + s) * np.pi / 2) ** 2


def cosine_alpha_bar(T: int = T_DDPM, s: float = S_COSINE) -> np.ndarray:
    """``alpha_bar_t = f(t) / f(0)`` for ``t = 0, ..., T`` (eq. (17), before clipping)."""
    t = np.arange(T + 1, dtype=np.float64)
    return cosine_f(t, T, s) / cosine_f(np.float64(0), T, s)


def cosine_beta(T: int = T_DDPM, s: float = S_COSINE, max_beta: float = MAX_BETA) -> np.ndarray:
    """``beta_t = 1 - alpha_bar_t / alpha_bar_{t-1} = 1 - f(t) / f(t-1)``, clipped at ``max_beta``.

    Nichol & Dhariwal (2021), eq. (17) and sec. 3.2.
    """
    t = np.arange(1, T + 1, dtype=np.float64)
    beta = 1 - cosine_f(t, T, s) / cosine_f(t - 1, T, s)
    return np.minimum(beta, max_beta)


def alpha_bar(beta: np.ndarray) -> np.ndarray:
    """``alpha_bar_t = prod_{i <= t} (1 - beta_i)``, for ``t = 1, ..., T`` (source 000, after eq. (4))."""
    alpha = 1 - np.asarray(beta, dtype=np.float64)
    return np.cumprod(alpha)


def kl_normal(mu_1: float, sigma_1: float, mu_2: float, sigma_2: float) -> float:
    """``D_KL(N(mu_1, sigma_1^2) || N(mu_2, sigma_2^2))`` in nats (source 002, sec. 2, final formula).

    .. math:: \\log\\frac{\\sigma_2}{\\sigma_1}
              + \\frac{\\sigma_1^2 + (\\mu_1 - \\mu_2)^2}{2\\sigma_2^2} - \\frac{1}{2}

    >>> kl_normal(0.0, 1.0, 1.0, 2.0)  # source 002, self-assessment question 4
    0.4431471805599453
    """
    return float(np.log(sigma_2 / sigma_1) + (sigma_1**2 + (mu_1 - mu_2) ** 2) / (2 * sigma_2**2) - 0.5)


def terminal_kl(alpha_bar_T: float, x_0: float = 1.0) -> float:
    """Per-dimension ``D_KL(q(x_T | x_0) || N(0, 1))``.

    Here ``q(x_T | x_0) = N(sqrt(alpha_bar_T) x_0, 1 - alpha_bar_T)`` (source 000, eq. (5)).
    """
    return kl_normal(np.sqrt(alpha_bar_T) * x_0, np.sqrt(1 - alpha_bar_T), 0.0, 1.0)
