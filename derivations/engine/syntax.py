"""Read an expression a user typed on the command line (SymPy syntax, or LaTeX).

Text with a backslash is read as LaTeX by the linter's guarded parser
(:mod:`derivations.latex.parse`), which refuses a parse it cannot trust.

Only a fixed vocabulary of names is available (arithmetic, ``sqrt``, ``exp``,
``log``, ``pi``, ``I``, ``oo``, ``Integral``, ``Abs``); every other identifier
becomes a symbol, with the notation table's assumptions if it is one of its
names (``alpha_bar_t``) and the ``--assume`` assumption otherwise.
"""

from __future__ import annotations

import keyword
import re
import tokenize

import sympy as sp
from sympy.parsing.sympy_parser import convert_xor, parse_expr, standard_transformations

from derivations.engine import notation
from derivations.errors import BadInputError

FUNCTIONS = {
    "sqrt": sp.sqrt, "exp": sp.exp, "log": sp.log, "ln": sp.log, "pi": sp.pi, "E": sp.E,
    "I": sp.I, "oo": sp.oo, "Integral": sp.Integral, "Abs": sp.Abs, "Rational": sp.Rational,
    "sin": sp.sin, "cos": sp.cos, "gamma": sp.gamma,
}
ASSUMPTIONS = {"real": {"real": True}, "positive": {"positive": True}}
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")


def parse_sympy_expr(text: str, *, assume: str = "real", fixed: dict[str, sp.Symbol] | None = None) -> sp.Expr:
    """Parse ``text`` (SymPy syntax) into an expression, or raise :class:`BadInputError` saying where.

    Names in ``fixed`` (the noise variables) become those symbols, whatever ``assume`` says.

    >>> parse_sympy_expr("sqrt(alpha_bar_t) * x_0")
    sqrt(alphabar_t)*x_0
    """
    fixed = fixed or {}
    if "__" in text or not text.strip():
        raise BadInputError(f"cannot read expression {text!r}: empty or contains '__'")
    names = dict(FUNCTIONS)
    for identifier in set(_IDENTIFIER.findall(text)) - set(FUNCTIONS):
        if keyword.iskeyword(identifier):
            raise BadInputError(f"cannot read expression {text!r}: '{identifier}' is a Python keyword")
        if identifier in fixed:
            names[identifier] = fixed[identifier]
        elif identifier in notation.SYMBOLS:
            names[identifier] = notation.SYMBOLS[identifier]
        else:
            names[identifier] = sp.Symbol(identifier, **ASSUMPTIONS[assume])
    try:
        expr = parse_expr(text, local_dict=names, global_dict={"Integer": sp.Integer, "Float": sp.Float,
                                                                "Symbol": sp.Symbol},
                          transformations=standard_transformations + (convert_xor,))
    except (SyntaxError, TypeError, ValueError, tokenize.TokenError, AttributeError) as error:
        where = f" at column {error.offset}" if getattr(error, "offset", None) else ""
        raise BadInputError(f"cannot read expression {text!r}{where}: {type(error).__name__}") from None
    if not isinstance(expr, sp.Expr):
        raise BadInputError(f"cannot read expression {text!r}: not an expression")
    return expr


def parse_symbol_list(text: str, *, assume: str = "real") -> tuple[sp.Symbol, ...]:
    """``eps1,eps2`` -> the symbols (table symbols keep their assumptions)."""
    symbols = []
    for name in (n.strip() for n in text.split(",")):
        if not _IDENTIFIER.fullmatch(name or ""):
            raise BadInputError(f"not a variable name: {name!r}")
        symbols.append(notation.SYMBOLS.get(name) or sp.Symbol(name, **ASSUMPTIONS[assume]))
    return tuple(symbols)
