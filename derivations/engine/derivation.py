"""A derivation: chains of steps, each checked against the line before it.

A derivation reads like the page it typesets::

    d = Derivation("forward_process", title="...", sources=("source 000, eqs. (1)-(5)",))
    d.start(one_step, lhs=x_t, because="reparameterise eq. (1)", tag="2")
    d.then(two_steps, because="substitute x_{t-1}")
    d.then(merged, relation=EQUAL_IN_DISTRIBUTION, because="independent Gaussians: variances add", tag="4")
    d.conclude(known=closed_form, source="Ho et al. 2020, eq. (4)")
    checked = d.check()  # raises StepNotEqualError naming the step, its residual and a point

:meth:`Derivation.verify` checks every step and returns the report without
raising; :meth:`Derivation.check` raises on the first step that is not proved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy as sp

from derivations.engine.arguments import at_where, exact, require_relation, require_str, where_called
from derivations.engine.checking import check_equal
from derivations.engine.effort import safety_limit
from derivations.engine.facts import EQUAL as EQUAL_FACT
from derivations.engine.facts import IN_DISTRIBUTION, Fact, FactBook
from derivations.engine.relations import DEFINITION, EQUAL, Context, Relation
from derivations.engine.settings import CheckSettings
from derivations.engine.steps import Chain, CheckedDerivation, CheckedStep, KnownResult, Slip, Step
from derivations.engine.substitution import respects_assumptions
from derivations.engine.syntax import expression
from derivations.engine.verdict import Outcome, Verdict
from derivations.errors import (
    DerivationError,
    KnownResultMismatchError,
    StepNotEqualError,
    StepUndecidedError,
)

#: A derivation's name names its files: no folders, no dots at the start.
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")

@dataclass
class Derivation:
    """A derivation under construction: chains of steps, definitions, normals, a known result.

    >>> import sympy as sp
    >>> from derivations import Derivation, symbol
    >>> x = symbol("x")
    >>> d = Derivation("square", title="A square")
    >>> _ = d.start((x + 1)**2, lhs="f(x)", because="definition")
    >>> _ = d.then(x**2 + 2*x + 1, because="expand the square")
    >>> d.conclude(known=x**2 + 2*x + 1, source="algebra")
    >>> d.check().all_proved
    True
    """

    name: str
    title: str
    sources: tuple[str, ...] = ()
    settings: CheckSettings = field(default_factory=CheckSettings)
    normals: tuple[sp.Symbol, ...] = ()
    chains: list[Chain] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    known: KnownResult | None = None
    slips: list[Slip] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    definitions: dict[sp.Symbol, sp.Expr] = field(default_factory=dict)
    hypotheses: list[Fact] = field(default_factory=list)

    def __post_init__(self) -> None:
        for argument in ("name", "title"):
            require_str(f"Derivation(): {argument}", getattr(self, argument))
        if not NAME.fullmatch(self.name):
            raise DerivationError(f"{self.name!r} is not a derivation name: letters, digits and _ . - only, "
                                  "starting with a letter or digit (it names the output files)")

    # --- building ---------------------------------------------------------

    def define(self, symbol: sp.Symbol, value: sp.Expr) -> sp.Symbol:
        """Declare ``symbol`` an abbreviation of ``value``; checks may substitute it.

        The value must provably have the symbol's assumptions (a positive ``B_1`` needs a
        positive value), using the positivity stated so far with :meth:`assume_positive`.

        Raises:
            DerivationError: the value does not provably satisfy the symbol's assumptions.
        """
        value = expression(value, f"value of {symbol}")
        if not respects_assumptions(symbol, value, self.settings.positive):
            raise DerivationError(f"{self.name}: cannot define {symbol} = {sp.sstr(value)}: the value is not "
                                  f"provably what {symbol} is assumed to be (state it with assume_positive first)")
        if any(value.has(n) for n in self.normals):
            raise DerivationError(f"{self.name}: {symbol} cannot be defined through a random variable")
        self.definitions[symbol] = value
        self.settings = CheckSettings(**{**self.settings.__dict__, "definitions": dict(self.definitions)})
        return symbol

    def suppose(self, old: sp.Expr, new: sp.Expr, *, because: str, in_distribution: bool = False) -> None:
        """State the hypothesis ``old = new`` (or equal in distribution) for substitutions to use.

        A hypothesis is not proved: ``because`` says where it comes from (a model
        equation, an induction hypothesis), and every step that uses it names it.
        What can be checked is: ``new`` must provably have every sign ``old`` has.

        Raises:
            DerivationError: ``new`` does not provably satisfy ``old``'s assumptions.
        """
        old, new = expression(old, "supposed expression"), expression(new, "supposed value")
        if not respects_assumptions(old, new, self.settings.positive):
            raise DerivationError(f"{self.name}: cannot suppose {sp.sstr(old)} = {sp.sstr(new)}: the value is not "
                                  f"provably what {sp.sstr(old)} is assumed to be")
        kind = IN_DISTRIBUTION if in_distribution else EQUAL_FACT
        self.hypotheses.append(Fact(old, new, kind, f"a hypothesis: {because}"))

    def declare_normals(self, *normals: sp.Symbol) -> None:
        """Declare independent standard normal variables (turns on equality in distribution).

        >>> from derivations import EQUAL_IN_DISTRIBUTION, symbol
        >>> e1, e2, e3 = symbol("eps_tm1"), symbol("eps_tm2"), symbol("eps")
        >>> d = Derivation("merge", title="Two noises merge")
        >>> d.declare_normals(e1, e2, e3)
        >>> _ = d.start((e1 + e2) / sp.sqrt(2), lhs="z", because="definition")
        >>> _ = d.then(e3, relation=EQUAL_IN_DISTRIBUTION, because="variances add")
        >>> d.check().all_proved
        True
        """
        from derivations.engine.integrals import plainly_real

        for normal in normals:
            if not plainly_real(normal):
                raise DerivationError(f"{self.name}: a standard normal must be a plainly real symbol, "
                                      f"not {normal} with {normal.assumptions0}")
        self.normals = tuple(dict.fromkeys(self.normals + normals))

    def assume(self, *constraints: sp.Basic) -> None:
        """Restrict the numeric witness to points satisfying ``constraints`` (e.g. ``a < b``)."""
        self.settings = self.settings.with_constraints(*constraints)

    def assume_positive(self, *exprs: sp.Expr) -> None:
        """State that each of ``exprs`` is positive (e.g. ``1 - alpha_bar_t``).

        A hypothesis of every step: checks may split square roots of these factors,
        and the numeric witness samples only points where they are positive. Say so
        in the justification of the steps that need it.
        """
        self.settings = self.settings.with_positive(*exprs)

    def note(self, text: str) -> None:
        """Add a note for the reader (printed with the derivation)."""
        self.notes.append(text)

    def start(self, expr: sp.Expr, *, because: str, lhs: sp.Expr | str | None = None,
              relation: Relation | None = None, tag: str | None = None,
              heading: str = "", text: str = "", display: sp.Expr | None = None) -> sp.Expr:
        """Begin a new chain with ``expr``.

        With a SymPy ``lhs`` the line ``lhs = expr`` is checked under ``relation``
        (default: equal); with no lhs, or a LaTeX label, the line is a definition
        or a given and is stated, not checked.
        """
        where = where_called(__file__)
        if lhs is not None and not isinstance(lhs, (sp.Basic, str)):
            raise TypeError(f"start(): lhs must be a SymPy expression or a LaTeX string, not "
                            f"{type(lhs).__name__} {lhs!r}{at_where(where)}")
        if isinstance(lhs, sp.Basic):
            exact(lambda: expression(lhs, "lhs"), where)
        require_str("start(): heading", heading, where)
        require_str("start(): text", text, where)
        if relation is None:
            relation = EQUAL if isinstance(lhs, sp.Basic) else DEFINITION
        require_relation("start", relation, where)
        if relation.checked and not isinstance(lhs, sp.Basic):
            raise DerivationError(f"{self.name}: a checked first line needs a SymPy lhs{at_where(where)}")
        return self._add(expr, relation, because, tag, display, lhs, where, Chain(heading, text))

    def then(self, expr: sp.Expr, *, because: str, relation: Relation = EQUAL,
             tag: str | None = None, display: sp.Expr | None = None) -> sp.Expr:
        """Add the next line of the current chain, related to the line before by ``relation``."""
        where = where_called(__file__)
        require_relation("then", relation, where)
        if not self.chains:
            raise DerivationError(f"{self.name}: call start() before then(){at_where(where)}")
        return self._add(expr, relation, because, tag, display, None, where)

    def _add(self, expr, relation, because, tag, display, lhs, where: str | None,
             chain: Chain | None = None) -> sp.Expr:
        """Check a line's arguments (an error names the argument and the caller's line), then add it."""
        method = "start()" if chain is not None else "then()"
        require_str(f"{method}: because", because, where)
        if isinstance(tag, int) and not isinstance(tag, bool):
            tag = str(tag)
        if tag is not None:
            require_str(f"{method}: tag", tag, where)
        if display is not None:
            exact(lambda: expression(display, "display form"), where)
        expr = exact(lambda: expression(expr, "step"), where)
        if chain is not None:
            self.chains.append(chain)
        step = Step(len(self.steps) + 1, len(self.chains) - 1, expr, relation, because, tag, display, lhs, where)
        self.steps.append(step)
        return step.expr

    def conclude(self, *, known: sp.Expr, source: str, lhs: sp.Expr | str | None = None) -> None:
        """Assert that the last line derived equals the published formula ``known`` (checked by ``check``).

        >>> from derivations import symbol
        >>> x = symbol("x")
        >>> d = Derivation("wrong", title="t")
        >>> _ = d.start(2 * x, lhs="f", because="definition")
        >>> d.conclude(known=3 * x, source="a paper, eq. (1)")
        >>> d.check()
        Traceback (most recent call last):
        ...
        derivations.errors.KnownResultMismatchError: wrong: the result is not a paper, eq. (1): refuted ...
        """
        where = where_called(__file__)
        require_str("conclude(): source", source, where)
        self.known = KnownResult(exact(lambda: expression(known, "known result"), where), source, lhs)

    def slip(self, *, where: str, source_line: sp.Expr, corrected: sp.Expr, note: str) -> None:
        """Record a line of a source that is wrong; the engine must refute it against ``corrected``."""
        verdict = check_equal(source_line, corrected, self.settings)
        if verdict.outcome is not Outcome.REFUTED:
            raise DerivationError(
                f"{self.name}: the slip at {where} is not refuted by the engine ({verdict.describe()})"
            )
        self.slips.append(Slip(where, expression(source_line, "source line"), expression(corrected, "correction"),
                               note, verdict))

    @property
    def result(self) -> sp.Expr | None:
        """The last line derived (the derivation's result)."""
        return self.steps[-1].expr if self.steps else None

    def __repr__(self) -> str:
        chains = f"{len(self.chains)} chain" + ("" if len(self.chains) == 1 else "s")
        return f"<Derivation {self.name!r}: {len(self.steps)} steps in {chains}, not checked (verify() or check())>"

    # --- checking -----------------------------------------------------------

    def _repr_latex_(self) -> str:
        """Jupyter: check every step and show it with its mark (and residual if it failed)."""
        return self.verify()._repr_latex_()

    def verify(self) -> CheckedDerivation:
        """Check every step, the display forms and the known result; never raises on a failed step.

        Steps are checked in order, and what each proved (or stated) step establishes is
        recorded as a fact that later substitutions may use.
        """
        book = FactBook([Fact(symbol, value, EQUAL_FACT, f"the definition of {symbol}")
                         for symbol, value in self.definitions.items()] + list(self.hypotheses))
        checked: list[CheckedStep] = []
        for step in self.steps:
            verdict = self._check_step(step, Context(self.settings, self.normals, tuple(book.facts)))
            checked.append(CheckedStep(step, verdict))
            self._record(step, verdict, checked, book)
        known_verdict = None
        if self.known is not None and self.result is not None:
            known_verdict = check_equal(self.result, self.known.expr, self.settings)
        return CheckedDerivation(self, tuple(checked), known_verdict)

    def _record(self, step: Step, verdict: Verdict, checked: list[CheckedStep], book: FactBook) -> None:
        """What a passed step makes known: the line before (and the chain's start) equals this one."""
        if verdict.outcome not in (Outcome.PROVED, Outcome.STATED):
            return
        chain = [c for c in checked if c.step.chain == step.chain]
        first = chain[0].step
        anchor = first.lhs if isinstance(first.lhs, sp.Basic) else first.expr
        links = chain if isinstance(first.lhs, sp.Basic) else chain[1:]  # a bare first line relates nothing
        kinds = {c.step.relation.establishes for c in links}
        passed = all(c.verdict.outcome in (Outcome.PROVED, Outcome.STATED) for c in chain)
        anchor_kind = None if None in kinds or not passed else (IN_DISTRIBUTION if IN_DISTRIBUTION in kinds
                                                                  else EQUAL_FACT)
        book.record(self._previous(step), step.expr, step.relation.establishes, anchor, anchor_kind,
                    f"step {step.number}")

    def check(self) -> CheckedDerivation:
        """Check everything; raise on the first step (or known result) that is not proved.

        Raises:
            StepNotEqualError: a step is refuted (message: step, justification, residual, point).
            StepUndecidedError: a step is undecided (message: methods tried, what might help).
            KnownResultMismatchError: the result is not the published formula.
        """
        report = self.verify()
        for failed in report.failures():
            raise step_error(self.name, failed)
        if report.known_verdict is not None and not report.known_verdict.proved:
            raise KnownResultMismatchError(
                f"{self.name}: the result is not {self.known.source}: {report.known_verdict.describe()}"
            )
        return report

    def _check_step(self, step: Step, context: Context) -> Verdict:
        if step.display is not None:
            shown = check_equal(step.display, step.expr, self.settings)
            if not shown.proved:
                return Verdict(Outcome.REFUTED if shown.outcome is Outcome.REFUTED else Outcome.UNDECIDED,
                               f"the displayed form differs from the expression: {shown.method}",
                               shown.residual, shown.counterexample, shown.witness_points, shown.tried)
        previous = self._previous(step)
        if previous is None:
            return Verdict(Outcome.STATED, step.relation.name)
        with safety_limit(f"{self.name}: {step.describe()}"):
            return step.relation.check(previous, step.expr, context)

    def _previous(self, step: Step) -> sp.Expr | None:
        if step.lhs is not None:
            return step.lhs if isinstance(step.lhs, sp.Basic) else None
        index = step.number - 2
        if index < 0 or self.steps[index].chain != step.chain:
            return None
        return self.steps[index].expr


UNDECIDED_HINTS = (
    "state an assumption (positive, real, or a range with assume())",
    "split the step into smaller ones",
    "substitute a positive parameterisation",
)


def step_error(name: str, failed: CheckedStep) -> DerivationError:
    """The error for a step that is not proved: what failed, where it was written, and what a user can do."""
    step, verdict = failed.step, failed.verdict
    head = f"{name}: {step.describe()}"
    where = f"; written at {step.where}" if step.where else ""
    if verdict.outcome is Outcome.REFUTED:
        residual = "" if verdict.residual is None else f"; residual {sp.sstr(verdict.residual)}"
        point = "" if verdict.counterexample is None else f"; {verdict.counterexample.describe()}"
        return StepNotEqualError(f"{head} is refuted ({verdict.method}){residual}{point}{where}")
    tried = ", ".join(verdict.tried) or "none"
    return StepUndecidedError(
        f"{head} is undecided ({verdict.method}); tried: {tried}; it may help to "
        + "; or ".join(UNDECIDED_HINTS) + where
    )
