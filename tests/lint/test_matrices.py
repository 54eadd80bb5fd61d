r"""Matrices and vectors in a post (issue 15): read as matrices of the most general shapes the post ties.

A true identity of matrices is proved for every size; one that holds only for numbers (two matrices
that commute, a determinant of a product of rectangular blocks) is never proved; a counterexample
that needs blocks of different sizes is no refutation of a post that may mean equal ones.
"""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.latex.user_input import parse_user_expr
from derivations.lint import lint_text
from derivations.lint.check import Options


def verdicts(text: str) -> list[str]:
    return [step.status.value for step in lint_text(text, Options()).steps]


def display(row: str) -> str:
    return f"$$\n{row}\n$$\n"


def block(*rows: str) -> str:
    return "$$\n\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n$$\n"


TRUE = {
    "the inverse of a product": r"(\mathbf{A}\mathbf{B})^{-1} = \mathbf{B}^{-1}\mathbf{A}^{-1}",
    "the transpose of a product": r"(\mathbf{A}\mathbf{B})^\top = \mathbf{B}^\top\mathbf{A}^\top",
    "a scalar product": r"\mathbf{x}^\top\mathbf{y} = \mathbf{y}^\top\mathbf{x}",
    "a norm": r"\left\Vert \mathbf{x}\right\Vert^2 = \mathbf{x}^\top\mathbf{x}",
    "a covariance is symmetric": r"(\Sigma^{-1})^\top = \Sigma^{-1}",
    "a quadratic form expanded": r"(\mathbf{x}-\boldsymbol{\mu})^\top\Sigma^{-1}(\mathbf{x}-\boldsymbol{\mu}) = "
                                 r"\mathbf{x}^\top\Sigma^{-1}\mathbf{x} - 2\boldsymbol{\mu}^\top\Sigma^{-1}\mathbf{x}"
                                 r" + \boldsymbol{\mu}^\top\Sigma^{-1}\boldsymbol{\mu}",
    "an explicit product": r"\begin{pmatrix}1 & 2\\ 3 & 4\end{pmatrix}\begin{pmatrix}1 \\ 1\end{pmatrix} = "
                           r"\begin{pmatrix}3 \\ 7\end{pmatrix}",
    "a determinant of a product": r"\det(\mathbf{A}\mathbf{B}) = \det(\mathbf{A})\det(\mathbf{B})",
    "a trace is cyclic": r"\operatorname{tr}(\mathbf{A}\mathbf{B}) = \operatorname{tr}(\mathbf{B}\mathbf{A})",
    "a trace written Tr": r"\operatorname{Tr}(\mathbf{A}\mathbf{B}) = \operatorname{Tr}(\mathbf{B}\mathbf{A})",
    "a determinant written with bars": r"\begin{vmatrix}a & b\\ c & d\end{vmatrix} = ad - bc",
}

FALSE = {
    "the inverse in the wrong order": r"(\mathbf{A}\mathbf{B})^{-1} = \mathbf{A}^{-1}\mathbf{B}^{-1}",
    "a general matrix is not symmetric": r"\mathbf{A}^\top = \mathbf{A}",
    "a cross term with the wrong sign": r"(\mathbf{x}-\boldsymbol{\mu})^\top(\mathbf{x}-\boldsymbol{\mu}) = "
                                        r"\mathbf{x}^\top\mathbf{x} + 2\boldsymbol{\mu}^\top\mathbf{x}"
                                        r" + \boldsymbol{\mu}^\top\boldsymbol{\mu}",
    "an explicit product off by one": r"\begin{pmatrix}1 & 2\\ 3 & 4\end{pmatrix}\begin{pmatrix}1 \\ 1\end{pmatrix} = "
                                      r"\begin{pmatrix}3 \\ 8\end{pmatrix}",
    "a determinant with the wrong sign": r"\begin{vmatrix}a & b\\ c & d\end{vmatrix} = ad + bc",
}

