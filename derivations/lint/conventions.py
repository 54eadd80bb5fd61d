r"""What a post says of its conventional names: a statement the linter cannot show agrees with one voids it.

The linter reads a standard deviation (``\sigma``) as positive, a diffusion post's schedule
letters (``\alpha_t``, ``\beta_t``, ``\bar\alpha_t``) as lying in (0, 1), and declared normals
as independent N(0, 1) (:mod:`~derivations.lint.context`). A post can say otherwise in ways that
are no definition the linter reads: ``$-2 =: \sigma$``, ``$$-2 = \sigma$$``, ``$\sigma + 2 = 0$``,
``$\beta_t = 2t/T$`` (above 1 for t > T/2), ``$\sigma \sim \mathcal{N}(0, 1)$``.

So every relation of the prose, and every lone statement of a display, is read here. A
conventional name in it keeps its convention only if the relation provably agrees with it:

* ``name = value`` (or ``name^2 = value``, either way round, with any defining sign) where the
  value, with the post's definitions and the schedule's relations, is provably positive, or in
  (0, 1) for a schedule letter;
* a bound on the name that its convention already implies (``\sigma > 0``, ``\beta_t < 1``);
* a standard normal law for a declared normal (``z \sim \mathcal{N}(0, 1)``);
* an equation that is an identity once the definitions are substituted (``\alpha_t + \beta_t = 1``).

A name that is *defined* by the relation (``x_t = \sqrt{\bar\alpha_t} x_0 + \dots``) only uses the
conventional names of its value, and says nothing of them. Otherwise the name loses its convention
(an indexed name, ``\beta_t``, for its whole family): every step that uses it is undecided.
"""

from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from derivations.engine.probability import Opaque
from derivations.latex.scope import HORIZON
from derivations.lint.agreement import (
    VARIANCE,
    a_number,
    agrees,
    agrees_as_read,
    balanced,
    cleaned,
    disagrees,
    positive,
    unwrapped,
)
from derivations.lint.clauses import OUT_OF_RANGE, RELATION, asides, clauses_of
from derivations.lint.context import Post, family_of, schedule_relations
from derivations.lint.heads import DENSITY_LABEL, OPERATOR_LABEL, call_label
from derivations.lint.mentions import POWER, bare_name, conventional_names, is_conventional, mentioned_names, squeezed
from derivations.lint.stated import EQUAL, keep_what_it_says, tie_families, tie_names
from derivations.lint.steps import Row, top_level_split, without_scripts

#: Near-equalities: they agree if the value lies in the convention's closure (``\bar\alpha_T \approx 0``).
_NEAR = (r"\approx", r"\simeq", r"\doteq", r"\cong")
_SILENT = (r"\ne", r"\neq", r"\to", r"\mapsto", r"\propto")  # x \neq 0, t \to t + 1 (a change of variables)
_ELIDED = re.compile(r"\s*(?:\\[lcv]?dots|\.\.\.)\s*")
#: What looks like a relation, read or not (``\mathrel{=}``, ``{=}``, ``\Leftarrow``).
_RELATIONISH = re.compile(r"[=<>]|\\(?:mathrel|[A-Za-z]*arrow|[A-Za-z]*eq[A-Za-z]*|sim|prec|succ|subset|ni)"
                          r"(?![A-Za-z])")
#: A standard normal law, as posts write it: N(0, 1), N(0, I), N(\mathbf{0}, \mathbf{I}_d).
_STANDARD = re.compile(r"\\mathcal\{?N\}?\\left\(|\\mathcal\{?N\}?\(")
_STANDARD_ARGS = re.compile(r"(?:\\(?:mathbf|boldsymbol|bm)\{?0\}?|0),(?:1|(?:\\(?:mathbf|boldsymbol|bm|mathrm)"
                            r"\{?I\}?|I)(?:_\{?[A-Za-z0-9]+\}?)?)")
#: The sets a positive name may be said to lie in.
_POSITIVE_SETS = re.compile(r"\(0,(?:\\infty|1)\)|\\mathbb\{?R\}?(?:_\{?(?:\+|>0)\}?|\^\{?\+\}?)")

