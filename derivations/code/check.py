r"""Prove that each reference implementation computes its derivation's result.

Two checks, one verdict per implementation:

1. **Agreement in float64** at many random admissible points. The derived
   SymPy expression is evaluated exactly (mpmath, 50 digits) at the very float64
   inputs the code receives, together with a first-order *error scale*
   :math:`E` (:func:`value_and_error_scale`): the magnitude of everything that is
   added on the way, weighted by derivatives. The code agrees at a point if

   .. math:: |\text{code} - \text{exact}| \le \tau\, E + 2^{-1022}, \qquad \tau = 10^{-12}

   (the last term, the smallest normal float64, admits underflow only). Without
   cancellation :math:`E` is about :math:`|\text{exact}|` and this is a relative
   tolerance of :math:`10^{-12}`; where float64 must cancel (the cosine
   schedule's :math:`\beta_1 = 1 - \bar\alpha_1/\bar\alpha_0`, a KL near zero)
   :math:`E` keeps the size of the cancelled terms, so honest rounding passes and
   a wrong formula (off by a relative :math:`10^{-6}` or more) does not.

2. **A symbolic proof** where SymPy can run the code. The implementations are
   plain NumPy written against the name ``np`` only; :func:`symbolic_version`
   re-binds that name, for the *same* code object, to :data:`SYMPY_NP`, a
   namespace whose ``sqrt``, ``exp``, ``log``, ``sum`` and ``pi`` are SymPy's. The
   function then returns a SymPy expression of the inputs, and
   :func:`derivations.engine.checking.check_equal` proves it equal to the derived result
   (float literals are read as the exact binary fractions the code uses).

Verdicts: *proved* (symbolic proof, and float64 agreement), *agrees at N points*
(float64 agreement only; no symbolic proof, reason given), *disagrees* (a point,
the code's value and the exact value), or *not checked* (the derivation is
missing or failed): only the first two are passes.
"""

from __future__ import annotations

import enum
import random
import types
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import mpmath
import numpy as np
import sympy as sp

from derivations.code.error_scale import TOLERANCE, value_and_error_scale
from derivations.engine import notation
from derivations.engine.checking import check_equal
from derivations.engine.defined import unfold
from derivations.engine.settings import CheckSettings
from derivations.engine.verdict import Outcome
from derivations.errors import DerivationError

UNDERFLOW = 2.0**-1022  # smallest normal float64: differences below it are underflow, not formula errors
DEFAULT_POINTS = 200
SEED = 2020


class CodeOutcome(enum.Enum):
    """What the check concluded about one implementation."""

    PROVED = "proved"
    AGREES = "agrees"
    DISAGREES = "disagrees"
    NOT_CHECKED = "not checked"

    @property
    def passed(self) -> bool:
        return self in (CodeOutcome.PROVED, CodeOutcome.AGREES)


@dataclass(frozen=True)
class CodeVerdict:
    """The verdict on one implementation, with its evidence."""

    name: str
    outcome: CodeOutcome
    points: int = 0
    method: str = ""
    target: str = ""

    def describe(self) -> str:
        """One line: ``name: proved ...; agrees at N points`` or ``name: disagrees at ...``."""
        points = f"agrees at {self.points} points (float64, |error| <= {TOLERANCE:g} x error scale)"
        if self.outcome is CodeOutcome.PROVED:
            return f"{self.name}: proved equal to {self.target} ({self.method}); {points}"
        if self.outcome is CodeOutcome.AGREES:
            return f"{self.name}: {points} with {self.target}; not proved: {self.method}"
        if self.outcome is CodeOutcome.DISAGREES:
            return f"{self.name}: disagrees with {self.target} {self.method}"
        return f"{self.name}: not checked: {self.method}"


@dataclass(frozen=True)
class Implementation:
    """An implementation, the derived result it must compute, and how to call it at a point.

    ``target()`` returns the derived expression(s) in ``symbols``; ``arguments``
    builds the call's arguments from a value for each symbol (SymPy symbols in the
    symbolic check, floats in the numeric one). ``constraints`` restrict the
    sampled points (``alpha_bar_t < alpha_bar_tm1``); ``domain`` overrides the
    notation table's sampling interval of a symbol.
    """

    name: str
    function: Callable[..., Any]
    target: Callable[[], tuple[sp.Expr, ...]]
    target_name: str
    symbols: tuple[sp.Symbol, ...]
    arguments: Callable[[Mapping[sp.Symbol, Any]], tuple[Any, ...]]
    constraints: tuple[sp.Basic, ...] = ()
    domain: Mapping[sp.Symbol, tuple[float, float]] = field(default_factory=dict)


class TargetUnavailable(DerivationError, LookupError):
    """The derived result cannot be had: its derivation is missing or failed (verdict: not checked)."""


# --- evaluating the code on SymPy symbols ----------------------------------------


