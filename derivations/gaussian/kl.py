r"""KL divergence between two univariate normals, from first principles.

.. math:: D_{\mathrm{KL}}\left(\mathcal{N}(\mu_1, \sigma_1^2) \,\|\, \mathcal{N}(\mu_2, \sigma_2^2)\right)
          = \log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2} - \frac{1}{2}

The page follows source 002, section 2, steps 1-4: the two log-densities, their
difference, the expectations under :math:`P` (with the rules of expectation
proved from the Gaussian integral, not assumed), and the sum. A second route
evaluates :math:`\int p \log(p/q)\,dx` directly. Then the properties
(:math:`D_{\mathrm{KL}} \ge 0` with equality exactly when the parameters agree;
not symmetric) and the numbers of self-assessment question 4 of source 002 and
computational exercise 1 of source 001 (a seeded Monte Carlo estimate).

References: Kullback & Leibler (1951), "On information and sufficiency" (the
definition); source 002, section 2, step 4 (the closed form); source 001,
"Computational Exercises", 1.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import sympy as sp

from derivations.engine.defined import Defined
from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.display import UNEVALUATED as _U
from derivations.engine.display import fraction, inverse, minus, square
from derivations.engine.expectation import expectation
from derivations.engine.notation import symbol
from derivations.engine.relations import DEFINITION, DIFFERENTIATION, GIVEN, INTEGRAL
from derivations.engine.substitution import at
from derivations.errors import DerivationError

x, mu_1, mu_2 = symbol("x"), symbol("mu_1"), symbol("mu_2")
sigma_1, sigma_2 = symbol("sigma_1"), symbol("sigma_2")
#: the variance ratio sigma_1^2 / sigma_2^2, and a positive offset for the sign analysis
r = sp.Symbol("r", positive=True)
u = sp.Symbol("u", positive=True)

HALF = sp.Rational(1, 2)
D_KL_PQ = r"D_{\mathrm{KL}}(P \,\|\, Q)"

#: Source 002, section 2, step 4 (also Bishop 2006, exercise 1.30 asks for this formula).
KL_CLOSED_FORM = sp.log(sigma_2 / sigma_1) + (sigma_1**2 + (mu_1 - mu_2) ** 2) / (2 * sigma_2**2) - HALF


# --- display helpers: unevaluated forms in textbook order ----------------------


def quadratic_term(mu: sp.Expr, sigma: sp.Expr) -> sp.Expr:
    r""":math:`(x - \mu)^2 / (2\sigma^2)`, unevaluated."""
    return fraction(square(minus(x, mu)), sp.Mul(2, square(sigma), **_U))


def log_difference() -> sp.Expr:
    r"""Step 2's result, in textbook order.

    .. math:: \log(\sigma_2/\sigma_1) + (x-\mu_2)^2/(2\sigma_2^2) - (x-\mu_1)^2/(2\sigma_1^2)
    """
    return sp.Add(sp.log(fraction(sigma_2, sigma_1)), quadratic_term(mu_2, sigma_2),
                  sp.Mul(-1, quadratic_term(mu_1, sigma_1), **_U), **_U)


def E_P(f: sp.Expr) -> sp.Expr:
    r""":math:`\mathbb{E}_P[f]` with :math:`P = \mathcal{N}(\mu_1, \sigma_1^2)`."""
    return expectation(f, x, mu_1, sigma_1**2)


class KLNormal(Defined):
    r"""``KLNormal(mu_1, var_1, mu_2, var_2)``: the closed form of step 4 at given parameters.

    Prints as :math:`D_{\mathrm{KL}}(\mathcal{N}(\mu_1, \sigma_1^2) \,\|\, \mathcal{N}(\mu_2, \sigma_2^2))`
    and unfolds to :data:`KL_CLOSED_FORM`, which :func:`derive` proves.
    """

    nargs = 4

    @classmethod
    def definition(cls, m1: sp.Expr, v1: sp.Expr, m2: sp.Expr, v2: sp.Expr) -> sp.Expr:
        return KL_CLOSED_FORM.xreplace({mu_1: m1, sigma_1: sp.sqrt(v1), mu_2: m2, sigma_2: sp.sqrt(v2)})

    def _latex(self, printer: Any) -> str:
        m1, v1, m2, v2 = (printer._print(arg) for arg in self.args)
        return (rf"D_{{\mathrm{{KL}}}}\left(\mathcal{{N}}({m1}, {v1}) \,\|\, "
                rf"\mathcal{{N}}({m2}, {v2})\right)")


# --- the page ------------------------------------------------------------------------


def expectation_rules(d: Derivation) -> None:
    """The rules of expectation the page uses, each proved from the Gaussian integral."""
    f, g = sp.Function("f"), sp.Function("g")
    a, b = symbol("a"), sp.Symbol("b", real=True)
    d.start(sp.Integral(f(x) * NormalPDF(x, mu_1, sigma_1**2), (x, -sp.oo, sp.oo)), lhs=E_P(f(x)),
            because="definition of the expectation under $P$", heading="The rules of expectation under P",
            text=r"With $P = \mathcal{N}(\mu_1, \sigma_1^2)$, an expectation is an integral against the "
                 "density, so its rules follow from the integral.")
    combined = sp.Add(sp.Mul(a, E_P(f(x)), **_U), sp.Mul(b, E_P(g(x)), **_U), **_U)
    d.start(a * E_P(f(x)) + b * E_P(g(x)), lhs=E_P(sp.Add(a * f(x), b * g(x), **_U)), display=combined,
            relation=GIVEN, because="linearity of the integral, for integrable $f$ and $g$ (each use below "
                                    "is checked on its own integrand)")
    d.start(1, lhs=E_P(1), relation=INTEGRAL, because="Gaussian integral: the density integrates to 1")
    d.start(0, lhs=E_P(minus(x, mu_1)), relation=INTEGRAL,
            because="Gaussian integral: the odd moment vanishes")
    d.start(sigma_1**2, lhs=E_P(square(minus(x, mu_1))), relation=INTEGRAL,
            because="Gaussian integral: the second central moment")


def log_densities(d: Derivation) -> None:
    """Step 1: the log-densities of P and Q."""
    for mu, sigma, heading in ((mu_1, sigma_1, "Step 1: the log-densities"), (mu_2, sigma_2, "")):
        normaliser = sp.Pow(sp.sqrt(sp.Mul(2, sp.pi, square(sigma), **_U), evaluate=False), -1, **_U)
        exponent = sp.Mul(-1, quadratic_term(mu, sigma), **_U)
        split = sp.Add(sp.log(normaliser, evaluate=False),
                       sp.log(sp.exp(exponent, **_U), evaluate=False), **_U)
        d.start(sp.log(normaliser) + sp.log(sp.exp(exponent)), lhs=sp.log(NormalPDF(x, mu, sigma**2)),
                because=r"$\log(ab) = \log a + \log b$", display=split, heading=heading)
        d.then(-sp.log(2 * sp.pi * sigma**2) / 2 - quadratic_term(mu, sigma), tag="1" if mu == mu_1 else None,
               because=r"$\log e^{y} = y$ and $\log a^{-1/2} = -\frac{1}{2}\log a$",
               display=sp.Add(sp.Mul(-HALF, sp.log(sp.Mul(2, sp.pi, square(sigma), **_U)), **_U),
                              sp.Mul(-1, quadratic_term(mu, sigma), **_U), **_U))


def log_difference_chain(d: Derivation) -> None:
    """Step 2: the difference of the log-densities, simplified."""
    def log_normaliser(sigma: sp.Expr) -> sp.Expr:
        return sp.log(sp.Mul(2, sp.pi, square(sigma), **_U))
    first = sp.Add(sp.Mul(-HALF, log_normaliser(sigma_1), **_U),
                   sp.Mul(-1, quadratic_term(mu_1, sigma_1), **_U), **_U)
    second = sp.Add(sp.Mul(-HALF, log_normaliser(sigma_2), **_U),
                    sp.Mul(-1, quadratic_term(mu_2, sigma_2), **_U), **_U)
    lhs = sp.log(NormalPDF(x, mu_1, sigma_1**2)) - sp.log(NormalPDF(x, mu_2, sigma_2**2))
    d.start(first - second, lhs=lhs, because="step 1", heading="Step 2: the difference of the log-densities",
            display=sp.Add(first, sp.Mul(-1, second, **_U), **_U))
    rearranged = sp.Add(sp.Mul(HALF, minus(log_normaliser(sigma_2), log_normaliser(sigma_1)), **_U),
                        sp.Mul(-1, quadratic_term(mu_1, sigma_1), **_U), quadratic_term(mu_2, sigma_2), **_U)
    d.then(sp.expand(rearranged), because="rearranging the terms", display=rearranged)
    ratio = sp.Add(sp.Mul(HALF, sp.log(fraction(sp.Mul(2, sp.pi, square(sigma_2), **_U),
                                             sp.Mul(2, sp.pi, square(sigma_1), **_U)), evaluate=False), **_U),
                   quadratic_term(mu_2, sigma_2), sp.Mul(-1, quadratic_term(mu_1, sigma_1), **_U), **_U)
    d.then(sp.expand(ratio), because=r"$\log a - \log b = \log(a/b)$", display=ratio)
    d.then(sp.expand(log_difference()),
           because=r"$\frac{1}{2}\log(\sigma_2^2/\sigma_1^2) = \log(\sigma_2/\sigma_1)$",
           display=log_difference(), tag="2")


def second_moment_about_mu_2(d: Derivation) -> None:
    r"""Step 3's aligned block, clean: :math:`\mathbb{E}_P[(x-\mu_2)^2] = \sigma_1^2 + (\mu_1-\mu_2)^2`."""
    shifted = sp.Add(minus(x, mu_1), minus(mu_1, mu_2), **_U)
    cross = sp.Mul(2, minus(x, mu_1), minus(mu_1, mu_2), **_U)
    expanded = sp.Add(square(minus(x, mu_1)), cross, square(minus(mu_1, mu_2)), **_U)
    d.start(E_P(square(shifted)), lhs=E_P(square(minus(x, mu_2))), because=r"add and subtract $\mu_1$",
            heading=r"Step 3: the expectations under P",
            text=r"The second term needs $\mathbb{E}_P[(x-\mu_2)^2]$; the source's aligned block for it is "
                 "garbled (see the notes), this is the clean version.")
    d.then(E_P(expanded), because="expand the square")
    split = sp.Add(E_P(square(minus(x, mu_1))), sp.Mul(2, minus(mu_1, mu_2), E_P(minus(x, mu_1)), **_U),
                   E_P(square(minus(mu_1, mu_2))), **_U)
    d.then(split, because="linearity of the expectation", display=split)
    moments = sp.Add(sigma_1**2, sp.S.Zero, square(minus(mu_1, mu_2)), **_U)
    d.then(sigma_1**2 + (mu_1 - mu_2) ** 2, display=moments, tag="3",
           because=r"$\mathbb{E}_P[(x-\mu_1)^2] = \sigma_1^2$, $\mathbb{E}_P[x-\mu_1] = 0$, "
                   r"$\mathbb{E}_P[c] = c$")
    d.slip(where="source 002, section 2, step 3, line 4 of the aligned block",
           source_line=sigma_1**2, corrected=sigma_1**2 + (mu_1 - mu_2) ** 2,
           note=r"The block's fourth line is a bullet list run into the alignment: read as written it "
                r"continues $E_P[(x-\mu_2)^2] = \mathrm{Var}_P(x) = \sigma_1^2$, which drops "
                r"$(\mu_1-\mu_2)^2$. Its intended content is $E_P[(x-\mu_1)^2] = \sigma_1^2$, "
                r"$E_P[x-\mu_1] = 0$, and $(\mu_1-\mu_2)^2$ constant; the next display "
                r"($\sigma_1^2 + 0 + (\mu_1-\mu_2)^2$) is right.")


