"""Every misreading found in the LaTeX reader: none of them proves anything now, and the true reverse is proved."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.lint import lint_text
from derivations.lint.check import Options, Status


def verdicts(text: str, **options) -> list[str]:
    return [step.status.value for step in lint_text(text, Options(**options)).steps]


#: Posts (or rows) that an earlier reader proved, though false. Each must prove nothing now.
FALSE_PROOFS = {
    "text operator deleted": r"$$\text{Var}(2x) = 2\,\text{Var}(x)$$",
    "propto in an absent symbol": r"$$\exp(-\frac{x^2}{2s})\exp(mx) \propto \exp(-\frac{x^2}{2s})$$",
    "continuation row read as an equality": "$$\n\\begin{aligned}\n(x+1)^2 &= 2x^2 \\\\\n&\\quad + 4x + 2\n"
                                            "\\end{aligned}\n$$",
    "multline continuation": "$$\n\\begin{multline}\n(x+1)^2 = 2(x+1)^2 \\\\\n- (x+1)^2 - 1\n\\end{multline}\n$$",
    "variable capture in integrands": r"$$\int e^{-t^2} dt = \int e^{-x^2+x-t} dx$$",
    "Gamma read as a product": r"$$\Gamma(2) = 2\Gamma(1)$$",
    "Phi read as a product": r"$$\Phi(0) = 0$$",
    "bmod eaten by bm": r"$$5 \bmod 3 = 3 \bmod 5$$",
    "left-right bars unpaired": r"$$\left|a\right| b \left|c\right| = |a||b||c|$$",
    "reversed-limit sum": r"$$\sum_{k=3}^{1} k = -2$$",
    "reversed-limit product": r"$$\prod_{k=3}^{1} k = 1/2$$",
    "comment hides a row break": "$$\n\\begin{aligned}\nx &= y % \\\\\n&= 2y\n\\end{aligned}\n$$",
    "spacing argument as a row head": "$$\n\\begin{aligned}\na &= b \\\\[4pt]\n&= 2b\n\\end{aligned}\n$$",
    "shifted definition": "$$\\beta_t = t/T$$\n\n$$\\beta_t - \\beta_{t-1} = 0$$\n",
    "condition dropped from a definition": "$$x = 0 \\quad \\text{when } a = 0$$\n\n$$x + a = a$$\n",
    "solve trusted for every solution": r"$$\sin x = 1 \implies x = \pi/2$$",
    "bold matrices commute": r"$$(\mathbf{A}\mathbf{B})^{-1} = \mathbf{A}^{-1}\mathbf{B}^{-1}$$",
    "alpha assumed below one": "$$\\sqrt{(1-\\alpha)^2} = 1 - \\alpha$$",
    "definition checked by another case": "$$t = T$$\n\n$$t = 0$$\n",
    # found on the real corpus by the adversarial review (tests/lint/corpus/expected)
    "continuation row with = in a subscript": "$$\n\\begin{aligned}\n(a+1)^2 &= a^2+2a+1 \\\\\n"
                                              "&\\quad + \\sum_{k=1}^{3} k\n\\end{aligned}\n$$",
    "unbraced underbrace label read as a factor": r"$$2x = \underbrace{x}_\text{2}$$",
    "an expectation with no brackets ends at a sum": r"$$\mathbb{E}_{z \sim q} \log p(z) + \log p(z) = "
                                                     r"2\,\mathbb{E}_{z \sim q}\left[\log p(z)\right]$$",
    "calligraphic function read as a product": r"$$\mathcal{L}(a+b) = \mathcal{L}a + \mathcal{L}b$$",
    "transpose read as a power": r"$$(x^T)^2 = x^{2T}$$",
    "log without a backslash read as letters": r"$$log(x y) = log(x) + g l o y$$",
    # Juanito, "Diffusion foundations", line 187; Lozupone, "DDIM", line 211; Scer80, "Reverse-time SDE", line 13
    "a squared function of t read as a product": "$$\\sigma_q^2(t) = 2$$\n\n$$\\sigma_q^2(t) = \\sigma_q^2 t$$\n",
    "a squared function letter of an expression": r"$$a = g^{2}(T-u) = g^2 T - g^2 u$$",
    "a power of a function, the scripts swapped": r"$$a = \sigma^2_t(\eta) = \eta \sigma_t^2$$",
    "an empty operator as a superscript": r"$$a = x^\mathop{}2 = x^2$$",
}


@pytest.mark.parametrize("text", FALSE_PROOFS.values(), ids=FALSE_PROOFS.keys())
def test_a_misreading_proves_nothing(text: str) -> None:
    """The row is refuted, undecided or unread: never proved."""
    assert "proved" not in verdicts(text)


def test_a_power_before_an_expression_in_parentheses_is_still_a_product() -> None:
    """Only where ``name(...)`` would be a call is ``name^2(...)`` unread: ``x^2(x + 1)`` is a product."""
    assert verdicts(r"$$a = x^2(x+1) = x^3 + x^2$$")[-1] == "proved"
    assert verdicts(r"$$a = x^2(x+1) = x^3 + 2x^2$$")[-1] == "refuted"


def test_the_html_block_math_is_seen() -> None:
    """Display math inside an HTML block is read (a renderer sees it), and a slip there is refuted."""
    text = "<div markdown=\"1\">\n\n$$(x+1)^2 = x^2 + 1$$\n\n</div>\n"
    assert verdicts(text) == ["refuted"]


def test_a_post_redefining_a_function_is_checked_against_it() -> None:
    """After p(x) = x^2 (a function of the post), p(3) = 10 is checked and refuted."""
    assert verdicts("$$f(x) = x^2$$\n\n$$f(3) = 10$$\n") == ["refuted"]
    assert verdicts("$$f(x) = x^2$$\n\n$$f(3) = 9$$\n") == ["proved"]


#: True rows an earlier reader refuted; each is proved now.
TRUE_ROWS = {
    "Euler's identity": r"$$e^{i\pi} + 1 = 0$$",
    "Gamma of a half": r"$$\Gamma(\frac12) = \sqrt\pi$$",
    "real cube root": r"$$\sqrt[3]{x^3} = x$$",
    "a stated condition": r"$$\sqrt{x^2} = x \quad (x > 0)$$",
    "empty sum as written": r"$$\sum_{k=3}^{1} k = 0$$",
    "a sum with numbers as limits": r"$$\sum_{k=1}^{3} k^2 = 14$$",
    "log of a quotient of densities": r"$$\log \frac{p(x, z)}{q(z \mid x)} = \log p(x, z) - \log q(z \mid x)$$",
    "an unbraced text subscript": r"$$L_\text{VLB} + L_\text{VLB} = 2 L_{\text{VLB}}$$",
    "an expectation with no brackets": r"$$\mathbb{E}_{z \sim q} \log p(x \mid z) - 1 = "
                                       r"\mathbb{E}_{z \sim q}\left[\log p(x \mid z)\right] - 1$$",
    "a log of an integral with no parentheses": r"$$\log \int p(x, z) \, dz = \log \int \frac{p(x, z) q(z \mid x)}"
                                                r"{q(z \mid x)} dz$$",
    "an integral written intop": r"$$\intop_0^1 x\,dx = \frac12$$",
    "kramdown's escaped brackets in math": r"$$\mathbb{E}_{x \sim \mathcal{N}(0, 1)}\left\[x^2\right\] = 1$$",
    "a Gaussian expectation with no brackets": r"$$\mathbb{E}_{x \sim \mathcal{N}(0, 1)} \frac{x}{2} x = \frac12$$",
    "a superscript before the subscript": r"$$\sigma^2_t + \tilde{\beta}^{2}_{t} = \sigma_t^2 + \tilde{\beta}_t^2$$",
    "a function of a bracket": r"$$\exp\left[-x + c\right] \exp[x] = e^{c}$$",
    # CS236, "VAE notes", lines 113-116: an upright d set apart, as \renewcommand{\d}{\mathop{}\!\mathrm{d}} sets it
    "an upright differential after a space": r"$$\int_0^1 x \, \mathrm{d} x = \frac12$$",
    "an upright differential as an operator": r"$$\int_0^1 x \mathop{}\!\mathrm{d} x = \frac12$$",
}


@pytest.mark.parametrize("text", TRUE_ROWS.values(), ids=TRUE_ROWS.keys())
def test_a_true_row_is_proved(text: str) -> None:
    """What the reader now reads right is proved."""
    assert verdicts(text) == ["proved"]


WRONG_ROWS = {
    "Euler's identity with the sign": r"$$e^{i\pi} - 1 = 0$$",
    "Gamma of a half, squared": r"$$\Gamma(\frac12) = \pi$$",
    "a condition that does not help": r"$$\sqrt{x^2} = -x \quad (x > 0)$$",
    "indexed products, inverted": r"$$\frac{\prod_{i=1}^{t-1}\alpha_i}{\prod_{i=1}^{t}\alpha_i} = \alpha_t$$",
    "a sum with numbers as limits": r"$$\sum_{k=1}^{3} k^2 = 13$$",
    "two unbraced text subscripts": r"$$L_\text{VLB} + L_\text{simple} = 2 L_\text{VLB}$$",
    "a Gaussian expectation with no brackets, wrong": r"$$\mathbb{E}_{x \sim \mathcal{N}(0, 1)} \frac{x}{2} x = "
                                                        r"\frac13 \mathbb{E}_{x \sim \mathcal{N}(0, 1)}[x^2]$$",
    "a superscript before the subscript, wrong": r"$$\sigma^2_t = \sigma_t$$",
    "a function of a bracket, wrong": r"$$\exp\left[-x + c\right] \exp[x] = e^{-c}$$",
    "an upright differential after a space, wrong": r"$$\int_0^1 x \, \mathrm{d} x = \frac13$$",
    "an upright differential as an operator, wrong": r"$$\int_0^1 x \mathop{}\!\mathrm{d} x = \frac13$$",
}


@pytest.mark.parametrize("text", WRONG_ROWS.values(), ids=WRONG_ROWS.keys())
def test_a_wrong_row_is_refuted(text: str) -> None:
    """Each construct has its negative: a broken row is refuted."""
    assert verdicts(text) == ["refuted"]


def test_a_continuation_row_joins_the_sum_it_continues() -> None:
    """'(x+1)^2 = x^2 \\\\ + 2x + 1' is one step, and it is proved."""
    text = "$$\n\\begin{aligned}\n(x+1)^2 &= x^2 \\\\\n&\\quad + 2x + 1\n\\end{aligned}\n$$"
    assert verdicts(text) == ["proved"]


def test_rows_with_no_relation_are_each_equal_to_the_one_before() -> None:
    """A block of forms written one under the other (no '=' anywhere) is a chain of equalities."""
    text = "$$\n\\begin{aligned}\n&(x+1)^2 \\\\\n&x^2 + 2x + 1 \\\\\n&x^2 + 2x\n\\end{aligned}\n$$"
    assert verdicts(text) == ["proved", "refuted"]


def test_schedule_letters_are_below_one_only_in_a_diffusion_post() -> None:
    """sqrt((1 - alpha_t)^2) = 1 - alpha_t holds for a schedule (diffusion post), not for any alpha."""
    row = "$$\\sqrt{(1-\\alpha_t)^2} = 1 - \\alpha_t$$\n"
    assert verdicts("A diffusion model.\n\n" + row) == ["proved"]
    assert verdicts("A Beta distribution.\n\n" + row) != ["proved"]


def test_separate_formulas_are_not_chained() -> None:
    """beta_1 = 10^-4 after 'beta_1 < ... < beta_T' is a statement, not a step checked against it."""
    text = "$$\\beta_1 < \\beta_2$$\n\n$$\\beta_1 = 10^{-4}$$\n\n$$\\eta = 1$$\n\n$$\\eta = 0$$\n"
    assert "refuted" not in verdicts(text)


def test_an_equation_to_solve_is_not_an_identity() -> None:
    """ax^2 + bx + c = 0 is an equation (a statement), not a refuted identity."""
    assert verdicts("$$ax^2 + bx + c = 0$$\n\n$$a(x+d)^2 + e = 0$$\n") == []


def test_declared_noise_with_a_comma_in_its_subscript() -> None:
    r"""--normal accepts any name, \epsilon_{t, t-1} included."""
    text = ("$$\n\\begin{aligned}\nz &= \\sqrt{a}\\epsilon_{t, t-1} \\\\\n"
            "&= -\\sqrt{a}\\epsilon_{t, t-1}\n\\end{aligned}\n$$")
    assert verdicts(text, normals=(r"\epsilon_{t, t-1}",), positive=("a",)) == ["proved"]


#: A diffusion post that states Ho et al.'s forward step and schedule (only then are their results cited).
HO = (r"In DDPM, each step is $q(\mathbf{x}_t \mid \mathbf{x}_{t-1}) = \mathcal{N}(\mathbf{x}_t; \sqrt{1-\beta_t}"
      r"\mathbf{x}_{t-1}, \beta_t\mathbf{I})$ with $\alpha_t = 1 - \beta_t$ and "
      r"$\bar\alpha_t = \prod_{s=1}^{t}\alpha_s$." "\n\n")


def test_built_in_results_are_cited() -> None:
    """In a diffusion post, q(x_t | x_0) = N(x_t; sqrt(abar_t) x_0, (1 - abar_t) I) is proved by citing it."""
    good = HO + (r"$$q(\mathbf{x}_t \mid \mathbf{x}_0) = \mathcal{N}(\mathbf{x}_t; \sqrt{\bar\alpha_t}\mathbf{x}_0,"
                 r" (1-\bar\alpha_t)\mathbf{I})$$")
    (step,) = lint_text(good).steps
    assert step.status is Status.PROVED and "forward_process" in step.method
    bad = good.replace(r"(1-\bar\alpha_t)\mathbf{I}", r"\bar\alpha_t\mathbf{I}")
    assert [s.status for s in lint_text(bad).steps] == [Status.REFUTED]


def test_kl_of_two_normals_is_cited() -> None:
    """D_KL(N(mu_1, s_1^2) || N(mu_2, s_2^2)) equals its closed form, by the proved KL derivation."""
    text = (r"$$D_{KL}(\mathcal{N}(\mu_1, \sigma_1^2) \| \mathcal{N}(\mu_2, \sigma_2^2)) = "
            r"\log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2} - \frac{1}{2}$$")
    (step,) = lint_text(text).steps
    assert step.status is Status.PROVED and "kl_divergence" in step.method
    wrong = text.replace(r"- \frac{1}{2}$$", r"$$")
    assert [s.status for s in lint_text(wrong).steps] == [Status.REFUTED]


# --- found on the real corpus (tests/lint/corpus/real) ------------------------------------

GAMMA_MODEL = (r"In diffusion, $$q(x_{t}\vert x_{t-1})=\mathcal{N}(x_{t}\vert \;\gamma_{t}x_{t-1},I\sigma_{t}^{2})$$"
               "\n\n$$q(x_{t-1} \\vert x_t, x_0) = \\mathcal{N}(x_{t-1}; \\tilde\\mu_t, \\tilde\\beta_t I)$$\n")


def test_a_post_with_its_own_forward_step_cites_none_of_ho() -> None:
    r"""06: the model N(\gamma_t x_{t-1}, I\sigma_t^2) is a definition, and Ho's posterior is not its posterior."""
    steps = lint_text(GAMMA_MODEL).steps
    assert all(step.status is not Status.REFUTED and "Ho et al." not in step.method for step in steps)


