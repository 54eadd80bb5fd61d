"""Read an expression a user typed in SymPy syntax (``sqrt(alpha_bar_t) * x_0``): parsed, never evaluated.

Python's own parser turns the text into a syntax tree (``ast.parse`` runs nothing),
and this module builds the SymPy expression from a whitelist of what the tree may
hold: numbers, names, ``+ - * / ** ^``, and calls of the functions in
:data:`FUNCTIONS`. Anything else (an attribute, a string, a subscript, a lambda, a
keyword argument, a comparison) is bad input, refused with one line that names it.

* A decimal is read as the exact rational it spells: ``0.1`` is ``1/10``, ``1e-20``
  is ``10**-20``. No float arithmetic ever happens in a proof.
* A name becomes a symbol: the notation table's (``alpha_bar_t``, with its assumptions),
  a fixed one (the declared noise variables), or a new one with ``assume``'s assumption.
* Sizes are bounded: the text, the nesting, and exact powers of numbers
  (``10**10**8`` is refused instead of computed).

LaTeX input is read by :mod:`derivations.latex.user_input`, which sends SymPy syntax here.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import sympy as sp

from derivations.engine import notation
from derivations.engine.syntax_messages import OPERATORS, hint, short, syntax_problem
from derivations.errors import BadInputError

#: Longest text read (characters), deepest nesting, largest exact power of a number (bits).
MAX_CHARS = 200_000
MAX_DEPTH = 200
MAX_POWER_BITS = 100_000
#: Largest exponent read, of a name or in a decimal (x**(10**10) and 1e5000 are refused, not computed).
MAX_EXPONENT = 10_000
#: Largest integer argument of factorial and gamma (they are computed exactly).
MAX_FACTORIAL = 10_000
ASSUMPTIONS = {"real": {"real": True}, "positive": {"positive": True}}
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z_0-9]*")


@dataclass(frozen=True)
class Function:
    """A function a user may call: the SymPy callable and how many arguments it takes."""

    build: Callable[..., sp.Expr]
    arity: tuple[int, ...]


def _integer_arguments(build: Callable[..., sp.Expr]) -> Callable[..., sp.Expr]:
    def checked(arg: sp.Expr) -> sp.Expr:
        if arg.is_Integer and abs(int(arg)) > MAX_FACTORIAL:
            raise BadInputError(f"{build.__name__}({arg}) is too large to compute exactly")
        return build(arg)
    return checked


#: The functions that may be called, by the name a user types.
FUNCTIONS: dict[str, Function] = {
    "sqrt": Function(sp.sqrt, (1,)), "exp": Function(sp.exp, (1,)), "log": Function(sp.log, (1, 2)),
    "ln": Function(sp.log, (1,)), "Abs": Function(sp.Abs, (1,)), "abs": Function(sp.Abs, (1,)),
    "sin": Function(sp.sin, (1,)), "cos": Function(sp.cos, (1,)), "tan": Function(sp.tan, (1,)),
    "erf": Function(sp.erf, (1,)), "gamma": Function(_integer_arguments(sp.gamma), (1,)),
    "factorial": Function(_integer_arguments(sp.factorial), (1,)), "Rational": Function(sp.Rational, (2,)),
    "Integral": Function(sp.Integral, (2, 3)), "Sum": Function(sp.Sum, (2,)), "Product": Function(sp.Product, (2,)),
}
#: Names that are constants, not symbols.
CONSTANTS: dict[str, sp.Expr] = {"pi": sp.pi, "E": sp.E, "I": sp.I, "oo": sp.oo}
#: The functions whose later arguments are limits ``(variable, low, high)`` or a variable.
_WITH_LIMITS = ("Integral", "Sum", "Product")


def parse_sympy_expr(text: str, *, assume: str = "real", fixed: Mapping[str, sp.Symbol] | None = None) -> sp.Expr:
    """Parse ``text`` (SymPy syntax) into an expression, or raise :class:`BadInputError` saying what was refused.

    Names in ``fixed`` (the noise variables) become those symbols, whatever ``assume`` says.

    >>> parse_sympy_expr("sqrt(alpha_bar_t) * x_0")
    sqrt(alphabar_t)*x_0
    >>> parse_sympy_expr("0.1 * 3")
    3/10
    """
    if not text.strip():
        raise BadInputError("cannot read expression '': it is empty")
    if len(text) > MAX_CHARS:
        raise BadInputError(f"cannot read expression: {len(text)} characters, more than the limit of {MAX_CHARS}")
    reader = _Reader(text.strip(), assume, dict(fixed or {}))
    terms = [reader.term(sign, start, piece) for sign, start, piece in _top_level_terms(text.strip())]
    expr = terms[0] if len(terms) == 1 else sp.Add(*terms)
    if not isinstance(expr, sp.Expr):
        raise BadInputError(f"cannot read expression {short(text)}: not an expression")
    return expr


def _top_level_terms(text: str) -> list[tuple[int, int, str]]:
    """``a + b - c`` -> [(1, 0, "a"), (1, 3, " b"), (-1, 7, " c")]: the terms outside parentheses, each parsed alone.

    Each term comes with its sign and where it starts in ``text`` (for the column of an error).

    Python's parser nests a long sum one level a term, and refuses a few thousand
    levels; cut at the top level, a sum of any length is read.
    """
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return [(1, 0, text)]  # the parser will say what is wrong
    pieces, depth, start, sign, previous = [], 0, 0, 1, None
    offsets = [0]
    for line in text.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))
    for token in tokens:
        position = offsets[token.start[0] - 1] + token.start[1] if token.start[0] <= len(offsets) - 1 else len(text)
        if token.type == tokenize.OP and token.string in "([{":
            depth += 1
        elif token.type == tokenize.OP and token.string in ")]}":
            depth -= 1
        elif (token.type == tokenize.OP and token.string in "+-" and depth == 0 and previous is not None
              and (previous.type in (tokenize.NAME, tokenize.NUMBER) or previous.string in ")]}")):
            pieces.append((sign, start, text[start:position]))
            sign, start = (1 if token.string == "+" else -1), position + 1
        if token.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.ENDMARKER, tokenize.COMMENT):
            previous = token
    pieces.append((sign, start, text[start:]))
    return pieces


class _Reader:
    """Builds a SymPy expression from an ``ast`` tree, refusing every node outside the whitelist."""

    def __init__(self, text: str, assume: str, fixed: dict[str, sp.Symbol]) -> None:
        self.text, self.assume, self.fixed = text, assume, fixed

    def term(self, sign: int, start: int, piece: str) -> sp.Expr:
        """One top-level term of the text (starting at ``start``), parsed and read, with its sign."""
        self.piece = piece.strip()
        self.offset = start + (len(piece) - len(piece.lstrip()))  # where the stripped piece starts in the text
        if not self.piece:
            operator = "+" if sign == 1 else "-"
            raise BadInputError(f"cannot read expression {short(self.text)} at column {start}: the expression "
                                f"ends after {operator!r}: a term is missing")
        try:
            tree = ast.parse(self.piece, mode="eval")
        except SyntaxError as error:
            lines = self.piece.splitlines(keepends=True) or [""]
            within = sum(len(line) for line in lines[:max((error.lineno or 1) - 1, 0)]) + (error.offset or 1)
            within, problem = syntax_problem(self.piece, error, within)
            raise BadInputError(f"cannot read expression {short(self.text)} at column {self.offset + within}: "
                                f"{problem}{hint(self.text)}") from None
        except (RecursionError, MemoryError, ValueError):
            raise BadInputError(f"cannot read expression {short(self.text)}: it is nested too deeply") from None
        try:
            value = self.read(tree.body, 0)
        except RecursionError:
            raise BadInputError(f"cannot read expression {short(self.text)}: it is nested too deeply") from None
        return value if sign == 1 else -value

    def refuse(self, node: ast.AST, what: str) -> BadInputError:
        segment = ast.get_source_segment(self.piece, node) or ""
        lines = self.piece.splitlines(keepends=True)
        column = self.offset + sum(len(line) for line in lines[:node.lineno - 1]) + node.col_offset + 1
        return BadInputError(f"cannot read expression {short(self.text)} at column {column}: "
                             f"{what}: {segment[:40]!r}")

    def read(self, node: ast.AST, depth: int) -> sp.Expr:
        if depth > MAX_DEPTH:
            raise self.refuse(node, f"nested more than {MAX_DEPTH} deep")
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
            return sp.Add(*self._chain(node, (ast.Add, ast.Sub), depth))
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
            return sp.Mul(*self._chain(node, (ast.Mult,), depth))
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            return self.read(node.left, depth + 1) / self.read(node.right, depth + 1)
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Pow, ast.BitXor)):
            return self._power(node, depth)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            operand = self.read(node.operand, depth + 1)
            return -operand if isinstance(node.op, ast.USub) else operand
        if isinstance(node, ast.Constant):
            return self._number(node)
        if isinstance(node, ast.Name):
            return self._name(node)
        if isinstance(node, ast.Call):
            return self._call(node, depth)
        operator = getattr(node, "op", None)
        if type(operator) in OPERATORS:
            raise self.refuse(node, f"the operator {OPERATORS[type(operator)]} is not read")
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "E":
            raise self.refuse(node, "an expectation E[...] is not read (E is Euler's number; indexing is not read)")
        raise self.refuse(node, _REFUSED.get(type(node), f"{type(node).__name__.lower()} is not read"))

    def _chain(self, node: ast.BinOp, ops: tuple[type, ...], depth: int) -> list[sp.Expr]:
        """The operands of ``a + b - c + ...`` (or ``a * b * ...``), read without recursing down the chain."""
        operands, signs = [], []
        while isinstance(node, ast.BinOp) and isinstance(node.op, ops):
            operands.append(node.right)
            signs.append(-1 if isinstance(node.op, ast.Sub) else 1)
            node = node.left
        operands.append(node)
        signs.append(1)
        return [sign * self.read(operand, depth + 1) for operand, sign in zip(reversed(operands), reversed(signs))]

    def _power(self, node: ast.BinOp, depth: int) -> sp.Expr:
        base, exponent = self.read(node.left, depth + 1), self.read(node.right, depth + 1)
        if base.is_number and exponent.is_number and base.is_Rational and exponent.is_Rational:
            bits = abs(float(exponent)) * max(abs(base.p).bit_length(), abs(base.q).bit_length())
            if bits > MAX_POWER_BITS:
                raise self.refuse(node, f"a power too large to compute exactly (about {bits:.3g} bits)")
        elif exponent.is_Rational and abs(exponent) > MAX_EXPONENT:  # x**(10**10): no form can expand it
            raise self.refuse(node, f"an exponent over {MAX_EXPONENT} is not read")
        return sp.Pow(base, exponent)

    def _number(self, node: ast.Constant) -> sp.Expr:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.refuse(node, "only numbers and names are read (a string, a complex literal, ... is not)")
        written = ast.get_source_segment(self.piece, node) or repr(value)
        if len(written) > 1000:
            raise self.refuse(node, "a number with more than 1000 digits")
        written = written.replace("_", "")
        exponent = re.search(r"[eE]([-+]?\d+)", written)
        if exponent and abs(int(exponent.group(1))) > 1000:  # 1e5000 spells a number of 5001 digits
            raise self.refuse(node, "a number with more than 1000 digits")
        return sp.Integer(int(written)) if isinstance(value, int) else sp.Rational(written)

    def _name(self, node: ast.Name) -> sp.Expr:
        name = node.id
        if name in CONSTANTS:
            return CONSTANTS[name]
        if name in FUNCTIONS:
            raise self.refuse(node, f"{name} is a function: call it, {name}(...)")
        if not _IDENTIFIER.fullmatch(name):
            raise self.refuse(node, "a name is a letter, then letters, digits or underscores")
        return symbol_for(name, self.assume, self.fixed)

    def _call(self, node: ast.Call, depth: int) -> sp.Expr:
        if not isinstance(node.func, ast.Name):
            raise self.refuse(node, "only a named function may be called (no methods, no attributes)")
        name = node.func.id
        if name not in FUNCTIONS:
            known = ", ".join(sorted(FUNCTIONS))
            raise self.refuse(node, f"{name} is not a function this reader knows (it knows {known})")
        if node.keywords:
            raise self.refuse(node, "keyword arguments are not read")
        function = FUNCTIONS[name]
        if len(node.args) not in function.arity:
            count = " or ".join(map(str, function.arity))
            raise self.refuse(node, f"{name} takes {count} argument{'' if function.arity == (1,) else 's'}, "
                                    f"not {len(node.args)}")
        outer = self.fixed
        if name in _WITH_LIMITS:  # a bound sigma is real: sigma's positive convention would simplify its body
            self.fixed = {**outer, **{v: sp.Symbol(v, real=True) for v in _bound_names(node)
                                      if symbol_for(v, self.assume, outer).is_positive}}
        try:
            first = self.read(node.args[0], depth + 1)
            rest = [self._limits(arg, depth) if name in _WITH_LIMITS else self.read(arg, depth + 1)
                    for arg in node.args[1:]]
        finally:
            self.fixed = outer
        if name == "log" and rest and (rest[0].is_positive is False or rest[0] == 1):  # log(x, 0) is no value
            raise self.refuse(node, "a logarithm's base must be positive and not 1")
        if name in _WITH_LIMITS:
            self._no_index_in_a_name(node, first, rest)
        try:
            built = function.build(first, *rest)
        except (TypeError, ValueError) as error:
            raise self.refuse(node, f"{name} cannot take these arguments ({error})") from None
        from derivations.engine.sums import empty_as_written  # late: sums imports the checker, which imports this
        return empty_as_written(built) if name in ("Sum", "Product") else built  # Sum(k, (k, 3, 1)) is empty

    def _no_index_in_a_name(self, node: ast.Call, body: sp.Expr, limits: list) -> None:
        """``Product(alpha_t, (t, 1, T))``: the t of alpha_t is not the index, so the term would be a constant."""
        variables = {str(limit[0] if isinstance(limit, tuple) else limit) for limit in limits}
        for symbol in body.free_symbols:
            _, _, sub = symbol.name.partition("_")
            if set(re.findall(r"[A-Za-z]+", sub)) & variables:
                raise self.refuse(node, f"{symbol.name} in a sum, product or integral over its index: the name is one "
                                        "symbol, not a term of a family (write the term as an expression of the index)")

    def _limits(self, node: ast.AST, depth: int) -> sp.Expr | tuple[sp.Expr, ...]:
        """``t`` or ``(t, low, high)``: the variable and range of an Integral, a Sum or a Product."""
        if isinstance(node, ast.Tuple):
            if len(node.elts) != 3 or not isinstance(node.elts[0], ast.Name):
                raise self.refuse(node, "limits are (variable, low, high)")
            return tuple(self.read(element, depth + 1) for element in node.elts)
        if not isinstance(node, ast.Name):
            raise self.refuse(node, "the variable of an integral, a sum or a product must be a name")
        return self.read(node, depth + 1)


def _bound_names(node: ast.Call) -> list[str]:
    """The variables an Integral, a Sum or a Product binds: ``t`` in ``(t, 0, 1)`` or a bare ``t``."""
    limits = [arg.elts[0] if isinstance(arg, ast.Tuple) and arg.elts else arg for arg in node.args[1:]]
    return [limit.id for limit in limits if isinstance(limit, ast.Name)]


_REFUSED: dict[type, str] = {
    ast.Attribute: "attribute access is not read", ast.Subscript: "subscripts and indexing are not read",
    ast.Lambda: "lambda is not read", ast.Compare: "a comparison is not an expression",
    ast.List: "a list is not an expression", ast.Tuple: "a tuple is not an expression",
    ast.Dict: "a dict is not an expression", ast.Set: "a set is not an expression",
    ast.BoolOp: "and/or are not read", ast.IfExp: "if/else is not read", ast.Starred: "* unpacking is not read",
    ast.JoinedStr: "a string is not an expression", ast.NamedExpr: ":= is not read",
}


def expression(value: object, what: str = "expression") -> sp.Expr:
    """``value`` as an exact SymPy expression: text is parsed (never evaluated), floats are refused.

    The front door of the Python API: a string goes through :func:`parse_sympy_expr`;
    a Python or SymPy float is refused, because it has already been rounded
    (``1 + 1e-20`` is ``1.0``) and a proof about it would be about other numbers.

    Raises:
        BadInputError: the value is not an expression, or it holds a float (``what`` names it).

    >>> expression("x**2 + 1/2")
    x**2 + 1/2
    """
    if isinstance(value, str):
        return parse_sympy_expr(value)
    if isinstance(value, float):
        raise BadInputError(f"the {what} is the float {value!r}: write the exact number "
                            f"(sp.Rational({str(value)!r}))")
    try:
        expr = sp.sympify(value, strict=True)
    except (sp.SympifyError, TypeError) as error:
        raise BadInputError(f"the {what} is not a SymPy expression: {error}") from None
    floats = sorted(expr.atoms(sp.Float), key=sp.default_sort_key) if isinstance(expr, sp.Basic) else []
    if floats:
        raise BadInputError(f"the {what} holds the floating-point number {floats[0]}: a float is rounded, so it "
                            "cannot be proved about; write it exactly (sp.Rational('0.5'), or x / 2)")
    return expr


def symbol_for(name: str, assume: str = "real", fixed: Mapping[str, sp.Symbol] | None = None) -> sp.Symbol:
    """The symbol a user's ``name`` stands for: a fixed one, the notation table's, or a new one."""
    if fixed and name in fixed:
        return fixed[name]
    if name in notation.SYMBOLS:
        return notation.SYMBOLS[name]
    return sp.Symbol(name, **ASSUMPTIONS[assume])


def parse_symbol_list(text: str) -> dict[str, sp.Symbol]:
    """``eps1,eps2`` -> each name typed, with a plain real symbol, whatever the notation table says of it.

    These are standard normal variables: a normal takes every real value, so it is
    never positive, whatever the same name means elsewhere.

    >>> parse_symbol_list("eps_tm1, sigma")
    {'eps_tm1': epsilon_t-1, 'sigma': sigma}
    """
    symbols = {}
    for name in (n.strip() for n in text.split(",")):
        if not _IDENTIFIER.fullmatch(name or ""):
            raise BadInputError(f"not a variable name: {name!r}")
        row = notation.BY_PYTHON_NAME.get(name)
        symbol = sp.Symbol(row.sympy_name if row else name, real=True)
        same = next((other for other, known in symbols.items() if known == symbol and other != name), None)
        if same is not None:  # eps and epsilon: one symbol, so not two independent normals
            raise BadInputError(f"{same!r} and {name!r} name the same variable ({symbol.name}): declare it once")
        symbols[name] = symbol
    return symbols
