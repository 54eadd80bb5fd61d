# ruff: noqa: E501  (the posts as the review wrote them, one a line)
r"""The twentieth adversarial review's findings (December 2026, "find a false proved", on the sum rule of densities,
the bounds of an ELBO and ranges of variables after the nineteenth review's fixes): 60 false proofs, each fixed.
tests/lint/test_recent_reviews.py runs them (the reviewer's files, verbatim).

* A. Words that say a density is unnormalised, anywhere in the post ("isn't normalised", "non-normalised", "It
  integrates to two", "known only up to a constant"): every density family of the post may be unnormalised.
* B. Words that call a density something else ("the log density", "the density ratio", "a flat prior on the
  whole real line", "gives the price").
* C. Formulas for a density that are no definition of it (``\\log q(z|x) = -z^2``, ``e^{-z^2} = q(z|x)``,
  ``2 q(z|x) = \\mathcal{N}(z; x, 1)``, "we take $q(z|x)$ to be $2\\mathcal{N}(z; x, 1)$").
* D. Definitions taken for normalised that are not (a product that is no chain of conditionals, a normal of negative
  variance or whose mean is its own variable).
* E. Discrete variables said otherwise ("binary", ``z \\in [K]``, Bernoulli, "takes finitely many values").
* F. Dependence said otherwise (``x \\propto z``, ``x \\approx 2z``, "proportional to", "twice").
* G. Ranges joined wrongly (odd states listed ``x_1, x_3, \\dots, x_{2T-1}``; descending ``x_{T:t}``).
"""

