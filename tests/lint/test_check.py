"""Checking the steps of posts: planted slips found at their line, correct posts pass, no false proof."""

from __future__ import annotations

from pathlib import Path

import pytest

from derivations.lint import lint_text
from derivations.lint.check import HINT, Options, Status

CORPUS = Path(__file__).resolve().parent / "corpus"

#: Each corpus post: the line of its one planted slip, the slip, and its correction.
SLIPS = {
    "slip_completed_square.md": (10, r"x + \frac{b}{2a}", r"x - \frac{b}{2a}"),
    "slip_sqrt_noise.md": (10, r"+ (1-\alpha_t)\boldsymbol", r"+ \sqrt{1-\alpha_t}\boldsymbol"),
    "slip_index.md": (
        19, r"\frac{1-\bar\alpha_{t}}{1-\bar\alpha_t}", r"\frac{1-\bar\alpha_{t-1}}{1-\bar\alpha_t}",
    ),
    "slip_variance_for_std.md": (8, r"\frac{1}{\sigma^2\sqrt{2\pi}}", r"\frac{1}{\sigma\sqrt{2\pi}}"),
    "slip_posterior_mean.md": (
        19, r"&= \mathbf{x}_t - \frac{\beta_t}{\sqrt{1-\bar\alpha_t}}\boldsymbol{\epsilon}",
        r"&= \frac{1}{\sqrt{\alpha_t}}"
        r"\left(\mathbf{x}_t - \frac{\beta_t}{\sqrt{1-\bar\alpha_t}}\boldsymbol{\epsilon}\right)",
    ),
}


def lint(text: str, **options):
    return lint_text(text, Options(**options))


def statuses(report) -> list[tuple[int, str]]:
    return [(step.line, step.status.value) for step in report.steps]


@pytest.mark.parametrize("name", sorted(SLIPS))
def test_planted_slip_is_refuted_at_its_line(name: str) -> None:
    """The one planted slip is the one refuted step, at its line, with a residual and a point."""
    line, slip, _ = SLIPS[name]
    text = (CORPUS / name).read_text()
    assert text.splitlines()[line - 1].count(slip) == 1
    report = lint(text)
    refuted = [step for step in report.steps if step.status is Status.REFUTED]
    assert [step.line for step in refuted] == [line]
    assert refuted[0].residual and refuted[0].residual != "0"
    assert refuted[0].counterexample is not None
    assert all(step.status is Status.PROVED for step in report.steps if step.line != line)


@pytest.mark.parametrize("name", sorted(SLIPS))
def test_corrected_post_is_proved_throughout(name: str) -> None:
    """With the slip corrected, every step of the post is proved (the check is not just noise)."""
    _, slip, fix = SLIPS[name]
    report = lint((CORPUS / name).read_text().replace(slip, fix))
    assert report.steps and all(step.status is Status.PROVED for step in report.steps), statuses(report)


def test_clean_post_passes() -> None:
    """The clean post: every step proved, including its integral and its noise merge."""
    report = lint((CORPUS / "clean.md").read_text())
    assert statuses(report) == [(10, "proved"), (11, "proved"), (18, "proved"), (26, "proved"),
                                (27, "proved")]
    assert report.blocks == 3  # the code block and inline code are not math


MERGE = r"""
$$
\begin{aligned}
&\sqrt{\alpha_t}\boldsymbol{\epsilon}_{t-2} + \sqrt{1-\alpha_t}\boldsymbol{\epsilon}_{t-1} \\
&= \boldsymbol{\epsilon}
\end{aligned}
$$
"""


def test_noise_merge_without_normals_is_undecided_with_a_hint() -> None:
    """Merging noise terms is not an identity: without declared normals it is undecided, with the hint."""
    (step,) = lint(MERGE).steps
    assert step.status is Status.UNDECIDED
    assert step.method == f"{HINT}: epsilon, epsilon_t-1, epsilon_t-2"


def test_noise_merge_with_declared_normals_is_proved_and_a_wrong_variance_refuted() -> None:
    """--normal turns on equality in distribution; a merged noise with the wrong scale is refuted."""
    normals = ("epsilon", "eps_tm1", r"\epsilon_{t-2}")
    assert statuses(lint(MERGE, normals=normals)) == [(5, "proved")]
    wrong = lint(MERGE.replace(r"&= \boldsymbol{\epsilon}", r"&= 2\boldsymbol{\epsilon}"), normals=normals)
    assert statuses(wrong) == [(5, "refuted")]
    assert "variance: " in wrong.steps[0].method


def test_front_matter_declares_normals() -> None:
    """A 'derivations: {normal: [...]}' front matter works like --normal."""
    text = "---\nderivations: {normal: [epsilon, epsilon_t-1, epsilon_t-2]}\n---\n" + MERGE
    assert [s.status for s in lint(text).steps] == [Status.PROVED]


INTEGRAL = r"""---
derivations: {positive: [B]}
---

$$
\begin{align}
I &= \int_{-\infty}^{\infty} e^{-B (t - x)^2} dt \\
&= \int_{-\infty}^{\infty} e^{-B (t + x)^2} dt \\
&= \sqrt{\frac{\pi}{B}}
\end{align}
$$
"""


