r"""Sums over an integer index: split, shifted and telescoped, by a canonical form.

SymPy's ``Sum`` follows Karr's convention: for integers :math:`a, b` and any
antidifference :math:`F` of :math:`f` (:math:`F(k+1) - F(k) = f(k)`),
:math:`\sum_{k=a}^{b} f(k) = F(b+1) - F(a)`, also when :math:`b < a` (then the sum is
minus the sum over :math:`b+1, \dots, a-1`). So for *all* integers :math:`a, b, c, s`:

.. math:: \sum_{k=a}^{b} f(k) = \sum_{k=a}^{c-1} f(k) + \sum_{k=c}^{b} f(k), \qquad
          \sum_{k=a}^{b} f(k) = \sum_{k=a-s}^{b-s} f(k + s),

.. math:: \sum_{k=a}^{b} \left(c\,f(k) + g(k)\right) = c\sum_{k=a}^{b} f(k) + \sum_{k=a}^{b} g(k),
          \qquad \sum_{k=a}^{b} c = (b - a + 1)\,c \quad (c \text{ free of } k).

:func:`canonical_sums` uses only these identities (each exact, under no hypothesis):
each sum is split by linearity into terms :math:`c\,g(k)`, each term's index is shifted so
that its smallest offset (:math:`\mathbf{x}_{k-1}` has offset :math:`-1`) is zero, and the
sums of one summand are peeled, term by term, to a common range. What is left are
sums that either match exactly or are different; each distinct sum becomes one symbol,
and the rest is an ordinary identity for :func:`~derivations.engine.checking.check_equal`.
This is how :math:`\sum_{t=2}^{T} (f(t-1) - f(t)) = f(1) - f(T)` (telescoping) is proved. A logarithm
of a product of positive terms is first the sum of their logarithms.

Every verdict is confronted with the sums themselves at concrete limits (the integer
symbols of the limits set to small values, the sums written out): a proof that a concrete
case contradicts is an engine error, and a concrete counterexample refutes.

References: Karr (1981), "Summation in finite terms", J. ACM 28(2), sec. 3 (the convention);
Graham, Knuth & Patashnik (1994), *Concrete Mathematics*, sec. 2.2-2.3 (the rules).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import sympy as sp

from derivations.engine.checking import check_equal, substitute_definitions
from derivations.engine.defined import unfold
from derivations.engine.relations import Context, Relation
from derivations.engine.settings import CheckSettings
from derivations.engine.verdict import Counterexample, Outcome, Verdict
from derivations.engine.witness import written_out
from derivations.errors import EngineInconsistencyError

#: The canonical summation index (every canonical sum is over it).
K = sp.Dummy("k", integer=True)
#: At most this many terms are peeled off one sum to reach a common range.
MAX_PEELED = 24
#: The concrete values tried for an integer symbol in a limit (respecting its sign).
CONCRETE = {"positive": (1, 2, 3, 5), "nonnegative": (0, 1, 2, 4), "any": (-1, 0, 2, 3)}


@dataclass(frozen=True)
class _Term:
    """``coefficient * Sum(summand, (K, lower, upper))``, the summand in canonical shift."""

    coefficient: sp.Expr
    summand: sp.Expr
    lower: sp.Expr
    upper: sp.Expr


def _offsets(expr: sp.Basic, k: sp.Symbol) -> set[int]:
    """The integers ``n`` for which ``k + n`` occurs in ``expr`` (``k`` itself is offset 0)."""
    if expr == k:
        return {0}
    if isinstance(expr, sp.Add) and expr.has(k) and (expr - k).is_Integer:
        return {int(expr - k)}
    return set().union(*(_offsets(arg, k) for arg in expr.args)) if expr.args else set()


def _terms_of(total: sp.Sum) -> tuple[list[_Term], sp.Expr] | None:
    """The sum as canonical terms, plus the part free of the index; None if it is not a simple sum."""
    if len(total.limits) != 1 or len(total.limits[0]) != 3:
        return None
    k, a, b = total.limits[0]
    if k.is_integer is not True or any(bound.has(k) for bound in (a, b)):
        return None
    body = sp.expand(sp.expand_log(total.function.xreplace({k: K})))
    if body.has(sp.Sum, sp.Product, sp.Integral):
        return None
    terms, free = [], sp.S.Zero
    for part in sp.Add.make_args(body):
        coefficient, summand = part.as_independent(K, as_Add=False)
        if not summand.has(K):
            free += part * (b - a + 1)
            continue
        offsets = _offsets(summand, K)
        shift = -min(offsets) if offsets else 0
        terms.append(_Term(coefficient, summand.xreplace({K: K + shift}), a - shift, b - shift))
    return terms, free


def _integer_gap(high: sp.Expr, low: sp.Expr) -> int | None:
    gap = sp.expand(high - low)
    return int(gap) if gap.is_Integer else None


def _common_range(terms: Sequence[_Term]) -> tuple[sp.Expr, sp.Expr] | None:
    """The largest lower and the smallest upper limit, if all differ by integers (else None)."""
    def extreme(values: list[sp.Expr], largest: bool) -> sp.Expr | None:
        for candidate in values:
            gaps = [_integer_gap(candidate, v) if largest else _integer_gap(v, candidate) for v in values]
            if all(g is not None and 0 <= g <= MAX_PEELED for g in gaps):
                return candidate
        return None
    lower = extreme([t.lower for t in terms], largest=True)
    upper = extreme([t.upper for t in terms], largest=False)
    return None if lower is None or upper is None else (lower, upper)


def _peeled(term: _Term, lower: sp.Expr, upper: sp.Expr) -> sp.Expr:
    """The terms of ``term`` outside ``[lower, upper]``, written out (split, Karr's convention)."""
    head = _integer_gap(lower, term.lower)
    tail = _integer_gap(term.upper, upper)
    written = [term.summand.xreplace({K: term.lower + j}) for j in range(head)]
    written += [term.summand.xreplace({K: upper + 1 + j}) for j in range(tail)]
    return term.coefficient * sp.Add(*written)


class _Names:
    """One symbol per distinct canonical sum, named apart from every symbol in sight."""

    def __init__(self, *exprs: sp.Expr) -> None:
        self.taken = {s.name for e in exprs for s in e.free_symbols}
        self.symbols: dict[sp.Sum, sp.Symbol] = {}

    def __call__(self, total: sp.Sum) -> sp.Symbol:
        if total not in self.symbols:
            name = f"Sigma_{len(self.symbols)}"
            while name in self.taken:
                name += "'"
            self.symbols[total] = sp.Symbol(name, real=True) if total.function.is_real else sp.Symbol(name)
        return self.symbols[total]


def _outer_sums(expr: sp.Expr) -> tuple[list[tuple[sp.Expr, sp.Sum]], sp.Expr]:
    """The additive terms ``c * Sum(...)`` of ``expr`` (c free of the sum's index), and the rest."""
    found, rest = [], sp.S.Zero
    for term in sp.Add.make_args(sp.expand(expr, deep=False)):
        sums = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.Sum)]
        if len(sums) == 1:
            coefficient = term / sums[0]
            if not coefficient.has(*sums[0].variables):
                found.append((coefficient, sums[0]))
                continue
        rest += term
    return found, rest


