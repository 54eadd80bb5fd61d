r"""Limits, checked by series expansion with the order of the remainder stated.

:func:`limit_as` ``(n, oo)`` relates a line :math:`f(n)` to its limit :math:`L`:

.. math:: f(n) = L + c_1 n^{-p_1} + \dots + O(n^{-k}),\qquad 0 < p_1 < \dots < k,

so :math:`f(n) \to L`. The check writes :math:`n = h^{-2}` (so powers of :math:`n^{-1/2}`
appear as powers of :math:`h`) or, at a finite point :math:`a`, :math:`x = a + h`, and asks
SymPy for the series of :math:`f` in :math:`h` about :math:`0^+`. It is a proof when

* no term has a negative power of :math:`h` (nothing grows), and no term is left with a
  logarithm of :math:`h` at power zero;
* the constant term equals :math:`L` (proved by the engine's own check, with its witness);
* every other term has a positive power of :math:`h`, and so has the remainder :math:`O(h^k)`.

The series is then confronted with numbers: at :math:`h = 10^{-3}` and :math:`10^{-4}`
(30 digits, random admissible values of the other symbols), :math:`|f - L|` must be within
twice the first correction term (or below :math:`10^{-8}` when there is none). A constant
term different from :math:`L`, or a growing term, refutes the step (the limit is something
else, or there is none); anything the rules do not cover is undecided.

References: Knopp, *Theory and Application of Infinite Series* (1951), ch. 14 (asymptotic
expansions); Durrett, *Probability: Theory and Examples* (2019), sec. 3.4 (the CLT by
characteristic functions).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

import mpmath
import sympy as sp

from derivations.engine.defined import unfold
from derivations.engine.notation import latex
from derivations.engine.relations import Context, Relation
from derivations.engine.verdict import Outcome, Verdict
from derivations.engine.witness import _admissible_points
from derivations.errors import EngineInconsistencyError

#: Terms of the series asked for (powers of h below this).
ORDER = 6
#: Where the series is confronted with the function.
PROBES = (sp.Rational(1, 1000), sp.Rational(1, 10000))


@dataclass(frozen=True)
class Expansion:
    """A series in ``h`` about ``0+``: terms ``(power, coefficient)``, and the remainder's order."""

    terms: tuple[tuple[sp.Expr, sp.Expr], ...]
    remainder: sp.Expr | None  # k in O(h^k), None if the series is exact

    def constant(self) -> sp.Expr:
        return sp.Add(*(c for p, c in self.terms if p == 0))


def expand_at(expr: sp.Expr, variable: sp.Symbol, point: sp.Expr, h: sp.Symbol,
              side: int = 1) -> tuple[sp.Expr, Expansion]:
    """``expr`` with ``variable`` written through ``h`` (``h -> 0+``), and its series.

    At a finite point the variable is ``point + side * h``: from above (``side = 1``) or below.

    Raises:
        ValueError: the series has a term the rules do not cover (a logarithm of ``h``).
    """
    if point == sp.oo:
        g = expr.xreplace({variable: 1 / h**2})
    elif point == -sp.oo:
        g = expr.xreplace({variable: -1 / h**2})
    else:
        g = expr.xreplace({variable: point + side * h})
    series = sp.series(g, h, 0, ORDER)
    order = series.getO()
    remainder = None
    if order is not None:
        base_exp = order.expr.as_coeff_exponent(h)
        remainder = base_exp[1]
    grouped: dict[sp.Expr, sp.Expr] = {}
    for term in sp.Add.make_args(sp.expand(series.removeO())):
        coeff, power = term.as_coeff_exponent(h)
        if coeff.has(h):
            raise ValueError(f"the term {term} is not a power of the variable")
        grouped[power] = grouped.get(power, sp.S.Zero) + coeff
    return g, Expansion(tuple(sorted(grouped.items(), key=lambda item: float(item[0]))), remainder)


