r"""Check every step of every display block with the engine.

Each step gets one of four outcomes:

* **proved**: the engine proved the relation (:func:`derivations.engine.checking.check_equal`,
  or equality in distribution for declared standard normals, or proportionality);
* **refuted**: the engine found a point where the two sides differ (residual and point);
* **undecided**: neither, or the step is not an algebraic identity (it merges noise
  terms, introduces a name the line before does not have, or is an approximation);
* **unparsed**: a line of the step could not be read safely (:mod:`derivations.latex.parse`).

A step between two integrals over the real line is also checked integrand by
integrand: a changed integrand is reported as refuted even when the integral's
value survives (a sign slip inside a completed square), with the value's verdict.
The post's own definitions (``x_t = ...``, ``g_1(t) = ...``) are used, as a reader would.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace

import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.integrals import as_single_integral, evaluate_real_line_integrals
from derivations.engine.relations import EQUAL_IN_DISTRIBUTION, Context, affine_in_normals, proportional_in
from derivations.engine.settings import CheckSettings
from derivations.engine.verdict import Counterexample, Outcome, Verdict
from derivations.errors import EngineInconsistencyError
from derivations.latex.parse import Names, Parsed, parse_row, read_ident
from derivations.lint.extract import DisplayBlock
from derivations.lint.steps import Row, call_label, label_key, parse_rows, shift_index

NOISE_BASES = frozenset({"epsilon", "z"})
#: Errors SymPy may raise on unusual input; the step is then undecided.
ENGINE_FAILURES = (ValueError, TypeError, ArithmeticError, AttributeError, NotImplementedError,
                   RecursionError, sp.PolynomialError)
#: Relations checked as equalities.
EQUALITIES = ("=", ":=", r"\coloneqq", r"\equiv")
HINT = "not an algebraic identity; equal in distribution if these are independent standard normals"


class Status(enum.Enum):
    """The linter's outcome for one step."""

    PROVED = "proved"
    REFUTED = "refuted"
    UNDECIDED = "undecided"
    UNPARSED = "unparsed"


@dataclass(frozen=True)
class StepResult:
    """One checked step: where it is, what it says, and what the engine concluded."""

    line: int
    source: str
    status: Status
    method: str
    residual: str | None = None
    counterexample: Counterexample | None = None
    note: str = ""


@dataclass(frozen=True)
class Options:
    """How to read a post: assumptions and declared standard normals."""

    assume: str = "real"
    normals: tuple[str, ...] = ()
    positive: tuple[str, ...] = ()


@dataclass
class _Chain:
    value: Parsed
    label: str | None = None


