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
* :class:`Trajectory`: random variables indexed by an integer time, :math:`\mathbf{x}_0, \dots,
  \mathbf{x}_T`; ``x[t - 1]`` prints :math:`\mathbf{x}_{t-1}` (the outcomes of densities in a sum over t);
* :class:`Divergence`: :math:`D_{\mathrm{KL}}(P \,\|\, Q)` of two distributions, opaque;
  :func:`kl_as_expectation` writes its definition,
  :math:`D_{\mathrm{KL}}(P \,\|\, Q) = \mathbb{E}_{P}[\log(P/Q)]`, for a ``DEFINITION`` line.

What a term *is* comes from a definition, a stated hypothesis or a proved result, never from
its letters. The rules that act on these terms are in :mod:`~derivations.engine.expectation_rules`
(congruence under an expectation, stated bounds) and :mod:`~derivations.engine.sums`
(finite sums of them).

References: Kullback & Leibler (1951), "On information and sufficiency" (the divergence);
Ho, Jain & Abbeel (2020), eqs. (1)-(3) (the densities of a diffusion model written so).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy as sp

from derivations.engine import sympy_fixes as _sympy_fixes  # noqa: F401  (SymPy's wrong facts corrected first)


def _joined(printer: Any, items: Sequence[sp.Expr]) -> str:
    return ", ".join(printer._print(item) for item in items)


class _PrettyAsText:
    """The pretty (unicode) printer shows these terms as their one-line text.

    SymPy's pretty printer has a method of its own for a class named ``Divergence`` (the
    vector operator); this keeps it from being used on ours.
    """

    def _pretty(self, printer: Any) -> Any:
        from sympy.printing.pretty.stringpict import prettyForm

        return prettyForm(sp.sstr(self))


class Opaque(sp.Function):
    """A value the engine knows nothing of but its assumptions (a norm the reader met): the witness
    gives it a value of its own, so a disagreement refutes nothing."""


class Density(_PrettyAsText, sp.Function):
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

    def _eval_derivative(self, symbol: sp.Symbol) -> sp.Expr:
        """Opaque in its outcomes and conditions: zero in any other symbol, else unevaluated (a score)."""
        if symbol not in self.free_symbols:
            return sp.S.Zero
        return sp.Derivative(self, symbol, evaluate=False)

    def _latex(self, printer: Any) -> str:
        given = rf" \mid {_joined(printer, self.conditions)}" if self.conditions else ""
        return rf"{printer._print(self.family)}\left({_joined(printer, self.outcomes)}{given}\right)"

    def _sympystr(self, printer: Any) -> str:
        given = f" | {', '.join(printer._print(c) for c in self.conditions)}" if self.conditions else ""
        return f"{printer._print(self.family)}({', '.join(printer._print(o) for o in self.outcomes)}{given})"


class TrajectoryTerm(sp.Indexed):
    r"""A term :math:`\mathbf{x}_{t-1}` of a :class:`Trajectory`; printed with its index as the papers write it."""

    def _latex(self, printer: Any) -> str:
        indices = ",".join(_index_latex(printer, index) for index in self.indices)
        return f"{printer._print(self.base.label)}_{{{indices}}}"


def _index_latex(printer: Any, index: sp.Expr) -> str:
    """``t-1``, ``t+1``, ``T``: a symbol plus an integer, symbol first; anything else as SymPy prints it."""
    constant, rest = index.as_coeff_Add()
    if constant.is_Integer and constant != 0 and rest.is_Symbol:
        return f"{printer._print(rest)}{'+' if constant > 0 else '-'}{abs(constant)}"
    return printer._print(index)


class Trajectory(sp.IndexedBase):
    r"""Random variables indexed by time, :math:`\mathbf{x}_0, \dots, \mathbf{x}_T`: ``x[t - 1]`` is a term.

    >>> from derivations.engine.notation import latex, symbol
    >>> x, t = Trajectory(symbol("x_seq"), real=True), sp.Symbol("t", integer=True)
    >>> latex(density("q", x[t], given=(x[t - 1],)))
    'q\\left(\\mathbf{x}_{t} \\mid \\mathbf{x}_{t-1}\\right)'
    """

    def __getitem__(self, indices: Any, **kw_args: Any) -> TrajectoryTerm:
        item = super().__getitem__(indices, **kw_args)
        return TrajectoryTerm(*item.args)


def density(family: str | sp.Symbol, *outcomes: sp.Expr, given: Sequence[sp.Expr] = ()) -> Density:
    """The density of ``family`` at ``outcomes`` given ``given``: ``density("q", x_t, given=(x_0,))``.

    ``family`` is a name as the notation table knows it (``"q"``, ``"p_theta"``) or a symbol.
    """
    name = sp.Symbol(family) if isinstance(family, str) else family
    return Density(name, sp.Tuple(*outcomes), sp.Tuple(*given))


class Expectation(_PrettyAsText, sp.Function):
    r"""``Expectation(body, distribution)``: :math:`\mathbb{E}_{P}[\text{body}]`, opaque.

    ``distribution`` is a :class:`Density` (its outcomes are the random variables), a
    symbol naming one, or a tuple of the random variables (:math:`\mathbb{E}_{\mathbf{x}_0, \epsilon}`).
    Real when the body is real.
    """

    nargs = 2

    def _eval_is_real(self) -> bool | None:
        return self.args[0].is_real

    def _latex(self, printer: Any) -> str:
        body, distribution = self.args
        under = _joined(printer, distribution) if isinstance(distribution, sp.Tuple) else printer._print(distribution)
        return rf"\mathbb{{E}}_{{{under}}}\left[{printer._print(body)}\right]"

    def _sympystr(self, printer: Any) -> str:
        body, distribution = self.args
        return f"E_{printer._print(distribution)}[{printer._print(body)}]"


def expectation_under(body: sp.Expr, distribution: sp.Expr) -> Expectation:
    r""":math:`\mathbb{E}_{\text{distribution}}[\text{body}]`, opaque (see :class:`Expectation`)."""
    return Expectation(body, distribution)


class Divergence(_PrettyAsText, sp.Function):
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


def divergence(first: sp.Expr, second: sp.Expr) -> Divergence:
    r""":math:`D_{\mathrm{KL}}(\text{first} \,\|\, \text{second})`, opaque (see :class:`Divergence`).

    >>> from derivations.engine.notation import latex, symbol
    >>> x_T, x_0 = symbol("x_t"), symbol("x_0")
    >>> print(latex(divergence(density("q", x_T, given=(x_0,)), density("p", x_T))))
    D_{\mathrm{KL}}\left(q\left(\mathbf{x}_{t} \mid \mathbf{x}_{0}\right) \,\|\, p\left(\mathbf{x}_{t}\right)\right)
    """
    return Divergence(first, second)


def kl_as_expectation(first: Density, second: Density) -> Expectation:
    r"""The definition of the divergence: :math:`\mathbb{E}_{P}\left[\log\frac{P}{Q}\right]` for ``P, Q``.

    The right side of the line ``divergence(P, Q) = kl_as_expectation(P, Q)``, stated as a
    ``DEFINITION`` (Kullback & Leibler 1951); the expectation is over the outcomes of ``P``.

    >>> from derivations.engine.notation import symbol
    >>> x, z = symbol("x_t"), symbol("x_0")
    >>> kl_as_expectation(density("q", x, given=(z,)), density("p", x))
    E_q(x_t | x_0)[log(q(x_t | x_0)/p(x_t))]
    """
    if not (isinstance(first, Density) and isinstance(second, Density)):
        raise TypeError("kl_as_expectation takes two densities")
    return Expectation(sp.log(first / second), first)
