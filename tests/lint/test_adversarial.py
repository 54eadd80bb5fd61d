"""The adversarial reviews of December 2026 ("find a false proved"), each finding a post: none proves anything now."""

from __future__ import annotations

import pytest

from derivations.lint import lint_text
from derivations.lint.check import Options


def verdicts(text: str) -> list[str]:
    return [step.status.value for step in lint_text(text, Options()).steps]


#: Posts the reader proved, though false (a reader of the rendered page sees a false line).
FOUND = {
    # found by the adversarial review of the front door (helper attacks, December 2026)
    'sin^-1 read as 1/sin': '$$\\sin^{-1}(x)\\,\\sin(x) = 1$$\n',
    'tan^-1 read as 1/tan': '$$\\tan^{-1}(x) = \\frac{\\cos(x)}{\\sin(x)}$$\n',
    'bold Greek matrices commute': '$$\\mathbf{\\Sigma}\\mathbf{\\Lambda} = \\mathbf{\\Lambda}\\mathbf{\\Sigma}$$\n',
    'bold Greek determinant as a scalar': ('For a $d \\times d$ covariance matrix:\n'
                                           '\n'
                                           '$$|2\\boldsymbol{\\Sigma}| = 2|\\boldsymbol{\\Sigma}|$$\n'),
    'bold Greek inverse of a product':
        r"$$(\boldsymbol{\Sigma}\boldsymbol{\Lambda})^{-1} = \boldsymbol{\Sigma}^{-1}\boldsymbol{\Lambda}^{-1}$$",
    "a 'for no' condition as a hypothesis": '$$\\sqrt{x^2} = x \\quad \\text{for no } x > 0$$\n',
    "an 'if not' condition as a hypothesis": '$$\\sqrt{x^2} = x \\quad \\text{if not } x > 0$$\n',
    'cross product associative':
        r"$$\mathbf{u}\times(\mathbf{v}\times\mathbf{w}) = (\mathbf{u}\times\mathbf{v})\times\mathbf{w}$$",
    'cross product commutes': '$$\\mathbf{a}\\times\\mathbf{b} = \\mathbf{b}\\times\\mathbf{a}$$\n',
    'a definition in a differentiated variable ignored': '$$y = x^2$$\n\n$$\\frac{d}{dx} x y = y$$\n',
    'a definition in an integrated variable ignored':
        "$$u = x^2$$\n\n" r"$$\int_{-\infty}^{\infty} u\, e^{-x^2}\, dx = u\sqrt{\pi}$$",
    'a value at step t carried to t-1': 'Here $x_t = 1$ (the value at the current step).\n\n$$x_t + x_{t-1} = 2$$\n',
    'd/dx of one factor of a product': '$$\\frac{d}{dx} x (x+1) = x + 1$$\n',
    'd/dx of one factor, cos x x': '$$\\frac{d}{dx} \\cos(x)\\, x = -x\\sin(x)$$\n',
    'KL with a negative variance': '$$D_{KL}(\\mathcal{N}(0,-1) \\| \\mathcal{N}(0,1)) = -1 - \\frac{i\\pi}{2}$$\n',
    'a sum over i of x_ij as a constant': '$$\\sum_{i=1}^{3} x_{ij} = 3x_{ij}$$\n',
    'a sum over j of y^(j) as a constant': '$$\\sum_{j=1}^{3} y^{(j)} = 3y^{(j)}$$\n',
    'a double sum of x_ij': '$$\\sum_{i=1}^{3}\\sum_{j=1}^{3} x_{i j} = 9x_{ij}$$\n',
    'a trace a_ii as a constant': '$$\\sum_{i=1}^{3} a_{ii} = 3a_{ii}$$\n',
    'a thin space in 1,000': '$$1\\,000 = 0$$\n',
    'a thin space in 12,345': '$$12\\,345 = 4140$$\n',
    'a macro redefined in a code block': ('$\\newcommand{\\two}{2}$\n'
                                          '\n'
                                          '$$\\two + \\two = 6$$\n'
                                          '\n'
                                          'A code sample, not rendered as math:\n'
                                          '\n'
                                          '```latex\n'
                                          '\\renewcommand{\\two}{3}\n'
                                          '```\n'),
    'a macro redefined in an HTML comment': ('$\\newcommand{\\k}{2}$\n'
                                             '\n'
                                             '$$\\k^2 = 25$$\n'
                                             '\n'
                                             '<!-- old draft: \\renewcommand{\\k}{5} -->\n'),
    'a macro used before its redefinition': ('$\\newcommand{\\n}{2}$\n'
                                             '\n'
                                             'First, with $\\n = 2$:\n'
                                             '\n'
                                             '$$\\n + \\n = 6$$\n'
                                             '\n'
                                             'Later the shorthand is redefined.\n'
                                             '\n'
                                             '$\\renewcommand{\\n}{3}$\n'),
    'd/dx x^2 times x': '$$\\frac{d}{dx}x^2 \\cdot x = 2x^2$$\n',
    'proportional by a negative factor': '$$p(x) \\propto e^{-x^2} \\propto -e^{-x^2}$$\n',
    '1/2x read as x/2': '$$1/2x = \\frac{x}{2}$$\n',
    # the second adversarial round (December 2026)
    'sin x2': '$$\\sin x^2 = (\\sin x)^2$$\n',
    'log x2': '$$\\log x^2 = (\\log x)^2$$\n',
    'log sigma2': '$$\\log\\sigma^2 = (\\log\\sigma)^2$$\n',
    'exp x2': '$$\\exp x^2 = e^{2x}$$\n',
    'sqrt16': '$$\\sqrt16 = 4$$\n',
    'sqrt23': '$$\\sqrt23 = \\sqrt{23}$$\n',
    'cuberoot27': '$$\\sqrt[3]27 = 3$$\n',
    'sup minus': '$$2^-10 = 2^{-10}$$\n',
    'sum reversed symbolic': '$$\\sum_{k=n}^{n-2} 1 = -1$$\n',
    'prod reversed symbolic': '$$\\prod_{k=n}^{n-2} k = \\frac{1}{n-1}$$\n',
    'sum special case negative': (
        '$$\n'
        '\\begin{aligned}\n'
        'f &= \\sum_{k=1}^{n} 1 \\\\\n'
        '&\\overset{(b)}{=} -3\n'
        '\\end{aligned}\n'
        '$$\n'
        '\n'
        '- (b) at $n = -3$\n'
    ),
    'sigma defined negative': '$$\\sigma = -2$$\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'sigma special case negative': (
        '$$\n'
        '\\begin{aligned}\n'
        'f &= \\sqrt{\\sigma^2} \\\\\n'
        '&\\overset{(b)}{=} -1\n'
        '\\end{aligned}\n'
        '$$\n'
        '\n'
        '- (b) at $\\sigma = -1$\n'
    ),
    'alpha t defined negative': 'A diffusion model. Let $\\alpha_t = -1$.\n\n$$\\sqrt{\\alpha_t^2} = \\alpha_t$$\n',
    'ddpm own alphabar': (
        'In DDPM,\n'
        '\n'
        '$$\\bar\\alpha_t = \\alpha_t^2$$\n'
        '\n'
        '$$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t;'
        ' \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n'
    ),
    'ddpm alphabar prod beta': (
        'In DDPM, let $\\bar\\alpha_t = \\prod_{i=1}^{t}\\beta_i$.\n'
        '\n'
        '$$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t;'
        ' \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n'
    ),
    'ddpm own forward shifted': (
        'In DDPM, $$q(\\mathbf{x}_{t+1} \\mid \\mathbf{x}_{t}) = \\mathcal{N}(\\mathbf{x}_{t+1};'
        ' 2\\mathbf{x}_{t}, \\beta_{t+1}\\mathbf{I})$$\n'
        '\n'
        '$$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t;'
        ' \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n'
    ),
    'ddpm own forward equation': (
        'In DDPM, each step is $\\mathbf{x}_t = \\mathbf{x}_{t-1} + \\sqrt{\\beta_t}\\boldsymbol{\\epsilon}_t$.\n'
        '\n'
        '$$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t;'
        ' \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n'
    ),
    'ddpm own forward later': (
        'In DDPM, $$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t;'
        ' \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n'
        '\n'
        'Our model: $$q(\\mathbf{x}_t \\mid \\mathbf{x}_{t-1}) = \\mathcal{N}(\\mathbf{x}_t;'
        ' 2\\mathbf{x}_{t-1}, \\beta_t\\mathbf{I})$$\n'
    ),
    'declaration in code block': (
        'Declare names like this:\n'
        '\n'
        '```markdown\n'
        '<!-- derivations: {positive: [x]} -->\n'
        '```\n'
        '\n'
        '$$\\sqrt{x^2} = x$$\n'
    ),
    'declaration in inline code': (
        'Write `<!-- derivations: {normal: [Z_1, Z_2, Z_3]} -->` to declare noise.\n'
        '\n'
        '$$Z_1 + Z_2 = \\sqrt{2} Z_3$$\n'
    ),
    'i index in prose': 'Here $i = 1$ is the first index.\n\n$$i^2 = -1$$\n',
    'i as sum limit': '$$\\sum_{k=1}^{i} k \\cdot 0 = i^2 + 1$$\n',
    'e as variable': 'Let $e = y - \\hat{y}$ be the residual.\n\n$$\\ln e = 1$$\n',
    'kl negative variance condition': (
        '$$D_{KL}(\\mathcal{N}(0, x - 1) \\| \\mathcal{N}(0, 1)) = \\frac{1}{2}(x - 2 - \\log(x-1))'
        ' \\quad (x < 1)$$\n'
    ),
    # the fourth adversarial round, on the newest reading rules (December 2026)
    'reason leak2': (
        '$$\n'
        '\\begin{aligned}\n'
        'f &\\overset{(a)}{=} (\\lambda + 1)^2 \\\\\n'
        '&\\overset{(b)}{=} 1\n'
        '\\end{aligned}\n'
        '$$\n'
        '\n'
        '- (a) given\n'
        '- (b) with $\\lambda = 0$\n'
        '\n'
        '$$(\\lambda + 1)^2 = 1$$\n'
    ),
    'e aligned': (
        'Let the residual be\n'
        '\n'
        '$$\n'
        '\\begin{aligned}\n'
        'e &= y - \\hat{y}\n'
        '\\end{aligned}\n'
        '$$\n'
        '\n'
        '$$\\ln e = 1$$\n'
    ),
    'e bracket': 'Let the residual be\n\\[\ne = y - \\hat{y}\n\\]\n\n$$\\ln e = 1$$\n',
    'i aligned': '$$\n\\begin{aligned}\ni &= 2\n\\end{aligned}\n$$\n\n$$i^2 = -1$$\n',
    'ho alpha own': (
        'In DDPM, each step is $\\mathbf{x}_t = \\sqrt{1-\\beta_t}\\mathbf{x}_{t-1} +'
        ' \\sqrt{\\beta_t}\\boldsymbol{\\epsilon}_{t-1}$.\n'
        'Let $\\alpha_t = 1 - \\beta_t^2$ and $\\bar\\alpha_t = \\prod_{i=1}^{t}\\alpha_i$.\n'
        '\n'
        '$$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t;'
        ' \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n'
    ),
    'quad number': '$$\n\\begin{aligned}\n2x &= x \\\\\n&\\qquad (2)\n\\end{aligned}\n$$\n',
    'sum one half': (
        '$$\n'
        '\\begin{aligned}\n'
        'f &\\overset{(a)}{=} \\sum_{k=1}^{n} 1 \\\\\n'
        '&\\overset{(b)}{=} \\frac{1}{2}\n'
        '\\end{aligned}\n'
        '$$\n'
        '\n'
        '- (a) given\n'
        '- (b) at $n = \\frac{1}{2}$\n'
    ),
    'sigma chain neg': (
        'A diffusion model. Let $\\sigma_1 = \\tau - 2$ and $\\tau = 1$.\n'
        '\n'
        '$$\\sqrt{\\sigma_1^2} = -1$$\n'
    ),
    'pos chain neg': (
        '<!-- derivations: {positive: [a_1]} -->\n'
        '\n'
        'Let $a_1 = b_1 - 2$ and $b_1 = 1$.\n'
        '\n'
        '$$\\sqrt{a_1^2} = -1$$\n'
    ),
    'i in set': 'For each $i \\in \\{1, 2, 3\\}$ we have:\n\n$$(i - 1)(i + 1) = -2$$\n',
    'e noise': 'The model is $y = ax + e$, where $e \\sim \\mathcal{N}(0, 1)$ is the noise.\n\n$$\\ln e = 1$$\n',
    'quad eqno': '$$2a = a \\qquad (2)$$\n',
    'at self': (
        '$$\n'
        '\\begin{aligned}\n'
        'y &\\overset{(a)}{=} t^2 \\\\\n'
        '&\\overset{(b)}{=} (t+1)^2\n'
        '\\end{aligned}\n'
        '$$\n'
        '\n'
        '- (a) given\n'
        '- (b) at $t = t + 1$\n'
    ),
    'ho alpha nobar': (
        'In DDPM, each step is $\\mathbf{x}_t = \\sqrt{1-\\beta_t}\\mathbf{x}_{t-1} +'
        ' \\sqrt{\\beta_t}\\boldsymbol{\\epsilon}_{t-1}$.\n'
        'In this post $\\alpha_t = (1 - \\beta_t)^2$.\n'
        '\n'
        '$$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t;'
        ' \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n'
    ),
    'sqrt sigma4': 'A diffusion model. Write $\\sigma_t^2 = -4$.\n\n$$\\sqrt{\\sigma_t^4} = -4$$\n',
    'sqrt s4': 'Write $s_1^2 = -1$.\n\n$$\\sqrt{s_1^4} = -1$$\n',
    'aligned t': '$$\n\\begin{aligned}[t]\nx &= t x\n\\end{aligned}\n$$\n',
    'gathered b': '$$\n\\begin{gathered}[b]\nb = b^2\n\\end{gathered}\n$$\n',
    'quad label': '$$\n\\begin{aligned}\n3y &= y \\\\\n&\\qquad (3)\n\\end{aligned}\n$$\n',
    'kl vec mu': (
        'For $d$-dimensional isotropic Gaussians with a common mean:\n'
        '\n'
        '$$D_{KL}(\\mathcal{N}(\\boldsymbol{\\mu}, \\sigma_1^2\\mathbf{I}) \\|'
        ' \\mathcal{N}(\\boldsymbol{\\mu}, \\sigma_2^2\\mathbf{I})) = \\log\\frac{\\sigma_2}{\\sigma_1} +'
        ' \\frac{\\sigma_1^2}{2\\sigma_2^2} - \\frac{1}{2}$$\n'
    ),
    'ho posterior own alpha': (
        'In DDPM, $q(\\mathbf{x}_t \\mid \\mathbf{x}_{t-1}) = \\mathcal{N}(\\mathbf{x}_t;'
        ' \\sqrt{1-\\beta_t}\\mathbf{x}_{t-1}, \\beta_t\\mathbf{I})$.\n'
        'Here we write $\\alpha_t = 1 - 2\\beta_t$ and $\\bar\\alpha_t = \\prod_{i=1}^{t}\\alpha_i$.\n'
        '\n'
        '$$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t;'
        ' \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n'
    ),
    'align env opt': '$$\n\\begin{split}[t]\nx = t x\n\\end{split}\n$$\n',
    'reason prose false': (
        '$$\n'
        '\\begin{aligned}\n'
        '\\mu_1 + \\mu_2 &\\overset{(a)}{=} 2\\mu_1 \\\\\n'
        '&\\overset{(b)}{=} 2\\mu_2\n'
        '\\end{aligned}\n'
        '$$\n'
        '\n'
        '- (a) for instance if $\\mu_2 = \\mu_1$ (we do not assume it below)\n'
        '- (b) the same\n'
    ),
    # the fifth round, a regression hunt (the cases still open are listed in the closing note)
    'F1 x^{}2': '$$x^{}2 = x^2$$\n',
    'F1 2^{}3': '$$2^{}3 = 8$$\n',
    'F1 sqrt^{}': '$$\\sqrt{x}^{}2 = x$$\n',
    'F3 beta_t = 2': 'A diffusion model. Let $\\beta_t = 2$.\n\n$$\\sqrt{(1-\\beta_t)^2} = 1 - \\beta_t$$\n',
    'F3 alpha_t = 1.5': 'A diffusion model. Let $\\alpha_t = 1.5$.\n\n$$\\sqrt{(1-\\alpha_t)^2} = 1 - \\alpha_t$$\n',
    'F3 alphabar = 3 display': (
        'A diffusion model. \n$$\\bar\\alpha_t = 3$$\n\n$$\\sqrt{(1-\\bar\\alpha_t)^2} = 1 - \\bar\\alpha_t$$\n'
    ),
    'F4 sigma^2 chain': 'Let $\\sigma^2 = \\tau - 5$ and $\\tau = 1$.\n\n$$\\sqrt{\\sigma^4} = -4$$\n',
    'F4 sigma_t^2 chain D': (
        'A diffusion model. Let $\\sigma_t^2 = \\beta_t - 1$ and $\\beta_t ='
        ' 0.5$.\n\n$$\\sqrt{\\sigma_t^4} = \\sigma_t^2$$\n'
    ),
    'F5 triangleq': 'Let $\\sigma \\triangleq -2$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'F5 inline equiv': 'Let $\\sigma \\equiv -2$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'F5 assume sigma<0': 'Assume $\\sigma < 0$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'F6 alpha equiv': (
        'In DDPM, each step is $q(\\mathbf{x}_t \\mid \\mathbf{x}_{t-1}) = \\mathcal{N}(\\mathbf{x}_t;'
        ' \\sqrt{1-\\beta_t}\\mathbf{x}_{t-1}, \\beta_t\\mathbf{I})$.\nLet $\\alpha_t \\equiv 1 -'
        ' \\beta_t^2$.\n\n$$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t;'
        ' \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n'
    ),
    'F6 alpha triangleq': (
        'In DDPM, each step is $q(\\mathbf{x}_t \\mid \\mathbf{x}_{t-1}) = \\mathcal{N}(\\mathbf{x}_t;'
        ' \\sqrt{1-\\beta_t}\\mathbf{x}_{t-1}, \\beta_t\\mathbf{I})$.\nLet $\\alpha_t \\triangleq 1 -'
        ' \\beta_t^2$.\n\n$$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t;'
        ' \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n'
    ),
    'F2 [b]': (
        '$$\n\\begin{aligned}\nf &\\overset{[a]}{=} (\\lambda + 1)^2 \\\\\n&\\overset{[b]}{=}'
        ' 1\n\\end{aligned}\n$$\n\n- [a] given\n- [b] with $\\lambda = 0$\n\n$$(\\lambda + 1)^2 = 1$$\n'
    ),
    'F2 b)': (
        '$$\n\\begin{aligned}\nf &\\overset{a}{=} (\\lambda + 1)^2 \\\\\n&\\overset{b}{=}'
        ' 1\n\\end{aligned}\n$$\n\n- a) given\n- b) with $\\lambda = 0$\n\n$$(\\lambda + 1)^2 = 1$$\n'
    ),
    'F2 (2)': (
        '$$\n\\begin{aligned}\nf &\\overset{(1)}{=} (\\lambda + 1)^2 \\\\\n&\\overset{(2)}{=}'
        ' 1\n\\end{aligned}\n$$\n\n- (1) given\n- (2) with $\\lambda = 0$\n\n$$(\\lambda + 1)^2 = 1$$\n'
    ),
    'F2 **(b)**': (
        '$$\n\\begin{aligned}\nf &\\overset{(a)}{=} (\\lambda + 1)^2 \\\\\n&\\overset{(b)}{=}'
        ' 1\n\\end{aligned}\n$$\n\n- **(a)** given\n- **(b)** with $\\lambda = 0$\n\n$$(\\lambda + 1)^2 = 1$$\n'
    ),
    'F2 (B)': (
        '$$\n\\begin{aligned}\nf &\\overset{(A)}{=} (\\lambda + 1)^2 \\\\\n&\\overset{(B)}{=}'
        ' 1\n\\end{aligned}\n$$\n\n- (A) given\n- (B) with $\\lambda = 0$\n\n$$(\\lambda + 1)^2 = 1$$\n'
    ),
    'F2 (b):': (
        '$$\n\\begin{aligned}\nf &\\overset{(a)}{=} (\\lambda + 1)^2 \\\\\n&\\overset{(b)}{=}'
        ' 1\n\\end{aligned}\n$$\n\n- (a): given\n- (b): with $\\lambda = 0$\n\n$$(\\lambda + 1)^2 = 1$$\n'
    ),
    'F2 numbered list': (
        '$$\n\\begin{aligned}\nf &\\overset{(a)}{=} (\\lambda + 1)^2 \\\\\n&\\overset{(b)}{=}'
        ' 1\n\\end{aligned}\n$$\n\n1. (a) given\n2. (b) with $\\lambda = 0$\n\n$$(\\lambda + 1)^2 = 1$$\n'
    ),
}


@pytest.mark.parametrize("text", FOUND.values(), ids=FOUND.keys())
def test_a_finding_proves_nothing(text: str) -> None:
    """The row is refuted, undecided or unread: never proved."""
    assert "proved" not in verdicts(text)


def test_a_case_in_a_reason_is_the_case_of_its_step_only() -> None:
    """'- (b) At $\\theta = 0$' checks step (b) at theta = 0 and defines nothing for the rest of the post."""
    text = ("$$\n\\begin{aligned}\nf &\\overset{(a)}{=} \\sin(\\theta) + 1\\\\\n"
            "&\\overset{(b)}{=} 1\n\\end{aligned}\n$$\n\n"
            "- (a) given\n- (b) At $\\theta = 0$\n\nFor every angle,\n\n$$\\sin(2\\theta) = 2\\theta$$\n")
    assert verdicts(text) == ["proved", "refuted"]