def kl_chain(d: Derivation) -> None:
    """Steps 3 and 4: the expectation of the log-ratio, term by term."""
    log_p_minus_log_q = sp.log(NormalPDF(x, mu_1, sigma_1**2)) - sp.log(NormalPDF(x, mu_2, sigma_2**2))
    shown = E_P(sp.Add(sp.log(NormalPDF(x, mu_1, sigma_1**2)),
                       sp.Mul(-1, sp.log(NormalPDF(x, mu_2, sigma_2**2)), **_U), **_U))
    d.start(E_P(log_p_minus_log_q), lhs=D_KL_PQ, relation=DEFINITION, display=shown,
            because="definition (Kullback & Leibler 1951)",
            heading="Steps 3 and 4: the expectation, term by term")
    d.then(E_P(log_difference()), because="step 2", display=E_P(log_difference()))
    terms = sp.Add(E_P(sp.log(fraction(sigma_2, sigma_1))), E_P(quadratic_term(mu_2, sigma_2)),
                   sp.Mul(-1, E_P(quadratic_term(mu_1, sigma_1)), **_U), **_U)
    d.then(terms, because="linearity of the expectation", display=terms)
    factored = sp.Add(sp.log(fraction(sigma_2, sigma_1)),
                      sp.Mul(inverse(sp.Mul(2, square(sigma_2), **_U)), E_P(square(minus(x, mu_2))), **_U),
                      sp.Mul(-1, inverse(sp.Mul(2, square(sigma_1), **_U)),
                             E_P(square(minus(x, mu_1))), **_U),
                      **_U)
    d.then(factored, because=r"constants leave the expectation; $\mathbb{E}_P[c] = c$", display=factored)
    moments = sp.Add(sp.log(fraction(sigma_2, sigma_1)),
                     fraction(sp.Add(sigma_1**2, square(minus(mu_1, mu_2)), **_U),
                          sp.Mul(2, square(sigma_2), **_U)),
                     sp.Mul(-1, fraction(sigma_1**2, sp.Mul(2, square(sigma_1), **_U)), **_U), **_U)
    d.then(sp.expand(moments), display=moments,
           because=r"$\mathbb{E}_P[(x-\mu_2)^2] = \sigma_1^2 + (\mu_1-\mu_2)^2$ and "
                   r"$\mathbb{E}_P[(x-\mu_1)^2] = \sigma_1^2$")
    d.then(KL_CLOSED_FORM, display=closed_form_display(), because="cancel $\\sigma_1^2$", tag="4")


