r"""LaTeX math as tokens for the grammar (:mod:`derivations.latex.grammar`).

The lexer decides what only the characters around a token can tell:

* a name followed by ``(`` is a call when the name can name a function (``p``, ``q_\phi``,
  ``\mu_\theta``, ``\mathcal{N}``, ``\Gamma``, one the post defined) or the parentheses hold a bare
  argument list (``s(x, t)``), else a product (``a(x + 1)``); where it is a call, a power before the
  parentheses is unread (``g^2(t)``: the square of g(t), or g^2 times t?);
* a bar inside a call is "given" (``p(x \mid z)``), ``\|`` inside a ``D_{KL}(...)`` separates
  its two arguments, and elsewhere bars open and close absolute values and norms;
* ``d`` before a variable, after an ``\int``, is a differential; ``E`` (or ``\mathbb{E}``) before ``[``
  or a subscript and ``[`` is an expectation; ``log``, ``exp``, ``Var`` without a backslash are the functions.

Spacing, sizes and decorations that carry no value (``\color``, ``\underbrace``,
``\displaystyle``) go; every other command must be known, or the row is unread. Nothing is guessed.
"""

from __future__ import annotations

import re

from derivations.latex.bars import paired_bars
from derivations.latex.derivative import derivative_of
from derivations.latex.names import Name, NameError_, argument, group_end, ranges_listed, read_name, scripts_in_order
from derivations.latex.tokens import Lexed, Tok, UnreadError, token
from derivations.latex.vocabulary import (
    ARGUMENTS,
    CALLERS,
    COMMANDS,
    FUNCTION_LETTERS,
    IGNORED,
    MATRIX_BRACKETS,
    NUMBER,
    OPERATORS,
    PLAIN_WORD,
    POWER_BEFORE_PARENS,
    PROPER_DIFFERENTIAL,
    SCRIPTED,
    SINGLE,
    SIZES,
    TEXT_COMMANDS,
    TRANSPOSE,
    WRAPPERS,
    ZERO_STYLES,
)

_COMMAND = re.compile(r"\\([A-Za-z]+|.)\s*")


def lex(tex: str, *, functions: frozenset[tuple] = frozenset()) -> Lexed:
    """The tokens of ``tex``; ``functions`` are the keys of names the post defined as functions.

    Raises UnreadError for a construct that is not read (the message says which).
    """
    lexer = _Lexer(ranges_listed(scripts_in_order(PROPER_DIFFERENTIAL.sub("", tex))), functions)
    try:
        lexer.run()
    except NameError_ as error:
        raise UnreadError(str(error)) from None
    if lexer.matrices:
        raise UnreadError("a matrix environment that does not end")
    if any(t.value == "times" for t in lexer.out) and any(n.is_bold for n in lexer.names):
        raise UnreadError(r"\times with a vector: a cross product, not a product of numbers")
    return Lexed(paired_bars(lexer.out), lexer.names)


