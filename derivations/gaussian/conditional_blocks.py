r"""Marginals and conditionals of a joint Gaussian, in blocks (source 001, Property 2).

.. math:: \begin{pmatrix}\mathbf{x}_1\\ \mathbf{x}_2\end{pmatrix} \sim
          \mathcal{N}\left(\begin{pmatrix}\boldsymbol\mu_1\\ \boldsymbol\mu_2\end{pmatrix},
          \begin{pmatrix}\Sigma_{11} & \Sigma_{12}\\ \Sigma_{21} & \Sigma_{22}\end{pmatrix}\right)
          \implies \mathbf{x}_1 \mid \mathbf{x}_2 \sim \mathcal{N}(\boldsymbol\mu_{1|2}, \Sigma_{1|2}),\quad
          \boldsymbol\mu_{1|2} = \boldsymbol\mu_1 + \Sigma_{12}\Sigma_{22}^{-1}(\mathbf{x}_2 - \boldsymbol\mu_2),\quad
          \Sigma_{1|2} = \Sigma_{11} - \Sigma_{12}\Sigma_{22}^{-1}\Sigma_{21}.

For blocks of any sizes :math:`d_1, d_2` (:math:`\Sigma_{21} = \Sigma_{12}^\top`): the inverse of the
joint covariance through the Schur complement :math:`\Sigma_{1|2}` (checked by multiplying back),
the quadratic form split into the part in :math:`\mathbf{x}_2` and a square in :math:`\mathbf{x}_1`,
the determinant :math:`|\Sigma| = |\Sigma_{22}|\,|\Sigma_{1|2}|`, hence the joint density is
:math:`\mathcal{N}(\mathbf{x}_2; \boldsymbol\mu_2, \Sigma_{22})\,\mathcal{N}(\mathbf{x}_1; \boldsymbol\mu_{1|2},
\Sigma_{1|2})`: the marginal of :math:`\mathbf{x}_2` and the conditional follow; the marginal of
:math:`\mathbf{x}_1` by Property 1 with :math:`A = (I\ 0)`. Then source 001's exercise (mean 1.05,
variance 0.51) and the DDPM posterior, both from the block formula with :math:`1 \times 1` blocks.
The scalar case is :mod:`derivations.gaussian.conditional`.

References: source 001, "Property 2: Marginals and Conditionals", its "Key Insight for Diffusion"
and "Computational Exercises", 2; Bishop (2006), *Pattern Recognition and Machine Learning*,
eqs. (2.81)-(2.82), (2.94)-(2.98); Horn & Johnson, *Matrix Analysis* (2013), sec. 0.7.3 (Schur
complement) and thm. 7.7.6; Ho, Jain & Abbeel (2020), eq. (7).
"""

from __future__ import annotations

import sympy as sp

from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.matrices import MVNormalPDF, as_written, matrix, matrix_at, minus, plus, product, quadratic
from derivations.engine.notation import symbol
from derivations.engine.relations import DEFINITION, GIVEN
from derivations.engine.substitution import substitution

d_1, d_2 = sp.Symbol("d_1", integer=True, positive=True), sp.Symbol("d_2", integer=True, positive=True)
x_1, x_2 = matrix(r"\mathbf{x}_{1}", d_1, 1), matrix(r"\mathbf{x}_{2}", d_2, 1)
mu_1, mu_2 = matrix(r"\boldsymbol{\mu}_{1}", d_1, 1), matrix(r"\boldsymbol{\mu}_{2}", d_2, 1)
Sigma_11 = matrix(r"\Sigma_{11}", d_1, kind="positive definite")
Sigma_12, Sigma_21 = matrix(r"\Sigma_{12}", d_1, d_2), matrix(r"\Sigma_{21}", d_2, d_1)
Sigma_22 = matrix(r"\Sigma_{22}", d_2, kind="positive definite")
I_1, I_2 = sp.Identity(d_1), sp.Identity(d_2)
Z_12, Z_21 = sp.ZeroMatrix(d_1, d_2), sp.ZeroMatrix(d_2, d_1)

#: Source 001, Property 2, as it writes them (unevaluated, so printed in that order).
MU_1G2 = plus(mu_1, product(Sigma_12, Sigma_22.I, minus(x_2, mu_2)))
SIGMA_1G2 = minus(Sigma_11, product(Sigma_12, Sigma_22.I, Sigma_21))
#: The Schur complement, named (an abbreviation of SIGMA_1G2).
Schur = matrix(r"\Sigma_{1|2}", d_1, kind="positive definite")
S_INV = Schur.I
JOINT_COV = sp.BlockMatrix([[Sigma_11, Sigma_12], [Sigma_21, Sigma_22]])
#: The inverse through the Schur complement (Horn & Johnson, sec. 0.7.3).
_CORNER = Sigma_22.I + Sigma_22.I * Sigma_21 * S_INV * Sigma_12 * Sigma_22.I
JOINT_INV = sp.BlockMatrix([[S_INV, -S_INV * Sigma_12 * Sigma_22.I],
                            [-Sigma_22.I * Sigma_21 * S_INV, _CORNER]])
