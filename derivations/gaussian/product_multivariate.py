r"""The product of two multivariate Gaussian densities: precisions add (source 001, Property 3, in d dimensions).

.. math:: \mathcal{N}(\mathbf{x}; \mathbf{m}_1, \Sigma_1)\,\mathcal{N}(\mathbf{x}; \mathbf{m}_2, \Sigma_2)
          = \mathcal{N}(\mathbf{m}_1; \mathbf{m}_2, \Sigma_1 + \Sigma_2)\,
            \mathcal{N}(\mathbf{x}; \mathbf{m}_*, \Sigma_*),
          \qquad \Sigma_*^{-1} = \Sigma_1^{-1} + \Sigma_2^{-1},\quad
          \mathbf{m}_* = \Sigma_*(\Sigma_1^{-1}\mathbf{m}_1 + \Sigma_2^{-1}\mathbf{m}_2).

The scalar case is :mod:`derivations.gaussian.product`. Here, for every dimension: two lemmas on
inverses (:math:`\Sigma_1^{-1}\Sigma_*\Sigma_2^{-1} = (\Sigma_1 + \Sigma_2)^{-1}` and
:math:`\Sigma_1^{-1} - \Sigma_1^{-1}\Sigma_*\Sigma_1^{-1} = (\Sigma_1 + \Sigma_2)^{-1}`, each checked by
multiplying by :math:`\Sigma_1 + \Sigma_2`), the exponent completed into a square, the leftover
quadratic form in :math:`\mathbf{m}_1 - \mathbf{m}_2`, the determinants
:math:`|\Sigma_1||\Sigma_2| = |\Sigma_1 + \Sigma_2||\Sigma_*|`, and the identity of the densities.
Then the diffusion use: the DDPM posterior as a product in :math:`\mathbf{x}_{t-1}` (isotropic covariances).

References: source 001, "Property 3: Products of Gaussians" and "Precision = Confidence";
Petersen & Pedersen, *The Matrix Cookbook* (2012), sec. 8.1.8; Bishop (2006), eq. (2.116).
"""

from __future__ import annotations

import sympy as sp

from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.matrices import MVNormalPDF, as_written, d, matrix, minus, quadratic
from derivations.engine.relations import DEFINITION
from derivations.engine.substitution import substitution

x = matrix(r"\mathbf{x}", d, 1)
m_1, m_2 = matrix(r"\mathbf{m}_{1}", d, 1), matrix(r"\mathbf{m}_{2}", d, 1)
Sigma_1, Sigma_2 = matrix(r"\Sigma_{1}", kind="positive definite"), matrix(r"\Sigma_{2}", kind="positive definite")
#: The precision-weighted covariance and mean (source 001, Property 3).
SIGMA_STAR = (Sigma_1.I + Sigma_2.I).I
M_STAR = SIGMA_STAR * (Sigma_1.I * m_1 + Sigma_2.I * m_2)
V = (Sigma_1 + Sigma_2).I
B = Sigma_1.I * m_1 + Sigma_2.I * m_2
#: The three matrices that the lemmas show equal to V.
G_1 = Sigma_1.I - Sigma_1.I * SIGMA_STAR * Sigma_1.I
G_2 = Sigma_2.I - Sigma_2.I * SIGMA_STAR * Sigma_2.I
G_12 = Sigma_1.I * SIGMA_STAR * Sigma_2.I


_q = quadratic


def _lemmas(d_: Derivation) -> None:
    """Two identities of inverses, each checked by multiplying by Sigma_1 + Sigma_2."""
    d_.start(V, lhs=Sigma_1.I * SIGMA_STAR * Sigma_2.I, tag="L1", heading="Two lemmas on inverses",
             text=r"$\Sigma_* = (\Sigma_1^{-1} + \Sigma_2^{-1})^{-1}$: precisions add. Each line is checked by "
                  r"multiplying both sides by $\Sigma_1 + \Sigma_2$ (invertible).",
             because=r"$(\Sigma_1 + \Sigma_2)\Sigma_1^{-1}\Sigma_*\Sigma_2^{-1} = \Sigma_2(\Sigma_2^{-1} + "
                     r"\Sigma_1^{-1})\Sigma_*\Sigma_2^{-1} = I$")
    for first, tag in ((Sigma_1, "L2"), (Sigma_2, "L3")):
        d_.start(V, lhs=first.I - first.I * SIGMA_STAR * first.I, tag=tag,
                 because=rf"$(\Sigma_1 + \Sigma_2)(\Sigma^{{-1}} - \Sigma^{{-1}}\Sigma_*\Sigma^{{-1}}) = I$ for "
                         rf"$\Sigma = {sp.latex(first)}$")
    d_.start(Sigma_1 * V * Sigma_2, lhs=SIGMA_STAR, tag="L4",
             because=r"(L1) multiplied by $\Sigma_1$ on the left and $\Sigma_2$ on the right")


