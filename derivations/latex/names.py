r"""Names as posts write them: ``\bar{\alpha}_{t-1}``, ``\mathbf{x}_0``, ``p_\theta``, ``\epsilon^*``.

:func:`read_name` reads one name at a position of a LaTeX string: a style
(``\mathbf``, ``\boldsymbol``, ``\bm``, ``\mathcal``, ``\mathrm``), an accent (``\bar``,
``\overline``, ``\tilde``, ``\hat``, ...), a base (a Latin letter or a Greek command),
a subscript (``_t``, ``_{t-1}``, ``_\theta``, ``_\text{VLB}``) and marks (primes, ``^*``,
``^{(i)}``). :class:`Name` is what was read, with the key the post's symbols are
matched by: bold and plain are the same variable (``\mathbf{x}_t`` is ``x_t``), an
accent or a subscript makes another one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GREEK = frozenset(
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho "
    "sigma tau upsilon phi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega "
    "ell".split()
)
#: Variant letters read as their plain form (posts use both for the same thing).
VARIANTS = {"varepsilon": "epsilon", "vartheta": "theta", "varphi": "phi", "varrho": "rho", "varsigma": "sigma",
            "varpi": "pi"}
ACCENTS = {"bar": "bar", "overline": "bar", "tilde": "tilde", "widetilde": "tilde", "hat": "hat",
           "widehat": "hat", "check": "check", "breve": "breve"}
BOLD = ("mathbf", "boldsymbol", "bm", "mathbfit", "pmb", "bold")
STYLES = {**dict.fromkeys(BOLD, "bold"), "mathcal": "cal", "mathscr": "cal", "mathrm": "rm", "mathit": "",
          "mathsf": "sf", "mathbb": "bb"}
#: Subscript letters that mark a learned function's parameters: mu_theta(x_t, t) is a call.
PARAMETERS = frozenset({"theta", "phi", "psi"})
_COMMAND = re.compile(r"\\([A-Za-z]+)\s*")
_TEXT = re.compile(r"\\(?:text|textrm|textit|textbf|mathrm|operatorname|mathit|mathsf)\s*")
#: Commands that take their argument into an unbraced subscript, as TeX reads ``D_\text{KL}``, ``x_\mathbf{t}``.
_STYLED_SUBSCRIPTS = frozenset({"text", "textrm", "textit", "textbf", "textsf", "mathrm", "operatorname", "mathit",
                                "mathsf", "mbox", *STYLES})


@dataclass(frozen=True)
class Name:
    """One name: base letter, accent, style, subscript and marks, as written."""

    base: str  # "x", "alpha", "N"
    accent: str = ""  # "bar", "tilde", "hat" or ""
    style: str = ""  # "bold", "cal", "rm", "bb" or ""
    sub: str = ""  # "t-1", "0", "theta", "1:T" or ""
    mark: str = ""  # "'", "*", "(i)" or ""

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        """What identifies the variable: bold and plain letters are one variable; calligraphic is another."""
        style = "" if self.style in ("bold", "rm") else self.style
        return self.base, self.accent, style, self.sub, self.mark

    @property
    def python_name(self) -> str:
        """The notation table's name: ``\\bar{\\alpha}_{t-1}`` -> ``alpha_bar_tm1``, ``\\epsilon`` -> ``eps``."""
        base = "eps" if self.base == "epsilon" else self.base
        sub = self.sub.replace(" ", "").replace("-", "m").replace("+", "p")
        parts = [base, self.accent, re.sub(r"[^A-Za-z0-9_]", "", sub)]
        return "_".join(p for p in parts if p) + ("_star" if self.mark == "*" else "")

    @property
    def sympy_name(self) -> str:
        """A SymPy name that prints back the same way (``alphabar_t-1``, ``x_0``, ``p_theta``)."""
        style = {"cal": "cal", "bb": "bb", "sf": "sf"}.get(self.style, "")
        text = self.base + self.accent + style
        if self.sub:
            text += f"_{self.sub}"
        return text + {"'": "'", "*": "^*"}.get(self.mark, self.mark and f"^{self.mark}")

    @property
    def family(self) -> tuple[str, str]:
        return self.base, self.accent

    @property
    def is_bold(self) -> bool:
        return self.style == "bold"

    @property
    def is_learned(self) -> bool:
        """``mu_theta``, ``epsilon_theta``, ``p_phi``: a learned function of its arguments."""
        head = self.sub.split(",")[0].strip()
        return head in PARAMETERS


