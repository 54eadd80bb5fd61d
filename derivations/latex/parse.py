r"""Read one normalised row of LaTeX into SymPy, and refuse to guess.

The names are read here, not by SymPy: every identifier (an optional accent,
a Latin letter or Greek command, an optional subscript: ``\bar{\alpha}_{t-1}``)
is replaced by a one-letter placeholder before SymPy's ANTLR LaTeX parser sees
the row, and mapped back afterwards to the project's shared symbol
(:mod:`derivations.engine.notation`) or to a new symbol with the post's assumptions.
Two guards then reject a parse that may be a misreading:

* the identifiers of the source must be exactly the parsed expression's free
  symbols plus its bound (integration, summation) variables, and the function
  names must be exactly its applied functions (``B_2(x-t)`` read as a call fails);
* the parsed expression, printed back to LaTeX and parsed again, must be unchanged.

A row that fails either guard, or does not parse, is *unparsed*: never proved,
never refuted. Nothing in the row is ever executed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import sympy as sp
from sympy.core.function import AppliedUndef

from derivations.engine import notation
from derivations.engine.densities import NormalPDF
from derivations.latex.normalize import normalise

GREEK = frozenset(
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron rho "
    "sigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Sigma Upsilon "
    "Phi Psi Omega".split()
)
#: Commands the parser reads as mathematics (anything else makes the row unparsed).
COMMANDS = frozenset("frac sqrt exp log ln int infty cdot pi sum prod sin cos tan limits".split())
#: Noise-schedule letters: positive, and sampled below 1 by the numeric witness (as in the notation table).
UNIT_BASES = frozenset({"alpha", "beta"})
#: Letters that are functions when followed by "(": g(x), p(x_t), f_1(t).
FUNCTION_LETTERS = frozenset("fghpqFGHPQ")
#: Placeholder letters: never d (differentials), e (Euler), i, E, I (imaginary unit), N.
POOL = "abcjklmnorsuvwxyzABCDFGHJKLMOPQRSTUVWXYZfghpq"
_IDENT = re.compile(
    r"\\(?P<accent>bar|tilde|hat)\{(?P<inner>[^{}]*(?:\{[^{}]*\}[^{}]*)*)\}"
    r"|\\(?P<greek>[A-Za-z]+)|(?P<latin>[A-Za-z])"
)
#: Constructs SymPy's parser reads without complaint but not as the page means them.
SUSPECT: tuple[tuple[str, str], ...] = (
    (r"\d\s+\d", "numbers written side by side"),
    (r"[\^_](?!\{)", "an exponent or subscript without braces"),
    (r"\^\{[^{}]*\}\s*\^|_\{[^{}]*\}\s*_", "a double exponent or subscript"),
    (r"\\frac\{\s*(?:d|\\partial)\b", "a derivative (not read yet)"),
    (r"\\(?:exp|log|ln|sin|cos|tan)(?!\s*\()", "a function argument without parentheses"),
)
#: "(t)", "(x_{0})", "(x, y)": the argument list of a call rather than a factor.
_ARGUMENT = re.compile(r"\s*\(\s*(?:\\?[A-Za-z]+(?:_\{[^{}]*\})?\s*,?\s*)+\)")
_SUB = re.compile(r"\s*_\{(?P<sub>[^{}]*)\}")


@dataclass(frozen=True)
class Ident:
    """A name as the post writes it: base letter, accent, subscript."""

    base: str  # "alpha", "x", "epsilon"
    accent: str = ""  # "bar", "tilde", "hat" or ""
    sub: str = ""  # "t-1", "0" or ""

    @property
    def python_name(self) -> str:
        base = "eps" if self.base == "epsilon" else self.base
        sub = self.sub.replace(" ", "").replace("\\", "").replace("-", "m").replace("+", "p")
        return "_".join(p for p in (base, self.accent, sub) if p)

    @property
    def sympy_name(self) -> str:
        sub = self.sub.replace(" ", "").replace("\\", "")
        return self.base + self.accent + (f"_{sub}" if sub else "")

    @property
    def family(self) -> tuple[str, str]:
        return self.base, self.accent


@dataclass(frozen=True)
class Parsed:
    """A parsed row: the expression, or the reason it could not be read."""

    expr: sp.Expr | None
    reason: str = ""
    idents: Mapping[sp.Symbol, Ident] = field(default_factory=dict)


@dataclass
class Names:
    """How names become symbols for one post: assumptions, and the post's definitions."""

    assume: str = "real"
    positive: frozenset[str] = frozenset()
    functions: dict[str, Callable[..., sp.Expr]] = field(default_factory=dict)
    #: Names given their symbol up front (declared noise variables: plain reals), by Python or SymPy name.
    fixed: Mapping[str, sp.Symbol] = field(default_factory=dict)

    def symbol(self, ident: Ident) -> sp.Symbol:
        for name in (ident.python_name, ident.sympy_name):
            if name in self.fixed:
                return self.fixed[name]
        if ident.python_name in notation.SYMBOLS:
            return notation.SYMBOLS[ident.python_name]
        positive = (self.assume == "positive" or ident.base in self.positive or ident.base in UNIT_BASES
                    or ident.python_name in self.positive)
        return sp.Symbol(ident.sympy_name, **({"positive": True} if positive else {"real": True}))


