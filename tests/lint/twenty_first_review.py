# ruff: noqa: E501  (the posts as the review wrote them, one a line)
r"""The twenty-first adversarial review's findings (December 2026, "find a false proved", 12 minutes on the guards of
the twentieth): 33 false proofs, each fixed. tests/lint/test_recent_reviews.py runs them (the reviewer's files, verbatim).

* A. A statement with an integral (``q(z|x) = 2 \\int p(z, w | x) dw``, ``\\int q(z|x) dz = c``) ties its density.
* B. A normal law whose variance the post defines (``v = 1 - 2``) may be no density.
* C, D. More words for mass ("integrates to one half", "sums to two", "the area under") and for discrete variables
  ("a finite set", "a class label", "boolean").
* E. A factor that the words or an equation tie to the variable: the sum rule now takes out of an integral only
  numbers and densities of names the integral holds fixed.
"""

FOUND = {
    'H01_integral_def': 'A probability model with a latent variable $z$.\n\n$$\nq(z|x) = 2 \\int p(z, w | x) dw\n$$\n\n$$\n\\int q(z|x) dz = 1\n$$\n\n',
    'H02_mass_symbol': 'A probability model with a latent variable $z$.\n\n$$\n\\int q(z|x) dz = c\n$$\n\n$$\nc = 2\n$$\n\n$$\n\\int q(z|x) dz = 1\n$$\n\n',
    'H05_one_half': 'A probability model with a latent variable $z$. The density $q(z|x)$ integrates to one half.\n\n$$\n\\int q(z|x) dz = 1\n$$\n\n',
    'H06_1slash2': 'A probability model with a latent variable $z$. The density $q(z|x)$ integrates to 1/2.\n\n$$\n\\int q(z|x) dz = 1\n$$\n\n',
    'H07_double': 'A probability model with a latent variable $z$, where $q(z|x)$ is double the posterior density.\n\n$$\n\\int q(z|x) dz = 1\n$$\n\n',
    'H11_appositive': 'A probability model with a latent variable $z$. Let $q(z|x)$, the log posterior, be given.\n\n$$\n\\int q(z|x) dz = 1\n$$\n\n',
    'H12_finite_set': 'A probability model with a latent variable $z$ in a finite set.\n\n$$\n\\log \\int p(x, z) dz = \\log p(x)\n$$\n\n',
    'H13_takes_values': 'A probability model with a latent variable $z$ that takes the values 0 and 1.\n\n$$\n\\log \\int p(x, z) dz = \\log p(x)\n$$\n\n',
    'H15_has_mass': 'A probability model with a latent variable $z$, where $q(z|x)$ has mass two.\n\n$$\n\\int q(z|x) dz = 1\n$$\n\n',
    'N01_sum_of': 'A probability model with a latent variable $z$ and a probability density $q$, and a quantity $x$ that is the sum of $z$ and one.\n\n$$\n\\int q(z) x dz = x\n$$\n\n',
    'N02_grows': 'A probability model with a latent variable $z$ and a probability density $q$, and a quantity $x$ that grows with $z$.\n\n$$\n\\int q(z) x dz = x\n$$\n\n',
    'N03_inline_density': 'A probability model with a latent variable $z$ and a probability density $q$, and a quantity $x = p(z)$.\n\n$$\n\\int q(z) x dz = x\n$$\n\n',
    'N05_plus': 'A probability model with a latent variable $z$ and a probability density $q$, and a quantity $x$ that is $z$ plus one.\n\n$$\n\\int q(z) x dz = x\n$$\n\n',
    'N06_correlated': 'A probability model with a latent variable $z$ and a probability density $q$, and a quantity $x$ correlated with $z$.\n\n$$\n\\int q(z) x dz = x\n$$\n\n',
    'N07_integral_inline': 'A probability model with a latent variable $z$ and a probability density $q$, and a quantity $x = \\int_0^z w \\, dw$.\n\n$$\n\\int q(z) x dz = x\n$$\n\n',
    'N08_set_x_later': 'A probability model with a latent variable $z$ and a probability density $q$.\n\n$$\n\\int q(z) x dz = x\n$$\n\nwhere $x$ is chosen as $z$ plus one.\n\n',
    'D01_label': 'A probability model with a latent class label $z$ of the data $x$.\n\n$$\n\\log \\int p(x, z) dz = \\log p(x)\n$$\n\n',
    'D02_coin': 'A probability model with a latent coin flip $z$.\n\n$$\n\\log \\int p(x, z) dz = \\log p(x)\n$$\n\n',
    'D03_countable': 'A probability model with a latent variable $z$ taking countably many values.\n\n$$\n\\log \\int p(x, z) dz = \\log p(x)\n$$\n\n',
    'D04_indicator': 'A probability model with a latent indicator variable $z$.\n\n$$\n\\log \\int p(x, z) dz = \\log p(x)\n$$\n\n',
    'D05_cluster': 'A probability model with a latent cluster assignment $z$, one of $K$ clusters.\n\n$$\n\\log \\int p(x, z) dz = \\log p(x)\n$$\n\n',
    'D06_boolean': 'A probability model with a latent boolean $z$.\n\n$$\n\\log \\int p(x, z) dz = \\log p(x)\n$$\n\n',
    'D07_zero_or_one': 'A probability model with a latent variable $z$, which is either $0$ or $1$.\n\n$$\n\\log \\int p(x, z) dz = \\log p(x)\n$$\n\n',
    'D08_natural': 'A probability model with a latent variable $z$, a natural number.\n\n$$\n\\log \\int p(x, z) dz = \\log p(x)\n$$\n\n',
    'W01_normaliser': 'A probability model with a latent variable $z$. The density $q(z|x)$ has normalising constant two.\n\n$$\n\\int q(z|x) dz = 1\n$$\n\n',
    'W02_sums_two': 'A probability model with a latent variable $z$. The density $q(z|x)$ sums to two.\n\n$$\n\\int q(z|x) dz = 1\n$$\n\n',
    'W03_area': 'A probability model with a latent variable $z$. The area under $q(z|x)$ is two.\n\n$$\n\\int q(z|x) dz = 1\n$$\n\n',
    'W05_multiplied': 'A probability model with a latent variable $z$, where $q(z|x)$ is the posterior density multiplied by three.\n\n$$\n\\int q(z|x) dz = 1\n$$\n\n',
    'W06_integrates_15': 'A probability model with a latent variable $z$. The density $q(z|x)$ integrates to 1.5.\n\n$$\n\\int q(z|x) dz = 1\n$$\n\n',
    'W08_exceeds': 'A probability model with a latent variable $z$. The integral of $q(z|x)$ exceeds one.\n\n$$\n\\int q(z|x) dz = 1\n$$\n\n',
    'S03_var_symbol_kl': 'A probability model with a latent variable $z$.\n\n$$\nq(z|x) = \\mathcal{N}(z; x, v), \\quad p(z) = \\mathcal{N}(z; 0, 1)\n$$\n\n$$\nv = 1 - 2\n$$\n\n$$\nD_{\\mathrm{KL}}(q(z|x) \\| p(z)) \\ge 0\n$$\n\n',
    'S09_marginal_plus': 'A probability model with a latent variable $z$.\n\n$$\nq(z) = \\int q(z, w) dw + 1\n$$\n\n$$\n\\int q(z) dz = 1\n$$\n\n',
    'S10_marginal_bounds': 'A probability model with a latent variable $z$.\n\n$$\nq(z) = \\int_0^1 e^{-z^2 w} dw\n$$\n\n$$\n\\int q(z) dz = 1\n$$\n',
}
