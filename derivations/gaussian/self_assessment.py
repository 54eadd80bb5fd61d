r"""Source 002's self-assessment: question 1 as proved lines, and the "why" of question 5.

.. math:: X \sim \mathcal{N}(10, 4),\ Y \sim \mathcal{N}(-2, 5)\ \text{independent}:\quad
          X + Y \sim \mathcal{N}(8, 9),\qquad 3X \sim \mathcal{N}(30, 36);

.. math:: D_{\mathrm{KL}}(P \,\|\, Q) = \mathbb{E}_P\left[\log\frac{p}{q}\right] = \log 2 - \frac14,\quad
          D_{\mathrm{KL}}(Q \,\|\, P) = 2 - \log 2,\quad
          \mathbb{E}_Q\left[\log\frac{p}{q}\right] = \log 2 - 2 < 0

for :math:`P = \mathcal{N}(0, 1)`, :math:`Q = \mathcal{N}(1, 4)`. Question 1 twice: by characteristic
functions (the closed forms of :mod:`derivations.gaussian.characteristic_function` at the numbers) and by
equality in distribution (:math:`X = 10 + 2Z_1`, :math:`Y = -2 + \sqrt5 Z_2`). Question 5: the expectation
is taken under :math:`P`, the distribution the samples come from; under :math:`Q` the same log-ratio has
another mean, here negative (so not a divergence at all), and the divergence of :math:`Q` from :math:`P`
is a third number. Each value is an integral the engine evaluates.

References: source 002, "Self-Assessment for This Video", questions 1, 4 and 5, and sections 1-2.
"""

from __future__ import annotations

import sympy as sp

from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.expectation import expectation
from derivations.engine.notation import symbol
from derivations.engine.relations import DEFINITION, EQUAL_IN_DISTRIBUTION, GIVEN, INTEGRAL
from derivations.gaussian.characteristic_function import NormalCF

t, x = symbol("t"), symbol("x")
z_1, z_2, z_3 = (sp.Symbol(f"Z_{k}", real=True) for k in (1, 2, 3))
I = sp.I
P, Q = NormalPDF(x, 0, 1), NormalPDF(x, 1, 4)
LOG_RATIO = sp.log(P) - sp.log(Q)


def _question_1(d: Derivation) -> None:
    """X + Y ~ N(8, 9) and 3X ~ N(30, 36): characteristic functions, then in distribution."""
    d.start(NormalCF(t, 10, 4) * NormalCF(t, -2, 5), lhs=r"\varphi_{X+Y}(t) = \varphi_X(t)\,\varphi_Y(t)",
            relation=GIVEN, heading="Question 1: the sum",
            text=r"$X \sim \mathcal{N}(10, 4)$ and $Y \sim \mathcal{N}(-2, 5)$, independent.",
            because="independence (source 002, section 1, property 2)")
    d.then(sp.exp(10 * I * t - 2 * t**2) * sp.exp(-2 * I * t - 5 * t**2 / 2), because="the characteristic function of "
                                                                                      "a normal")
    d.then(sp.exp(8 * I * t - 9 * t**2 / 2), because=r"$e^{a}e^{b} = e^{a + b}$")
    d.then(NormalCF(t, 8, 9), because=r"the characteristic function of $\mathcal{N}(8, 9)$: $Z = X + Y \sim "
                                      r"\mathcal{N}(8, 9)$")
    d.start(NormalCF(3 * t, 10, 4), lhs=r"\varphi_{3X}(t) = \varphi_X(3t)", relation=GIVEN, heading="Question 1: the "
                                                                                                    "multiple",
            because=r"$\mathbb{E}[e^{it(3X)}] = \mathbb{E}[e^{i(3t)X}]$")
    d.then(NormalCF(t, 30, 36), because=r"$e^{30it - 18t^2}$: $W = 3X \sim \mathcal{N}(30, 36)$, mean $3 \cdot 10$, "
           r"variance $3^2 \cdot 4$")
    d.declare_normals(z_1, z_2, z_3)
    d.start((10 + 2 * z_1) + (-2 + sp.sqrt(5) * z_2), lhs="X + Y", relation=DEFINITION,
            heading="Question 1 again, in distribution",
            text=r"$X = 10 + 2Z_1$, $Y = -2 + \sqrt5 Z_2$ with independent standard normals $Z_1, Z_2$.",
            because="the reparameterisation of each")
    d.then(8 + 3 * z_3, relation=EQUAL_IN_DISTRIBUTION, because=r"variances add: $4 + 5 = 9 = 3^2$")
    d.start(3 * (10 + 2 * z_1), lhs="3X", relation=DEFINITION, because="the same $X$")
    d.then(30 + 6 * z_3, relation=EQUAL_IN_DISTRIBUTION, because=r"$\operatorname{Var}(3X) = 9 \cdot 4 = 36 = 6^2$")