def read_ident(tex: str, start: int) -> tuple[Ident, int] | None:
    """The identifier at ``tex[start]`` and the index after it, or None."""
    match = _IDENT.match(tex, start)
    if match is None:
        return None
    if match.group("accent"):
        inner = read_ident(match.group("inner").strip(), 0)
        if inner is None or inner[0].accent:
            return None
        ident = Ident(inner[0].base, match.group("accent"), inner[0].sub)
    elif match.group("greek"):
        if match.group("greek") not in GREEK:
            return None
        ident = Ident(match.group("greek"))
    else:
        ident = Ident(match.group("latin"))
    end = match.end()
    sub = _SUB.match(tex, end)
    if sub is not None and not ident.sub:
        ident = Ident(ident.base, ident.accent, sub.group("sub").strip())
        end = sub.end()
    return ident, end


@dataclass
class _Lexed:
    text: str
    symbols: dict[str, Ident]
    functions: dict[str, Ident]


class UnreadableError(ValueError):
    """A row uses a construct the linter does not read (the message says which)."""


def lex(tex: str, *, defined: frozenset[str] = frozenset()) -> _Lexed:
    """Replace every identifier of normalised ``tex`` by a placeholder letter.

    Raises:
        UnreadableError: for a command outside :data:`COMMANDS` and :data:`GREEK`.
    """
    return _Lexer(tex, defined).run()


class _Lexer:
    """One pass over a normalised row: commands kept, names replaced, calls and products told apart."""

    def __init__(self, tex: str, defined: frozenset[str]) -> None:
        self.tex, self.defined = tex, defined
        self.out: list[str] = []
        self.letters: dict[Ident, str] = {}
        self.symbols: dict[str, Ident] = {}
        self.functions: dict[str, Ident] = {}
        self.has_integral = r"\int" in tex

    def run(self) -> _Lexed:
        index = 0
        while index < len(self.tex):
            index = self._command(index) or self._differential(index) or self._name(index)
        return _Lexed("".join(self.out), self.symbols, self.functions)

    def _command(self, index: int) -> int | None:
        if self.tex.startswith(r"\mathcal{N}", index):
            self.functions[_letter(Ident("N", "cal"), self.letters)] = Ident("N", "cal")
            self.out.append(f" {_letter(Ident('N', 'cal'), self.letters)}")
            return index + len(r"\mathcal{N}")
        if self.tex[index] != "\\":
            return None
        command = re.match(r"\\([A-Za-z]+)", self.tex[index:])
        if command is None:  # an escaped character: \{ \} \|
            self.out.append(self.tex[index:index + 2])
            return index + 2
        if command.group(1) in COMMANDS:
            self.out.append(command.group(0))
            return index + len(command.group(0))
        if command.group(1) not in GREEK | {"bar", "tilde", "hat"}:
            raise UnreadableError(f"cannot read \\{command.group(1)}")
        return None

    def _differential(self, index: int) -> int | None:
        if not (self.has_integral and self.tex[index] == "d"):
            return None
        start = index + 1
        while start < len(self.tex) and self.tex[start] == " ":
            start += 1
        found = read_ident(self.tex, start)
        if found is None or _followed_by_letter(self.tex, found[1]):
            return None
        letter = _letter(found[0], self.letters)
        self.symbols[letter] = found[0]
        self.out.append(f" d{letter} ")
        return found[1]

    def _name(self, index: int) -> int:
        char = self.tex[index]
        found = read_ident(self.tex, index) if (char == "\\" or char.isalpha()) else None
        if found is None:
            if char == "\\":
                raise UnreadableError(f"cannot read {self.tex[index:index + 12]}")
            self.out.append(char)
            return index + 1
        ident, end = found
        if re.match(r"\s*\[", self.tex[end:]):
            raise UnreadableError(f"{ident.sympy_name}[...]: an expectation or an operator (not read yet)")
        letter = _letter(ident, self.letters)
        call = re.match(r"\s*\(", self.tex[end:]) is not None
        function = ident.base in FUNCTION_LETTERS or ident.python_name in self.defined
        if call and not function and _ARGUMENT.match(self.tex, end):
            raise UnreadableError(f"{ident.sympy_name}(...): a function call or a product?")
        if call and function:
            self.functions[letter] = ident
            self.out.append(f" {letter}")
        else:
            self.symbols[letter] = ident
            self.out.append(f" {letter} \\cdot " if call else f" {letter} ")
        return end


