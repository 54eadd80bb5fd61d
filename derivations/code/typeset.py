r"""Typeset the reference implementations with latexify-py, in the derivations' notation.

latexify-py reads a function's source and prints it as LaTeX. Its options get
part of the way: ``prefixes={"np"}`` prints ``np.sqrt(a)`` as :math:`\sqrt{a}`,
``use_math_symbols=True`` prints ``mu`` as :math:`\mu`, and an index
``alpha_bar[t]`` becomes a subscript. What its options cannot do is print the
papers' names: every other identifier comes out as ``\mathrm{alpha\_bar}``, and
its ``identifiers=`` option only renames one Python identifier to another (it
rejects ``\bar{\alpha}``). So the names are mapped in one place,
:data:`TYPESET_NAMES` (the notation table of :mod:`derivations.engine.notation` plus
the names only code uses), applied to latexify's output token by token.

Output is deterministic: the same source gives the same LaTeX, byte for byte.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Mapping

import latexify

from derivations.code import reference
from derivations.engine import notation

#: The one place where code names are mapped to the papers' LaTeX. latexify-py 0.4
#: prints a multi-letter identifier as ``\mathrm{name}`` and cannot be told otherwise
#: (its ``identifiers=`` values must be Python identifiers), so its output tokens
#: ``\mathrm{name}`` are replaced by these. Shared symbols come from the notation table.
TYPESET_NAMES: dict[str, str] = {
    **{row.python_name: row.latex for row in notation.TABLE if len(row.python_name) > 1},
    "alpha_bar": r"\bar{\alpha}",  # the schedule array: alpha_bar[t] prints \bar{\alpha}_{t}
    "beta": r"\beta",
    "beta_1": r"\beta_{1}",
    "beta_T": r"\beta_{T}",
    "var": r"\sigma^{2}",
    "var_1": r"\sigma_{1}^{2}",
    "var_2": r"\sigma_{2}^{2}",
}

#: latexify-py options used for every function.
LATEXIFY_OPTIONS: dict[str, object] = {"use_math_symbols": True, "prefixes": {"np", "schedules"}}

_MATHRM = re.compile(r"\\mathrm\{((?:[A-Za-z0-9]|\\_)+)\}([\^_]?)")


def rename(latex: str, names: Mapping[str, str] = TYPESET_NAMES) -> str:
    r"""Replace latexify's ``\mathrm{name}`` tokens by the papers' LaTeX for ``name``.

    A replacement that carries its own superscript (``\sigma_{1}^{2}``) or subscript
    is braced when latexify adds another (a power, an index), so that no double
    superscript or subscript results.

    >>> rename(r"\sqrt{ \mathrm{alpha\_bar}_{t} } \cdot \mathrm{x\_0}")
    '\\sqrt{ \\bar{\\alpha}_{t} } \\cdot \\mathbf{x}_{0}'
    """

    def replace(match: re.Match[str]) -> str:
        name, script = match.group(1).replace(r"\_", "_"), match.group(2)
        if name not in names:
            return match.group(0)
        new = names[name]
        return f"{{{new}}}{script}" if script and script in new else new + script

    return _MATHRM.sub(replace, latex)


def function_latex(function: Callable[..., object]) -> str:
    """The LaTeX of ``function``'s body, as latexify-py prints it, in the papers' notation."""
    return rename(latexify.get_latex(function, **LATEXIFY_OPTIONS))


def implementations() -> dict[str, Callable[..., object]]:
    """The reference implementations by name: :mod:`derivations.code.reference`, then the schedules."""
    functions = {name: getattr(reference, name) for name in reference.__all__}
    functions = {name: f for name, f in functions.items() if inspect.isfunction(f)}
    for name in reference.SCHEDULE_FUNCTIONS:
        functions[name] = getattr(reference.schedules, name)
    return functions


def implementations_latex() -> dict[str, str]:
    """``{implementation name: LaTeX}`` for every implementation latexify-py can typeset."""
    return {name: latex for name, (latex, _) in _typeset().items() if latex is not None}


def not_typeset() -> dict[str, str]:
    """``{implementation name: why latexify-py cannot typeset it}`` (e.g. a slice, ``a[1:]``)."""
    return {name: reason for name, (latex, reason) in _typeset().items() if latex is None}


def _typeset() -> dict[str, tuple[str | None, str]]:
    """Each implementation's LaTeX, or None and latexify-py's reason."""
    result: dict[str, tuple[str | None, str]] = {}
    for name, function in implementations().items():
        try:
            result[name] = (function_latex(function), "")
        except latexify.exceptions.LatexifyError as error:
            result[name] = (None, f"latexify-py {latexify.__version__} cannot typeset it: {error}")
    return result


def _summary(function: Callable[..., object], fmt: str) -> str:
    """The docstring's first paragraph, its reST markup (``:math:``, literals) turned into ``fmt``."""
    doc = (inspect.getdoc(function) or "").split("\n\n")[0].replace("\n", " ")
    parts = []
    for index, piece in enumerate(_MARKUP.split(doc)):
        if index % 2 == 0:  # prose
            parts.append(piece if fmt == "md" else _tex_escape(piece))
        elif piece.startswith(":math:"):
            parts.append(f"${piece[7:-1]}$")
        else:  # a ``literal``
            parts.append(f"`{piece[2:-2]}`" if fmt == "md" else rf"\texttt{{{_tex_escape(piece[2:-2])}}}")
    return "".join(parts)