#: The sets of whole numbers from 1 (the horizon T's range): Z_{>0}, N^+, N_{\ge 1}, {1, 2, ...}.
_WHOLE_SETS = (r"\\mathbb\{?[NZ]\}?_\{?(?:>0|\\geq?1)\}?|\\mathbb\{?N\}?\^\{?\+\}?|"
               r"\\\{1,2,(?:\\[lc]?dots|\.\.\.)\\\}")
#: Several relations in one run of math: ``$A = 1, B = 2$`` (a comma, not the thin space ``\\,``).
PIECES = re.compile(r"(?<!\\),")


def note_statement(post: Post, text: str, line: int, *, bare_only: bool = False) -> None:
    """Read one relation of the post (``text``, at ``line``) and void the conventions it does not agree with.

    What the reader cannot take apart (a relation it does not know, a side it cannot read) voids
    the conventions of every name it mentions: only what provably agrees keeps one.
    """
    clauses = clauses_of(text)
    if len(clauses) > 1:
        for clause in clauses:  # x = mu + sigma eps, \quad eps ~ N(0, I): two statements
            note_statement(post, clause, line, bare_only=bare_only)
        return
    parts = top_level_split(text, RELATION)
    if len(parts) < 2:  # {\color{green} q(x_t | x_0) = ...}: the relation inside a decoration
        parts = top_level_split(_outer(text), RELATION)
    post.stated |= {s.name for _, piece in parts for s in mentioned_names(post, piece)}
    if len(parts) < 2:
        # \mathrel{=}, {=}: a relation this reader does not take apart (not the \sim of E_{z \sim p})
        if not bare_only and _RELATIONISH.search(without_scripts(squeezed(text))):
            _void_all(post, conventional_names(post, text))
        return
    sides = [piece for _, piece in parts]
    for (_, left), (relation, right) in zip(parts, parts[1:], strict=False):
        if _ELIDED.fullmatch(left) or _ELIDED.fullmatch(right):
            continue
        keep_what_it_says(post, left, relation, right, line)
        if bare_only and not any(bare_name(post, side) in conventional_names(post, side) for side in (left, right)):
            continue  # a result in a box: only a name alone on a side is what the row sets
        try:
            _void_all(post, _disagreeing(post, left, relation, right, line))
        except (ValueError, TypeError, AttributeError, ArithmeticError, RecursionError, NotImplementedError):
            _void_all(post, conventional_names(post, left + " " + right))  # no reading: nothing agrees
    if all(relation in EQUAL for relation, _ in parts[1:]) and len(sides) > 2:  # sigma = tau = -2: every pair
        for index, side in enumerate(sides):
            name = bare_name(post, side)
            if name is not None and is_conventional(post, name):
                others = [o for i, o in enumerate(sides) if i != index and not _ELIDED.fullmatch(o)]
                if not all(agrees_as_read(post, name, o, line) for o in others):
                    _void_all(post, {name})


def _a_pin(post: Post, text: str) -> bool:
    """``T = 0``, ``\\sigma \\le -1``: a name alone on one side of one relation and a number on the other."""
    parts = top_level_split(text, RELATION)
    if len(parts) != 2:
        return False
    (_, left), (relation, right) = parts
    if relation not in EQUAL:  # a bound or a set: \sigma \in \mathbb{R}, T \ge 0
        return bare_name(post, left) is not None or bare_name(post, right) is not None
    return any(bare_name(post, a) is not None and a_number(post, b) for a, b in ((left, right), (right, left)))


def _outer(text: str) -> str:
    text = re.sub(r"\\(?:boxed|displaystyle)|\\color\{[^{}]*\}", " ", text).strip()
    while text.startswith("{") and text.endswith("}") and balanced(text[1:-1]):
        text = text[1:-1].strip()
    return text


def _void_all(post: Post, names: set[sp.Symbol]) -> None:
    for name in names:
        post.void(name)


#: The relations of a lone display row that may say something of a convention.
_STATED = ("=", ":=", r"\sim", "<", ">", r"\le", r"\leq", r"\ge", r"\geq", r"\in", r"\equiv")