ALPHA_BAR = ("In DDPM, each step is $q(\\mathbf{x}_t \\mid \\mathbf{x}_{t-1}) = \\mathcal{N}(\\mathbf{x}_t; "
             "\\sqrt{1-\\beta_t}\\mathbf{x}_{t-1}, \\beta_t\\mathbf{I})$; let $\\alpha_t = 1 - \\beta_t$ and "
             "$\\bar{\\alpha}_t = \\prod_{i=1}^{UPPER} \\alpha_i$.\n\n"
             "$$q(\\mathbf{x}_t \\vert \\mathbf{x}_0) = "
             "\\mathcal{N}(\\mathbf{x}_t; \\sqrt{\\bar{\\alpha}_t} \\mathbf{x}_0, "
             "(1 - \\bar{\\alpha}_t)\\mathbf{I})$$\n")


def test_the_closed_form_means_the_papers_alpha_bar() -> None:
    r"""01: \bar\alpha_t = \prod_{i=1}^T \alpha_i (a slip for t) is not Ho et al.'s schedule, so their closed form
    is not cited (it was, and refuted the row: true under the intended definition); with t it is proved."""
    assert all(step.status is not Status.PROVED for step in lint_text(ALPHA_BAR.replace("UPPER", "T")).steps)
    (right,) = lint_text(ALPHA_BAR.replace("UPPER", "t")).steps
    assert right.status is Status.PROVED and "forward_process" in right.method


