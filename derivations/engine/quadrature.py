r"""Numerical integration for the witness: double-exponential quadrature, vectorised in float64.

The substitution :math:`x = \sinh(\tfrac{\pi}{2}\sinh s)` (the real line) or
:math:`x = m + r\tanh(\tfrac{\pi}{2}\sinh s)` (an interval) makes the integrand decay
double-exponentially in :math:`s`, so the trapezoidal rule with step :math:`h`
converges very fast (Takahasi & Mori 1974; Bailey, Jeyabalan & Li 2005). Two step
sizes are compared; if they do not agree to :data:`AGREEMENT` the caller falls back
to mpmath's adaptive quadrature. All of it is deterministic arithmetic: the
same integrand gives the same value on any machine.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

#: The trapezoidal sum over s in [-S_MAX, S_MAX] with step 2**-LEVEL, compared with twice that step.
S_MAX = 4.0
LEVEL = 6
AGREEMENT = 1e-12


def double_exponential(integrand: Callable[[np.ndarray], np.ndarray], low: float, high: float) -> complex | None:
    """The integral of ``integrand`` (vectorised) over ``(low, high)``, or None if two step sizes disagree.

    ``low`` and ``high`` may be infinite (the whole line only: a half-line returns None).
    """
    if np.isinf(low) != np.isinf(high):
        return None
    fine, coarse = (_trapezoid(integrand, low, high, 2.0**-level) for level in (LEVEL, LEVEL - 1))
    if fine is None or coarse is None:
        return None
    if abs(fine - coarse) > AGREEMENT * (1.0 + abs(fine)):
        return None
    return fine


def _trapezoid(integrand, low: float, high: float, step: float) -> complex | None:
    s = np.arange(-S_MAX, S_MAX + step / 2, step)
    inner = np.pi / 2 * np.sinh(s)
    if np.isinf(low):
        x = np.sinh(inner)
        weight = np.pi / 2 * np.cosh(s) * np.cosh(inner)
    else:
        middle, radius = (high + low) / 2, (high - low) / 2
        x = middle + radius * np.tanh(inner)
        weight = radius * np.pi / 2 * np.cosh(s) / np.cosh(inner) ** 2
    with np.errstate(all="ignore"):
        values = np.asarray(integrand(x), dtype=complex) * weight
        values = np.broadcast_to(values, x.shape)
        values = np.where(weight == 0, 0.0, values)  # far nodes: an underflowed weight contributes nothing
    if not np.all(np.isfinite(values)):
        return None
    total = complex(step * np.sum(values))
    return total.real if total.imag == 0 else total
