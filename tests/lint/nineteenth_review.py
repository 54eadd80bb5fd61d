# ruff: noqa: E501  (the posts as the review wrote them, one a line)
r"""The nineteenth adversarial review's findings (December 2026, "find a false proved", on lint.marginals, lint.bounds
and lint.laws): 21 false proofs and 9 variants, each fixed. tests/lint/test_recent_reviews.py runs them (the reviewer's files,
verbatim, with a last step that repeats its side, ``= B = B``, cut to ``= B``; F14 without its first display,
which is true where it stands).

* A. A density family the post gives a value (``q(z|x) = e^{-z^2}``, ``p(x, z) = 2 p(x) p(z)``, ``q \\propto ...``,
  inline or in a display) may be no normalised density: no sum rule and no bound of it is proved (lint.stated).
* B. Names tied through other names (``y = 2z``, ``x = 3y``) move with the variable (lint.marginals).
* C. A coordinate ``x_1`` integrated beside its vector ``x``; D. a value as a density's argument (``p(z, 1)``).
* E. A post about discrete variables (``z \\in \\{1, \\dots, K\\}``, "discrete", "mass function"): no integral of a
  density is a marginal.
* F. Words: "unnormalised", "does not integrate to one", "not a density", "a function of $z$", "the square of $x$",
  "$P(x)$ denotes ... instead" (lint.marginals, lint.laws).
"""

