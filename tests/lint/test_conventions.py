"""What a post says of its conventions, and whether its prose defines: the fifth review's last findings.

The fifth adversarial review (December 2026) found posts that proved a false line because the
linter kept a convention (sigma positive, schedule letters in (0, 1), declared normals standard)
that the post broke in a way it did not read, or took a sentence's math for a definition. Each is
a test here (:mod:`derivations.lint.conventions`, :mod:`derivations.lint.cues`), with the true
posts beside them that must still be proved.
"""

from __future__ import annotations

import pytest

from derivations.lint import lint_text
from derivations.lint.check import Options
from tests.lint.seventh_review import FOUND as SEVENTH
from tests.lint.sixth_review import FOUND as SIXTH


def verdicts(text: str) -> list[str]:
    return [step.status.value for step in lint_text(text, Options()).steps]


#: Found by the fifth round: each proved a false line.
FOUND = {
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


@pytest.mark.parametrize("text", FOUND.values(), ids=FOUND.keys())
def test_a_broken_convention_or_a_sentence_proves_nothing(text: str) -> None:
    assert "proved" not in verdicts(text)


#: Made by us after the fixes: more ways to say the same things.
MORE = {
    'sigma + 2 = 0 in the prose': 'Let $\\sigma + 2 = 0$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'sigma \\le -1': 'Here $\\sigma \\le -1$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    '1 - beta_t < 0 in a diffusion post': (
        'A diffusion model with $1 - \\beta_t < 0$.\n\n$$\\sqrt{(1-\\beta_t)^2} = 1 - \\beta_t$$\n'),
    'alpha_t + beta_t = 3': (
        'A diffusion model, $\\alpha_t + \\beta_t = 3$.\n\n$$\\sqrt{(1-\\beta_t)^2} = 1 - \\beta_t$$\n'),
    'eqqcolon': 'Let $-2 \\eqqcolon \\sigma$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'sigma in the negative reals': 'Let $\\sigma \\in (-\\infty, 0)$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'sigma_t^2 = 0 then a quotient': (
        'A diffusion model. Take $\\sigma_t^2 = 0$.\n\n$$\\frac{\\sigma_t}{\\sigma_t} = 1$$\n'),
    'mu = 0 then mu/mu': 'Let $\\mu = 0$.\n\n$$\\frac{\\mu}{\\mu} = 1$$\n',
    'if mu = 0': 'If $\\mu = 0$, the two sides agree.\n\n$$(\\mu + 1)^2 = 1$$\n',
    'a value in passing': 'For example $\\mu = 0$.\n\n$$(\\mu + 1)^2 = 1$$\n',
    'product over a condition': '$$\\prod_{k=1}^{n} 2 = 2^n \\quad (n < 0)$$\n',
    'a wide space inside one statement': '$$\\sigma \\quad = -2$$\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'a label in words, then a wide space': (
        '$$\\text{let } \\sigma \\quad = -2$$\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n'),
    'the second of two clauses': (
        'Let $x = \\mu + \\sigma z, \\quad \\sigma = -2$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n'),
    'sigma_1^2 = a text that is not a variance': (
        'We know $\\text{Mean}_P(x) = \\sigma_1^2$.\n\n$$\\sqrt{\\sigma_1^2} = \\sigma_1$$\n'),
    'beta_t = t/T^0': 'A diffusion model. Let $\\beta_t = 3t/T$.\n\n$$\\sqrt{(1-\\beta_T)^2} = 1 - \\beta_T$$\n',
}


@pytest.mark.parametrize("text", MORE.values(), ids=MORE.keys())
def test_more_ways_to_break_a_convention_prove_nothing(text: str) -> None:
    assert "proved" not in verdicts(text)


#: True posts: what agrees with a convention keeps it, and a definition with a cue proves.
KEPT = {
    'sigma > 0': 'Let $\\sigma > 0$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'sigma^2 = 4': 'Let $\\sigma^2 = 4$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n',
    'Ho schedule': (
        'A diffusion model with $\\alpha_t = 1 - \\beta_t$ and $\\bar\\alpha_t = \\prod_{s=1}^t \\alpha_s$, where'
        ' $0 < \\beta_1 < \\beta_2 < \\dots < \\beta_T < 1$.\n\n$$\\sqrt{(1-\\beta_t)^2} = \\alpha_t$$\n'),
    'linear schedule': (
        'A diffusion model. Let $\\beta_t = \\beta_1 + \\frac{t - 1}{T - 1}(\\beta_T - \\beta_1)$.\n\n'
        '$$\\sqrt{(1-\\beta_T)^2} = 1 - \\beta_T$$\n'),
    'let mu = 0': 'Let $\\mu = 0$.\n\n$$(\\mu + 1)^2 = 1$$\n',
    'where mu = 0': 'Here the mean is zero, where $\\mu = 0$.\n\n$$(\\mu + 1)^2 = 1$$\n',
    'stackrel def with a positive value': (
        'Let $\\sigma \\stackrel{\\text{def}}{=} 2$.\n\n$$\\sqrt{\\sigma^2} = 2$$\n'),
    'a standard noise': (
        '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nHere $z_1 \\sim \\mathcal{N}(0, 1)$.\n\n'
        '$$z_1 + z_2 \\overset{d}{=} \\sqrt{2} z_3$$\n'),
    'a law of the noise in a second clause': (
        'Let $x = \\mu + \\sigma z, \\quad z \\sim \\mathcal{N}(0, 1)$.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n'),
    'a variance in \\text': 'We know $\\text{Var}_P(x) = \\sigma_1^2$.\n\n$$\\sqrt{\\sigma_1^2} = \\sigma_1$$\n',
}


@pytest.mark.parametrize("text", KEPT.values(), ids=KEPT.keys())
def test_what_agrees_with_a_convention_is_still_proved(text: str) -> None:
    assert verdicts(text)[-1] == "proved"


@pytest.mark.parametrize("text", SIXTH.values(), ids=SIXTH.keys())
def test_the_sixth_reviews_findings_prove_nothing(text: str) -> None:
    assert "proved" not in verdicts(text)


@pytest.mark.parametrize("text", SEVENTH.values(), ids=SEVENTH.keys())
def test_the_seventh_reviews_findings_prove_nothing(text: str) -> None:
    assert "proved" not in verdicts(text)


def test_the_sign_of_an_integral_is_not_judged() -> None:
    """SymPy would judge it by quadrature, with no bound on the work (a real post's bound took minutes)."""
    import sympy as sp

    from derivations.lint.agreement import positive
    from derivations.lint.linter import post_context

    x = sp.Symbol("x", real=True)
    assert not positive(post_context("A post.", Options()), sp.Integral(sp.exp(-x**2), (x, 0, 1)), 1)
