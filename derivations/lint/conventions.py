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

from derivations.engine.probability import Expectation
from derivations.latex.names import read_name
from derivations.lint.context import Post, family_of, schedule_relations
from derivations.lint.heads import CALL_LABEL, DENSITY_LABEL, OPERATOR_LABEL
from derivations.lint.steps import Row, top_level_split

#: The relations a statement may use; ``=:`` and ``\eqqcolon`` define the right side.
RELATION = re.compile(r"\\coloneqq|\\eqqcolon|=:|:=|\\triangleq|\\equiv|\\overset|\\stackrel|\\sim(?![A-Za-z])"
                      r"|\\le(?:q)?(?![A-Za-z])|\\ge(?:q)?(?![A-Za-z])|\\lt(?![A-Za-z])|\\gt(?![A-Za-z])"
                      r"|\\neq?(?![A-Za-z])|\\approx|\\in(?![A-Za-z])|\\to(?![A-Za-z])|<|>|(?<![<>!\\])=")
_EQUAL = ("=", ":=", "=:", r"\coloneqq", r"\eqqcolon", r"\triangleq", r"\equiv", "=d")
_BELOW = ("<", r"\lt", r"\le", r"\leq")
_ABOVE = (">", r"\gt", r"\ge", r"\geq")
_SILENT = (r"\ne", r"\neq", r"\approx", r"\to")  # says nothing that contradicts a convention
_ELIDED = re.compile(r"\s*(?:\\[lcv]?dots|\.\.\.)\s*")
_POWER = re.compile(r"\^\s*(?:\{\s*(?P<braced>\d+)\s*\}|(?P<bare>\d))\s*$")
#: A standard normal law, as posts write it: N(0, 1), N(0, I), N(\mathbf{0}, \mathbf{I}_d).
_STANDARD = re.compile(r"\\mathcal\{?N\}?\\left\(|\\mathcal\{?N\}?\(")
_STANDARD_ARGS = re.compile(r"(?:\\(?:mathbf|boldsymbol|bm)\{?0\}?|0),(?:1|(?:\\(?:mathbf|boldsymbol|bm|mathrm)"
                            r"\{?I\}?|I)(?:_\{?[A-Za-z0-9]+\}?)?)")
#: The sets a positive name may be said to lie in.
_POSITIVE_SETS = re.compile(r"\(0,(?:\\infty|1)\)|\\mathbb\{?R\}?(?:_\{?(?:\+|>0)\}?|\^\{?\+\}?)")


def note_statement(post: Post, text: str, line: int) -> None:
    """Read one relation of the post (``text``, at ``line``) and void the conventions it does not agree with."""
    parts = top_level_split(text, RELATION)
    for (_, left), (relation, right) in zip(parts, parts[1:], strict=False):
        if _ELIDED.fullmatch(left) or _ELIDED.fullmatch(right):
            continue
        for symbol in _disagreeing(post, left, relation, right, line):
            post.void(symbol)


#: The relations of a lone display row that may say something of a convention.
_STATED = ("=", ":=", r"\sim", "<", ">", r"\le", r"\leq", r"\ge", r"\geq", r"\in", r"\equiv")


def note_lone_row(post: Post, row: Row, results: list) -> None:
    """A lone row of a display that states rather than derives is read as a relation of the post.

    A bound or a law always states; an equality states when it is no step (a definition, an
    equation to solve), or when it sets a name to a number and is not proved (``-2 = \\sigma``).
    """
    if row.continues or len(row.links) != 1 or any(r.status.value == "proved" for r in results):
        return
    relation, text = row.links[0]
    if relation not in _STATED:
        return
    pinned = any(_bare(post, a) is not None and _a_number(post, b) for a, b in ((row.head, text), (text, row.head)))
    if relation not in _EQUAL or not results or pinned:
        note_statement(post, f"{row.head} {relation} {text}", row.line)


def _a_number(post: Post, text: str) -> bool:
    value = post.read(text).expr
    return value is not None and not value.free_symbols


def _disagreeing(post: Post, left: str, relation: str, right: str, line: int) -> set[sp.Symbol]:
    """The conventional names of ``left relation right`` that the relation does not provably agree with."""
    if relation.startswith(r"\sim"):
        return _by_law(post, left, right)
    mentioned = _conventional(post, left) | _conventional(post, right)
    if not mentioned or relation in _SILENT or relation.startswith("=at:") or "arrow" in relation:
        return set()
    if relation == r"\in":
        name = _bare(post, left)
        return set() if name in mentioned and _POSITIVE_SETS.fullmatch(_plain(right)) else mentioned
    if relation in _BELOW or relation in _ABOVE:
        return _by_bound(post, left, relation, right, line, mentioned)
    if relation not in _EQUAL:
        return mentioned
    return _by_equation(post, left, right, line, mentioned)