def canonical_sums(*exprs: sp.Expr) -> tuple[sp.Expr, ...]:
    """``exprs`` with their sums in canonical form, each distinct sum replaced by one shared symbol.

    Exact identities only (see the module docstring); a sum that is not over one integer
    index, or whose summand holds another sum, is kept as it is (as a symbol of its own).

    >>> k, T = sp.Symbol("k", integer=True), sp.Symbol("T", integer=True, positive=True)
    >>> f = sp.Function("f")
    >>> canonical_sums(sp.Sum(f(k - 1) - f(k), (k, 2, T)))
    (f(1) - f(T),)
    """
    return _canonical(exprs)[0]


def _log_of_products(expr: sp.Expr) -> sp.Expr:
    r""":math:`\log \prod_{k=a}^{b} f(k) = \sum_{k=a}^{b} \log f(k)` for a positive f (a density, say).

    Exact for all integers a, b in Karr's convention too: a reversed product is the reciprocal, and a
    reversed sum the negative, of the same range (:math:`\log(1/P) = -\log P`).
    """
    def log_of_a_product(node: sp.Basic) -> bool:
        return isinstance(node, sp.log) and isinstance(node.args[0], sp.Product) and bool(
            node.args[0].function.is_positive)

    return expr.replace(log_of_a_product, lambda node: sp.Sum(sp.log(node.args[0].function), *node.args[0].limits))