def closed_form_display() -> sp.Expr:
    return sp.Add(sp.log(fraction(sigma_2, sigma_1)),
                  fraction(sp.Add(sigma_1**2, square(minus(mu_1, mu_2)), **_U), sp.Mul(2, square(sigma_2), **_U)),
                  -HALF, **_U)


def f_gap(var: sp.Expr) -> sp.Expr:
    r""":math:`f(r) = (r - 1 - \log r)/2`, the part of the divergence that depends on the variances only."""
    return (var - 1 - sp.log(var)) / 2


def f_gap_display(var: sp.Expr) -> sp.Expr:
    """:func:`f_gap` printed as written."""
    return sp.Mul(HALF, sp.Add(var, -1, sp.Mul(-1, sp.log(var), **_U), **_U), **_U)


def non_negativity(d: Derivation) -> None:
    r"""KL >= 0, with equality exactly when the parameters agree: the minimum of f at r = 1."""
    kl = KLNormal(mu_1, sigma_1**2, mu_2, sigma_2**2)
    d.define(r, sigma_1**2 / sigma_2**2)
    ratio = fraction(sigma_1**2, sigma_2**2)
    bracket = sp.Add(ratio, -1, sp.Mul(-1, sp.log(ratio, evaluate=False), **_U), **_U)
    split = sp.Add(sp.Mul(HALF, bracket, **_U),
                   fraction(square(minus(mu_1, mu_2)), sp.Mul(2, square(sigma_2), **_U)), **_U)
    d.start(sp.expand(split), lhs=kl, display=split, because=r"step 4, with $\log\frac{\sigma_2}{\sigma_1} = "
            r"-\frac{1}{2}\log\frac{\sigma_1^2}{\sigma_2^2}$", heading="Non-negativity",
            text=r"Write $r = \sigma_1^2/\sigma_2^2$ and $f(r) = \frac{1}{2}(r - 1 - \log r)$.")
    with_r = sp.Add(f_gap_display(r), fraction(square(minus(mu_1, mu_2)), sp.Mul(2, square(sigma_2), **_U)), **_U)
    d.then(f_gap(r) + (mu_1 - mu_2) ** 2 / (2 * sigma_2**2), display=with_r,
           because=r"$r = \sigma_1^2/\sigma_2^2$; the second term is $\ge 0$, $= 0$ iff $\mu_1 = \mu_2$")
    for new, value, why in (
        (1 + u, u / (2 * (1 + u)), r"for $r > 1$ put $r = 1 + u$, $u > 0$: $f' > 0$, $f$ increases"),
        (1 / (1 + u), -u / 2, r"for $0 < r < 1$ put $r = 1/(1 + u)$, $u > 0$: $f' < 0$, $f$ decreases"),
    ):
        d.start((1 - 1 / r) / 2, lhs=sp.Derivative(f_gap_display(r), r), relation=DIFFERENTIATION,
                because="differentiate",
                display=sp.Mul(HALF, minus(1, inverse(r)), **_U))
        d.then((r - 1) / (2 * r), because="common denominator")
        d.then(value, relation=at({r: new}), because=why)
        if not (value.is_positive or value.is_negative):
            raise DerivationError(f"kl_divergence: the sign of {value} is not decided")
    d.start(f_gap(r), lhs="f(r)", because="definition", display=f_gap_display(r))
    d.then(0, relation=at({r: 1}),
           because=r"at $r = 1$: the minimum, so $f(r) \ge 0$, $= 0$ iff $r = 1$")
    d.start(0, lhs=KLNormal(mu_1, sigma_1**2, mu_1, sigma_1**2),
            because=r"equal parameters ($\mu_2 = \mu_1$, $\sigma_2 = \sigma_1$): $D_{\mathrm{KL}} = 0$")


