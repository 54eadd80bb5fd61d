r"""The exact value of a derived expression at a float64 point, and its first-order error scale.

The code check (:mod:`derivations.code.check`) accepts a float64 result when
:math:`|\text{code} - \text{exact}| \le \tau E`: :math:`E` is the magnitude of everything
added on the way to the result, weighted by derivatives (Higham 2002, *Accuracy and
Stability of Numerical Algorithms*, sec. 3.1: first-order forward error bounds).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

import mpmath
import sympy as sp

DIGITS = 50
TOLERANCE = 1e-12  # on |code - exact| relative to the error scale E


def value_and_error_scale(expr: sp.Expr, point: Mapping[sp.Symbol, Any]) -> tuple[Any, Any]:
    r"""The exact value of ``expr`` at ``point`` and its first-order error scale :math:`E`.

    :math:`E` bounds, up to a small multiple of the unit roundoff, the error of
    evaluating ``expr`` in floating point as written: inputs and constants carry
    their own magnitude, a sum the sum of its terms' scales, a product
    :math:`\sum_i E_i \prod_{j \ne i} |v_j|`, and a function
    :math:`|f(v)| + |f'(v)|\,E`. Every node also adds its own magnitude (its rounding).
    """
    with mpmath.workdps(DIGITS):
        return _walk(sp.sympify(expr), point)


def _walk(expr: sp.Expr, point: Mapping[sp.Symbol, Any]) -> tuple[Any, Any]:
    if expr.is_Symbol:
        value = mpmath.mpf(point[expr])
        return value, abs(value)
    if expr.is_number and not expr.free_symbols:
        value = _constant(expr)
        return value, abs(value)
    parts = [_walk(arg, point) for arg in expr.args]
    values = [v for v, _ in parts]
    if isinstance(expr, sp.Add):
        value = mpmath.fsum(values)
        return value, abs(value) + mpmath.fsum(s for _, s in parts)
    if isinstance(expr, sp.Mul):
        value = mpmath.fprod(values)
        spread = mpmath.fsum(s * mpmath.fprod(abs(v) for j, v in enumerate(values) if j != i)
                             for i, (_, s) in enumerate(parts))
        return value, abs(value) + spread
    if isinstance(expr, sp.Pow) and expr.exp.is_number:
        (base, base_scale), (exponent, _) = parts
        try:
            slope = exponent * base ** (exponent - 1)
        except ZeroDivisionError:  # a negative power of 0
            slope = mpmath.inf
        return _unary(lambda w: w**exponent, slope, base, base_scale)
    if isinstance(expr, (sp.Min, sp.Max)):  # a clip: the chosen branch's value and scale
        pick = min if isinstance(expr, sp.Min) else max
        return pick(parts, key=lambda part: part[0])
    if isinstance(expr, sp.Function) and len(parts) == 1:
        function, derivative = _mp_function(expr.func)
        return _unary(function, derivative(values[0]), values[0], parts[0][1])
    raise NotImplementedError(f"no error scale for {type(expr).__name__}")


def _unary(function: Callable[[Any], Any], slope: Any, argument: Any, scale: Any) -> tuple[Any, Any]:
    r"""Value and scale of :math:`f(v)`: :math:`|f(v)|` plus how far :math:`f` moves when :math:`v` does.

    The move is the larger of the first-order :math:`|f'(v)|\,E` and the actual change
    :math:`|f(v \pm \tau E) - f(v)|/\tau` (which sees second-order effects: at a double
    root such as :math:`\cos^2` at :math:`\pi/2` the first order is zero, the rounding is not).
    """
    value = function(argument)
    moves = [abs(slope) * scale if scale else mpmath.mpf(0)]
    for moved in (argument - TOLERANCE * scale, argument + TOLERANCE * scale):
        try:
            change = function(moved)
        except (ValueError, ZeroDivisionError):
            continue
        if not isinstance(change, mpmath.mpc):
            moves.append(abs(change - value) / TOLERANCE)
    return value, abs(value) + max(moves)


@functools.cache
def _constant(expr: sp.Expr) -> Any:
    return mpmath.mpf(sp.N(expr, DIGITS + 5))


@functools.cache
def _mp_function(func: type) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    u = sp.Dummy("u")
    return (sp.lambdify(u, func(u), modules="mpmath"),
            sp.lambdify(u, sp.diff(func(u), u), modules="mpmath"))
