r"""The DDPM posterior :math:`q(\mathbf{x}_{t-1} \mid \mathbf{x}_t, \mathbf{x}_0)`.

.. math:: q(\mathbf{x}_{t-1} \mid \mathbf{x}_t, \mathbf{x}_0)
          = \mathcal{N}\left(\mathbf{x}_{t-1}; \tilde{\mu}_t, \tilde{\beta}_t\right),\quad
          \tilde{\mu}_t = \frac{\sqrt{\bar\alpha_{t-1}}\beta_t}{1-\bar\alpha_t}\mathbf{x}_0
          + \frac{\sqrt{\alpha_t}(1-\bar\alpha_{t-1})}{1-\bar\alpha_t}\mathbf{x}_t,\quad
          \tilde{\beta}_t = \frac{1-\bar\alpha_{t-1}}{1-\bar\alpha_t}\beta_t

The page follows the challenge problem of source 001 (Properties 2 and 3) and the
outline of source 002, section 3: Bayes' rule with the Markov property, the exponent
as a quadratic in :math:`\mathbf{x}_{t-1}`, the completed square, and the mean and
variance read off. Then the exact identity (normalising constants included), the
noise form of the mean, and the sanity limits. Scalar case (the covariances are
multiples of the identity, so each coordinate is this computation).

References: Ho, Jain & Abbeel (2020), eqs. (2), (4), (6)-(7), (10)-(11); source 001,
"Challenge Problem"; source 002, section 3.
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

import sympy as sp

from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.display import UNEVALUATED as _U
from derivations.engine.display import fraction, half_square, negative, total
from derivations.engine.notation import symbol
from derivations.engine.relations import DEFINITION, GIVEN, proportional_in
from derivations.engine.substitution import at, solved_from, substitution

alpha_t, beta_t = symbol("alpha_t"), symbol("beta_t")
alpha_bar_t, alpha_bar_tm1 = symbol("alpha_bar_t"), symbol("alpha_bar_tm1")
beta_tilde_t, mu_tilde_t = symbol("beta_tilde_t"), symbol("mu_tilde_t")
x_0, x_t, x_tm1, eps = symbol("x_0"), symbol("x_t"), symbol("x_tm1"), symbol("eps")


#: Ho et al. (2020), eq. (7): the posterior mean.
HO_EQ7_MU_TILDE = (sp.sqrt(alpha_bar_tm1) * beta_t / (1 - alpha_bar_t) * x_0
                   + sp.sqrt(alpha_t) * (1 - alpha_bar_tm1) / (1 - alpha_bar_t) * x_t)
#: Ho et al. (2020), eq. (7): the posterior variance.
HO_EQ7_BETA_TILDE = (1 - alpha_bar_tm1) / (1 - alpha_bar_t) * beta_t
#: Ho et al. (2020), eq. (10) (and the parameterisation of eq. (11)): the mean in terms of the noise.
HO_EQ10_MU_TILDE = (x_t - beta_t / sp.sqrt(1 - alpha_bar_t) * eps) / sp.sqrt(alpha_t)
#: Ho et al. (2020), eq. (4) reparameterised (forward_process derivation, eq. (5)), solved for x_0.
X0_FROM_EPS = (x_t - sp.sqrt(1 - alpha_bar_t) * eps) / sp.sqrt(alpha_bar_t)

#: The same, as written: (x_t - sqrt(1 - abar_t) eps) / sqrt(abar_t) (display only).
X0_SHOWN = sp.Mul(fraction(1, sp.sqrt(alpha_bar_t)),
                  sp.Add(x_t, sp.Mul(-1, sp.sqrt(1 - alpha_bar_t), eps, evaluate=False), evaluate=False),
                  evaluate=False)

#: The exponent's coefficients: -1/2 (PRECISION x^2 - 2 LINEAR x) + const.
PRECISION = alpha_t / beta_t + 1 / (1 - alpha_bar_tm1)
LINEAR = sp.sqrt(alpha_t) / beta_t * x_t + sp.sqrt(alpha_bar_tm1) / (1 - alpha_bar_tm1) * x_0

#: The quadratic with the coefficients named: -1/2 (x^2 / beta_tilde - 2 (mu_tilde / beta_tilde) x).
NAMED_QUADRATIC = -(x_tm1**2 / beta_tilde_t - 2 * mu_tilde_t / beta_tilde_t * x_tm1) / 2
NAMED_QUADRATIC_DISPLAY = sp.Mul(-sp.Rational(1, 2), sp.Add(
    sp.Mul(sp.Pow(x_tm1, 2, **_U), sp.Pow(beta_tilde_t, -1, **_U), **_U),
    sp.Mul(-2, sp.Mul(mu_tilde_t, sp.Pow(beta_tilde_t, -1, **_U), **_U), x_tm1, **_U), **_U), **_U)

QPOST = r"q(\mathbf{x}_{t-1} \mid \mathbf{x}_{t}, \mathbf{x}_{0})"


class ForwardDensity(sp.Function):
    r"""A density of the forward process, printed :math:`q(a \mid b, c)`; stated, never unfolded."""

    def _latex(self, printer: Any) -> str:
        first, *given = (printer._print(arg) for arg in self.args)
        return rf"q\left({first} \mid {', '.join(given)}\right)" if given else rf"q\left({first}\right)"


ONE_STEP = NormalPDF(x_t, sp.sqrt(alpha_t) * x_tm1, beta_t)             # Ho eq. (2)
MARGINAL_TM1 = NormalPDF(x_tm1, sp.sqrt(alpha_bar_tm1) * x_0, 1 - alpha_bar_tm1)  # forward_process eq. (5)
MARGINAL_T = NormalPDF(x_t, sp.sqrt(alpha_bar_t) * x_0, 1 - alpha_bar_t)          # forward_process eq. (5)
POSTERIOR = NormalPDF(x_tm1, mu_tilde_t, beta_tilde_t)
#: The same densities with their means in the papers' order (for display).
ONE_STEP_SHOWN = NormalPDF(x_t, sp.Mul(sp.sqrt(alpha_t), x_tm1, **_U), beta_t)
MARGINAL_TM1_SHOWN = NormalPDF(x_tm1, sp.Mul(sp.sqrt(alpha_bar_tm1), x_0, **_U), 1 - alpha_bar_tm1)
MARGINAL_T_SHOWN = NormalPDF(x_t, sp.Mul(sp.sqrt(alpha_bar_t), x_0, **_U), 1 - alpha_bar_t)


def _bayes(d: Derivation) -> None:
    """Bayes' rule with the Markov property, then the exponent as a quadratic in x_{t-1}."""
    q = ForwardDensity
    d.start(q(x_t, x_tm1, x_0) * q(x_tm1, x_0) / q(x_t, x_0), lhs=QPOST, relation=GIVEN,
            display=fraction(sp.Mul(q(x_t, x_tm1, x_0), q(x_tm1, x_0), **_U), q(x_t, x_0)),
            heading="Bayes' rule", because="Bayes' rule (source 002, section 3, step 1)",
            text=r"Everything is conditioned on $\mathbf{x}_0$; the forward process is a Markov chain.")
    d.then(q(x_t, x_tm1) * q(x_tm1, x_0) / q(x_t, x_0), relation=GIVEN,
           display=fraction(sp.Mul(q(x_t, x_tm1), q(x_tm1, x_0), **_U), q(x_t, x_0)),
           because=r"Markov property: $q(\mathbf{x}_t \mid \mathbf{x}_{t-1}, \mathbf{x}_0) = "
                   r"q(\mathbf{x}_t \mid \mathbf{x}_{t-1})$ (Ho et al. 2020, eq. (2))")
    d.then(ONE_STEP * MARGINAL_TM1 / MARGINAL_T, relation=GIVEN, tag="B",
           display=fraction(sp.Mul(ONE_STEP_SHOWN, MARGINAL_TM1_SHOWN, **_U), MARGINAL_T_SHOWN),
           because=r"Ho et al. 2020, eq. (2) with $\alpha_t = 1 - \beta_t$; the marginals are proved in the "
                   r"forward_process derivation, eq. (5) (Ho et al. 2020, eq. (4))")
    exponent = total(half_square(x_t, sp.sqrt(alpha_t) * x_tm1, beta_t),
                    half_square(x_tm1, sp.sqrt(alpha_bar_tm1) * x_0, 1 - alpha_bar_tm1))
    d.then(sp.exp(exponent), relation=proportional_in(x_tm1), display=sp.exp(exponent, **_U),
           because=r"drop the factors free of $\mathbf{x}_{t-1}$ "
                   r"(the constants and the density of $\mathbf{x}_t$)")
    precision = total(fraction(alpha_t, beta_t), fraction(1, 1 - alpha_bar_tm1))
    linear = total(sp.Mul(fraction(sp.sqrt(alpha_t), beta_t), x_t, **_U),
                  sp.Mul(fraction(sp.sqrt(alpha_bar_tm1), 1 - alpha_bar_tm1), x_0, **_U))
    collected = sp.Mul(-sp.Rational(1, 2), total(sp.Mul(precision, x_tm1**2, **_U),
                                                 negative(sp.Mul(2, linear, x_tm1, **_U))), **_U)
    d.then(sp.exp(-(PRECISION * x_tm1**2 - 2 * LINEAR * x_tm1) / 2), relation=proportional_in(x_tm1),
           display=sp.exp(collected, **_U),
           because=r"expand the squares, collect the $\mathbf{x}_{t-1}^2$ and $\mathbf{x}_{t-1}$ terms, "
                   r"drop the rest (free of $\mathbf{x}_{t-1}$)")
    d.then(sp.exp(NAMED_QUADRATIC), display=sp.exp(NAMED_QUADRATIC_DISPLAY, **_U), tag="Q",
           because=r"name the coefficients: $\frac{1}{\tilde{\beta}_t}$ is that of "
                   r"$-\frac{1}{2}\mathbf{x}_{t-1}^2$, "
                   r"$\frac{\tilde{\mu}_t}{\tilde{\beta}_t}$ that of $\mathbf{x}_{t-1}$")
    d.then(sp.exp(-(x_tm1 - mu_tilde_t) ** 2 / (2 * beta_tilde_t)), relation=proportional_in(x_tm1),
           display=sp.exp(half_square(x_tm1, mu_tilde_t, beta_tilde_t), **_U),
           because=r"complete the square; $\frac{\tilde{\mu}_t^2}{2\tilde{\beta}_t}$ "
                   r"is free of $\mathbf{x}_{t-1}$")
    d.then(POSTERIOR, relation=proportional_in(x_tm1), tag="P",
           because=r"the Gaussian density: the posterior is $\mathcal{N}(\tilde{\mu}_t, \tilde{\beta}_t)$")