def note_lone_row(post: Post, row: Row, results: list | None, *, alone: bool = False) -> None:
    """A row of a display that states rather than derives is read as a relation of the post.

    Before the row is checked (``results`` None), its stated condition (``\\text{for } \\sigma = -2``), and the
    name a lone row sets (``T = 0``: a sum's bound the post speaks of). After: a row not read, or a block's only
    row with no relation read (``\\boxed{\\sigma = -2}``, ``\\sigma \\gets -2``); a lone bound or law; a lone
    equality that is no step (a definition, an equation to solve) or that sets a name to a number and is not
    proved (``-2 = \\sigma``).
    """
    if results is None:  # before any row of the post is checked (lint.linter)
        if row.condition:
            note_statement(post, row.condition, row.line)
        for clause in clauses_of(re.sub(r"\\mathrel\s*\{([^{}]*)\}", r"\1", row.source)):  # q = ..., \quad p = ...
            parts = top_level_split(clause, RELATION)
            if len(parts) > 1 and all("=" in r or r in EQUAL for r, _ in parts[1:]):  # u - 2x = 0, u \mathrel{:=} 2x
                read = tuple(post.read(text).expr for _, text in parts)
                tie_names(post, read)
                if alone and row.head:  # a statement, not a step of a chain: what it says of its densities
                    tie_families(post, read, tuple(text for _, text in parts))
        unread = [row.source.strip(), row.source.strip().lstrip("- ")] if row.unread else []  # \quad - T = 0
        for aside in asides(row.source) + unread:  # x_T = x_0 \quad (T = 0): what a row says in passing counts
            if _a_pin(post, aside):
                note_statement(post, aside, row.line)
        if OUT_OF_RANGE.search(" ".join(re.findall(r"\\text\s*\{([^{}]*)\}", row.source))):
            _void_all(post, conventional_names(post, row.source))  # \text{with } \sigma \text{ negative}
        if alone and not row.continues and row.links and any(r not in EQUAL for r, _ in row.links):  # n < -1
            note_statement(post, row.source, row.line)
        elif alone and len(row.links) == 1 and (bare := bare_name(post, row.head)) is not None:
            post.stated.add(bare.name)
        return
    if row.continues:
        return
    relation, text = row.links[0] if len(row.links) == 1 else ("", "")
    pinned = any(bare_name(post, a) is not None and a_number(post, b) for a, b in ((row.head, text), (text, row.head)))
    if pinned:  # sigma = -2 \quad (\text{we take}): refuted as a claim, and still what the post sets sigma to
        note_statement(post, f"{row.head} {relation} {text}", row.line)
    if relation == "=" and not results and bare_name(post, row.head) is not None and cleaned(text) != text:
        post.define(row.head, cleaned(text), row.line)  # alpha_t = 1 - beta_t^2 \quad \text{(our notation)}
    if any(r.status.value in ("proved", "refuted") for r in results):
        return
    if row.unread or (alone and (not row.links or any(r.status.value == "unparsed" for r in results))):
        for _, piece in top_level_split(unwrapped(row.source), PIECES):
            note_statement(post, piece, row.line, bare_only=True)  # \boxed{\sigma = -2}
        return
    if len(row.links) != 1:
        return
    if relation not in _STATED or relation not in EQUAL or not results or pinned:
        note_statement(post, f"{row.head} {relation} {text}", row.line)


