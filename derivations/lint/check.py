r"""Check every step of every display block with the engine.

Each step gets one of four outcomes: **proved** (the engine proved the relation), **refuted** (a point where
the two sides differ, with the residual), **undecided** (neither, or a relation that is not checked:
``\approx``, ``\le``, ``\sim``), or **unparsed** (a side of it is unread: :mod:`derivations.latex.reader`).

What is a step: the links of a chain (``A = B = C``, rows that start with ``=``), and a row ``lhs = rhs``.
A row that *defines* (``g(x) = ...``, a lone name, a density) is a statement the post's context keeps
(:mod:`~derivations.lint.context`); a row ``expr = c`` with unknowns that the engine does not prove is
an equation to solve, not an identity; only the rows of one block (and one that begins with ``=``) chain.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import sympy as sp

from derivations.engine.canonical import peel_indexed
from derivations.engine.checking import check_equal
from derivations.engine.effort import safety_limit
from derivations.engine.integrals import matching_integrands
from derivations.engine.probability import Density
from derivations.engine.relations import EQUAL_IN_DISTRIBUTION, Context
from derivations.engine.settings import CheckSettings
from derivations.engine.verdict import Outcome, Verdict
from derivations.errors import CheckTimeoutError, EngineInconsistencyError
from derivations.latex.calls import unknown_call
from derivations.latex.families import terms_as_symbols
from derivations.latex.matrix_reading import as_read
from derivations.latex.reader import CONST, Parsed
from derivations.latex.vector_densities import OPAQUE, PER_COORDINATE, one_coordinate, reading
from derivations.lint.at_values import at_values_step
from derivations.lint.bounds import BOUNDS, bound_step
from derivations.lint.citing import follows_ho, in_post_terms, is_forward_step
from derivations.lint.context import Definition, Post, schedule_relations
from derivations.lint.conventions import note_lone_row
from derivations.lint.equality import equal_sides
from derivations.lint.extract import DisplayBlock
from derivations.lint.functions import forget_calls, forget_function
from derivations.lint.heads import (
    OPERATOR_LABEL,
    call_label,
    holds_in_distribution,
    introduces,
    is_equation,
    is_label,
    label_key,
    new_names,
    noise,
    outcomes,
)
from derivations.lint.implication import implication_step
from derivations.lint.laws import laws_in_force
from derivations.lint.lemmas import with_lemmas
from derivations.lint.proportional import proportional_step, up_to_constant_step
from derivations.lint.reasons import with_special_cases
from derivations.lint.results import Options, Status, StepResult, renamed_to_the_integral, result_of, under_condition
from derivations.lint.sides import ELIDED, a_label, integral_variables
from derivations.lint.steps import Row, parse_rows

#: Errors SymPy may raise on unusual input; the step is then undecided.
ENGINE_FAILURES = (ValueError, TypeError, ArithmeticError, AttributeError, NotImplementedError, RecursionError,
                   sp.PolynomialError, sp.SympifyError, IndexError, KeyError)
EQUALITIES = ("=", ":=")
HINT = "not an algebraic identity; equal in distribution if these are independent standard normals"
NOT_CHECKED = {r"\approx": "an approximation: not checked", r"\sim": "a statement of a distribution: not checked",
               r"\in": "a statement of membership: not checked", r"\to": "a limit or a map: not checked",
               "=case": "a special case of the line before, its values given in words: not checked"}


@dataclass
class _Chain:
    value: Parsed
    variables: tuple[sp.Symbol, ...] = ()  # the density's outcomes: what a \propto is in
    label: str | None = None  # the label the chain started at (g(x), (g_1 * g_2)(x)): its last line is kept


class Linter:
    """Checks the blocks of one post in order, with the post as context."""

    def __init__(self, post: Post) -> None:
        self.post = post
        self.last: _Chain | None = None  # a block that begins with "=" continues the one before
        self.labels: dict[str, tuple[Parsed, int]] = {}  # label -> (the last line equal to it, its line)
        self.heads: set[str] = set()  # every label a row has begun with, by any relation

    def block(self, block: DisplayBlock) -> list[StepResult]:
        """The results of the steps of one display block."""
        results: list[StepResult] = []
        chain: _Chain | None = None
        rows = parse_rows(with_special_cases(block.content, block.reasons), block.line)
        self.post.taken_back = block.rejected  # "The next display is wrong": it defines nothing
        laws_in_force(self.post, block.line)  # P(x) = N(...), then P = N(0, 1): the law holds no more
        for index, row in enumerate(rows):
            if index == 0 and row.continues:
                chain = self.last
            try:
                before = len(results)
                chain = self._row(row, chain, results)
                note_lone_row(self.post, row, results[before:], alone=len(rows) == 1)
                unread = bool(row.condition) and self.post.read_condition(row.condition) is None
                results[before:] = [under_condition(row, r, unread) for r in results[before:]]
            except ENGINE_FAILURES as error:  # the last resort: a row the linter cannot handle is not a crash
                results.append(StepResult(row.line, row.source, Status.UNDECIDED,
                                          f"the linter failed on this row ({type(error).__name__})"))
                chain = None
        self.last = chain
        self.post.taken_back = False
        return results

    def _row(self, row: Row, chain: _Chain | None, results: list[StepResult]) -> _Chain | None:
        if row.unread:
            results.append(StepResult(row.line, row.source, Status.UNPARSED, row.unread))
            return None
        if row.implication is not None:
            results.append(implication_step(row, self.post, self._settings))
            return None
        if any(relation == r"\to" for relation, _ in row.links):  # x_0 -> x_1 -> ... = z: a sequence, no chain
            results.append(StepResult(row.line, row.source, Status.UNDECIDED, NOT_CHECKED[r"\to"]))
            return None
        if row.continues and chain is None:
            return self._links(row, _Chain(self.post.read(row.links[0][1])), row.links[1:], results)
        if row.continues:
            return self._links(row, chain, row.links, results)
        if not row.links:
            return _Chain(self.post.read(row.head))
        return self._head(row, results)

    def _head(self, row: Row, results: list[StepResult]) -> _Chain:
        relation, text = row.links[0]
        lone = len(row.links) == 1 and relation in EQUALITIES and not row.condition
        named = label_key(row.head)
        key = named if relation in EQUALITIES and not row.condition else None
        if key is not None and key in self.labels:  # a label restated: checked against its last line
            return self._restated(row, key, results)
        seen = named is not None and named in self.heads  # f(x) \approx x^2 before: f(x) = x^3 is a claim
        self.heads |= {named} - {None}
        if key is not None and not seen and (OPERATOR_LABEL.match(row.head) or self._undefined_call(row.head)):
            # f(x) = (x + 1)^2 = x^2 + 2x + 1: the first link defines f, the rest are steps
            defined = call_label(row.head) and relation == "=" and self.post.define(row.head, text, row.line)
            if defined or OPERATOR_LABEL.match(row.head):  # g(t) = ..., (g_1 * g_2)(x) = ...: a statement
                chain = _Chain(self.post.read(text), label=key)
                self.labels[key] = (chain.value, row.line)
                return self._links(row, chain, row.links[1:], results)
        head, rhs = self.post.read(row.head), self.post.read(text)
        variables = outcomes(head)
        if self._names_set_equal(row):  # S = T = 1000: two names given one value, no identity of S and T
            return _Chain(self.post.read(row.links[-1][1]))
        if lone and is_label(row.head, head) and not seen:
            stated = self._statement(row, head, rhs)
            self.post.define(row.head, text, row.line)
            if stated is not None:
                results.append(stated)
            return _Chain(rhs, variables)
        result = self.step(row, head, relation, rhs, variables)
        if key is not None and call_label(row.head) and result.status is not Status.PROVED:
            forget_calls(self.post, row.head)  # f(x) = x^3 after the prose's f(x) = x^2: a slip or a new f
        if lone and head.expr is not None and is_equation(head, rhs) and result.status is not Status.PROVED:
            forget_calls(self.post, row.source)  # f(x) - x^3 = 0: a new f, said as an equation
            return _Chain(rhs, variables)  # an equation to solve, not an identity: a statement
        results.append(result)
        return self._links(row, _Chain(rhs, variables), row.links[1:], results)

    def _undefined_call(self, head: str) -> bool:
        """Is ``head`` unread, or a call of a function the post has not defined (at these arguments)?"""
        value = self.post.read(head).expr
        return value is None or unknown_call(value)

    def _names_set_equal(self, row: Row) -> bool:
        """``S = T = 1000``: lone names, then a value; each name is defined as the value."""
        names = [row.head, *(text for _, text in row.links[:-1])]
        if len(names) < 2 or any(relation != "=" for relation, _ in row.links):
            return False
        if not all(isinstance(self.post.read(n).expr, sp.Symbol) and is_label(n, self.post.read(n)) for n in names):
            return False
        return all(self.post.define(n, row.links[-1][1], row.line) for n in names)

    def _statement(self, row: Row, head: Parsed, rhs: Parsed) -> StepResult | None:
        """A definition of a density that the project has proved (a built-in result) is checked against it."""
        if not isinstance(head.expr, Density) or rhs.expr is None or is_forward_step(head.expr):
            return None  # the forward step is the post's model: a definition, not a result
        cited, names = with_lemmas(head.expr, diffusion=self._ho())
        if not names:
            return None
        # the cited result supplies the names the head does not have: no new-names guard here
        return self.step(row, replace(head, idents={**head.idents, **rhs.idents}), "=", rhs, outcomes(head))

    def _links(self, row: Row, chain: _Chain, links, results: list[StepResult]) -> _Chain:
        for relation, text in links:
            if ELIDED.fullmatch(text):  # = \dots = C: the steps between are omitted, the claim is A = C
                continue
            current = self.post.read(text)
            if relation == ":=" and a_label(current) and chain.value.expr is not None:
                # ... := L (a new name for the value): no claim, and the chain goes on from the value
                self.post.definitions[current.expr] = Definition(current.expr, chain.value.expr, row.line)
                continue
            if relation == ":=" and introduces(chain.value, current):  # ... := A(x - mu_{a|b}): defines mu_{a|b}
                chain.value = current
                continue
            relation = "=" if relation == ":=" else relation  # a := b \equiv c between values is a claim
            if self._defines(chain, relation, current, row.line):
                # ... \approx p_theta(x | y) = N(...): a density set equal to its value, no claim
                chain.value = current
                continue
            results.append(self.step(row, chain.value, relation, current, chain.variables))
            chain.value = current
            if chain.label is not None and relation in EQUALITIES and results[-1].status is Status.PROVED:
                self.labels[chain.label] = (current, row.line)
            elif chain.label is not None:  # f(x) = x^2 = x^3: x^3 is no last line for f(x)
                chain.label = None
        return chain

    def _defines(self, chain: _Chain, relation: str, current: Parsed, line: int) -> bool:
        """A density the post has not defined, set equal to a value in a chain: its definition."""
        density = chain.value.expr
        if relation != "=" or not isinstance(density, Density) or current.expr is None:
            return False
        if density in self.post.definitions or with_lemmas(density, diffusion=self._ho())[1]:
            return False  # defined before, or a result to check: a step
        self.post.definitions[density] = Definition(density, current.expr, line)
        return True

    def _restated(self, row: Row, key: str, results: list[StepResult]) -> _Chain:
        """A label stated again: checked against the function's definition now (the prose may have changed it), else
        against the label's last proved line. Unless proved, it may be a new definition: the label is void."""
        relation, text = row.links[0]
        before, line = self.labels[key]
        head, current = self.post.read(row.head), self.post.read(text)
        defined = head.expr is not None and not unknown_call(head.expr)
        result = self.step(row, head if defined else before, relation, current)
        against = "" if defined else f"checked against line {line}, the last line for {' '.join(row.head.split())}"
        results.append(replace(result, note="; ".join(filter(None, (against, result.note)))))
        if result.status is not Status.PROVED:
            self._void_label(row.head, key)
            return self._links(row, _Chain(current), row.links[1:], results)
        self.labels[key] = (current, row.line)
        return self._links(row, _Chain(current, label=key), row.links[1:], results)

    def _void_label(self, head: str, key: str) -> None:  # f(x) = x^3 after f(x) = x^2, unproved: f is unknown now
        self.labels.pop(key, None)
        forget_function(self.post, head)

    def step(self, row: Row, previous: Parsed | None, relation: str, current: Parsed,
             variables: tuple[sp.Symbol, ...] = ()) -> StepResult:
        """Check ``previous relation current`` (a step of ``row``)."""
        if current.expr is None:
            return StepResult(row.line, row.source, Status.UNPARSED, current.reason)
        if previous is None or previous.expr is None:
            reason = previous.reason if previous is not None else "no line before"
            return StepResult(row.line, row.source, Status.UNPARSED, f"the line before is unparsed ({reason})")
        at = relation[4:] if relation.startswith("=at:") else ""  # \overset{x=1}{=}: the values it holds at
        unsettled, attempts = self.post.unsettled(previous, current, row.line, row.condition or at, row.block)
        try:
            with safety_limit(f"line {row.line}"):  # a broken convention: checked without it (lint.context)
                for sides, standing in attempts:
                    result = self._relation(row, relation, *sides, variables, previous, current)
                    if not standing or result.status.value == standing:
                        return result
            return StepResult(row.line, row.source, Status.UNDECIDED, unsettled)
        except (EngineInconsistencyError, CheckTimeoutError) as error:
            return StepResult(row.line, row.source, Status.UNDECIDED, str(error))
        except ENGINE_FAILURES as error:  # a SymPy failure on odd input is "undecided", never a crash
            return StepResult(row.line, row.source, Status.UNDECIDED,
                              f"the engine failed on this step ({type(error).__name__})")

    def _relation(self, row, relation, lhs, rhs, variables, previous, current) -> StepResult:
        if relation in EQUALITIES and (lhs.has(CONST) or rhs.has(CONST)):
            return up_to_constant_step(row, lhs, rhs, variables, self._settings(row, lhs, rhs))
        if relation in EQUALITIES:
            return self._equal(row, lhs, rhs, variables, previous, current)
        if relation == "=d":
            return self._in_distribution(row, lhs, rhs, previous, current, stated=True)
        if relation.startswith("=at:"):
            return at_values_step(row, relation[4:], lhs, rhs, self.post, self._settings(row, lhs, rhs))
        if relation == r"\propto":
            return proportional_step(row, lhs, rhs, variables, self.post, self._settings(row, lhs, rhs))
        if relation in BOUNDS:  # the post's definitions substituted: p(z|x) = 2 q(z|x) is no density
            settings, post = self._settings(row, lhs, rhs), self.post
            zero = lambda gap: equal_sides(post.substituted((gap,), row.line)[0], sp.S.Zero, settings, post.scope)  # noqa: E731
            return bound_step(row, relation, (lhs, rhs), post.substituted((lhs, rhs), row.line), zero, post.scope)
        return StepResult(row.line, row.source, Status.UNDECIDED,
                          NOT_CHECKED.get(relation, f"the relation {relation} is not checked"))

    def _settings(self, row: Row, *exprs: sp.Expr) -> CheckSettings:
        """The schedule letters below 1, and a stated condition of the row (``x > 0``), as hypotheses."""
        units = sorted(set().union(*(self.post.scope.unit_symbols(e) for e in exprs)), key=sp.default_sort_key)
        settings = CheckSettings().with_positive(*(1 - s for s in units))
        condition = self.post.read_condition(row.condition) if row.condition else None
        return settings.with_positive(condition) if condition is not None else settings

    def _check(self, row: Row, lhs: sp.Expr, rhs: sp.Expr) -> Verdict:
        """:meth:`_substituting`; refutations of matrices of untied sizes (as_read), of unrelated letters: undecided."""
        verdict = as_read(self._substituting(row, lhs, rhs), lhs, rhs)
        return self.post.unless_unrelated(verdict, (lhs, rhs), row.line, lambda sides: check_equal(
            *schedule_relations(sides), self._settings(row, *sides)))

    def _substituting(self, row: Row, lhs: sp.Expr, rhs: sp.Expr) -> Verdict:
        """check_equal; then with the post's definitions and the built-in results substituted, if they occur.

        When a definition or a result occurs in the step, the verdict with it substituted is the one
        reported: a counterexample that ignores them is no refutation. A value in passing never proves.
        """
        lhs, rhs = self._peeled(lhs, rhs)
        kind = reading(row.source, lhs, rhs)  # densities of vectors: per coordinate only in a product of them
        lhs, rhs = one_coordinate((lhs, rhs)) if kind == PER_COORDINATE else (lhs, rhs)
        plain_settings = self._settings(row, lhs, rhs)
        plain = equal_sides(lhs, rhs, plain_settings, self.post.scope)
        if plain.proved and not self.post.defines_in_a_bound_variable((lhs, rhs), row.line):
            return plain
        cited_sides, cited = [], []
        for side in (lhs, rhs):  # the results first: the post's definitions then apply to them too
            with_results, names = with_lemmas(side, diffusion=self._ho() and kind != OPAQUE, positive=plain_settings
                                              .positive, rename=lambda value: in_post_terms(value, self.post, lhs, rhs))
            cited_sides.append(with_results)
            cited += names
        sides = self._peeled(*self.post.substituted(tuple(cited_sides), row.line, passing=True))
        sides = one_coordinate(sides) if kind == PER_COORDINATE else sides
        if tuple(sides) == (lhs, rhs):
            return plain
        second = equal_sides(*sides, self._settings(row, *sides), self.post.scope)
        cued = self._peeled(*self.post.substituted(tuple(cited_sides), row.line)) if second.proved else ()
        passing = self.post.in_passing(cued, row.line) if cued else []  # mu = 2 nu, nu = 0 in passing
        if passing and not check_equal(*cued, self._settings(row, *cued)).proved:
            return Verdict(Outcome.UNDECIDED, f"proved only with the values in passing of {', '.join(passing)}")
        where = "the post's definitions" + (f" and {'; '.join(sorted(set(cited)))}" if cited else "")
        left = self.post.still_defined(sides, row.line)
        if second.outcome is Outcome.REFUTED and left:  # definitions in a circle: names still tied remain
            return Verdict(Outcome.UNDECIDED, f"the post's definitions go round in a circle ({', '.join(left)} "
                           "remain after substituting them): a counterexample is no refutation")
        return replace(second, method=f"{second.method}, after substituting {where}")

    def _peeled(self, lhs: sp.Expr, rhs: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
        """Both sides' products peeled together, on one common limit, their definite terms as the post's symbols."""
        peeled = tuple(terms_as_symbols(side, self.post.scope) for side in peel_indexed(sp.Tuple(lhs, rhs)))
        return schedule_relations(peeled) if self.post.follows_hos_schedule() else peeled  # alpha[t] is alpha_t

    def _ho(self) -> bool:
        """Do the diffusion results hold here: a diffusion post whose forward step is Ho et al.'s?"""
        return self.post.scope.diffusion and follows_ho(self.post)

    def _equal(self, row, lhs, rhs, variables, previous: Parsed | None = None,
               current: Parsed | None = None) -> StepResult:
        integrand = self._integrand(row, lhs, rhs)
        if integrand is not None:
            return integrand
        verdict = self._check(row, lhs, rhs)
        if verdict.proved or previous is None:
            return result_of(row, verdict)
        declared = self.post.declared_normals(lhs, rhs)
        new = [n for n in new_names(previous, current) if n not in self.post.normals]
        if declared:  # declared noise: equal in distribution is the claim a reader takes
            in_distribution = self._in_distribution(row, lhs, rhs, previous, current, stated=False)
            if in_distribution.status is Status.PROVED or (in_distribution.status is Status.REFUTED and not new):
                return in_distribution
        elif (guessed := noise(previous, current)) and holds_in_distribution(
                *(sides := self.post.substituted((lhs, rhs), row.line, passing=True)), self._settings(row, *sides),
                guessed):
            names = ", ".join(sorted(str(s) for s in guessed))
            return StepResult(row.line, row.source, Status.UNDECIDED, f"{HINT}: {names}")
        if new:  # a name the line before does not have: a definition the linter cannot see, or a jump
            return StepResult(row.line, row.source, Status.UNDECIDED,
                              f"introduces {', '.join(new)}, which the line before does not have "
                              "(a definition the linter cannot see?)")
        return result_of(row, verdict)

    def _integrand(self, row: Row, lhs: sp.Expr, rhs: sp.Expr) -> StepResult | None:
        """Two integrals over the same range whose integrands differ: refuted, whatever the values say.

        A changed integrand is reported even when the integral's value survives (a sign
        slip inside a completed square), with the value's verdict as a note.
        """
        pair = matching_integrands(lhs, rhs) if lhs.has(sp.Integral) and rhs.has(sp.Integral) else None
        if pair is None or integral_variables(lhs) != integral_variables(rhs):  # u = t + ...: a change of variables
            return None
        inner = check_equal(*pair, self._settings(row, *pair))
        if inner.outcome is not Outcome.REFUTED:
            return None
        inner = renamed_to_the_integral(inner, pair, lhs)
        value = self._check(row, lhs, rhs)
        note = ("the integral's value is unchanged (proved)" if value.proved
                else f"the integral's value: {value.outcome.value}")
        return replace(result_of(row, inner), method=f"the integrand differs from the line before ({inner.method})",
                       note=note)

    def _in_distribution(self, row, lhs, rhs, previous, current, *, stated: bool) -> StepResult:
        lhs, rhs = self._peeled(*self.post.substituted((lhs, rhs), row.line))  # X = 10 + 2 Z_1: X's noise
        normals = self.post.declared_normals(lhs, rhs)
        if not normals:
            return StepResult(row.line, row.source, Status.UNDECIDED,
                              "equal in distribution: no independent standard normals (front matter, --normal) here")
        verdict = EQUAL_IN_DISTRIBUTION.check(lhs, rhs, Context(self._settings(row, lhs, rhs), normals))
        new = [n for n in new_names(previous, current) if n not in self.post.normals] if previous else []
        if stated and not verdict.proved and new:  # 2 Z_1 + sqrt(5) Z_2 =d 3 Z_3: a fresh noise, not a value
            return StepResult(row.line, row.source, Status.UNDECIDED,
                              f"equal in distribution: introduces {', '.join(new)}, a noise the post does not declare")
        return result_of(row, replace(verdict, method=f"equal in distribution: {verdict.method}"))


__all__ = ["HINT", "Linter", "Options", "Status", "StepResult"]