class _Lexer:
    def __init__(self, tex: str, functions: frozenset[tuple]) -> None:
        self.tex, self.functions = tex, functions
        self.out: list[Tok] = []
        self.names: list[Name] = []
        self.open_integrals = 0
        self.calls: list[int] = []  # the paren depth of each call being read
        self.depth = 0
        self.matrices = 0  # how many matrix environments are open

    def run(self) -> None:
        index = 0
        while index < len(self.tex):
            index = self.step(index)

    def emit(self, kind: str | None, text: str, info: object = None) -> None:
        if kind is None:
            return
        if kind in ("LPAREN", "LBRACK"):
            self.depth += 1
            opens_arguments = self.out and (self.out[-1].type in CALLERS or
                                            (kind == "LBRACK" and self.out[-1].type == "EXPECT"))
            if opens_arguments:
                self.calls.append(self.depth)
        elif kind in ("RPAREN", "RBRACK"):
            if self.calls and self.calls[-1] == self.depth:
                self.calls.pop()
            self.depth -= 1
        if kind == "NUMBER" and self.out and self.out[-1].type == "NUMBER" and self.out[-1].info != "one digit":
            raise UnreadError("two numbers side by side: a digit group (1\\,000) or a product?")
        self.out.append(token(kind, text, info))

    def after_a_root(self) -> bool:
        r"""``\sqrt16``, ``\sqrt[3]27``: TeX's unbraced argument is one digit."""
        if self.out[-1].type == "SQRT":
            return True
        return len(self.out) >= 4 and self.out[-1].type == "RBRACK" and self.out[-4].type == "SQRT"

    def in_call(self) -> bool:
        """Inside the parentheses of a call or the brackets of an expectation (not nested deeper)."""
        return bool(self.calls) and self.calls[-1] == self.depth

    def step(self, index: int) -> int:
        char = self.tex[index]
        if char.isspace():
            return index + 1
        if not char.isascii():
            raise UnreadError(f"the character {char!r}: write it in LaTeX")
        number = NUMBER.match(self.tex, index)  # ASCII digits only (\d would take ² too)
        if number:
            if self.out and (self.out[-1].type in ("CARET", "UNDERSCORE") or self.after_a_root()):  # x^22: x^{2}2
                self.emit("NUMBER", char, "one digit")  # as TeX takes it: x^22 is x^{2} 2, a product
                return index + 1
            self.emit("NUMBER", number.group(0))
            return number.end()
        if char == "\\":
            return self.command(index)
        if char.isalpha():
            return self.letter(index)
        if char == "|" and self.tex.startswith("||", index):  # || p) in a KL, ||x||^2 elsewhere
            self.emit("PARALLEL" if self.in_call() else "NORM", "||")
            return index + 2
        if char == "{" and self.tex.startswith("{}", index):  # {}+ before an operator: an empty group, no value
            if not re.match(r"\s*(?:[-+=]|\\cdot|$)", self.tex[index + 2:]):
                raise UnreadError("an empty group {} before a value (x^{}2 is x times 2 in TeX)")
            return index + 2
        if char == "^" and re.match(r"\^\s*\{\s*\[", self.tex[index:]):  # a name's W^{[l]} is read with the name
            raise UnreadError("a bracketed superscript on a value: a label, as W^{[l]} is, or a power?")
        if char == "^" and self.tex[index + 1:].lstrip().startswith("-"):  # 2^-10 is 2^{-}10 in TeX
            raise UnreadError("an unbraced ^- (TeX raises the minus sign alone): write ^{-10}")
        if char == "^" and TRANSPOSE.match(self.tex, index):
            return self.transpose(index)
        if char == "&" and self.matrices:
            self.emit("AMP", char)
            return index + 1
        if char in SINGLE:
            kind = SINGLE[char]
            if kind == "BAR" and self.in_call():
                kind = "GIVEN"
            self.emit(kind, char)
            return index + 1
        raise UnreadError(f"cannot read {char!r}")

    def command(self, index: int) -> int:
        match = _COMMAND.match(self.tex, index)
        if match is None:  # a lone backslash at the end (kramdown's escaped row breaks)
            raise UnreadError("a backslash with nothing after it")
        word, end = match.group(1), match.end()
        if word in ("\\", "cr", "matrow", "matcol") and self.matrices:  # matcol, matrow: lint.steps's spellings
            return self.emit("AMP" if word == "matcol" else "ROWSEP", word) or end
        if word in (",", ";", ":", "!", " ", ">", "\\", "cr"):  # a row break inside brackets: a side runs on
            return end
        if word in ("begin", "end"):
            return self.environment(word, end)
        if word in ("{", "}", "lbrace", "rbrace", "[", "]"):  # \{ \}, and kramdown's escaped \[ \] inside math
            kind = {"[": "LBRACK", "]": "RBRACK"}.get(word, "LPAREN" if word in ("{", "lbrace") else "RPAREN")
            self.emit(kind, {"lbrace": "{", "rbrace": "}"}.get(word, word))
            return end
        if word == "|":
            return self.emit("PARALLEL" if self.in_call() else "NORM", r"\|") or end
        if word in IGNORED:
            return end
        if word in SIZES:
            return self.delimiter(end)
        if word in WRAPPERS:
            return self.wrapper(word, end)
        if word in TEXT_COMMANDS:
            return self.text(word, end)
        if word in ZERO_STYLES and argument(self.tex, end)[0].strip() == "0":  # \mathbf{0}: a zero vector
            return self.emit("ZERO", "0") or argument(self.tex, end)[1]
        if word == "mathbb":
            inner, after = argument(self.tex, end)
            if inner.strip() == "E":
                return self.expectation(after)
            if inner.strip() == "I":
                return self.name(Name("I", style="bb"), after)
            raise UnreadError(rf"\mathbb{{{inner.strip()}}} is not read (a set, not a value)")
        if word in COMMANDS:
            return self.known(word, end)
        found = read_name(self.tex, index)
        if found is not None:
            return self.name(*found)
        raise UnreadError(rf"cannot read \{word}")

    def known(self, word: str, end: int) -> int:
        kind = COMMANDS[word]
        if kind == "UNREAD":
            raise UnreadError(rf"\{word} is not read yet")
        if kind in ("BAR", "NORM") and self.in_call():
            kind = "GIVEN" if kind == "BAR" else "PARALLEL"
        if kind == "FRAC":
            return self.fraction(end)
        if kind in SCRIPTED:
            scripts, end = self.scripts(end)
            if kind == "INT":
                self.open_integrals += 1
            if kind == "NABLA" and scripts.get("_") is None:
                raise UnreadError(r"\nabla without the variable it differentiates in")
            self.emit(kind, word, scripts)
            return end
        self.emit(kind, word)
        return end

    def scripts(self, at: int) -> tuple[dict[str, str], int]:
        """The raw subscript and superscript after a command (``\\sum_{i=1}^{n}``), and the index after them."""
        found: dict[str, str] = {}
        while True:
            rest = re.match(r"\s*(\\limits|\\nolimits)?\s*([_^])", self.tex[at:])
            if rest is None or rest.group(2) in found:
                return found, at
            text, at = argument(self.tex, at + rest.end())
            found[rest.group(2)] = text

    def transpose(self, index: int) -> int:
        r"""``^T``, ``^{\top}``: a transpose (of a matrix: the reader decides)."""
        match = TRANSPOSE.match(self.tex, index)
        end = match.end()
        if "{" in match.group(0):
            close = re.match(r"\s*\}", self.tex[end:])
            if close is None:
                raise UnreadError("a superscript that starts with T: a transpose, or a power?")
            end += close.end()
        return self.emit("TRANSPOSE", "T") or end

    def environment(self, word: str, end: int) -> int:
        r"""``\begin{pmatrix}`` ... ``\end{pmatrix}``: a matrix, with its brackets; other environments are not read."""
        kind, after = argument(self.tex, end)
        kind = kind.strip()
        if kind not in MATRIX_BRACKETS:
            raise UnreadError(f"the {kind} environment is not read")
        opening, closing = MATRIX_BRACKETS[kind]
        if word == "begin":
            self.emit(opening, "|" if opening == "BAR" else "(")
            self.emit("BEGINMAT", kind)
            self.matrices += 1
        elif self.matrices:
            self.matrices -= 1
            self.emit("ENDMAT", kind)
            self.emit(closing, "|" if closing == "BAR" else ")")
        else:
            raise UnreadError(rf"\end{{{kind}}} without its \begin")
        return after

    def fraction(self, end: int) -> int:
        r"""``\frac{a}{b}``, ``\frac12`` (two digits, two arguments), or a derivative ``\frac{d}{dx}``."""
        numerator, middle = argument(self.tex, end)
        denominator, after = argument(self.tex, middle)
        derivative = derivative_of(numerator, denominator)
        if derivative is not None:
            order, variable, function = derivative
            self.emit("DERIV", "d", (order, variable))
            if function:
                inner = lex(function, functions=self.functions)
                self.out += [token("LBRACE", "{"), *inner.tokens, token("RBRACE", "}")]
                self.names += inner.names
            self.names.append(variable)
            return after
        if re.match(r"\s*(d|\\partial|\\mathrm\{d\})\b", numerator) and re.match(r"\s*(d|\\partial)", denominator):
            raise UnreadError("a derivative in a form that is not read")
        self.emit("FRAC", "frac")
        for part in (numerator, denominator):
            inner = lex(part, functions=self.functions)
            self.out += [token("LBRACE", "{"), *inner.tokens, token("RBRACE", "}")]
            self.names += inner.names
        return after

    def delimiter(self, end: int) -> int:
        r"""After ``\left`` or ``\big``: the delimiter keeps its meaning (``\left|`` opens an absolute value)."""
        if self.tex.startswith(".", end):
            raise UnreadError(r"\left. or \right. (an evaluation bar) is not read")
        double = re.match(r"(?:\||\\vert\b)\s*\\(?:left|right|[bB]ig+[lr]?)\s*(?:\||\\vert\b)", self.tex[end:])
        if double:  # \left|\left| v \right|\right|: a norm written with two bars
            return self.emit("NORM", r"\|") or end + double.end()
        for text, kind in ((r"\|", "NORM"), (r"\Vert", "NORM"), ("|", "BAR"), (r"\vert", "BAR")):
            if self.tex.startswith(text, end):
                self.emit(kind, text)
                return end + len(text)
        return end

    def wrapper(self, word: str, end: int) -> int:
        r"""``\color{red}{x}`` -> ``x``; ``\underbrace{x}_{\text{...}}`` -> ``x``; ``\phantom{x}`` -> nothing."""
        skip, at = WRAPPERS[word], end
        for _ in range(max(skip, 0)):
            _, at = argument(self.tex, at)
        content, at = argument(self.tex, at)
        if word in ("underbrace", "overbrace"):
            script = re.match(r"\s*[_^]", self.tex[at:])
            if script:
                label, at = argument(self.tex, at + script.end())
                if re.fullmatch(r"\\[A-Za-z]+", label.strip()) and self.tex[at:].lstrip().startswith("{"):
                    _, at = argument(self.tex, at)  # _\text{ELBO}: the command's argument is the label too
        if skip >= 0:
            inner = lex(content, functions=self.functions)
            self.out += [token("LBRACE", "{"), *inner.tokens, token("RBRACE", "}")]
            self.names += inner.names
        return at

    def text(self, word: str, end: int) -> int:
        content, after = argument(self.tex, end)
        content = content.strip()
        kind = OPERATORS.get(content)
        if kind is None and len(content) == 1 and content.isalpha():
            return self.name(Name(content, style="bold" if word == "textbf" else "rm"), after)
        if kind is None:
            raise UnreadError(f"\\{word}{{{content}}} is text, not a value")
        if kind == "EXPECT":
            return self.expectation(after)
        if kind == "DIFFMARK":  # \mathrm{d} z: math mode drops the space
            found = self.differential(len(self.tex) - len(self.tex[after:].lstrip()))
            if found is None:
                raise UnreadError(r"\mathrm{d} without a variable")
            return found
        self.emit(kind, "tr" if content == "Tr" else content)  # \operatorname{Tr}: the trace
        return after

    def letter(self, index: int) -> int:
        word = PLAIN_WORD.match(self.tex, index)
        if word and not self.tex[index - 1:index].isalpha():  # log p(x): an author names the function, not l o g
            if OPERATORS.get(word.group(1)) not in ("FUNC", "VAR", "COV"):
                raise UnreadError(f"'{word.group(1)}' without a backslash: a function name or a product of letters?")
            return self.emit(OPERATORS[word.group(1)], word.group(1)) or word.end()
        if self.tex[index] == "d" and self.open_integrals:
            after = self.differential(index + 1)
            if after is not None:
                return after
        if self.tex[index] == "E" and self.expectation_follows(index + 1):
            return self.expectation(index + 1)
        found = read_name(self.tex, index)
        if found is None:
            raise UnreadError(f"cannot read {self.tex[index:index + 10]!r}")
        return self.name(*found)

    def expectation(self, at: int) -> int:
        """An expectation sign: its subscript (the distribution, read later) goes with it."""
        scripts, at = self.scripts(at)
        if "^" in scripts:
            raise UnreadError("a superscript on an expectation")
        return self.emit("EXPECT", "E", scripts) or at

    def expectation_follows(self, at: int) -> bool:
        """After an ``E``: ``[``, or a subscript and then ``[`` (``E_q[...]``), not a variable ``E_1``."""
        rest = self.tex[at:].lstrip()
        if rest.startswith("_"):
            start = len(self.tex) - len(rest) + 1
            _, after = argument(self.tex, start)
            rest = self.tex[after:].lstrip()
        return bool(re.match(r"(?:\\left|\\big|\\Big|\\bigg|\\Bigg)?\s*\[", rest))

    def differential(self, at: int) -> int | None:
        """``dx`` after an integral: the differential of the variable that follows, or None."""
        found = read_name(self.tex, at)
        if found is None or (found[1] < len(self.tex) and self.tex[found[1]].isalpha()):
            return None
        self.names.append(found[0])
        self.emit("DIFF", "d", found[0])
        self.open_integrals = max(self.open_integrals - 1, 0)
        return found[1]

    def name(self, name: Name, end: int) -> int:
        if name.base == "D" and name.sub.upper().strip() == "KL":
            return self.emit("KL", "KL") or end
        following = self.tex[end:].lstrip()
        following = re.sub(r"^\\(?:left|big|Big|bigg|Bigg|bigl|Bigl)\b\s*", "", following)
        if following.startswith("(") and (self.is_function(name) or ARGUMENTS.match(following) and not name.is_bold):
            # L(\theta), s(x, t): a function of names, unknown to the linter; never a product here. As an
            # opaque value it proves only what holds for every function, and refutes nothing.
            self.names.append(name)
            self.emit("CALL", name.sympy_name, name)
            return end
        power = POWER_BEFORE_PARENS.match(following)  # where name(...) is a call, name^2(...) is unclear
        if power and not name.is_bold and (self.is_function(name) or ARGUMENTS.match(following, power.end())):
            raise UnreadError(f"{name.sympy_name}^k(...): a power of the function's value, or a product?")
        if following.startswith("(") and any(key[:3] == name.key[:3] for key in self.functions):  # phi_X(t/n)
            raise UnreadError(f"{name.sympy_name}(...): a function the post defines, of an expression, or a product?")
        if following.startswith("(") and (name.style == "cal" or not name.sub and len(name.base) > 1
                                          and name.base[0].isupper()):
            raise UnreadError(f"{name.sympy_name}(...): a function the post has not defined (a loss, an operator?)")
        if name.base == "N" and name.style == "cal":
            raise UnreadError(r"\mathcal{N} without its arguments")
        self.names.append(name)
        self.emit("NAME", name.sympy_name, name)
        return end

    def is_function(self, name: Name) -> bool:
        if name.key in self.functions or name.is_learned:
            return True
        if name.base == "N" and name.style == "cal":
            return True
        if name.base in ("Gamma", "Phi") and not name.sub:
            return True
        return name.base in FUNCTION_LETTERS and not name.accent and not name.is_bold


__all__ = ["UnreadError", "Lexed", "Tok", "lex", "group_end", "FUNCTION_LETTERS"]