#: Identities of numbers that matrices break: an earlier reader proved them (it read Sigma as a number).
NOT_PROVED = {
    "two blocks do not commute": r"\Sigma_{12}\Sigma_{21} = \Sigma_{21}\Sigma_{12}",
    "two covariances do not commute": r"\Sigma^{-1}\Lambda = \Lambda\Sigma^{-1}",
    "bold matrices do not commute": r"\mathbf{A}\mathbf{B} = \mathbf{B}\mathbf{A}",
    "rectangular blocks": r"\det(\Sigma_{12}\Sigma_{21}) = \det(\Sigma_{21}\Sigma_{12})",
    "a cross-covariance is not symmetric": r"\Sigma_{12}^\top = \Sigma_{12}",
    # the review of the matrix reading: a cross-covariance named by two bold names has no positive determinant
    "a conditional cross-covariance": r"\Sigma_{xy|z}^\top = \Sigma_{xy|z}",
    "a singular inverse": r"(\mathbf{x}\mathbf{x}^\top)^{-1}\mathbf{x}\mathbf{x}^\top = \mathbf{I}",
    "a cross-covariance of two vectors": r"\sqrt{\det(\Sigma_{\mathbf{x}\mathbf{y}})^2} = "
                                         r"\det\Sigma_{\mathbf{x}\mathbf{y}}",
}


@pytest.mark.parametrize("row", TRUE.values(), ids=TRUE.keys())
def test_a_true_identity_of_matrices_is_proved(row: str) -> None:
    assert verdicts(display(row)) == ["proved"]


@pytest.mark.parametrize("row", FALSE.values(), ids=FALSE.keys())
def test_a_false_identity_of_matrices_is_refuted(row: str) -> None:
    assert verdicts(display(row)) == ["refuted"]


@pytest.mark.parametrize("row", NOT_PROVED.values(), ids=NOT_PROVED.keys())
def test_an_identity_of_numbers_is_not_proved_for_matrices(row: str) -> None:
    assert verdicts(display(row)) != ["proved"]


def test_a_refutation_that_needs_blocks_of_two_sizes_is_undecided() -> None:
    r"""The block product is wrong, but its counterexample takes blocks of sizes 2 and 3: the post may mean one."""
    row = (r"\begin{bmatrix}\Sigma_{11} & \Sigma_{12}\\ \Sigma_{21} & \Sigma_{22}\end{bmatrix}"
           r"\begin{bmatrix}\Sigma_{11}^{-1} & 0\\ 0 & \Sigma_{22}^{-1}\end{bmatrix} = "
           r"\begin{bmatrix}\mathbf{I} & 0\\ 0 & \mathbf{I}\end{bmatrix}")
    step = lint_text(display(row), Options()).steps[0]
    assert step.status.value == "undecided" and "sizes" in step.method


def test_block_multiplication_is_proved() -> None:
    row = (r"\begin{bmatrix}\mathbf{A} & 0\\ 0 & \mathbf{B}\end{bmatrix}"
           r"\begin{bmatrix}\mathbf{A}^{-1} & 0\\ 0 & \mathbf{B}^{-1}\end{bmatrix} = "
           r"\begin{bmatrix}\mathbf{I} & 0\\ 0 & \mathbf{I}\end{bmatrix}")
    assert verdicts(display(row)) == ["proved"]


def test_a_slip_elsewhere_does_not_make_a_matrix_a_number() -> None:
    r"""``\mathbf{x}\Sigma`` would make Sigma a row, ``\Sigma + 1`` a 1 x 1 matrix: such sides are unread, and
    Sigma keeps its shape in the rest of the post (two matrices still do not commute)."""
    post = display(r"\mathbf{x}\Sigma = \Sigma\mathbf{x}") + display(r"\Sigma + 1 = 1 + \Sigma") + \
        display(r"\Sigma\mathbf{A} = \mathbf{A}\Sigma")
    assert "proved" not in verdicts(post)