def _elementwise(function: Callable[[sp.Expr], sp.Expr]) -> Callable[[Any], Any]:
    def apply(value: Any) -> Any:
        if isinstance(value, np.ndarray):
            return np.vectorize(function, otypes=[object])(value)
        return function(sp.sympify(value))
    return apply


def _sum(value: Any, axis: int | None = None) -> sp.Expr:
    array = np.asarray(value, dtype=object)
    if axis not in (None, -1, array.ndim - 1) or array.ndim > 1:
        raise NotImplementedError("the symbolic sum supports a vector summed over its last axis")
    return sp.Add(*array.ravel())


#: The names reference code may use from ``np``, with SymPy's meaning.
SYMPY_NP = types.SimpleNamespace(
    sqrt=_elementwise(sp.sqrt), exp=_elementwise(sp.exp), log=_elementwise(sp.log),
    cos=_elementwise(sp.cos), sin=_elementwise(sp.sin), sum=_sum, pi=sp.pi,
)


def symbolic_version(function: Callable[..., Any]) -> Callable[..., Any]:
    """The same code object with ``np`` bound to :data:`SYMPY_NP`.

    Module-level functions that ``function`` calls are re-bound the same way,
    so a function that calls another also runs on symbols.
    """
    scope = dict(function.__globals__)
    scope["np"] = SYMPY_NP
    for name, value in list(scope.items()):
        if isinstance(value, types.FunctionType) and value.__globals__ is function.__globals__:
            scope[name] = _rebind(value, scope)
    return _rebind(function, scope)


def _rebind(function: types.FunctionType, scope: dict[str, Any]) -> types.FunctionType:
    return types.FunctionType(function.__code__, scope, function.__name__,
                              function.__defaults__, function.__closure__)


def _as_exprs(output: Any) -> tuple[sp.Expr, ...]:
    items = output if isinstance(output, tuple) else (output,)
    exprs = []
    for item in items:
        if isinstance(item, np.ndarray):
            item = item.item() if item.size == 1 else sp.Matrix(item)
        expr = sp.sympify(item)
        exprs.append(expr.xreplace({f: sp.Rational(float(f)) for f in expr.atoms(sp.Float)}))
    return tuple(exprs)


def indexed(entries: Mapping[int, Any]) -> np.ndarray:
    """A schedule array holding ``entries`` at their indices and NaN elsewhere.

    Object dtype when the entries are SymPy expressions, float64 otherwise; an
    implementation that reads the wrong index gets NaN and disagrees.
    """
    symbolic = any(isinstance(v, sp.Basic) for v in entries.values())
    array = np.full(max(entries) + 1, sp.nan if symbolic else np.nan,
                    dtype=object if symbolic else float)
    for index, value in entries.items():
        array[index] = value
    return array


# --- the checks --------------------------------------------------------------------


@dataclass(frozen=True)
class Mismatch:
    """A point where the code and the exact derived value differ by more than the tolerance."""

    point: tuple[tuple[str, float], ...]
    code: float
    exact: Any
    scale: Any

    def describe(self) -> str:
        where = ", ".join(f"{name}={value!r}" for name, value in self.point)
        return (f"at {where}: code {self.code!r}, derived {mpmath.nstr(self.exact, 17)} "
                f"(allowed error {mpmath.nstr(allowed(self.scale), 3)})")


def allowed(scale: Any) -> Any:
    """The largest |code - exact| accepted: ``TOLERANCE * scale``, and never below float64 underflow."""
    return TOLERANCE * scale + UNDERFLOW


#: Symbols named as the code names them (``alpha_bar_t``, not SymPy's ``alphabar_t``).
_PYTHON_NAMES = {row.symbol(): row.python_name for row in notation.TABLE}


def sample_points(impl: Implementation, count: int, seed: int = SEED) -> list[dict[sp.Symbol, float]]:
    """``count`` random admissible float64 points for ``impl`` (seeded: the same every run)."""
    rng = random.Random(seed)
    points: list[dict[sp.Symbol, float]] = []
    for _ in range(count * 50):
        point = {s: rng.uniform(*impl.domain.get(s, notation.sample_range(s))) for s in impl.symbols}
        if admissible(impl, point):
            points.append(point)
            if len(points) == count:
                break
    return points


def admissible(impl: Implementation, point: Mapping[sp.Symbol, float]) -> bool:
    """Whether ``point`` satisfies the implementation's constraints."""
    exact = {s: sp.Rational(v) for s, v in point.items()}
    return all(bool(c.xreplace(exact)) for c in impl.constraints)


def compare_at(impl: Implementation, targets: Sequence[sp.Expr],
               point: Mapping[sp.Symbol, float]) -> Mismatch | None:
    """Run the code in float64 at ``point``; the first output off its exact value, or None."""
    point = {s: float(v) for s, v in point.items()}
    outputs = impl.function(*impl.arguments(point))
    outputs = outputs if isinstance(outputs, tuple) else (outputs,)
    for expr, output in zip(targets, outputs, strict=True):
        code = float(np.asarray(output, dtype=float))
        exact, scale = value_and_error_scale(expr, point)
        if not abs(code - exact) <= allowed(scale):  # NaN fails too
            named = tuple(sorted((_PYTHON_NAMES.get(s, str(s)), v) for s, v in point.items()))
            return Mismatch(named, code, exact, scale)
    return None