def _posterior_variance(d: Derivation) -> sp.Expr:
    """Read off 1/beta_tilde_t and simplify it to Ho et al. eq. (7)."""
    d.start(PRECISION, lhs=1 / beta_tilde_t, relation=DEFINITION,
            display=total(fraction(alpha_t, beta_t), fraction(1, 1 - alpha_bar_tm1)),
            heading="The posterior variance", because="precisions add (source 001, Property 3)")
    d.then(fraction(alpha_t * (1 - alpha_bar_tm1) + beta_t, beta_t * (1 - alpha_bar_tm1)),
           because="common denominator")
    d.then(fraction(1 - alpha_bar_t, beta_t * (1 - alpha_bar_tm1)),
           because=r"$\beta_t = 1 - \alpha_t$ and $\bar{\alpha}_t = \alpha_t \bar{\alpha}_{t-1}$")
    return d.start((1 - alpha_bar_tm1) * beta_t / (1 - alpha_bar_t), lhs=beta_tilde_t,
                   display=_variance_display(),
                   because="the reciprocal: the variance of Ho et al. 2020, eq. (7), whose mean follows")


def _variance_display() -> sp.Expr:
    """Eq. (7)'s variance as Ho et al. write it: the fraction, then the factor beta_t (display only)."""
    return sp.Mul(fraction(1 - alpha_bar_tm1, 1 - alpha_bar_t), beta_t, **_U)


