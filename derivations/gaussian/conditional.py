r"""The conditional of a jointly Gaussian pair (the scalar case).

.. math:: p(x \mid a) = \mathcal{N}\left(x;\ \mu_1 + \frac{\Sigma_{12}}{\Sigma_{22}}(a - \mu_2),\
          \Sigma_{11} - \frac{\Sigma_{12}^2}{\Sigma_{22}}\right)
          \quad\text{for}\quad \begin{pmatrix} x \\ a \end{pmatrix} \sim
          \mathcal{N}\left(\begin{pmatrix} \mu_1 \\ \mu_2 \end{pmatrix},
          \begin{pmatrix} \Sigma_{11} & \Sigma_{12} \\ \Sigma_{12} & \Sigma_{22} \end{pmatrix}\right)

Only the scalar case (two real coordinates) is derived: the joint density factorises
exactly into the marginal of :math:`a` times a Gaussian in :math:`x`; integrating out
:math:`x` proves the marginal, and dividing gives the conditional. Positive definiteness
is written :math:`\Sigma_{11} = \Sigma_{12}^2/\Sigma_{22} + \Sigma_{1|2}` with
:math:`\Sigma_{22}, \Sigma_{1|2} > 0` (a positive parameterisation of all admissible
covariances). Then the exercise of source 001 (:math:`\Sigma_{12} = 0.7`,
:math:`a = x_2 = 1.5`: mean 1.05, variance 0.51) from the derived formula.

References: source 001, "Property 2: Marginals and Conditionals" and "Computational
Exercises", 2; Bishop (2006), *Pattern Recognition and Machine Learning*, eqs. (2.81)-(2.82).
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from derivations.engine.defined import Defined
from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.display import UNEVALUATED as _U
from derivations.engine.notation import symbol
from derivations.engine.relations import DEFINITION, GIVEN, INTEGRAL
from derivations.engine.substitution import at, substitution

x, a, mu_1, mu_2 = symbol("x"), symbol("a"), symbol("mu_1"), symbol("mu_2")
Sigma_11, Sigma_12, Sigma_22 = symbol("Sigma_11"), symbol("Sigma_12"), symbol("Sigma_22")
Sigma_1g2 = symbol("Sigma_1g2")

OO = (-sp.oo, sp.oo)

#: Source 001, Property 2 (scalar case); Bishop (2006), eqs. (2.81)-(2.82).
SOURCE_001_MEAN = mu_1 + Sigma_12 / Sigma_22 * (a - mu_2)
SOURCE_001_VARIANCE = Sigma_11 - Sigma_12**2 / Sigma_22
#: Source 001, "Computational Exercises", 2: mu = 0, Sigma = [[1, 0.7], [0.7, 1]], x_2 = 1.5.
EXERCISE = {mu_1: sp.S.Zero, mu_2: sp.S.Zero, Sigma_11: sp.S.One, Sigma_12: sp.Rational(7, 10),
            Sigma_22: sp.S.One, a: sp.Rational(3, 2)}


class BivariateNormalPDF(Defined):
    r"""The joint density of :math:`(x, a)`: :math:`\mathcal{N}(v; m, \Sigma) =
    \frac{\exp(-\frac12 (v - m)^\top \Sigma^{-1} (v - m))}{2\pi\sqrt{\det\Sigma}}` (source 001,
    "The multivariate Gaussian", with :math:`d = 2`).

    ``BivariateNormalPDF(x, a, mu_1, mu_2, Sigma_11, Sigma_12, Sigma_22)``.
    """

    nargs = 7

    @classmethod
    def definition(cls, x1: sp.Expr, x2: sp.Expr, m1: sp.Expr, m2: sp.Expr,
                   s11: sp.Expr, s12: sp.Expr, s22: sp.Expr) -> sp.Expr:
        v = sp.Matrix([x1 - m1, x2 - m2])
        sigma = sp.Matrix([[s11, s12], [s12, s22]])
        quadratic = (v.T * sigma.adjugate() * v)[0] / sigma.det()
        return sp.exp(-quadratic / 2) / (2 * sp.pi * sp.sqrt(sigma.det()))

    def _latex(self, printer: Any) -> str:
        x1, x2, m1, m2, s11, s12, s22 = (printer._print(arg) for arg in self.args)
        return (rf"\mathcal{{N}}\left(\begin{{pmatrix}} {x1} \\ {x2} \end{{pmatrix}}; "
                rf"\begin{{pmatrix}} {m1} \\ {m2} \end{{pmatrix}}, "
                rf"\begin{{pmatrix}} {s11} & {s12} \\ {s12} & {s22} \end{{pmatrix}}\right)")


class Conditional(sp.Function):
    r"""A conditional density, printed :math:`p(x \mid a)`; stated, never unfolded."""

    nargs = 2

    def _latex(self, printer: Any) -> str:
        first, given = (printer._print(arg) for arg in self.args)
        return rf"p\left({first} \mid {given}\right)"


class Joint(sp.Function):
    r"""A (joint or marginal) density, printed :math:`p(x, a)`; stated, never unfolded."""

    def _latex(self, printer: Any) -> str:
        return rf"p\left({', '.join(printer._print(arg) for arg in self.args)}\right)"


JOINT = BivariateNormalPDF(x, a, mu_1, mu_2, Sigma_11, Sigma_12, Sigma_22)
MARGINAL = NormalPDF(a, mu_2, Sigma_22)


def _conditional_mean_shown() -> sp.Expr:
    return sp.Add(mu_1, sp.Mul(sp.Mul(Sigma_12, sp.Pow(Sigma_22, -1, **_U), **_U), a - mu_2, **_U), **_U)


def _conditional_variance_shown() -> sp.Expr:
    return sp.Add(Sigma_11, sp.Mul(-1, sp.Mul(Sigma_12**2, sp.Pow(Sigma_22, -1, **_U), **_U), **_U), **_U)


def _conditional_shown() -> sp.Expr:
    return NormalPDF(x, _conditional_mean_shown(), _conditional_variance_shown())


def _factorisation(d: Derivation) -> sp.Expr:
    """The joint density, explicitly, and factorised into the marginal of a times a Gaussian in x."""
    det = Sigma_11 * Sigma_22 - Sigma_12**2
    form = sp.Add(Sigma_22 * (x - mu_1) ** 2, -2 * Sigma_12 * (x - mu_1) * (a - mu_2),
                  Sigma_11 * (a - mu_2) ** 2, **_U)
    explicit = sp.Mul(sp.Pow(sp.Mul(2, sp.pi, sp.sqrt(det), **_U), -1, **_U),
                      sp.exp(sp.Mul(-1, sp.Mul(form, sp.Pow(sp.Mul(2, det, **_U), -1, **_U), **_U), **_U),
                             **_U),
                      **_U)
    d.start(explicit.doit(), lhs=JOINT, display=explicit, heading="The joint density factorises",
            text=r"Positive definiteness: $\Sigma_{22} > 0$ and $\Sigma_{1|2} = \Sigma_{11} - "
                 r"\Sigma_{12}^2/\Sigma_{22} > 0$; the checks substitute "
                 r"$\Sigma_{11} = \Sigma_{12}^2/\Sigma_{22} + \Sigma_{1|2}$, which covers every admissible "
                 r"$\Sigma$, so $\det\Sigma = \Sigma_{22}\Sigma_{1|2}$.",
            because=r"the bivariate density: $\Sigma^{-1} = \frac{1}{\det\Sigma}"
                    r"\begin{pmatrix} \Sigma_{22} & -\Sigma_{12} \\ "
                    r"-\Sigma_{12} & \Sigma_{11} \end{pmatrix}$")
    factorised = MARGINAL * NormalPDF(x, SOURCE_001_MEAN, SOURCE_001_VARIANCE)
    return d.then(factorised, tag="F",
                  display=sp.Mul(MARGINAL, _conditional_shown(), **_U),
                  because=r"complete the square in $x$; $\det\Sigma = \Sigma_{22}"
                          r"\left(\Sigma_{11} - \frac{\Sigma_{12}^2}{\Sigma_{22}}\right)$")


def _marginal(d: Derivation, factorised: sp.Expr) -> None:
    """Integrate x out: the marginal of a is N(mu_2, Sigma_22) (source 001, Property 2)."""
    d.start(sp.Integral(JOINT, (x, *OO)), lhs=Joint(a), relation=DEFINITION, heading="The marginal",
            because=r"integrate $x$ out")
    d.then(sp.Integral(factorised, (x, *OO)), relation=substitution(JOINT, factorised, label="the joint density"),
           because="by (F)")
    d.then(MARGINAL, relation=INTEGRAL, tag="M", because="a normalised density in $x$ integrates to 1")


def _conditional(d: Derivation) -> sp.Expr:
    """Divide the joint by the marginal."""
    d.start(Joint(x, a) / Joint(a), lhs=Conditional(x, a), relation=DEFINITION, heading="The conditional",
            display=sp.Mul(Joint(x, a), sp.Pow(Joint(a), -1, **_U), **_U),
            because="the conditional density: joint over marginal")
    d.then(JOINT / MARGINAL, relation=GIVEN, display=sp.Mul(JOINT, sp.Pow(MARGINAL, -1, **_U), **_U),
           because="the joint density and the marginal (M)")
    result = NormalPDF(x, SOURCE_001_MEAN, SOURCE_001_VARIANCE)
    return d.then(result, display=_conditional_shown(),
                  because="by (F), the marginal cancels")


def _exercise(d: Derivation) -> None:
    """Source 001's exercise 2 from the derived mean and variance."""
    values = tuple(EXERCISE.items())
    d.start(SOURCE_001_MEAN, lhs=r"\mu_{1|2}", relation=DEFINITION, display=_conditional_mean_shown(),
            heading="Exercise (source 001, Computational Exercises, 2)",
            text=r"$\mu = (0, 0)$, $\Sigma = \begin{pmatrix} 1 & 0.7 \\ 0.7 & 1 \end{pmatrix}$, "
                 r"$x_2 = a = 1.5$. "
                 "The tests draw seeded samples from the joint and compare.",
            because="the mean derived above")
    d.then(SOURCE_001_MEAN.xreplace(EXERCISE), relation=at(dict(values), label="the exercise's values"),
           because=r"$\frac{0.7}{1} \times 1.5 = 1.05$")
    d.start(SOURCE_001_VARIANCE, lhs=r"\Sigma_{1|2}", relation=DEFINITION,
            display=_conditional_variance_shown(),
            because="the variance derived above")
    d.then(SOURCE_001_VARIANCE.xreplace(EXERCISE), relation=at(dict(values), label="the exercise's values"),
           because=r"$1 - 0.7^2 = 0.51$")


def build() -> Derivation:
    """The derivation, unchecked."""
    d = Derivation("gaussian_conditional", title="The conditional of a jointly Gaussian pair",
                   sources=("source 001, Property 2 (marginals and conditionals); Computational Exercises, 2",
                            "Bishop 2006, eqs. (2.81)-(2.82)"))
    d.define(Sigma_11, Sigma_12**2 / Sigma_22 + Sigma_1g2)
    d.assume(Sigma_12**2 < Sigma_11 * Sigma_22)
    factorised = _factorisation(d)
    _marginal(d, factorised)
    _exercise(d)
    _conditional(d)
    d.conclude(known=NormalPDF(x, SOURCE_001_MEAN, SOURCE_001_VARIANCE), lhs=r"p(x \mid a)",
               source="source 001, Property 2 (scalar case); Bishop 2006, eqs. (2.81)-(2.82)")
    return d


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
