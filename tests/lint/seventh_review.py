# ruff: noqa: E501  (the posts as the review wrote them, one a line)
"""The seventh adversarial review's findings (December 2026, "find a false proved", 166 attacks): each proved a
false line, and none proves anything now (tests/lint/test_conventions.py runs them).

Causes: any p, q, P, Q call read as a positive density, whatever the post says of it, and a two-argument
call read as symmetric; the forward closed form cited for a post whose own forward step was not read;
values the reader cannot read taken to agree with a convention; math in ``\\(...\\)`` and signs given in words.
"""

FOUND = {
    'A1 P(0) = -1': 'Let $P$ be a polynomial with $P(0) = -1$.\n\n$$|P(0)| = P(0)$$\n',
    'A1 Q(x) = -1': 'Let $Q(x) = -1$ for all $x$.\n\n$$\\sqrt{Q(x)^2} = Q(x)$$\n',
    'A1 q(x) = -x^2 display': '$$q(x) = -x^2$$\n\n$$|q(x)| = q(x)$$\n',
    'A1 q(z) < 0': 'We have $q(z) < 0$.\n\n$$\\sqrt{q(z)^2} = q(z)$$\n',
    'A1 p(x) = 0 then p/p': 'Here $p(x) = 0$.\n\n$$\\frac{p(x)}{p(x)} = 1$$\n',
    'A1 q(1)/q(1)': '$$q(x) = x - 1$$\n\n$$\\frac{q(1)}{q(1)} = 1$$\n',
    'A1 Q := x - 1': 'Define\n\n$$Q(x) := x - 1.$$\n\n$$\\frac{Q(1)}{Q(1)} = 1$$\n',
    'A1 log q - log q': 'Here $q(x) = 0$ for all $x$.\n\n$$\\log q(x) - \\log q(x) = 0$$\n',
    'A1 a polynomial P': 'Let $P$ be a polynomial.\n\n$$\\sqrt{P(x)^2} = P(x)$$\n',
    'A1 a price P(t)': 'Let $P$ be the price.\n\n$$|P(t)| = P(t)$$\n',
    "A1 p'(x)": "Let $p$ be a density.\n\n$$|p'(x)| = p'(x)$$\n",
    'A2 P(x, y) = x - y': '$$P(x, y) = x - y$$\n\n$$P(x, y) - P(y, x) = 0$$\n',
    'A2 a bilinear form': 'Let $Q$ be a bilinear form.\n\n$$Q(x, y) - Q(y, x) = 0$$\n',
    'A2 Q(s, a)': 'Let $Q(s, a)$ be the action-value function of state $s$ and action $a$.\n\n$$Q(s, a) - Q(a, s) = 0$$\n',
    'B index s': 'Each step is $q(\\mathbf{x}_{s} \\mid \\mathbf{x}_{s-1}) = \\mathcal{N}(\\mathbf{x}_s; \\mathbf{x}_{s-1}, \\beta_s\\mathbf{I})$.\n\n$$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t; \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n',
    'B no shrinkage': 'Each step is $q(\\mathbf{x}_{t} \\mid \\mathbf{x}_{t-1}) = \\mathcal{N}(\\mathbf{x}_t; \\mathbf{x}_{t-1}, \\beta_t\\mathbf{I})$, with no shrinkage.\n\n$$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t; \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n',
    'B Laplace step': 'In our model each step is $q(\\mathbf{x}_t \\mid \\mathbf{x}_{t-1}) = \\mathrm{Laplace}(\\mathbf{x}_t; \\sqrt{1-\\beta_t}\\mathbf{x}_{t-1}, \\beta_t)$.\n\n$$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t; \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n',
    'B in words': 'In our model each forward step multiplies $\\mathbf{x}_{t-1}$ by two and adds noise of variance $\\beta_t$.\n\n$$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t; \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n',
    'B with \\(': 'In our model each step is \\(q(\\mathbf{x}_t \\mid \\mathbf{x}_{t-1}) = \\mathcal{N}(\\mathbf{x}_t; 2\\mathbf{x}_{t-1}, \\beta_t\\mathbf{I})\\).\n\n$$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t; \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n',
    'C binom': 'Let $\\sigma = -\\binom{4}{2}$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'C floor': 'Let $\\sigma = \\lfloor -1.5 \\rfloor$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'C max': 'Let $\\sigma = -\\max(1, 2)$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'C log_2': 'Let $\\sigma = \\log_2 0.5$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'C schedule max': 'A diffusion model with $\\beta_t = \\max(2, t)$.\n\n$$\\sqrt{\\alpha_t^2} = \\alpha_t$$\n',
    'C integral': 'Let $\\sigma = -\\max(1,2)$.\n\n$$\\int_{-\\infty}^{\\infty} \\frac{1}{\\sqrt{2\\pi}\\sigma} e^{-x^2/(2\\sigma^2)} dx = 1$$\n',
    'C special case': 'Let $\\sigma = -\\max(1,2)$.\n\n$$\\sqrt{\\sigma^2} \\overset{t=1}{=} \\sigma$$\n',
    'C implication': 'Let $\\sigma = -\\max(1,2)$.\n\n$$x = \\sqrt{\\sigma^2} \\implies x = \\sigma$$\n',
    'C sum': 'Let $\\sigma = -\\max(1,2)$.\n\n$$\\sum_{k=1}^{3} \\sqrt{\\sigma^2} = 3\\sigma$$\n',
    'D \\( sigma': 'Let \\(\\sigma = -2\\).\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'D \\( normals': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nHere \\(z_1 = -z_2\\).\n\n$$z_1 + z_2 \\overset{d}{=} \\sqrt{2} z_3$$\n',
    'D be negative': 'Let $\\sigma$ be negative.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'D equal -2': 'Let $\\sigma$ equal $-2$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'D set to': 'Set $\\sigma$ to $-2$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'D assigned': 'The value $-2$ is assigned to $\\sigma$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'D the negative slope': 'Let $\\sigma$ be the (negative) slope.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'D variance four': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nHere $z_1$ has variance four.\n\n$$z_1 + z_2 \\overset{d}{=} \\sqrt{2} z_3$$\n',
}
