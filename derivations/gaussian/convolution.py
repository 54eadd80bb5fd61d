r"""The sum of two Gaussians is Gaussian: the convolution integral.

.. math:: (g_1 \star g_2)(x) = \int_{-\infty}^{\infty} g_1(t)\, g_2(x - t)\, dt
          = A_1 A_2 \sqrt{\frac{\pi}{B_1 + B_2}} \exp\left(-\frac{B_1 B_2}{B_1 + B_2} x^2\right)
          = \mathcal{N}(x; 0, \sigma_1^2 + \sigma_2^2),

and with means, :math:`\mathcal{N}(\mu_1, \sigma_1^2) \star \mathcal{N}(\mu_2, \sigma_2^2)
= \mathcal{N}(\mu_1 + \mu_2, \sigma_1^2 + \sigma_2^2)`, normalising constant included.

The derivation follows source 000 ("Convolution of two Gaussians", eqs. (6)-(7), the
three-line convolution integral and the five-line completed square) and corrects the
sign slip in its final integral. The numeric demonstrations of source 000 (``np.convolve``)
are computed by plain functions at the end of this module (a figures module can reuse them)
and reported in the derivation's notes.

References: source 000, "Convolution of two Gaussians" and the ``np.convolve`` demos;
source 001, Property 4 (sum of independent Gaussians).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.defined import named_function
from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.display import fraction, minus, product
from derivations.engine.notation import symbol
from derivations.engine.relations import INTEGRAL

x, t, u, C = (symbol(n) for n in ("x", "t", "u", "C"))
mu, mu_1, mu_2 = (symbol(n) for n in ("mu", "mu_1", "mu_2"))
sigma, sigma_1, sigma_2 = (symbol(n) for n in ("sigma", "sigma_1", "sigma_2"))
A, B, A_1, A_2, B_1, B_2 = (symbol(n) for n in ("A", "B", "A_1", "A_2", "B_1", "B_2"))
OO = (-sp.oo, sp.oo)

#: The source's normalising constant and precision, source 000 after eq. (6).
with sp.evaluate(False):
    A_OF = {s: 1 / (s * sp.sqrt(2 * sp.pi)) for s in (sigma, sigma_1, sigma_2)}
    B_OF = {s: 1 / (2 * s**2) for s in (sigma, sigma_1, sigma_2)}


GaussianForm = named_function(
    "GaussianForm", lambda arg: A * sp.exp(-B * (arg - C) ** 2), r"g\left({0}\right)",
    doc=r"The Gaussian of source 000 written :math:`g(x) = A e^{-B (x - C)^2}`.")
CentredGaussian1 = named_function(
    "CentredGaussian1", lambda arg: A_1 * sp.exp(-B_1 * arg**2), r"g_{{1}}\left({0}\right)",
    doc=r":math:`g_1(t) = A_1 e^{-B_1 t^2}` (source 000, after eq. (7)).")
CentredGaussian2 = named_function(
    "CentredGaussian2", lambda arg: A_2 * sp.exp(-B_2 * arg**2), r"g_{{2}}\left({0}\right)",
    doc=r":math:`g_2(t) = A_2 e^{-B_2 t^2}` (source 000, after eq. (7)).")
Convolution = named_function(
    "Convolution", lambda arg: sp.Integral(CentredGaussian1(t) * CentredGaussian2(arg - t), (t, *OO)),
    r"(g_{{1}} \star g_{{2}})\left({0}\right)",
    doc=r":math:`(g_1 \star g_2)(x) = \int g_1(t)\, g_2(x - t)\, dt`.")


# --- the completed square, source 000 -----------------------------------------------

S = B_1 + B_2
#: The square the source completes: sqrt(B1 + B2) t - B2 x / sqrt(B1 + B2).
SQUARE = sp.sqrt(S) * t - B_2 * x / sp.sqrt(S)
#: The same square with the source's sign in its final integral (the slip).
SOURCE_SQUARE = sp.sqrt(S) * t + B_2 * x / sp.sqrt(S)
EXPONENT = -B_1 * t**2 - B_2 * (x - t) ** 2
#: Source 000's result of the convolution integral.
CONVOLUTION_RESULT = A_1 * A_2 * sp.sqrt(sp.pi / S) * sp.exp(-B_1 * B_2 * x**2 / S)


def _gaussian_form(d: Derivation) -> None:
    """Eq. (6) as A exp(-B (x - C)^2) and recentred, eq. (7)."""
    eq6 = product(A_OF[sigma], sp.exp(-fraction(minus(x, mu) ** 2, product(2, sigma**2)), evaluate=False))
    d.start(eq6, lhs="g(x)", tag="6", display=eq6, heading="The Gaussian as A exp(-B (x - C)^2)",
            because="the Gaussian pdf (source 000)")
    d.then(NormalPDF(x, mu, sigma**2), because=r"the density of $\mathcal{N}(\mu, \sigma^2)$")
    d.then(A * sp.exp(-B * (x - C) ** 2), display=product(A, sp.exp(-product(B, minus(x, C) ** 2), evaluate=False)),
           because=r"with $A = \frac{1}{\sigma\sqrt{2\pi}}$, $B = \frac{1}{2\sigma^2}$, $C = \mu$")
    d.start(A * sp.exp(-B * t**2), lhs=GaussianForm(sp.Add(t, C, evaluate=False)), tag="7",
            because="recentre: $t = x - C$", heading="Recentred",
            text="The substitution $t = x - C$ recentres the Gaussian; its shape is unchanged.")


#: x - t and the completed square, in the source's order, for display.
X_MINUS_T = minus(x, t)
SQUARE_SHOWN = minus(product(sp.sqrt(S), t), fraction(product(B_2, x), sp.sqrt(S)))


def _convolution_integral(d: Derivation) -> None:
    """The three lines of the convolution integral, as in source 000."""
    integrand = product(A_1, sp.exp(-B_1 * t**2), A_2, sp.exp(-B_2 * X_MINUS_T**2))
    first = sp.Integral(CentredGaussian1(t) * CentredGaussian2(x - t), (t, *OO))
    d.start(first, display=sp.Integral(product(CentredGaussian1(t), CentredGaussian2(X_MINUS_T)), (t, *OO)),
            lhs=r"(g_{1} \star g_{2})(x)", because="definition of convolution",
            heading="The convolution integral",
            text=r"Take $g_1(t) = A_1 e^{-B_1 t^2}$ and $g_2(t) = A_2 e^{-B_2 t^2}$.")
    d.then(sp.Integral(integrand, (t, *OO)), display=sp.Integral(integrand, (t, *OO)),
           because=r"substitute $g_1$ and $g_2$")
    shown = sp.exp(minus(-B_1 * t**2, B_2 * X_MINUS_T**2), evaluate=False)
    d.then(A_1 * A_2 * sp.Integral(sp.exp(EXPONENT), (t, *OO)),
           display=product(A_1, A_2, sp.Integral(shown, (t, *OO))),
           because=r"constants out; $e^{a} e^{b} = e^{a + b}$")


def _complete_the_square(d: Derivation) -> None:
    """The exponent -B1 t^2 - B2 (x - t)^2 completed into a square in t, five lines as the source."""
    square = -SQUARE_SHOWN**2
    d.start(EXPONENT, lhs=minus(-B_1 * t**2, product(B_2, X_MINUS_T**2)), heading="Completing the square in t",
            display=sp.Add(-B_1 * t**2, -B_2 * x**2, -B_2 * t**2, product(2, B_2, x, t), evaluate=False),
            because="expand $(x - t)^2$")
    grouped = minus(product(S, t**2), product(2, B_2, x, t))
    d.then(EXPONENT, display=minus(product(-1, grouped), product(B_2, x**2)),
           because="group the terms in $t$")
    d.then(-SQUARE**2 - B_2 * x**2 + B_2**2 * x**2 / S,
           display=sp.Add(square, -product(B_2, x**2), fraction(product(B_2**2, x**2), S), evaluate=False),
           because=r"complete the square: add and subtract $\frac{B_2^2 x^2}{B_1 + B_2}$")
    tail = product(x**2, fraction(sp.Add(product(B_1, B_2), B_2**2, -B_2**2, evaluate=False), S))
    d.then(-SQUARE**2 - B_1 * B_2 * x**2 / S, display=minus(square, tail), because="common denominator")
    d.then(-SQUARE**2 - x**2 * B_1 * B_2 / S, display=minus(square, product(x**2, fraction(product(B_1, B_2), S))),
           because=r"$B_2^2$ cancels")


def _gaussian_integral(d: Derivation) -> None:
    """The completed square integrated: A1 A2 sqrt(pi/(B1+B2)) exp(-B1 B2 x^2/(B1+B2)), then the pdf."""
    envelope = sp.exp(-B_1 * B_2 * x**2 / S)
    shown = sp.exp(product(-1, fraction(product(B_1, B_2), S), x**2), evaluate=False)
    first = sp.Integral(sp.exp(-SQUARE_SHOWN**2, evaluate=False), (t, *OO))
    d.start(A_1 * A_2 * envelope * sp.Integral(sp.exp(-SQUARE**2), (t, *OO)), lhs=Convolution(x),
            display=product(A_1, A_2, shown, first), heading="The Gaussian integral",
            because="the completed square")
    gauss = sp.Integral(sp.exp(-u**2), (u, *OO))
    d.then(A_1 * A_2 * envelope / sp.sqrt(S) * gauss,
           display=product(fraction(product(A_1, A_2), sp.sqrt(S)), shown, gauss),
           because=r"substitute $u = \sqrt{B_1 + B_2}\, t - \frac{B_2 x}{\sqrt{B_1 + B_2}}$, "
                   r"$du = \sqrt{B_1 + B_2}\, dt$")
    d.then(CONVOLUTION_RESULT, relation=INTEGRAL, because=r"$\int e^{-u^2} du = \sqrt{\pi}$",
           display=product(A_1, A_2, sp.sqrt(fraction(sp.pi, S), evaluate=False), shown))
    b_sum = sp.Add(B_OF[sigma_1], B_OF[sigma_2], evaluate=False)
    substituted = product(A_OF[sigma_1], A_OF[sigma_2], sp.sqrt(fraction(sp.pi, b_sum), evaluate=False),
                          sp.exp(product(-1, fraction(product(B_OF[sigma_1], B_OF[sigma_2]), b_sum), x**2),
                                 evaluate=False))
    d.then(substituted, display=substituted, because=r"substitute $A_i = \frac{1}{\sigma_i\sqrt{2\pi}}$, "
           r"$B_i = \frac{1}{2\sigma_i^2}$")
    variance = sigma_1**2 + sigma_2**2
    d.then(sp.exp(-x**2 / (2 * variance)) / sp.sqrt(2 * sp.pi * variance), because="simplify",
           display=product(sp.Pow(sp.sqrt(product(2, sp.pi, variance), evaluate=False), -1, evaluate=False),
                           sp.exp(-fraction(x**2, product(2, variance)), evaluate=False)))
    d.then(NormalPDF(x, 0, variance), because="the normalising constant and the exponent of this density")


def _variances_add(d: Derivation) -> None:
    """Source 000's last display: the exponent's coefficient in terms of the variances."""
    with sp.evaluate(False):
        source_fraction = (1 / (2 * sigma_1**2 * 2 * sigma_2**2)) / (1 / (2 * sigma_1**2) + 1 / (2 * sigma_2**2))
    d.start(source_fraction, lhs=B_1 * B_2 / S, display=source_fraction, heading="Variances add",
            because=r"$B_i = \frac{1}{2\sigma_i^2}$ (source 000, last display)")
    d.then(1 / (2 * (sigma_1**2 + sigma_2**2)),
           because=r"$= \frac{1}{2\sigma^2}$ with $\sigma^2 = \sigma_1^2 + \sigma_2^2$")


def _with_means(d: Derivation) -> None:
    """The general case: N(mu1, s1^2) * N(mu2, s2^2) = N(mu1 + mu2, s1^2 + s2^2)."""
    variance = sigma_1**2 + sigma_2**2
    shifted = minus(x, mu_1, mu_2)
    first = sp.Integral(product(NormalPDF(t, mu_1, sigma_1**2), NormalPDF(X_MINUS_T, mu_2, sigma_2**2)), (t, *OO))
    d.start(first, display=first, lhs=r"(f_{1} \star f_{2})(x)", heading="With means",
            because=r"convolution of $\mathcal{N}(\mu_1, \sigma_1^2)$ and $\mathcal{N}(\mu_2, \sigma_2^2)$")
    integrand = product(NormalPDF(u, 0, sigma_1**2), NormalPDF(minus(x, mu_1, mu_2, u), 0, sigma_2**2))
    centred = sp.Integral(integrand, (u, *OO))
    d.then(centred, display=centred, because=r"shift $t = u + \mu_1$")
    d.then(Convolution(shifted), display=Convolution(shifted),
           because=r"the centred $g_1$, $g_2$ with $A_i$, $B_i$ of $\sigma_i$")
    result = CONVOLUTION_RESULT.xreplace({x: x - mu_1 - mu_2})
    d.then(result, relation=INTEGRAL, because=r"the result above at $x - \mu_1 - \mu_2$",
           display=product(A_1, A_2, sp.sqrt(fraction(sp.pi, S), evaluate=False),
                       sp.exp(product(-1, fraction(product(B_1, B_2), S), shifted**2), evaluate=False)))
    d.then(NormalPDF(x - mu_1 - mu_2, 0, variance), display=NormalPDF(shifted, 0, variance),
           because="as above")
    d.then(NormalPDF(x, mu_1 + mu_2, variance), because="shift the mean")


def _source_slip(d: Derivation) -> None:
    """Source 000's final integral has + B2 x / sqrt(B1 + B2) inside the square; the lines above have -."""
    envelope = sp.exp(-B_1 * B_2 * x**2 / S)
    value = check_equal(A_1 * A_2 * envelope * sp.Integral(sp.exp(-SOURCE_SQUARE**2), (t, *OO)),
                        CONVOLUTION_RESULT, d.settings)
    d.slip(where="000, 'Now the whole convolution becomes', integrand of the first line",
           source_line=envelope * sp.exp(-SOURCE_SQUARE**2), corrected=sp.exp(EXPONENT),
           note=r"The completed square is written with $+\frac{B_2 x}{\sqrt{B_1+B_2}}$ where the five "
                r"lines above give $-$; the corrected integrand is $e^{-(\sqrt{B_1+B_2}\,t - "
                r"B_2 x/\sqrt{B_1+B_2})^2}$. The two integrands differ by the shift "
                r"$t \to t + 2B_2 x/(B_1+B_2)$, which leaves an integral over the real line unchanged, "
                r"so the source's final result is right: its whole line with the integral is "
                f"{value.outcome.value} equal to the result ({value.method}).")


