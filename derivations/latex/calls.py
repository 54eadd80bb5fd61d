r"""The meaning of calls, integrals, sums and expectations in a row of LaTeX.

* ``\mathcal{N}(x; \mu, \sigma^2)`` (or ``(x \mid \mu, \sigma^2)``) is the Gaussian density at
  ``x``; ``\mathcal{N}(\mu, \sigma^2)`` is a distribution (in a KL, after ``\sim``), not a value,
  and a covariance ``\sigma^2\mathbf{I}`` in it is isotropic, read per coordinate as ``\sigma^2``.
  The density of a vector (a bold outcome, or an identity in the covariance) is one number for all
  d coordinates, :math:`(2\pi\sigma^2)^{-d/2} \cdots`: the reading does not know d, so it is opaque,
  equal only to itself;
* ``p(x \mid z)``, ``q_\phi(z \mid x)``, ``p_\theta(\mathbf{x}_{0:T})``: densities, opaque
  (:class:`~derivations.engine.probability.Density`), equal only to themselves;
* ``f(x)`` with ``f`` defined by the post is its definition; an undefined ``f``, ``g``, ``h``
  or a learned ``\mu_\theta(\mathbf{x}_t, t)`` is an opaque function of its arguments;
* ``\Gamma(z)`` is the gamma function; ``\Phi`` and other Greek calls are opaque;
* ``\int_a^b f\,dx`` (no limits: the whole line), ``\sum_{i=1}^{n}`` and ``\prod`` with an
  integer index; written with numbers as limits they are summed out, an empty range (upper
  below lower) being an empty sum (0) or product (1), as written, whatever SymPy's
  convention for reversed limits;
* ``\mathbb{E}_{x \sim \mathcal{N}(\mu, \sigma^2)}[f]`` is the Gaussian expectation (an
  integral the engine evaluates); under any other distribution an expectation is opaque.
"""

from __future__ import annotations

import re

import sympy as sp
from lark import Tree

from derivations.engine import probability
from derivations.engine.densities import NormalPDF
from derivations.engine.expectation import expectation as gaussian_expectation
from derivations.engine.linearity import linear_expectation
from derivations.engine.probability import Density
from derivations.latex.lexer import Tok, UnreadError
from derivations.latex.matrix_names import declared_families, is_vector_name
from derivations.latex.names import Name, read_name
from derivations.latex.product_laws import independent_factors
from derivations.latex.ranges import WRITTEN_OUT, as_written, inner_ranges_never_reversed
from derivations.latex.vector_densities import BOLD_VECTOR, VECTOR_NORMAL

#: Letters whose calls are densities (p(x | z)) rather than functions.
DENSITY_LETTERS = frozenset("pqPQ")


def call(builder, name: Name, arguments: Tree) -> sp.Expr:
    """The value of the call ``name(arguments)``."""
    kind = arguments.data
    groups = [[v for v in g.children if isinstance(v, Tree)] for g in arguments.children if isinstance(g, Tree)]
    if name.base == "N" and name.style == "cal":
        return _gaussian(builder, kind, groups)
    if kind == "parameters" and name.base in DENSITY_LETTERS:  # p(x; theta) is a density of x alone, not p(x, theta)
        raise UnreadError(f"{name.sympy_name}(... ; ...): parameters after a semicolon")
    if kind == "parameters":  # f(x; mu): a function of x and of its parameters
        groups = [groups[0] + groups[1]]
    values = [builder.build(v) for v in groups[0]]
    given = [builder.build(v) for v in groups[1]] if kind == "given" else []
    function = builder.scope.functions.get(name.key)
    if isinstance(function, DefinedFunction) and not given:
        function = function.at(values)
    if function is not None:
        if given:
            raise UnreadError(f"{name.sympy_name} is defined as a function, not a density")
        try:
            value = function(*values)
        except TypeError:
            raise UnreadError(f"{name.sympy_name} is called with a different number of arguments") from None
        builder.divisors += function.divisors_at(*values) if isinstance(function, DefinedFunction) else []
        for symbol in value.free_symbols:  # the definition's own names come with it
            builder.symbols[("defined", symbol.name)] = symbol
        if any(not v.free_symbols <= value.free_symbols for v in values):  # SNR(t) = alphabar_t/(1 - alphabar_t)
            builder.cancelled = True  # t is taken by the definition, not lost
        return value
    if name.base == "Gamma" and not given and len(values) == 1:
        return sp.gamma(values[0])
    density = name.base in DENSITY_LETTERS and not name.accent and not name.mark  # p'(x) is no density
    # a family the post also relates to plain values (q(x) = Quantize(x)) is a density where a bar conditions it
    if density and builder.scope.densities and (given or name.sympy_name not in builder.scope.plain_functions):
        return Density(sp.Symbol(name.sympy_name), sp.Tuple(*values), sp.Tuple(*given))
    if given:
        raise UnreadError(f"{name.sympy_name}(... | ...): a conditional of something that is not a density")
    return opaque(name.sympy_name)(*values)