DEVIATION = sp.BlockMatrix([[minus(x_1, mu_1)], [minus(x_2, mu_2)]])
CONDITIONAL = MVNormalPDF(x_1, MU_1G2, SIGMA_1G2)
MARGINAL_2 = MVNormalPDF(x_2, mu_2, Sigma_22)

alpha_t, beta_t, alpha_bar_t, alpha_bar_tm1 = (symbol(n) for n in ("alpha_t", "beta_t", "alpha_bar_t", "alpha_bar_tm1"))
x_0, x_t = symbol("x_0"), symbol("x_t")


def _inverse(d: Derivation) -> None:
    """The inverse of the joint covariance, by the Schur complement: Sigma M = I."""
    identity = sp.BlockMatrix([[I_1, Z_12], [Z_21, I_2]])
    d.start(identity, lhs=product(JOINT_COV, JOINT_INV), heading="The inverse through the Schur complement",
            text=r"$\Sigma_{1|2} = \Sigma_{11} - \Sigma_{12}\Sigma_{22}^{-1}\Sigma_{21}$ is positive definite "
                 r"when $\Sigma$ is (Horn & Johnson, thm. 7.7.6), so $|\Sigma_{1|2}| > 0$. Blocks of any sizes "
                 r"$d_1$, $d_2$.",
            because="block multiplication; $\\Sigma_{11}\\Sigma_{1|2}^{-1} - \\Sigma_{12}\\Sigma_{22}^{-1}\\Sigma_{21}"
                    "\\Sigma_{1|2}^{-1} = I$")
    d.start(JOINT_INV, lhs=sp.Inverse(JOINT_COV), relation=GIVEN, tag="inv",
            because="a right inverse of a square matrix is its inverse")
    d.start(sp.Determinant(Sigma_22) * sp.Determinant(Schur), lhs=sp.Determinant(JOINT_COV), relation=GIVEN,
            tag="det", because=r"$\Sigma = \begin{pmatrix} I & \Sigma_{12}\Sigma_{22}^{-1} \\ 0 & I \end{pmatrix}"
            r"\begin{pmatrix} \Sigma_{1|2} & 0 \\ 0 & \Sigma_{22} \end{pmatrix}"
            r"\begin{pmatrix} I & 0 \\ \Sigma_{22}^{-1}\Sigma_{21} & I \end{pmatrix}$ (proved below); the outer "
            r"factors are block triangular with identity blocks: determinant 1")
    upper = sp.BlockMatrix([[I_1, Sigma_12 * Sigma_22.I], [Z_21, I_2]])
    middle = sp.BlockMatrix([[Schur, Z_12], [Z_21, Sigma_22]])
    d.start(JOINT_COV, lhs=product(upper, middle, sp.Transpose(upper)), because="block multiplication")


def _factorisation(d: Derivation) -> sp.Expr:
    """The quadratic form splits; the joint density is the marginal of x_2 times the conditional."""
    form = quadratic(DEVIATION, sp.Inverse(JOINT_COV))
    d.start(quadratic(DEVIATION, JOINT_INV), lhs=form, heading="The joint density factorises", display=quadratic(
            DEVIATION, JOINT_INV), relation=substitution(sp.Inverse(JOINT_COV), JOINT_INV, label="(inv)"),
            because="by (inv)")
    split = sp.Add(quadratic(minus(x_1, MU_1G2), S_INV), quadratic(minus(x_2, mu_2), Sigma_22.I), evaluate=False)
    d.then(split, tag="Q", display=split, because=r"complete the square in $\mathbf{x}_1$: the cross terms are "
                                   r"$\boldsymbol{\mu}_{1|2}$'s")
    normaliser = (2 * sp.pi) ** ((d_1 + d_2) / 2) * sp.sqrt(sp.Determinant(Sigma_22) * sp.Determinant(Schur))
    explicit = sp.Mul(sp.exp(sp.Mul(sp.Rational(-1, 2), split, evaluate=False)), sp.Pow(normaliser, -1, evaluate=False),
                      evaluate=False)
    d.start(explicit, lhs=r"\mathcal{N}\left(\begin{pmatrix}\mathbf{x}_1\\ \mathbf{x}_2\end{pmatrix}; "
            r"\begin{pmatrix}\boldsymbol{\mu}_1\\ \boldsymbol{\mu}_2\end{pmatrix}, \Sigma\right)", relation=GIVEN,
            display=explicit,
            because="the density of source 001 in $d_1 + d_2$ dimensions, with (Q) and (det)")
    return d.then(MARGINAL_2 * CONDITIONAL, tag="F",
                  because=r"$(2\pi)^{(d_1+d_2)/2} = (2\pi)^{d_2/2}(2\pi)^{d_1/2}$; the exponent and the "
                          r"determinant split")