def build() -> Derivation:
    """Build the derivation, unchecked (:func:`derive` checks it)."""
    d = Derivation("gaussian_convolution", title="The sum of two Gaussians: the convolution integral",
                   sources=("source 000, 'Convolution of two Gaussians', eqs. (6)-(7)",
                            "source 001, Property 4 (sum of independent Gaussians)"))
    d.define(A, A_OF[sigma])
    d.define(B, B_OF[sigma])
    d.define(C, mu)
    for s, a, b in ((sigma_1, A_1, B_1), (sigma_2, A_2, B_2)):
        d.define(a, A_OF[s])
        d.define(b, B_OF[s])
    _gaussian_form(d)
    _convolution_integral(d)
    _complete_the_square(d)
    _gaussian_integral(d)
    _variances_add(d)
    _with_means(d)
    _source_slip(d)
    d.note("The source's variance line (the fraction with $2\\sigma_1^2\\, 2\\sigma_2^2$) is proved: "
           "it equals "
           "$\\frac{B_1 B_2}{B_1+B_2} = \\frac{1}{2(\\sigma_1^2+\\sigma_2^2)}$; no slip. The source matches "
           "only the exponent; here the normalising constant is checked as well.")
    for note in demo_notes():
        d.note(note)
    d.conclude(known=NormalPDF(x, mu_1 + mu_2, sigma_1**2 + sigma_2**2),
               source="source 001, Property 4", lhs=r"(f_{1} \star f_{2})(x)")
    return d


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