@dataclass
class Linter:
    """Checks the blocks of one post in order, remembering its labels and definitions."""

    options: Options
    names: Names = field(init=False)
    labels: dict[str, tuple[Parsed, int]] = field(default_factory=dict)
    definitions: dict[sp.Symbol, sp.Expr] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.names = Names(self.options.assume, frozenset(self.options.positive))

    def block(self, block: DisplayBlock) -> list[StepResult]:
        """The results of the steps of one display block."""
        results: list[StepResult] = []
        chain: _Chain | None = None
        for row in parse_rows(block.content, block.line):
            chain = self._row(row, chain, results)
        return results

    def _row(self, row: Row, chain: _Chain | None, results: list[StepResult]) -> _Chain | None:
        if row.implication is not None:
            results.append(self._implication(row))
            return None
        if row.continues:
            if chain is None:
                chain = _Chain(self._parse(row.links[0][1]))
                return self._links(row, chain, row.links[1:], results)
            return self._links(row, chain, row.links, results)
        if not row.links:
            if chain is None or row.fresh:
                return _Chain(self._parse(row.head))
            return self._links(row, chain, (("=", row.head),), results)
        chain = self._head(row, results)
        return self._links(row, chain, row.links[1:], results)

    def _links(self, row: Row, chain: _Chain, links, results: list[StepResult]) -> _Chain:
        for relation, text in links:
            current = self._parse(text)
            results.append(self.step(row, chain.value, relation, current))
            chain.value = current
            if chain.label is not None:
                self.labels[chain.label] = (current, row.line)
        return chain

    def _head(self, row: Row, results: list[StepResult]) -> _Chain:
        relation, text = row.links[0]
        rhs = self._parse(text)
        key = label_key(row.head)
        head = None if key is not None else self._parse(row.head)
        if key is None and _lone_symbol(head, rhs):
            key = str(head.expr)
        if key is None:
            results.append(self.step(row, head, relation, rhs))
            return _Chain(rhs)
        if key in self.labels:
            before, line = self.labels[key]
            result = self.step(row, before, relation, rhs)
            against = f"checked against line {line}, the last line for {' '.join(row.head.split())}"
            results.append(replace(result, note="; ".join(filter(None, (against, result.note)))))
        if relation in EQUALITIES:
            self._define(row.head, text, head, rhs)
        self.labels[key] = (rhs, row.line)
        return _Chain(rhs, key)

    def _parse(self, text: str) -> Parsed:
        return parse_row(text, self.names)

    # --- definitions ----------------------------------------------------------

    def _define(self, head_text: str, rhs_text: str, head: Parsed | None, rhs: Parsed) -> None:
        if head is not None and head.expr is not None and rhs.expr is not None:
            self.definitions[head.expr] = rhs.expr
            shifted_head, shifted_rhs = (self._parse(shift_index(t)) for t in (head_text, rhs_text))
            if isinstance(shifted_head.expr, sp.Symbol) and shifted_rhs.expr is not None \
                    and shifted_head.expr != head.expr:
                self.definitions[shifted_head.expr] = shifted_rhs.expr
            return
        called = call_label(head_text)
        if called is None:
            return
        name, arguments = called
        parsed = [self._parse(a) for a in arguments]
        if any(not isinstance(p.expr, sp.Symbol) for p in parsed) or rhs.expr is None:
            return
        found = read_ident(name, 0)
        if found is not None and found[1] == len(name):
            self.names.functions[found[0].python_name] = sp.Lambda(tuple(p.expr for p in parsed), rhs.expr)

    # --- one step ---------------------------------------------------------------

    def step(self, row: Row, previous: Parsed | None, relation: str, current: Parsed) -> StepResult:
        """Check ``previous relation current`` (a step of ``row``)."""
        source = row.source
        if current.expr is None:
            return StepResult(row.line, source, Status.UNPARSED, current.reason)
        if previous is None or previous.expr is None:
            reason = previous.reason if previous is not None else "no line before"
            return StepResult(row.line, source, Status.UNPARSED, f"the line before is unparsed ({reason})")
        try:
            if relation in EQUALITIES:
                return self._equal(row, previous, current)
            if relation == r"\propto":
                return self._proportional(row, previous, current)
        except EngineInconsistencyError as error:
            return StepResult(row.line, source, Status.UNDECIDED, f"engine inconsistency: {error}")
        except ENGINE_FAILURES as error:  # a SymPy failure on odd input is "undecided", never a crash
            return StepResult(row.line, source, Status.UNDECIDED,
                              f"the engine failed on this step ({type(error).__name__})")
        if relation in (r"\approx", r"\simeq"):
            return StepResult(row.line, source, Status.UNDECIDED, "an approximation: not checked")
        return StepResult(row.line, source, Status.UNDECIDED, f"the relation {relation} is not checked")

    def _settings(self, *exprs: sp.Expr) -> CheckSettings:
        units = _unit_constraints(*exprs, *self.definitions.values())
        return replace(units, definitions=dict(self.definitions))

    def _check(self, lhs: sp.Expr, rhs: sp.Expr) -> Verdict:
        """check_equal, then again with the post's definitions substituted if they occur.

        When a definition occurs in the step, the verdict with it substituted is the
        one reported: a counterexample that ignores the post's definitions is no refutation.
        """
        settings = _unit_constraints(lhs, rhs)
        plain = _with_residual(check_equal(lhs, rhs, settings), lhs, rhs)
        if plain.proved:
            return plain
        substituted = tuple(_substitute(side, self.definitions) for side in (lhs, rhs))
        if substituted == (lhs, rhs):
            return plain
        second = check_equal(*substituted, _unit_constraints(*substituted))
        second = _with_residual(second, *substituted)
        return replace(second, method=f"{second.method}, after substituting the post's definitions")

    def _equal(self, row: Row, previous: Parsed, current: Parsed) -> StepResult:
        lhs, rhs = previous.expr, current.expr
        integrand = self._integrand(row, lhs, rhs)
        if integrand is not None:
            return integrand
        verdict = self._check(lhs, rhs)
        if verdict.proved:
            return _result(row, verdict)
        declared = self._declared_normals(previous, current)
        if declared:
            verdict = EQUAL_IN_DISTRIBUTION.check(lhs, rhs, Context(self._settings(lhs, rhs), declared))
            verdict = _distribution_residual(verdict, lhs, rhs, declared)
            if verdict.proved:
                return _result(row, replace(verdict, method=f"equal in distribution: {verdict.method}"))
        elif guessed := _noise(previous, current):
            in_distribution = EQUAL_IN_DISTRIBUTION.check(lhs, rhs, Context(self._settings(lhs, rhs), guessed))
            if in_distribution.proved:
                names = ", ".join(sorted(str(s) for s in guessed))
                return StepResult(row.line, row.source, Status.UNDECIDED, f"{HINT}: {names}")
        new = _new_names(previous, current)
        if verdict.outcome is Outcome.REFUTED and new:
            return StepResult(row.line, row.source, Status.UNDECIDED,
                              f"introduces {', '.join(new)}, which the line before does not have "
                              "(a definition the linter cannot see?)")
        return _result(row, verdict)

    def _integrand(self, row: Row, lhs: sp.Expr, rhs: sp.Expr) -> StepResult | None:
        """Integrals over the real line: integrand by integrand, then by value.

        The integrands and the closed forms (Gaussian integral rule) are compared
        with :func:`check_equal`; the integrals themselves are never evaluated by
        quadrature here (that is the slow part of the engine's own check).
        """
        if not (lhs.has(sp.Integral) or rhs.has(sp.Integral)):
            return None
        left, right = as_single_integral(lhs), as_single_integral(rhs)
        if left is not None and right is not None:
            inner = right.function.xreplace({right.limits[0][0]: left.limits[0][0]})
            verdict = self._check(left.function, inner)
            if verdict.proved:
                method = f"linearity of the integral; integrands equal by {verdict.method}"
                return _result(row, replace(verdict, method=method))
            if verdict.outcome is Outcome.REFUTED:
                value = self._value(lhs, rhs)
                note = _value_note(value)
                result = _result(row, verdict)
                method = f"the integrand differs from the line before ({verdict.method})"
                return replace(result, method=method, note=note)
        return _result(row, self._value(lhs, rhs))

    def _value(self, lhs: sp.Expr, rhs: sp.Expr) -> Verdict:
        (left, left_done), (right, right_done) = (evaluate_real_line_integrals(side) for side in (lhs, rhs))
        if not (left_done and right_done):
            return self._check(lhs, rhs)
        verdict = self._check(left, right)
        return replace(verdict, method=f"Gaussian integral rule, then {verdict.method}")

    def _proportional(self, row: Row, previous: Parsed, current: Parsed) -> StepResult:
        shared = sorted(previous.expr.free_symbols & current.expr.free_symbols, key=sp.default_sort_key)
        verdicts = []
        for variable in shared[:6]:
            verdict = proportional_in(variable).check(previous.expr, current.expr, Context(self._settings()))
            if verdict.proved:
                return _result(row, verdict)
            verdicts.append(replace(verdict, residual=None))  # the ratio's residual names a dummy
        if verdicts and all(v.outcome is Outcome.REFUTED for v in verdicts):
            return _result(row, verdicts[0])
        return StepResult(row.line, row.source, Status.UNDECIDED,
                          "proportional in none of its variables, as far as checked")

    def _declared_normals(self, *parsed: Parsed) -> tuple[sp.Symbol, ...]:
        wanted = set(self.options.normals)
        found = {sym for p in parsed for sym, ident in p.idents.items()
                 if {ident.python_name, ident.sympy_name} & wanted}
        return tuple(sorted(found, key=sp.default_sort_key))

    # --- implications ---------------------------------------------------------------

    def _implication(self, row: Row) -> StepResult:
        from derivations.lint.implication import check_implication

        first, second = row.implication
        parts = [self._parse(first.head)] + [self._parse(t) for _, t in first.links[:1]]
        parts += [self._parse(second.head)] + [self._parse(t) for _, t in second.links[:1]]
        if len(parts) != 4 or len(first.links) != 1 or len(second.links) != 1:
            return StepResult(row.line, row.source, Status.UNDECIDED,
                              "an implication between two equations is expected")
        unread = next((p for p in parts if p.expr is None), None)
        if unread is not None:
            return StepResult(row.line, row.source, Status.UNPARSED, unread.reason)
        status, method = check_implication(*(p.expr for p in parts), self._settings())
        return StepResult(row.line, row.source, Status(status), method)