def _marginals(d: Derivation, factorised: sp.Expr) -> None:
    """Integrate x_1 out; the marginal of x_1 by Property 1 with A = (I 0)."""
    d.start(MARGINAL_2, lhs=r"p(\mathbf{x}_2) = \int p(\mathbf{x}_1, \mathbf{x}_2)\,d\mathbf{x}_1",
            relation=GIVEN, heading="The marginals",
            because=r"by (F): the factor in $\mathbf{x}_1$ is a density, it integrates to 1 (mvn_normalisation); "
                    r"$\mathbf{x}_2 \sim \mathcal{N}(\boldsymbol{\mu}_2, \Sigma_{22})$")
    select = sp.BlockMatrix([[I_1, Z_12]])
    d.start(Sigma_11, lhs=product(select, JOINT_COV, sp.Transpose(select)),
            text=r"$\mathbf{x}_1 = (I\;\,0)\,(\mathbf{x}_1, \mathbf{x}_2)$: by Property 1 (linear_maps) it is "
                 r"Gaussian with mean $(I\;\,0)\boldsymbol{\mu} = \boldsymbol{\mu}_1$ and covariance",
            because=r"block multiplication: $\mathbf{x}_1 \sim \mathcal{N}(\boldsymbol{\mu}_1, \Sigma_{11})$")


def _exercise(d: Derivation) -> None:
    """Source 001's exercise 2 from the block formula with 1 x 1 blocks."""
    one = sp.ImmutableMatrix
    values = {d_1: 1, d_2: 1, Sigma_11: one([[1]]), Sigma_12: one([[sp.Rational(7, 10)]]), Sigma_22: one([[1]]),
              mu_1: one([[0]]), mu_2: one([[0]]), x_2: one([[sp.Rational(3, 2)]])}
    d.start(MU_1G2, lhs=r"\boldsymbol{\mu}_{1|2}", relation=DEFINITION, heading="Exercise (source 001, 2)",
            text=r"$\boldsymbol{\mu} = (0, 0)$, $\Sigma = \begin{pmatrix} 1 & 0.7 \\ 0.7 & 1 \end{pmatrix}$, "
                 r"$x_2 = 1.5$: blocks of size 1.", because="source 001, Property 2")
    d.then(one([[sp.Rational(21, 20)]]), relation=matrix_at(values, label="the exercise"),
           because=r"$0 + 0.7 \cdot 1^{-1} \cdot 1.5 = 1.05$")
    d.start(SIGMA_1G2, lhs=r"\Sigma_{1|2}", relation=DEFINITION, because="source 001, Property 2")
    d.then(one([[sp.Rational(51, 100)]]), relation=matrix_at(values, label="the exercise"),
           because=r"$1 - 0.7 \cdot 1^{-1} \cdot 0.7 = 0.51$")


