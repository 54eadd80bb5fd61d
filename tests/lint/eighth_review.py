# ruff: noqa: E501  (the posts as the review wrote them, one a line)
r"""The eighth adversarial review's findings (December 2026, "find a false proved", about 480 attacks): each proved a
false line, and none proves anything now (tests/lint/test_eighth_review.py runs them).

Causes: plain capitals multiplied as numbers in a post about matrices (A = (1 1; 0 1), "invertible matrices",
R^{n x n}); Ho's schedule relations used for a post that never states them (it said alpha_t = sqrt(1 - beta_t)
in words, a table or code); a relation among the letters with a number on one side; Ho's closed form cited
for a post whose forward step is unread; continuation rows set with \enspace, \hskip, \mkern, \>; densities of
vectors of two letters read per coordinate; a Sigma the post defines taken symmetric; a range wider than the
convention (0 < beta_t < 2); a sign given as "takes negative values"; a schedule letter equal to a name
with a value of its own (gamma_t = 2, beta_t = gamma_t).
"""

H = 'In the diffusion model (DDPM) the noise schedule is $\\beta_t$. '
S = '\n\n$$\\alpha_t + \\beta_t = 1 + 0$$\n'
SQ = '\n\n$$\\sqrt{\\alpha_t^2} = \\alpha_t$$\n'
CF = '$$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t; \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n'
POSTX = '$$q(\\mathbf{x}_{t-1} \\mid \\mathbf{x}_t, \\mathbf{x}_0) = \\mathcal{N}\\left(\\mathbf{x}_{t-1}; \\frac{\\sqrt{\\bar\\alpha_{t-1}}\\beta_t}{1-\\bar\\alpha_t}\\mathbf{x}_0 + \\frac{\\sqrt{\\alpha_t}(1-\\bar\\alpha_{t-1})}{1-\\bar\\alpha_t}\\mathbf{x}_t, \\frac{1-\\bar\\alpha_{t-1}}{1-\\bar\\alpha_t}\\beta_t\\mathbf{I}\\right)$$\n'
R = '$$\\begin{aligned}\nx^2 - 1 &= (x-1)(x+1) \\\\\n&SPACE - 5\n\\end{aligned}$$\n'
FOUND = {
    'A1 n x n matrices': 'Let $A$ and $B$ be $n \\times n$ matrices.\n\n$$AB = BA$$\n',
    'A2 invertible matrices': 'Let $A$ and $B$ be invertible matrices.\n\n$$(AB)^{-1} = A^{-1}B^{-1}$$\n',
    'A3 R^{n x n}': 'Let $W \\in \\mathbb{R}^{n \\times n}$ and $V \\in \\mathbb{R}^{n \\times n}$.\n\n$$WV = VW$$\n',
    'A4 explicit matrices': '$$A = \\begin{pmatrix}1&1\\\\0&1\\end{pmatrix}, \\quad B = \\begin{pmatrix}1&0\\\\1&1\\end{pmatrix}$$\n\n$$AB = BA$$\n',
    'A5 equal to bold': 'Let $A = \\mathbf{M}$ and $B = \\mathbf{N}$.\n\n$$AB = BA$$\n',
    'A6 an SVD': '$$\\mathbf{M} = U S V^\\top$$\n\n$$U S = S U$$\n',
    'A7 QR': 'We factor $\\mathbf{M} = QR$ with $Q$ orthogonal and $R$ upper triangular.\n\n$$QR = RQ$$\n',
    'A7 Jacobian': 'Let $J$ be the Jacobian matrix of $f$ and $H$ its Hessian.\n\n$$JH = HJ$$\n',
    'A7 rotations': 'Let $\\theta$ and $\\phi$ be $3 \\times 3$ rotation matrices.\n\n$$\\theta\\phi = \\phi\\theta$$\n',
    'A7 lowercase': 'Let $a, b \\in \\mathbb{R}^{2 \\times 2}$.\n\n$$ab = ba$$\n',
    'B1 define as': H + 'We define $\\alpha_t$ as $\\sqrt{1-\\beta_t}$.' + S,
    'B2 defeq': H + 'Let $\\alpha_t \\defeq \\sqrt{1-\\beta_t}$.' + S,
    'B3 colon=': H + 'Let $\\alpha_t \\colon= \\sqrt{1-\\beta_t}$.' + S,
    'B4 squared': H + 'Here $\\alpha_t^2 + \\beta_t = 1$.' + S,
    'B5 intermediate': H + 'Let $\\gamma_t = 1 - \\beta_t$ and $\\alpha_t = \\sqrt{\\gamma_t}$.' + S,
    'B6 intermediate displays': H + '\n\n$$\\gamma_t = 1 - \\beta_t$$\n\n$$\\alpha_t = \\sqrt{\\gamma_t}$$\n' + S,
    'B7 functions of t': H + 'Let $\\alpha(t) = \\sqrt{1-\\beta(t)}$.' + S,
    'B8 a table': H + '\n\n| name | value |\n|---|---|\n| $\\alpha_t$ | $\\sqrt{1-\\beta_t}$ |\n' + S,
    'B9 where in the step': H + '\n\n$$\\alpha_t + \\beta_t = 1 + 0, \\quad \\text{where } \\alpha_t = \\sqrt{1-\\beta_t}$$\n',
    'B10 after the step': H + S + '\nwhere $\\alpha_t$ is $\\sqrt{1-\\beta_t}$.\n',
    'B11 in words': H + 'Here $\\alpha_t$ is the square root of $1-\\beta_t$.' + S,
    'B12 another index': H + 'Here $\\alpha_s^2 + \\beta_s = 1$ for every $s$.' + S,
    'B13 denied': H + 'Note that here $\\alpha_t \\neq 1 - \\beta_t$.' + S,
    'B13 sum above 1': H + 'Note that here $\\alpha_t + \\beta_t > 1$.' + S,
    'B14 text display': H + '\n\n$$\\text{Let } \\alpha_t = \\sqrt{1-\\beta_t}.$$\n' + S,
    'B15 code': H + '\n\n```python\nalpha_t = np.sqrt(1 - beta_t)\n```\n' + S,
    'B16 VDM': 'In the variational diffusion model, the signal scale $\\alpha_t$ and noise scale $\\sigma_t$ satisfy $\\alpha_t^2 + \\sigma_t^2 = 1$.\n\n$$\\frac{\\bar\\alpha_t}{\\bar\\alpha_{t-1}} = \\alpha_t + 0$$\n',
    'B17 a zero side': H + 'Here $\\alpha_t - \\sqrt{1-\\beta_t} = 0$.' + S,
    'B17 a ratio': H + 'Here $\\frac{\\alpha_t^2}{1-\\beta_t} = 1$.' + S,
    'B17 display': H + '\n\n$$\\alpha_t^2 + \\beta_t = 1$$\n' + S,
    'B17 display product': H + '\n\n$$\\alpha_t\\sqrt{1-\\beta_t} = 1 - \\beta_t$$\n' + S,
    'B18 a range after': H + 'Here $\\alpha_t = \\sqrt{1-\\beta_t} \\in (0, 1)$.' + S,
    'B18 bounds around': H + 'Here $0 < \\alpha_t = \\sqrt{1-\\beta_t} < 1$.' + S,
    'B18 forall': H + 'Here $\\alpha_t = \\sqrt{1-\\beta_t}\\ \\forall t$.' + S,
    'C1 variance exploding': 'We use the variance-exploding process $\\mathbf{x}_t = \\mathbf{x}_0 + \\sigma_t\\boldsymbol\\epsilon$ of a diffusion model.\n\n' + CF,
    'C2 variance exploding display': 'A diffusion model.\n\n$$\\mathbf{x}_t = \\mathbf{x}_0 + \\sigma_t\\boldsymbol\\epsilon$$\n\n' + CF,
    'C3 a product of steps': 'In DDPM the forward process is $q(\\mathbf{x}_{1:T} \\mid \\mathbf{x}_0) = \\prod_{t=1}^T \\mathcal{N}(\\mathbf{x}_t; 2\\mathbf{x}_{t-1}, \\beta_t\\mathbf{I})$.\n\n' + CF,
    'C4 a sample at t+1': 'In DDPM.\n\n$$\\mathbf{x}_{t+1} = 2\\mathbf{x}_t + \\sqrt{\\beta_{t+1}}\\boldsymbol\\epsilon$$\n\n' + CF,
    'C5 its own closed form': 'In DDPM we have $q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t; \\mathbf{x}_0, t\\mathbf{I})$.\n\n' + CF,
    'C6 two steps': 'In DDPM we have $q(\\mathbf{x}_t \\mid \\mathbf{x}_{t-2}) = \\mathcal{N}(\\mathbf{x}_t; \\mathbf{x}_{t-2}, \\beta_t\\mathbf{I})$.\n\n' + CF,
    'C7 posterior, variance exploding': 'We use the variance-exploding process $\\mathbf{x}_t = \\mathbf{x}_0 + \\sigma_t\\boldsymbol\\epsilon$ of a diffusion model.\n\n' + POSTX,
    'E enspace': R.replace('SPACE', '\\enspace'),
    'E mspace': R.replace('SPACE', '\\mspace{20mu}'),
    'E hskip': R.replace('SPACE', '\\hskip 2em'),
    'E mkern': R.replace('SPACE', '\\mkern18mu'),
    'E hfill': R.replace('SPACE', '\\hfill'),
    'E medium space': R.replace('SPACE', '\\>'),
    'F two sizes': 'Here $\\mathbf{x} \\in \\mathbb{R}^d$ and $\\mathbf{z} \\in \\mathbb{R}^k$ with $k < d$ (a VAE).\n\n$$\\mathcal{N}(\\mathbf{x};\\mathbf{x},\\mathbf{I})\\,\\mathcal{N}(\\mathbf{z};\\mathbf{z},2\\mathbf{I}) = \\mathcal{N}(\\mathbf{x};\\mathbf{x},2\\mathbf{I})\\,\\mathcal{N}(\\mathbf{z};\\mathbf{z},\\mathbf{I})$$\n',
    'G1 explicit Sigma': '$$\\Sigma = \\begin{pmatrix}1 & 2\\\\ 0 & 1\\end{pmatrix}$$\n\n$$\\Sigma^\\top = \\Sigma$$\n',
    'G2 inline': 'Let $\\Sigma = \\begin{pmatrix}1 & 2\\\\ 0 & 1\\end{pmatrix}$.\n\n$$\\Sigma^\\top\\mathbf{x} = \\Sigma\\mathbf{x}$$\n',
    'G3 a product': '$$\\Sigma = \\mathbf{A}\\mathbf{B}$$\n\n$$\\Sigma^\\top = \\Sigma$$\n',
    'G3 Lambda': '$$\\Lambda = \\mathbf{A}\\mathbf{B}$$\n\n$$\\Lambda^\\top = \\Lambda$$\n',
    'G4 cross-covariance': 'Let $\\Sigma$ be the cross-covariance of $\\mathbf{x}$ and $\\mathbf{y}$.\n\n$$\\Sigma^\\top = \\Sigma$$\n',
    'G4 not symmetric': 'Here $\\Sigma$ is a general (not symmetric) matrix.\n\n$$(\\Sigma^{-1})^\\top = \\Sigma^{-1}$$\n',
    'G4 rotation': 'Let $\\Sigma = \\mathbf{R}$ be a rotation.\n\n$$\\Sigma^\\top = \\Sigma$$\n',
    'H sgn': 'Let $\\sigma = \\operatorname{sgn}(-3)$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'H negative values': 'Here $\\sigma$ takes negative values.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'B19 through another name': H + 'Let $\\gamma_t = 2$ and $\\beta_t = \\gamma_t$.' + SQ,
    'B19 displays': H + '\n\n$$\\gamma_t = 2$$\n\n$$\\beta_t = \\gamma_t$$\n' + SQ,
    'B19 value after': H + 'Let $\\beta_t = \\gamma_t$ and $\\gamma_t = 2$.' + SQ,
    'B19 defined after': H + 'Let $\\gamma_t = \\beta_t$ and $\\gamma_t + 1 = 3$.' + SQ,
    'B20 a range past 1': H + 'Here $0 < \\beta_t < 2$.' + SQ,
}