def _mean_display() -> sp.Expr:
    """Eq. (7)'s mean in the paper's order (display only)."""
    return total(sp.Mul(fraction(sp.Mul(sp.sqrt(alpha_bar_tm1), beta_t, **_U), 1 - alpha_bar_t), x_0, **_U),
                sp.Mul(fraction(sp.Mul(sp.sqrt(alpha_t), 1 - alpha_bar_tm1, **_U), 1 - alpha_bar_t), x_t, **_U))


def _posterior_mean(d: Derivation, beta: sp.Expr) -> sp.Expr:
    """Read off mu_tilde_t = beta_tilde_t * (coefficient of x_{t-1}) and simplify it to eq. (7)."""
    linear = total(sp.Mul(fraction(sp.sqrt(alpha_t), beta_t), x_t, **_U),
                  sp.Mul(fraction(sp.sqrt(alpha_bar_tm1), 1 - alpha_bar_tm1), x_0, **_U))
    d.start(beta_tilde_t * LINEAR, lhs=mu_tilde_t, relation=DEFINITION,
            display=sp.Mul(beta_tilde_t, linear, **_U), heading="The posterior mean",
            because="the precision-weighted mean (source 001, Property 3)")
    d.then(beta * LINEAR, display=sp.Mul(_variance_display(), linear, **_U),
           because=r"$\tilde{\beta}_t$, the variance derived above")
    display = _mean_display()
    return d.then(display.doit(), display=display, tag="7",
                  because=r"multiply out; $\beta_t$ and $1 - \bar{\alpha}_{t-1}$ cancel")