@pytest.mark.parametrize("covariance", [r"(1-\bar\alpha_t)I", r"I(1-\bar\alpha_t)"])
def test_the_identity_in_a_covariance_however_it_is_set(covariance: str) -> None:
    """03: a plain I (or I before the variance) in N's covariance is the identity, not a scalar I."""
    text = HO + (r"$$q(x_t|x_0) = \mathcal{N}(x_t; \sqrt{\bar{\alpha}_t}x_0, COV)$$").replace("COV", covariance)
    assert verdicts(text) == ["proved"]


def test_a_sequence_of_arrows_is_not_a_chain() -> None:
    """06: x = x_0 -> x_1 -> ... -> x_T = z names a trajectory; x = x_0 is no identity to refute."""
    assert verdicts(r"$$x=x_{0}\rightarrow x_{1}\rightarrow\cdots\rightarrow x_{T}=z$$") == ["undecided"]


def test_a_density_set_equal_in_a_chain_is_defined() -> None:
    r"""06: q(...) \approx p_\theta(...) = N(...) defines p_\theta; its later use is checked against it."""
    text = ("$$q(x_{t-1}\\vert x_t) \\approx p_{\\theta}(x_{t-1}\\vert x_t) = \\mathcal{N}(x_{t-1}; m, s^2)$$\n\n"
            "$$\\log p_{\\theta}(x_{t-1}\\vert x_t) = -\\frac{(x_{t-1} - m)^2}{2 s^2} - \\log(s\\sqrt{2\\pi})$$\n")
    assert verdicts(text, positive=("s",)) == ["undecided", "proved"]