def _half(e: sp.Expr) -> sp.Expr:
    """-e/2, unevaluated (so that e stays a part of the line for the substitutions)."""
    return sp.Mul(sp.Rational(-1, 2), e, evaluate=False)


def _form(inner: sp.Expr, normaliser: sp.Expr) -> sp.Expr:
    """exp(-inner/2) / normaliser, unevaluated (the parts stay visible to the substitutions)."""
    return sp.Mul(sp.exp(_half(inner)), sp.Pow(normaliser, -1, evaluate=False), evaluate=False)


TOTAL = _q(minus(x, m_1), Sigma_1.I) + _q(minus(x, m_2), Sigma_2.I)
REST = _q(m_1, Sigma_1.I) + _q(m_2, Sigma_2.I) - _q(B, SIGMA_STAR)
SQUARE = _q(minus(x, M_STAR), SIGMA_STAR.I)
LEFTOVER = _q(minus(m_1, m_2), V)


def _exponent(d_: Derivation) -> None:
    """The exponent: a square in x and a quadratic form in m_1 - m_2."""
    expanded = _q(x, Sigma_1.I + Sigma_2.I) - 2 * _q(x, sp.Identity(d), B) + _q(m_1, Sigma_1.I) + _q(m_2, Sigma_2.I)
    d_.start(expanded, lhs=TOTAL, heading="The exponent", because="expand; collect the terms in $\\mathbf{x}$")
    d_.then(SQUARE + REST, tag="S",
            because=r"complete the square: $\Sigma_*^{-1}\mathbf{m}_* = \Sigma_1^{-1}\mathbf{m}_1 + "
                    r"\Sigma_2^{-1}\mathbf{m}_2$")
    split = _q(m_1, G_1) + _q(m_2, G_2) - 2 * _q(m_1, G_12, m_2)
    d_.start(split, lhs=REST, because=r"expand $\mathbf{b}^\top\Sigma_*\mathbf{b}$, "
             r"$\mathbf{b} = \Sigma_1^{-1}\mathbf{m}_1 + \Sigma_2^{-1}\mathbf{m}_2$; $\Sigma_*$ is symmetric")
    d_.then(_q(m_1, V) + _q(m_2, G_2) - 2 * _q(m_1, G_12, m_2), relation=substitution(G_1, V, label="(L2)"),
            because="(L2)")
    d_.then(_q(m_1, V) + _q(m_2, V) - 2 * _q(m_1, G_12, m_2), relation=substitution(G_2, V, label="(L3)"),
            because="(L3)")
    d_.then(_q(m_1, V) + _q(m_2, V) - 2 * _q(m_1, V, m_2), relation=substitution(G_12, V, label="(L1)"),
            because="(L1)")
    d_.then(LEFTOVER, tag="R", because=r"a square in $\mathbf{m}_1 - \mathbf{m}_2$")


