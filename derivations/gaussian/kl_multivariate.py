r"""KL divergence between multivariate normals: diagonal covariances, the VAE term, a general 2 x 2 case.

.. math:: D_{\mathrm{KL}}\left(\mathcal{N}(\boldsymbol{\mu}_0, \Sigma_0) \,\|\,
          \mathcal{N}(\boldsymbol{\mu}_1, \Sigma_1)\right)
          = \frac{1}{2}\left[\operatorname{tr}(\Sigma_1^{-1}\Sigma_0)
            + (\boldsymbol{\mu}_1 - \boldsymbol{\mu}_0)^\top \Sigma_1^{-1}
              (\boldsymbol{\mu}_1 - \boldsymbol{\mu}_0)
            - k + \ln\frac{\det\Sigma_1}{\det\Sigma_0}\right]

* Diagonal covariances, any given dimension ``k``: the coordinates are independent,
  so the log-ratio is a sum over coordinates (checked) and the divergence is the sum
  of the univariate divergences proved in :mod:`derivations.gaussian.kl`.
* The VAE term (Kingma & Welling 2014, appendix B):
  :math:`D_{\mathrm{KL}}(\mathcal{N}(\boldsymbol\mu, \operatorname{diag}\mathbf{s}^2) \,\|\,
  \mathcal{N}(\mathbf{0}, \mathbf{I}))
  = \frac{1}{2}\sum_j (s_j^2 + \mu_j^2 - 1 - \ln s_j^2)`.
* A general 2 x 2 case: every symmetric positive definite matrix is
  :math:`\Sigma = L L^\top` with a lower-triangular :math:`L` with positive
  diagonal (Cholesky), so the entries of :math:`L_0` and :math:`L_1` are the
  free symbols. The density factorises as
  :math:`\mathcal{N}(x_1; \mu_{01}, l_{11}^2)\,
  \mathcal{N}(x_2; \mu_{02} + \tfrac{l_{21}}{l_{11}}(x_1 - \mu_{01}), l_{22}^2)`
  (checked), so the double integral is an iterated one: for fixed :math:`x_1`
  the inner integral over :math:`x_2` and then the outer one over :math:`x_1`
  are each a 1-D Gaussian integral, which the engine evaluates.

The engine checks single integrals only, so the line that writes the double
integral as the iterated integral of the factorised density (Fubini) is stated;
everything it uses (the factorisation, the log-ratio, the inner integral) is
proved in its own chain.

References: source 001, "The multivariate Gaussian" and "KL divergences have
closed forms"; Kingma & Welling (2014), "Auto-Encoding Variational Bayes",
appendix B; the general formula as stated in issue 4 (it is the standard one,
e.g. Rasmussen & Williams 2006, appendix A).
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from derivations.engine.defined import Defined, named_function
from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.display import UNEVALUATED as _U
from derivations.engine.display import fraction, inverse, minus, square
from derivations.engine.relations import DEFINITION, GIVEN, INTEGRAL
from derivations.engine.substitution import substitution
from derivations.gaussian.kl import KLNormal

HALF = sp.Rational(1, 2)

#: the coordinates (named "x_{1}" so as not to be the shared bold latent x_1 of the notation table)
x_1, x_2 = sp.Symbol("x_{1}", real=True), sp.Symbol("x_{2}", real=True)
#: the means: mu_0 = (mu_01, mu_02) for P, mu_1 = (mu_11, mu_12) for Q
mu_01, mu_02, mu_11, mu_12 = sp.symbols("mu_01 mu_02 mu_11 mu_12", real=True)
#: Cholesky factors L_0 (of Sigma_0) and L_1 (of Sigma_1): positive diagonal, real off-diagonal
l_11, l_22, m_11, m_22 = sp.symbols("l_11 l_22 m_11 m_22", positive=True)
l_21, m_21 = sp.symbols("l_21 m_21", real=True)
P_PARAMS = (mu_01, mu_02, l_11, l_21, l_22)
Q_PARAMS = (mu_11, mu_12, m_11, m_21, m_22)


def covariance(c11: sp.Expr, c21: sp.Expr, c22: sp.Expr) -> sp.Matrix:
    """``L L^T`` for ``L = [[c11, 0], [c21, c22]]``: a general symmetric positive definite 2 x 2 matrix."""
    factor = sp.Matrix([[c11, 0], [c21, c22]])
    return factor * factor.T


def quadratic_form(y1: sp.Expr, y2: sp.Expr, c11: sp.Expr, c21: sp.Expr, c22: sp.Expr) -> sp.Expr:
    r""":math:`\mathbf{y}^\top \Sigma^{-1} \mathbf{y}` for :math:`\Sigma = L L^\top`."""
    y = sp.Matrix([y1, y2])
    return sp.cancel((y.T * covariance(c11, c21, c22).inv() * y)[0, 0])


def _label(index: sp.Expr) -> str:
    return str(index)


class MVNormalPDF(Defined):
    r"""``MVNormalPDF(x_1, x_2, m_1, m_2, c11, c21, c22, k)``: the density of N(mu_k, Sigma_k).

    .. math:: \mathcal{N}(\mathbf{x}; \boldsymbol\mu, \Sigma) = (2\pi)^{-1} (\det\Sigma)^{-1/2}
              \exp\left(-\tfrac{1}{2}(\mathbf{x}-\boldsymbol\mu)^\top\Sigma^{-1}
              (\mathbf{x}-\boldsymbol\mu)\right)

    with :math:`\Sigma = L L^\top` (source 001, "The multivariate Gaussian").
    """

    nargs = 8

    @classmethod
    def definition(cls, y1, y2, m1, m2, c11, c21, c22, k) -> sp.Expr:
        det = (c11 * c22) ** 2
        return sp.exp(-quadratic_form(y1 - m1, y2 - m2, c11, c21, c22) / 2) / (2 * sp.pi * sp.sqrt(det))

    def _latex(self, printer: Any) -> str:
        k = _label(self.args[7])
        return rf"\mathcal{{N}}\left(\mathbf{{x}}; \boldsymbol{{\mu}}_{{{k}}}, \Sigma_{{{k}}}\right)"


class QuadForm(Defined):
    r"""``QuadForm(y_1, y_2, c11, c21, c22, name, k)``: :math:`\mathbf{y}^\top\Sigma_k^{-1}\mathbf{y}`.

    Printed with ``name`` (a symbol whose name is the LaTeX of the vector) for :math:`\mathbf{y}`.
    """

    nargs = 7

    @classmethod
    def definition(cls, y1, y2, c11, c21, c22, name, k) -> sp.Expr:
        return quadratic_form(y1, y2, c11, c21, c22)

    def _latex(self, printer: Any) -> str:
        name, k = self.args[5].name, _label(self.args[6])
        return rf"\left({name}\right)^{{\top}} \Sigma_{{{k}}}^{{-1}} \left({name}\right)"


TraceTerm = named_function(
    "TraceTerm",
    lambda l11, l21, l22, m11, m21, m22: sp.cancel(
        (covariance(m11, m21, m22).inv() * covariance(l11, l21, l22)).trace()),
    r"\operatorname{{tr}}\left(\Sigma_{{1}}^{{-1}} \Sigma_{{0}}\right)",
    doc=r":math:`\operatorname{tr}(\Sigma_1^{-1}\Sigma_0)` from the two Cholesky factors.")
LogDetRatio = named_function(
    "LogDetRatio",
    lambda l11, l21, l22, m11, m21, m22: sp.log(
        sp.factor(covariance(m11, m21, m22).det()) / sp.factor(covariance(l11, l21, l22).det())),
    r"\ln \frac{{\det \Sigma_{{1}}}}{{\det \Sigma_{{0}}}}",
    doc=r":math:`\ln(\det\Sigma_1 / \det\Sigma_0)`, the determinants of :math:`L L^\top` factored.")


X_MINUS_MU_0 = sp.Symbol(r"\mathbf{x} - \boldsymbol{\mu}_{0}")
X_MINUS_MU_1 = sp.Symbol(r"\mathbf{x} - \boldsymbol{\mu}_{1}")
MU_1_MINUS_MU_0 = sp.Symbol(r"\boldsymbol{\mu}_{1} - \boldsymbol{\mu}_{0}")


def p_density() -> sp.Expr:
    return MVNormalPDF(x_1, x_2, *P_PARAMS, 0)


def q_density() -> sp.Expr:
    return MVNormalPDF(x_1, x_2, *Q_PARAMS, 1)


def published_formula() -> sp.Expr:
    """The closed form for k = 2, in named terms (issue 4; the standard formula)."""
    return HALF * (TraceTerm(l_11, l_21, l_22, m_11, m_21, m_22)
                   + QuadForm(mu_11 - mu_01, mu_12 - mu_02, m_11, m_21, m_22, MU_1_MINUS_MU_0, 1)
                   - 2 + LogDetRatio(l_11, l_21, l_22, m_11, m_21, m_22))


def published_display() -> sp.Expr:
    return sp.Mul(HALF, sp.Add(TraceTerm(l_11, l_21, l_22, m_11, m_21, m_22),
                               QuadForm(mu_11 - mu_01, mu_12 - mu_02, m_11, m_21, m_22, MU_1_MINUS_MU_0, 1),
                               -2, LogDetRatio(l_11, l_21, l_22, m_11, m_21, m_22), **_U), **_U)


# --- diagonal covariances, any dimension k ---------------------------------------------


def diagonal_symbols(k: int) -> tuple[list[sp.Symbol], ...]:
    """Means and standard deviations of P = N(mu_0, diag(s_0^2)), Q = N(mu_1, diag(s_1^2)) in k dimensions."""
    mu0 = [sp.Symbol(f"mu_0{i}", real=True) for i in range(1, k + 1)]
    s0 = [sp.Symbol(f"s_0{i}", positive=True) for i in range(1, k + 1)]
    mu1 = [sp.Symbol(f"mu_1{i}", real=True) for i in range(1, k + 1)]
    s1 = [sp.Symbol(f"s_1{i}", positive=True) for i in range(1, k + 1)]
    return mu0, s0, mu1, s1


def matrix_kl(mu0: sp.Matrix, sigma0: sp.Matrix, mu1: sp.Matrix, sigma1: sp.Matrix) -> sp.Expr:
    """The published closed form, computed with SymPy matrices (issue 4; the standard formula)."""
    k = sigma0.shape[0]
    inverse1 = sigma1.inv()
    delta = mu1 - mu0
    return HALF * ((inverse1 * sigma0).trace() + (delta.T * inverse1 * delta)[0, 0] - k
                   + sp.log(sigma1.det() / sigma0.det()))


class DiagonalKL(Defined):
    r"""``DiagonalKL(*mu_0, *s_0, *mu_1, *s_1)``: the matrix formula with diagonal covariances.

    Prints the formula in matrix notation with the dimension ``k`` filled in, and
    unfolds to :func:`matrix_kl` on :math:`\Sigma_0 = \operatorname{diag}(s_0^2)`,
    :math:`\Sigma_1 = \operatorname{diag}(s_1^2)`.
    """

    @classmethod
    def definition(cls, *args: sp.Expr) -> sp.Expr:
        k = len(args) // 4
        mu0, s0, mu1, s1 = (list(args[i * k:(i + 1) * k]) for i in range(4))
        return matrix_kl(sp.Matrix(mu0), sp.diag(*[s**2 for s in s0]),
                         sp.Matrix(mu1), sp.diag(*[s**2 for s in s1]))

    def _latex(self, printer: Any) -> str:
        k = len(self.args) // 4
        return (r"\frac{1}{2}\left[\operatorname{tr}\left(\Sigma_{1}^{-1} \Sigma_{0}\right) + "
                r"\left(\boldsymbol{\mu}_{1} - \boldsymbol{\mu}_{0}\right)^{\top} \Sigma_{1}^{-1} "
                rf"\left(\boldsymbol{{\mu}}_{{1}} - \boldsymbol{{\mu}}_{{0}}\right) - {k} + "
                r"\ln \frac{\det \Sigma_{1}}{\det \Sigma_{0}}\right]")


def diagonal_case(d: Derivation, k: int) -> None:
    """Diagonal covariances in k dimensions: a sum of univariate divergences, equal to the matrix formula."""
    mu0, s0, mu1, s1 = diagonal_symbols(k)
    xs = [sp.Symbol(f"x_{{{i}}}", real=True) for i in range(1, k + 1)]
    product = sp.Mul(*[NormalPDF(xi, m, s**2) for xi, m, s in zip(xs, mu0, s0, strict=True)], **_U)
    quadratic = sum(((xi - m) ** 2 / s**2 for xi, m, s in zip(xs, mu0, s0, strict=True)), sp.S.Zero)
    determinant = sp.Mul(*[s**2 for s in s0])
    explicit = sp.exp(-quadratic / 2) / sp.sqrt((2 * sp.pi) ** k * determinant)
    shown_quadratic = sp.Add(*[fraction(square(minus(xi, m)), square(s))
                               for xi, m, s in zip(xs, mu0, s0, strict=True)], **_U)
    shown = sp.Mul(inverse(sp.sqrt(sp.Mul(sp.Pow(2 * sp.pi, k, **_U), *[square(s) for s in s0], **_U),
                                   evaluate=False)),
                   sp.exp(sp.Mul(-HALF, shown_quadratic, **_U), **_U), **_U)
    d.start(explicit, lhs=product, display=shown, heading=f"Diagonal covariances, k = {k}",
            because=r"the same density: $\det\Sigma_0 = \prod_i s_{0i}^2$, a diagonal quadratic form",
            text=r"With $\Sigma_0 = \operatorname{diag}(s_{0i}^2)$ the density of $P$ is the product of its "
                 "coordinate densities, so the coordinates are independent; likewise for $Q$.")
    terms = [KLNormal(m0, a**2, m1, b**2) for m0, a, m1, b in zip(mu0, s0, mu1, s1, strict=True)]
    d.start(sp.Add(*terms, **_U), relation=GIVEN, lhs=r"D_{\mathrm{KL}}(P \,\|\, Q)",
            because=r"independent coordinates: $\log p - \log q$ is a sum over $i$, and each term's "
                    r"expectation involves only the $i$-th marginal (the others integrate to 1)")
    closed = [sp.log(b / a) + (a**2 + (m0 - m1) ** 2) / (2 * b**2) - HALF
              for m0, a, m1, b in zip(mu0, s0, mu1, s1, strict=True)]
    d.then(sp.Add(*closed), display=sp.Add(*closed, **_U), because="the univariate result, term by term")
    bracket = [sp.Add(fraction(a**2, b**2), fraction(square(minus(m1, m0)), b**2), -1,
                      sp.log(fraction(b**2, a**2), evaluate=False), **_U)
               for m0, a, m1, b in zip(mu0, s0, mu1, s1, strict=True)]
    d.then(HALF * sp.Add(*bracket), display=sp.Mul(HALF, sp.Add(*bracket, **_U), **_U),
           because=r"$\log\frac{s_{1i}}{s_{0i}} = \frac{1}{2}\ln\frac{s_{1i}^2}{s_{0i}^2}$")
    d.then(DiagonalKL(*mu0, *s0, *mu1, *s1),
           because=r"diagonal matrices: the trace, the quadratic form and the determinants "
                   r"are sums and products over $i$")


def vae_case(d: Derivation, k: int) -> None:
    r"""The VAE term: KL(N(mu, diag(s^2)) || N(0, I)) in k dimensions, from the diagonal case."""
    mu = [sp.Symbol(f"mu_{j}", real=True) for j in range(1, k + 1)]
    s = [sp.Symbol(f"s_{j}", positive=True) for j in range(1, k + 1)]
    label = (r"D_{\mathrm{KL}}\left(\mathcal{N}(\boldsymbol{\mu}, \operatorname{diag}(\mathbf{s}^{2}))"
             r" \,\|\, \mathcal{N}(\mathbf{0}, \mathbf{I})\right)")
    d.start(DiagonalKL(*mu, *s, *([0] * k), *([1] * k)), relation=GIVEN, lhs=label,
            heading=f"The VAE term, k = {k}",
            because=r"the diagonal case with $\boldsymbol{\mu}_1 = \mathbf{0}$, $\Sigma_1 = \mathbf{I}$")
    d.then(sp.Add(*[KLNormal(m, v**2, 0, 1) for m, v in zip(mu, s, strict=True)], **_U),
           because="the sum of the coordinates' univariate divergences")
    summand = [sp.Add(square(v), square(m), -1, sp.Mul(-1, sp.log(square(v), evaluate=False), **_U), **_U)
               for m, v in zip(mu, s, strict=True)]
    d.then(HALF * sp.Add(*summand), display=sp.Mul(HALF, sp.Add(*summand, **_U), **_U),
           because=r"$\sigma_2 = 1$, $\mu_2 = 0$ in each term; $\log s_j = \frac{1}{2}\ln s_j^2$")


def vae_formula(k: int) -> sp.Expr:
    """Kingma & Welling (2014), appendix B: -D_KL = 1/2 sum_j (1 + log s_j^2 - mu_j^2 - s_j^2)."""
    mu = [sp.Symbol(f"mu_{j}", real=True) for j in range(1, k + 1)]
    s = [sp.Symbol(f"s_{j}", positive=True) for j in range(1, k + 1)]
    return -HALF * sum((1 + sp.log(v**2) - m**2 - v**2 for m, v in zip(mu, s, strict=True)), sp.S.Zero)


# --- the general 2 x 2 case -------------------------------------------------------------


def log_ratio() -> sp.Expr:
    r"""log p - log q = 1/2 ln(det S1/det S0) - 1/2 (x-mu0)^T S0^-1 (x-mu0) + 1/2 (x-mu1)^T S1^-1 (x-mu1)."""
    return sp.Add(sp.Mul(HALF, LogDetRatio(l_11, l_21, l_22, m_11, m_21, m_22), **_U),
                  sp.Mul(-HALF, QuadForm(x_1 - mu_01, x_2 - mu_02, l_11, l_21, l_22, X_MINUS_MU_0, 0), **_U),
                  sp.Mul(HALF, QuadForm(x_1 - mu_11, x_2 - mu_12, m_11, m_21, m_22, X_MINUS_MU_1, 1), **_U),
                  **_U)


def conditional_mean() -> sp.Expr:
    r"""The mean of :math:`x_2` given :math:`x_1` under P.

    .. math:: c(x_1) = \mu_{02} + \frac{l_{21}}{l_{11}}(x_1 - \mu_{01})
    """
    return mu_02 + l_21 / l_11 * (x_1 - mu_01)


X_C_MINUS_MU_1 = sp.Symbol(r"\mathbf{x}_{c} - \boldsymbol{\mu}_{1}")


def inner_expectation() -> sp.Expr:
    r"""The integral over :math:`x_2` of the log-ratio against :math:`\mathcal{N}(x_2; c(x_1), l_{22}^2)`.

    The log-ratio is quadratic in :math:`x_2`, so with :math:`\mathbb{E}[x_2] = c` and
    :math:`\mathbb{E}[(x_2 - c)^2] = l_{22}^2` it is the log-ratio at :math:`\mathbf{x}_c = (x_1, c(x_1))`
    plus :math:`l_{22}^2` times its :math:`x_2^2` coefficient, :math:`\frac{1}{2}(m_{22}^{-2} - l_{22}^{-2})`.
    At :math:`\mathbf{x}_c` the quadratic form of :math:`\Sigma_0` is :math:`(x_1 - \mu_{01})^2 / l_{11}^2`.
    The engine checks this against the integral (step (i)).
    """
    c = conditional_mean()
    return sp.Add(sp.Mul(HALF, LogDetRatio(l_11, l_21, l_22, m_11, m_21, m_22), **_U),
                  sp.Mul(-1, fraction(square(minus(x_1, mu_01)), sp.Mul(2, square(l_11), **_U)), **_U),
                  sp.Mul(HALF, QuadForm(x_1 - mu_11, c - mu_12, m_11, m_21, m_22, X_C_MINUS_MU_1, 1), **_U),
                  fraction(square(l_22), sp.Mul(2, square(m_22), **_U)), -HALF, **_U)


def general_case(d: Derivation) -> None:
    """The 2 x 2 case with general symmetric positive definite covariances (Cholesky parameters)."""
    p, q = p_density(), q_density()
    conditional = NormalPDF(x_2, conditional_mean(), l_22**2)
    marginal = NormalPDF(x_1, mu_01, l_11**2)
    d.start(marginal * conditional, lhs=p, display=sp.Mul(marginal, conditional, **_U),
            heading="General covariances, k = 2",
            text=r"$\Sigma_0 = L_0 L_0^\top$, "
                 r"$L_0 = \begin{pmatrix} l_{11} & 0 \\ l_{21} & l_{22} \end{pmatrix}$, "
                 r"and $\Sigma_1 = L_1 L_1^\top$, "
                 r"$L_1 = \begin{pmatrix} m_{11} & 0 \\ m_{21} & m_{22} \end{pmatrix}$, "
                 r"with $l_{11}, l_{22}, m_{11}, m_{22} > 0$: every symmetric positive definite matrix has "
                 r"such a (Cholesky) factor. $P$ factorises into the marginal of $x_1$ and the "
                 r"conditional of $x_2$:",
            because=r"marginal of $x_1$ times conditional of $x_2$ given $x_1$")
    d.start(log_ratio(), lhs=sp.log(p) - sp.log(q), display=log_ratio(),
            because=r"the log-densities; $\det(L L^\top) = (\det L)^2$")
    inner = sp.Integral(conditional * log_ratio(), (x_2, -sp.oo, sp.oo))
    d.start(inner_expectation(), lhs=inner, relation=INTEGRAL, display=inner_expectation(),
            because=r"for fixed $x_1$: Gaussian integral in $x_2$", tag="i",
            text=r"For fixed $x_1$, with $c(x_1) = \mu_{02} + \frac{l_{21}}{l_{11}}(x_1 - \mu_{01})$ and "
                 r"$\mathbf{x}_c = (x_1, c(x_1))$:")
    fubini = sp.Integral(marginal * inner, (x_1, -sp.oo, sp.oo))
    d.start(sp.Integral(sp.Integral(p * (sp.log(p) - sp.log(q)), (x_2, -sp.oo, sp.oo)), (x_1, -sp.oo, sp.oo)),
            lhs=r"D_{\mathrm{KL}}(P \,\|\, Q)", relation=DEFINITION, because="definition")
    d.then(fubini, relation=GIVEN,
           because="the factorisation and the log-ratio above, as an iterated integral (Fubini)")
    outer = sp.Integral(marginal * inner_expectation(), (x_1, -sp.oo, sp.oo))
    d.then(outer, relation=substitution(inner, inner_expectation(), label="the inner integral (i)"),
           because="the inner integral, (i)",
           display=sp.Integral(sp.Mul(marginal, inner_expectation(), **_U), (x_1, -sp.oo, sp.oo)))
    d.then(published_formula(), relation=INTEGRAL, display=published_display(),
           because=r"Gaussian integral in $x_1$, then collecting the terms")


def build() -> Derivation:
    """Build the derivation, unchecked (the tests list its steps without checking them)."""
    d = Derivation("kl_multivariate", title="KL divergence between multivariate normals",
                   sources=("source 001, \"The multivariate Gaussian\" and "
                            "\"KL divergences have closed forms\"",
                            "Kingma & Welling (2014), appendix B (the VAE term)",
                            "issue 4: the matrix formula (the standard closed form)"))
    diagonal_case(d, 3)
    vae_case(d, 3)
    general_case(d)
    known = matrix_kl(sp.Matrix([mu_01, mu_02]), covariance(l_11, l_21, l_22),
                      sp.Matrix([mu_11, mu_12]), covariance(m_11, m_21, m_22))
    d.conclude(known=known, source="the matrix formula (Rasmussen & Williams 2006, appendix A.5) with k = 2",
               lhs=r"D_{\mathrm{KL}}\left(\mathcal{N}(\boldsymbol{\mu}_0, \Sigma_0) \,\|\, "
                   r"\mathcal{N}(\boldsymbol{\mu}_1, \Sigma_1)\right)")
    return d


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