def _canonical(exprs: Sequence[sp.Expr]) -> tuple[tuple[sp.Expr, ...], dict[sp.Symbol, sp.Sum]]:
    """:func:`canonical_sums`, and the sum each of its symbols stands for."""
    exprs = tuple(sp.expand_log(_log_of_products(sp.expand_log(e))) for e in exprs)
    pieces = [_outer_sums(e) for e in exprs]
    terms: list[list[tuple[sp.Expr, _Term]]] = []
    rests: list[sp.Expr] = []
    for found, rest in pieces:
        mine = []
        for coefficient, total in found:
            split = _terms_of(total)
            if split is None:
                rest += coefficient * total
                continue
            parts, free = split
            rest += coefficient * free
            mine += [(coefficient, part) for part in parts]
        terms.append(mine)
        rests.append(rest)
    groups: dict[sp.Expr, list[_Term]] = {}
    for mine in terms:
        for _, part in mine:
            groups.setdefault(part.summand, []).append(part)
    ranges = {summand: _common_range(parts) for summand, parts in groups.items()}
    names = _Names(*exprs)
    results = []
    for mine, rest in zip(terms, rests):
        total = rest.xreplace({s: names(s) for s in rest.atoms(sp.Sum)})
        for coefficient, part in mine:
            span = ranges[part.summand] or (part.lower, part.upper)
            written = _peeled(part, *span) if ranges[part.summand] else sp.S.Zero
            total += coefficient * (written + part.coefficient * names(sp.Sum(part.summand, (K, *span))))
        results.append(total)
    return tuple(results), {symbol: total for total, symbol in names.symbols.items()}


def _limit_symbols(*exprs: sp.Expr) -> list[sp.Symbol]:
    """The free integer symbols in the sums' limits (a limit may hold an outer sum's index: that one is bound)."""
    free = set().union(*(e.free_symbols for e in exprs))
    limits = {s for e in exprs for total in e.atoms(sp.Sum) for limit in total.limits for bound in limit[1:]
              for s in bound.free_symbols}
    return sorted((s for s in limits & free if s.is_integer), key=sp.default_sort_key)


def _values(symbol: sp.Symbol) -> tuple[int, ...]:
    kind = "positive" if symbol.is_positive else "nonnegative" if symbol.is_nonnegative else "any"
    return CONCRETE[kind]


def _written_out(expr: sp.Expr, point: dict[sp.Symbol, int]) -> sp.Expr:
    """``expr`` at the concrete ``point``, every sum and product with integer limits written out term by term."""
    with sp.evaluate(False):  # log(Product(...)) must not be evaluated before the product is written out
        concrete = expr.xreplace({s: sp.Integer(v) for s, v in point.items()})
    return written_out(concrete)


def concrete_witness(lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings,
                     terms: Callable[[sp.Expr], sp.Expr] = lambda expr: expr) -> tuple[int, Verdict | None]:
    """Both sides at a few concrete values of the limits' integer symbols, the sums written out (``terms`` names
    the terms written out as the caller does: the reader's ``alpha[1]`` is the post's ``alpha_1``).

    Returns how many concrete cases were proved equal, and the first refuted case's verdict
    (None if none is refuted). Cases that cannot be decided are skipped.
    """
    symbols = _limit_symbols(lhs, rhs)
    cases = [dict(zip(symbols, values)) for values in itertools.product(*(_values(s) for s in symbols))][:4]
    agreed = 0
    for point in cases or [{}]:
        try:
            left, right = terms(_written_out(lhs, point)), terms(_written_out(rhs, point))
        except (ValueError, TypeError, NotImplementedError):  # SymPy cannot write this case out: skip it
            continue
        if left.has(sp.Sum, sp.Product) or right.has(sp.Sum, sp.Product):
            continue
        verdict = check_equal(left, right, settings)
        if verdict.outcome is Outcome.REFUTED:
            where = tuple((str(s), str(v)) for s, v in point.items())
            inner = verdict.counterexample
            example = Counterexample(where + (inner.point if inner else ()),
                                     inner.lhs if inner else "", inner.rhs if inner else "")
            return agreed, replace(verdict, method=f"the sums written out at {_show(point)}: {verdict.method}",
                                   counterexample=example)
        agreed += verdict.proved
    return agreed, None