def test_a_sigma_written_only_as_a_number_is_a_number_where_it_stands_alone() -> None:
    r"""``\Sigma_{22}^2 / \Sigma_{22}``: a number, as the post writes it; the entries of a 2 x 2 covariance written
    together (``\Sigma_{12}^2 / \Sigma_{22}``) may be blocks (``\Sigma_{12}\Sigma_{22}^{-1}\Sigma_{21}``): unread."""
    post = display(r"\frac{\Sigma_{22}^2}{\Sigma_{22}} + 1 = \Sigma_{22} + 1") + \
        display(r"\Sigma_{11} - \frac{\Sigma_{12}^2}{\Sigma_{22}} = "
                r"\frac{\Sigma_{11}\Sigma_{22} - \Sigma_{12}^2}{\Sigma_{22}}")
    assert verdicts(post) == ["proved", "unparsed"]


def test_a_sigma_beside_a_vector_is_a_matrix_even_if_written_as_a_number_elsewhere() -> None:
    post = display(r"\frac{\Sigma_{12}}{\Sigma_{22}} = \frac{\Sigma_{12}}{\Sigma_{22}}") + \
        display(r"\Sigma_{12}^\top\mathbf{x} = \mathbf{x}^\top\Sigma_{12}") + \
        display(r"\Sigma_{12}\Sigma_{22} = \Sigma_{22}\Sigma_{12}")
    assert verdicts(post)[-1] != "proved"


def test_the_two_sides_of_a_check_share_one_shape_table() -> None:
    r"""Each side alone numbered its sizes from 1, so unrelated A and B had one size (the review): no longer."""
    tied = (r"\operatorname{tr}(\mathbf{A}\mathbf{A}^\top)", r"\operatorname{tr}(\mathbf{B}\mathbf{B}^\top)")
    left, right = (parse_user_expr(text, tied=tied) for text in tied)
    (a,), (b,) = left.atoms(sp.MatrixSymbol), right.atoms(sp.MatrixSymbol)
    assert a.shape[0] != b.shape[0]
    tied = (r"\Sigma_{12}\Sigma_{21}", r"\Sigma_{21}\Sigma_{12}")
    left, right = (parse_user_expr(text, tied=tied) for text in tied)
    assert left.shape == right.shape  # an equation's two sides have one shape: it makes the blocks square


def test_a_transpose_of_a_number() -> None:
    r"""A transpose of a plain letter is not read: a number, or a matrix written plainly (the review: ``(AB)^\top =
    A^\top B^\top`` was proved with A, B numbers)."""
    assert verdicts(display(r"(AB)^\top = A^\top B^\top")) == ["unparsed"]
    assert verdicts(display(r"\mathbf{x}^\top a^T = a\,\mathbf{x}^\top")) == ["unparsed"]


def test_the_zero_vector_read_per_coordinate_and_as_a_matrix() -> None:
    r"""``\mathbf{0}`` is 0 per coordinate; beside a transpose it is the zero vector."""
    assert verdicts(display(r"\mathbf{x} + \mathbf{0} = \mathbf{x}")) == ["proved"]
    assert verdicts(display(r"\mathbf{x}^\top\mathbf{0} = 0")) == ["proved"]


def test_cells_of_a_matrix_are_not_rows_of_the_block() -> None:
    r"""``&`` and ``\\`` inside ``pmatrix`` in an ``align`` are the matrix's, not the alignment's."""
    post = block(r"\begin{pmatrix}a & b\\ c & d\end{pmatrix}\begin{pmatrix}1\\ 0\end{pmatrix} "
                 r"&= \begin{pmatrix}a\\ c\end{pmatrix}", r"&= \begin{pmatrix}a\\ c + 0\end{pmatrix}")
    assert verdicts(post) == ["proved", "proved"]


def test_an_indented_row_continues_the_chain() -> None:
    r"""``&\quad \overset{(a)}{=} ...`` (the project's pages) continues the row above, it is no row of its own."""
    post = block(r"(x+1)^2", r"&\quad \overset{(a)}{=} x^2 + 2x + 1", r"&\quad \overset{(b)}{=} x^2 + 2x + 2")
    assert verdicts(post) == ["proved", "refuted"]


