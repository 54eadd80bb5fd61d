r"""Linear maps of Gaussian vectors (source 001, Property 1), in every dimension.

.. math:: \mathbf{x} \sim \mathcal{N}(\boldsymbol\mu, \Sigma),\ \mathbf{y} = A\mathbf{x} + \mathbf{b}
          \implies \varphi_{\mathbf{y}}(\mathbf{t}) = e^{i\mathbf{t}^\top\mathbf{b}}\,
          \varphi_{\mathbf{x}}(A^\top\mathbf{t})
          = e^{i\mathbf{t}^\top(A\boldsymbol\mu + \mathbf{b}) - \frac12\mathbf{t}^\top A\Sigma A^\top\mathbf{t}},
          \quad\text{so}\quad \mathbf{y} \sim \mathcal{N}(A\boldsymbol\mu + \mathbf{b}, A\Sigma A^\top).

The page: the characteristic function of :math:`\mathcal{N}(\boldsymbol\mu, \Sigma)` from
:math:`\mathbf{x} = \boldsymbol\mu + L\mathbf{z}` (:math:`LL^\top = \Sigma`, a Cholesky factor, which
every positive definite :math:`\Sigma` has; :math:`\mathbf{z}` with independent :math:`\mathcal{N}(0,1)`
coordinates); Property 1 for :math:`A \in \mathbb{R}^{m\times d}`; the case :math:`d = m = 2` written
out; the diffusion application of source 001 (:math:`\mathbf{x}_t` given :math:`\mathbf{x}_0`); its
conceptual question 4 (:math:`\operatorname{Cov}\mathbf{x}_t = \bar\alpha_t\Sigma_0 + (1-\bar\alpha_t)I`);
and a second route for an invertible :math:`A`, by the change of variables in the density.
The matrix lines are proved for every :math:`d` and :math:`m` by the rules of
:mod:`derivations.engine.matrices`; expectations of independent coordinates and uniqueness are
stated with their theorems.

References: source 001, "Property 1: Linear Transformations" and its "Diffusion Application",
"Conceptual Questions", 4; source 000, eq. (2); Durrett, *Probability: Theory and Examples*
(2019), sec. 3.10 (multivariate normal, Cramer-Wold); Anderson, *An Introduction to Multivariate
Statistical Analysis* (2003), thm. 2.4.4.
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from derivations.engine.defined import Defined
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.matrices import MVNormalPDF, ScalarOf, as_written, d, matrix, minus
from derivations.engine.notation import symbol
from derivations.engine.relations import DEFINITION, GIVEN
from derivations.engine.substitution import substitution

I = sp.I
m = sp.Symbol("m", integer=True, positive=True)
x, z = matrix(r"\mathbf{x}", d, 1), matrix(r"\mathbf{z}", d, 1)
mu, s = matrix(r"\boldsymbol{\mu}", d, 1), matrix(r"\mathbf{s}", d, 1)
Sigma, L = matrix(r"\Sigma", kind="positive definite"), matrix("L", kind="lower")
A, b, t = matrix("A", m, d), matrix(r"\mathbf{b}", m, 1), matrix(r"\mathbf{t}", m, 1)
A_sq, b_d, y = matrix("A", d, d, kind="invertible"), matrix(r"\mathbf{b}", d, 1), matrix(r"\mathbf{y}", d, 1)
x_0, eps, Sigma_0 = matrix(r"\mathbf{x}_{0}", d, 1), matrix(r"\boldsymbol{\epsilon}", d, 1), \
    matrix(r"\Sigma_{0}", kind="positive definite")
alpha_bar_t = symbol("alpha_bar_t")
Id = sp.Identity(d)


class Mean(sp.Function):
    r"""An expectation, printed :math:`\mathbb{E}[\cdot]`; stated, never evaluated."""

    def _latex(self, printer: Any) -> str:
        return rf"\mathbb{{E}}\left[{printer._print(self.args[0])}\right]"


class NormalCF(Defined):
    r"""``NormalCF(s, mu, Sigma)``: the characteristic function of N(mu, Sigma) at s.

    .. math:: e^{i\mathbf{s}^\top\boldsymbol\mu - \frac12\mathbf{s}^\top\Sigma\mathbf{s}}
    """

    nargs = 3

    @classmethod
    def definition(cls, freq: sp.Expr, mean: sp.Expr, cov: sp.Expr) -> sp.Expr:
        return sp.exp(I * ScalarOf(freq.T * mean) - ScalarOf(freq.T * cov * freq) / 2)

    def _latex(self, printer: Any) -> str:
        freq, mean, cov = (printer._print(a) for a in self.args)
        return rf"\varphi_{{\mathcal{{N}}\left({mean}, {cov}\right)}}\left({freq}\right)"


def _cf_of_normal(d_: Derivation) -> None:
    """phi_x(s) = exp(i s^T mu - s^T Sigma s / 2), from x = mu + L z."""
    d_.start(ScalarOf(s.T * mu) + ScalarOf(sp.Transpose(L.T * s) * z), lhs=ScalarOf(s.T * (mu + L * z)), tag="E",
             heading="The characteristic function of N(mu, Sigma)",
             text=r"Write $\mathbf{x} = \boldsymbol{\mu} + L\mathbf{z}$ with $LL^\top = \Sigma$ (a Cholesky "
                  r"factor: lower triangular, positive diagonal) and $\mathbf{z}$ with independent "
                  r"$\mathcal{N}(0, 1)$ coordinates; then $\mathbf{x} \sim \mathcal{N}(\boldsymbol{\mu}, \Sigma)$.",
             because=r"$\mathbf{s}^\top L\mathbf{z} = (L^\top\mathbf{s})^\top\mathbf{z}$")
    d_.start(Mean(sp.exp(I * ScalarOf(s.T * (mu + L * z)))), relation=DEFINITION,
             lhs=r"\varphi_{\mathbf{x}}(\mathbf{s}) = \mathbb{E}\left[e^{i\mathbf{s}^\top\mathbf{x}}\right]",
             because="the definition of the characteristic function, with $\\mathbf{s} \\in \\mathbb{R}^d$")
    d_.then(sp.exp(I * ScalarOf(s.T * mu)) * Mean(sp.exp(I * ScalarOf(sp.Transpose(L.T * s) * z))), relation=GIVEN,
            because="by (E); the constant factor leaves the expectation")
    d_.then(sp.exp(I * ScalarOf(s.T * mu) - ScalarOf(sp.Transpose(L.T * s) * (L.T * s)) / 2), relation=GIVEN,
            because=r"independent coordinates: with $\mathbf{w} = L^\top\mathbf{s}$, "
                    r"$\mathbb{E}[e^{i\mathbf{w}^\top\mathbf{z}}] = \prod_j \mathbb{E}[e^{iw_j z_j}] = "
                    r"\prod_j e^{-w_j^2/2}$ (the characteristic function of $\mathcal{N}(0, 1)$, derived in "
                    r"characteristic_function) $= e^{-\mathbf{w}^\top\mathbf{w}/2}$")
    d_.then(NormalCF(s, mu, Sigma), tag="CF", because=r"$(L^\top\mathbf{s})^\top L^\top\mathbf{s} = "
            r"\mathbf{s}^\top LL^\top\mathbf{s} = \mathbf{s}^\top\Sigma\mathbf{s}$")


def _property_1(d_: Derivation) -> None:
    """phi_y(t) for y = A x + b, A of size m x d: the characteristic function of N(A mu + b, A Sigma A^T)."""
    d_.start(ScalarOf(sp.Transpose(A.T * t) * x) + ScalarOf(t.T * b), lhs=ScalarOf(t.T * (A * x + b)), tag="T",
             heading="Property 1: y = A x + b",
             text=r"$A \in \mathbb{R}^{m \times d}$, $\mathbf{b}, \mathbf{t} \in \mathbb{R}^m$, any $d$ and $m$.",
             because=r"$\mathbf{t}^\top A\mathbf{x} = (A^\top\mathbf{t})^\top\mathbf{x}$")
    d_.start(Mean(sp.exp(I * ScalarOf(t.T * (A * x + b)))), relation=DEFINITION,
             lhs=r"\varphi_{\mathbf{y}}(\mathbf{t})", because="the definition, for $\\mathbf{y} = A\\mathbf{x} + "
             "\\mathbf{b}$")
    d_.then(sp.exp(I * ScalarOf(t.T * b)) * Mean(sp.exp(I * ScalarOf(sp.Transpose(A.T * t) * x))), relation=GIVEN,
            because="by (T); the constant factor leaves the expectation")
    d_.then(sp.exp(I * ScalarOf(t.T * b)) * NormalCF(A.T * t, mu, Sigma), relation=GIVEN,
            because=r"(CF) at $\mathbf{s} = A^\top\mathbf{t}$")
    d_.then(sp.exp(I * ScalarOf(t.T * (A * mu + b)) - ScalarOf(t.T * (A * Sigma * A.T) * t) / 2),
            because=r"$(A^\top\mathbf{t})^\top\boldsymbol{\mu} = \mathbf{t}^\top A\boldsymbol{\mu}$, "
                    r"$(A^\top\mathbf{t})^\top\Sigma A^\top\mathbf{t} = \mathbf{t}^\top(A\Sigma A^\top)\mathbf{t}$")
    d_.then(NormalCF(t, A * mu + b, A * Sigma * A.T), tag="P1",
            because=r"the characteristic function of $\mathcal{N}(A\boldsymbol{\mu} + \mathbf{b}, A\Sigma A^\top)$; "
                    r"it determines the law (Levy's inversion theorem), so $\mathbf{y} \sim "
                    r"\mathcal{N}(A\boldsymbol{\mu} + \mathbf{b}, A\Sigma A^\top)$")


def _two_dimensions(d_: Derivation) -> None:
    """d = m = 2, written out entry by entry."""
    a11, a12, a21, a22, s11, s12, s22, m1, m2, b1, b2, t1, t2 = sp.symbols(
        "a_11 a_12 a_21 a_22 sigma_11 sigma_12 sigma_22 mu_1 mu_2 b_1 b_2 t_1 t_2", real=True)
    A2, S2 = sp.Matrix([[a11, a12], [a21, a22]]), sp.Matrix([[s11, s12], [s12, s22]])
    mu2, b2v, t2v = sp.Matrix([m1, m2]), sp.Matrix([b1, b2]), sp.Matrix([t1, t2])
    cov = A2 * S2 * A2.T
    collected = sp.ImmutableMatrix(2, 2, [sp.collect(sp.expand(e), (s11, s12, s22), evaluate=False) and
                                          sp.collect(sp.expand(e), (s11, s12, s22)) for e in cov])
    d_.start(sp.ImmutableMatrix(sp.expand(cov)), lhs=sp.MatMul(A2, S2, A2.T, evaluate=False),
             display=collected,  # each entry by the covariances: it fits a column
             heading="d = m = 2, written out",
             text=r"$A = \begin{pmatrix} a_{11} & a_{12} \\ a_{21} & a_{22} \end{pmatrix}$, "
                  r"$\Sigma = \begin{pmatrix} \sigma_{11} & \sigma_{12} \\ \sigma_{12} & \sigma_{22} \end{pmatrix}$.",
             because="multiply out")
    exponent = I * ScalarOf(t2v.T * b2v) + I * ScalarOf((A2.T * t2v).T * mu2) \
        - ScalarOf((A2.T * t2v).T * S2 * (A2.T * t2v)) / 2
    written = sp.ImmutableMatrix(sp.expand(cov))
    d_.start(I * ScalarOf(t2v.T * (A2 * mu2 + b2v)) - ScalarOf(t2v.T * written * t2v) / 2, lhs=exponent,
             because=r"the exponent of (P1) with these entries: $i\mathbf{t}^\top(A\boldsymbol{\mu} + \mathbf{b}) - "
                     r"\frac12\mathbf{t}^\top A\Sigma A^\top\mathbf{t}$, with $A\Sigma A^\top$ written out above")


def _diffusion(d_: Derivation) -> None:
    """Source 001's diffusion application, and its conceptual question 4."""
    scale = sp.sqrt(1 - alpha_bar_t) * Id
    d_.start(scale * Id * scale.T, lhs=r"\operatorname{Cov}(\mathbf{x}_{t} \mid \mathbf{x}_{0})", relation=GIVEN,
             heading="The diffusion application (source 001)",
             text=r"$\mathbf{x}_t = \sqrt{\bar\alpha_t}\,\mathbf{x}_0 + \sqrt{1 - "
                  r"\bar\alpha_t}\,\boldsymbol{\epsilon}$, "
                  r"$\boldsymbol{\epsilon} \sim \mathcal{N}(\mathbf{0}, I)$, $\mathbf{x}_0$ fixed: (P1) with "
                  r"$A = \sqrt{1 - \bar\alpha_t}\,I$, $\mathbf{b} = \sqrt{\bar\alpha_t}\,\mathbf{x}_0$; the mean is "
                  r"$A\mathbf{0} + \mathbf{b} = \sqrt{\bar\alpha_t}\,\mathbf{x}_0$.",
             because=r"$A\Sigma A^\top$ with $\Sigma = I$ (P1)")
    d_.then((1 - alpha_bar_t) * Id,
            because=r"$\sqrt{1 - \bar\alpha_t}^{\,2} = 1 - \bar\alpha_t$: eq. (5) of source 000")
    stacked = sp.BlockMatrix([[sp.sqrt(alpha_bar_t) * Id, sp.sqrt(1 - alpha_bar_t) * Id]])
    joint = sp.BlockMatrix([[Sigma_0, sp.ZeroMatrix(d, d)], [sp.ZeroMatrix(d, d), Id]])
    d_.start(stacked * joint * stacked.T, lhs=r"\operatorname{Cov}(\mathbf{x}_{t})", relation=GIVEN,
             heading="Conceptual question 4: why these coefficients",
             text=r"Now $\mathbf{x}_0$ is random, $\operatorname{Cov}\mathbf{x}_0 = \Sigma_0$, independent of "
                  r"$\boldsymbol{\epsilon}$: (P1) for the stacked vector $(\mathbf{x}_0, \boldsymbol{\epsilon})$ with "
                  r"$A = (\sqrt{\bar\alpha_t}\,I \;\; \sqrt{1-\bar\alpha_t}\,I)$.",
             because=r"$A\Sigma A^\top$ with the block-diagonal covariance of $(\mathbf{x}_0, \boldsymbol{\epsilon})$")
    d_.then(alpha_bar_t * Sigma_0 + (1 - alpha_bar_t) * Id, tag="Q4", because="block multiplication")
    d_.suppose(Sigma_0, Id, because="data scaled to unit variance (source 001, conceptual question 4)")
    d_.then(Id, relation=substitution(Sigma_0, Id), because=r"for $\Sigma_0 = I$: the variance stays 1 at every $t$; "
            r"for $a\mathbf{x}_0 + b\boldsymbol{\epsilon}$ it is $(a^2 + b^2)I$, so $a^2 + b^2 = 1$: "
            r"$a = \sqrt{\bar\alpha_t}$, $b = \sqrt{1 - \bar\alpha_t}$")