FOUND = {
    'F01_selftie_joint': 'A probability model with a latent variable $z$.\n\n$$\np(x, z) = 2 p(x) p(z)\n$$\n\n$$\n\\int p(x, z) dz = p(x)\n$$\n',
    'F02_selftie_cond': 'A probability model with a latent variable $z$.\n\n$$\np(z | x) = 2 p(z)\n$$\n\n$$\n\\int p(z | x) dz = 1\n$$\n',
    'F03_unnorm_def': 'A probability model with a latent variable $z$.\n\n$$\nq(z|x) = e^{-z^2}\n$$\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'F04_inconsistent_marginal': 'A probability model with a latent variable $z$.\n\n$$\np(x) = \\mathcal{N}(x; 0, 1), \\quad p(z) = \\mathcal{N}(z; 0, 1), \\quad p(x|z) = \\mathcal{N}(x; z, 1)\n$$\n\n$$\n\\int p(x|z) p(z) dz = p(x)\n$$\n',
    'F05_transitive_tie': 'A probability model with a latent variable $z$ and probability densities $p$ and $q$. Let $y = 2z$ and $x = 3y$.\n\n$$\n\\int q(z) x dz = x\n$$\n',
    'F06_reverse_tie': 'A probability model with a latent variable $z$ and probability densities $p$ and $q$. Let $z = 2y$ and $y = 3x$.\n\n$$\n\\int q(z) x dz = x\n$$\n',
    'F07_coordinate': 'A probability density $p$ of a vector $x \\in \\mathbb{R}^2$ with coordinates $x_1$ and $x_2$.\n\n$$\n\\int p(x_1, x_2) \\|x\\|^2 dx_1 = \\|x\\|^2 p(x_2)\n$$\n',
    'F08_positional': 'A probability model with a latent variable $z$ and a probability density $p$.\n\n$$\n\\int p(z, 1) dz = \\int p(1, z) dz\n$$\n',
    'F09_discrete': 'A mixture model with a discrete latent variable $z \\in \\{1, \\dots, K\\}$ with probability density $q(z)$.\n\n$$\n\\int q(z) dz = 1\n$$\n',
    'F10_words_unnorm': 'An energy-based model with a latent variable $z$. The unnormalised probability density $q(z|x) = e^{-E(z, x)}$ does not integrate to one.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'F11_words_notdensity': 'In this post $p(x)$ is the price of a house of size $x$ and $p(x, z)$ its price with $z$ rooms, while the probability of a latent variable $z$ is $q(z)$.\n\n$$\n\\int p(x,z) dz = p(x)\n$$\n',
    'F12_words_dep': 'A probability model with a latent variable $z$ and probability densities $p$ and $q$, and $x$ that is a function of $z$.\n\n$$\n\\int q(z) x^2 dz = x^2\n$$\n',
    'F13_kl_unnorm': 'A probability model with a latent variable $z$.\n\n$$\nq(z|x) = \\frac{1}{2}\\mathcal{N}(z; 0, 1), \\quad p(z) = \\mathcal{N}(z; 0, 1)\n$$\n\n$$\nD_{\\mathrm{KL}}(q(z|x) \\| p(z)) \\ge 0\n$$\n',
    'F14_law_retired_words': 'Let $P(x) = \\mathcal{N}(x; \\mu, \\sigma^2)$ be a probability density.\n\nFrom here on $P(x)$ denotes the uniform density on $[0, 1]$ instead.\n\n$$\n\\mathbb{E}_{P}[x] = \\mu\n$$\n',
    'F15_law_words_tie': 'Let $P(x) = \\mathcal{N}(x; \\mu, \\sigma^2)$ be a probability density and let $w$ be the square of $x$.\n\n$$\n\\mathbb{E}_{P}[w] = w\n$$\n',
    'F16_selftie_q': 'A probability model with a latent variable $z$.\n\n$$\nq(z|x) = 2 q(z|y)\n$$\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'F17_discrete_exp': 'A mixture model with a discrete latent variable $z \\in \\{1, \\dots, K\\}$ with probability density $q(z)$.\n\n$$\n\\mathbb{E}_{q(z)}[z] = \\int q(z) z dz\n$$\n',
    'F18_unnorm_inline': 'A probability model with a latent variable $z$ and an unnormalised density $q(z|x) = \\lambda \\mathcal{N}(z; x, 1)$ with $\\lambda = 3$.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'F19_elbo_words': 'A model with a latent variable $z$, and an unnormalised density $q(z|x)$ that integrates to $1/2$.\n\n$$\n\\log p(x) \\ge \\mathbb{E}_{q(z|x)}\\left[\\log \\frac{p(x,z)}{q(z|x)}\\right]\n$$\n',
    'F20_pos_square': 'A probability model with a latent variable $z$.\n\n$$\np(x, z) = p(x)^2 p(z)\n$$\n\n$$\n\\int p(x, z) dz = p(x)\n$$\n',
    'F21_exp_def': 'A probability model with a latent variable $z$.\n\n$$\nq(z) = e^{-z}\n$$\n\n$$\n\\mathbb{E}_{q(z)}[1] = \\int q(z) dz = 1\n$$\n',
    'V01_twice_a_normal': 'A probability model with a latent variable $z$.\n\n$$\nq(z|x) = 2\\mathcal{N}(z; x, 1)\n$$\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'V02_propto_in_words': 'An energy-based model with a latent variable $z$, and $q(z|x) \\propto e^{-z^2}$ unnormalised.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'V03_not_a_density': 'A probability model with a latent variable $z$. Here $p(x,z)$ is not a probability density; it is the potential energy.\n\n$$\n\\int p(x,z) dz = p(x)\n$$\n',
    'V04_weight_depends': 'A probability model with a latent variable $z$ and a weight $c$ that depends on $z$.\n\n$$\n\\int q(z) c dz = c\n$$\n',
    'V05_vector_beside': 'A probability density $p$ of a vector $x \\in \\mathbb{R}^2$ with coordinates $x_1$ and $x_2$.\n\n$$\n\\int p(x_1, x_2) x dx_1 = x p(x_2)\n$$\n',
    'V06_value_argument': 'A probability model with a latent variable $z$ and a probability density $p$.\n\n$$\n\\int p(z, 0) dz = p(0)\n$$\n',
    'V07_count': 'A probability model with a latent count $z \\in \\mathbb{N}$ with probability density $q(z)$.\n\n$$\n\\int q(z) dz = 1\n$$\n',
    'V08_law_plain_words': 'Let $P(x) = \\mathcal{N}(x; \\mu, \\sigma^2)$ be a probability density. Now P is the uniform law on [0, 2].\n\n$$\n\\mathbb{E}_{P}[x] = \\mu\n$$\n',
    'V09_ties_in_a_display': 'A probability model with a latent variable $z$ and probability densities $p$ and $q$.\n\n$$\ny = 2z, \\quad x = 3y\n$$\n\n$$\n\\int q(z) x dz = x\n$$\n',
}
