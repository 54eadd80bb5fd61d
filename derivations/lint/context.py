r"""A post as a context: its conventions, its definitions, and the relations its notation brings.

What a post says carries forward, as a reader would take it:

* a row ``label = expr`` where the label is a lone name or a function of names
  (``g_1(t) = ...``, ``q(\mathbf{x}_t \mid \mathbf{x}_0) = \mathcal{N}(...)``), in a display
  block or in inline math in the prose, defines the label from that line on; a later
  definition of the same label replaces it (sections reuse letters);
* in a diffusion post (it writes ``\bar\alpha``, or says "diffusion"), the relations of Ho
  et al. (2020) hold for every index the post uses: ``\alpha_k = 1 - \beta_k`` and
  ``\bar\alpha_t = \alpha_t\bar\alpha_{t-1}``, and the schedule letters lie in (0, 1);
* declared standard normals (``--normal``, the front matter's ``derivations: {normal: [...]}``)
  are independent N(0, 1), and ``positive`` names are positive.

Only what is defined is substituted, and only after its line: a refutation that ignores a
definition does not stand, and a definition never proves a step by itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import sympy as sp

from derivations.engine.probability import Density
from derivations.engine.verdict import Outcome, Verdict
from derivations.latex.reader import Parsed, read
from derivations.latex.scope import Scope
from derivations.lint.backwards import forward_points, may_reverse
from derivations.lint.commuting import commuting_capitals
from derivations.lint.functions import CALL_HEAD, define_function, forget_function
from derivations.lint.laws import name_a_law
from derivations.lint.mentions import squeezed
from derivations.lint.schedule import family_of, hos_schedule, schedule_relations
from derivations.lint.steps import top_level_split
from derivations.lint.zero_divisors import zero_divisor

_DEFINING = re.compile(r"\\coloneqq|:=|(?<![<>!\\])=")


@dataclass
class Definition:
    """``head = value`` from the post, at ``line``."""

    head: sp.Expr  # a symbol or a density
    value: sp.Expr
    line: int
    cued: bool = True  # False for a value stated in passing in the prose: it may refute, never prove (lint.cues)


@dataclass
class Post:
    """The reading context of one post: its scope and what it has defined so far."""

    scope: Scope
    normals: tuple[str, ...] = ()
    definitions: dict[sp.Expr, Definition] = field(default_factory=dict)
    follows_ho: tuple[int, bool] | None = None  # (line of its forward step, is it Ho et al.'s?): lint.citing
    #: Names the post sets to a value their convention forbids (sigma = -2 for a positive sigma).
    contradicted: set[sp.Symbol] = field(default_factory=set)
    #: Families (``beta`` of ``\\beta_t``) the post says something of that their convention may not hold for.
    void_families: set[str] = field(default_factory=set)
    #: Noises the post gives a law other than the standard normal (``\\epsilon \\sim \\mathcal{N}(0, 2)``).
    nonstandard: set[str] = field(default_factory=set)
    #: Names set to a real value their convention rules out (``\\sigma = a - b``): a step is read again with them real.
    real_values: set[str] = field(default_factory=set)
    undetermined: set[str] = field(default_factory=set)  # set to a value of unknown range: only a refutation stands
    #: Every name a relation of the prose (or a lone statement) mentions.
    stated: set[str] = field(default_factory=set)
    plain_values: dict[sp.Symbol, sp.Expr] = field(default_factory=dict)  # tau = 2 in passing: for the pins
    zeros: set[str] = field(default_factory=set)  # names a relation may set to 0 (mu^2 = 0): no cancelling them
    scalar_capitals: frozenset[str] = frozenset()  # capitals the post divides by: numbers (lint.commuting)
    equations: list[tuple[str, str]] = field(default_factory=list)  # every a = b it states (lint.zero_divisors)
    solved: dict[tuple[str, str], dict] = field(default_factory=dict)  # each equation read and solved, once
    law_said: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # what each relation says a family is
    law_since: dict[str, tuple[int, str]] = field(default_factory=dict)  # the line and words of each law (lint.laws)
    taken_back: bool = False  # reading a display the prose before it calls wrong (lint.extract): it defines nothing
    hos_stated: bool = True  # does the post state Ho's relations, and every statement of a letter keep them?

    def read(self, text: str) -> Parsed:
        """``text`` read in the post's scope (``x\\_t``, kramdown's escaped subscript, is ``x_t``)."""
        return read(text.replace(r"\_", "_"), self.scope)

    def read_condition(self, text: str) -> sp.Expr | None:
        """A condition ``a > b`` (or ``b < a``) stated after an equation, as the positive ``a - b``; else None."""
        if text.startswith(r"\text{not}"):
            return None
        parts = top_level_split(text, re.compile(r">|<|\\gt(?![A-Za-z])|\\lt(?![A-Za-z])"))
        if len(parts) != 2:
            return None
        (_, left), (relation, right) = parts
        sides = [self.read(left), self.read(right)]
        if any(side.expr is None for side in sides):
            return None
        big, small = (sides[0], sides[1]) if relation in (">", r"\gt") else (sides[1], sides[0])
        difference = big.expr - small.expr
        return None if difference.is_number else difference

    def read_values(self, text: str) -> dict[sp.Symbol, sp.Expr] | None:
        """``r = 1, t = T`` -> {r: 1, t: T}; None if it is not names equal to values."""
        values: dict[sp.Symbol, sp.Expr] = {}
        for _, piece in top_level_split(text, re.compile(",")):
            parts = top_level_split(piece, re.compile("="))
            if len(parts) != 2:
                return None
            name, value = self.read(parts[0][1]), self.read(parts[1][1])
            if not isinstance(name.expr, sp.Symbol) or value.expr is None:
                return None
            values[name.expr] = value.expr
        return values or None

    # --- definitions -----------------------------------------------------------------

    def define(self, head_text: str, value_text: str, line: int, *, cued: bool = True) -> bool:
        """Record ``head = value`` if the head is a label; True if it was a definition (in passing in a display the post
        takes back: ``taken_back``)."""
        cued = cued and not self.taken_back  # a display taken back defines nothing, and what it names is unknown
        function = CALL_HEAD.match(head_text)
        if function and define_function(self, function.group("name"), function.group("args"), value_text, cued):
            return True
        head, value = self.read(head_text), self.read(value_text)
        if head.expr is None or value.expr is None:
            return False
        if isinstance(head.expr, sp.Symbol) and _contradicts(head.expr, value.expr):
            self.void(head.expr)  # every proof that used the convention is void for this post
            return True
        if isinstance(head.expr, Density):
            name_a_law(self, head.expr, value.expr, "=" + squeezed(value_text), cued, line)
        if isinstance(head.expr, sp.Symbol):  # y = 2x: y moves with x under an expectation over x (latex.calls)
            self.scope.set_value(head.expr.name, value.expr)
        if isinstance(head.expr, (sp.Symbol, Density)) and not value.expr.has(head.expr):
            self.definitions[head.expr] = Definition(head.expr, value.expr, line, cued)
            for steps in (1, 2) if _shiftable(value.expr) else ():  # at step t, and one and two steps earlier
                earlier = shifted(head.expr, steps)
                moved = shifted(value.expr, steps) if earlier is not None else None
                if moved is not None:  # x_t = 1 is a value at step t, not at every step
                    self.definitions.setdefault(earlier, Definition(earlier, moved, line, cued))
            return True
        if _a_square(head.expr) and value.expr.is_nonnegative is False:  # sigma_t^2 = -4: no real sigma_t
            self.void(head.expr.base)
            return True
        if _a_square(head.expr) and not value.expr.has(head.expr.base):  # sigma_*^2 = ...: only the square is named
            self.definitions[head.expr] = Definition(head.expr, value.expr, line, cued)
            return True
        return False

    def retire(self, head_text: str) -> None:
        """What the post said ``head`` was holds no more (``f(x) = x^3 instead``, said in a negated sentence): its
        definition, its function and its law are forgotten, and nothing new is taken."""
        forget_function(self, head_text)
        head = self.read(head_text).expr
        self.definitions.pop(head, None)
        family = head.family if isinstance(head, Density) else head
        self.scope.laws.pop(str(family), None)

    def void(self, symbol: sp.Symbol) -> None:
        """The post says of ``symbol`` what its convention may not hold for: steps that use it are undecided."""
        self.contradicted.add(symbol)
        if family_of(symbol) != symbol.name and _INDEXED.search(symbol.name):  # beta_t = 2t/T: every beta_k
            self.void_families.add(family_of(symbol))
        if family_of(symbol) in ("alpha", "beta"):  # beta_t = 2: alpha_t = -1, and alpha-bar is their product
            index = symbol.name.partition("_")[2]
            self.void_families |= _SCHEDULE if _INDEXED.search(symbol.name) else {f"{s}_{index}" for s in _SCHEDULE}

    def follows_hos_schedule(self) -> bool:
        """A diffusion post whose schedule definitions are Ho et al.'s (then their relations hold)."""
        return self.scope.diffusion and self.hos_stated and hos_schedule(self.definitions)

    def _in_a_void_family(self, symbol: sp.Symbol) -> bool:
        """Is ``symbol`` of a family the post voided? A bare name the post declares positive itself (front matter,
        ``--positive``) is not voided by what it says of an indexed one (``sigma_t^2 = beta_t I`` leaves sigma)."""
        if symbol.name in self.scope.positive and family_of(symbol) == symbol.name:
            return False
        return bool({family_of(symbol), symbol.name} & self.void_families)

    def unless_unrelated(self, verdict: Verdict, sides: tuple[sp.Expr, ...], line: int,
                         ho: Callable[[tuple[sp.Expr, ...]], Verdict]) -> Verdict:
        """A refutation of a diffusion post that mixes schedule letters whose relations it does not state (in math the
        linter reads) is undecided, unless the step is refuted under Ho et al.'s relations too (``ho`` checks it)."""
        if verdict.outcome is not Outcome.REFUTED or not self.scope.diffusion or self.hos_stated:
            return verdict
        residual = verdict.residual if isinstance(verdict.residual, sp.Basic) else sp.S.Zero
        if len({family_of(s) for s in residual.free_symbols} & {"alpha", "alphabar", "beta"}) < 2:
            return verdict
        if ho(self.substituted(sides, line, passing=True)).outcome is Outcome.REFUTED:
            return verdict  # false whether the letters are related as Ho's or not at all
        return Verdict(Outcome.UNDECIDED, "refuted only with the schedule letters unrelated: the post does not state "
                       "Ho et al.'s relations (alpha_t = 1 - beta_t, alpha-bar_t = prod alpha_s) where it is read")

    def breaks_schedule(self) -> bool:
        """Has the post said of a schedule letter what the schedule's convention may not hold for?"""
        return bool(self.void_families & {"alpha", "alphabar", "beta"}) or any(
            family_of(s) in ("alpha", "alphabar", "beta") for s in self.contradicted)

    def contradicted_in(self, sides: tuple[sp.Expr, ...], before: int) -> set[sp.Symbol]:
        """The names of ``sides`` whose value, through every definition, breaks their convention (sigma_1 = tau - 2,
        tau = 1)."""
        try:  # tau = sigma after sigma = -2: the names a step uses through the definitions count too
            through = self.substituted(sides, before, passing=True)
        except (ValueError, TypeError, AttributeError):
            through = ()
        used = set().union(*(side.free_symbols for side in (*sides, *through)))
        found = (self.contradicted & used) | {s for s in used if self._in_a_void_family(s)}
        for head, definition in self.definitions.items():
            if definition.line >= before:
                continue
            try:
                value = self.substituted((definition.value,), before, passing=True)[0]
            except (ValueError, TypeError, AttributeError):  # a value SymPy cannot substitute into: no verdict from it
                continue
            broken = _contradicts(head, value) or self._above_one(head, value)
            if head in used and isinstance(head, sp.Symbol) and broken:
                found.add(head)
            elif _a_square(head) and head.base in used and value.is_nonnegative is False:  # sigma^2 = tau - 5, tau = 1
                found.add(head.base)
        return found

    def unsettled(self, previous: Parsed, current: Parsed, line: int, condition: str = "",
                  source: str = "") -> tuple[str, list[tuple[tuple[sp.Expr, ...], str]]]:
        """Why a verdict on ``previous = current`` may not stand as read, and the checks to try instead, each with
        the one verdict that stands from it ("" for any): a broken name read again plain (real if set to a real
        value), only a proof standing; a name of unknown range (f(t)/f(0)) as read, only a refutation standing."""
        why = zero_divisor(self, (previous, current), line, condition, source)  # x = 1 stated, (x - 1)/(x - 1) = 1
        if why:
            return why, []
        why = commuting_capitals(self, (previous, current))  # AB = BA: a refutation as numbers still stands
        if why:
            return why, [((previous.expr, current.expr), "refuted")]
        sides = (previous.expr, current.expr)
        limits = {s for e in sides for node in e.atoms(sp.Sum, sp.Product) for lim in node.limits for s in
                  sp.Tuple(*lim[1:]).free_symbols}
        broken = sorted(self.contradicted_in(sides, line), key=str)
        cancelled = self.cancelled((previous, current), line)  # sigma/sigma read as 1, with sigma = 0
        if broken or cancelled:
            why = (f"the post sets {', '.join(map(str, broken + cancelled))} to a value the notation's convention"
                   " (or the reading, which cancelled it) rules out")
            if cancelled or any(s.name in self.normals or s in limits for s in broken):
                return why, []  # T = 0 said: read plain, a sum up to T counts in Karr's convention, not as written
            real = all(s.name in self.real_values for s in broken)
            again = self._read_again(previous, current, broken, real=real, line=line)
            attempts = [(again, "proved")] if again is not None else []
            unknown = all({s.name, family_of(s)} & self.undetermined for s in broken)
            return why, attempts + ([(sides, "refuted")] if unknown else [])  # a counterexample still counts
        hypothesis = self.read_condition(condition) if condition else None
        if hypothesis is not None and hypothesis.free_symbols & limits:  # sum_{k=1}^{n} 1 = n, n < -1
            return ("the condition bounds a sum's range: its closed form counts a reversed range as Karr does, not "
                    "as empty as written"), []
        if may_reverse(sides):  # t = 2..T-1 at T = 1: only a counterexample where every range runs forwards stands
            return ("a sum's range may run backwards (its closed form counts a reversed range as Karr does, not as "
                    "empty as written)"), forward_points(sides, self.scope)
        given = {s: v for s, v in self.plain_values.items() if any(s in e.free_symbols for e in sides)}
        if given:  # y = 2 in the prose (a plain letter, no definition): a refutation must hold at the post's values
            names = ", ".join(f"{s} = {v}" for s, v in sorted(given.items(), key=str))
            return (f"refuted only where the names differ from the post's {names}"), [
                (sides, "proved"), (tuple(e.xreplace(given) for e in sides), "refuted")]
        return "", [(sides, "")]

    def _read_again(self, previous: Parsed, current: Parsed, broken: list[sp.Symbol], *, real: bool,
                    line: int) -> tuple[sp.Expr, ...] | None:
        """Both sides read again with the broken names plain (sqrt(sigma^2) is |sigma|); None if that fails, or if a
        side divides (a broken name may be 0 there, and the reading cancels it: sigma^2/sigma reads sigma)."""
        if any(re.search(r"\\frac|/|\^\{?\s*-", p.tex) for p in (previous, current)):
            return None
        plain = {s.name: sp.Symbol(s.name, real=True) if real else sp.Symbol(s.name) for s in broken}
        scope = replace(self.scope, fixed={**self.scope.fixed, **plain})
        again = tuple(read(p.tex.replace(r"\_", "_"), scope).expr if p.tex else None for p in (previous, current))
        if None in again or self.contradicted_in(again, line) & set(broken):
            return None  # p(x) = e^{-x^2}/sigma, defined with the positive sigma: still in the step
        return again

    def cancelled(self, sides: tuple[Parsed, ...], before: int) -> list[str]:
        r"""Names a side's reading cancelled (:math:`\sigma/\sigma` reads 1) that the post voids or may set to 0."""
        found = []
        for side in sides:
            kept = {s.name for s in side.expr.free_symbols}
            for name in {n.sympy_name for n in side.names} - kept:
                definition = next((d for h, d in self.definitions.items() if str(h) == name and d.line < before), None)
                voided = any(s.name == name for s in self.contradicted) or name.partition("_")[0] in self.void_families
                value = definition.value.free_symbols if definition is not None else set()  # rho = sigma, sigma = 0
                zero = name in self.zeros or (definition is not None and definition.value.is_zero is True) or any(
                    s in self.contradicted or s.name in self.zeros for s in value)
                if voided or zero:
                    found.append(name)
        return sorted(found)

    def _above_one(self, head: sp.Symbol, value: sp.Expr) -> bool:
        """A schedule letter of a diffusion post set to 1 or more (beta_t = 2): its convention is (0, 1)."""
        return head in self.scope.unit_symbols(head) and (1 - value).is_positive is False

    def still_defined(self, sides: tuple[sp.Expr, ...], before: int) -> list[str]:
        """The names defined before line ``before`` that remain in ``sides`` after substitution."""
        used = set().union(*(side.free_symbols for side in sides))
        return sorted(str(d.head) for d in self.definitions.values() if d.line < before and d.head in used)

    def declared_normals(self, *exprs: sp.Expr) -> tuple[sp.Symbol, ...]:
        """The declared standard normals that occur in ``exprs``; none if the post gives one another law or says it
        depends on another (``z_1 ~ N(0, 2)``, "z_1 and z_2 are correlated")."""
        found = {s for e in exprs for s in e.free_symbols if s.name in self.normals}
        return () if any(s.name in self.nonstandard for s in found) else tuple(sorted(found, key=sp.default_sort_key))

    def defines_in_a_bound_variable(self, sides: tuple[sp.Expr, ...], before: int) -> bool:
        r"""After ``u = x^2``, ``\int u e^{-x^2} dx``: u is no constant, so the step is read with u's value."""
        bound = {v for side in sides for node in side.atoms(sp.Integral, sp.Derivative, sp.Sum, sp.Product)
                 for v in node.variables}
        used = set().union(*(side.free_symbols for side in sides))
        return any(d.line < before and d.head in used and d.value.free_symbols & bound
                   for d in self.definitions.values())

    def in_passing(self, sides: tuple[sp.Expr, ...], before: int) -> list[str]:
        """The names of ``sides`` defined only in passing before line ``before`` (lint.cues)."""
        used = set().union(*(side.free_symbols for side in sides))
        return sorted(str(d.head) for d in self.definitions.values()
                      if d.line < before and not d.cued and (d.head in used or d.head.free_symbols & used))

    def substituted(self, sides: tuple[sp.Expr, ...], before: int, *, passing: bool = False) -> tuple[sp.Expr, ...]:
        """Both sides of a step with the definitions made before line ``before`` and the schedule's relations.

        A bound variable (of an integral, a sum) is never replaced: it is not the defined name. Nor is the
        variable of a derivative: after ``x_t = a x_0 + b eps``, the score's ``x_t`` is the point it is taken at.
        The schedule's relations are applied to the two sides together, so both use one spelling.
        A value the prose states in passing is substituted only with ``passing`` (lint.cues).
        """
        bound = {v for side in sides for node in side.atoms(sp.Integral, sp.Sum, sp.Product, sp.Derivative)
                 for v in node.variables}
        mapping = {d.head: d.value for d in self.definitions.values()
                   if d.line < before and d.head not in bound and (d.cued or passing)}
        squares = {head.base: value for head, value in mapping.items() if _a_square(head)}
        out = []
        for expr in sides:
            for _ in range(5):  # definitions may use other defined names
                try:
                    new = _even_powers(expr.xreplace(mapping), squares)
                except ValueError:  # a circle put a value in a derivative's variable; still_defined stops refutations
                    break
                if new == expr:
                    break
                expr = new
            out.append(expr)
        return schedule_relations(tuple(out)) if self.follows_hos_schedule() else tuple(out)