def test_a_function_of_the_post_applied_to_an_expression_is_not_a_product() -> None:
    r"""After ``\varphi(t) = e^{-|t|}``, ``\varphi_{C}(t/n)`` is no product of a number and t/n: not read."""
    post = "Let $\\varphi(t) = e^{-\\vert t\\vert}$.\n\n" + display(r"-n\log\varphi_{C}(t/n) = \vert t\vert")
    assert verdicts(post) != ["refuted"]


def test_a_value_with_a_name_the_post_does_not_define_refutes_nothing() -> None:
    r"""``\overset{\mu = \bar{y}}{=} 0``: the bar name is defined in words only; no counterexample stands."""
    post = block(r"3\mu - y_1 - y_2 - y_3", r"&\overset{\mu = \bar{y}}{=} 0")
    assert verdicts(post) == ["undecided"]


def test_a_matrix_symbol_is_a_matrix_expression() -> None:
    assert isinstance(parse_user_expr(r"\mathbf{A}^\top\mathbf{A}", tied=(r"\mathbf{A}^\top\mathbf{A}",)), sp.MatMul)


def test_a_function_of_a_subscript_is_not_defined_as_a_function() -> None:
    r"""``\operatorname{SNR}(t) = \bar\alpha_t/(1 - \bar\alpha_t)``: t sits in a subscript, so ``SNR(t-1)`` is not
    the same expression with t replaced (that would make SNR(t-1) = SNR(t)): not taken as a function of t."""
    post = ("Where $\\operatorname{SNR}(t) = \\frac{\\bar\\alpha_t}{1 - \\bar\\alpha_t}$.\n\n"
            + display(r"\frac{\operatorname{SNR}(t-1)}{\operatorname{SNR}(t)} = 1"))
    assert verdicts(post) != ["proved"]
    post = "Let $g(t) = \\bar\\alpha_t$.\n\n" + display(r"g(t-1) = \bar\alpha_t")
    assert verdicts(post) != ["proved"]


# The second review of the matrix reading: each of these was proved.
MIXED_READINGS = {
    "a Sigma under a root, then beside a matrix": (r"The scale is $\sqrt{\Sigma_1}$.",
                                                   r"\Sigma_1^{-1}\Sigma_0 = \Sigma_0\Sigma_1^{-1}"),
    "a Sigma plus a number, then beside a matrix": (r"$$s = \Sigma_1 + \sigma^2$$",
                                                    r"\Sigma_1^{-1}\Sigma_0 = \Sigma_0\Sigma_1^{-1}"),
    "column vectors multiplied": (r"Let $\mathbf{x}^\top\mathbf{y}$ be their inner product.",
                                  r"\mathbf{x}\mathbf{y} = \mathbf{y}\mathbf{x}"),
    "column vectors divided": (r"Let $\mathbf{x}^\top\mathbf{y}$ be their inner product.",
                               r"\frac{\mathbf{x}}{\mathbf{y}}\mathbf{y} = \mathbf{x}"),
    "dot products read per coordinate": ("", r"(\mathbf{a}\cdot\mathbf{b})\mathbf{c} = "
                                             r"\mathbf{a}(\mathbf{b}\cdot\mathbf{c})"),
    "an asterisk between matrices": ("", r"\mathbf{A}\ast\mathbf{I} = \mathbf{A}"),
    "an asterisk between numbers (a convolution?)": ("", r"a \ast b = b \ast a"),
    # plain capitals beside matrices or vectors may be matrices
    "a plain capital in a quadratic form": ("", r"\mathbf{x}^\top A\mathbf{y} = \mathbf{y}^\top A\mathbf{x}"),
    "a plain capital transposed by a product": ("", r"(A\mathbf{x})^\top = \mathbf{x}^\top A"),
    "plain capital blocks": ("", r"\det\begin{pmatrix}A&B\\C&D\end{pmatrix} = AD-BC"),
    "a plain Phi in a quadratic form": ("", r"\mathbf{x}^\top\Phi\mathbf{y} = \mathbf{y}^\top\Phi\mathbf{x}"),
    "a Sigma and a plain capital": ("", r"\Sigma A = A\Sigma"),
    "two plain capitals beside a vector": ("", r"AB\mathbf{x} = BA\mathbf{x}"),
    # a product of vectors in a post that uses a vector as a column, inside a sum too
    "one column vector in a triple product": (r"$$\|\mathbf{x}\| = 1$$",
                                              r"(\mathbf{x}\mathbf{y})\mathbf{z} = \mathbf{x}(\mathbf{y}\mathbf{z})"),
    "other column vectors": (r"$$\mathbf{a}^\top\mathbf{b} = 1$$",
                             r"(\mathbf{x}\mathbf{y})\mathbf{z} = \mathbf{x}(\mathbf{y}\mathbf{z})"),
    "column vectors in a sum": (r"$$\mathbf{x}_1^\top\mathbf{y}_1 = 0$$",
                                r"\sum_{i=1}^{n} \mathbf{x}_i\mathbf{y}_i = \sum_{i=1}^{n}\mathbf{y}_i\mathbf{x}_i"),
    # a layer index is no power; an identity is never 1 x 1
    "layer indices": ("", r"\mathbf{W}^{[1]}\mathbf{W}^{[2]} = \mathbf{W}^{[2]}\mathbf{W}^{[1]}"),
    "a layer index as a square": ("", r"\mathbf{W}^{[2]} = \mathbf{W}\mathbf{W}"),
    "an identity tied to a number": ("", r"c\,\mathbf{I}^\top = c"),
    "the trace of an identity plus a number": ("", r"\operatorname{tr}(\mathbf{I} + \mathbf{x}^\top\mathbf{x}) = "
                                                   r"1 + \mathbf{x}^\top\mathbf{x}"),
}


