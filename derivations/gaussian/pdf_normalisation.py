r"""The multivariate Gaussian density integrates to 1, in :math:`d` dimensions.

.. math:: \int_{\mathbb{R}^d} \frac{1}{(2\pi)^{d/2}|\Sigma|^{1/2}}
          e^{-\frac12(\mathbf{x}-\boldsymbol\mu)^\top\Sigma^{-1}(\mathbf{x}-\boldsymbol\mu)}\,d\mathbf{x} = 1,
          \qquad \Sigma = Q\Lambda Q^\top,\ \mathbf{y} = Q^\top(\mathbf{x} - \boldsymbol\mu):\
          \prod_{i=1}^{d}\int \mathcal{N}(y_i; 0, \lambda_i)\,dy_i = 1.

Diagonalise: a symmetric positive definite :math:`\Sigma` is :math:`Q\Lambda Q^\top` with :math:`Q`
orthogonal and :math:`\Lambda` diagonal with positive entries (the spectral theorem), so
:math:`\Sigma^{-1} = Q\Lambda^{-1}Q^\top`, :math:`|\Sigma| = |\Lambda| = \prod_i\lambda_i` and the
quadratic form is :math:`\mathbf{y}^\top\Lambda^{-1}\mathbf{y}` (proved for every :math:`d`). The change
of variables has Jacobian :math:`|\det Q| = 1` and the integral factorises into one-dimensional
Gaussian integrals (stated: the change of variables and Fubini). Then :math:`d = 2` written out
with the correlation :math:`\rho` (an iterated integral, each integral proved), which also answers
source 001's conceptual question 2 (:math:`\rho \to 1`), and the slip "positive semi-definite".

References: source 001, "The multivariate Gaussian" (the pdf; "Covariance Matrix Requirements";
"Geometric Interpretation"; conceptual question 2); Horn & Johnson, *Matrix Analysis* (2013),
thm. 2.5.6 (spectral theorem); Rudin, *Real and Complex Analysis* (1987), thm. 7.26 (change of
variables) and 8.8 (Fubini).
"""

from __future__ import annotations

import sympy as sp

from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.matrices import MVNormalPDF, ScalarOf, as_written, d, matrix, minus, product, quadratic
from derivations.engine.relations import DEFINITION, GIVEN, INTEGRAL
from derivations.engine.substitution import at, substitution

x, mu = matrix(r"\mathbf{x}", d, 1), matrix(r"\boldsymbol{\mu}", d, 1)
Sigma = matrix(r"\Sigma", kind="positive definite")
Q, Lam = matrix("Q", kind="orthogonal"), matrix(r"\Lambda", kind="diagonal")
i = sp.Symbol("i", integer=True, positive=True)
lam = sp.IndexedBase("lambda", positive=True)
u = sp.Symbol("u", real=True)
x_1, x_2, mu_1, mu_2 = sp.symbols("x_1 x_2 mu_1 mu_2", real=True)
sigma_1, sigma_2 = sp.symbols("sigma_1 sigma_2", positive=True)
rho = sp.Symbol("rho", real=True)
#: The conditional standard deviation sigma_2 sqrt(1 - rho^2), an abbreviation (positive for |rho| < 1).
sigma_2g1 = sp.Symbol("sigma_2|1", positive=True)
OO = (-sp.oo, sp.oo)

#: The bivariate covariance with correlation rho (source 001, conceptual question 2).
SIGMA_2 = sp.Matrix([[sigma_1**2, rho * sigma_1 * sigma_2], [rho * sigma_1 * sigma_2, sigma_2**2]])
JOINT_2 = MVNormalPDF(sp.Matrix([x_1, x_2]), sp.Matrix([mu_1, mu_2]), SIGMA_2)
#: The mean and variance of x_2 given x_1.
MEAN_2G1 = mu_2 + rho * sigma_2 / sigma_1 * (x_1 - mu_1)
VAR_2G1 = sigma_2g1**2


