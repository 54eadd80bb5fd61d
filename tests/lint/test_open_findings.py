"""False proofs the fifth adversarial review found that are not fixed yet (December 2026).

Each still proves a false line. The test is a strict xfail: a fix makes it pass, the run then fails,
and the case moves into ``FOUND`` in ``test_adversarial.py``.
"""

from __future__ import annotations

import pytest

from derivations.lint import lint_text
from derivations.lint.check import Options


def verdicts(text: str) -> list[str]:
    return [step.status.value for step in lint_text(text, Options()).steps]


#: Found by the fifth round and not fixed yet: each still proves a false line. A fix makes its test pass, and
#: strict xfail then fails the run, so the case moves up into FOUND.
OPEN = {
    'F2 prose unless': (
        'Unless $\\mu = 0$, the two sides differ.\n\n$$(\\mu + 1)^2 = 1$$\n'
    ),
    'F2 prose roots': (
        'The roots are $\\mu = 0$ or $\\mu = -2$.\n\n$$(\\mu + 1)^2 = 1$$\n'
    ),
    'F2 prose not assumed': (
        'Note that $\\mu = 0$ is not assumed.\n\n$$(\\mu + 1)^2 = 1$$\n'
    ),
    'F3 beta_t = 2t/T': (
        'A diffusion model. Let $\\beta_t = 2t/T$.\n\n$$\\sqrt{(1-\\beta_T)^2} = 1 - \\beta_T$$\n'
    ),
    'F3 Ho with beta 2': (
        'In DDPM, each step is $q(\\mathbf{x}_t \\mid \\mathbf{x}_{t-1}) = \\mathcal{N}(\\mathbf{x}_t;'
        ' \\sqrt{1-\\beta_t}\\mathbf{x}_{t-1}, \\beta_t\\mathbf{I})$.\nLet $\\beta_t = 2$ for all'
        ' steps.\n\n$$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t;'
        ' \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n'
    ),
    'F4 sigma_t^2 display 1-2': (
        'A diffusion model. \n$$\\sigma_t^2 = 1 - 2$$\n\n$$\\sqrt{\\sigma_t^4} = \\sigma_t^2$$\n'
    ),
    'F5 stackrel def': (
        'Let $\\sigma \\stackrel{\\text{def}}{=} -2$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n'
    ),
    'F5 =:': (
        'Let $-2 =: \\sigma$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n'
    ),
    'F5 reversed': (
        '$$-2 = \\sigma$$\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n'
    ),
    'F5 sigma ~ N(0,1)': (
        'Let $\\sigma \\sim \\mathcal{N}(0, 1)$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n'
    ),
    'F5 latin chain': (
        'Let $\\sigma = a - b$, $a = 1$ and $b = 3$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n'
    ),
    'F6 alpha overset def': (
        'In DDPM, each step is $q(\\mathbf{x}_t \\mid \\mathbf{x}_{t-1}) = \\mathcal{N}(\\mathbf{x}_t;'
        ' \\sqrt{1-\\beta_t}\\mathbf{x}_{t-1}, \\beta_t\\mathbf{I})$.\nLet $\\alpha_t'
        ' \\overset{\\text{def}}{=} 1 - \\beta_t^2$.\n\n$$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) ='
        ' \\mathcal{N}(\\mathbf{x}_t; \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n'
    ),
    'F7 eps ~ N(0,2I)': (
        'In DDPM, each step is $\\mathbf{x}_t = \\sqrt{1-\\beta_t}\\mathbf{x}_{t-1} +'
        ' \\sqrt{\\beta_t}\\boldsymbol{\\epsilon}$ with $\\boldsymbol\\epsilon \\sim'
        ' \\mathcal{N}(\\mathbf{0}, 2\\mathbf{I})$.\n\n$$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) ='
        ' \\mathcal{N}(\\mathbf{x}_t; \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n'
    ),
    'F7 z_t ~ N(0,4I)': (
        'In DDPM, each step is $\\mathbf{x}_t = \\sqrt{1-\\beta_t}\\mathbf{x}_{t-1} +'
        ' \\sqrt{\\beta_t}\\mathbf{z}_t$, $\\mathbf{z}_t \\sim \\mathcal{N}(0,'
        ' 4\\mathbf{I})$.\n\n$$q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t;'
        ' \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0, (1-\\bar\\alpha_t)\\mathbf{I})$$\n'
    ),
    'F7 declared normal with law 4': (
        '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nHere $z_1 \\sim \\mathcal{N}(0,'
        ' 4)$.\n\n$$z_1 + z_2 \\overset{d}{=} \\sqrt{2} z_3$$\n'
    ),
    'F8 sum n<-1': (
        '$$\\sum_{k=1}^{n} 1 = n \\quad \\text{for } n < -1$$\n'
    ),
    'F8 sum k n<0': (
        '$$\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2} \\quad (n < 0)$$\n'
    ),
    'F9 sigma=0 div': (
        'Let $\\sigma = 0$.\n\n$$\\frac{\\sigma}{\\sigma} = 1$$\n'
    ),
}


@pytest.mark.xfail(strict=True, reason="an open false proof (see OPEN)")
@pytest.mark.parametrize("text", OPEN.values(), ids=OPEN.keys())
def test_an_open_finding_still_proves_nothing(text: str) -> None:
    """The same claim as for FOUND; these fail today, and are listed so that they are not forgotten."""
    assert "proved" not in verdicts(text)
