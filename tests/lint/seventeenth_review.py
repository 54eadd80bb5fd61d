# ruff: noqa: E501  (the posts as the reviews wrote them, one a line)
r"""The seventeenth adversarial review's findings (December 2026, "find a false proved", two reviewers, 60 minutes:
named normal laws, displays taken back, parameters after a semicolon, the horizon T, conditions inside rows, and the
bounds of an ELBO): 31 false proofs, each fixed. tests/lint/test_recent_reviews.py runs them (the posts are the
reviewers' files, verbatim; the steps they prove falsely are named in each key).

* G. A name the post sets to a value of the expectation's variable (``y = 2x``) is no constant under E over x
  (latex.calls); a law holds from its definition until the post says its family is anything else, on that line
  or later (lint.laws); a redefinition in a negated sentence ("... instead") retires the old one.
* H. Only words that call the next display wrong take it back; a display that restates a function and is not
  proved makes it unknown; a display taken back defines in passing (its names unknown).
* T. A bound of T alone that holds at T = 0 or 1/2 (``T + 1 \\ge 1``) voids the horizon; ``{}T``; only
  N^+, N_{>0}, Z_{>0}, Z_{\\ge 1}, {1, 2, ...} agree; "not", "nil", "vanish", "naturals" void it.
* C. Relations in braces, in lists in parentheses, behind \\text{(}, \\left\\{ or a bullet's minus (both readings),
  a bound or a set beside a row, and "negative" in a row's words void what they mention.
* K. The bounds are checked with the post's definitions substituted: p(z|x) = 2 q(z|x) is no density.
"""

