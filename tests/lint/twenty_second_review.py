# ruff: noqa: E501  (the posts as the review wrote them, one a line)
r"""The twenty-second adversarial review's findings (December 2026, "find a false proved", 30 minutes on the
expectation under a product law and the power before a call): 15 false proofs, each fixed.
tests/lint/test_recent_reviews.py runs them (the reviewer's file, verbatim).

* A. A factor of a family indexed by another factor's variable (``p_\theta(x)`` beside ``q(\theta)``) is no
  independent factor: such a product law is unread (latex.product_laws).
* B. The positive convention of a variable is checked in every factor of a product law, as in one density.
* C. A power before the parentheses of a call is seen through ``\left``, ``\big``, spacing and braces
  (``\sigma^2\left(t\right)``, ``g^2\,(t)``, ``{\sigma^2}(t)``): latex.vocabulary.POWER_BEFORE_PARENS.
"""

P = "Mean-field variational inference with probability densities $q_z$ and $q_\\theta$.\n\n"
D = "A diffusion model whose forward SDE has the variance $\\sigma^2(t)$ of the noise; $p$ is a probability density.\n\n"
FOUND = {
    # A. product law whose family subscript names the other factor's variable (p_theta(x) with q(theta)):
    #    accepted as independent, and nested in SymPy's Mul order (not the author's): E_{p_theta(x)}[E_{q(theta)}[.]]
    'family_subscript_swap_x': P + "$$\na = \\mathbb{E}_{q(\\theta) p_\\theta(x)}[x] = \\mathbb{E}_{p_\\theta(x)}[\\mathbb{E}_{q(\\theta)}[x]]\n$$\n",
    'family_subscript_swap_f': P + "$$\na = \\mathbb{E}_{q(\\theta) p_\\theta(x)}[f(x, \\theta)] = \\mathbb{E}_{p_\\theta(x)}[\\mathbb{E}_{q(\\theta)}[f(x, \\theta)]]\n$$\n",
    'family_subscript_swap_phi': P + "$$\na = \\mathbb{E}_{q_\\phi(\\theta) p_\\theta(x)}[\\log p_\\theta(x)] = \\mathbb{E}_{p_\\theta(x)}[\\mathbb{E}_{q_\\phi(\\theta)}[\\log p_\\theta(x)]]\n$$\n",
    # B. positive-convention guard (E_{q(sigma)}) only checks a single Density, not each factor of a product
    'positive_sigma_sqrt': P + "$$\na = \\mathbb{E}_{q(\\mu) q(\\sigma)}[\\sqrt{\\sigma^2}] = \\mathbb{E}_{q(\\mu) q(\\sigma)}[\\sigma]\n$$\n",
    'positive_sigma_log': P + "$$\na = \\mathbb{E}_{q(\\mu) q(\\sigma)}[\\log (\\sigma^2)] = 2 \\mathbb{E}_{q(\\mu) q(\\sigma)}[\\log \\sigma]\n$$\n",
    # C. power before the call's parentheses not seen when \left, \big.., \!, \,, ~, \ , braces come between
    'power_left_diff': D + "$$\na = \\sigma^{2}\\left(t\\right) - \\sigma^{2}\\left(s\\right) = \\sigma^2 (t - s)\n$$\n",
    'power_left': D + "$$\na = \\sigma^2\\left(t\\right) = t \\sigma^2\n$$\n",
    'power_left_density': P + "$$\na = p^2\\left(x\\right) = x p^2\n$$\n",
    'power_left_sub': D + "$$\na = \\sigma_t^2\\left(\\eta\\right) = \\eta \\sigma_t^2\n$$\n",
    'power_big': D + "$$\na = g^2\\big(t\\big) = g^2 t\n$$\n",
    'power_negspace': D + "$$\na = \\sigma^2\\!(t) = t \\sigma^2\n$$\n",
    'power_thinspace': D + "$$\na = g^2\\,(t) = g^2 t\n$$\n",
    'power_tilde': D + "$$\na = g^2~(t) = g^2 t\n$$\n",
    'power_braced_base': D + "$$\na = {\\sigma^2}(t) = t \\sigma^2\n$$\n",
    'power_braced_parens': D + "$$\na = \\sigma^{2}{(t)} = t \\sigma^2\n$$\n",
}