class NameError_(ValueError):
    """A name that cannot be read (an unknown command, an unbalanced group)."""


def group_end(tex: str, start: int) -> int:
    """Index just past the balanced ``{...}`` group opening at ``tex[start]``; -1 if unbalanced."""
    depth = 0
    index = start
    while index < len(tex):
        char = tex[index]
        if char == "\\":
            index += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return -1


def _skip(tex: str, index: int) -> int:
    while index < len(tex) and tex[index] == " ":
        index += 1
    return index


def argument(tex: str, index: int) -> tuple[str, int]:
    """The argument at ``index``: a ``{...}`` group's content, a command, or one character."""
    index = _skip(tex, index)
    if index >= len(tex):
        raise NameError_("a command is missing its argument")
    if tex[index] == "{":
        end = group_end(tex, index)
        if end < 0:
            raise NameError_("an unbalanced {")
        return tex[index + 1:end - 1], end
    command = _COMMAND.match(tex, index)
    if command:
        return "\\" + command.group(1), command.end()
    return tex[index], index + 1


def scripts_in_order(tex: str) -> str:
    r"""``\sigma^2_t`` as ``\sigma_{t}^{2}``: TeX sets a superscript and a subscript on one base in either order,
    and a name is read with its subscript."""
    out, index = [], 0
    while (caret := tex.find("^", index)) >= 0:
        try:
            power, after = argument(tex, caret + 1)
            under = _skip(tex, after)
            sub, end = argument(tex, under + 1) if tex[under:under + 1] == "_" else ("", after)
        except NameError_:
            break
        out.append(tex[index:caret] + (f"_{{{sub}}}^{{{power}}}" if end != after else tex[caret:after]))
        index = end
    return "".join(out) + tex[index:]


_SCRIPT = r"(?:\{[^{}]*\}|[A-Za-z0-9])"
#: ``x_1, \dots, x_T``: one name with a first and a last subscript, dots between them.
_LISTED = re.compile(r"(?<![A-Za-z\\])(?P<name>(?:\\(?:mathbf|boldsymbol|bm)\{\\?[A-Za-z]+\}|\\[A-Za-z]+|[A-Za-z]))"
                     rf"_(?P<first>{_SCRIPT})\s*,\s*\\(?:c|l)?dots[cbo]?\s*,\s*(?P=name)_(?P<last>{_SCRIPT})")


def ranges_listed(tex: str) -> str:
    r"""``x_1, \cdots, x_T`` as the range ``x_{1:T}`` it lists (Ho et al. (2020) write :math:`\mathbf{x}_{1:T}`)."""
    def as_range(match: re.Match) -> str:
        first, last = (match.group(g).removeprefix("{").removesuffix("}").strip() for g in ("first", "last"))
        if not first.isdigit() or (last.isdigit() and int(last) < int(first)):
            return match.group(0)  # x_T, \dots, x_1: not a range that runs upwards from a number
        name = re.escape(match.group("name"))
        before = re.search(rf"{name}_(\{{[^{{}}]*\}}|[A-Za-z0-9])\s*,\s*$", tex[:match.start()])
        if before is not None and before.group(1).strip("{} ") != str(int(first) - 1):
            return match.group(0)  # x_1, x_3, \dots, x_{2T-1}: not every index between
        return f"{match.group('name')}_{{{first}:{last}}}"
    return _LISTED.sub(as_range, tex)