def _diagonalise(d_: Derivation) -> None:
    """Sigma = Q Lambda Q^T: its inverse, its determinant, the quadratic form (every d)."""
    y = product(Q.T, minus(x, mu))
    d_.start(Q * Lam.I * Q.T, lhs=Sigma.I, heading="Diagonalise",
             text=r"By the spectral theorem $\Sigma = Q\Lambda Q^\top$, $Q^\top Q = I$, "
                  r"$\Lambda = \operatorname{diag}(\lambda_1, \dots, \lambda_d)$, $\lambda_i > 0$; the checks "
                  r"substitute it (every symmetric positive definite $\Sigma$ has this form).",
             because=r"$(Q\Lambda Q^\top)^{-1} = Q^{-\top}\Lambda^{-1}Q^{-1}$ and $Q^{-1} = Q^\top$")
    d_.start(sp.Determinant(Lam), lhs=sp.Determinant(Sigma),
             because=r"$|Q\Lambda Q^\top| = |Q|^2|\Lambda|$ and $|Q|^2 = |Q^\top Q| = 1$")
    d_.start(1, lhs=sp.Determinant(Q) ** 2, because=r"$|Q|^2 = |Q^\top Q| = |I| = 1$, so $|\det Q| = 1$")
    d_.start(quadratic(y, Lam.I), lhs=quadratic(minus(x, mu), Sigma.I), tag="q",
             because=r"with $\mathbf{y} = Q^\top(\mathbf{x} - \boldsymbol{\mu})$: "
                     r"$(\mathbf{x} - \boldsymbol{\mu})^\top Q\Lambda^{-1}Q^\top(\mathbf{x} - \boldsymbol{\mu})$")


def _integral(d_: Derivation) -> None:
    """The integral over R^d: change variables, factorise, each factor is 1."""
    one_dim = sp.Integral(NormalPDF(u, 0, lam[i]), (u, *OO))
    d_.start(1, lhs=one_dim, relation=INTEGRAL, tag="1", heading="The integral",
             because=r"the Gaussian integral, for each $\lambda_i > 0$")
    d_.start(MVNormalPDF(x, mu, Sigma), lhs=r"p(\mathbf{x})", relation=DEFINITION, because="the density of source 001")
    d_.then(sp.exp(-quadratic(product(Q.T, minus(x, mu)), Lam.I) / 2)
            / ((2 * sp.pi) ** (d / 2) * sp.sqrt(sp.Determinant(Lam))),
            because=r"by (q) and $|\Sigma| = |\Lambda|$")
    d_.start(sp.Product(one_dim, (i, 1, d)), lhs=r"\int_{\mathbb{R}^d} p(\mathbf{x})\,d\mathbf{x}", relation=GIVEN,
             because=r"change of variables $\mathbf{x} = \boldsymbol{\mu} + Q\mathbf{y}$ (Jacobian $|\det Q| = 1$); "
                    r"$\mathbf{y}^\top\Lambda^{-1}\mathbf{y} = \sum_i y_i^2/\lambda_i$ and $|\Lambda| = "
                    r"\prod_i\lambda_i$, "
                    r"so the integrand is $\prod_i\mathcal{N}(y_i; 0, \lambda_i)$; Fubini-Tonelli")
    d_.then(sp.Product(1, (i, 1, d)), relation=substitution(one_dim, 1, label="(1)"), because="by (1)")
    d_.then(1, because="a product of ones")


def _two_dimensions(d_: Derivation) -> None:
    """d = 2 with the correlation rho: an iterated integral, each integral proved."""
    marginal, conditional = NormalPDF(x_1, mu_1, sigma_1**2), NormalPDF(x_2, MEAN_2G1, VAR_2G1)
    d_.start(marginal * conditional, lhs=JOINT_2, tag="F", heading="d = 2, written out",
             text=r"$\Sigma = \begin{pmatrix} \sigma_1^2 & \rho\sigma_1\sigma_2 \\ \rho\sigma_1\sigma_2 & "
                  r"\sigma_2^2 \end{pmatrix}$ with $-1 < \rho < 1$: the density factorises.",
             because=r"$\det\Sigma = \sigma_1^2\sigma_2^2(1-\rho^2)$; complete the square in $x_2$; "
                     r"$\sigma_{2|1}^2 = \sigma_2^2(1 - \rho^2)$")
    inner = sp.Integral(conditional, (x_2, *OO))
    d_.start(1, lhs=inner, relation=INTEGRAL, tag="i", because=r"for fixed $x_1$: the Gaussian integral in $x_2$")
    d_.start(sp.Integral(sp.Integral(JOINT_2, (x_2, *OO)), (x_1, *OO)), relation=DEFINITION,
             lhs=r"\int\!\!\int p(x_1, x_2)\,dx_2\,dx_1", because="the integral over the plane, iterated (Fubini)")
    d_.then(sp.Integral(marginal * inner, (x_1, *OO)), relation=GIVEN,
            because=r"by (F); $\mathcal{N}(x_1; \mu_1, \sigma_1^2)$ does not depend on $x_2$")
    d_.then(sp.Integral(marginal, (x_1, *OO)), relation=substitution(inner, 1, label="(i)"), because="by (i)")
    d_.then(1, relation=INTEGRAL, because="the Gaussian integral in $x_1$")


