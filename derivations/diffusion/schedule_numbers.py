r"""The numbers: :math:`\bar\alpha_T` of the linear and cosine schedules, and the weights of eq. (12).

.. math:: \beta_t = \beta_1 + \frac{t-1}{T-1}(\beta_T - \beta_1),\quad
          \bar\alpha_t = \prod_{i=1}^{t}(1-\beta_i);\qquad
          \bar\alpha_t^{\cos} = \frac{f(t)}{f(0)},\ f(t) = \cos^2\left(\frac{t/T + s}{1+s}\cdot\frac{\pi}{2}\right)

Exact where exact arithmetic reaches: the linear schedule's decimals are rationals
(:math:`10^{-4} = 1/10000`, :math:`0.02 = 1/50`), so its :math:`\beta_t`, :math:`\bar\alpha_t` and the
weights are exact rationals; the lines below prove the ones short enough to print, and the notes give
the others (computed exactly with :class:`fractions.Fraction`, then rounded to the digits shown). The
cosine schedule's unclipped :math:`\bar\alpha_T` is exactly 0 (:math:`\cos\frac{\pi}{2} = 0`), so
:math:`\beta_T = 1` and the clip at 0.999 decides :math:`\bar\alpha_T`; its value is computed with
mpmath at 50 digits. The schedules of :mod:`~derivations.diffusion.schedules` (float64) are the
code's; these are the mathematics they approximate.

References: Ho, Jain & Abbeel (2020), sec. 4 (linear, :math:`10^{-4}` to 0.02, :math:`T = 1000`) and
eq. (12); Nichol & Dhariwal (2021), eq. (17) and sec. 3.2 (:math:`s = 0.008`, :math:`\beta_t \le 0.999`).
"""

from __future__ import annotations

import functools
from fractions import Fraction

import mpmath
import sympy as sp

from derivations.diffusion.ddpm_posterior import HO_EQ7_BETA_TILDE
from derivations.diffusion.forward_relations import T_INDEX as t
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.display import UNEVALUATED as _U
from derivations.engine.display import fraction, minus
from derivations.engine.notation import symbol
from derivations.engine.relations import DEFINITION, GIVEN
from derivations.engine.substitution import at
from derivations.engine.sums import SUMS

alpha_t, beta_t, alpha_bar_t, alpha_bar_tm1 = (symbol(n) for n in ("alpha_t", "beta_t", "alpha_bar_t",
                                                                   "alpha_bar_tm1"))
lambda_t = symbol("lambda_t")
T = sp.Symbol("T", integer=True, positive=True)
beta_1, beta_T, s = (sp.Symbol(n, positive=True) for n in ("beta_1", "beta_T", "s"))
#: Ho et al. (2020), sec. 4; Nichol & Dhariwal (2021), sec. 3.2 (exact).
STEPS, BETA_1, BETA_T = 1000, sp.Rational(1, 10000), sp.Rational(1, 50)
S_COSINE, MAX_BETA = sp.Rational(1, 125), sp.Rational(999, 1000)
LINEAR = {beta_1: BETA_1, beta_T: BETA_T, T: STEPS}
LINEAR_BETA = beta_1 + (t - 1) / (T - 1) * (beta_T - beta_1)
#: The eq. (12) weights: sigma_t^2 = beta_t, and sigma_t^2 = beta_tilde_t (the SNR form).
WEIGHT_BETA = beta_t / (2 * alpha_t * (1 - alpha_bar_t))
WEIGHT_TILDE = beta_t / (2 * alpha_t * (1 - alpha_bar_tm1))
DIGITS = 50
SHOWN = 12
f = sp.Function("f", positive=True)


def cosine_f(step: sp.Expr) -> sp.Expr:
    """Nichol & Dhariwal (2021), eq. (17)."""
    return sp.cos((step / T + s) / (1 + s) * sp.pi / 2) ** 2


@functools.cache
def linear_alpha_bar() -> tuple[Fraction, ...]:
    r"""Exact :math:`\bar\alpha_t`, :math:`t = 0, \dots, 1000`, of the linear schedule (:math:`\bar\alpha_0 = 1`)."""
    first, last = Fraction(1, 10000), Fraction(1, 50)
    values = [Fraction(1)]
    for step in range(1, STEPS + 1):
        values.append(values[-1] * (1 - (first + Fraction(step - 1, STEPS - 1) * (last - first))))
    return tuple(values)