def _by_equation(post: Post, left: str, right: str, line: int, mentioned: set[sp.Symbol]) -> set[sp.Symbol]:
    """``name = value`` agrees if the value does; an equation that pins one name down, if a root agrees.

    A pin is read as written, with the schedule's relations but not the post's definitions: with
    them, ``-\\frac12\\log(1 - \\bar\\alpha_T) = 2.0180 \\times 10^{-5}`` is a check of rounded numbers.

    What the linter cannot read says nothing it can see: the convention stands (it is documented).
    """
    if any(_a_function_label(side) for side in (left, right)):
        return set()  # g(t) = ..., q(x_t | x_0) = ...: a definition, which uses the names of its value
    names = [(_bare(post, left), right), (_bare(post, right), left)]
    if any(name is not None and not _is_conventional(post, name) for name, _ in names):
        return set()  # defines a name without a convention: it uses the others, and says nothing of them
    for (name, value), side in zip(names, (left, right), strict=True):
        if name is not None:
            read = post.read(value).expr
            agrees = read is None or _agrees(post, name, read, line)
            if not agrees and _POWER.search(_plain(side)) and read.is_nonnegative is not True:
                post.not_real.add(name.name)  # sigma_t^2 = 1 - 2: sigma_t may be no real number
            return set() if agrees else {name} | _family(mentioned, name)
    sides = [post.read(left).expr, post.read(right).expr]
    if None in sides:
        return set()
    try:
        difference = sp.cancel(sp.expand(sp.Add(*schedule_relations((sides[0], -sides[1])))))
    except (TypeError, ValueError, sp.PolynomialError):
        return mentioned
    if difference == 0 or len(difference.free_symbols) > 1:
        return set()  # an identity, or a relation of several things (x = sigma z): it pins no name down
    if not difference.free_symbols:
        return mentioned  # alpha_t + beta_t = 3: no value of theirs can satisfy it
    (name,) = difference.free_symbols
    return set() if not _is_conventional(post, name) or _solved_within(post, difference, line) else mentioned


def _solved_within(post: Post, difference: sp.Expr, line: int) -> bool:
    """``\\log\\sigma = 0``: one name, and a small equation with a root its convention allows."""
    if sp.count_ops(difference) > 30:
        return False
    (name,) = difference.free_symbols
    try:
        roots = sp.solve(difference, name)
    except (NotImplementedError, TypeError, ValueError, sp.PolynomialError):
        return False
    return any(_agrees(post, name, root, line) for root in roots)


def _by_bound(post: Post, left: str, relation: str, right: str, line: int,
              mentioned: set[sp.Symbol]) -> set[sp.Symbol]:
    """A bound voids the conventions of its names if it contradicts them (``\\sigma < 0``, ``1 - \\beta_t < 0``).

    Any other bound (``\\beta_t < 1``, ``\\Sigma_{11} - \\Sigma_{12}^2/\\Sigma_{22} > 0``) leaves room inside
    the convention, where its proofs hold. An unread side says nothing the linter can see.
    """
    small, big = (left, right) if relation in _BELOW else (right, left)
    sides = post.read(small).expr, post.read(big).expr
    if None in sides:
        return set()
    gap = sides[1] - sides[0]  # big - small, stated positive (or nonnegative)
    strict = relation in ("<", ">", r"\lt", r"\gt")
    contradicted = _positive(post, -gap, line) or (strict and sp.expand(gap) == 0)
    return mentioned if contradicted else set()


def _by_law(post: Post, left: str, right: str) -> set[sp.Symbol]:
    """``z \\sim \\mathcal{N}(0, 1)`` agrees for a declared normal; any law voids a positive name."""
    name, standard = _bare(post, left), _is_standard(right)
    if name is not None and not standard:  # epsilon ~ N(0, 2I): no longer the noise of Ho et al.'s step
        post.nonstandard.add(name.name)
    if name is not None and name.name in post.normals and standard:
        return set()
    return _conventional(post, left)


def _is_standard(law: str) -> bool:
    text = _plain(law)
    opening = _STANDARD.match(text)
    if opening is None:
        return False
    inner = text[opening.end():].removesuffix(r"\right)").removesuffix(")")
    return _STANDARD_ARGS.fullmatch(inner) is not None


def is_standard_law(law: str) -> bool:
    """Is ``law`` written as a standard normal (N(0, 1), N(0, I))? Used for a noise's stated law."""
    return _is_standard(law)


# --- reading the names ---------------------------------------------------------------


def _plain(text: str) -> str:
    return re.sub(r"\s+|\\[,;:!]|\\displaystyle", "", text)