#: A name indexed by a time step or a counter (beta_t, sigma_k-1), not labelled (sigma_Q): its family goes with it.
_INDEXED = re.compile(r"_[tsijkmnlT](?:[-+]\d+)?$")
#: The schedule's letters, tied by Ho et al.'s relations: a convention broken for one is broken for all.
_SCHEDULE = {"alpha", "alphabar", "beta"}


def _contradicts(name: sp.Symbol, value: sp.Expr) -> bool:
    """Is ``value`` provably outside what ``name`` is assumed to be (sigma = -2 for a positive sigma)?"""
    facts = ("positive", "negative", "nonnegative", "nonpositive", "nonzero", "real", "integer")
    return any(getattr(name, f"is_{fact}") is True and getattr(value, f"is_{fact}") is False for fact in facts)


def _a_square(expr: sp.Expr) -> bool:
    """``s**2`` for a name ``s``: a definition of it replaces the square (and its inverse), never ``s`` itself."""
    return isinstance(expr, sp.Pow) and isinstance(expr.base, sp.Symbol) and expr.exp == 2


def _even_powers(expr: sp.Expr, squares: dict[sp.Symbol, sp.Expr]) -> sp.Expr:
    """Every even power of a name whose square is defined, written with the square (s**-4 -> v**-2)."""
    if not squares:
        return expr
    return expr.replace(lambda e: e.is_Pow and e.base in squares and e.exp.is_even,
                        lambda e: squares[e.base] ** (e.exp / 2))


