r"""The vocabulary of probability: densities, expectations and KL divergences as opaque terms.

A post or a derivation writes :math:`q(\mathbf{x}_t \mid \mathbf{x}_0)`,
:math:`\mathbb{E}_{q}[\log p_\theta(\mathbf{x}_0)]` or
:math:`D_{\mathrm{KL}}(q \,\|\, p)` long before it says what they are. These classes keep
such terms as what they are written to be, and nothing more:

* :class:`Density`: the density of a family (``q``, ``p_theta``) at some outcomes, given
  some conditions. Equal only to itself (the same family, outcomes and conditions), and
  positive, so logarithms of products of densities split (a density is positive on its
  support, where a post evaluates it);
* :class:`Expectation`: an expectation of a body under a named distribution; equal only to
  itself, real when its body is. Moving an expectation (linearity) needs the terms to be
  integrable, which nothing here proves: a derivation states such a step;
* :class:`Divergence`: :math:`D_{\mathrm{KL}}(P \,\|\, Q)` of two distributions, opaque.

What a term *is* comes from a definition, a stated hypothesis or a proved result, never from
its letters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy as sp


def _joined(printer: Any, items: Sequence[sp.Expr]) -> str:
    return ", ".join(printer._print(item) for item in items)


class Density(sp.Function):
    r"""``Density(family, (outcomes...), (conditions...))``: :math:`q(x \mid z)`, opaque and positive.

    >>> from derivations.engine.notation import latex, symbol
    >>> q = density("q", symbol("x_t"), given=(symbol("x_0"),))
    >>> latex(q)
    'q\\left(\\mathbf{x}_{t} \\mid \\mathbf{x}_{0}\\right)'
    >>> sp.log(q * q).expand(force=False)
    2*log(q(x_t | x_0))
    """

    nargs = 3

    @property
    def family(self) -> sp.Symbol:
        return self.args[0]

    @property
    def outcomes(self) -> tuple[sp.Expr, ...]:
        return tuple(self.args[1])

    @property
    def conditions(self) -> tuple[sp.Expr, ...]:
        return tuple(self.args[2])

    def _eval_is_positive(self) -> bool:
        return True

    def _eval_is_real(self) -> bool:
        return True

    def _eval_is_finite(self) -> bool:
        return True

    def _latex(self, printer: Any) -> str:
        given = rf" \mid {_joined(printer, self.conditions)}" if self.conditions else ""
        return rf"{printer._print(self.family)}\left({_joined(printer, self.outcomes)}{given}\right)"

    def _sympystr(self, printer: Any) -> str:
        given = f" | {', '.join(printer._print(c) for c in self.conditions)}" if self.conditions else ""
        return f"{printer._print(self.family)}({', '.join(printer._print(o) for o in self.outcomes)}{given})"


def density(family: str | sp.Symbol, *outcomes: sp.Expr, given: Sequence[sp.Expr] = ()) -> Density:
    """The density of ``family`` at ``outcomes`` given ``given``: ``density("q", x_t, given=(x_0,))``.

    ``family`` is a name as the notation table knows it (``"q"``, ``"p_theta"``) or a symbol.
    """
    name = sp.Symbol(family) if isinstance(family, str) else family
    return Density(name, sp.Tuple(*outcomes), sp.Tuple(*given))


class Expectation(sp.Function):
    r"""``Expectation(body, distribution)``: :math:`\mathbb{E}_{P}[\text{body}]`, opaque.

    ``distribution`` is a :class:`Density` (its outcomes are the random variables) or a
    symbol naming one. Real when the body is real.
    """

    nargs = 2

    def _eval_is_real(self) -> bool | None:
        return self.args[0].is_real

    def _latex(self, printer: Any) -> str:
        body, distribution = self.args
        return rf"\mathbb{{E}}_{{{printer._print(distribution)}}}\left[{printer._print(body)}\right]"

    def _sympystr(self, printer: Any) -> str:
        body, distribution = self.args
        return f"E_{printer._print(distribution)}[{printer._print(body)}]"


def expectation_under(body: sp.Expr, distribution: sp.Expr) -> Expectation:
    r""":math:`\mathbb{E}_{\text{distribution}}[\text{body}]`, opaque (see :class:`Expectation`)."""
    return Expectation(body, distribution)


class Divergence(sp.Function):
    r"""``Divergence(P, Q)``: :math:`D_{\mathrm{KL}}(P \,\|\, Q)`, opaque and real."""

    nargs = 2

    def _eval_is_real(self) -> bool:
        return True

    def _latex(self, printer: Any) -> str:
        first, second = (printer._print(arg) for arg in self.args)
        return rf"D_{{\mathrm{{KL}}}}\left({first} \,\|\, {second}\right)"

    def _sympystr(self, printer: Any) -> str:
        first, second = (printer._print(arg) for arg in self.args)
        return f"KL({first} || {second})"