# --- the numeric demonstrations of source 000, computed -------------------------------

#: Source 000's ``np.convolve`` demo: the two arrays and the output the source prints.
ARRAY_A = (0.1, 0.2, 0.3, 0.2, 0.2)
ARRAY_B = (0.4, 0.3, 0.3)
SOURCE_PRINTED = (0.04, 0.11, 0.21, 0.23, 0.23, 0.12, 0.06)
#: Source 000's Gaussian demo: N(-3, 3^2) convolved with N(3, 4^2), compared with N(0, 5^2).
FIRST, SECOND, SUM = (-3.0, 3.0), (3.0, 4.0), (0.0, 5.0)


def discrete_convolution() -> np.ndarray:
    """``np.convolve(ARRAY_A, ARRAY_B)``, the source's first demo (full mode)."""
    return np.convolve(ARRAY_A, ARRAY_B)


def source_grid(n: int = 1000) -> np.ndarray:
    """The source's grid ``np.linspace(-20, 20, 1000)`` (``n`` points)."""
    return np.linspace(-20.0, 20.0, n)


def discretised_normal(grid: np.ndarray, mean: float, sd: float, *, by: str = "sum") -> np.ndarray:
    """The N(mean, sd^2) density on ``grid``, scaled to probabilities.

    ``by="sum"`` divides by the sum over the grid (the source's choice); ``by="spacing"``
    multiplies by the grid spacing (exact Riemann weights, no renormalisation).
    """
    density = np.exp(-0.5 * ((grid - mean) / sd) ** 2) / (sd * np.sqrt(2 * np.pi))
    return density / density.sum() if by == "sum" else density * (grid[1] - grid[0])