@dataclass(frozen=True, repr=False)
class _LimitAs(Relation):
    variable: sp.Symbol
    point: sp.Expr
    establishes = None

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"limit as {self.variable} -> {sp.sstr(self.point)}"

    @property
    def latex(self) -> str:  # type: ignore[override]
        return rf"\xrightarrow{{{latex(self.variable)} \to {latex(self.point)}}}"

    @property
    def label(self) -> str:
        """Where a writer that prints every relation as ``=`` says what the relation is."""
        return rf"the limit ${latex(self.variable)} \to {latex(self.point)}$"

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        from derivations.engine.checking import substitute_definitions

        current = sp.sympify(current)
        if current.has(self.variable):
            return Verdict(Outcome.UNDECIDED, f"a limit as {self.variable} -> {self.point} cannot depend on it")
        if self.point.is_finite and self.variable.is_positive and self.point.is_nonnegative is not True:
            return Verdict(Outcome.UNDECIDED, f"{self.variable} is positive: it cannot tend to {self.point}")
        f = substitute_definitions(unfold(previous), context.settings.definitions)
        one_sided = self.point.is_finite and self.point == 0 and self.variable.is_nonnegative
        sides = (1,) if not self.point.is_finite or one_sided else (1, -1)
        verdicts = [self._side(f, current, side, context) for side in sides]
        for verdict in verdicts:
            if not verdict.proved:
                return verdict
        if len(sides) == 2:
            return replace(verdicts[0], method=verdicts[0].method + " (and the same from below)")
        return verdicts[0]

    def _side(self, f: sp.Expr, current: sp.Expr, side: int, context: Context) -> Verdict:
        """The limit from one side: the series, its growing terms, its constant term, the numbers."""
        from derivations.engine.checking import check_equal

        h = sp.Symbol("h", positive=True)
        try:
            g, expansion = expand_at(f, self.variable, self.point, h, side)
        except (ValueError, NotImplementedError, TypeError, sp.PoleError) as error:
            return Verdict(Outcome.UNDECIDED, f"no series about the limit point ({error})")
        if expansion.remainder is not None and not expansion.remainder.is_positive:
            return Verdict(Outcome.UNDECIDED, f"the series' remainder O(h^{expansion.remainder}) does not vanish")
        growing = [(p, c) for p, c in expansion.terms if p < 0 and not check_equal(c, 0, context.settings).proved]
        if growing:
            power, coeff = growing[0]
            verdict = check_equal(coeff, 0, context.settings)
            if verdict.outcome is Outcome.REFUTED:
                return Verdict(Outcome.REFUTED, f"no limit: a term grows like {self._order(power)}, "
                               f"coefficient {sp.sstr(coeff)}", coeff, verdict.counterexample)
            return Verdict(Outcome.UNDECIDED, f"a term of order {self._order(power)} may grow")
        limit = expansion.constant()
        verdict = check_equal(limit, current, context.settings)
        if not verdict.proved:
            return replace(verdict, method=f"the series tends to {sp.sstr(limit)}: {verdict.method}")
        correction = next(((p, c) for p, c in expansion.terms if p > 0), None)
        self._confront(g, limit, correction, h, context)
        remainder = f"O({self._order(expansion.remainder)})" if expansion.remainder is not None else "nothing else"
        first = f" + ({sp.sstr(correction[1])}) {self._order(correction[0])}" if correction else ""
        return Verdict(Outcome.PROVED, f"series about {sp.sstr(self.point)}: {sp.sstr(limit)}{first} + {remainder}; "
                       f"the constant term by {verdict.method}", sp.S.Zero, None, verdict.witness_points)

    def _order(self, power: sp.Expr) -> str:
        """``h^power`` in the variable: ``n^(-p/2)`` at infinity, ``(x - a)^p`` at a point."""
        if self.point in (sp.oo, -sp.oo):
            return f"{self.variable}^({sp.sstr(-power / 2)})"
        shifted = self.variable if self.point == 0 else f"({self.variable} - {sp.sstr(self.point)})"
        return f"{shifted}^{sp.sstr(power)}"

    def _confront(self, g: sp.Expr, limit: sp.Expr, correction, h: sp.Symbol, context: Context) -> None:
        """The numbers must follow the series (else the series is wrong: an engine error)."""
        symbols = sorted((g.free_symbols | limit.free_symbols) - {h}, key=sp.default_sort_key)
        for point in _admissible_points(symbols, context.settings.constraints, random.Random(7), 1):
            for probe in PROBES:
                at = {**point, h: probe}
                with mpmath.workdps(30):
                    try:
                        gap = abs(complex(sp.N((g - limit).xreplace(at), 30)))
                        allowed = 2 * abs(complex(sp.N((correction[1] * h ** correction[0]).xreplace(at), 30))) \
                            if correction else 1e-8
                    except (TypeError, ValueError, ZeroDivisionError):
                        continue
                if gap > allowed + 1e-12:
                    raise EngineInconsistencyError(
                        f"engine bug: the series says {sp.sstr(g)} -> {sp.sstr(limit)} but at {at} the gap is {gap}")


def limit_as(variable: sp.Symbol, point: sp.Expr = sp.oo) -> Relation:
    r"""Relation: the line is the limit of the line before as ``variable -> point``.

    Printed :math:`\xrightarrow{n \to \infty}`. A limit is not an equality of the two
    lines, so it makes nothing known (no later substitution may use it).

    >>> from derivations.engine.checking import DEFAULT_SETTINGS
    >>> n, t = sp.Symbol("n", positive=True), sp.Symbol("t", real=True)
    >>> limit_as(n).check(n * sp.log(sp.cos(t / sp.sqrt(n))), -t**2 / 2, Context(DEFAULT_SETTINGS)).outcome
    <Outcome.PROVED: 'proved'>
    >>> limit_as(n).check(n * sp.log(sp.cos(t / sp.sqrt(n))), -t**2, Context(DEFAULT_SETTINGS)).outcome
    <Outcome.REFUTED: 'refuted'>
    """
    return _LimitAs(variable, sp.sympify(point))