_MARKUP = re.compile(r"(:math:`[^`]*`|``[^`]*``)")
_TEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "_": r"\_", "^": r"\^{}", "%": r"\%",
                "&": r"\&", "#": r"\#", "$": r"\$", "~": r"\~{}"}


def _tex_escape(text: str) -> str:
    """``text`` with LaTeX's special characters escaped (for code and prose in text mode)."""
    return "".join(_TEX_SPECIAL.get(c, c) for c in text)


def _source(function: Callable[..., object]) -> str:
    """The function's code without its docstring (the docstring is shown as the summary)."""
    source = inspect.getsource(function)
    return re.sub(r'\n    r?"""(?:.|\n)*?"""\n', "\n", source, count=1).rstrip() + "\n"


def code_section(fmt: str = "md") -> str:
    """A "Code" section in Markdown (``md``) or LaTeX (``tex``): each implementation's code and LaTeX."""
    if fmt not in ("md", "tex"):
        raise ValueError(f"unknown format {fmt!r}; expected 'md' or 'tex'")
    typeset, block = _typeset(), (_block_md if fmt == "md" else _block_tex)
    blocks = [block(name, function, *typeset[name]) for name, function in implementations().items()]
    return "\n".join([HEAD[fmt], *blocks])


HEAD = {
    "md": ("## Code\n\nReference implementations in NumPy (`derivations/code/reference.py`, the schedules from "
           "`derivations/diffusion/schedules.py`), typeset with latexify-py in the derivations' notation. "
           "`derivations check-code` checks each against the result it implements.\n"),
    "tex": ("\\section*{Code}\n\nReference implementations in NumPy (\\texttt{derivations/code/reference.py}, the "
            "schedules from \\texttt{derivations/diffusion/schedules.py}), typeset with latexify-py in the "
            "derivations' "
            "notation. \\texttt{derivations check-code} checks each against the result it implements.\n"),
}


def _block_md(name: str, function: Callable[..., object], latex: str | None, reason: str) -> str:
    math = f"$$\n{latex}\n$$\n" if latex is not None else f"*Not typeset: {reason}.*\n"
    return f"### `{name}`\n\n{_summary(function, 'md')}\n\n```python\n{_source(function)}```\n\n{math}"


def _block_tex(name: str, function: Callable[..., object], latex: str | None, reason: str) -> str:
    title = name.replace("_", r"\_")
    math = (f"\\[\n{latex}\n\\]\n" if latex is not None
            else f"\\emph{{Not typeset: {_tex_escape(reason)}.}}\n")
    return (f"\\subsection*{{\\texttt{{{title}}}}}\n\n{_summary(function, 'tex')}\n\n"
            f"\\begin{{verbatim}}\n{_source(function)}\\end{{verbatim}}\n{math}")


def code_files() -> dict[str, str]:
    """The files ``code.md`` and ``code.tex`` (name -> text) for the output folder.

    The Markdown's math is spelled so that kramdown and Goldmark leave it alone (:mod:`~derivations.latex.markdown`).
    """
    from derivations.latex.markdown import inert_page

    md = inert_page(f"<!-- {GENERATED} -->\n\n# Code that matches the math\n\n{code_section('md')}")
    tex = (f"% {GENERATED}\n\\documentclass{{article}}\n\\usepackage{{amsmath,amssymb}}\n"
           f"\\begin{{document}}\n{code_section('tex')}\n\\end{{document}}\n")
    return {"code.md": md, "code.tex": tex}


GENERATED = "Generated by `derivations run`; do not edit by hand."