def _noise_form(d: Derivation, mean: sp.Expr) -> sp.Expr:
    """Solve the closed form for x_0, substitute it into eq. (7): Ho et al. eq. (10)."""
    closed = sp.sqrt(alpha_bar_t) * x_0 + sp.sqrt(1 - alpha_bar_t) * eps
    d.suppose(x_t, closed, because=r"the closed form of the forward process, $\mathbf{x}_t = \sqrt{\bar{\alpha}_t}"
                                   r"\mathbf{x}_0 + \sqrt{1 - \bar{\alpha}_t}\boldsymbol{\epsilon}$ (Ho et al. 2020, "
                                   r"eq. (4) reparameterised)")
    d.start(X0_FROM_EPS, lhs=x_0, relation=solved_from(x_t, closed), heading="The noise form", display=X0_SHOWN,
            because=r"solve $\mathbf{x}_t = \sqrt{\bar{\alpha}_t}\mathbf{x}_0 + \sqrt{1 - \bar{\alpha}_t}"
                    r"\boldsymbol{\epsilon}$ for $\mathbf{x}_0$ ($\sqrt{\bar{\alpha}_t} > 0$)")
    d.start(mean, lhs=mu_tilde_t, relation=DEFINITION, display=_mean_display(),
            because="eq. (7), derived above",
            text=r"Ho et al. (2020) write the mean through the noise (their eqs. (10)-(11)): put "
                 r"$\mathbf{x}_0 = \frac{1}{\sqrt{\bar{\alpha}_t}}(\mathbf{x}_t - \sqrt{1 - \bar{\alpha}_t}"
                 r"\boldsymbol{\epsilon})$ into eq. (7).")
    d.then(mean.xreplace({x_0: X0_FROM_EPS}), relation=substitution(x_0, X0_FROM_EPS),
           display=total(sp.Mul(fraction(sp.Mul(sp.sqrt(alpha_bar_tm1), beta_t, **_U), 1 - alpha_bar_t),
                                X0_SHOWN, **_U),
                         sp.Mul(fraction(sp.Mul(sp.sqrt(alpha_t), 1 - alpha_bar_tm1, **_U), 1 - alpha_bar_t),
                                x_t, **_U)),
           because=r"$\mathbf{x}_0$ from the line before")
    display = sp.Mul(fraction(1, sp.sqrt(alpha_t)),
                     total(x_t, negative(sp.Mul(fraction(beta_t, sp.sqrt(1 - alpha_bar_t)), eps, **_U))), **_U)
    return d.then((x_t - beta_t / sp.sqrt(1 - alpha_bar_t) * eps) / sp.sqrt(alpha_t), display=display,
                  tag="10", because=r"collect $\mathbf{x}_t$ and $\boldsymbol{\epsilon}$; "
                                     r"$\beta_t = 1 - \alpha_t$, "
                                     r"$\bar{\alpha}_t = \alpha_t\bar{\alpha}_{t-1}$: Ho et al. 2020, eq. (10); "
                                     r"with the network's $\boldsymbol{\epsilon}_\theta(\mathbf{x}_t, t)$ for "
                                     r"$\boldsymbol{\epsilon}$ it is their eq. (11)")