def _bare(post: Post, text: str) -> sp.Symbol | None:
    r"""The name ``text`` is, alone or squared (``\sigma``, ``\sigma_t^2``); else None."""
    text = _plain(text)
    power = _POWER.search(text)
    if power is not None:
        text = text[: power.start()]
    found = read_name(text, 0)
    if found is None or found[1] != len(text):
        return None
    symbol = post.read(text).expr
    return symbol if isinstance(symbol, sp.Symbol) else None


def _conventional(post: Post, text: str) -> set[sp.Symbol]:
    """The names of ``text`` that a convention makes positive, below 1, or standard normal."""
    parsed = post.read(text)
    if parsed.expr is not None:
        symbols = set(parsed.expr.free_symbols)
    else:
        symbols = {post.scope.symbol(name) for name in parsed.names}
    return {s for s in symbols if isinstance(s, sp.Symbol) and _is_conventional(post, s)}


def _is_conventional(post: Post, symbol: sp.Symbol) -> bool:
    return bool(symbol.is_positive) or symbol.name in post.normals


def _a_function_label(text: str) -> bool:
    """``g(t)``, ``g'(t)``, ``(g_1 \\star g_2)(x)``, ``q(x_t \\mid x_0)``: a function the row defines."""
    return any(label.match(text) for label in (CALL_LABEL, OPERATOR_LABEL, DENSITY_LABEL, _PRIMED_CALL))


_PRIMED_CALL = re.compile(r"^\s*\\?[A-Za-z]+(?:_\{?[^(){}]*\}?)?(?:\^\{?\\prime+\}?|'+)\s*(?:\\left)?\(.*\)\s*$")


def _family(mentioned: set[sp.Symbol], name: sp.Symbol) -> set[sp.Symbol]:
    return {s for s in mentioned if family_of(s) == family_of(name)}


# --- agreeing with a convention ------------------------------------------------------


def _agrees(post: Post, name: sp.Symbol, value: sp.Expr | None, line: int) -> bool:
    """Does ``name = value`` (or its square) agree with the name's convention?"""
    if value is None:
        return False
    if name.name in post.normals:
        return True  # a declared normal stays one: equality there is in distribution (context)
    if not _positive(post, value, line):
        return False
    return not post.scope.unit_symbols(name) or _positive(post, 1 - value, line) or _a_unit_product(value)


def _positive(post: Post, value: sp.Expr, line: int) -> bool:
    """Is ``value`` provably positive under the conventions, with the post's definitions substituted?

    Each schedule letter (and a product of them) is written as 1/(1 + w) with w > 0, and a time
    step as 1 <= t <= T: agreement is judged on the convention's whole range.
    """
    try:
        value = _convention_form(post, post.substituted((value,), line + 1, passing=True)[0])
        return bool(sp.cancel(value).is_positive)
    except (TypeError, ValueError, sp.PolynomialError):
        return False


def _convention_form(post: Post, value: sp.Expr) -> sp.Expr:
    squares = {e: sp.Dummy(positive=True) for e in value.atoms(Expectation) if _a_real_square(e.args[0])}
    value = value.xreplace(squares)  # E[(x - mu)^2]: a variance, positive
    for product in sorted(value.atoms(sp.Product), key=sp.count_ops):
        if _a_unit_product(product):
            value = value.xreplace({product: _unit()})
    value = value.xreplace({s: _unit() for s in _units(post, value)})
    steps = {s.name: s for s in value.free_symbols if s.name in ("t", "T")}
    if "T" in steps:  # t = 1 + (T - 1) p, 0 < p <= 1
        last = 1 + sp.Dummy(positive=True)
        value = value.xreplace({steps["T"]: last, **({steps["t"]: 1 + (last - 1) * _unit()} if "t" in steps else {})})
    elif "t" in steps:
        value = value.xreplace({steps["t"]: 1 + sp.Dummy(nonnegative=True)})
    return value


def _a_real_square(expr: sp.Expr) -> bool:
    return isinstance(expr, sp.Pow) and expr.exp.is_even is True and expr.base.is_real is True


def _unit() -> sp.Expr:
    return 1 / (1 + sp.Dummy(positive=True))


def _units(post: Post, value: sp.Expr) -> set[sp.Expr]:
    found: set[sp.Expr] = set(post.scope.unit_symbols(value))
    found |= {term for term in value.atoms(sp.Indexed) if str(term.base.label).startswith(("alpha", "beta"))
              and post.scope.diffusion}
    return found


def _a_unit_product(value: sp.Expr) -> bool:
    r"""``\prod_s \alpha_s`` or ``\prod_s (1 - \beta_s)``: a product of schedule letters, in (0, 1]."""
    if not isinstance(value, sp.Product):
        return False
    term, complement = value.function, sp.expand(1 - value.function)
    if isinstance(term, sp.Indexed) and str(term.base.label) == "alpha":
        return True
    return isinstance(complement, sp.Indexed) and str(complement.base.label) == "beta"