def _gaussian(builder, kind: str, groups: list[list[Tree]]) -> sp.Expr:
    from derivations.latex.reader import GaussianLaw

    if kind in ("parameters", "given"):
        outcome, parameters = groups[0], groups[1]
        if len(outcome) != 1 or len(parameters) != 2:
            raise UnreadError(r"\mathcal{N}(x; mean, variance) with one x, one mean and one variance")
        if _holds_vector(outcome[0]) or _holds_identity(parameters[1]):  # its normaliser has the power d/2
            return opaque(VECTOR_NORMAL)(builder.build(outcome[0]), builder.build(parameters[0]),
                                      _variance(builder, parameters[1]))
        return NormalPDF(builder.build(outcome[0]), builder.build(parameters[0]), _variance(builder, parameters[1]))
    values = groups[0]
    if len(values) != 2:
        raise UnreadError(r"\mathcal{N}(mean, variance) needs two arguments")
    return GaussianLaw(builder.build(values[0]), _variance(builder, values[1]))


def _variance(builder, node: Tree) -> sp.Expr:
    r"""A covariance ``v``, ``v\mathbf{I}`` or ``\mathbf{I}``: the variance of each coordinate."""
    if _is_identity(node):
        return sp.S.One
    if node.data in ("juxt", "mul") and _is_identity(node.children[-1]):
        return builder.build(node.children[0])
    if node.data in ("juxt", "mul") and _is_identity(node.children[0]):  # I\sigma^2, as some posts write it
        return builder.build(node.children[-1])
    if node.data == "paren":
        return _variance(builder, node.children[1])
    return builder.build(node)


def _holds_vector(node: Tree) -> bool:
    return any(isinstance(t.info, Name) and is_vector_name(t.info) for t in node.scan_values(
        lambda v: isinstance(v, Tok) and v.type == "NAME"))


def _holds_identity(node: Tree) -> bool:
    return _is_identity(node) or any(_is_identity(child) for child in node.iter_subtrees())


def _is_identity(node) -> bool:
    if not (isinstance(node, Tree) and node.data == "name"):
        return False
    name: Name = node.children[0].info
    # in a covariance, I is the identity however it is set: \mathbf{I}, \mathbb{I}, \boldsymbol{I} or plain
    return name.base == "I" and not name.sub and not name.accent and name.style in ("", "bold", "rm", "bb")


class DefinedFunction:
    r"""A function the post defines (``g(u) = u^2/u``): its body at the arguments, and what the body divides by
    as written (SymPy cancelled it; :mod:`derivations.lint.zero_divisors` checks it at the arguments).

    An ``exact`` one names a value at its own parameters only: ``\mu_\theta(x_t, t) = ... \alpha_t ...`` does not
    say what :math:`\mu_\theta(x_{t-1}, t - 1)` is (its body's :math:`\alpha_t` would not move with t), and
    :math:`\tilde\mu_t(x_t, \epsilon)` is, in the posts that write it, another formula, not the body at
    :math:`x_0 = \epsilon`. At other arguments it is an unknown value, or what ``other`` defines there (:meth:`at`).
    """

    def __init__(self, parameters: list[sp.Symbol], body: sp.Expr, divisors: tuple[sp.Expr, ...] = (),
                 tex: str = "", *, exact: bool = False, other: DefinedFunction | None = None) -> None:
        self.parameters, self.body, self.divisors, self.tex = parameters, body, divisors, tex  # tex: the body read
        self.exact, self.other = exact, other  # other: an exact definition of the name at other parameters

    def at(self, args: list[sp.Expr]) -> DefinedFunction | None:
        """The definition that says what the function is at ``args`` (None: there it is an unknown value)."""
        if not self.exact or list(args) == list(self.parameters):
            return self
        return self.other.at(args) if self.other is not None else None

    def __call__(self, *args: sp.Expr) -> sp.Expr:
        bound = {v for node in self.body.atoms(sp.Integral, sp.Sum, sp.Product, sp.Derivative) for v in node.variables}
        if any(arg.free_symbols & bound for arg in args):  # f(s) = \int s t dt at s = t: t would be captured
            raise UnreadError("a function's argument is a variable its body integrates, sums or differentiates in")
        return self.body.xreplace(dict(zip(self.parameters, args, strict=True)))

    def divisors_at(self, *args: sp.Expr) -> list[sp.Expr]:
        return [d.xreplace(dict(zip(self.parameters, args, strict=True))) for d in self.divisors]


