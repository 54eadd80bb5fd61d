"""The linter on the project's own pages (issue 15): the inert spellings they use, and every page linted.

Every step of ``output/NAME.md`` is proved by the engine, so a refutation there is a misreading of
the linter. The few it still makes are listed below with their cause; any other fails the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from derivations.lint import lint_text
from derivations.lint.check import Options, Status

OUTPUT = Path(__file__).resolve().parents[2] / "output"


def verdicts(text: str) -> list[str]:
    return [step.status.value for step in lint_text(text, Options()).steps]


def block(*rows: str) -> str:
    return "$$\n\\begin{align*}\n" + " \\cr\n".join(rows) + "\n\\end{align*}\n$$\n"


def test_rows_end_at_cr() -> None:
    r"""Plain TeX's ``\cr`` ends a row, as ``\\`` does (the pages print it: kramdown eats ``\\``)."""
    assert verdicts(block(r"(x+1)^2 &= x^2 + 2x + 1", r"&= x^2 + 2x + 2")) == ["proved", "refuted"]


def test_a_factor_row_indented_by_quad_runs_on() -> None:
    r"""``&\quad \exp(...)`` continues the side above it as a factor, and ``{}+`` as a term."""
    assert verdicts(block(r"e^{a} e^{b} &= e^{a}", r"&\quad e^{b}")) == ["proved"]
    assert verdicts(block(r"e^{a} e^{b} &= e^{a}", r"&\quad e^{2b}")) == ["refuted"]
    assert verdicts(block(r"(x+1)^2 &= x^2", r"&\quad {}+ 2x + 1")) == ["proved"]


def test_inert_spellings_are_read() -> None:
    r"""``\thinspace``, ``\lt``, ``x^{\prime}`` and ``\lbrace`` mean what ``\,``, ``<``, ``x'`` and ``\{`` do."""
    assert verdicts(r"$$2\thinspace x = x + x$$") == ["proved"]
    assert verdicts(r"$$\sqrt{x^2} = x \quad (x \gt 0)$$") == ["proved"]
    assert verdicts(r"$$f^{\prime} + f^{\prime} = 2f'$$") == ["proved"]


def test_a_power_of_a_function_as_sympy_prints_it() -> None:
    r"""``\cos^{2}{\left(x\right)}`` is cos(x)^2, its argument in parentheses; without them the argument is unclear."""
    assert verdicts(r"$$\cos^{2}{\left(x \right)} = \left(\cos x\right)^{2}$$") == ["proved"]
    assert verdicts(r"$$\cos^{2}{\left(x \right)} = \cos(x)^{3}$$") == ["refuted"]
    assert verdicts(r"$$\sin^{-1}{\left(x \right)} = \frac{1}{\sin(x)}$$") == ["unparsed"]


@pytest.mark.parametrize("text", [
    r"\cos^{2}{x}^{2} = \cos(x)^{4}",  # TeX sets cos^2 of x^2
    r"\sin^{2}{\pi}{x} = 0", r"\sin^{2}{\pi} x = 0", r"\sin^{2}{\pi}(x+1) = 0",  # sin^2 of pi x, as set
    r"\sin^{2}{\pi}/2 = 0", r"\cos^{2}{0}! = 1",
])
def test_a_braced_bare_argument_is_unread(text: str) -> None:
    """Proved before an adversarial review (December 2026): a braced argument does not end where TeX says."""
    assert verdicts(f"$$\n{text}\n$$\n") == ["unparsed"]


def test_a_power_named_by_the_post_is_unread() -> None:
    r"""``\sin^{n}`` with n = -1 in the post would be arcsin: only a positive integer is read as a power."""
    assert "proved" not in verdicts("$$\nn = -1\n$$\n\n$$\n\\sin^{n}{\\left(x\\right)} = \\frac{1}{\\sin(x)}\n$$\n")


def test_a_special_case_listed_under_the_block_is_checked_at_its_values() -> None:
    """``- (b) at $t = 1$``: step (b) is the line before at t = 1, not an identity in t."""
    reasons = "\n- (a) given\n- (b) at $t = 1$: the start\n"
    text = block(r"y &\overset{(a)}{=} t^2 + 1", r"&\overset{(b)}{=} 2") + reasons
    assert verdicts(text) == ["proved"]
    assert verdicts(text.replace(r"{=} 2", r"{=} 3")) == ["refuted"]
    assert verdicts(text.replace("at $t = 1$", "at the start")) == ["undecided"]


def test_equality_in_distribution_with_a_label() -> None:
    r"""``\overset{d,\thinspace (b)}{=}`` is equality in distribution; the page declares its normals."""
    head = "<!-- derivations: {normal: [Z_1, Z_2, Z_3]} -->\n\n"
    good = block(r"Z_1 + Z_2 &\overset{d,\thinspace (a)}{=} \sqrt{2} Z_3")
    assert verdicts(head + good) == ["proved"]
    assert verdicts(head + good.replace(r"\sqrt{2}", "2")) == ["refuted"]


def test_a_defined_square_replaces_its_even_powers() -> None:
    r"""After ``$\sigma_*^2 = 1 + b^2$``, ``\sigma_*^{-4}`` is ``(1 + b^2)^{-2}``; ``\sigma_*`` alone stays unknown.

    (A value not provably positive, ``a + b``, voids sigma's convention: lint.conventions.)
    """
    prose = "Write $\\sigma_*^2 = 1 + b^2$.\n\n"
    assert verdicts(prose + r"$$\frac{1}{\sigma_*^4} = \frac{1}{(1+b^2)^2}$$") == ["proved"]
    assert "proved" not in verdicts(prose + r"$$\sigma_* = \sqrt{1 + b}$$")


#: Refutations the linter still makes on the project's own pages, each with its cause.
KNOWN_MISREADINGS = {
    ("ddim.md", 66): "the induction hypothesis x_t =d ... is stated in the prose with \\overset{d}{=}, not read",
    ("score_and_tweedie.md", 18): "x_t 'from the closed form' is said in words; x_t is no declared noise",
}


def _pages() -> list[Path]:
    return sorted(p for p in OUTPUT.glob("*.md") if p.name != "code.md")


@pytest.mark.slow
@pytest.mark.parametrize("page", _pages(), ids=lambda p: p.name)
def test_own_page_has_no_unknown_refutation(own_lint, page: Path) -> None:
    """Every step of a page is proved by the engine: the linter refutes none but the known misreadings."""
    report = own_lint(page)
    refuted = {(page.name, s.line) for s in report.steps if s.status is Status.REFUTED}
    assert refuted <= set(KNOWN_MISREADINGS), sorted(refuted - set(KNOWN_MISREADINGS))


@pytest.mark.slow
def test_own_pages_proved_figure(own_lint) -> None:
    """The measured figure does not fall back: 136 of 561 steps proved (December 2026; 156 before a statement
    that does not provably agree with a convention voided it, lint.conventions)."""
    proved = sum(s.status is Status.PROVED for page in _pages() for s in own_lint(page).steps)
    assert proved >= 130