@pytest.mark.parametrize(("before", "row"), MIXED_READINGS.values(), ids=MIXED_READINGS.keys())
def test_a_reading_that_mixes_numbers_and_matrices_proves_nothing(before: str, row: str) -> None:
    assert "proved" not in verdicts(f"{before}\n\n{display(row)}")


def test_vectors_read_per_coordinate_where_the_post_never_uses_them_as_columns() -> None:
    r"""A diffusion post's vectors: a number times a vector, sums, and (its convention) coordinatewise products."""
    post = display(r"\mathbf{x}_t = \sqrt{\bar\alpha_t}\mathbf{x}_0 + \sqrt{1-\bar\alpha_t}\boldsymbol{\epsilon}") + \
        display(r"\boldsymbol{\sigma}\boldsymbol{\epsilon} = \boldsymbol{\epsilon}\boldsymbol{\sigma}") + \
        display(r"\sqrt{\alpha}\cdot\mathbf{x} = \mathbf{x}\sqrt{\alpha}")
    assert verdicts(post) == ["proved", "proved"]


def test_sigmas_a_post_divides_by_are_not_numbers_beside_other_sigmas() -> None:
    r"""``\Sigma_1 / \Sigma_2`` is a common shorthand for :math:`\Sigma_1\Sigma_2^{-1}`, and a chain may equate such a
    side to a matrix (the second review): a number Sigma beside another matrix is unread."""
    shorthand = display(r"\frac{\Sigma_1}{\Sigma_2} = s") + display(r"\Sigma_1\Sigma_2^{-1} = \Sigma_2^{-1}\Sigma_1")
    chain = display(r"\Sigma_{1|2} = \Sigma_{11} - \Sigma_{12}\Sigma_{22}^{-1}\Sigma_{21} = \Sigma_{11} - "
                    r"\frac{\Sigma_{12}\Sigma_{21}}{\Sigma_{22}}") + \
        display(r"\Sigma_{12}\Sigma_{22}^{-1}\Sigma_{21} = \Sigma_{22}^{-1}\Sigma_{21}\Sigma_{12}")
    environment = display(r"\sqrt{\Sigma_1} = s") + display(
        r"\Sigma_1\begin{pmatrix}1&2\\3&4\end{pmatrix} = \begin{pmatrix}1&2\\3&4\end{pmatrix}\Sigma_1")
    for post in (shorthand, chain, environment):
        assert "proved" not in verdicts(post)
