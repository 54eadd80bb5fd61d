r"""The reader's vocabulary: which LaTeX commands and characters become which tokens.

:mod:`~derivations.latex.lexer` walks a string with these tables; a command that is in none
of them leaves the row unread.
"""

from __future__ import annotations

import re

#: Commands that become one token each, by type ("UNREAD": the row is not read).
COMMANDS = {
    "frac": "FRAC", "dfrac": "FRAC", "tfrac": "FRAC", "sqrt": "SQRT", "cdot": "MUL", "times": "MUL",
    "div": "DIV", "pm": "PM", "mp": "PM", "infty": "INFTY", "pi": "PI", "int": "INT", "intop": "INT", "sum": "SUM",
    "prod": "PROD", "nabla": "NABLA", "partial": "PARTIAL", "exp": "FUNC", "log": "FUNC", "ln": "FUNC",
    "sin": "FUNC", "cos": "FUNC", "tan": "FUNC", "det": "FUNC", "sim": "SIM",
    **dict.fromkeys("lim max min arg dots cdots ldots vdots ddots bmod pmod mod cancel sup inf top intercal circ "
                    "ast star otimes odot oplus in to mapsto iint iiint oint sinh cosh tanh arcsin arccos arctan "
                    "binom choose over prime".split(), "UNREAD"),
    "mid": "BAR", "vert": "BAR", "lvert": "BAR", "rvert": "BAR", "Vert": "NORM", "lVert": "NORM", "rVert": "NORM",
}
#: Decorations dropped around their content: how many arguments come before the content (-1: drop all).
WRAPPERS = {"color": 1, "textcolor": 1, "boxed": 0, "underbrace": 0, "overbrace": 0, "underset": 1,
            "mathop": 0, "mathrel": 0, "mathbin": 0, "smash": 0, "phantom": -1, "hphantom": -1, "vphantom": -1}
#: Commands with no value: spacing, sizes.
IGNORED = frozenset("quad qquad displaystyle textstyle scriptstyle scriptscriptstyle limits nolimits nonumber "
                    "notag allowbreak nobreak thinspace medspace thickspace negthinspace negmedspace enspace".split())
SIZES = frozenset("left right middle big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr Biggl Biggr".split())
TEXT_COMMANDS = frozenset("text textrm textit textbf textsf mathrm operatorname mbox mathit".split())
#: Operator names written in \text, \mathrm or \operatorname, by the token they become.
OPERATORS = {"Var": "VAR", "var": "VAR", "Cov": "COV", "cov": "COV", "KL": "KL", "E": "EXPECT",
             "exp": "FUNC", "log": "FUNC", "ln": "FUNC", "const": "CONST", "d": "DIFFMARK", "SNR": "WORD",
             "tr": "FUNC", "Tr": "FUNC", "det": "FUNC", "sin": "FUNC", "cos": "FUNC", "tan": "FUNC"}
#: Letters that name functions when a call follows: g(x), p(x | z), q(z).
FUNCTION_LETTERS = frozenset("fghpqFGHPQ")
#: Tokens whose subscript and superscript are read with them (limits, a distribution, a variable).
SCRIPTED = frozenset({"SUM", "PROD", "INT", "NABLA"})
#: Tokens after which a bar closes rather than opens.
OPERAND_ENDS = frozenset({"NUMBER", "NAME", "RPAREN", "RBRACK", "RBRACE", "RABS", "RNORM", "INFTY", "PI", "DIFF",
                          "TRANSPOSE", "ZERO", "ENDMAT"})
#: Matrix environments, with the brackets they are set in (``vmatrix``: a determinant).
MATRIX_BRACKETS = {"matrix": (None, None), "smallmatrix": (None, None), "pmatrix": ("LPAREN", "RPAREN"),
                   "bmatrix": ("LBRACK", "RBRACK"), "vmatrix": ("BAR", "BAR")}
#: Styles in which ``0`` is a zero vector or matrix (``\mathbf{0}``).
ZERO_STYLES = frozenset({"mathbf", "boldsymbol", "bm", "mathbb"})
#: Token kinds whose parentheses hold arguments (a bar there is "given").
CALLERS = frozenset({"CALL", "KL", "VAR", "COV", "WORD"})
#: "(t)", "(x_0)", "(x, y)": the argument list of a call rather than a factor.
ARGUMENTS = re.compile(r"\(\s*(?:\\?[A-Za-z]+(?:_\{[^{}]*\}|_[A-Za-z0-9])?\s*,?\s*|\d+\s*,?\s*)+\)")
#: ``^2(``, ``^{2}\left(``, ``^2\,(``, ``^2}(``: a power just before parentheses, set off by nothing but space,
#: sizes and braces (``g^2(t)``: the square of g(t), or g^2 times t?).
POWER_BEFORE_PARENS = re.compile(r"\^\s*(?:\{[^{}]*\}|[^\s{\\])"
                                 r"(?:\s|~|\{|\}(?!\s*\{)|\\[,;:! ]|\\(?:left|[bB]igg?l?)(?![A-Za-z]))*(?=\()")
#: ``\mathop{}\!\mathrm{d}x``: the spacing of an upright differential (an empty operator, a negative space).
PROPER_DIFFERENTIAL = re.compile(r"\\mathop\s*\{\s*\}\s*\\!\s*(?=\\mathrm\s*\{\s*d\s*\})")
NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
#: A superscript that is a transpose as often as a power: ``^T``, ``^{T}``, ``^\top``, ``^{\intercal}``.
TRANSPOSE = re.compile(r"\^\s*(?:\{\s*)?(?:T(?![A-Za-z])|\\top\b|\\intercal\b|\\mathsf\s*\{\s*T\s*\}|"
                        r"\\mathrm\s*\{\s*T\s*\})")
#: Function names written without their backslash: ``log x`` is not l o g x.
PLAIN_WORD = re.compile(r"(log|ln|exp|sin|cos|tan|max|min|det|arg|lim|sup|inf|Var|Cov|tr)(?![A-Za-z])")
SINGLE = {"+": "PLUS", "-": "MINUS", "*": "MUL", "/": "DIV", "^": "CARET", "!": "BANG", ",": "COMMA",
           ";": "SEMI", "(": "LPAREN", ")": "RPAREN", "[": "LBRACK", "]": "RBRACK", "{": "LBRACE", "}": "RBRACE",
           "|": "BAR", "'": "PRIME", "_": "UNDERSCORE", ":": "COLON", "&": None, "~": None}