def self_assessment_numbers(d: Derivation) -> None:
    """Self-assessment question 4 of source 002, and the reverse direction: KL is not symmetric."""
    forward = KLNormal(0, 1, 1, 4)
    backward = KLNormal(1, 4, 0, 1)
    shown = sp.Add(sp.log(fraction(2, 1), evaluate=False),
                   fraction(sp.Add(1, square(minus(0, 1)), **_U), sp.Mul(2, 4, **_U)), -HALF, **_U)
    d.start(sp.log(2) + sp.Rational(1, 4) - HALF, lhs=forward, display=shown,
            because=r"step 4 with $\mu_1 = 0$, $\sigma_1 = 1$, $\mu_2 = 1$, $\sigma_2 = 2$ (variance 4)",
            heading="Numbers: self-assessment question 4 and the reverse direction")
    d.then(sp.log(2) - sp.Rational(1, 4), because="arithmetic", display=minus(sp.log(2), sp.Rational(1, 4)))
    reverse = sp.Add(sp.log(sp.Rational(1, 2), evaluate=False),
                     fraction(sp.Add(4, square(minus(1, 0)), **_U), sp.Mul(2, 1, **_U)), -HALF, **_U)
    d.start(sp.log(HALF) + sp.Rational(5, 2) - HALF, lhs=backward, display=reverse,
            because=r"step 4 with $P$ and $Q$ exchanged")
    d.then(2 - sp.log(2), because="arithmetic")
    d.start(sp.Add(backward, sp.Mul(-1, forward, **_U), **_U), relation=DEFINITION,
            lhs=r"D_{\mathrm{KL}}(Q \,\|\, P) - D_{\mathrm{KL}}(P \,\|\, Q)", because="the two directions")
    d.then(sp.Rational(9, 4) - 2 * sp.log(2),
           because=r"they differ: $\frac{9}{4} - 2\log 2 \approx 0.864 \neq 0$")
    estimate, error = monte_carlo_kl(0.0, 1.0, 1.0, 2.0)
    exact = float(sp.log(2) - sp.Rational(1, 4))
    d.note(f"Monte Carlo (source 001, computational exercise 1): {MC_DRAWS} draws from P = N(0, 1) with "
           f"numpy.random.default_rng({MC_SEED}) give the mean of log p(x) - log q(x) as {estimate:.5f} "
           f"with standard error {error:.5f}; the closed form log 2 - 1/4 = {exact:.5f} lies "
           f"{abs(estimate - exact) / error:.2f} standard errors away.")