def test_sign_slip_inside_an_integral_is_a_refuted_integrand_with_the_value_unchanged() -> None:
    """A sign slip in a shifted square changes the integrand (refuted) but not the integral's value."""
    report = lint(INTEGRAL)
    assert statuses(report) == [(8, "refuted"), (9, "proved")]
    slip = report.steps[0]
    assert slip.method.startswith("the integrand differs from the line before")
    assert slip.note == "the integral's value is unchanged (proved)"


def test_wrong_integral_value_is_refuted() -> None:
    """A wrong closed form of a Gaussian integral (pi/B without the root) is refuted."""
    report = lint(INTEGRAL.replace(r"\sqrt{\frac{\pi}{B}}", r"\frac{\pi}{B}"))
    assert statuses(report)[-1] == (9, "refuted")


def test_definitions_of_the_post_are_substituted() -> None:
    """A post's own definition (x_t = ..., read one step back for x_{t-1}) proves a substitution step."""
    text = r"""
$$\mathbf{x}_t = \sqrt{\alpha_t}\mathbf{x}_{t-1} + \sqrt{1-\alpha_t}\boldsymbol{\epsilon}_{t-1}$$

$$
\begin{align}
y &= \mathbf{x}_{t-1} \\
&= \sqrt{\alpha_{t-1}}\mathbf{x}_{t-2} + \sqrt{1-\alpha_{t-1}}\boldsymbol{\epsilon}_{t-2}
\end{align}
$$
"""
    (step,) = lint(text).steps
    assert step.status is Status.PROVED and step.method.endswith("after substituting the post's definitions")


def test_function_definitions_unfold_in_later_lines() -> None:
    """g_1(t) = ... defines g_1; a later line using g_1(t) is checked with that definition."""
    text = r"""
$$g_1(t) = A_1 \exp(-B_1 t^2)$$

$$
\begin{align}
h &= g_1(t) \cdot 2 \\
&= 2 A_1 e^{-B_1 t^2} \\
&= 2 A_1 e^{B_1 t^2}
\end{align}
$$
"""
    assert statuses(lint(text)) == [(7, "proved"), (8, "refuted")]


def test_proportional_step_is_checked_in_the_variable_of_the_density() -> None:
    r"""'p(x) \propto ... \propto ...': the second step holds in x (the density's variable).

    A changed exponent is refuted.
    """
    good = r"$$p(x) \propto e^{-\frac{(x-\mu)^2}{2}} \propto e^{-\frac{x^2}{2} + \mu x}$$"
    first, second = lint(good).steps
    assert first.status is Status.UNDECIDED  # the density itself is opaque
    assert second.status is Status.PROVED and "the ratio does not depend on x" in second.method
    _, bad = lint(good.replace(r"+ \mu x", r"+ 2\mu x")).steps
    assert bad.status is Status.REFUTED


def test_proportional_without_a_density_is_undecided() -> None:
    r"""A bare '\propto' has no variable to be proportional in: undecided, never proved in whatever symbol is absent."""
    (step,) = lint(r"$$e^{-\frac{(x-\mu)^2}{2}} \propto e^{-\frac{x^2}{2} + \mu x}$$").steps
    assert step.status is Status.UNDECIDED and "in which variable" in step.method


def test_approximation_and_opaque_lines_are_never_proved() -> None:
    r"""'\approx' is undecided; an opaque expectation is not proved equal to what it is not known to be."""
    text = r"""
$$
\begin{aligned}
&a + b \\
&\approx a \\
&= \mathbb{E}[a] \\
&= a
\end{aligned}
$$
"""
    report = lint(text)
    assert [s.line for s in report.steps] == [5, 6, 7]
    assert all(s.status is not Status.PROVED for s in report.steps)
    assert report.steps[0].method == "an approximation: not checked"


def test_a_name_introduced_by_a_step_makes_a_refutation_undecided() -> None:
    """A step that brings in a new name (alphabar after alpha) may use an unseen definition: undecided."""
    text = r"$$\alpha_t \alpha_{t-1} = \bar\alpha_t$$"
    (step,) = lint(text).steps
    assert step.status is Status.UNDECIDED and step.method.startswith("introduces alphabar_t")


def test_implication_is_proved_when_its_consequent_is_the_only_solution() -> None:
    r"""'P \implies sigma^2 = ...' is proved when it is P's only solution, refuted when it is no solution."""
    text = (r"$$\frac{\frac{1}{4\sigma_1^2\sigma_2^2}}{\frac{1}{2\sigma_1^2} + \frac{1}{2\sigma_2^2}}"
            r" = \frac{1}{2\sigma^2} \implies \sigma^2 = \sigma_1^2 + \sigma_2^2$$")
    assert statuses(lint(text)) == [(1, "proved")]
    wrong = text.replace(r"\sigma_1^2 + \sigma_2^2$$", r"\sigma_1 + \sigma_2$$")
    assert statuses(lint(wrong)) == [(1, "refuted")]


def test_a_greek_function_defined_by_a_label_unfolds_later() -> None:
    r"""'\phi(t) = ...' defines phi; a later '\phi(t)\phi(t) = ...' is checked with it; a slip is refuted."""
    text = "$$\\phi(t) = e^{-t^2/2}$$\n\n$$\\phi(t) \\cdot \\phi(t) = e^{-t^2}$$\n"
    assert statuses(lint(text)) == [(3, "proved")]
    assert statuses(lint(text.replace("e^{-t^2}$$", "e^{-2t^2}$$"))) == [(3, "refuted")]