def _correlation_to_one(d_: Derivation) -> None:
    """Source 001, conceptual question 2: rho -> 1 makes Sigma singular."""
    d_.start(sigma_1**2 * sigma_2**2 * (1 - rho**2), lhs=sp.Determinant(SIGMA_2),
             heading="Conceptual question 2: the contours as rho -> 1",
             because=r"$\sigma_1^2\sigma_2^2 - \rho^2\sigma_1^2\sigma_2^2$")
    d_.then(0, relation=at({rho: 1}), because=r"at $\rho = 1$ the covariance is singular: $|\Sigma|^{1/2}$ in the "
            "normaliser is 0, there is no density")
    unit = SIGMA_2.xreplace({sigma_1: 1, sigma_2: 1})
    for vector, value, label in ((sp.Matrix([1, 1]), 1 + rho, "long"), (sp.Matrix([1, -1]), 1 - rho, "short")):
        d_.start(value * vector, lhs=sp.MatMul(unit, vector, evaluate=False),
                 because=rf"an eigenvector ({label} axis): the contours are ellipses with axes along "
                         r"$x_1 = \pm x_2$, of lengths $\propto \sqrt{1 \pm \rho}$; at $\rho = 0.9$ the ratio is "
                         r"$\sqrt{19} \approx 4.4$, and as $\rho \to 1$ the short axis shrinks to 0: the mass "
                         r"concentrates on the line $x_1 = x_2$")
    d_.start((x_1 + x_2) ** 2, lhs=ScalarOf(sp.Matrix([[x_1, x_2]]) * unit.xreplace({rho: 1}) * sp.Matrix([x_1, x_2])),
             because=r"at $\rho = 1$: $\mathbf{x}^\top\Sigma\mathbf{x} = (x_1 + x_2)^2 \ge 0$, positive semi-definite, "
                     r"and $= 0$ at $\mathbf{x} = (1, -1)$: not positive definite")


PSD_NOTE = (
    r"Source 001, 'Covariance Matrix Requirements', says $\Sigma$ must be symmetric and positive "
    r"semi-definite ($\mathbf{x}^\top\Sigma\mathbf{x} \ge 0$) and that this ensures the pdf is well defined "
    r"and integrates to 1. Positive semi-definite is not enough: the pdf needs $\Sigma^{-1}$ and "
    r"$|\Sigma|^{1/2} > 0$, that is $\Sigma$ positive definite ($\mathbf{x}^\top\Sigma\mathbf{x} > 0$ for "
    r"$\mathbf{x} \ne \mathbf{0}$). The last line above is a positive semi-definite $\Sigma$ ($\rho = 1$) "
    r"with $|\Sigma| = 0$: the formula divides by 0, and $\mathcal{N}(\boldsymbol{\mu}, \Sigma)$ has no "
    r"density (its mass lies on a line). "
    "The code comment 'Must be positive semi-definite' has the same slip; torch's MultivariateNormal "
    "rejects a singular covariance."
)


def build() -> Derivation:
    """The derivation, unchecked."""
    d_ = Derivation("mvn_normalisation", title="The multivariate Gaussian density integrates to 1",
                    sources=("source 001, 'The multivariate Gaussian' (the pdf, its requirements, the contours; "
                             "conceptual question 2)",
                             "Horn & Johnson (2013), thm. 2.5.6 (spectral theorem)"))
    d_.define(Sigma, Q * Lam * Q.T)
    d_.assume_positive(1 - rho**2)
    d_.define(sigma_2g1, sigma_2 * sp.sqrt(1 - rho**2))
    _diagonalise(d_)
    _two_dimensions(d_)
    _correlation_to_one(d_)
    _integral(d_)
    as_written(d_)
    d_.note(PSD_NOTE)
    d_.conclude(known=sp.S.One, lhs=r"\int_{\mathbb{R}^d} \mathcal{N}(\mathbf{x}; \boldsymbol{\mu}, "
                                    r"\Sigma)\,d\mathbf{x}",
                source="source 001, 'The multivariate Gaussian' (the pdf integrates to 1)")
    return d_


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