def integral(builder, head: Tok, body: Tree, differential: Tok) -> sp.Expr:
    r"""``\int_a^b f\,dx``; without limits, over the whole real line."""
    low, high = _limits(builder, head.info)
    key, variable = differential.info.key, builder.scope.symbol(differential.info)
    if isinstance(variable, sp.Symbol) and variable.is_positive:  # d\sigma: over the limits, not sigma's convention
        variable = sp.Symbol(variable.name, real=True)
    builder.symbols[key], builder.named[key] = variable, differential.info
    outer, builder.scope.variables[key] = builder.scope.variables.get(key), variable
    try:
        value = builder.build(body)
    finally:
        if outer is None:
            builder.scope.variables.pop(key)
        else:
            builder.scope.variables[key] = outer
    if is_vector_name(differential.info):
        _only_in_densities(value, variable)
    _not_in_a_subscript(value, variable)
    return sp.Integral(value, (variable, low, high))


def _only_in_densities(body: sp.Expr, variable: sp.Expr) -> None:
    r"""Over a vector (``d\mathbf{x}``, or :math:`\mathbb{E}_{\boldsymbol\epsilon \sim \cdots}`) the integral is over
    :math:`\mathbb{R}^d`: :math:`\int e^{-\mathbf{x}^2/2} d\mathbf{x} = (2\pi)^{d/2}`, not the integral of one
    coordinate. Only a body in which the variable stands inside densities (opaque, never integrated out) is read."""
    opaque = {f: sp.Dummy() for f in body.atoms(sp.Function) if isinstance(f, Density | probability.Opaque)}
    if variable in body.xreplace(opaque).free_symbols:
        raise UnreadError(r"an integral or expectation over a vector of an explicit function: over R^d, and d is "
                          "not read")


def _no_name_set_by(builder, body: sp.Expr, variable: sp.Symbol) -> None:
    """``y = 2x`` in the post: under an expectation over x, y is random, not a number the Gaussian rule takes out."""
    names, seen = {s.name for s in body.free_symbols} - {variable.name}, set()
    while names:  # y = 2u, u = x: through every value the post sets
        name = names.pop()
        seen.add(name)
        value = builder.scope.set_to.get(name, frozenset())
        if variable.name in value:
            raise UnreadError(f"{name} is set to a value of {variable.name}, the variable of the expectation")
        names |= value - seen


def _not_in_a_subscript(body: sp.Expr, variable: sp.Expr) -> None:
    r"""``\mathbb{E}_{\theta \sim q}[p_\theta(x)]``: the variable in the subscript of a name (read as one symbol,
    ``p_theta``) would be missed by the rules; such a body is unread."""
    names = {str(s) for s in body.free_symbols} | {str(d.family) for d in body.atoms(Density)}
    for symbol in variable.free_symbols if isinstance(variable, sp.Expr) else ():
        pattern = rf"_(?:.*[^A-Za-z])?{re.escape(symbol.name)}(?![A-Za-z])"
        if any(name != symbol.name and re.search(pattern, name) for name in names):
            raise UnreadError(f"{symbol.name} in the subscript of a name it is the variable of: a function of it")


def _limits(builder, scripts: dict) -> tuple[sp.Expr, sp.Expr]:
    if not scripts:
        return -sp.oo, sp.oo
    if "_" not in scripts or "^" not in scripts:
        raise UnreadError("an integral with one limit only")
    return _side(builder, scripts["_"]), _side(builder, scripts["^"])


def _side(builder, text: str) -> sp.Expr:
    from derivations.latex.reader import read

    parsed = read(text, builder.scope, guard=False)
    if parsed.expr is None:
        raise UnreadError(f"a limit that is not read ({parsed.reason})")
    for symbol in parsed.expr.free_symbols:
        builder.symbols[("limit", str(symbol))] = symbol
    for symbol, name in parsed.idents.items():  # the names of a limit are the side's names too (a jump to mu)
        builder.symbols.setdefault(name.key, symbol)
        builder.named.setdefault(name.key, name)
    return parsed.expr