def _disagreeing(post: Post, left: str, relation: str, right: str, line: int) -> set[sp.Symbol]:
    """The conventional names of ``left relation right`` that the relation does not provably agree with."""
    if relation.startswith(r"\sim") or (relation in _NEAR and r"\mathcal" in right):  # epsilon \approx N(0, 2)
        return _by_law(post, left, right)
    mentioned = conventional_names(post, left) | conventional_names(post, right)
    normals = {s for s in mentioned if s.name in post.normals}
    at_a_point = relation == "=" and any(bare_name(post, a) in normals and a_number(post, b)  # epsilon = -1.627
                                         for a, b in ((left, right), (right, left)))
    if normals and not at_a_point and not _defines_other(post, left, right):
        return mentioned  # E[z_1] = 3, z_1 \gets 2 z_1: only a standard law agrees with a declared normal
    arrow = "arrow" in relation.replace("leftarrow", "")  # sigma_t \rightarrow 0: a limit
    if not mentioned or relation in _SILENT or relation.startswith("=at:") or arrow:
        return set()
    if relation == r"\in":  # sigma \in (0, \infty); A \in R^{m x d} says nothing of d
        name = bare_name(post, left)
        if name is None:
            return set()
        if name.is_integer:  # the horizon T: only a set of whole numbers from 1 agrees
            inside = re.fullmatch(_WHOLE_SETS, squeezed(right).rstrip("."))
        else:
            inside = re.match(r"\(0,1\)" if post.scope.unit_symbols(name) else _POSITIVE_SETS.pattern, squeezed(right))
        return set() if name not in mentioned or inside else {name}  # {\beta_t \in (0, 1)}_{t=1}^T
    if relation in EQUAL:
        return _by_equation(post, left, right, line, mentioned)
    if relation in _NEAR:
        return _by_nearness(post, left, right, line, mentioned)
    if relation.startswith((r"\l", "<", r"\g", ">")) and relation not in (r"\gets", r"\leftarrow"):
        return _by_bound(post, left, relation, right, line, mentioned)
    return {n for n in (bare_name(post, left), bare_name(post, right)) if n in mentioned}  # sigma \lessdot -2


def _defines_other(post: Post, left: str, right: str) -> bool:
    """``X = 10 + 2 Z_1``: a name without a convention defined from declared normals."""
    name = bare_name(post, left)
    return name is not None and not is_conventional(post, name)


def _by_nearness(post: Post, left: str, right: str, line: int, mentioned: set[sp.Symbol]) -> set[sp.Symbol]:
    r"""``\bar\alpha_T \approx 0`` agrees (0 is the closure's end); ``\sigma \approx -2`` does not."""
    name, value = bare_name(post, left), post.read(right).expr
    if name is None:
        return set()  # cos^n t \approx 0: a statement of the expression, not of n's sign
    if value is None:
        return {name}
    near = sp.Rational(1, 10**6)
    unit = not post.scope.unit_symbols(name) or positive(post, 1 - value + near, line)
    return set() if positive(post, value + near, line) and unit else mentioned


def _by_equation(post: Post, left: str, right: str, line: int, mentioned: set[sp.Symbol]) -> set[sp.Symbol]:
    """``name = value`` agrees if the value does; an equation that pins one name down, if a root agrees.

    A pin is read as written, with the schedule's relations but not the post's definitions: with
    them, ``-\\frac12\\log(1 - \\bar\\alpha_T) = 2.0180 \\times 10^{-5}`` is a check of rounded numbers.

    What the linter cannot read says nothing it can see: the convention stands (it is documented), but a
    variance is a number at least 0 (``-\\sigma = \\mathbb{V}[X]`` voids sigma).
    """
    names = [(bare_name(post, left), right), (bare_name(post, right), left)]
    valued = any(name is not None and is_conventional(post, name) for name, _ in names)  # sigma = sgn(-3): a value
    if not valued and any(_a_function_label(s) or squeezed(s).startswith(r"\mathcal{N}(") for s in (left, right)):
        return set()  # g(t) = ..., q(x_t | x_0) = ...: a definition; N(mu, sigma^2) = mu + sigma N(0, 1): laws
    (one, _), (two, _) = names
    if one is not None and two is not None and is_conventional(post, one) != is_conventional(post, two):
        return _by_alias(post, one, two, line, mentioned)
    if any(name is not None and not is_conventional(post, name) for name, _ in names):
        return set()  # defines a name without a convention: it uses the others, and says nothing of them
    for (name, value), side in zip(names, (left, right), strict=True):
        if name is not None:
            read = post.read(value).expr
            agrees = agrees_as_read(post, name, value, line)
            if not agrees and read is not None and not POWER.search(squeezed(side)) and read.is_real:
                post.real_values.add(name.name)  # sigma = a - b: a real value, the step is read again with it
            if not agrees and (read is None or not disagrees(post, name, read, line)):  # unread: range unknown
                post.undetermined |= {name.name, family_of(name)}  # alpha-bar_t = f(t)/f(0): a range unknown
            return set() if agrees else {name} | _family(mentioned, name)
    sides = [sp.Dummy(nonnegative=True) if re.fullmatch(VARIANCE, side.strip()) else post.read(side).expr
             for side in (left, right)]  # \mathbb{V}[X] = -\sigma: a variance is at least 0
    if None in sides:
        return set()  # an equation the reader cannot read, with no name alone on a side: nothing it can see
    try:
        plain, under_ho = (sp.cancel(sp.expand(sp.Add(*pair).xreplace(post.plain_values)))
                           for pair in ((sides[0], -sides[1]), schedule_relations((sides[0], -sides[1]))))
    except (TypeError, ValueError, sp.PolynomialError):
        return mentioned
    if under_ho != 0 and not under_ho.free_symbols:
        return mentioned  # alpha_t + beta_t = 3: no values satisfy it in (0, 1), whether the letters are Ho's or not
    difference = under_ho if post.follows_hos_schedule() else plain
    values = {c: sp.Dummy(nonnegative=True) if str(c.func) == "Var" else sp.Dummy(real=True)
              for c in difference.atoms(AppliedUndef, Opaque)}  # f(x): any number here; Var(x): at least 0
    difference = difference.xreplace(values)
    outside = {s for s in difference.free_symbols if not isinstance(s, sp.Dummy)}
    if outside != difference.free_symbols and len(outside) == 1 and is_conventional(post, next(iter(outside))):
        return set() if _solved_within(post, difference, line) else mentioned  # -sigma = Var(x)
    if difference == 0 or len(difference.free_symbols) > 1:
        return set()  # an identity, or a relation of several things (x = sigma z): it pins no name down
    if not difference.free_symbols:
        return mentioned  # alpha_t + beta_t = 3: no value of theirs can satisfy it
    (name,) = difference.free_symbols
    return set() if not is_conventional(post, name) or _solved_within(post, difference, line) else mentioned