def same_mode_shift(grid: np.ndarray) -> float:
    """Where ``np.convolve(a, v, mode="same")`` puts its output, relative to ``grid``.

    For two arrays of length n, ``mode="same"`` returns ``full[(n-1)//2 : (n-1)//2 + n]``,
    and entry k of the full convolution sits at ``2 x_0 + k dx``; so output i sits at
    ``x_i + x_0 + ((n-1)//2) dx``. On a grid symmetric about 0 that is ``-dx/2`` for even n
    (the source's 1000 points) and 0 for odd n.
    """
    n, dx = len(grid), grid[1] - grid[0]
    return float(grid[0] + ((n - 1) // 2) * dx)


def grid_convolution(grid: np.ndarray, *, by: str = "sum",
                     recentre: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """The source's discretised N(-3, 3^2) * N(3, 4^2) (``mode="same"``) and N(0, 5^2) on ``grid``.

    With ``recentre=True`` the reference N(0, 5^2) is evaluated where ``mode="same"`` puts
    its output (:func:`same_mode_shift`), not on the grid itself.
    """
    convolved = np.convolve(discretised_normal(grid, *FIRST, by=by), discretised_normal(grid, *SECOND, by=by),
                            mode="same")
    shift = same_mode_shift(grid) if recentre else 0.0
    return convolved, discretised_normal(grid + shift, *SUM, by=by)


def _max_error(grid: np.ndarray, **options: Any) -> tuple[float, float]:
    convolved, reference = grid_convolution(grid, **options)
    errors = np.abs(convolved - reference)
    return float(errors.max()), float(grid[np.argmax(errors)])


def _tail(mean: float, sd: float, low: float = -20.0, high: float = 20.0) -> float:
    """The mass of N(mean, sd^2) outside [low, high]."""
    scale = sd * math.sqrt(2)
    return 0.5 * (math.erfc((mean - low) / scale) + math.erfc((high - mean) / scale))


def gaussian_demo_errors() -> dict[str, float]:
    """The source's Gaussian demo measured, with the error explained and the explanation checked.

    Returns the max error on the source's grid and where it occurs; the error predicted by
    the half-sample shift of ``mode="same"`` (``dx/2`` times the steepest slope of N(0, 5^2));
    the errors once the reference is recentred, on an odd grid, and with spacing weights
    instead of normalising by the sum; and the error predicted for normalising truncated
    densities by their sums.
    """
    grid = source_grid()
    dx = float(grid[1] - grid[0])
    source_error, where = _max_error(grid)
    sd = SUM[1]
    steepest = dx * math.exp(-0.5) / (sd**2 * math.sqrt(2 * math.pi))  # |d/dx| of dx * N(x; 0, 25) at x = 5
    peak = dx / (sd * math.sqrt(2 * math.pi))
    spacing_error, spacing_where = _max_error(grid, by="spacing", recentre=True)
    return {
        "spacing": dx,
        "peak": float(discretised_normal(grid, *SUM).max()),
        "source_max_error": source_error,
        "source_error_at": where,
        "shift": same_mode_shift(grid),
        "predicted_shift_error": abs(same_mode_shift(grid)) * steepest,
        "recentred_max_error": _max_error(grid, recentre=True)[0],
        "odd_grid_max_error": _max_error(source_grid(1001))[0],
        "predicted_normalisation_error": peak * (_tail(*SUM) - _tail(*FIRST) - _tail(*SECOND)),
        "spacing_weights_max_error": spacing_error,
        "spacing_weights_error_at": spacing_where,
    }


def demo_notes() -> list[str]:
    """The demonstrations' numbers, as notes for the reader."""
    computed = discrete_convolution()
    gap = float(np.abs(computed - np.array(SOURCE_PRINTED)).max())
    swapped = float(np.abs(np.convolve(ARRAY_B, ARRAY_A) - computed).max())
    e = gaussian_demo_errors()
    return [
        f"np.convolve({list(ARRAY_A)}, {list(ARRAY_B)}) computed: {np.array2string(computed, precision=2)}; "
        f"the source prints {list(SOURCE_PRINTED)}: "
        f"{'they agree' if gap < 1e-12 else f'they differ by {gap:.3g}'} "
        f"(max difference below 1e-12). Swapping the two arguments "
        f"{'leaves the output unchanged' if swapped < 1e-12 else f'changes it by {swapped:.3g}'} "
        f"(full mode: convolution commutes).",
        f"Discretised N(-3, 3^2) convolved with N(3, 4^2), mode='same', on np.linspace(-20, 20, 1000) "
        f"(spacing dx = {e['spacing']:.4f}): max |error| against N(0, 5^2) is {e['source_max_error']:.3g} "
        f"at x = {e['source_error_at']:.2f}, i.e. {e['source_max_error'] / e['peak']:.2%} of the peak "
        f"{e['peak']:.4g}.",
        f"Where it comes from: with an even number of points mode='same' returns the convolution half a "
        f"sample to the left of the grid (shift {e['shift']:.4f} = -dx/2). Predicted error dx/2 times the "
        f"steepest slope of N(0, 5^2): {e['predicted_shift_error']:.3g} (at x = -5 and 5). Checked: against "
        f"N(0, 5^2) taken at the shifted points the max error drops to {e['recentred_max_error']:.3g}; on "
        f"an odd grid (1001 points, 0 on the grid) it is {e['odd_grid_max_error']:.3g}.",
        f"The remainder comes from truncating the densities at +-20 and normalising by the sum: N(0, 5^2) "
        f"loses more mass outside [-20, 20] than N(-3, 3^2) and N(3, 4^2), so its normalisation inflates "
        f"it more; predicted at the peak {e['predicted_normalisation_error']:.3g}. With exact spacing "
        f"weights instead of the sums (and the shift corrected) the max error is "
        f"{e['spacing_weights_max_error']:.3g}, at x = {e['spacing_weights_error_at']:.2f}: the grid's end "
        f"cuts off values of N(3, 4^2) beyond 20 that the convolution there would need.",
    ]


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