def _density_route(d_: Derivation) -> None:
    """A second route for invertible A: the change of variables in the density."""
    pulled = MVNormalPDF(sp.MatMul(A_sq.I, minus(y, b_d), evaluate=False), mu, Sigma) / sp.Abs(sp.Determinant(A_sq))
    d_.start(pulled, lhs=r"p_{\mathbf{y}}(\mathbf{y})", relation=GIVEN, heading="A second route: the density",
             text=r"For an invertible $A \in \mathbb{R}^{d \times d}$, $\mathbf{x} = A^{-1}(\mathbf{y} - \mathbf{b})$.",
             because=r"change of variables: the Jacobian of $\mathbf{y} \mapsto A^{-1}(\mathbf{y} - \mathbf{b})$ "
                     r"is $|\det A|^{-1}$")
    d_.then(MVNormalPDF(y, A_sq * mu + b_d, A_sq * Sigma * A_sq.T),
            because=r"$(A\Sigma A^\top)^{-1} = A^{-\top}\Sigma^{-1}A^{-1}$ and "
                    r"$\det(A\Sigma A^\top) = (\det A)^2\det\Sigma$")


def build() -> Derivation:
    """The derivation, unchecked."""
    d_ = Derivation("linear_maps", title="Linear maps of Gaussian vectors: y = Ax + b",
                    sources=("source 001, Property 1 (linear transformations), its diffusion application "
                             "and conceptual question 4",
                             "Durrett (2019), sec. 3.10; Anderson (2003), thm. 2.4.4"))
    d_.define(Sigma, L * L.T)
    d_.assume_positive(1 - alpha_bar_t)
    _cf_of_normal(d_)
    _property_1(d_)
    _two_dimensions(d_)
    _diffusion(d_)
    _density_route(d_)
    as_written(d_)
    d_.note(r"Source 000 writes $\boldsymbol{\epsilon}_{t-1} \sim \mathcal{N}(0, 1)$ under eq. (2), where eqs. (1) "
            r"and (5) are about vectors: the noise is $\boldsymbol{\epsilon}_{t-1} \sim \mathcal{N}(\mathbf{0}, "
            r"\mathbf{I})$, independent standard normal coordinates (the diffusion application above uses "
            r"$\Sigma = \mathbf{I}$). For one coordinate $\mathcal{N}(0, 1)$ is right; for the image it is "
            r"$\mathcal{N}(\mathbf{0}, \mathbf{I})$.")
    d_.conclude(known=MVNormalPDF(y, A_sq * mu + b_d, A_sq * Sigma * A_sq.T), lhs=r"p_{\mathbf{y}}(\mathbf{y})",
                source="source 001, Property 1: y ~ N(A mu + b, A Sigma A^T)")
    return d_


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