#: Residuals are shown in this canonical form: no time budget, so the report is reproducible.
RESIDUAL_MAX_OPS = 400


def residual(lhs: sp.Expr, rhs: sp.Expr) -> sp.Expr:
    """What is left of ``lhs - rhs``: the shortest of the difference, its expansion and its cancellation."""
    difference = lhs - rhs
    candidates = [difference, sp.expand(difference, power_exp=False)]
    if sp.count_ops(candidates[-1]) <= RESIDUAL_MAX_OPS:
        candidates.append(sp.cancel(candidates[-1]))
    return min(candidates, key=sp.count_ops)  # min keeps the first of equally short forms


def _value_note(value: Verdict) -> str:
    """What became of the integral's value when its integrand changed (no timing-dependent detail)."""
    if not value.proved:
        return f"the integral's value: {value.outcome.value}"
    if value.method.startswith("Gaussian integral rule"):
        return "the integral's value is unchanged (proved by the Gaussian integral rule)"
    return "the integral's value is unchanged (proved)"


def _with_residual(verdict: Verdict, lhs: sp.Expr, rhs: sp.Expr) -> Verdict:
    if verdict.outcome is not Outcome.REFUTED:
        return verdict
    return replace(verdict, residual=residual(lhs, rhs))


def _distribution_residual(verdict: Verdict, lhs: sp.Expr, rhs: sp.Expr,
                           normals: tuple[sp.Symbol, ...]) -> Verdict:
    sides = [affine_in_normals(side, normals) for side in (lhs, rhs)]
    if verdict.outcome is not Outcome.REFUTED or None in sides:
        return verdict
    part = 0 if verdict.method.startswith("mean") else 1
    return replace(verdict, residual=residual(sides[0][part], sides[1][part]))