def indexed(builder, kind: type, head: Tok, body: Tree) -> sp.Expr:
    r"""``\sum_{i=1}^{n} body`` or ``\prod``: an integer index, its limits, the body read with it."""
    scripts = head.info or {}
    match = re.fullmatch(r"\s*(.+?)\s*=\s*(.+?)\s*", scripts.get("_", ""))
    if match is None or "^" not in scripts:
        raise UnreadError(r"a sum or product without 'index = start' below and an end above")
    found = read_name(match.group(1), 0)
    if found is None or found[1] != len(match.group(1)):
        raise UnreadError("the index of a sum or product is not one name")
    index_name = found[0]
    low, high = _side(builder, match.group(2)), _side(builder, scripts["^"])
    index = builder.scope.index(index_name)
    builder.scope.integers[index_name.key] = index
    try:
        value = builder.build(body)
    finally:
        builder.scope.integers.pop(index_name.key, None)
    builder.symbols[index_name.key], builder.named[index_name.key] = index, index_name
    builder.bound.add(index)
    if any(limit.is_number and not limit.is_Integer for limit in (low, high)):  # \sum_{k=1}^{5/2}: no such count
        raise UnreadError("a sum or product whose limit is a number that is not an integer")
    inner_ranges_never_reversed(value, index, low, high)
    families = declared_families(builder.scope.matrix_names)
    if kind is sp.Product and any(str(t.base.label) in families for t in value.atoms(sp.Indexed)):
        raise UnreadError("a product of matrices the post declares: its order is not a number's")
    if (high - low).is_Integer and high - low < 0:  # \sum_{k=n}^{n-2}: empty as written, whatever Karr says
        return sp.S.Zero if kind is sp.Sum else sp.S.One
    if low.is_Integer and high.is_Integer and high - low < WRITTEN_OUT:
        return as_written(kind(value, (index, low, high))).doit()  # an inner range emptied as written, not by Karr
    return kind(value, (index, low, high))



class Opaque(probability.Opaque):
    """An undefined function of the post (``f``, ``\\mu_\\theta``, ``Var``): real, equal only to itself."""

    def _eval_is_real(self) -> bool:
        return True

    def _latex(self, printer) -> str:
        head = printer._print(sp.Symbol(type(self).__name__))
        return rf"{head}\left({', '.join(printer._print(a) for a in self.args)}\right)"


def opaque(name: str) -> type[Opaque]:
    """The opaque function called ``name`` (one class a name, so two reads of it are equal)."""
    if name not in _OPAQUE:
        _OPAQUE[name] = type(name, (Opaque,), {"__module__": __name__})
    return _OPAQUE[name]


_OPAQUE: dict[str, type[Opaque]] = {}


def unknown_call(value: sp.Basic) -> bool:
    r"""Is ``value`` a call of a function nothing defines (``f(x)``, ``\mu_\theta(x_t, t)``, read opaque)?"""
    kind = type(value)
    return _OPAQUE.get(kind.__name__) is kind and kind.__name__ != VECTOR_NORMAL


def expectation(builder, head: Tok, body: sp.Expr) -> sp.Expr:
    r"""``\mathbb{E}_{sub}[body]``: a Gaussian expectation the engine can evaluate, else opaque."""
    text = (head.info or {}).get("_")
    if text is None:
        return expected(builder, body, sp.Symbol("P"))
    parts = re.split(r"\\sim(?![A-Za-z])", text)
    if len(parts) == 2:
        variable = _side(builder, parts[0])
        if isinstance(variable, sp.Symbol) and variable.is_positive:  # read in the body with sigma's convention
            raise UnreadError(f"the variable of an expectation, {variable}, has a positive convention")
        law = distribution_text(builder, parts[1])
        from derivations.latex.reader import GaussianLaw

        if BOLD_VECTOR.search(parts[0]):  # E over a vector: over R^d
            _only_in_densities(body, variable)
        _not_in_a_subscript(body, variable)
        if isinstance(law, Density) and variable in law.conditions:  # E_{x ~ q(z | x)}: x is fixed there
            raise UnreadError("the variable of an expectation is what its law conditions on")
        if isinstance(law, GaussianLaw) and isinstance(variable, sp.Symbol) and variable.is_real:
            _no_name_set_by(builder, body, variable)
            return gaussian_expectation(body, variable, *law.args)
        if isinstance(law, sp.Symbol) and law.name in builder.scope.laws and isinstance(variable, sp.Symbol):
            return _under_a_named_law(builder, body, law.name, variable)  # x ~ P, P(x) = N(x; m, v)
        if isinstance(law, sp.Symbol):  # x ~ q: the density q(x), so that E_{x ~ q} and E_{y ~ q} differ
            law = Density(law, sp.Tuple(variable), sp.Tuple())
        return expected(builder, body, law)
    law = distribution_text(builder, text)
    densities = [d for d in sp.Mul.make_args(law) if isinstance(d, Density)]  # a product law's factors too
    if any(getattr(o, "is_positive", False) for d in densities for o in d.outcomes):
        raise UnreadError("the variable of an expectation has a positive convention")  # E_{q(sigma)}[sqrt(sigma^2)]
    named = _named_law(builder, law)
    if named is not None:  # E_P, E_{P(x)} with P(x) = N(x; m, v) defined: the Gaussian's expectation
        return _under_a_named_law(builder, body, *named)
    for factor in reversed(independent_factors(law) or (law,)):  # E_{q(z) q(w)}: E_{q(z)}[E_{q(w)}[...]]
        body = expected(builder, body, factor)
    return body