def test_an_equivalence_between_values_is_a_step() -> None:
    r"""A mid-chain ``\equiv`` between two values is checked (it hid a false step); ``:= L`` names the value."""
    text = "$$\n\\begin{aligned}\n(x+1)^2 &= x^2 + 2x + 1 \\\\\n&\\equiv x^2 \\\\\n&= x^2 + 0\n\\end{aligned}\n$$"
    assert verdicts(text) == ["proved", "refuted", "proved"]
    named = "$$\n\\begin{aligned}\n(x+1)^2 &= x^2 + 2x + 1 := L \\\\\n&= x^2 + 2x + 2\n\\end{aligned}\n$$"
    assert verdicts(named) == ["proved", "refuted"]


def test_an_unbraced_styled_subscript_takes_its_argument() -> None:
    r"""``D_\text{KL}(q \| p)`` is a KL divergence (TeX reads the subscript as ``\text{KL}``), not D times ``{KL}``."""
    from derivations.latex.lexer import lex

    assert [t.type for t in lex(r"D_\text{KL}(q \| p)").tokens] == ["KL", "LPAREN", "NAME", "PARALLEL", "NAME",
                                                                    "RPAREN"]


SQUARE_AND_MORE = "$$\\begin{align} (x+1)^2 &= x^2 + 2x + 1 \\\\ &SPACE + 1 \\end{align}$$"
#: The fourth review of the day: each was proved. A post's own schedule, continuation rows set with space, and two
#: equations on one align row.
FOURTH_REVIEW = {
    "a signal-scale schedule (beta = 1 - alpha^2)": (
        "We write $\\beta_t = 1 - \\alpha_t^2$ in this DDPM post.\n\n"
        "$$\\frac{\\beta_t}{1 - \\beta_t} = \\frac{1-\\alpha_t}{\\alpha_t}$$\n"),
    "alpha-bar a product to t + 1": (
        "In this DDPM post $\\alpha_t = 1 - \\beta_t$ and $\\bar\\alpha_t = \\prod_{s=1}^{t+1}\\alpha_s$.\n\n"
        "$$\\frac{\\bar\\alpha_t}{\\bar\\alpha_{t-1}} = \\alpha_t + 0$$\n"),
    "alpha redefined as DDIM's product": (
        "Let $\\alpha_t = 1 - \\beta_t$ in this DDPM post. From now on let $\\alpha_t = \\bar\\alpha_t$.\n\n"
        "$$\\sqrt{\\alpha_t}\\,\\mathbf{x}_{t-1} + \\sqrt{1-\\alpha_t}\\,\\boldsymbol\\epsilon = \\sqrt{1-\\beta_t}\\,"
        "\\mathbf{x}_{t-1} + \\sqrt{\\beta_t}\\,\\boldsymbol\\epsilon$$\n"),
    "a continuation row set with phantom": SQUARE_AND_MORE.replace("SPACE", "\\phantom{=}"),
    "a continuation row set with hspace": SQUARE_AND_MORE.replace("SPACE", "\\hspace{1em}"),
    "a continuation row set with a kern": SQUARE_AND_MORE.replace("SPACE", "\\kern2em"),
    "two equations on one align row": "$$\\begin{align} x^2 &= x & x &= 1 \\end{align}$$",
}


