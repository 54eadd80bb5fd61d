"""The numeric witness of a matrix identity: random explicit matrices of the declared kinds.

Each dimension symbol gets a small size (the first 3, the next 2, then 4), each matrix
symbol a random rational matrix of its kind (:func:`sample_matrix`), each scalar symbol a
value from its notation range; the stated constraints (and positive expressions) must hold.
Both sides are then computed exactly (rational arithmetic: products, inverses, determinants)
and compared at 30 digits. A disagreement is a counterexample: these are numbers, not a proof.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

import mpmath
import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixExpr

from derivations.engine import notation
from derivations.engine.matrix_symbols import Difference, ScalarOf, Total, kind_of
from derivations.engine.settings import CheckSettings
from derivations.engine.verdict import Counterexample

DIGITS = 30
TOLERANCE = mpmath.mpf("1e-20")
#: The sizes given to the dimension symbols, in order of their names.
SIZES = (3, 2, 4, 3)


def _rational(rng: random.Random, low: float = -2.0, high: float = 2.0) -> sp.Rational:
    return sp.Rational(round(rng.uniform(low, high), 2)).limit_denominator(100)


def sample_matrix(kind: str, rows: int, cols: int, rng: random.Random) -> sp.ImmutableMatrix:
    """A random rational matrix of ``kind`` (see :func:`~derivations.engine.matrix_forms.matrix`)."""
    def general(r: int = rows, c: int = cols) -> sp.Matrix:
        return sp.Matrix(r, c, lambda i, j: _rational(rng))
    if kind == "symmetric":
        b = general()
        return sp.ImmutableMatrix(b + b.T)
    if kind == "positive definite":
        b = general()
        return sp.ImmutableMatrix(b * b.T + sp.eye(rows) / 2)
    if kind == "diagonal":
        return sp.ImmutableMatrix(sp.diag(*[_rational(rng, 0.3, 2.5) for _ in range(rows)]))
    if kind == "orthogonal":  # Cayley: (I - K)(I + K)^{-1} with K skew-symmetric is orthogonal
        b = general()
        k = b - b.T
        return sp.ImmutableMatrix((sp.eye(rows) - k) * (sp.eye(rows) + k).inv())
    if kind == "lower":
        return sp.ImmutableMatrix(rows, cols, lambda i, j: _rational(rng, 0.3, 2.5) if i == j
                                  else (_rational(rng) if i > j else 0))
    for _ in range(20):  # general or invertible: a random square matrix is invertible almost surely
        m = general()
        if kind != "invertible" or m.det() != 0:
            return sp.ImmutableMatrix(m)
    raise ValueError("no invertible sample")


def value(expr: sp.Basic, env: Mapping[sp.Basic, sp.Basic], memo: dict | None = None) -> sp.Basic:
    """``expr`` computed at the explicit point ``env`` (matrices and numbers); ``memo`` keeps what is computed."""
    memo = {} if memo is None else memo
    if expr in env:
        return env[expr]
    if expr not in memo:
        memo[expr] = _compute(expr, env, memo)
    return memo[expr]


def _compute(expr: sp.Basic, env: Mapping[sp.Basic, sp.Basic], memo: dict) -> sp.Basic:
    def v(e: sp.Basic) -> sp.Basic:
        return value(e, env, memo)
    if isinstance(expr, sp.Identity):
        return sp.eye(int(v(expr.shape[0])))
    if isinstance(expr, sp.ZeroMatrix):
        return sp.zeros(*(int(v(n)) for n in expr.shape))
    if isinstance(expr, sp.MatrixSymbol):
        raise KeyError(expr)
    if isinstance(expr, Difference):
        return v(expr.args[0]) - v(expr.args[1])
    if isinstance(expr, sp.MatAdd | Total):
        parts = [v(a) for a in expr.args]
        return sum(parts[1:], parts[0])
    if isinstance(expr, sp.MatMul):
        out = sp.S.One
        for arg in expr.args:
            out = out * v(arg)
        return out
    if isinstance(expr, sp.Transpose):
        return v(expr.arg).T
    if isinstance(expr, sp.Inverse):
        return v(expr.arg).inv()
    if isinstance(expr, sp.MatPow):
        return v(expr.base) ** int(expr.exp)
    if isinstance(expr, sp.BlockMatrix):
        rows = [sp.Matrix.hstack(*(v(b) for b in row)) for row in expr.blocks.tolist()]
        return sp.Matrix.vstack(*rows)
    if isinstance(expr, sp.MatrixBase):
        return expr.applyfunc(v)
    if isinstance(expr, ScalarOf):
        return v(expr.args[0])[0, 0]
    if isinstance(expr, sp.Determinant):
        return v(expr.arg).det()
    if isinstance(expr, sp.Trace):
        return v(expr.arg).trace()
    if isinstance(expr, MatrixExpr):
        raise TypeError(f"cannot compute {type(expr).__name__}")
    if not expr.args:
        return expr
    return expr.func(*(v(a) for a in expr.args))


def _number(v: sp.Basic):
    if isinstance(v, sp.MatrixBase):
        return [_number(e) for e in v]
    number = mpmath.mpmathify(sp.N(v, DIGITS))
    if not mpmath.isfinite(number):
        raise ValueError("not finite")
    return number


def _differ(left, right) -> bool:
    if isinstance(left, list) != isinstance(right, list):
        return True
    if isinstance(left, list):
        return len(left) != len(right) or any(_differ(a, b) for a, b in zip(left, right))
    return abs(left - right) > TOLERANCE * (1 + abs(left) + abs(right))


def _show(v) -> str:
    if isinstance(v, list):
        return "[" + ", ".join(mpmath.nstr(e, 6) for e in v[:9]) + (", ..." if len(v) > 9 else "") + "]"
    return mpmath.nstr(v, 12)


def points(lhs: sp.Basic, rhs: sp.Basic, settings: CheckSettings, wanted: int | None = None):
    """Random admissible explicit points: dimensions, matrices of their kinds, scalars."""
    both = (lhs, rhs)
    matrices = sorted(set().union(*(e.atoms(sp.MatrixSymbol) for e in both)), key=str)
    dims = sorted({s for m in matrices for n in m.shape for s in sp.sympify(n).free_symbols}, key=str)
    scalars = sorted(set().union(*(e.free_symbols for e in both)) - set(dims) - set(matrices), key=str)
    scalars = [s for s in scalars if isinstance(s, sp.Symbol)]
    rng = random.Random(settings.seed)
    sizes = {n: sp.Integer(SIZES[i % len(SIZES)]) for i, n in enumerate(dims)}
    wanted = settings.witness_points if wanted is None else wanted
    known = set(dims) | set(matrices) | set(scalars)
    relevant = [c for c in settings.constraints if c.free_symbols <= known]
    for _ in range(wanted * 20):
        env: dict[sp.Basic, sp.Basic] = dict(sizes)
        for s in scalars:
            low, high = notation.sample_range(s)
            env[s] = sp.Integer(rng.randint(1, 4)) if s.is_integer else sp.Rational(
                round(rng.uniform(low, high), 3)).limit_denominator(1000)
        for m in matrices:
            rows, cols = (int(sp.sympify(n).xreplace(sizes)) for n in m.shape)
            env[m] = sample_matrix(kind_of(m), rows, cols, rng)
        try:
            if all(bool(value(c, env)) for c in relevant):
                yield env
                wanted -= 1
        except (TypeError, ValueError, KeyError, ZeroDivisionError, sp.matrices.exceptions.NonInvertibleMatrixError):
            continue
        if wanted <= 0:
            return


def matrix_witness(lhs: sp.Basic, rhs: sp.Basic, settings: CheckSettings) -> tuple[int, Counterexample | None]:
    """How many explicit points agree, and the first that does not."""
    agreed = 0
    for env in points(lhs, rhs, settings):
        try:
            memo: dict = {}
            left, right = _number(value(lhs, env, memo)), _number(value(rhs, env, memo))
        except (TypeError, ValueError, KeyError, ZeroDivisionError, AttributeError,
                sp.matrices.exceptions.NonInvertibleMatrixError, sp.matrices.exceptions.ShapeError):
            continue
        if _differ(left, right):
            named = tuple(sorted((str(k), _show(_number(v)) if not isinstance(v, sp.MatrixBase)
                                  else f"{v.rows}x{v.cols} {_show(_number(v))}") for k, v in env.items()))
            return agreed, Counterexample(named, _show(left), _show(right))
        agreed += 1
    return agreed, None