def _product(d_: Derivation) -> sp.Expr:
    """The product of the densities, term by term."""
    d_.start(sp.Determinant(Sigma_1 * V * Sigma_2), lhs=sp.Determinant(SIGMA_STAR), heading="The determinants",
             relation=substitution(SIGMA_STAR, Sigma_1 * V * Sigma_2, label="(L4)"), because="(L4)")
    d_.then(sp.Determinant(Sigma_1) * sp.Determinant(Sigma_2) / sp.Determinant(Sigma_1 + Sigma_2),
            because=r"$|ABC| = |A||B||C|$ and $|V^{-1}| = 1/|V|$")
    product = MVNormalPDF(x, m_1, Sigma_1) * MVNormalPDF(x, m_2, Sigma_2)
    d_.start(product, lhs=r"\mathcal{N}(\mathbf{x}; \mathbf{m}_1, \Sigma_1)\,\mathcal{N}(\mathbf{x}; \mathbf{m}_2, "
                          r"\Sigma_2)",
             relation=DEFINITION, heading="The product", because="source 001, Property 3, in $d$ dimensions")
    normaliser = (2 * sp.pi) ** d * sp.sqrt(sp.Determinant(Sigma_1) * sp.Determinant(Sigma_2))
    d_.then(_form(TOTAL, normaliser), because="the exponents add")
    d_.then(_form(sp.Add(SQUARE, REST, evaluate=False), normaliser),
            relation=substitution(TOTAL, SQUARE + REST, label="(S)"),
            because=r"(S), with $\Sigma_* = (\Sigma_1^{-1} + \Sigma_2^{-1})^{-1}$ and "
                    r"$\mathbf{m}_* = \Sigma_*(\Sigma_1^{-1}\mathbf{m}_1 + \Sigma_2^{-1}\mathbf{m}_2)$ shown by name",
            display=_short(_form(sp.Add(SQUARE, REST, evaluate=False), normaliser)))
    d_.then(_form(SQUARE + LEFTOVER, normaliser), relation=substitution(REST, LEFTOVER, label="(R)"),
            because="(R)", display=_short(_form(SQUARE + LEFTOVER, normaliser)))
    moved = (2 * sp.pi) ** d * sp.sqrt(sp.Determinant(Sigma_1 + Sigma_2) * sp.Determinant(Sigma_1 * V * Sigma_2))
    d_.then(_form(SQUARE + LEFTOVER, moved), display=_short(_form(SQUARE + LEFTOVER, moved)),
            because=r"$|\Sigma_1||\Sigma_2| = "
            r"|\Sigma_1 + \Sigma_2|\,|\Sigma_1(\Sigma_1 + \Sigma_2)^{-1}\Sigma_2|$")
    star = (2 * sp.pi) ** d * sp.sqrt(sp.Determinant(Sigma_1 + Sigma_2) * sp.Determinant(SIGMA_STAR))
    d_.then(_form(SQUARE + LEFTOVER, star), display=_short(_form(SQUARE + LEFTOVER, star)),
            relation=substitution(Sigma_1 * V * Sigma_2, SIGMA_STAR, label="(L4)"), because="(L4)")
    return d_.then(MVNormalPDF(m_1, m_2, Sigma_1 + Sigma_2) * MVNormalPDF(x, M_STAR, SIGMA_STAR), tag="P",
                   because=r"two normalised densities: $\mathcal{N}(\mathbf{m}_1; \mathbf{m}_2, \Sigma_1 + \Sigma_2)$ "
                           r"and $\mathcal{N}(\mathbf{x}; \mathbf{m}_*, \Sigma_*)$")


#: Display names for the long forms: the page writes Sigma_* and m_* as the source does.
_NAMED = {M_STAR: sp.MatrixSymbol(r"\mathbf{m}_{*}", d, 1), SIGMA_STAR: sp.MatrixSymbol(r"\Sigma_{*}", d, d)}


def _short(expr: sp.Expr) -> sp.Expr:
    with sp.evaluate(False):  # as written: only the names change
        return expr.xreplace(_NAMED)


def build() -> Derivation:
    """The derivation, unchecked."""
    d_ = Derivation("product_multivariate", title="The product of two multivariate Gaussian densities",
                    sources=("source 001, Property 3 (products of Gaussians: precisions add)",
                             "Petersen & Pedersen, The Matrix Cookbook (2012), sec. 8.1.8"))
    for named, value in _NAMED.items():
        d_.define(value, named)
    _lemmas(d_)
    _exponent(d_)
    _product(d_)
    as_written(d_)
    d_.note(r"For isotropic covariances $\Sigma_i = s_i^2\mathbf{I}$ this is gaussian_product coordinate by "
            r"coordinate; with $\Sigma_1 = (\beta_t / \alpha_t)\mathbf{I}$ ($q(\mathbf{x}_t \mid \mathbf{x}_{t-1})$ "
            r"read as a density in $\mathbf{x}_{t-1}$) and $\Sigma_2 = (1 - \bar\alpha_{t-1})\mathbf{I}$ it is the "
            r"product behind the DDPM posterior (ddpm_posterior).")
    d_.conclude(known=MVNormalPDF(m_1, m_2, Sigma_1 + Sigma_2) * MVNormalPDF(x, M_STAR, SIGMA_STAR),
                lhs=r"\mathcal{N}(\mathbf{x}; \mathbf{m}_1, \Sigma_1)\,\mathcal{N}(\mathbf{x}; \mathbf{m}_2, \Sigma_2)",
                source="source 001, Property 3; The Matrix Cookbook, sec. 8.1.8")
    return d_


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