@pytest.mark.parametrize("text", FOURTH_REVIEW.values(), ids=FOURTH_REVIEW.keys())
def test_the_fourth_review_proves_nothing(text: str) -> None:
    assert "proved" not in verdicts(text)


def test_which_schedule_definitions_keep_hos_relations() -> None:
    r"""Ho et al.'s relations, or a value free of the letters (a cosine schedule's f(t)/f(0)), keep them."""
    from derivations.lint.context import Definition
    from derivations.lint.schedule import hos_schedule

    alpha, beta, abar, abar_1 = sp.symbols("alpha_t beta_t alphabar_t alphabar_t-1", positive=True)
    s, t = sp.symbols("s t", integer=True)
    product = sp.Product(sp.IndexedBase("alpha")[s], (s, 1, t))

    def keeps(head: sp.Symbol, value: sp.Expr) -> bool:
        return hos_schedule({head: Definition(head, value, 1)})

    assert keeps(alpha, 1 - beta) and keeps(beta, 1 - alpha) and keeps(abar, product) and keeps(abar, alpha * abar_1)
    assert keeps(abar, sp.Function("f")(t) / sp.Function("f")(0))
    assert not keeps(beta, 1 - alpha**2) and not keeps(alpha, abar) and not keeps(abar, product.subs(t, t + 1))