MC_SEED = 2020
MC_DRAWS = 200_000


def monte_carlo_kl(m1: float, s1: float, m2: float, s2: float, *, draws: int = MC_DRAWS,
                   seed: int = MC_SEED) -> tuple[float, float]:
    """A seeded Monte Carlo estimate of KL(N(m1, s1^2) || N(m2, s2^2)) and its standard error.

    Draws ``x ~ P`` and averages ``log p(x) - log q(x)`` (the definition of KL as
    an expectation under P; source 001, computational exercise 1).
    """
    samples = np.random.default_rng(seed).normal(m1, s1, draws)
    log_ratio = (np.log(s2 / s1) + (samples - m2) ** 2 / (2 * s2**2)
                 - (samples - m1) ** 2 / (2 * s1**2))
    return float(log_ratio.mean()), float(log_ratio.std(ddof=1) / np.sqrt(draws))


def second_route(d: Derivation) -> None:
    r"""The integral :math:`\int p \log(p/q)\,dx`, evaluated by the Gaussian integral rule."""
    p, q = NormalPDF(x, mu_1, sigma_1**2), NormalPDF(x, mu_2, sigma_2**2)
    d.start(sp.Integral(p * sp.log(p / q), (x, -sp.oo, sp.oo)), lhs=D_KL_PQ, relation=DEFINITION,
            display=sp.Integral(sp.Mul(p, sp.log(fraction(p, q), evaluate=False), **_U), (x, -sp.oo, sp.oo)),
            because="definition", heading=r"A second route: the integral of $p \log(p/q)$",
            text="Rewrite the logarithm first (step 2), then integrate.")
    d.then(sp.Integral(p * log_difference(), (x, -sp.oo, sp.oo)),
           display=sp.Integral(sp.Mul(p, log_difference(), **_U), (x, -sp.oo, sp.oo)),
           because=r"$\log(p/q) = \log p - \log q$, step 2")
    d.then(KL_CLOSED_FORM, relation=INTEGRAL, display=closed_form_display(), because="Gaussian integral rule")


def build() -> Derivation:
    """Build the derivation, unchecked (the tests list its steps without checking them)."""
    d = Derivation("kl_divergence", title="KL divergence between two normals",
                   sources=("source 002, section 2, steps 1-4, and self-assessment question 4",
                            "source 001, computational exercise 1",
                            "Kullback & Leibler (1951), the definition"))
    expectation_rules(d)
    log_densities(d)
    log_difference_chain(d)
    second_moment_about_mu_2(d)
    kl_chain(d)
    non_negativity(d)
    self_assessment_numbers(d)
    second_route(d)
    d.conclude(known=KL_CLOSED_FORM, source="source 002, section 2, step 4", lhs=D_KL_PQ)
    return d


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