def _followed_by_letter(tex: str, index: int) -> bool:
    return index < len(tex) and tex[index].isalpha()


def _letter(ident: Ident, letters: dict[Ident, str]) -> str:
    if ident not in letters:
        if len(letters) >= len(POOL):
            raise UnreadableError("too many different names in one line")
        letters[ident] = POOL[len(letters)]
    return letters[ident]


@functools.lru_cache(maxsize=512)
def _antlr(text: str) -> sp.Expr:
    """SymPy's ANTLR LaTeX parser, strict (the whole text must be read), ``\\pi`` as the number."""
    from sympy.parsing.latex import parse_latex

    expr = parse_latex(text, strict=True, backend="antlr")
    return expr.xreplace({sp.Symbol("pi"): sp.pi})


def _bound(expr: sp.Expr) -> set[str]:
    return {str(limit[0]) for node in expr.atoms(sp.Integral, sp.Sum, sp.Product) for limit in node.limits}


def _rebuild(expr: sp.Basic) -> sp.Basic:
    if not expr.args:
        return expr
    return expr.func(*(_rebuild(a) for a in expr.args))


def parse_row(raw: str, names: Names) -> Parsed:
    """Parse one row (raw LaTeX) into an expression, or say why it stays unparsed.

    >>> parse_row(r"\\sqrt{\\bar\\alpha_t}\\mathbf{x}_0", Names()).expr
    sqrt(alphabar_t)*x_0
    """
    tex = normalise(raw)
    if not tex:
        return Parsed(None, "empty")
    for pattern, reason in SUSPECT:
        if re.search(pattern, tex):
            return Parsed(None, reason)
    try:
        lexed = lex(tex, defined=frozenset(names.functions))
    except UnreadableError as error:
        return Parsed(None, str(error))
    if re.search(r"(?<!\\int)(?<!\\sum)(?<!\\prod)_", lexed.text):
        return Parsed(None, "a subscript not attached to a name")
    expr = _parse_checked(lexed)
    if isinstance(expr, str):
        return Parsed(None, expr)
    return _to_symbols(expr, lexed, names)


def _parse_checked(lexed: _Lexed) -> sp.Expr | str:
    try:
        expr = _antlr(lexed.text)
    except Exception:  # the ANTLR parser raises several unrelated types  # noqa: BLE001
        return "SymPy's LaTeX parser cannot read it"
    if not isinstance(expr, sp.Expr) or isinstance(expr, sp.core.relational.Relational):
        return "not a single expression"
    found = {str(s) for s in expr.free_symbols} | _bound(expr)
    if found != set(lexed.symbols):
        return "misread: its names are not the names of the line"
    called = {f.func.__name__ for f in expr.atoms(AppliedUndef)}
    if called != set(lexed.functions):
        return "misread: a product read as a function call, or a call as a product"
    try:
        printed = normalise(sp.latex(expr, mul_symbol="dot"))
        again = _antlr(printed)
    except Exception:  # noqa: BLE001
        return "misread: printed back, it does not parse again"
    if _rebuild(again) != _rebuild(expr) and sp.expand(_rebuild(again) - _rebuild(expr)) != 0:
        return "misread: printed back and parsed again, it changes"
    return expr


def _to_symbols(expr: sp.Expr, lexed: _Lexed, names: Names) -> Parsed:
    idents = {}
    replacements = {}
    for letter, ident in lexed.symbols.items():
        sym = names.symbol(ident)
        replacements[sp.Symbol(letter)] = sym
        idents[sym] = ident
    expr = expr.xreplace(replacements)
    for call in sorted(expr.atoms(AppliedUndef), key=sp.default_sort_key):
        ident = lexed.functions[call.func.__name__]
        if ident == Ident("N", "cal"):
            if len(call.args) != 3:
                return Parsed(None, r"\mathcal{N} needs (x; mean, variance)")
            value = NormalPDF(*call.args)
        elif ident.python_name in names.functions:
            try:
                value = names.functions[ident.python_name](*call.args)
            except TypeError:
                return Parsed(None, f"{ident.sympy_name} called with a different number of arguments")
        else:
            return Parsed(None, f"uses the function {ident.sympy_name}, which no earlier line defines")
        expr = expr.xreplace({call: value})
    return Parsed(expr, "", idents)
