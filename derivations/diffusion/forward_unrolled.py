r"""The forward process unrolled: T concrete steps composed, and the closed form proved for that T.

.. math:: \mathbf{x}_T = \sqrt{\alpha_T}\Big(\cdots\big(\sqrt{\alpha_1}\,\mathbf{x}_0
          + \sqrt{1-\alpha_1}\,\boldsymbol{\epsilon}_0\big)\cdots\Big)
          + \sqrt{1-\alpha_T}\,\boldsymbol{\epsilon}_{T-1}
          \overset{d}{=} \Big(\prod_{i=1}^{T}\sqrt{\alpha_i}\Big)\mathbf{x}_0
          + \sqrt{1 - \prod_{i=1}^{T}\alpha_i}\;\boldsymbol{\epsilon}

With distinct symbols :math:`\alpha_1, \dots, \alpha_T`. Composing the T steps
literally keeps T noise terms whose coefficients are products of up to T square
roots: quadratic size (and SymPy's stats module is exponential here). Instead the
engine's :func:`~derivations.engine.relations.affine_in_normals` composes one generic step
:math:`c_x(A\,\mathbf{x}_0 + S\,\xi) + c_\epsilon\,\epsilon` once (mean
:math:`c_x A\,\mathbf{x}_0`, variance :math:`c_x^2 S^2 + c_\epsilon^2`: independent
noises, variances add), and each concrete step t is checked exactly on the invariant

.. math:: \mathbf{x}_{t-1} \overset{d}{=} A\,\mathbf{x}_0 + \sqrt{1 - Q}\,\xi,
          \qquad \xi \sim \mathcal{N}(0, 1),

with :math:`A` and :math:`Q` indeterminates: with :math:`c_x = \sqrt{\alpha_t}`,
:math:`c_\epsilon = \sqrt{1-\alpha_t}` the new coefficient must be
:math:`\sqrt{\alpha_t}\,A` and the new variance :math:`1 - \alpha_t Q` (the merged noise
is one standard normal again, as in eq. (4) of source 000). An identity in the
indeterminates holds for every value, so by induction from :math:`(A, Q) = (1, 1)`
(:math:`\mathbf{x}_0` itself) the coefficient after T steps is
:math:`\prod \sqrt{\alpha_i}` and the variance :math:`1 - \prod \alpha_i`. Each step
costs the same, so the check is linear in T.

References: source 000, eqs. (2)-(5); Ho, Jain & Abbeel (2020), eq. (4).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.notation import symbol
from derivations.engine.relations import affine_in_normals
from derivations.engine.verdict import Outcome, Verdict
from derivations.errors import StepNotEqualError, StepUndecidedError

x_0 = symbol("x_0")
#: The invariant's indeterminates: coefficient of x_0, one minus the variance, standard deviation.
A = sp.Dummy("A", positive=True)
Q = sp.Dummy("Q", positive=True)
S = sp.Dummy("S", positive=True)
#: The merged noise of the steps so far, and the fresh noise of this step: independent N(0, 1).
XI = sp.Dummy("xi", real=True)
NOISE = sp.Dummy("epsilon", real=True)
#: The coefficients of one step: of x_{t-1} and of the fresh noise.
C_X = sp.Dummy("c_x", positive=True)
C_EPS = sp.Dummy("c_epsilon", positive=True)


@dataclass(frozen=True)
class LinearStep:
    """One step ``x_t = signal(alpha_t) x_{t-1} + noise(alpha_t) eps_{t-1}``, given by its coefficients."""

    signal: Callable[[sp.Expr], sp.Expr]
    noise: Callable[[sp.Expr], sp.Expr]


#: Eq. (2) of source 000 with ``beta = 1 - alpha``: ``sqrt(alpha) x_{t-1} + sqrt(1 - alpha) eps_{t-1}``.
FORWARD_STEP = LinearStep(signal=sp.sqrt, noise=lambda alpha: sp.sqrt(1 - alpha))


def alphas(T: int) -> tuple[sp.Symbol, ...]:
    """Distinct positive symbols ``alpha_1, ..., alpha_T`` (printed :math:`\\alpha_{i}`)."""
    return tuple(sp.Symbol(f"alpha_{i}", positive=True) for i in range(1, T + 1))


def generic_step() -> tuple[sp.Expr, sp.Expr]:
    """Mean and variance of ``c_x (A x_0 + S xi) + c_eps eps`` by the engine's ``affine_in_normals``."""
    moments = affine_in_normals(C_X * (A * x_0 + S * XI) + C_EPS * NOISE, (XI, NOISE))
    if moments is None:  # pragma: no cover - the expression is affine by construction
        raise StepUndecidedError("forward_unrolled: the generic step is not affine in the noises")
    return moments