def _diffusion(d: Derivation) -> None:
    """Given x_0, (x_{t-1}, x_t) is jointly Gaussian; the block formula gives the DDPM posterior."""
    a = sp.Matrix([[sp.sqrt(1 - alpha_bar_tm1), 0], [sp.sqrt(alpha_t) * sp.sqrt(1 - alpha_bar_tm1), sp.sqrt(beta_t)]])
    covariance = sp.ImmutableMatrix([[1 - alpha_bar_tm1, sp.sqrt(alpha_t) * (1 - alpha_bar_tm1)],
                                     [sp.sqrt(alpha_t) * (1 - alpha_bar_tm1), 1 - alpha_bar_t]])
    d.start(covariance, lhs=product(a, a.T), heading="The key insight for diffusion (source 001)",
            text=r"Given $\mathbf{x}_0$ (per coordinate): $\mathbf{x}_{t-1} = \sqrt{\bar\alpha_{t-1}}\mathbf{x}_0 + "
                 r"\sqrt{1 - \bar\alpha_{t-1}}\boldsymbol{\epsilon}'$ and $\mathbf{x}_t = "
                 r"\sqrt{\alpha_t}\mathbf{x}_{t-1} + "
                 r"\sqrt{\beta_t}\boldsymbol{\epsilon}$ are linear in the independent noises "
                 r"$(\boldsymbol{\epsilon}', \boldsymbol{\epsilon})$, so jointly Gaussian with covariance $AA^\top$ "
                 r"(Property 1) and means $\sqrt{\bar\alpha_{t-1}}\mathbf{x}_0$, $\sqrt{\bar\alpha_t}\mathbf{x}_0$.",
            because=r"multiply out; $\alpha_t(1 - \bar\alpha_{t-1}) + \beta_t = 1 - \bar\alpha_t$")
    one = sp.ImmutableMatrix
    values = {d_1: 1, d_2: 1, Sigma_11: one([[1 - alpha_bar_tm1]]), Sigma_12: covariance[0:1, 1:2],
              Sigma_22: one([[1 - alpha_bar_t]]), mu_1: one([[sp.sqrt(alpha_bar_tm1) * x_0]]),
              mu_2: one([[sp.sqrt(alpha_bar_t) * x_0]]), x_2: one([[x_t]])}
    mu_tilde = sp.sqrt(alpha_bar_tm1) * beta_t / (1 - alpha_bar_t) * x_0 \
        + sp.sqrt(alpha_t) * (1 - alpha_bar_tm1) / (1 - alpha_bar_t) * x_t
    d.start(MU_1G2, lhs=r"\tilde{\boldsymbol{\mu}}_t = \boldsymbol{\mu}_{1|2}", relation=DEFINITION,
            because=r"the block formula with $\mathbf{x}_1 = \mathbf{x}_{t-1}$, $\mathbf{x}_2 = \mathbf{x}_t$")
    d.then(one([[mu_tilde]]), relation=matrix_at(values, label="the forward process"),
           because="Ho et al. 2020, eq. (7): the DDPM posterior mean")
    d.start(SIGMA_1G2, lhs=r"\tilde{\beta}_t = \Sigma_{1|2}", relation=DEFINITION, because="the block formula")
    d.then(one([[(1 - alpha_bar_tm1) / (1 - alpha_bar_t) * beta_t]]), relation=matrix_at(values, label="the forward "
                                                                                                       "process"),
           because="Ho et al. 2020, eq. (7): the DDPM posterior variance")


def _conditional(d: Derivation, factorised: sp.Expr) -> None:
    """The conditional: the joint over the marginal of x_2."""
    d.start(factorised / MARGINAL_2, lhs=r"p(\mathbf{x}_1 \mid \mathbf{x}_2) = \frac{p(\mathbf{x}_1, \mathbf{x}_2)}"
            r"{p(\mathbf{x}_2)}", relation=GIVEN, heading="The conditional", because="by (F) and the marginal")
    d.then(CONDITIONAL, because=r"the marginal cancels: $\mathcal{N}(\boldsymbol{\mu}_{1|2}, \Sigma_{1|2})$")


JOINT_NOTE = (
    r"Source 001 ('The Key Insight for Diffusion') says the reverse conditional is Gaussian 'because "
    r"$q(\mathbf{x}_0, \mathbf{x}_{t-1}, \mathbf{x}_t)$ is jointly Gaussian'. That holds only given "
    r"$\mathbf{x}_0$: $q(\mathbf{x}_0)$ is the data distribution, not Gaussian, so the triple is not jointly "
    r"Gaussian. Given $\mathbf{x}_0$, $(\mathbf{x}_{t-1}, \mathbf{x}_t)$ is jointly Gaussian (the covariance "
    r"$AA^\top$ above), and the block formula with $1 \times 1$ blocks gives "
    r"$q(\mathbf{x}_{t-1} \mid \mathbf{x}_t, \mathbf{x}_0) = \mathcal{N}(\tilde{\mu}_t, \tilde{\beta}_t\mathbf{I})$, "
    r"Ho et al. 2020, eq. (7); ddpm_posterior derives it by Bayes' rule."
)


def build() -> Derivation:
    """The derivation, unchecked."""
    d = Derivation("conditional_blocks", title="Marginals and conditionals of a joint Gaussian, in blocks",
                   sources=("source 001, Property 2 (marginals and conditionals), its key insight for diffusion, "
                            "and computational exercise 2",
                            "Bishop (2006), eqs. (2.94)-(2.98); Horn & Johnson (2013), sec. 0.7.3",
                            "Ho, Jain & Abbeel (2020), eq. (7)"))
    d.define(Sigma_21, Sigma_12.T)
    d.define(Schur, SIGMA_1G2)
    d.assume_positive(sp.Determinant(Schur), 1 - alpha_t, 1 - alpha_bar_t, 1 - alpha_bar_tm1)
    d.define(beta_t, 1 - alpha_t)
    d.define(alpha_bar_t, alpha_t * alpha_bar_tm1)
    _inverse(d)
    factorised = _factorisation(d)
    _marginals(d, factorised)
    _exercise(d)
    _diffusion(d)
    _conditional(d, factorised)
    as_written(d)
    d.note(JOINT_NOTE)
    d.conclude(known=CONDITIONAL, lhs=r"p(\mathbf{x}_1 \mid \mathbf{x}_2)",
               source="source 001, Property 2 (blocks); Bishop 2006, eqs. (2.96)-(2.97)")
    return d


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