FOUND = {
    'W01_isnt_normalised': "A probability model with a latent variable $z$. The density $q(z|x)$ isn't normalised.\n\n$$\n\\int q(z|x) dz = 1\n$$\n",
    'W02_non_normalised': 'A probability model with a latent variable $z$ and a non-normalised density $q(z|x)$.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'W03_un_normalised': 'A probability model with a latent variable $z$ and an un-normalised density $q(z|x)$.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'W15_nonnormalized': 'A probability model with a latent variable $z$ and a nonnormalized density $q(z|x)$.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'W04_pronoun': 'A probability model with a latent variable $z$ and a density $q(z|x)$. It integrates to two.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'W05_plain_letter': 'A probability model with a latent variable $z$. Here the function q is unnormalised.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'W06_twice': 'A probability model with a latent variable $z$, where $q(z|x)$ is twice the posterior density.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'W07_eg_split': 'A probability model with a latent variable $z$ and a density $q(z|x)$ known only up to a constant, i.e. unnormalised.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'W08_up_to_constant': 'A probability model with a latent variable $z$ and a density $q(z|x)$ known only up to its normalising constant.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'W11_fails': 'A probability model with a latent variable $z$, where $q(z|x)$ fails to integrate to one.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'W12_lacks': 'A probability model with a latent variable $z$, where $q(z|x)$ lacks its normalising constant.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'W13_is_no': 'A probability model with a latent variable $z$, where $q(z|x)$ is no probability density.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'W14_integral_two': 'A probability model with a latent variable $z$, where the integral of $q(z|x)$ over $z$ is two.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'W10_words_elbo_pronoun': 'A probability model with a latent variable $z$ and a density $q(z|x)$. It has total mass one half.\n\n$$\n\\log p(x) \\ge \\mathbb{E}_{q(z|x)}\\left[\\log \\frac{p(x,z)}{q(z|x)}\\right]\n$$\n',
    'I05_jensen': "A probability model with a latent variable $z$. The density $q(z)$ isn't normalised.\n\n$$\n\\log \\mathbb{E}_{q(z)}\\left[e^{z}\\right] \\ge \\mathbb{E}_{q(z)}[z]\n$$\n",
    'C01_log_density': 'A probability model with a latent variable $z$, where $q(z|x)$ is the log density of $z$ given $x$.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'C03_nll': 'A probability model with a latent variable $z$, where $p(x, z)$ is the negative log-likelihood.\n\n$$\n\\log \\int p(x, z) dz = \\log p(x)\n$$\n',
    'C04_ratio': 'A probability model with a latent variable $z$, where $q(z|x)$ is the density ratio of the posterior to the prior.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'C05_price_gives': 'A probability model with a latent variable $z$ in which $p(x, z)$ gives the price of a house of size $x$ with $z$ rooms.\n\n$$\n\\log \\int p(x, z) dz = \\log p(x)\n$$\n',
    'C07_density_of_another': 'A probability model with a latent variable $z$, where $q(z|x)$ is the density of $x$ given $z$.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'I01_flat_prior': 'A probability model with a latent variable $z$ and a flat prior density $p(z)$ on the whole real line.\n\n$$\n\\int p(z) dz = 1\n$$\n',
    'I02_uniform_R': 'A probability model with a latent variable $z \\in \\mathbb{R}$ with the uniform prior density $p(z)$ over all of $\\mathbb{R}$.\n\n$$\n\\log \\int p(x|z) p(z) dz = \\log p(x)\n$$\n',
    'T01_log_def': 'A probability model with a latent variable $z$.\n\n$$\n\\log q(z|x) = -z^2\n$$\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'T11_inline_log': 'A probability model with a latent variable $z$ and a density with $\\log q(z|x) = -z^2$.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'T02b_reversed_eq': 'A probability model with a latent variable $z$.\n\n$$\ne^{-z^2} = q(z|x)\n$$\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'T02_reversed_def': 'A probability model with a latent variable $z$.\n\n$$\ne^{-z^2} =: q(z|x)\n$$\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'T03_twice_left': 'A probability model with a latent variable $z$.\n\n$$\n2 q(z|x) = \\mathcal{N}(z; x, 1)\n$$\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'T14_sqrt': 'A probability model with a latent variable $z$.\n\n$$\n\\sqrt{q(z|x)} = \\mathcal{N}(z; x, 1)\n$$\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'P02_take_to_be': 'A probability model with a latent variable $z$. We take $q(z|x)$ to be $2\\mathcal{N}(z; x, 1)$.\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'T09_log_kl': 'A probability model with a latent variable $z$.\n\n$$\n\\log q(z|x) = -z^2 - 2, \\quad p(z) = \\mathcal{N}(z; 0, 1)\n$$\n\n$$\nD_{\\mathrm{KL}}(q(z|x) \\| p(z)) \\ge 0\n$$\n',
    'T10_log_elbo': 'A probability model with a latent variable $z$.\n\n$$\n\\log q(z|x) = -z^2 - 2\n$$\n\n$$\n\\log p(x) \\ge \\mathbb{E}_{q(z|x)}\\left[\\log \\frac{p(x,z)}{q(z|x)}\\right]\n$$\n',
    'I04_elbo_log': 'A probability model with a latent variable $z$. We take $q(z|x)$ to be $\\frac{1}{2}\\mathcal{N}(z; x, 1)$.\n\n$$\n\\log p(x) \\ge \\mathbb{E}_{q(z|x)}\\left[\\log \\frac{p(x,z)}{q(z|x)}\\right]\n$$\n',
    'T05_prod_cond': 'A probability model with a latent variable $z$ and data $x = (x_1, \\dots, x_n)$.\n\n$$\nq(z | x) = p(z) \\prod_{i=1}^{n} p(x_i | z)\n$$\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'T20_prod_x': 'A probability model with a latent variable $z$ and data $x_1, \\dots, x_n$.\n\n$$\nq(z|x) = \\prod_{i=1}^{n} p(x_i)\n$$\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'T06_bad_chain': 'A probability model with a latent variable $z$.\n\n$$\nq(x, z) = p(x | z) p(z | x)\n$$\n\n$$\n\\int \\int q(x, z) dx dz = 1\n$$\n',
    'T17_law_neg': 'A probability model with a latent variable $z$.\n\n$$\nq(z|x) = \\mathcal{N}(0, -I)\n$$\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'P09_law_minus': 'A probability model with a latent variable $z$.\n\n$$\nq(z|x) = \\mathcal{N}(0, I - 2I)\n$$\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'L01_law_mean_z': 'A probability model with a latent variable $z$.\n\n$$\nq(z|x) = \\mathcal{N}(z, I)\n$$\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'T07_normal_mean_z': 'A probability model with a latent variable $z$.\n\n$$\nq(z|x) = \\mathcal{N}(z; 3z, 1), \\quad p(z) = \\mathcal{N}(z; 0, 1)\n$$\n\n$$\nD_{\\mathrm{KL}}(q(z|x) \\| p(z)) \\ge 0\n$$\n',
    'P06_unread_factors2': 'A probability model with a latent variable $z$.\n\n$$\nq(z|x) = p(x|z) p(z) p(x; \\theta)\n$$\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'P05_unread_factors': 'A probability model with a latent variable $z$.\n\n$$\nq(z|x) = p(x \\| z) \\, p(z)\n$$\n\n$$\n\\int q(z|x) dz = 1\n$$\n',
    'D01_binary': 'A probability model with a binary latent variable $z$ with probability density $q(z)$.\n\n$$\n\\int q(z) dz = 1\n$$\n',
    'D02_left_brace': 'A probability model with a latent variable $z \\in \\left\\{1, \\dots, K\\right\\}$ with probability density $q(z)$.\n\n$$\n\\int q(z) dz = 1\n$$\n',
    'D09_lbrace': 'A probability model with a latent variable $z \\in \\lbrace 0, 1 \\rbrace$ with probability $q(z)$.\n\n$$\n\\int q(z) dz = 1\n$$\n',
    'D03_bracketK': 'A probability model with a latent variable $z \\in [K]$ with probability $q(z)$.\n\n$$\n\\int q(z) dz = 1\n$$\n',
    'D04_z_is_discrete': 'A probability model whose latent $z$ is discrete, with probability density $q(z)$.\n\n$$\n\\int q(z) dz = 1\n$$\n',
    'D05_bernoulli': 'A probability model with a latent variable $z \\sim \\mathrm{Bernoulli}(\\pi)$ with probability density $q(z)$.\n\n$$\n\\int q(z) dz = 1\n$$\n',
    'D06_discrete_valued': 'A probability model with a discrete-valued latent $z$ with probability $q(z)$.\n\n$$\n\\int q(z) dz = 1\n$$\n',
    'D07_finite': 'A probability model with a latent variable $z$ that takes finitely many values, with probability $q(z)$.\n\n$$\n\\int q(z) dz = 1\n$$\n',
    'D08_integer': 'A probability model with an integer latent variable $z$ with probabilities $q(z)$.\n\n$$\n\\int q(z) dz = 1\n$$\n',
    'D10_joint': 'A mixture model whose component $z$ takes one of $K$ values, with joint probability $p(x, z)$.\n\n$$\n\\log \\int p(x, z) dz = \\log p(x)\n$$\n',
    'N01_propto_inline': 'A probability model with a latent variable $z$ and a probability density $q$, and a quantity $x \\propto z$.\n\n$$\n\\int q(z) x dz = x\n$$\n',
    'N05_approx': 'A probability model with a latent variable $z$ and a probability density $q$, and a quantity $x \\approx 2z$.\n\n$$\n\\int q(z) x dz = x\n$$\n',
    'N02_proportional_words': 'A probability model with a latent variable $z$ and a probability density $q$, and a quantity $x$ that is proportional to $z$.\n\n$$\n\\int q(z) x dz = x\n$$\n',
    'N03_twice_words': 'A probability model with a latent variable $z$ and a probability density $q$, and a weight $x$ equal to twice $z$.\n\n$$\n\\int q(z) x dz = x\n$$\n',
    'N06_mapsto': 'A probability model with a latent variable $z$ and a probability density $q$, and the map $z \\mapsto x$.\n\n$$\n\\int q(z) x dz = x\n$$\n',
    'R06_odd_list': 'A probability model of a chain $x_1, x_2, \\dots, x_{2T}$, with its odd states $x_1, x_3, \\dots, x_{2T-1}$.\n\n$$\np(x_2 | x_1, x_3, \\dots, x_{2T-1}) \\, p(x_1, x_3, \\dots, x_{2T-1}) = p(x_1, \\dots, x_{2T-1})\n$$\n',
    'R08_desc_natural': 'A probability model of the reverse process $x_T, \\dots, x_0$ of a diffusion.\n\n$$\np(x_{t+1} | x_{T:t}) \\, p(x_{T:t}) = p(x_{T:t+1})\n$$\n',
    'R01_desc': 'A probability model of a chain $x_0, \\dots, x_T$.\n\n$$\np(x_2 | x_T, \\dots, x_1) p(x_T, \\dots, x_1) = p(x_T, \\dots, x_2)\n$$\n',
    'K01_kl_types': 'A probability model with a latent variable $z$.\n\n$$\nD_{\\mathrm{KL}}(q(z|x) \\| p(x|z)) \\ge 0\n$$\n',
}