def _by_alias(post: Post, one: sp.Symbol, two: sp.Symbol, line: int, mentioned: set[sp.Symbol]) -> set[sp.Symbol]:
    """``\\beta_t = \\gamma_t``: a conventional name keeps its convention only if the other's stated value agrees."""
    if post.scope.horizon and (one.name, two.name) == ("t", "T"):
        return set()  # "at t = T": the last step, an instant as t = 0 is another (T = t would set T: voids)
    name, other = (one, two) if is_conventional(post, one) else (two, one)
    value = post.plain_values.get(other)  # stated before; a value stated after would go unseen, so none keeps it
    return set() if value is not None and agrees(post, name, value, line) else {name} | _family(mentioned, name)


def _solved_within(post: Post, difference: sp.Expr, line: int) -> bool:
    """``\\log\\sigma = 0``: one name, and a small equation with a root its convention allows."""
    if sp.count_ops(difference) > 30:
        return False
    (name,) = (s for s in difference.free_symbols if not isinstance(s, sp.Dummy))
    try:
        roots = sp.solve(difference, name)
    except (NotImplementedError, TypeError, ValueError, sp.PolynomialError):
        return False
    return any(agrees(post, name, root, line) for root in roots)


def _by_bound(post: Post, left: str, relation: str, right: str, line: int,
              mentioned: set[sp.Symbol]) -> set[sp.Symbol]:
    """A bound voids the conventions of its names if it may contradict them (``\\sigma < 0``, ``1 - \\beta_t < 0``).

    A bound that leaves room inside the convention (``\\beta_t < 1``, ``\\Sigma_{11} - \\Sigma_{12}^2/\\Sigma_{22}
    > 0``) keeps it: its proofs hold there. An unread side may say anything: it voids.
    """
    small, big = (left, right) if relation.startswith(("<", r"\l")) else (right, left)
    sides = post.read(small).expr, post.read(big).expr
    if None in sides:
        return {n for n in (bare_name(post, small), bare_name(post, big)) if n in mentioned}  # sigma < (unread)
    sides = tuple(side.xreplace(post.plain_values) for side in sides)  # sigma > x, x = -5: sigma > -5
    strict = relation in ("<", ">", r"\lt", r"\gt", r"\ll", r"\gg") or "neq" in relation
    if _looser(post, small, sides[1], upper=True) or _looser(post, big, sides[0], upper=False, strict=strict):
        return mentioned  # 0 < beta_t < 2, sigma > -1, T >= 0: the post lets the name range past its convention
    gap = sides[1] - sides[0]  # big - small, stated positive (or nonnegative)
    if _admits_no_steps(gap, strict):  # T + 1 >= 1, 2T >= 0, -T <= 0: the bound holds at T = 0 or T = 1/2
        return mentioned
    contradicted = positive(post, -gap, line) or (strict and sp.expand(gap) == 0) or _nonpositive(post, gap, line)
    return mentioned if contradicted else set()