def linear_beta_exact(step: int) -> Fraction:
    r"""Exact :math:`\beta_t` of the linear schedule."""
    abar = linear_alpha_bar()
    return 1 - abar[step] / abar[step - 1]


def weight_exact(step: int, *, tilde: bool) -> Fraction | None:
    r"""The eq. (12) weight at ``step``, with :math:`\sigma_t^2 = \tilde\beta_t` or :math:`\beta_t`.

    None for :math:`\tilde\beta_t` at ``t = 1``: the weight is infinite there.
    """
    abar, beta = linear_alpha_bar(), linear_beta_exact(step)
    if tilde and step == 1:
        return None
    denominator = 1 - (abar[step - 1] if tilde else abar[step])
    return beta / (2 * (1 - beta) * denominator)


def shown(value: Fraction | mpmath.mpf) -> str:
    """A number to :data:`SHOWN` significant digits (from an exact value or a 50-digit one)."""
    with mpmath.workdps(DIGITS):
        number = mpmath.mpf(value.numerator) / value.denominator if isinstance(value, Fraction) else value
        return mpmath.nstr(number, SHOWN)


@functools.cache
def cosine_alpha_bar_T_clipped() -> mpmath.mpf:
    r"""The cosine schedule's :math:`\bar\alpha_T` with :math:`\beta_t` clipped at 0.999, at 50 digits."""
    with mpmath.workdps(DIGITS):
        offset = mpmath.mpf(1) / 125

        def f_value(step: int) -> mpmath.mpf:
            return mpmath.cos((mpmath.mpf(step) / STEPS + offset) / (1 + offset) * mpmath.pi / 2) ** 2
        product = mpmath.mpf(1)
        for step in range(1, STEPS):
            product *= f_value(step) / f_value(step - 1)
        return +(product * (1 - mpmath.mpf(999) / 1000))


def _linear(d: Derivation) -> None:
    """The linear schedule's beta_t at t = 1, 500, 1000, and abar_1, exactly."""
    for step, heading in ((1, "The linear schedule (Ho et al. 2020, sec. 4)"), (500, ""), (STEPS, "")):
        d.start(LINEAR_BETA, lhs=r"\beta_t", relation=DEFINITION, heading=heading,
                because=r"the linear schedule, $\beta_1 = 10^{-4}$, $\beta_T = 0.02$, $T = 1000$" if step == 1
                else "the linear schedule")
        d.then(LINEAR_BETA.xreplace({**LINEAR, t: step}), relation=at({**LINEAR, t: step}, label=f"t = {step}"),
               because="exact decimals: " + {1: r"$\beta_1$", 500: r"$\beta_{500} = \frac{1003}{99900}$",
                                             STEPS: r"$\beta_{1000}$"}[step])
    d.start(1 - beta_t, lhs=r"\bar\alpha_1", relation=DEFINITION, because=r"$\bar\alpha_1 = \alpha_1 = 1 - \beta_1$")
    d.then(1 - BETA_1, relation=at({beta_t: BETA_1}), because="exactly")


def _cosine(d: Derivation) -> None:
    """abar_T = 0 exactly for the unclipped cosine schedule; the clipped one telescopes to f(T-1)/f(0) times 0.001."""
    d.start(cosine_f(t) / cosine_f(0), lhs=r"\bar\alpha_t", relation=DEFINITION,
            heading="The cosine schedule (Nichol & Dhariwal 2021, eq. (17))",
            because=r"eq. (17), $s = 0.008$, before clipping")
    d.then(sp.S.Zero, relation=at({t: T}, label="t = T"),
           because=r"$\cos\frac{\pi}{2} = 0$: $\bar\alpha_T = 0$ exactly, so $\beta_T = 1 - \frac{f(T)}{f(T-1)} = 1$")
    product = sp.Product(f(t) / f(t - 1), (t, 1, T - 1))
    d.start(sp.log(product), lhs=r"\log\bar\alpha_{T-1}", relation=GIVEN,
            text=r"Below $T$ no $\beta_t = 1 - f(t)/f(t-1)$ reaches 0.999 (checked in the tests), so "
                 r"$\bar\alpha_{T-1} = \prod_{t<T} \frac{f(t)}{f(t-1)}$ with $f > 0$ there, and "
                 r"$\bar\alpha_T = (1 - 0.999)\,\bar\alpha_{T-1}$ after the clip.",
            because=r"$\bar\alpha_{T-1} = \prod_{t=1}^{T-1}(1 - \beta_t)$, none clipped")
    d.then(sp.Sum(sp.log(f(t) / f(t - 1)), (t, 1, T - 1)), relation=SUMS,
           because="the logarithm of a product of positive factors")
    d.then(sp.log(f(T - 1)) - sp.log(f(0)), relation=SUMS, display=minus(sp.log(f(T - 1)), sp.log(f(0))),
           because=r"the sum telescopes: $\bar\alpha_{T-1} = \frac{f(T-1)}{f(0)}$")
    d.note(f"Cosine schedule, T = 1000, s = 0.008: alpha_bar_T = 0 exactly before clipping; with beta_T clipped "
           f"at 0.999 (only t = T is clipped), alpha_bar_T = 0.001 f(999)/f(0) = "
           f"{shown(cosine_alpha_bar_T_clipped())} (mpmath, {DIGITS} digits, shown to {SHOWN}).")