def _named_law(builder, law: sp.Expr) -> tuple[str, sp.Symbol] | None:
    """``P`` or ``P(x)`` (one outcome, no condition) when the post names P's normal law: (P, its variable)."""
    if isinstance(law, sp.Symbol) and law.name in builder.scope.laws:
        return law.name, builder.scope.laws[law.name][0]
    if isinstance(law, Density) and str(law.family) in builder.scope.laws and not law.conditions and len(
            law.outcomes) == 1 and isinstance(law.outcomes[0], sp.Symbol):
        return str(law.family), law.outcomes[0]
    return None


def _under_a_named_law(builder, body: sp.Expr, name: str, variable: sp.Symbol) -> sp.Expr:
    r""":math:`\mathbb{E}_{x \sim P}[\text{body}]` for the post's ``P(x) = \mathcal{N}(x; m, v)``: the law is P's
    whatever its variable is called; every other name of the body is a number (P is a law of one variable)."""
    _, mean, variance = builder.scope.laws[name]
    if variable.is_positive or not variable.is_real:
        raise UnreadError(f"the variable of an expectation, {variable}, has a positive convention")
    _not_in_a_subscript(body, variable)
    _no_name_set_by(builder, body, variable)
    for symbol in (mean + variance).free_symbols:  # the law's own names come with it, as a function's do
        builder.symbols[("defined", symbol.name)] = symbol
    return gaussian_expectation(body, variable, mean, variance)


def expected(builder, body: sp.Expr, law: sp.Expr) -> sp.Expr:
    """The expectation of ``body`` under ``law`` by linearity; E[c] = c drops the law's names, as x - x drops x."""
    value = linear_expectation(body, law)
    if not any(e.args[1] == law for e in value.atoms(probability.Expectation)):
        builder.cancelled = True
    return value


def distribution_text(builder, text: str) -> sp.Expr:
    """A distribution written in a subscript: a density, a Gaussian law, or a bare name (``q``)."""
    from derivations.latex.grammar import parse_tokens
    from derivations.latex.lexer import lex
    from derivations.latex.reader import GaussianLaw

    bare = read_name(text.strip(), 0)
    if bare is not None and bare[1] == len(text.strip()):
        return sp.Symbol(bare[0].sympy_name)
    value = builder.build(parse_tokens(lex(text, functions=frozenset(builder.scope.functions)).tokens))
    if not isinstance(value, (Density, GaussianLaw)) and independent_factors(value) is None:
        raise UnreadError("a subscript of an expectation that is not a distribution")
    return value


def distribution(builder, node: Tree) -> sp.Expr:
    """An argument of a KL divergence: a density, a Gaussian law, or a bare name."""
    from derivations.latex.reader import GaussianLaw

    if node.data == "name":
        name: Name = node.children[0].info
        return sp.Symbol(name.sympy_name)
    value = builder.build(node)
    if not isinstance(value, (Density, GaussianLaw, NormalPDF)):
        raise UnreadError("an argument of a KL divergence that is not a distribution")
    if isinstance(value, (GaussianLaw, NormalPDF)) and _vectors_in(node):  # the KL of d coordinates: d times one
        raise UnreadError(r"a KL divergence of d-dimensional normals (a vector, \mathbf{I}): the dimension is not read")
    return value


def _vectors_in(node: Tree) -> bool:
    """Does the tree name a vector or the identity (a bold name)?"""
    names = [t.info for t in node.scan_values(lambda v: isinstance(getattr(v, "info", None), Name))]
    return any(name.is_bold or (name.base == "I" and name.style in ("bold", "bb")) for name in names)