def _sanity_limits(d: Derivation, beta: sp.Expr, mean: sp.Expr) -> None:
    """0 < beta_tilde_t < beta_t as factorisations into positive factors; the limit t = 1."""
    hypothesis = r"positive when $0 < \bar{\alpha}_t < \bar{\alpha}_{t-1} < 1$"
    d.start(beta, lhs=beta_tilde_t, heading="Sanity limits",
            text=r"Under the hypothesis $0 < \bar{\alpha}_t < \bar{\alpha}_{t-1} < 1$ "
                 r"(so $0 < \beta_t < 1$), each factor below is positive.",
            because="eq. (7)")
    d.then(fraction((1 - alpha_bar_tm1) * (alpha_bar_tm1 - alpha_bar_t), alpha_bar_tm1 * (1 - alpha_bar_t)),
           display=fraction(sp.Mul(1 - alpha_bar_tm1, alpha_bar_tm1 - alpha_bar_t, **_U),
                         sp.Mul(alpha_bar_tm1, 1 - alpha_bar_t, **_U)),
           because=r"$\beta_t = 1 - \bar{\alpha}_t / \bar{\alpha}_{t-1}$; every factor is " + hypothesis
                   + r", so $\tilde{\beta}_t > 0$")
    d.start(beta_t - beta, lhs=beta_t - beta_tilde_t, because="eq. (7)")
    d.then(beta_t * (alpha_bar_tm1 - alpha_bar_t) / (1 - alpha_bar_t),
           display=fraction(sp.Mul(beta_t, alpha_bar_tm1 - alpha_bar_t, **_U), 1 - alpha_bar_t),
           because="common denominator")
    d.then((alpha_bar_tm1 - alpha_bar_t) ** 2 / (alpha_bar_tm1 * (1 - alpha_bar_t)),
           display=fraction(sp.Pow(alpha_bar_tm1 - alpha_bar_t, 2, **_U),
                         sp.Mul(alpha_bar_tm1, 1 - alpha_bar_t, **_U)),
           because=r"$\beta_t = (\bar{\alpha}_{t-1} - \bar{\alpha}_t) / \bar{\alpha}_{t-1}$: "
                   r"a nonzero square over "
                   r"factors " + hypothesis + r", so $\tilde{\beta}_t < \beta_t$")
    d.start(beta, lhs=beta_tilde_t, because=r"eq. (7); at $t = 1$, $\bar{\alpha}_0 = 1$ (the empty product)")
    d.then(sp.S.Zero, relation=at({alpha_bar_tm1: 1}),
           display=fraction(sp.Mul(total(1, -1), beta_t, **_U), 1 - alpha_bar_t),
           because=r"$\bar{\alpha}_{t-1} = 1$")
    d.then(sp.S.Zero, because=r"at $t = 1$ the posterior has no spread: $\mathbf{x}_0$ is reached exactly")
    d.start(mean, lhs=mu_tilde_t, because=r"eq. (7) at $t = 1$")
    d.then(mean.xreplace({alpha_bar_tm1: 1}), relation=at({alpha_bar_tm1: 1}),
           because=r"$\bar{\alpha}_0 = 1$")
    d.then(mean.xreplace({alpha_bar_tm1: 1, alpha_bar_t: alpha_t}),
           relation=at({alpha_bar_t: alpha_t}),
           because=r"$\bar{\alpha}_1 = \alpha_1 \bar{\alpha}_0 = \alpha_1$")
    d.then(x_0, because=r"$\beta_1 = 1 - \alpha_1$: "
                        r"the posterior at $t = 1$ is a point mass at $\mathbf{x}_0$")