def _shiftable(value: sp.Expr) -> bool:
    r"""Does a definition at step t say what it says one step earlier?

    Not when its noise has no time step: :math:`\mathbf{x}_t = \sqrt{\alpha_t}\mathbf{x}_{t-1} +
    \sqrt{1-\alpha_t}\boldsymbol{\epsilon}` one step earlier uses another draw than :math:`\boldsymbol{\epsilon}`.
    """
    return not any(_untimed_noise(s.name) for s in value.free_symbols)


def _untimed_noise(name: str) -> bool:
    """``epsilon``, ``z``, ``epsilon_0``: a noise (epsilon or z) whose subscript has no time step t."""
    base, _, sub = name.partition("_")
    return base in ("epsilon", "epsilonbar", "z", "zbar") and not re.search(r"(?<![A-Za-z])t(?![A-Za-z])", sub)


def shifted(expr: sp.Expr, steps: int) -> sp.Expr | None:
    r"""``expr`` ``steps`` time steps earlier: every index ``t`` becomes ``t - steps``, in subscripts and bare.

    :math:`\beta_t = t/T` one step earlier is :math:`\beta_{t-1} = (t-1)/T`: the index moves
    wherever it is written. None if ``expr`` has no index ``t``.
    """
    mapping: dict[sp.Symbol, sp.Expr] = {}
    for symbol in expr.atoms(sp.Symbol):
        if symbol.name == "t":
            mapping[symbol] = symbol - steps
            continue
        base, sep, sub = symbol.name.partition("_")
        if sep and re.search(r"(?<![A-Za-z])t(?![A-Za-z])", sub):
            moved = re.sub(r"(?<![A-Za-z])t(?:-(\d+))?(?![A-Za-z0-9])",
                           lambda m: f"t-{int(m.group(1) or 0) + steps}", sub)
            mapping[symbol] = sp.Symbol(f"{base}_{moved}", **symbol.assumptions0)
    return expr.xreplace(mapping) if mapping else None