def _admits_no_steps(gap: sp.Expr, strict: bool) -> bool:
    """Does ``gap > 0`` (``>= 0``), a bound of the horizon T alone, hold at T = 0 or at T = 1/2?"""
    if gap.free_symbols != {HORIZON}:
        return False
    values = (gap.xreplace({HORIZON: v}) for v in (sp.S.Zero, sp.S.Half))
    return any(v.is_number and v.is_real and bool(v > 0 if strict else v >= 0) for v in values)


def _looser(post: Post, name_text: str, bound: sp.Expr, *, upper: bool, strict: bool = True) -> bool:
    """Is ``name < bound`` (``upper``) or ``name > bound`` a range for a conventional name wider than its own?
    For the horizon T (a whole number of steps, at least 1), any lower bound below 1 is (``T \\ge 0``, ``T > 0``)."""
    name = bare_name(post, name_text)
    if name is None or not is_conventional(post, name) or not bound.is_number or not bound.is_real:
        return False
    if upper:
        return bool(post.scope.unit_symbols(name)) and bool(bound > 1)
    if name.is_integer:  # T > 0 and T >= 1/2 admit a T that is no whole number of steps: the post's T is real
        return bool(bound < 1)
    return bool(bound < 0)


def _nonpositive(post: Post, gap: sp.Expr, line: int) -> bool:
    """Is ``gap`` provably at most 0 at some point of the convention's range? (sigma + 1 < 1 at sigma -> 0)"""
    return positive(post, -gap + sp.Rational(1, 10**6), line)


def _by_law(post: Post, left: str, right: str) -> set[sp.Symbol]:
    """``z \\sim \\mathcal{N}(0, 1)`` agrees for a declared normal; any law voids a positive name."""
    name, standard = bare_name(post, left), _is_standard(right)
    if name is not None and not standard:  # epsilon ~ N(0, 2I): no longer the noise of Ho et al.'s step
        post.nonstandard.add(name.name)
    if name is not None and name.name in post.normals and standard:
        return set()
    return conventional_names(post, left)


def _is_standard(law: str) -> bool:
    text = squeezed(law)
    opening = _STANDARD.match(text)
    if opening is None:
        return False
    inner = text[opening.end():].removesuffix(r"\right)").removesuffix(")")
    return _STANDARD_ARGS.fullmatch(inner) is not None


def _a_function_label(text: str) -> bool:
    """``g(t)``, ``g'(t)``, ``(g_1 \\star g_2)(x)``, ``q(x_t \\mid x_0)``: a function the row defines (a variance is
    none: ``-\\sigma = \\text{Var}(x)`` says that sigma is not positive)."""
    if re.match(r"\s*\\(?:operatorname|mathrm|text)\{(?:Var|Cov)\}", text):
        return False
    return call_label(text) or any(p.match(text) for p in (OPERATOR_LABEL, DENSITY_LABEL, _PRIMED_CALL, _NAMED_CALL))


_NAMED_CALL = re.compile(r"^\s*\\(?:operatorname|mathrm|text)\{[^{}]+\}\s*(?:\\left)?\(.*\)\s*$")  # SNR(t) = ...
_PRIMED_CALL = re.compile(r"^\s*\\?[A-Za-z]+(?:_\{?[^(){}]*\}?)?(?:\^\{?\\prime+\}?|'+)\s*(?:\\left)?\(.*\)\s*$")


def _family(mentioned: set[sp.Symbol], name: sp.Symbol) -> set[sp.Symbol]:
    return {s for s in mentioned if family_of(s) == family_of(name)}


# --- agreeing with a convention ------------------------------------------------------