def _exact_identity(d: Derivation) -> None:
    """The densities' identity: the exponent (E), then the whole identity with its constants (C)."""
    left = total(half_square(x_t, sp.sqrt(alpha_t) * x_tm1, beta_t),
                half_square(x_tm1, sp.sqrt(alpha_bar_tm1) * x_0, 1 - alpha_bar_tm1))
    right = total(half_square(x_t, sp.sqrt(alpha_bar_t) * x_0, 1 - alpha_bar_t),
                 half_square(x_tm1, mu_tilde_t, beta_tilde_t))
    rest = total(negative(fraction(x_t**2, 2 * beta_t)),
                negative(fraction(alpha_bar_tm1 * x_0**2, sp.Mul(2, 1 - alpha_bar_tm1, **_U))))
    d.start(sp.Add(NAMED_QUADRATIC, rest.doit()), lhs=left, display=total(NAMED_QUADRATIC_DISPLAY, rest),
            tag="E",
            heading="The exact identity",
            text=r"Nothing hides in $\propto$: "
                 r"$\mathcal{N}(\mathbf{x}_t; \sqrt{\alpha_t}\mathbf{x}_{t-1}, \beta_t)"
                 r"\mathcal{N}(\mathbf{x}_{t-1}; \sqrt{\bar{\alpha}_{t-1}}\mathbf{x}_0, "
                 r"1 - \bar{\alpha}_{t-1})"
                 r" = \mathcal{N}(\mathbf{x}_t; \sqrt{\bar{\alpha}_t}\mathbf{x}_0, 1 - \bar{\alpha}_t)"
                 r"\mathcal{N}(\mathbf{x}_{t-1}; \tilde{\mu}_t, \tilde{\beta}_t)$ as functions. "
                 "First the exponents (E), then the densities themselves (C), checked as functions.",
            because="the exponent of the left product: expand the squares, name the coefficients as in (Q)")
    leftover = fraction(mu_tilde_t**2, 2 * beta_tilde_t)
    d.then(sp.Add(half_square(x_tm1, mu_tilde_t, beta_tilde_t).doit(), leftover.doit(), rest.doit()),
           display=total(half_square(x_tm1, mu_tilde_t, beta_tilde_t), leftover, rest),
           because="complete the square")
    d.then(right.doit(), display=right,
           because=r"the leftover, with $\tilde{\mu}_t$ and $\tilde{\beta}_t$ read off, is the exponent of "
                   r"$q(\mathbf{x}_t \mid \mathbf{x}_0)$")
    d.start(sp.Mul(MARGINAL_T, POSTERIOR, **_U), lhs=sp.Mul(ONE_STEP, MARGINAL_TM1, **_U), tag="C",
            heading="The exact identity, normalising constants included",
            because=r"(E) and $(1 - \bar{\alpha}_t)\tilde{\beta}_t = \beta_t(1 - \bar{\alpha}_{t-1})$; "
                    r"square roots split as $\beta_t, 1 - \bar{\alpha}_t, 1 - \bar{\alpha}_{t-1} > 0$")