FOUND = {
    'C1_braces_T': 'A note on diffusion models (DDPM).\n\n$$\nx_T = x_0 \\qquad \\{T = 0\\}\n$$\n\n$$\n\\sum_{t=1}^{T} x_t = x_1 + \\sum_{t=2}^{T} x_t\n$$\n',
    'C2_quad_minus_T': 'A note on diffusion models (DDPM).\n\n$$\nx_T = x_0 \\quad - T = 0\n$$\n\n$$\n\\sum_{t=1}^{T} x_t = x_1 + \\sum_{t=2}^{T} x_t\n$$\n',
    'C3_text_paren': 'A note on probability.\n\n$$\ny = 1 \\quad \\text{(}\\sigma = -2\\text{)}\n$$\n\n$$\n\\sqrt{\\sigma^2} = \\sigma\n$$\n',
    'C4_paren_list': 'A note on probability.\n\n$$\nx = \\mu + \\sigma z \\quad (\\mu = 0, \\sigma = -2)\n$$\n\n$$\n\\sqrt{\\sigma^2} = \\sigma\n$$\n',
    'C5_paren_list_alphabar': 'A note on diffusion models (DDPM).\n\n$$\nx_t = \\sqrt{\\bar\\alpha_t} x_0 \\quad (t = 1, \\bar\\alpha_t = 2)\n$$\n\n$$\n\\sqrt{(1-\\bar\\alpha_t)^2} = 1 - \\bar\\alpha_t\n$$\n',
    'C6_paren_list_T': 'A note on diffusion models (DDPM).\n\n$$\nx_T = x_0 \\quad (\\beta_1 = 0.1, T = 0)\n$$\n\n$$\n\\sum_{t=1}^{T} x_t = x_1 + \\sum_{t=2}^{T} x_t\n$$\n',
    'C7_braced_sigma': 'A note on probability.\n\n$$\ny = 1 \\quad {\\sigma = -2}\n$$\n\n$$\n\\sqrt{\\sigma^2} = \\sigma\n$$\n',
    'C8_left_brace': 'A note on probability.\n\n$$\ny = 1 \\quad \\left\\{\\sigma = -2\\right.\n$$\n\n$$\n\\sqrt{\\sigma^2} = \\sigma\n$$\n',
    'C9_semicolon_list': 'A note on probability.\n\n$$\ny = 1 \\quad (\\mu = 0;\\ \\sigma = -2)\n$$\n\n$$\n\\sqrt{\\sigma^2} = \\sigma\n$$\n',
    'G1_body_depends_on_x': 'A note on probability. Let $P(x) = \\mathcal{N}(x; 0, 1)$ and define\n\n$$\ny = 2x\n$$\n\n$$\nE_P[x y] = 0\n$$\n',
    'G2_function_body': 'A note on probability. Let $P(x) = \\mathcal{N}(x; 0, 1)$ and define\n\n$$\ng = x + 1\n$$\n\n$$\nE_P[g] = g\n$$\n',
    'G3_symbol_redefinition': 'A note on probability. Let $P(x) = \\mathcal{N}(x; \\mu_1, \\sigma_1^2)$. Next, take $P = \\mathcal{N}(0, 1)$.\n\n$$\nE_P[x^2] = \\mu_1^2 + \\sigma_1^2\n$$\n',
    'G4_propto_redefinition': 'A note on probability. Let $P(x) = \\mathcal{N}(x; \\mu_1, \\sigma_1^2)$. Now let $P(x) \\propto e^{-|x|}$.\n\n$$\nE_P[x^2] = \\mu_1^2 + \\sigma_1^2\n$$\n',
    'G5_instead_redefinition': 'A note on probability. Let $P(x) = \\mathcal{N}(x; \\mu_1, \\sigma_1^2)$. From now on we use $P(x) = \\mathcal{N}(x; 0, 1)$ instead.\n\n$$\nE_P[x^2] = \\mu_1^2 + \\sigma_1^2\n$$\n',
    'G5b_instead_function': 'A note on algebra. Let $f(x) = x^2$. From now on we use $f(x) = x^3$ instead.\n\n$$\nf(2) = 4\n$$\n\n',
    'H1_takeback_other_display': 'A note on probability. Let $P(x) = \\mathcal{N}(x; \\mu_1, \\sigma_1^2)$.\n\nFrom here on the law changes. The next display gives the new law; the old one is wrong for this part:\n\n$$\nP(x) = \\mathcal{N}(x; 0, 1)\n$$\n\n$$\nE_P[x^2] = \\mu_1^2 + \\sigma_1^2\n$$\n',
    'H2_takeback_correction': 'A note on algebra. Let $f(x) = x^2$. The next display corrects it; the version above was wrong:\n\n$$\nf(x) = x^3\n$$\n\n$$\nf(2) = 4\n$$\n',
    'T1a_neg_T': 'A note on diffusion models (DDPM). Here $-T \\le 0$.\n\n$$\n\\sum_{t=1}^{T} x_t = x_1 + \\sum_{t=2}^{T} x_t\n$$\n',
    'T1b_shift': 'A note on diffusion models (DDPM). Here $T + 1 \\ge 1$.\n\n$$\n\\sum_{t=1}^{T} x_t = x_1 + \\sum_{t=2}^{T} x_t\n$$\n',
    'T1c_scaled': 'A note on diffusion models (DDPM). Here $2T \\ge 0$.\n\n$$\n\\sum_{t=1}^{T} x_t = x_1 + \\sum_{t=2}^{T} x_t\n$$\n',
    'T1d_paren': 'A note on diffusion models (DDPM). Here $(T) \\ge 0$.\n\n$$\n\\sum_{t=1}^{T} x_t = x_1 + \\sum_{t=2}^{T} x_t\n$$\n',
    'T1e_empty_group': 'A note on diffusion models (DDPM). Here ${}T = 0$.\n\n$$\n\\sum_{t=1}^{T} x_t = x_1 + \\sum_{t=2}^{T} x_t\n$$\n',
    'T2a_Zstar': 'A note on diffusion models (DDPM). Here $T \\in \\mathbb{Z}^*$.\n\n$$\n\\sum_{t=1}^{T} x_t = x_1 + \\sum_{t=2}^{T} x_t\n$$\n',
    'T2b_Zplus': 'A note on diffusion models (DDPM). Here $T \\in \\mathbb{Z}_+$.\n\n$$\n\\sum_{t=1}^{T} x_t = x_1 + \\sum_{t=2}^{T} x_t\n$$\n',
    'T3a_words': 'A note on diffusion models (DDPM). Here $T$ need not be positive.\n\n$$\n\\sum_{t=1}^{T} x_t = x_1 + \\sum_{t=2}^{T} x_t\n$$\n',
    'T3b_words': 'A note on diffusion models (DDPM). The number of steps $T$ is also allowed to be nil.\n\n$$\n\\sum_{t=1}^{T} x_t = x_1 + \\sum_{t=2}^{T} x_t\n$$\n',
    'T3c_words': 'A note on diffusion models (DDPM). Here $T$ is allowed to vanish.\n\n$$\n\\sum_{t=1}^{T} x_t = x_1 + \\sum_{t=2}^{T} x_t\n$$\n',
    'K1 a density the post defines is no density for Gibbs': 'Let $q(z|x)$ be a density.\n\n$$\np(z|x) = 2 q(z|x)\n$$\n\n$$\n\\mathbb{E}_{q(z|x)}[\\log q(z|x)] \\ge \\mathbb{E}_{q(z|x)}[\\log p(z|x)]\n$$\n',
    'K2 a density the post defines is no density for Gibbs': 'Let $p(z|x) = 2 e^{-z^2}$ for all real $z$.\n\n$$\nD_{KL}(q(z|x) \\| p(z|x)) \\ge 0\n$$\n\n$$\n\\mathbb{E}_{q(z|x)}\\left[\\log \\frac{q(z|x)}{p(z|x)}\\right] \\ge 0\n$$\n',
    'K3 a density the post defines is no density for Gibbs': 'Let $p(z|x) = 2 q(z|x)$.\n\n$$\n\\log p(x) \\ge \\mathbb{E}_{q(z|x)}\\left[\\log \\frac{p(x,z)}{q(z|x)}\\right]\n$$\n',
    'K4 a density the post defines is no density for Gibbs': 'Let $q(z|x)$ be a density.\n\n$$\n\\mathbb{E}_{q(z|x)}[\\log q(z|x) - \\log p(z|x)] \\ge 0 \\quad \\text{where } p(z|x) = 2 q(z|x)\n$$\n',
}