#: The fifth review of the day: each was proved.
FIFTH_REVIEW = {
    # (its second step, the integral of 0 is 0, is true: proved since d-sigma is a real variable, not sigma's)
    "an integral of |sigma| over a sign change": r"$$\int_{-1}^{1} |\sigma|\, d\sigma = \int_{-1}^{1} 0\, d\sigma$$",
    "values of alpha and beta of their own that break Ho's": (
        "# DDPM diffusion\n\nLet $\\alpha_t = \\frac{1}{2}$ and $\\beta_t = \\frac{1}{3}$.\n\n"
        "$$\\alpha_t + \\beta_t = 1 + 0$$\n"),
    "a definition after the step": (
        "# DDPM diffusion\n\n$$\\alpha_t + \\beta_t = 1 + 0$$\n\nwhere $\\alpha_t = \\sqrt{1 - \\beta_t}$.\n"),
    "a closed form before a product to t + 1": (
        "# DDPM diffusion\n\n$$q(x_t \\mid x_0) = \\mathcal{N}(x_t; \\sqrt{\\bar\\alpha_t}\\, x_0, "
        "1 - \\bar\\alpha_t)$$\n\n"
        "where $\\bar\\alpha_t = \\prod_{s=1}^{t+1} \\alpha_s$.\n"),
    "a definition by mathrel": (
        "# DDPM diffusion\n\nLet $\\alpha_t \\mathrel{:=} \\sqrt{1 - \\beta_t}$ be the signal scale.\n\n"
        "$$\\alpha_t + \\beta_t = 1 + 0$$\n"),
    "a schedule letter with another index": (
        "# DDPM diffusion\n\nLet $\\alpha_\\tau = \\sqrt{1 - \\beta_\\tau}$ be the signal scale.\n\n"
        "$$\\alpha_\\tau + \\beta_\\tau = 1 + 0$$\n"),
    "a continuation under one of two equations": (
        "$$\\begin{aligned}\nx^2 + 2x &= x(x+2) & (x+1)^2 &= x^2 + 2x \\\\\n&\\quad + 1\n\\end{aligned}$$"),
    "a note column with a relation": (
        "$$\\begin{aligned}\n(x+1)^2 &= x^2 + 1 && u = x^2 + 2x + 1 \\\\\n&= x^2 + 2x + 1\n\\end{aligned}$$"),
}


