# ruff: noqa: E501  (the posts as the review wrote them, one a line)
r"""The ninth adversarial review's findings (December 2026, "find a false proved", about 330 posts): each proved a
false line, and none proves anything now (tests/lint/test_recent_reviews.py runs them).

Causes: ``\propto`` in a bold vector (the variable a MatrixSymbol, the renaming a Symbol: the ratio never
changed); an integration variable named sigma (or alpha_t) read with sigma's positive convention; a divisor
that vanishes at a value the post states (SymPy cancels (x-1)/(x-1) as it builds it); Ho's alpha-bar_0, the
empty product, taken in (0, 1); alpha and beta that are no schedule letters (beta_max, an SDE's rate up to 20,
a Dirichlet's concentrations); matrices multiplied as numbers (a sum or an exponential in the product, a
matrix beside a vector, words the reader missed: C^{n x n}, GL(n), SO(3), plurals, d x d, unitary, quaternions);
a definition in the prose after the display; noises said to be correlated; a sign of sigma given in words or
by a bound through another name.
"""

FOUND = {
    'P1 posterior drops ||x_{t-1}||^2': 'A diffusion model.\n\n$$\\begin{aligned} q(\\mathbf{x}_{t-1} \\mid \\mathbf{x}_t, \\mathbf{x}_0) &\\propto \\exp(-\\|\\mathbf{x}_t - \\mathbf{x}_{t-1}\\|^2) \\\\ &\\propto \\exp(-\\|\\mathbf{x}_{t}\\|^2 + 2\\mathbf{x}_t^\\top\\mathbf{x}_{t-1}) \\end{aligned}$$\n',
    'P2 a Gaussian proportional to 1': '$$\\begin{aligned} p(\\mathbf{x}) &\\propto \\exp(-\\|\\mathbf{x}\\|^2) \\\\ &\\propto 1 \\end{aligned}$$\n',
    'P3 drops the variable entirely': '$$\\begin{aligned} p(\\mathbf{x} \\mid \\mathbf{y}) &\\propto \\exp(-\\|\\mathbf{x} - \\mathbf{y}\\|^2) \\\\ &\\propto \\exp(-\\|\\mathbf{y}\\|^2) \\end{aligned}$$\n',
    'P4 boldsymbol': '$$\\begin{aligned} p(\\boldsymbol{z} \\mid \\boldsymbol{x}) &\\propto \\exp(-\\tfrac12\\|\\boldsymbol{z} - \\boldsymbol{x}\\|^2) \\\\ &\\propto \\exp(\\boldsymbol{z}^\\top\\boldsymbol{x}) \\end{aligned}$$\n',
    'P5 forward marginal': '$$\\begin{aligned} q(\\mathbf{x}_{t} \\mid \\mathbf{x}_0) &\\propto \\exp(-\\|\\mathbf{x}_t - \\mathbf{x}_0\\|^2) \\\\ &\\propto \\exp(2\\mathbf{x}_t^\\top\\mathbf{x}_0) \\end{aligned}$$\n',
    'I1 integral over sigma in [-1, 1]': '$$\\int_{-1}^{1} \\sqrt{\\sigma^2}\\, d\\sigma = \\int_{-1}^{1} \\sigma\\, d\\sigma$$\n',
    'I2 Gaussian first absolute moment': '$$\\int_{-\\infty}^{\\infty} \\frac{|\\sigma|}{\\sqrt{2\\pi}} e^{-\\sigma^2/2}\\,d\\sigma = \\int_{-\\infty}^{\\infty} \\frac{\\sigma}{\\sqrt{2\\pi}} e^{-\\sigma^2/2}\\,d\\sigma$$\n',
    'I3 sigma e^{-sigma^2}': '$$\\int_{-\\infty}^{\\infty} \\sigma e^{-\\sigma^2}\\, d\\sigma = \\int_{-\\infty}^{\\infty} \\sqrt{\\sigma^2} e^{-\\sigma^2} d\\sigma$$\n',
    'I4 schedule letter as integration variable': 'A diffusion model.\n\n$$\\int_{-1}^{1} \\sqrt{\\alpha_t^2}\\,d\\alpha_t = \\int_{-1}^{1}\\alpha_t\\,d\\alpha_t$$\n',
    'I5 sigma_t as integration variable': 'A diffusion model.\n\n$$\\int_{-1}^{1} \\sqrt{\\sigma_t^2}\\,d\\sigma_t = \\int_{-1}^{1}\\sigma_t\\,d\\sigma_t$$\n',
    'I6 expectation over sigma ~ N(0,1)': '$$\\mathbb{E}_{\\sigma \\sim \\mathcal{N}(0,1)}[\\sqrt{\\sigma^2}] = \\mathbb{E}_{\\sigma \\sim \\mathcal{N}(0,1)}[\\sigma]$$\n',
    'Z1 x = 0, x^2/x': 'Let $x = 0$.\n\n$$\\frac{x^2}{x} = x$$\n',
    'Z2 x = 0, x(x+1)/x': 'Let $x = 0$.\n\n$$\\frac{x(x+1)}{x} = x+1$$\n',
    'Z3 x = 1, (x-1)/(x-1)': 'Let $x = 1$.\n\n$$\\frac{x-1}{x-1} = 1$$\n',
    'Z4 x = 2': 'Let $x = 2$.\n\n$$\\frac{x^2-4}{x-2} = x+2$$\n',
    'Z5 n = 3': 'Let $n = 3$.\n\n$$\\frac{n^2 - 9}{n - 3} = n + 3$$\n',
    'Z6 a = b = 2': 'Let $a = 2$ and $b = 2$.\n\n$$\\frac{a-b}{a-b} = 1$$\n',
    'Z7 condition in the row': '$$\\frac{x-1}{x-1} = 1 \\quad \\text{for } x = 1$$\n',
    'Z8 where in the row': '$$\\frac{x-1}{x-1} = 1 \\quad \\text{where } x = 1$$\n',
    'Z9 overset x=1': '$$\\frac{x-1}{x-1} \\overset{x=1}{=} 1$$\n',
    'Z10 log sigma with sigma = 1': 'Let $\\sigma = 1$.\n\n$$\\frac{\\log\\sigma}{\\log\\sigma} = 1$$\n',
    'Z11 x log x / log x, x = 1': 'Take $x = 1$.\n\n$$\\frac{x \\log x}{\\log x} = x$$\n',
    'Z12 DDIM alpha_0 = 1': 'In DDIM, we define $\\alpha_0 = 1$.\n\n$$\\frac{1-\\alpha_0}{1-\\alpha_0} = 1$$\n',
    'Z13 alphabar_0 = 1 by convention': 'A diffusion model. By convention $\\bar\\alpha_0 = 1$.\n\n$$\\frac{\\bar\\alpha_0 - 1}{\\bar\\alpha_0 - 1} = 1$$\n',
    'Z14 alphabar_0 = 1 in a display': 'A diffusion model.\n\n$$\\bar\\alpha_0 = 1$$\n\n$$\\frac{1-\\bar\\alpha_0}{1-\\bar\\alpha_0} = 1$$\n',
    'Z15 sin theta, theta = pi': 'Let $\\theta = \\pi$.\n\n$$\\frac{\\sin\\theta}{\\sin\\theta} = 1$$\n',
    'H1 alphabar_0 under Ho': 'In DDPM, $\\alpha_t = 1 - \\beta_t$ and $\\bar\\alpha_t = \\prod_{s=1}^{t} \\alpha_s$.\n\n$$\\frac{1-\\bar\\alpha_0}{1-\\bar\\alpha_0} = 1$$\n',
    'H2 posterior variance at t = 1': 'In DDPM, $\\alpha_t = 1 - \\beta_t$ and $\\bar\\alpha_t = \\prod_{s=1}^{t} \\alpha_s$.\n\n$$\\frac{1-\\bar\\alpha_{0}}{1-\\bar\\alpha_1}\\beta_1 \\cdot \\frac{1 - \\bar\\alpha_1}{(1-\\bar\\alpha_0)\\beta_1} = 1$$\n',
    'H3 sqrt(1/(1-alphabar_0))': 'In DDPM, $\\alpha_t = 1 - \\beta_t$ and $\\bar\\alpha_t = \\prod_{s=1}^{t} \\alpha_s$.\n\n$$\\sqrt{\\frac{1}{1-\\bar\\alpha_0}}\\sqrt{1-\\bar\\alpha_0} = 1$$\n',
    'M1 declared matrices, a sum in the product': 'Let $A$, $B$ be matrices.\n\n$$A(B + I) = (B + I)A$$\n',
    'M2 (A+I)(B+I)': 'Let $A$, $B$ be matrices.\n\n$$(A + I)(B + I) = (B + I)(A + I)$$\n',
    'M3 e^A e^B = e^{A+B}': 'Let $A$, $B$ be matrices.\n\n$$e^{A} e^{B} = e^{A + B}$$\n',
    'M4 exp(A)exp(B) commute': 'Let $A$, $B$ be matrices.\n\n$$\\exp(A)\\exp(B) = \\exp(B)\\exp(A)$$\n',
    'M5 similarity': 'Let $A$, $B$ be matrices.\n\n$$A B A^{-1} = B$$\n',
    'M6 matrix times vector': 'Let $A \\in \\mathbb{R}^{n \\times n}$ and $x \\in \\mathbb{R}^n$.\n\n$$A x = x A$$\n',
    'M7 linear map': 'Let $A \\in \\mathbb{R}^{n \\times n}$.\n\n$$A (x + y) = x A + A y$$\n',
    'M8 weight matrix': 'Let $W$ be the weight matrix.\n\n$$W x + b = x W + b$$\n',
    'M9 complex matrices': 'Let $A, B \\in \\mathbb{C}^{n \\times n}$.\n\n$$AB = BA$$\n',
    'M10 GL(n)': 'Let $A, B \\in \\mathrm{GL}(n)$.\n\n$$AB = BA$$\n',
    'M11 SO(3)': 'Let $R_1, R_2 \\in SO(3)$.\n\n$$R_1 R_2 = R_2 R_1$$\n',
    'M12 Hessians (plural)': 'Let $H_1$ and $H_2$ be Hessians.\n\n$$H_1 H_2 = H_2 H_1$$\n',
    'M13 Jacobians (plural)': 'By the chain rule for Jacobians, $J_{f\\circ g} = J_f J_g$.\n\n$$J_f J_g = J_g J_f$$\n',
    'M14 m x n and n x m': 'Let $A$ be $m \\times n$ and $B$ be $n \\times m$.\n\n$$AB = BA$$\n',
    'M15 d x d without the word': 'Let $A$, $B$ be $d\\times d$.\n\n$$AB = BA$$\n',
    'M16 linear operators': 'Let $A$ and $B$ be linear operators.\n\n$$AB = BA$$\n',
    'M17 unitary': 'Let $U$ be unitary.\n\n$$UV = VU$$\n',
    'M18 quaternions': 'Let $p$ and $q$ be quaternions.\n\n$$pq = qp$$\n',
    'M19 shape (n, n)': 'Here $A$ has shape $(n, n)$ and so does $B$.\n\n$$AB = BA$$\n',
    'N1 definition after the display': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\n$$z_1 + \\epsilon \\overset{d}{=} z_2 + \\epsilon$$\n\nwhere $\\epsilon = -z_1$.\n',
    'N2 said correlated': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nHere $z_1$ and $z_2$ are correlated.\n\n$$z_1 + z_2 \\overset{d}{=} \\sqrt{2} z_3$$\n',
    'N3 the same draw': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nWe reuse the same noise draw for $z_1$ and $z_2$.\n\n$$z_1 + z_2 \\overset{d}{=} \\sqrt{2} z_3$$\n',
    'S1 sigma > x with x = -5': 'Let $x = -5$ and $\\sigma > x$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'S2 +1 or -1': 'Let $\\sigma$ be $+1$ or $-1$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'S3 Rademacher': 'Let $\\sigma$ be Rademacher.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'S4 random sign': 'Here $\\sigma$ is a random sign.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'S5 below zero in words': 'Here $\\sigma$ is a signed quantity (it can be below zero).\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'B1 VP-SDE beta_max': 'In the VP SDE of a diffusion model, $\\beta(t)$ grows linearly from $\\beta_{\\min}$ to $\\beta_{\\max}$.\n\n$$\\sqrt{(1-\\beta_{\\max})^2} = 1 - \\beta_{\\max}$$\n',
    'B2 VP-SDE beta_t up to 20': 'In the VP SDE of a diffusion model, $d\\mathbf{x} = -\\tfrac12\\beta_t\\mathbf{x}\\,dt + \\sqrt{\\beta_t}\\,d\\mathbf{w}$, with $\\beta_t$ up to 20.\n\n$$\\sqrt{(1-\\beta_t)^2} = 1 - \\beta_t$$\n',
    'B3 Dirichlet concentrations': 'A discrete diffusion model with a Dirichlet prior of concentrations $\\alpha_k$.\n\n$$\\sqrt{(1-\\alpha_k)^2} = 1 - \\alpha_k$$\n',
}

#: Steps the review found wrongly refuted: each is at least not refuted now, or is a slip as read (see the test).
SECONDARY = {
    'R1 x = 1 stated, x^2 + 2x + 1 = 4 refuted': 'Let $x = 1$.\n\n$$\\begin{aligned} (x+1)^2 &= x^2 + 2x + 1 \\\\ &= 4 \\end{aligned}$$\n',
    'R2 x = 1 stated, x + 1 = 2 refuted': 'Let $x = 1$.\n\n$$\\begin{aligned} \\frac{x^2-1}{x-1} &= x + 1 \\\\ &= 2 \\end{aligned}$$\n',
    'R3 alphabar decreasing, refuted': 'A diffusion model.\n\n$$\\sqrt{(\\bar\\alpha_{t-1} - \\bar\\alpha_t)^2} = \\bar\\alpha_{t-1} - \\bar\\alpha_t$$\n',
}