def _unit_constraints(*exprs: sp.Expr) -> CheckSettings:
    """Settings with the schedule quantities (alpha..., beta...) in (0, 1), as in the papers.

    The hypothesis ``1 - s > 0`` is stated for each: the witness samples below 1 and a
    proof may use it (a noise scale sqrt(1 - alpha_t) is real).
    """
    symbols = set().union(*(e.free_symbols for e in exprs)) if exprs else set()
    units = [s for s in sorted(symbols, key=sp.default_sort_key)
             if s.name.startswith(("alpha", "beta")) and s.is_positive]
    return CheckSettings().with_positive(*(1 - s for s in units))


def _substitute(expr: sp.Expr, definitions: dict[sp.Symbol, sp.Expr]) -> sp.Expr:
    for _ in range(5):  # definitions may use other defined names
        new = expr.xreplace(definitions)
        if new == expr:
            break
        expr = new
    return expr


def _lone_symbol(head: Parsed | None, rhs: Parsed) -> bool:
    if head is None or not isinstance(head.expr, sp.Symbol):
        return False
    return rhs.expr is None or head.expr not in rhs.expr.free_symbols


def _noise(*parsed: Parsed) -> tuple[sp.Symbol, ...]:
    found = {sym for p in parsed for sym, ident in p.idents.items() if ident.base in NOISE_BASES}
    return tuple(sorted(found, key=sp.default_sort_key))


def _new_names(previous: Parsed, current: Parsed) -> list[str]:
    before = {ident.family for ident in previous.idents.values()}
    after = {ident.family: ident for ident in current.idents.values()}
    return sorted(ident.sympy_name for family, ident in after.items() if family not in before)


_STATUS = {Outcome.PROVED: Status.PROVED, Outcome.REFUTED: Status.REFUTED}


def _result(row: Row, verdict: Verdict) -> StepResult:
    status = _STATUS.get(verdict.outcome, Status.UNDECIDED)
    residual = None
    if status is Status.REFUTED and verdict.residual is not None:
        residual = sp.sstr(verdict.residual)
    return StepResult(row.line, row.source, status, verdict.method, residual, verdict.counterexample)


__all__ = ["HINT", "Linter", "Options", "Status", "StepResult"]