def read_name(tex: str, index: int) -> tuple[Name, int] | None:
    """The name at ``tex[index]`` and the index after it, or None if no name starts there."""
    style, accent = "", ""
    start = index
    while True:
        command = _COMMAND.match(tex, index)
        if command and command.group(1) in STYLES and not style:
            style = STYLES[command.group(1)]
            inner, index = argument(tex, command.end())
            found = read_name(inner.strip(), 0)
            if found is None or found[1] != len(inner.strip()):
                if style == "rm" and len(inner.strip()) == 1 and inner.strip().isalpha():
                    found = (Name(inner.strip()), 1)
                else:
                    return None  # \mathrm{Var}, \mathbf{x y}: not one name
            named = found[0]
            return _decorated(tex, index, Name(named.base, named.accent or accent, style or named.style,
                                               named.sub, named.mark))
        if command and command.group(1) in ACCENTS and not accent:
            accent = ACCENTS[command.group(1)]
            inner, index = argument(tex, command.end())
            found = read_name(inner.strip(), 0)
            if found is None or found[1] != len(inner.strip()) or found[0].accent:
                return None
            named = found[0]
            return _decorated(tex, index, Name(named.base, accent, named.style, named.sub, named.mark))
        break
    index = start
    command = _COMMAND.match(tex, index)
    if command:
        word = VARIANTS.get(command.group(1), command.group(1))
        if word not in GREEK or word == "pi":
            return None
        return _decorated(tex, command.end(), Name(word))
    if index < len(tex) and tex[index].isalpha() and tex[index].isascii():
        return _decorated(tex, index + 1, Name(tex[index]))
    return None


def _decorated(tex: str, index: int, name: Name) -> tuple[Name, int]:
    """The name with the subscript and marks that follow it (a subscript inside an accent counts too)."""
    sub, mark = name.sub, name.mark
    while True:
        at = _skip(tex, index)
        if at < len(tex) and tex[at] == "_" and not sub and _skip(tex, at + 1) < len(tex):  # x_ at the end: no name
            text, index = argument(tex, at + 1)
            if text[1:] in _STYLED_SUBSCRIPTS and _skip(tex, index) < len(tex):  # L_\text{VLB}: both are the subscript
                inner, index = argument(tex, index)
                text = f"{text}{{{inner}}}"
            sub = subscript_text(text)
            continue
        primes = re.match(r"\^\s*\{((?:\s*\\prime)+)\s*\}", tex[at:])  # x^{\prime}: the inert spelling of x'
        if primes and not mark:
            mark, index = "'" * primes.group(1).count("prime"), at + primes.end()
            continue
        if at < len(tex) and tex[at] == "'" and not mark:
            end = at
            while end < len(tex) and tex[end] == "'":
                end += 1
            mark, index = "'" * (end - at), end
            continue
        star = re.match(r"\^\s*(?:\{\s*(\*|\\star|\\ast|\(\s*[A-Za-z0-9]+\s*\)|\[\s*[A-Za-z0-9]+\s*\])\s*\}"
                        r"|(\*|\\star|\\ast))", tex[at:])  # x^*, a sample x^{(i)}, a layer's W^{[l]}
        if star and not mark:
            found = (star.group(1) or star.group(2)).replace(" ", "")
            mark = "*" if found in ("*", r"\star", r"\ast") else found
            index = at + star.end()
            continue
        break
    return Name(name.base, name.accent, name.style, sub, mark), index


def subscript_text(text: str) -> str:
    r"""A subscript as a plain string: ``\mathrm{VLB}`` -> ``VLB``, ``\theta`` -> ``theta``, ``t - 1`` -> ``t-1``."""
    text = _TEXT.sub("", text)
    text = re.sub(r"\\([A-Za-z]+)", lambda m: VARIANTS.get(m.group(1), m.group(1)), text)
    text = text.replace("{", "").replace("}", "").replace("\\", "")
    return re.sub(r"\s+", "", text)
