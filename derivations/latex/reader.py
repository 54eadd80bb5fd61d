r"""Read one side of a row of LaTeX into SymPy, or say why it stays unread.

The pipeline: :mod:`~derivations.latex.lexer` (tokens), :mod:`~derivations.latex.grammar` (a parse tree), then
:class:`_Builder` here (the meaning, with the post's :class:`~derivations.latex.scope.Scope`). Two guards then
reject a reading that may be a misreading: every name of the row must be a symbol of the expression (none lost,
none invented), and the expression printed back to LaTeX must read back as itself. A row that fails, or uses a
construct the reader does not know, is *unread*: never proved, never refuted. Nothing in a row is ever executed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy as sp
from lark import Tree
from lark.exceptions import LarkError

from derivations.engine.linearity import kl_by_definition
from derivations.engine.probability import Density, Divergence
from derivations.latex import matrix_reading as mr
from derivations.latex.calls import expected
from derivations.latex.coordinates import refuse_vector_power, refuse_vector_product
from derivations.latex.families import FAMILIES, assumptions_of
from derivations.latex.grammar import parse_tokens
from derivations.latex.guards import CONST, leaked_from_a_body, misread
from derivations.latex.lexer import Tok, UnreadError, lex
from derivations.latex.matrix_names import commuted_matrices, is_vector_name, refuse_commuted, shows_matrices
from derivations.latex.names import Name
from derivations.latex.norms import EuclideanNorm, Norm, norm_of
from derivations.latex.reading_cache import remembered
from derivations.latex.scope import Scope

#: Exact powers of numbers larger than this (in bits) are not computed: the row stays unread.
MAX_POWER_BITS = 10_000
FUNCTIONS = {"exp": sp.exp, "log": sp.log, "ln": sp.log, "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "erf": sp.erf}


class GaussianLaw(sp.Function):
    r"""``\mathcal{N}(\mu, \sigma^2)`` written as a distribution (in a KL, after ``\sim``), not a density value."""

    nargs = 2

    def _latex(self, printer) -> str:
        mean, variance = (printer._print(a) for a in self.args)
        return rf"\mathcal{{N}}\left({mean}, {variance}\right)"


@dataclass(frozen=True)
class Parsed:
    """A side of a row read: the expression, or the reason it is unread, and the names met."""

    expr: sp.Expr | None
    reason: str = ""
    names: tuple[Name, ...] = ()
    idents: dict = field(default_factory=dict)  # symbol -> Name, for the symbols read from names
    tex: str = ""  # what was read: lint.context reads it again with other assumptions
    divisors: tuple[sp.Expr, ...] = ()  # what must not vanish as written: x of x^2/x (SymPy cancels it), log's argument


@remembered
def read(tex: str, scope: Scope, *, guard: bool = True) -> Parsed:
    """Read ``tex`` (one side of a row) with the post's ``scope``.

    >>> read(r"\\sqrt{\\bar\\alpha_t}\\mathbf{x}_0", Scope(diffusion=True)).expr
    sqrt(alphabar_t)*x_0
    """
    if not tex.strip():
        return Parsed(None, "empty")
    try:
        lexed = lex(tex, functions=frozenset(scope.functions))
        tree = parse_tokens(lexed.tokens)
        leaked_from_a_body(tree)
        shapes = None
        numbers = scope.shapes.numbers_in(lexed.tokens) if scope.shapes else frozenset()
        if shows_matrices(lexed.tokens, numbers):  # with matrices
            if scope.shapes is None:
                raise UnreadError("matrices are read in a post or a check, whose sides tie their shapes")
            shapes = scope.shapes.solve(tree, tex, numbers)
        builder = _Builder(scope, shapes)
        builder.vectors = any(is_vector_name(name) for name in lexed.names)  # the side holds a vector
        expr = builder.build(tree)
        expr = mr.number(expr) if mr.is_matrix(expr) and expr.shape == (1, 1) else expr
    except UnreadError as error:
        return Parsed(None, str(error))
    except LarkError:
        return Parsed(None, "the grammar does not read this row")
    except (TypeError, ValueError, ArithmeticError, RecursionError, NotImplementedError) as error:
        return Parsed(None, f"cannot build it ({type(error).__name__})")
    if not isinstance(expr, sp.Expr) or isinstance(expr, GaussianLaw):
        return Parsed(None, "not a value (a distribution, or a relation)")
    idents = {builder.symbols[key]: name for key, name in builder.named.items() if key in builder.symbols}
    idents.update({term.base.label: FAMILIES[term.base] for term in expr.atoms(sp.Indexed) if term.base in FAMILIES})
    parsed = Parsed(expr, "", tuple(lexed.names), idents, tex, tuple(builder.divisors))
    commuted = commuted_matrices(expr, idents, capitals=scope.matrix_capitals, declared=scope.matrix_names)
    if commuted:
        return Parsed(None, commuted, tuple(lexed.names))
    if guard:
        made = set(builder.symbols.values()) - builder.bound
        reason = misread(parsed, made, builder.bound, builder.cancelled, lambda text: read(text, scope, guard=False))
        if reason:
            return Parsed(None, reason, tuple(lexed.names))
    return parsed


class _Builder:
    """Builds SymPy from a parse tree with the post's scope; raises UnreadError on what it will not read."""

    def __init__(self, scope: Scope, shapes=None) -> None:
        self.scope, self.shapes = scope, shapes  # shapes: the side's matrix shapes (None: read per coordinate)
        self.symbols: dict[tuple, sp.Symbol] = {}
        self.named: dict[tuple, Name] = {}
        self.bound: set[sp.Symbol] = set()  # indices of sums and products (summed out when their limits are numbers)
        self.cancelled = False
        self.divisors: list[sp.Expr] = []
        self.vectors = False  # does the side hold a bold vector (then two plain capitals are not multiplied)

    def build(self, node: Tree | Tok) -> sp.Expr:
        if isinstance(node, Tok):
            raise UnreadError(f"unexpected {node.type}")
        method = getattr(self, f"_{node.data}", None)
        if method is None:
            raise UnreadError(f"{node.data} is not read")
        return method(*node.children)

    def parts(self, *nodes) -> list[sp.Expr]:
        return [self.build(n) for n in nodes if isinstance(n, Tree)]

    # --- numbers and names ---------------------------------------------------------

    def _number(self, tok: Tok) -> sp.Expr:
        return sp.Rational(str(tok))

    def _pi(self, tok: Tok) -> sp.Expr:
        return sp.pi

    def _infty(self, tok: Tok) -> sp.Expr:
        return sp.oo

    def _const(self, tok: Tok) -> sp.Expr:
        return CONST

    def _zero(self, tok: Tok) -> sp.Expr:
        return mr.zero(self.shapes, tok)

    def _name(self, tok: Tok) -> sp.Expr:
        name: Name = tok.info
        value = mr.matrix_name(self.shapes, tok) if self.shapes is not None else None
        if value is not None:
            if not isinstance(value, sp.Identity):
                self.symbols[name.key], self.named[name.key] = value, name
            return value
        if name.base == "I" and name.style in ("bold", "bb"):
            raise UnreadError(r"the identity matrix \mathbf{I} outside a covariance")
        indexed = self._indexed(name)
        if indexed is not None:
            return indexed
        value = self.scope.symbol(name)
        if isinstance(value, sp.Symbol):
            self.symbols[name.key] = value
            self.named[name.key] = name
        return value

    def _indexed(self, name: Name) -> sp.Expr | None:
        """``\\alpha_i`` inside a sum or product over ``i``: the term of a family at that index."""
        if not self.scope.integers or not (name.sub or name.mark):
            return None
        indices = {index.name: index for index in self.scope.integers.values()}
        runs = re.findall(r"[A-Za-z]+", f"{name.sub} {name.mark}")
        if any(i in run and (run != i or run in name.mark) and len(run) <= 3 for run in runs for i in indices):
            raise UnreadError(f"{name.sympy_name}: a term with two indices (x_{{ij}}) or a sample (y^{{(j)}})")
        if not name.sub:
            return None
        if not any(re.search(rf"(?<![A-Za-z]){re.escape(i)}(?![A-Za-z])", name.sub) for i in indices):
            return None
        from derivations.engine.syntax import parse_sympy_expr

        try:
            position = parse_sympy_expr(name.sub, fixed=indices)
        except Exception:  # noqa: BLE001 - a subscript that is no expression of the index: not read
            raise UnreadError(f"the subscript {name.sub!r} of a term of a sum") from None
        family = Name(name.base, name.accent, name.style, "", name.mark)
        base = sp.IndexedBase(family.sympy_name, **assumptions_of(self.scope.symbol(Name(name.base, name.accent,
                                                                                         name.style, "t"))))
        FAMILIES[base] = family
        return base[position]

    # --- arithmetic ------------------------------------------------------------------

    def _paren(self, _open, inner, _close) -> sp.Expr:
        return self.build(inner)

    def track(self, result: sp.Expr, *parts: sp.Expr) -> sp.Expr:
        """``result`` of combining ``parts``; notes when a name cancelled away (``x - x``, ``a/a``, ``0 x``)."""
        self.cancelled |= _cancels(result, *parts)
        return result

    def _add(self, left, _op, right) -> sp.Expr:
        a, b = self.build(left), self.build(right)
        return self.track(mr.add(a, b), a, b)

    def _sub(self, left, _op, right) -> sp.Expr:
        a, b = self.build(left), self.build(right)
        return self.track(mr.add(a, -b), a, b)

    def _plus_minus(self, *_) -> sp.Expr:
        raise UnreadError(r"\pm: two values, not one")

    def _neg(self, _op, inner) -> sp.Expr:
        return -self.build(inner)

    def _pos(self, _op, inner) -> sp.Expr:
        return self.build(inner)

    def _mul(self, left, op, right) -> sp.Expr:
        _factor_after_a_derivative(left)
        if self.shapes is None:  # per coordinate; x \cdot y of vectors is a dot product in any post
            dot = op is not None and str(op) == "cdot"
            refuse_vector_product(left, right, vectors=dot or self._columns(), capitals=self.vectors)
        a, b = self.build(left), self.build(right)
        refuse_commuted(self, a, b)
        return self.track(mr.multiply(a, b), a, b)

    def _columns(self) -> bool:
        return self.scope.shapes is not None and self.scope.shapes.has_columns()

    def _juxt(self, left, right) -> sp.Expr:
        if isinstance(left, Tree) and left.data == "function_bare":
            raise UnreadError(r"the argument of a function without parentheses is unclear (\log x y)")
        if isinstance(left, Tree) and left.data == "div":
            raise UnreadError("a/bc: is it a/(bc) or (a/b)c? (write \\frac or parentheses)")
        return self._mul(left, None, right)

    def _div(self, left, _op, right) -> sp.Expr:
        _factor_after_a_derivative(left)
        return self._frac(None, left, right)

    def _frac(self, _frac, top, bottom) -> sp.Expr:
        if self.shapes is None:
            refuse_vector_product(top, bottom, vectors=self._columns(), capitals=False, quotient=True)
        a, b = self.build(top), self.build(bottom)
        refuse_commuted(self, a, b)
        self.divisors += [] if mr.is_matrix(b) else [b]
        return self.track(mr.divide(a, b), a, b)

    def _pow(self, base, _caret, exponent) -> sp.Expr:
        if isinstance(base, Tree) and base.data == "function_bare":  # \sin x^2: sin(x^2) to most readers
            raise UnreadError(r"a power after a function's bare argument (\log x^2): of the argument or the value?")
        if self.shapes is None:
            refuse_vector_power(base, exponent, vectors=self._columns())
        b, e = self.build(base), self.build(exponent)
        if b.is_Rational and e.is_Rational:
            bits = abs(float(e)) * max(abs(b.p).bit_length(), abs(b.q).bit_length())
            if bits > MAX_POWER_BITS:
                raise UnreadError("a power too large to compute exactly")
        self.divisors += [b] if e.is_number and e.is_negative and not mr.is_matrix(b) else []
        return self.track(sp.exp(mr.number(e)) if b == sp.E else mr.power(b, e), b, e)

    def _transpose(self, base, _tok) -> sp.Expr:
        return mr.transpose(self.build(base))

    def _matrix(self, _begin, cells, _end) -> sp.Expr:
        rows = [[c for c in row.children if isinstance(c, Tree)] for row in cells.children if isinstance(row, Tree)]
        return mr.block_matrix([[self.build(c) for c in row] for row in rows])

    def _factorial(self, inner, _bang) -> sp.Expr:
        value = self.build(inner)
        if value.is_Integer and value > 1000:
            raise UnreadError("a factorial too large to compute exactly")
        return sp.factorial(value)

    def _sqrt(self, _sqrt, inner) -> sp.Expr:
        return sp.sqrt(mr.number(self.build(inner)))

    def _root(self, _sqrt, _open, index, _close, inner) -> sp.Expr:
        n = self.build(index)
        if not (n.is_Integer and n > 1):
            raise UnreadError(r"\sqrt[n] with an n that is not a whole number above 1")
        value = mr.number(self.build(inner))
        if n % 2 and isinstance(value, sp.Pow) and value.exp == n and value.base.is_real:
            return value.base  # the real n-th root of y^n is y for odd n
        return sp.real_root(value, n) if n % 2 else value ** sp.Rational(1, n)

    def _abs(self, _open, inner, _close) -> sp.Expr:
        return mr.absolute(self.build(inner))

    def _norm(self, _open, inner, close) -> sp.Expr:
        value = self.build(inner)
        scalar_names = not (self.scope.matrix_capitals or self.scope.matrix_names)
        return mr.norm(value) or norm_of(value, EuclideanNorm if close.info == "2" else Norm, scalar_names)

    # --- functions -------------------------------------------------------------------

    def _function(self, func, _open, inner, _close) -> sp.Expr:
        return mr.apply(str(func), self.noted(str(func), self.build(inner)), FUNCTIONS)

    def noted(self, func: str, argument: sp.Expr) -> sp.Expr:
        self.divisors += {"log": [argument], "ln": [argument], "tan": [sp.cos(argument)]}.get(func, [])  # log 0
        return argument

    def _function_power(self, func, _caret, power, *argument) -> sp.Expr:  # (x), or {(x)} as SymPy prints it
        if str(func) in ("log", "ln", "det", "tr"):
            raise UnreadError(rf"\{func}^n: a power of the value, or an iterated {func}?")
        exponent = self.build(power)
        if not (exponent.is_Integer and exponent > 0):  # \sin^{-1} x is arcsin x, not 1/sin x
            raise UnreadError(rf"\{func}^{{{exponent}}}: an inverse function or a power?")
        return FUNCTIONS[str(func)](mr.number(self.build(next(n for n in argument if isinstance(n, Tree))))) ** exponent

    def _function_bare(self, func, argument) -> sp.Expr:
        return mr.apply(str(func), self.noted(str(func), self.build(argument)), FUNCTIONS)

    def _call(self, head, _open, arguments, _close) -> sp.Expr:
        from derivations.latex.calls import call  # the meaning of calls: densities, functions

        name = Name(str(head), style="rm") if head.type == "WORD" else head.info  # SNR(t): a function of the post
        return call(self, name, arguments)

    # --- integrals, sums, operators --------------------------------------------------------

    def _integral(self, head, body, differential) -> sp.Expr:
        from derivations.latex.calls import integral

        return integral(self, head, body, differential)

    def _sum_over(self, head, body) -> sp.Expr:
        from derivations.latex.calls import indexed

        return indexed(self, sp.Sum, head, body)

    def _product_over(self, head, body) -> sp.Expr:
        from derivations.latex.calls import indexed

        return indexed(self, sp.Product, head, body)

    def _expectation(self, head, _open, body, _close) -> sp.Expr:
        from derivations.latex.calls import expectation

        return expectation(self, head, self.build(body))

    def _expectation_bare(self, head, body) -> sp.Expr:  # E_{z ~ q} log p(x | z): to the next + or -
        if not (head.info or {}).get("_"):
            raise UnreadError(r"an expectation with no brackets and no subscript")
        return self._expectation(head, None, body, None)

    def _conditional_expectation(self, head, _open, body, _given, values, _close) -> sp.Expr:
        condition = tuple(self.parts(*values.children))
        if head.info:
            raise UnreadError("a conditional expectation with a subscript")
        return expected(self, self.build(body), Density(sp.Symbol("given"), sp.Tuple(), sp.Tuple(*condition)))

    def _variance(self, _head, _open, inner, _close) -> sp.Expr:
        from derivations.latex.calls import opaque

        return opaque("Var")(self.build(inner))

    def _covariance(self, _head, _open, first, _comma, second, _close) -> sp.Expr:
        from derivations.latex.calls import opaque

        return opaque("Cov")(self.build(first), self.build(second))

    def _divergence(self, _head, _open, first, _bar, second, _close) -> sp.Expr:
        from derivations.latex.calls import distribution

        laws = distribution(self, first), distribution(self, second)
        return kl_by_definition(*laws) or Divergence(*laws)  # opaque densities: the definition

    def _derivative(self, head, body) -> sp.Expr:
        order, variable = head.info
        symbol = self.scope.symbol(variable)
        self.symbols[variable.key], self.named[variable.key] = symbol, variable
        return sp.Derivative(self.build(body), (symbol, order))

    def _gradient(self, head, body) -> sp.Expr:
        found = _variable(head.info["_"])
        symbol = self.scope.symbol(found)
        self.symbols[found.key], self.named[found.key] = symbol, found
        return sp.Derivative(self.build(body), symbol)


def _factor_after_a_derivative(left: object) -> None:
    r"""``\frac{d}{dx} x \cdot x``: does the derivative take one factor or the product? Not read."""
    while isinstance(left, Tree) and left.data in ("juxt", "mul", "div"):
        left = left.children[-1]
    if isinstance(left, Tree) and left.data in ("derivative", "gradient"):
        raise UnreadError(r"a factor after a derivative: of the product or of one factor? (write \frac{d}{dx}(...))")


def _variable(text: str) -> Name:
    from derivations.latex.names import read_name

    found = read_name(text.strip(), 0)
    if found is None or found[1] != len(text.strip()):
        raise UnreadError(f"{text!r} is not one variable")
    return found[0]


def _cancels(result: sp.Expr, *parts: sp.Expr) -> bool:
    """Did adding ``parts`` make a name vanish (``x - x``)? Then the names guard allows it."""
    before = set().union(*(p.free_symbols for p in parts))
    return not before <= result.free_symbols