def _weights(d: Derivation) -> None:
    """The eq. (12) weights at t = 1, exactly: infinite with sigma_t^2 = beta_tilde_t, 5000/9999 with beta_t."""
    d.start(HO_EQ7_BETA_TILDE, lhs=symbol("beta_tilde_t"), relation=DEFINITION,
            heading="The weights of eq. (12) at t = 1, linear schedule",
            text=r"With $\sigma_t^2 = \tilde\beta_t$ the weight is $\frac{\beta_t}{2\alpha_t(1 - \bar\alpha_{t-1})}"
                 r" = \frac{1}{2}\left(\frac{\mathrm{SNR}(t-1)}{\mathrm{SNR}(t)} - 1\right)$ "
                 r"(noise_parameterisation): at $t = 1$, $\bar\alpha_0 = 1$, so $\mathrm{SNR}(0)$ and the weight "
                 r"are infinite, and $\sigma_1^2 = \tilde\beta_1 = 0$. "
                 r"The term $t = 1$ is the decoder $L_0$, not a KL.",
            because="the posterior variance (ddpm_posterior; Ho et al. 2020, eq. (7))")
    d.then(sp.S.Zero, relation=at({alpha_bar_tm1: 1}),
           because=r"$\tilde\beta_1 = 0$: no $\sigma_1^2 = \tilde\beta_1$ weight at $t = 1$")
    d.start(WEIGHT_BETA, lhs=lambda_t, relation=DEFINITION,
            display=fraction(beta_t, sp.Mul(2, alpha_t, 1 - alpha_bar_t, **_U)),
            because=r"$\sigma_t^2 = \beta_t$ (noise_parameterisation)")
    first = {beta_t: BETA_1, alpha_t: 1 - BETA_1, alpha_bar_t: 1 - BETA_1}
    d.then(WEIGHT_BETA.xreplace(first), relation=at(first, label="t = 1"), tag="12",
           because=r"$\bar\alpha_1 = \alpha_1 = 1 - \beta_1$: $\lambda_1 = \frac{1}{2\alpha_1} = \frac{5000}{9999}$")


def _weight_notes(d: Derivation) -> None:
    for step in (1, 500, STEPS):
        beta_weight, tilde_weight = weight_exact(step, tilde=False), weight_exact(step, tilde=True)
        tilde_text = ("infinite (beta_tilde_1 = 0, SNR(0) is infinite: t = 1 is the decoder L_0, not a KL)"
                      if tilde_weight is None else shown(tilde_weight))
        d.note(f"Linear schedule, t = {step}: alpha_bar_t = {shown(linear_alpha_bar()[step])}; eq. (12) weight with "
               f"sigma_t^2 = beta_t: {shown(beta_weight)}; with sigma_t^2 = beta_tilde_t: {tilde_text} "
               f"(exact rationals, shown to {SHOWN} digits).")


def build() -> Derivation:
    """The derivation, unchecked."""
    d = Derivation("schedule_numbers", title="The schedules' numbers: abar_T and the weights of eq. (12)",
                   sources=("Ho et al. 2020, sec. 4 and eq. (12)", "Nichol & Dhariwal 2021, eq. (17) and sec. 3.2"))
    d.assume_positive(1 - alpha_t, 1 - alpha_bar_t, 1 - alpha_bar_tm1)
    d.define(beta_t, 1 - alpha_t)
    _linear(d)
    _cosine(d)
    _weights(d)
    _weight_notes(d)
    d.conclude(known=1 / (2 * (1 - BETA_1)), lhs=r"\lambda_1",
               source="Ho et al. 2020, eq. (12) with sigma_t^2 = beta_t at t = 1: 1/(2 alpha_1)")
    return d


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
