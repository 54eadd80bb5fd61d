# ruff: noqa: E501  (the posts as the review wrote them, one a line)
r"""The tenth adversarial review's findings (December 2026, "find a false proved", attacking the ninth's fixes):
each proved a false line, and none proves anything now (tests/lint/test_recent_reviews.py runs them).

Causes: a value reaching a divisor through a chain of equations, an equation, words ("equals"), the row's
own values (", \quad x = 1", \text{at}), a function the post defines, or sigma_0 from Ho's empty product;
tan and log where they have no value; capitals that are matrices, operators, projections, gates or the
elements of a Lie algebra in words no list holds (now: any step resting on two capitals commuting is
undecided, lint.commuting); "diffusion" of heat; alpha and beta given other meanings in words (a guidance
scale, an inverse temperature up to 10, a beta-VAE weight); sigma any real, a sign, a difference, a
covariance entry sigma_{12}; noises said dependent in other words or another sentence; a definition in a
display after the step.

Still open (not in FOUND; the note of issue 15 lists it): N(mu, sigma) with sigma a standard deviation, which the
post says in words (E1).
"""

FOUND = {
    'Z1 definition chain y = x - 1, x = 1': 'Let $x = 1$ and $y = x - 1$.\n\n$$\\frac{y}{y} = 1$$\n',
    'Z2 definition chain with a subscripted name': 'Let $x = 1$ and $y_1 = 2x - 2$.\n\n$$\\frac{y_1}{y_1} = 1$$\n',
    'Z3 value through another name': 'Let $a = 1$ and $x = a$.\n\n$$\\frac{x-1}{x-1} = 1$$\n',
    'Z4 definition in a display, value in prose': '$$y = x - 1$$\n\nLet $x = 1$.\n\n$$\\frac{y^2}{y} = y$$\n',
    'Z5 a = b stated symbolically': 'Let $a = b$.\n\n$$\\frac{a-b}{a-b} = 1$$\n',
    'Z6 value stated by an equation 2x = 2': 'Let $2x = 2$.\n\n$$\\frac{x-1}{x-1} = 1$$\n',
    'Z7 value stated as x - 1 = 0': 'Suppose $x - 1 = 0$.\n\n$$\\frac{x-1}{x-1} = 1$$\n',
    'Z8 value in words: equals': 'Suppose $x$ equals $1$.\n\n$$\\frac{x-1}{x-1} = 1$$\n',
    'Z9 value in words: be equal to': 'Let $x$ be equal to $1$.\n\n$$\\frac{x-1}{x-1} = 1$$\n',
    'Z10 row condition \\text{at}': '$$\\frac{x-1}{x-1} = 1 \\quad \\text{at } x = 1$$\n',
    'Z11 row condition \\text{evaluated at}': '$$\\frac{x-1}{x-1} = 1 \\quad \\text{evaluated at } x = 1$$\n',
    'Z12 row condition \\text{setting}': '$$\\frac{x-1}{x-1} = 1 \\quad \\text{setting } x = 1$$\n',
    'Z13 row condition after a comma': '$$\\frac{x-1}{x-1} = 1, \\quad x = 1$$\n',
    'Z14 row condition after a semicolon': '$$\\frac{x-1}{x-1} = 1; \\quad x = 1$$\n',
    'Z15 aligned && \\text{at}': '$$\\begin{aligned} \\frac{x^2-1}{x-1} &= x + 1 && \\text{at } x = 1 \\end{aligned}$$\n',
    'Z16 \\overset{\\text{at } x=1}{=}': '$$\\frac{x-1}{x-1} \\overset{\\text{at } x=1}{=} 1$$\n',
    'Z17 tan at pi/2': 'Let $\\theta = \\pi/2$.\n\n$$\\tan(\\theta)\\cos(\\theta) = \\sin(\\theta)$$\n',
    'Z18 function the post defines, cancelled at definition': 'Let $g(u) = \\frac{u^2}{u}$.\n\n$$g(0) = 0$$\n',
    'Z19 function defined in a display': '$$h(u) = \\frac{u-1}{u-1}$$\n\n$$h(1) = 1$$\n',
    'Z20 exp(log u) at u = 0': 'Let $u = 0$.\n\n$$\\exp(\\log u) = u$$\n',
    'Z21 DDPM sigma_0 = sqrt(1 - alphabar_0) = 0': 'In DDPM, $\\bar\\alpha_t = \\prod_{s=1}^{t} \\alpha_s$ and $\\sigma_t = \\sqrt{1 - \\bar\\alpha_t}$.\n\n$$\\frac{\\sigma_0^2}{\\sigma_0} = \\sigma_0$$\n',
    'Z22 sigma_t^2 = 1 - alphabar_t in a diffusion post': 'A diffusion model with $\\sigma_t^2 = 1 - \\bar\\alpha_t$.\n\n$$\\frac{\\sigma_0^2}{\\sigma_0} = \\sigma_0$$\n',
    'M1 indexed matrices in a sum (declared)': 'Let $A_i$, $B_i$ be matrices.\n\n$$\\sum_{i=1}^{n} A_i B_i = \\sum_{i=1}^{n} B_i A_i$$\n',
    'M2 weight matrices W_t in a sum': 'Let $W_t \\in \\mathbb{R}^{d \\times d}$ be the weight matrices.\n\n$$\\sum_{t=1}^{T} W_t W_{t-1} = \\sum_{t=1}^{T} W_{t-1} W_t$$\n',
    'M3 R^{d_out x d_in} (braces in the dimensions)': 'Let $W \\in \\mathbb{R}^{d_{\\text{out}} \\times d_{\\text{in}}}$ and $V \\in \\mathbb{R}^{d_{\\text{in}} \\times d_{\\text{out}}}$.\n\n$$WV = VW$$\n',
    'M4 3 x 3 (digits)': 'Let $A$ and $B$ be $3 \\times 3$.\n\n$$AB = BA$$\n',
    'M5 2\\times2': 'Let $A, B$ be $2\\times2$.\n\n$$AB = BA$$\n',
    'M6 M_n(R)': 'Let $A, B \\in M_n(\\mathbb{R})$.\n\n$$AB = BA$$\n',
    'M7 Mat_n(R)': 'Let $A, B \\in \\mathrm{Mat}_n(\\mathbb{R})$.\n\n$$AB = BA$$\n',
    'M8 R^{n,n}': 'Let $A, B \\in \\mathbb{R}^{n,n}$.\n\n$$AB = BA$$\n',
    'M9 unicode R^{n x n}': 'Let $A, B \\in ℝ^{n×n}$.\n\n$$AB = BA$$\n',
    'M10 attention: a transpose in the prose': 'Attention computes $\\mathrm{softmax}(QK^\\top/\\sqrt{d})V$.\n\n$$QK = KQ$$\n',
    'M11 projections': 'Let $P$ and $Q$ be projections.\n\n$$PQ = QP$$\n',
    'M12 permutations': 'Let $P$ and $Q$ be permutations.\n\n$$PQ = QP$$\n',
    'M13 operators': 'Let $A$ and $B$ be operators.\n\n$$AB = BA$$\n',
    'M14 Hamiltonian and momentum operator': 'Let $H$ be the Hamiltonian operator and $P$ the momentum operator.\n\n$$HP = PH$$\n',
    'M15 tensors': 'Let $A$ and $B$ be tensors.\n\n$$AB = BA$$\n',
    'M16 square': 'Let $A$ and $B$ be square.\n\n$$AB = BA$$\n',
    'M17 Lie algebra BCH': 'Let $X$ and $Y$ be elements of a Lie algebra.\n\n$$e^X e^Y = e^{X+Y}$$\n',
    'M18 Lie algebra commutator': 'Let $X$ and $Y$ be elements of a Lie algebra.\n\n$$XY - YX = 0$$\n',
    'M19 Pauli operators': 'Let $X$ and $Z$ be Pauli operators.\n\n$$XZ = ZX$$\n',
    'M20 quantum gates': 'Let $H$ and $X$ be quantum gates.\n\n$$HX = XH$$\n',
    'S1 heat diffusion: a diffusivity alpha_i': 'In the heat diffusion equation, each material has a thermal diffusivity $\\alpha_i > 0$ (in $\\mathrm{mm}^2/\\mathrm{s}$).\n\n$$\\sqrt{(1-\\alpha_i)^2} = 1 - \\alpha_i$$\n',
    'S2 reaction-diffusion rates': 'A reaction-diffusion system with reaction rates $\\beta_k$.\n\n$$\\sqrt{(1-\\beta_k)^2} = 1 - \\beta_k$$\n',
    'S3 beta-VAE weight annealed to 4': 'Our latent diffusion model uses a $\\beta$-VAE whose KL weight $\\beta_k$ is annealed from 1 to 4.\n\n$$\\sqrt{(1-\\beta_k)^2} = 1 - \\beta_k$$\n',
    'S4 inverse temperature up to 10': 'A diffusion sampler anneals the inverse temperature $\\beta_k$ up to 10.\n\n$$\\sqrt{(1-\\beta_k)^2} = 1 - \\beta_k$$\n',
    'S5 guidance scale alpha_t = 7.5': 'A diffusion model with classifier-free guidance scale $\\alpha_t$ (we use 7.5).\n\n$$\\sqrt{(1-\\alpha_t)^2} = 1 - \\alpha_t$$\n',
    'S6 alpha_k may be negative': 'A diffusion model. The coefficients $\\alpha_k$ may be negative.\n\n$$\\sqrt{\\alpha_k^2} = \\alpha_k$$\n',
    'G1 sigma any real number': 'Here $\\sigma$ is any real number.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'G2 sigma any real, derivative': 'Here $\\sigma$ is any real number.\n\n$$\\frac{d}{d\\sigma}\\sqrt{\\sigma^2} = 1$$\n',
    'G3 sigma the sign of x': 'Let $\\sigma$ denote the sign of $x$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'G4 sigma the difference of a and b': 'Let $\\sigma$ be the difference of $a$ and $b$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'G5 sigma_12 a covariance': 'Let $\\sigma_{12}$ be the covariance of $x_1$ and $x_2$.\n\n$$\\sqrt{\\sigma_{12}^2} = \\sigma_{12}$$\n',
    'G6 sigma_xy cross-covariance': 'Here $\\sigma_{xy}$ is the cross-covariance.\n\n$$\\sqrt{\\sigma_{xy}^2} = \\sigma_{xy}$$\n',
    'G7 sigma_ij entries of Sigma': 'Let $\\Sigma = (\\sigma_{ij})$.\n\n$$\\sqrt{\\sigma_{ij}^2} = \\sigma_{ij}$$\n',
    'G8 Ising spins up or down': 'In the Ising model, each spin $\\sigma_i$ points up or down.\n\n$$\\sqrt{\\sigma_i^2} = \\sigma_i$$\n',
    'N1 correlation rho': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nThe noises $z_1$ and $z_2$ have correlation $\\rho = 0.9$.\n\n$$z_1 + z_2 \\overset{d}{=} \\sqrt{2} z_3$$\n',
    'N2 not independent': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nNote that $z_1$ and $z_2$ are not independent.\n\n$$z_1 + z_2 \\overset{d}{=} \\sqrt{2} z_3$$\n',
    'N3 correlated, in the next sentence': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nTake the noises $z_1$ and $z_2$. They are correlated.\n\n$$z_1 + z_2 \\overset{d}{=} \\sqrt{2} z_3$$\n',
    'N4 antithetic': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nWe use antithetic sampling: $z_2$ is the mirror image of $z_1$.\n\n$$z_1 + z_2 \\overset{d}{=} \\sqrt{2} z_3$$\n',
    'N5 identical': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nThe two steps share one noise: $z_1$ and $z_2$ are identical.\n\n$$z_1 + z_2 \\overset{d}{=} \\sqrt{2} z_3$$\n',
    'N6 definition after, in a display': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\n$$z_1 + \\epsilon \\overset{d}{=} z_2 + \\epsilon$$\n\nwhere\n\n$$\\epsilon = -z_1.$$\n',
    'N7 definition after, in words (denotes)': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\n$$z_1 + \\epsilon_1 \\overset{d}{=} z_2 + \\epsilon_1$$\n\nHere $\\epsilon_1$ denotes $-z_1$.\n',
    'N8 definition in the same display after \\qquad': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\n$$z_1 + \\epsilon \\overset{d}{=} z_2 + \\epsilon, \\qquad \\epsilon = -z_1$$\n',
}
