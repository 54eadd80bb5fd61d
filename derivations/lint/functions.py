r"""A function a post defines: ``g(u) = u^2``, ``\operatorname{SNR}(t) = ...``, ``\mu_\theta(x_t, t) = ...``.

The body is read with the name undefined, and kept in the post's scope: a later call of the name is the
body at its arguments (:class:`~derivations.latex.calls.DefinedFunction`). A body that names its value at
its own arguments only is *exact* (:func:`exact_in`): :math:`t` in :math:`\bar\alpha_t` is an index that
does not move when t does. Any other function's parameters are plain real numbers, free of the conventions
their letters have elsewhere in the post (:math:`f(\sigma) = |\sigma|` is no identity).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

import sympy as sp
from sympy.core.function import AppliedUndef

from derivations.engine.probability import Density, Opaque
from derivations.latex.calls import DefinedFunction
from derivations.latex.names import Name, read_name
from derivations.latex.reader import read
from derivations.lint.steps import top_level_split

if TYPE_CHECKING:
    from derivations.lint.context import Post

#: An operator named by a word the reader reads as a function (``\operatorname{SNR}``).
_OPERATOR_NAME = re.compile(r"\\(?:operatorname|mathrm|text)\s*\{\s*(SNR)\s*\}")
#: A definition's head: a function of names, ``name(args)``.
CALL_HEAD = re.compile(r"^\s*(?P<name>.+?)\s*(?:\\left)?\(\s*(?P<args>[^()]*?)\s*(?:\\right)?\)\s*$")


def function_name(text: str) -> Name | None:
    """The name of a function as a head writes it (``\\mu_\\theta``, ``\\operatorname{SNR}``), or None."""
    word = _OPERATOR_NAME.fullmatch(text.strip())
    found = (Name(word.group(1), style="rm"), len(text.strip())) if word else read_name(text.strip(), 0)
    return found[0] if found is not None and found[1] == len(text.strip()) else None


def forget_function(post: Post, head_text: str) -> None:
    """``f(x) = x^3`` restated and not proved, or said in passing: f (and what was said of f', f'') is unknown now."""
    head = CALL_HEAD.match(head_text)
    name = function_name(head["name"]) if head else None
    if name is not None:
        _forget(post, name)


def forget_calls(post: Post, text: str) -> None:
    """Every function the post defined whose call ``text`` holds is unknown from here on."""
    for key in list(post.scope.functions):
        if key in post.scope.functions and re.search(rf"(?<![A-Za-z]){re.escape(key[0])}(?![A-Za-z])", text):  # f, \phi
            _forget(post, Name(*key[:5]))


def _forget(post: Post, name: Name, keep: tuple | None = None) -> None:
    for key in [k for k in post.scope.functions if k[:4] == name.key[:4] and k != keep]:
        del post.scope.functions[key]


def exact_in(parameters: list[sp.Symbol], body: sp.Expr) -> bool:
    r"""Does ``body`` name its value at these parameters only? A parameter with a subscript (:math:`x_t`), or one
    written into a name of the body: a subscript or superscript (:math:`\bar\alpha_t`, :math:`x^{(k)}`,
    :math:`\sigma_{ts}`), a function's (:math:`g_t(x)`, :math:`\epsilon_\theta(x)`), a density's (:math:`p_t`)."""
    if any(re.search(r"[_^]", p.name) for p in parameters):
        return True
    names = {s.name for s in body.free_symbols if s not in parameters and hasattr(s, "name")}
    names |= {type(f).__name__ for f in body.atoms(AppliedUndef, Opaque)}
    names |= {str(d.args[0]) for d in body.atoms(Density)}
    marks = [re.split(r"[_^]", n, maxsplit=1)[1] for n in names if re.search(r"[_^]", n)]
    return any(p.name in mark for p in parameters for mark in marks)


def define_function(post: Post, name_text: str, args_text: str, value_text: str, cued: bool = True) -> bool:
    """Record ``name(args) = value`` in the post's scope; True if it is a function's definition.

    A value in passing (not ``cued``: "notice that $f(x) = x^3$") defines nothing, and the function it speaks
    of is unknown from there on: it may refute, never prove (lint.cues).
    """
    name = function_name(name_text)
    if name is None or "|" in args_text or r"\mid" in args_text:
        return False
    density = name.base in ("p", "q", "P", "Q") and name.sympy_name not in post.scope.plain_functions
    if (density and post.scope.densities) or (name.base == "N" and name.style == "cal"):
        return False  # a density's definition is recorded by its value, as a density
    parameters = []
    for _, text in top_level_split(args_text, re.compile("[,;]")):  # f(x; mu): a function of x and mu
        parsed = post.read(text)
        if not isinstance(parsed.expr, sp.Symbol):
            return False
        parameters.append(parsed.expr)
    if not cued:  # a statement of f at plain names, in passing
        _forget(post, name)
        return True
    saved = dict(post.scope.functions)
    post.scope.functions.pop(name.key, None)  # the body is read with the name undefined
    read_body = post.read(value_text)
    if read_body.expr is not None and not exact_in(parameters, read_body.expr):
        # a function of plain names takes any number: f(sigma) = |sigma| is read without sigma's convention
        plain = {p.name: sp.Symbol(p.name, real=True) for p in parameters}
        parameters = list(plain.values())
        read_body = read(value_text.replace(r"\_", "_"), replace(post.scope, fixed={**post.scope.fixed, **plain}))
    body = read_body.expr
    if body is None:
        post.scope.functions = saved
        return False
    exact = exact_in(parameters, body)
    other = saved.get(name.key)  # mu_tilde(x_t, x_0) and mu_tilde(x_t, epsilon): two exact definitions
    other = other if exact and isinstance(other, DefinedFunction) and other.exact else None
    _forget(post, name, keep=name.key)  # A(theta) defined again: what was said of A'' (theta) was of the old A
    post.scope.functions[name.key] = DefinedFunction(parameters, body, read_body.divisors, value_text,
                                                     exact=exact, other=other)
    return True