# Densities of vectors (the second review): one number for all d coordinates, never its 1-D formula.
VECTOR_DENSITY_SLIPS = {
    "the normaliser of a standard normal vector": r"\mathcal{N}(\mathbf{0};\mathbf{0},\mathbf{I}) = "
                                                  r"\frac{1}{\sqrt{2\pi}}",
    "a ratio of isotropic densities": r"\frac{\mathcal{N}(\mathbf{x};\mathbf{0},\sigma^2\mathbf{I})}"
                                      r"{\mathcal{N}(\mathbf{x};\mathbf{0},\mathbf{I})} = \frac{1}{\sigma}"
                                      r"\exp\left(\frac{\mathbf{x}^2}{2} - \frac{\mathbf{x}^2}{2\sigma^2}\right)",
    "a plain identity in the covariance": r"\mathcal{N}(x;0,I) = \frac{1}{\sqrt{2\pi}}e^{-x^2/2}",
    "the forward closed form written out for vectors": (
        r"q(\mathbf{x}_t \mid \mathbf{x}_0) = \frac{1}{\sqrt{2\pi(1-\bar\alpha_t)}}\exp\left(-\frac{(\mathbf{x}_t"
        r" - \sqrt{\bar\alpha_t}\mathbf{x}_0)^2}{2(1-\bar\alpha_t)}\right)"),
}


@pytest.mark.parametrize("row", VECTOR_DENSITY_SLIPS.values(), ids=VECTOR_DENSITY_SLIPS.keys())
def test_the_density_of_a_vector_is_not_its_one_coordinate_formula(row: str) -> None:
    assert "proved" not in verdicts("The DDPM forward process.\n\n" + display(row))


def test_a_product_of_densities_of_vectors_is_read_per_coordinate() -> None:
    r"""Ho et al. (2020) eq. (4) for vectors, and twice the density (no product of densities): not proved."""
    closed = r"\mathcal{N}(\mathbf{x}_t; \sqrt{\bar{\alpha}_t}\mathbf{x}_0, (1-\bar{\alpha}_t)\mathbf{I})"
    post = (r"The DDPM forward process: $q(\mathbf{x}_t \mid \mathbf{x}_{t-1}) = \mathcal{N}(\mathbf{x}_t; "
            r"\sqrt{1-\beta_t}\mathbf{x}_{t-1}, \beta_t\mathbf{I})$, $\alpha_t = 1 - \beta_t$, "
            r"$\bar\alpha_t = \prod_{s=1}^{t}\alpha_s$." "\n\n")
    post += display(rf"q(\mathbf{{x}}_t|\mathbf{{x}}_0) = {closed}")
    post += display(rf"q(\mathbf{{x}}_t|\mathbf{{x}}_0) = 2{closed}")
    assert verdicts(post) == ["proved", "undecided"]


def test_a_dimension_in_the_residual_of_a_check_is_no_refutation(capsys: pytest.CaptureFixture[str]) -> None:
    r"""``\operatorname{tr}(\mathbf{I}) = d``: the post's d may be the size (the second review: no matrix name)."""
    from derivations.cli import main

    main(["check", r"\operatorname{tr}(\mathbf{I})", "d"])
    assert capsys.readouterr().out.startswith("undecided")


def test_an_implication_between_matrix_equations_is_undecided_not_a_failure() -> None:
    row = r"\mathbf{A}\mathbf{x} = \mathbf{b} \Rightarrow \mathbf{x} = \mathbf{A}^{-1}\mathbf{b}"
    step = lint_text(display(row), Options()).steps[0]
    assert step.status.value == "undecided" and "matrix equations" in step.method