@dataclass(frozen=True)
class Unrolled:
    """T steps composed: the coefficient of x_0 and the variance of x_T given x_0, each proved."""

    T: int
    mean_coefficient: sp.Expr
    variance: sp.Expr
    steps_proved: int


def _identity(lhs: sp.Expr, rhs: sp.Expr) -> Verdict:
    """Exact and cheap: expansion to zero proves; else the full check decides (and refutes with a point)."""
    if sp.expand(lhs - rhs) == 0:
        return Verdict(Outcome.PROVED, "expansion", sp.S.Zero)
    return check_equal(lhs, rhs)


def check_step(
    alpha: sp.Symbol, step: LinearStep = FORWARD_STEP, moments: tuple[sp.Expr, sp.Expr] | None = None
) -> Verdict:
    """Prove that ``step`` maps the invariant to itself with ``A -> sqrt(alpha) A`` and ``Q -> alpha Q``."""
    mean, variance = moments if moments is not None else generic_step()
    values = {C_X: step.signal(alpha), C_EPS: step.noise(alpha)}
    parts = (
        ("mean is sqrt(alpha_t) A x_0", mean.xreplace(values), sp.sqrt(alpha) * A * x_0),
        ("variance is 1 - alpha_t Q", variance.xreplace({**values, S: sp.sqrt(1 - Q)}), 1 - alpha * Q),
    )
    for name, lhs, rhs in parts:
        verdict = _identity(lhs, rhs)
        if not verdict.proved:
            return Verdict(
                verdict.outcome,
                f"{name}: {verdict.method}",
                verdict.residual,
                verdict.counterexample,
                verdict.witness_points,
                verdict.tried,
            )
    return Verdict(
        Outcome.PROVED, "invariant kept with factors sqrt(alpha_t) and alpha_t (expansion)", sp.S.Zero
    )


def unroll(T: int, step: LinearStep = FORWARD_STEP) -> Unrolled:
    """Compose ``T`` steps with distinct ``alpha_i`` and prove the closed form for this ``T``.

    Raises:
        StepNotEqualError: a step is refuted (message: the step, what failed, the residual).
        StepUndecidedError: a step could not be decided.
    """
    symbols, moments = alphas(T), generic_step()
    for t, alpha in enumerate(symbols, start=1):
        verdict = check_step(alpha, step, moments)
        if verdict.outcome is Outcome.REFUTED:
            raise StepNotEqualError(f"forward_unrolled T={T}: step t={t} is refuted ({verdict.describe()})")
        if not verdict.proved:
            raise StepUndecidedError(
                f"forward_unrolled T={T}: step t={t} is undecided ({verdict.describe()})"
            )
    # Every step multiplied A by sqrt(alpha_t) and Q by alpha_t (proved above), from A = Q = 1.
    return Unrolled(T, sp.Mul(*(sp.sqrt(alpha) for alpha in symbols)), 1 - sp.Mul(*symbols), T)


def closed_form(T: int) -> tuple[sp.Expr, sp.Expr]:
    """``(sqrt(alpha_bar_T), 1 - alpha_bar_T)``, ``alpha_bar_T = prod_{i=1}^T alpha_i``.

    The mean coefficient and variance of Ho et al. (2020), eq. (4), at t = T.
    """
    i = sp.Symbol("i", integer=True, positive=True)
    alpha = sp.IndexedBase("alpha")
    alpha_bar_T = (
        sp.Product(alpha[i], (i, 1, T))
        .doit()
        .replace(
            lambda e: isinstance(e, sp.Indexed), lambda e: sp.Symbol(f"alpha_{e.indices[0]}", positive=True)
        )
    )
    return sp.sqrt(alpha_bar_T), 1 - alpha_bar_T


def compose_explicit(T: int, step: LinearStep = FORWARD_STEP) -> tuple[sp.Expr, sp.Expr]:
    """Mean and variance of the literal composition with ``T`` distinct noises (quadratic: small T only)."""
    noises = tuple(sp.Symbol(f"epsilon_{i}", real=True) for i in range(T))
    x = x_0
    for alpha, noise in zip(alphas(T), noises, strict=True):
        x = step.signal(alpha) * x + step.noise(alpha) * noise
    moments = affine_in_normals(x, noises)
    if moments is None:  # pragma: no cover - a linear step keeps the expression affine
        raise StepUndecidedError(f"forward_unrolled T={T}: the composition is not affine in the noises")
    return moments
