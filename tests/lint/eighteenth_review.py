# ruff: noqa: E501  (the posts as the review wrote them, one a line)
r"""The eighteenth adversarial review's findings (December 2026, "find a false proved", 20 minutes on the newest rules):
14 false proofs, each fixed. tests/lint/test_recent_reviews.py runs them (the reviewer's files, verbatim).

* A. A density family an equation ties to others (``2 q(z|x) = p(z|x)``, ``p(z|x)/q(z|x) = 2``, ``p - 2q = 0``) may be
  no normalised density: no bound of it is proved (lint.stated, lint.bounds).
* B. The names of one equation move together (``u - 2x = 0``, ``x = u/2``, ``u \\mathrel{:=} 2x``): under an
  expectation over x, u is random (lint.stated).
* C. A law's family named alone in the prose's math (``$P$ is instead ...``) retires the law from there (lint.laws).
* D. "The number of steps may be zero", "It may be zero", "possibly none" void the horizon (lint.horizon).
* E. An equation that mentions a defined function and is not proved (``f(x) - x^3 = 0``) makes it unknown.
"""

FOUND = {
    'A1_kl_reversed_side': 'Let $q(z|x)$ be a density, and let the function $p(z|x)$ be given by\n\n$$\n2 q(z|x) = p(z|x)\n$$\n\n$$\nD_{KL}(q(z|x) \\| p(z|x)) \\ge 0\n$$\n\n$$\n\\mathbb{E}_{q(z|x)}[\\log q(z|x) - \\log p(z|x)] \\ge 0\n$$\n\n$$\n\\log p(x) \\ge \\mathbb{E}_{q(z|x)}\\left[\\log \\frac{p(x,z)}{q(z|x)}\\right]\n$$\n\n',
    'A2_kl_ratio_inline': 'Let $q(z|x)$ be a density. The function $p(z|x)$ is twice $q(z|x)$: $p(z|x) / q(z|x) = 2$.\n\n$$\nD_{KL}(q(z|x) \\| p(z|x)) \\ge 0\n$$\n\n',
    'A3_kl_difference': 'Let $q(z|x)$ be a density, and let the function $p(z|x)$ be given by\n\n$$\np(z|x) - 2 q(z|x) = 0\n$$\n\n$$\nD_{KL}(q(z|x) \\| p(z|x)) \\ge 0\n$$\n\n',
    'A4_elbo_reversed_side': 'Let $q(z|x)$ be a density, and let the function $p(z|x)$ be given by\n\n$$\n2 q(z|x) = p(z|x)\n$$\n\n$$\n\\log p(x) \\ge \\mathbb{E}_{q(z|x)}\\left[\\log \\frac{p(x,z)}{q(z|x)}\\right]\n$$\n',
    'B1_law_set_by_equation': 'A note on probability. Let $P(x) = \\mathcal{N}(x; 0, 1)$ and define\n\n$$\nu - 2x = 0\n$$\n\n$$\nE_P[x u] = 0\n$$\n\n',
    'B2_law_where_x': 'A note on probability. Let $P(x) = \\mathcal{N}(x; 0, 1)$, where $x = u/2$.\n\n$$\nE_P[x u] = 0\n$$\n\n',
    'B3_law_mathrel': 'A note on probability. Let $P(x) = \\mathcal{N}(x; 0, 1)$ and define\n\n$$\nu \\mathrel{:=} 2x\n$$\n\n$$\nE_P[x u] = 0\n$$\n\n',
    'B4_law_eqqcolon_display': 'A note on probability. Let $P(x) = \\mathcal{N}(x; 0, 1)$ and define\n\n$$\n2x =: u\n$$\n\n$$\nE_P[x u] = 0\n$$\n\n',
    'B5_plain_gaussian': 'A note on probability.\n\n$$\nu - 2x = 0\n$$\n\n$$\nE_{x \\sim \\mathcal{N}(0, 1)}[x u] = 0\n$$\n\n',
    'C1_law_retired_in_words': 'A note on probability. Let $P(x) = \\mathcal{N}(x; 0, 1)$. From here on, $P$ is instead the uniform distribution on $[0, 1]$.\n\n$$\nE_P[x^2] = 1\n$$\n\n',
    'C2_law_updated_in_words': 'A note on probability. Let $P(x) = \\mathcal{N}(x; 0, 1)$ be the prior and let $P$ then be updated to the posterior $\\mathcal{N}(x; 1, 2)$ after one observation.\n\n$$\nE_P[x^2] = 1\n$$\n\n',
    'D1_T_pronoun': 'A note on diffusion models (DDPM). Let $T$ be the number of steps. It may be zero.\n\n$$\n\\sum_{t=1}^{T} x_t = x_1 + \\sum_{t=2}^{T} x_t\n$$\n\n',
    'D2_T_possibly_none': 'A note on diffusion models (DDPM). Let $T$ be the number of steps, possibly none.\n\n$$\n\\sum_{t=1}^{T} x_t = x_1 + \\sum_{t=2}^{T} x_t\n$$\n\n',
    'D3_T_steps_words': 'A note on diffusion models (DDPM). The number of diffusion steps may be zero.\n\n$$\n\\sum_{t=1}^{T} x_t = x_1 + \\sum_{t=2}^{T} x_t\n$$\n\n',
    'E1_f_redefined_difference': 'Let $f(x) = x^2$. From now on we use a different $f$, defined by\n\n$$\nf(x) - x^3 = 0\n$$\n\n$$\nf(2) = 4\n$$\n\n',
}