def agreement(impl: Implementation, targets: Sequence[sp.Expr],
              count: int = DEFAULT_POINTS, seed: int = SEED) -> tuple[int, Mismatch | None]:
    """How many of ``count`` random points agree, and the first that does not."""
    agreed = 0
    for point in sample_points(impl, count, seed):
        mismatch = compare_at(impl, targets, point)
        if mismatch is not None:
            return agreed, mismatch
        agreed += 1
    return agreed, None


def symbolic_output(impl: Implementation) -> tuple[sp.Expr, ...]:
    """The implementation run on its SymPy symbols: the expression(s) the code computes."""
    function = symbolic_version(impl.function)
    return _as_exprs(function(*impl.arguments({s: s for s in impl.symbols})))


def check_implementation(impl: Implementation, count: int = DEFAULT_POINTS) -> CodeVerdict:
    """The verdict on ``impl``: float64 agreement at ``count`` points, then a symbolic proof."""
    try:
        targets = tuple(unfold(t) for t in impl.target())
    except TargetUnavailable as error:
        return CodeVerdict(impl.name, CodeOutcome.NOT_CHECKED, method=str(error), target=impl.target_name)
    verdict = _numeric_verdict(impl, targets, count)
    if verdict.outcome is not CodeOutcome.AGREES:
        return verdict
    return _symbolic_verdict(impl, targets, verdict)


def _numeric_verdict(impl: Implementation, targets: Sequence[sp.Expr], count: int) -> CodeVerdict:
    agreed, mismatch = agreement(impl, targets, count)
    if mismatch is not None:
        return CodeVerdict(impl.name, CodeOutcome.DISAGREES, agreed, mismatch.describe(), impl.target_name)
    if agreed == 0:
        return CodeVerdict(impl.name, CodeOutcome.NOT_CHECKED, 0, "no admissible point", impl.target_name)
    return CodeVerdict(impl.name, CodeOutcome.AGREES, agreed, "", impl.target_name)


def _symbolic_verdict(impl: Implementation, targets: Sequence[sp.Expr], numeric: CodeVerdict) -> CodeVerdict:
    try:
        outputs = symbolic_output(impl)
    except (TypeError, AttributeError, NotImplementedError) as error:
        reason = f"SymPy cannot run the code ({type(error).__name__}: {error})"
        return CodeVerdict(impl.name, CodeOutcome.AGREES, numeric.points, reason, impl.target_name)
    settings = CheckSettings(constraints=impl.constraints)
    verdicts = [check_equal(out, target, settings) for out, target in zip(outputs, targets, strict=True)]
    refuted = [v for v in verdicts if v.outcome is Outcome.REFUTED]
    if refuted:
        return CodeVerdict(impl.name, CodeOutcome.DISAGREES, numeric.points,
                           f"symbolically: {refuted[0].describe()}", impl.target_name)
    if all(v.proved for v in verdicts):
        method = "; ".join(dict.fromkeys(v.method for v in verdicts))
        return CodeVerdict(impl.name, CodeOutcome.PROVED, numeric.points, method, impl.target_name)
    undecided = next(v for v in verdicts if not v.proved)
    return CodeVerdict(impl.name, CodeOutcome.AGREES, numeric.points,
                       f"the symbolic check is undecided ({undecided.method})", impl.target_name)


# --- schedules: arrays, entry by entry --------------------------------------------


@dataclass(frozen=True)
class ArrayImplementation:
    """A function that returns an array (a schedule), checked entry by entry.

    ``exact(i)`` is the exact value of entry ``i`` and its error scale (from a
    formula with :func:`value_and_error_scale`, or a running product). SymPy
    cannot run array code such as ``np.linspace`` or ``np.cumprod``, so these are
    checked numerically only, at every entry; ``why_not_proved`` says so.
    """

    name: str
    compute: Callable[[], np.ndarray]
    exact: Callable[[int], tuple[Any, Any]]
    target_name: str
    why_not_proved: str


def check_array(impl: ArrayImplementation) -> CodeVerdict:
    """The verdict on an array-valued implementation: every entry against its exact value."""
    try:
        values = np.asarray(impl.compute(), dtype=float)
    except TargetUnavailable as error:
        return CodeVerdict(impl.name, CodeOutcome.NOT_CHECKED, method=str(error), target=impl.target_name)
    for i, code in enumerate(values.tolist()):
        exact, scale = impl.exact(i)
        if not abs(code - exact) <= allowed(scale):
            mismatch = Mismatch((("index", i),), code, exact, scale)
            return CodeVerdict(impl.name, CodeOutcome.DISAGREES, i, mismatch.describe(), impl.target_name)
    return CodeVerdict(impl.name, CodeOutcome.AGREES, len(values), impl.why_not_proved, impl.target_name)