def _posterior(d: Derivation, mean: sp.Expr, beta: sp.Expr) -> None:
    """The posterior itself, normalised, with eq. (7) substituted."""
    d.start(ONE_STEP * MARGINAL_TM1 / MARGINAL_T, lhs=QPOST, relation=GIVEN, heading="The posterior",
            display=fraction(sp.Mul(ONE_STEP, MARGINAL_TM1, **_U), MARGINAL_T), because="line (B)")
    d.then(POSTERIOR, display=fraction(sp.Mul(MARGINAL_T, POSTERIOR, **_U), MARGINAL_T),
           because=r"the exact identity (C) in the numerator")
    d.then(POSTERIOR, tag="6", because=r"cancel $q(\mathbf{x}_t \mid \mathbf{x}_0)$: Ho et al. 2020, eq. (6), "
                                       r"with $\tilde{\mu}_t$ and $\tilde{\beta}_t$ of their eq. (7)")
    d.then(NormalPDF(x_tm1, mean, beta_tilde_t), relation=substitution(mu_tilde_t, mean),
           display=NormalPDF(x_tm1, _mean_display(), beta_tilde_t), because=r"$\tilde{\mu}_t$ from (7)")
    d.then(NormalPDF(x_tm1, mean, beta), relation=substitution(beta_tilde_t, beta),
           display=NormalPDF(x_tm1, _mean_display(), _variance_display()),
           because=r"$\tilde{\beta}_t$, the variance derived above")


class Posterior(NamedTuple):
    """The derived expressions, from the checked derivation's lines."""

    mu_tilde_x0: sp.Expr
    mu_tilde_eps: sp.Expr
    beta_tilde: sp.Expr


def build() -> tuple[Derivation, Posterior]:
    """The derivation, unchecked, and its key lines (eq. (7) mean and variance, eq. (10) mean)."""
    d = Derivation("ddpm_posterior", title=r"The DDPM posterior $q(\mathbf{x}_{t-1} \mid \mathbf{x}_t, \mathbf{x}_0)$",
                   sources=("source 001, Challenge Problem; Properties 2 and 3",
                            "source 002, section 3 (outline)",
                            "Ho et al. 2020, eqs. (2), (4), (6)-(7), (10)-(11)"))
    # 0 < abar_t < abar_{t-1} < 1 and 0 < alpha_t < 1 (Ho et al. 2020, sec. 2)
    d.assume_positive(1 - alpha_t, beta_t, 1 - alpha_bar_t, 1 - alpha_bar_tm1)
    d.assume(alpha_bar_t < alpha_bar_tm1)
    d.define(beta_t, 1 - alpha_t)
    d.define(alpha_bar_t, alpha_t * alpha_bar_tm1)
    d.define(beta_tilde_t, 1 / PRECISION)
    d.define(mu_tilde_t, beta_tilde_t * LINEAR)
    _bayes(d)
    beta = _posterior_variance(d)
    mean = _posterior_mean(d, beta)
    mean_eps = _noise_form(d, mean)
    _sanity_limits(d, beta, mean)
    _exact_identity(d)
    _posterior(d, mean, beta)
    d.conclude(known=NormalPDF(x_tm1, HO_EQ7_MU_TILDE, HO_EQ7_BETA_TILDE), lhs=QPOST,
               source="Ho et al. 2020, eqs. (6)-(7)")
    return d, Posterior(mean, mean_eps, beta)


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build()[0].check()


@functools.lru_cache(maxsize=1)
def checked_posterior() -> tuple[CheckedDerivation, Posterior]:
    """The checked derivation and its key lines, computed once (raises if a step is not proved)."""
    d, lines = build()
    return d.check(), lines


def posterior_mean_x0() -> sp.Expr:
    r"""The derived :math:`\tilde{\mu}_t(\mathbf{x}_t, \mathbf{x}_0)`, eq. (7), from the checked lines."""
    return checked_posterior()[1].mu_tilde_x0


def posterior_mean_eps() -> sp.Expr:
    r"""The derived :math:`\tilde{\mu}_t` in terms of :math:`\mathbf{x}_t` and the noise, eq. (10)."""
    return checked_posterior()[1].mu_tilde_eps


def posterior_variance() -> sp.Expr:
    r"""The derived :math:`\tilde{\beta}_t`, eq. (7), from the checked derivation."""
    return checked_posterior()[1].beta_tilde


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