@pytest.mark.parametrize("text", FIFTH_REVIEW.values(), ids=FIFTH_REVIEW.keys())
def test_the_fifth_review_proves_nothing(text: str) -> None:
    assert "proved" not in verdicts(text)


DDPM = "In the diffusion model (DDPM) the noise schedule is $\\beta_t$. "
SUM_IS_ONE = "$$\\alpha_t + \\beta_t = 1 + 0$$\n"
RATIO_IS_ALPHA = "$$\\bar\\alpha_t - \\alpha_t \\bar\\alpha_{t-1} = 0 + 0$$\n"
#: The sixth review of the day: schedule statements the scan missed, and a \quad pair continued; each was proved.
SIXTH_REVIEW = {
    "a display definition after the step": DDPM + "\n\n" + SUM_IS_ONE + "\n$$\\alpha_t := \\sqrt{1 - \\beta_t}$$\n",
    "a statement followed by words": (DDPM + "$\\bar\\alpha_t = \\alpha_t^2 \\text{ where } t \\ge 1$.\n\n"
                                      + RATIO_IS_ALPHA),
    "two statements in one span": (DDPM + "$\\bar\\alpha_t = \\alpha_t^2 \\quad \\bar\\alpha_0 = 1$.\n\n"
                                   + RATIO_IS_ALPHA),
    "the letter in braces": DDPM + "Here ${\\bar\\alpha}_t = \\alpha_t^2$.\n\n" + RATIO_IS_ALPHA,
    "the letter on the right": DDPM + "Here $\\alpha_t^2 \\bar\\alpha_{t-1} = \\bar\\alpha_t$.\n\n" + RATIO_IS_ALPHA,
    "the root on the left": DDPM + "Here $\\sqrt{1 - \\beta_t} = \\alpha_t$.\n\n" + SUM_IS_ONE,
    "MathJax's inline delimiters": DDPM + "Here \\(\\alpha_t = \\sqrt{1 - \\beta_t}\\).\n\n" + SUM_IS_ONE,
    "a row continuing one of two equations set apart by quad": (
        "$$\\begin{align*}\nx &= 2 - 1 \\quad y = 5 \\\\\n  &= 5\n\\end{align*}$$\n"),
}


@pytest.mark.parametrize("text", SIXTH_REVIEW.values(), ids=SIXTH_REVIEW.keys())
def test_the_sixth_review_proves_nothing_false(text: str) -> None:
    """Only the trivial last link (0 + 0 = ..., 1 + 0 = ...) may be proved: never the claim about the schedule."""
    steps = lint_text(text, Options()).steps
    assert not any(step.status is Status.PROVED and ("alpha" in step.source or step.source.strip() == "= 5")
                   for step in steps)


def test_indexed_products_that_hold_from_t_1_are_not_refuted() -> None:
    """True for every t >= 1, where the ranges run forwards; as written at t = 0 both products are empty (1 = 1/alpha_0
    is false): undecided, never refuted at a point like t = 0.851 (issue 15)."""
    post = r"$$\frac{\prod_{i=1}^{t-1}\alpha_i}{\prod_{i=1}^{t}\alpha_i} = \frac{1}{\alpha_t}$$" + "\n"
    assert [s.status.value for s in lint_text(post, Options()).steps] == ["undecided"]
