# ruff: noqa: E501  (the posts as the review wrote them, one a line)
r"""The eleventh adversarial review's findings (December 2026, "find a false proved", attacking the tenth's fixes):
each proved a false line, and none proves anything now (tests/lint/test_recent_reviews.py runs them).

Causes: capitals taken for numbers because a derivative, a determinant, a trace, a norm or a call divides by
them (d L / d W, 1/sqrt(det C)), or because their letter was set to an outer product or to 0; a defined
function's body read with numbers (its order lost); one capital beside a bold vector; values beside a step
in other forms (2\pi, -1/2, another name, an accented name, t = 0 into alpha-bar_t, a tuple); values in
words ("Set $x$ to $1$", "$x$ is $1$", "be $2\pi$"); words about a range anywhere in the sentence ("which is
negative", "can exceed 1", "as large as 2", a number above one); covariance entries sigma_{XY}, sigma_{uv}.

Still open (not in FOUND): "x, y = 1, 2" (Z8), x in {1} (Z9), degrees 180^\circ (Z13).
"""

FOUND = {
    'C1 gradient dL/dW makes W a number': 'For a two-layer linear network we need the gradients $\\frac{\\partial L}{\\partial W_1}$ and $\\frac{\\partial L}{\\partial W_2}$.\n\n$$W_2 W_1 x = W_1 W_2 x$$\n',
    'C2 Gaussian normalizer 1/sqrt(det C)': 'With covariances $C_1$ and $C_2$, the Gaussian normalizers are $\\frac{1}{\\sqrt{\\det C_1}}$ and $\\frac{1}{\\sqrt{\\det C_2}}$.\n\n$$C_1 C_2 = C_2 C_1$$\n',
    'C3 product of Gaussians, det(C1+C2)': 'The product of Gaussians with covariances $C_1$, $C_2$, normalized by $\\frac{1}{\\sqrt{\\det(C_1 + C_2)}}$.\n\n$$C_1 (C_1 + C_2)^{-1} C_2 = C_1 C_2 (C_1 + C_2)^{-1}$$\n',
    'C4 spectral normalization W/sigma(W)': 'Spectral normalization rescales each weight by its largest singular value: $\\bar{W} = \\frac{W}{\\sigma(W)}$, and likewise $V$.\n\n$$WV = VW$$\n',
    'C5 trace normalization K/tr(K)': 'The normalized kernel is $\\frac{K}{\\operatorname{tr}(K)}$; let $L$ be another kernel.\n\n$$KL = LK$$\n',
    'C6 Frobenius norm': 'We normalize by the Frobenius norm, $\\frac{A}{\\|A\\|_F}$.\n\n$$AB = BA$$\n',
    'C7 letter set to an outer product (no capital in the value)': 'Let $P = \\mathbf{u}\\mathbf{u}^\\top$ and $Q = \\mathbf{v}\\mathbf{v}^\\top$ be rank-one projectors.\n\n$$PQ = QP$$\n',
    'C8 zero initialization W_0 = 0 makes every W_k a number': 'We start from $W_0 = 0$ and $V_0 = 0$ (both weight arrays of shape $d$ by $d$).\n\n$$W_1 V_1 = V_1 W_1$$\n',
    'C9 capitals in a defined function body': 'Let $g(X) = X B$.\n\n$$g(A) = B A$$\n',
    'C10 single capital beside a bold vector': 'Here $A\\mathbf{v} = \\lambda\\mathbf{v}$.\n\n$$A\\mathbf{v} = \\mathbf{v}A$$\n',
    'Z1 row value 2\\pi': '$$\\frac{\\sin x}{\\sin x} = 1 \\quad \\text{at } x = 2\\pi$$\n',
    'Z2 row value -\\frac12': '$$\\frac{2x+1}{2x+1} = 1 \\quad \\text{at } x = -\\frac{1}{2}$$\n',
    'Z3 row value another name': '$$\\frac{x-a}{x-a} = 1 \\quad \\text{at } x = a$$\n',
    'Z4 row value of an accented name': 'A diffusion model.\n\n$$\\frac{1-\\bar\\alpha_T}{1-\\bar\\alpha_T} = 1 \\quad \\text{at } \\bar\\alpha_T = 1$$\n',
    'Z5 DDPM row at t = 0': 'In DDPM, $\\alpha_t = 1 - \\beta_t$ and $\\bar\\alpha_t = \\prod_{s=1}^{t} \\alpha_s$.\n\n$$\\frac{1-\\bar\\alpha_{t}}{1-\\bar\\alpha_t} = 1 \\quad \\text{at } t = 0$$\n',
    'Z6 DDPM take t = 1, abar_{t-1}': 'In DDPM, $\\alpha_t = 1 - \\beta_t$ and $\\bar\\alpha_t = \\prod_{s=1}^{t} \\alpha_s$.\n\nTake $t = 1$.\n\n$$\\frac{1-\\bar\\alpha_{t-1}}{1-\\bar\\alpha_{t-1}} = 1$$\n',
    'Z7 tuple assignment': 'Let $(x, y) = (1, 2)$.\n\n$$\\frac{x-1}{x-1} = 1$$\n',
    'Z10 "Set $x$ to $1$"': 'Set $x$ to $1$.\n\n$$\\frac{x-1}{x-1} = 1$$\n',
    'Z11 "Here $x$ is $1$"': 'Here $x$ is $1$.\n\n$$\\frac{x-1}{x-1} = 1$$\n',
    'Z12 "Let $\\theta$ be $2\\pi$"': 'Let $\\theta$ be $2\\pi$.\n\n$$\\frac{\\sin\\theta}{\\sin\\theta} = 1$$\n',
    'S1 ", which is negative,"': 'Here $\\sigma$, which is negative, is a shift.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'S2 "For negative $\\sigma$"': 'For negative $\\sigma$ the formula changes sign.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'S3 "(possibly negative)"': 'The shift $\\sigma$ (possibly negative) is learned.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'S4 sigma-hat may come out negative': 'The estimate $\\hat\\sigma$ is unbiased and may come out negative.\n\n$$\\sqrt{\\hat\\sigma^2} = \\hat\\sigma$$\n',
    'S5 covariance sigma_{XY}': 'The covariance of $X$ and $Y$ is $\\sigma_{XY}$.\n\n$$\\sqrt{\\sigma_{XY}^2} = \\sigma_{XY}$$\n',
    'S6 covariance entries sigma_{uv}': 'The covariance matrix has entries $\\sigma_{uv}$.\n\n$$\\sqrt{\\sigma_{uv}^2} = \\sigma_{uv}$$\n',
    'S7 off-diagonal sigma_{pq}': 'Let $\\Sigma$ have off-diagonal entries $\\sigma_{pq}$.\n\n$$\\sqrt{\\sigma_{pq}^2} = \\sigma_{pq}$$\n',
    'B1 "can exceed 1"': 'A diffusion model. Here $\\alpha_t$ can exceed 1.\n\n$$\\sqrt{(1-\\alpha_t)^2} = 1 - \\alpha_t$$\n',
    'B2 "which grows past one"': 'A diffusion model. The coefficient $\\alpha_t$, which grows past one, is learned.\n\n$$\\sqrt{(1-\\alpha_t)^2} = 1 - \\alpha_t$$\n',
    'B3 step sizes as large as 2': 'A diffusion model. The sampler takes step sizes $\\alpha_t$ as large as 2.\n\n$$\\sqrt{(1-\\alpha_t)^2} = 1 - \\alpha_t$$\n',
    'B4 alpha_t the log-SNR': 'A diffusion model. We write $\\alpha_t$ for the log-SNR, which can be any real number.\n\n$$\\sqrt{(1-\\alpha_t)^2} = 1 - \\alpha_t$$\n',
    'B5 beta_t linear from 0.1 to 20 (no "SDE")': 'A diffusion model. The schedule $\\beta_t$ increases linearly from $0.1$ to $20$.\n\n$$\\sqrt{(1-\\beta_t)^2} = 1 - \\beta_t$$\n',
    'B6 guidance usually larger than one': 'A diffusion model. The guidance strength $\\alpha_t$ is usually larger than one.\n\n$$\\sqrt{(1-\\alpha_t)^2} = 1 - \\alpha_t$$\n',
    'B7 EDM scaling alpha_t is sqrt(sigma^2+1)': 'A diffusion model. In EDM the scaling $\\alpha_t$ is $\\sqrt{\\sigma_t^2 + 1}$.\n\n$$\\sqrt{(1-\\alpha_t)^2} = 1 - \\alpha_t$$\n',
}