# The third review: each of these was proved.
THIRD_REVIEW = {
    "a vector's density beside a density of one number": (
        "", r"\mathcal{N}(\mathbf{0};\mathbf{0},2\mathbf{I})\,\mathcal{N}(0;0,1) = "
            r"\mathcal{N}(\mathbf{0};\mathbf{0},\mathbf{I})\,\mathcal{N}(0;0,2)"),
    "the forward closed form beside a density of one number": (
        "The forward process of DDPM adds Gaussian noise.",
        r"q(\mathbf{x}_t|\mathbf{x}_0)\, \mathcal{N}(0;0,1) = \mathcal{N}(\mathbf{x}_t; \sqrt{\bar\alpha_t}"
        r"\mathbf{x}_0, (1-\bar\alpha_t)\mathbf{I})\,\mathcal{N}(\mathbf{0};\mathbf{0},\mathbf{I})"),
    "a vector's closed form as a density of one number": (
        "The forward process of DDPM adds Gaussian noise.",
        r"q(\mathbf{x}_t|\mathbf{x}_0) = \mathcal{N}(x_t; \sqrt{\bar\alpha_t} x_0, 1-\bar\alpha_t)"),
    "the covariance of a vector's density, a number elsewhere": (
        r"$$p(\mathbf{x}) = \mathcal{N}(\mathbf{x}; \boldsymbol\mu, \Sigma)$$" "\n\n" r"$$\Lambda = \frac{1}{\Sigma}$$",
        r"\frac{1}{\sqrt{|2\pi\Sigma|}} = \frac{1}{\sqrt{2\pi|\Sigma|}}"),
    "a bold vector written with textbf": (r"Let $\mathbf{v}^\top\mathbf{w} = 0$.",
                                          r"\textbf{x}\,\textbf{y} = \textbf{y}\,\textbf{x}"),
    "the square of a vector in a post of columns": (
        r"We compute $\mathbf{a}^\top\boldsymbol\epsilon$.",
        r"\mathbb{E}_{\boldsymbol\epsilon\sim\mathcal{N}(\mathbf{0},\mathbf{I})}[\boldsymbol\epsilon^2] + 1 = 2"),
    "the square of a function of a vector in a post of columns": (
        r"We compute $\mathbf{x}^\top\mathbf{y}$.", r"(e^{\mathbf{x}})^2 + 1 = e^{2\mathbf{x}} + 1"),
    "an integral over a vector": ("The forward process of DDPM adds Gaussian noise.",
                                  r"\int e^{-\mathbf{x}^2/2}\, d\mathbf{x} = \sqrt{2\pi} + 0"),
    "an expectation's variable after its body": ("", r"\mathbb{E}_{x\sim\mathcal{N}(0,1)} \frac{x^2}{1} - \frac{x^2}{1}"
                                                     r" = 1 - x^2"),
    "a sum's index after its body": ("", r"\sum_{i=1}^{3}\frac{i}{1} - \frac{i}{1} = 6 - i"),
    "a bracketed superscript on a value": (r"Layer $l$ has weights $\mathbf{W}^{[l]}$.",
                                           r"(a+b)^{[2]} = a^2+2ab+b^2"),
}


@pytest.mark.parametrize(("before", "row"), THIRD_REVIEW.values(), ids=THIRD_REVIEW.keys())
def test_the_third_review_proves_nothing(before: str, row: str) -> None:
    assert "proved" not in verdicts(f"{before}\n\n{display(row)}")


def test_a_square_of_a_linear_form_of_vectors_is_read_per_coordinate() -> None:
    r"""In a post of column vectors, :math:`(a\mathbf{x} + b\mathbf{y})^2` expanded holds for inner products too."""
    post = r"We compute $\mathbf{x}^\top\mathbf{y}$." "\n\n" + display(
        r"\frac{(2\mathbf{x} - \mathbf{y})^2}{2} = \frac{(\mathbf{y} - 2\mathbf{x})^{2}}{2}")
    assert verdicts(post) == ["proved"]


def test_an_expectation_and_a_divergence_bind_their_own_variables() -> None:
    r"""``\mathbb{E}_{z \sim q} \log p(x \mid z) - D_{KL}(q(z \mid x) \| p(z))``: the z of the KL is its own."""
    post = "The ELBO of a VAE.\n\n" + display(
        r"\mathbb{E}_{z\sim q} \log p(x|z) - D_\text{KL}(q(z|x)\|p(z)) = "
        r"- D_\text{KL}(q(z|x)\|p(z)) + \mathbb{E}_{z\sim q}\left[\log p(x|z)\right]")
    assert verdicts(post) == ["proved"]