def _question_5(d: Derivation) -> sp.Expr:
    """Where the expectation is taken: the two divergences and the log-ratio's mean under Q."""
    e_p = expectation(LOG_RATIO, x, 0, 1, label="P")
    d.start(sp.log(2) - sp.Rational(1, 4), lhs=e_p, relation=INTEGRAL, tag="PQ", heading="Question 5: the asymmetry",
            text=r"$P = \mathcal{N}(0, 1)$, $Q = \mathcal{N}(1, 4)$ (question 4). The divergence averages the "
                 r"log-ratio "
                 r"over samples of $P$.",
            because=r"$D_{\mathrm{KL}}(P \,\|\, Q) \approx 0.443$ (question 4)")
    e_q = expectation(LOG_RATIO, x, 1, 4, label="Q")
    d.start(sp.log(2) - 2, lhs=e_q, relation=INTEGRAL, tag="EQ",
            because=r"the same log-ratio averaged over $Q$ instead: $\approx -1.307 < 0$, not a divergence")
    d.start(2 - sp.log(2), lhs=expectation(sp.log(Q) - sp.log(P), x, 1, 4, label="Q"), relation=INTEGRAL, tag="QP",
            because=r"$D_{\mathrm{KL}}(Q \,\|\, P) = -\mathbb{E}_Q[\log p/q] \approx 1.307 \ne 0.443$")
    d.start(sp.Add(2 - sp.log(2), -(sp.log(2) - sp.Rational(1, 4)), evaluate=False),
            lhs=r"D_{\mathrm{KL}}(Q \,\|\, P) - D_{\mathrm{KL}}(P \,\|\, Q)", relation=GIVEN,
            because="(QP) and (PQ)")
    return d.then(sp.Rational(9, 4) - 2 * sp.log(2),
                  because=r"$\approx 0.864 \ne 0$: which distribution weighs the log-ratio decides the number")


def build() -> Derivation:
    """The derivation, unchecked."""
    d = Derivation("self_assessment", title="Source 002's self-assessment: questions 1 and 5",
                   sources=("source 002, 'Self-Assessment for This Video', questions 1, 4 and 5",))
    _question_1(d)
    _question_5(d)
    d.note("Question 5's answer: D_KL(P || Q) = E_P[log p/q] weighs the log-ratio by P because it measures the "
           "cost of using Q for data drawn from P (the extra nats of a code built for Q). Swapping the weighting "
           "gives E_Q[log p/q] = log 2 - 2, a different number (negative), and the divergence the other way, "
           "D_KL(Q || P) = 2 - log 2: KL is not symmetric, so it is not a metric.")
    d.conclude(known=sp.Rational(9, 4) - 2 * sp.log(2),
               lhs=r"D_{\mathrm{KL}}(Q \,\|\, P) - D_{\mathrm{KL}}(P \,\|\, Q)",
               source="source 002, question 5 (the asymmetry); the values of kl_divergence")
    return d


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