def _show(point: dict[sp.Symbol, int]) -> str:
    return ", ".join(f"{s} = {v}" for s, v in point.items()) or "their limits"


def sums_equal(lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings,
               terms: Callable[[sp.Expr], sp.Expr] = lambda expr: expr) -> Verdict:
    """Are ``lhs`` and ``rhs`` equal? Their sums put in canonical form, then :func:`check_equal`.

    ``terms`` renames the terms a sum's split or peel writes out (see :func:`concrete_witness`).

    >>> from derivations.engine.checking import DEFAULT_SETTINGS
    >>> k, T = sp.Symbol("k", integer=True), sp.Symbol("T", integer=True, positive=True)
    >>> sums_equal(sp.Sum(k, (k, 1, T)), 1 + sp.Sum(k, (k, 2, T)), DEFAULT_SETTINGS).outcome
    <Outcome.PROVED: 'proved'>
    >>> sums_equal(sp.Sum(k, (k, 1, T)), sp.Sum(k, (k, 2, T)), DEFAULT_SETTINGS).outcome
    <Outcome.REFUTED: 'refuted'>
    """
    lhs, rhs = (unfold(substitute_definitions(side, settings.definitions)) for side in (lhs, rhs))
    canonical, sums = _canonical((lhs, rhs))
    verdict = check_equal(*map(terms, canonical), settings)
    agreed, refuted = concrete_witness(lhs, rhs, settings, terms)
    if verdict.proved and refuted is not None:
        raise EngineInconsistencyError(f"engine bug: the canonical sums are equal ({verdict.method}), but "
                                       f"{refuted.method} ({sp.sstr(lhs)} versus {sp.sstr(rhs)})")
    if refuted is not None:
        return refuted
    method = "sums split, shifted and peeled to a common range (Karr's convention), then "
    if verdict.proved:
        return replace(verdict, method=f"{method}{verdict.method}; {agreed} concrete cases written out agree")
    # Each distinct sum stood for an unrelated value: a difference there refutes nothing.
    return Verdict(Outcome.UNDECIDED, f"{method}not proved ({verdict.method}), with each distinct sum as an "
                   f"unrelated value; {agreed} concrete cases written out agree",
                   None if verdict.residual is None else verdict.residual.xreplace(sums), None,
                   verdict.witness_points, verdict.tried)


class _Sums(Relation):
    """The two lines are equal once their sums are in canonical form (:func:`sums_equal`)."""

    name = "sums over an integer index (linearity, shift, split)"

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        return sums_equal(previous, current, context.settings)


#: Relation: equal by the rules of finite sums (split off a term, shift the index, telescope).
SUMS = _Sums()


def empty_as_written(expr: sp.Expr) -> sp.Expr:
    r"""Sums and products whose upper limit is below the lower one, as written: empty (0 and 1).

    SymPy follows Karr's convention (:math:`\sum_{k=1}^{-3} 1 = -3`); a reader of
    :math:`\sum_{k=1}^{n}` at :math:`n = -3` sees no terms at all.
    """
    def reversed_limits(node: sp.Basic) -> bool:
        if not isinstance(node, (sp.Sum, sp.Product)) or len(node.limits) != 1 or len(node.limits[0]) != 3:
            return False
        gap = node.limits[0][2] - node.limits[0][1]
        return bool(gap.is_Integer and gap < 0)

    return expr.replace(reversed_limits, lambda node: sp.S.Zero if isinstance(node, sp.Sum) else sp.S.One)
