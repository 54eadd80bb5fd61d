"""How much work a check may do, counted in the size of what it works on, never in seconds.

A verdict must be a function of its input alone: the same step gives the same
verdict on an idle machine and on a loaded one. So every canonical form is
given an expression only if its size is within the form's limit
(:class:`Effort`): the number of terms its full expansion would have
(:func:`expansion_size`, computed without expanding) and its operation count.
A form that is not tried is named in the verdict ("expansion (too large: ...)").

:func:`safety_limit` is the last resort against a computation that runs away
all the same: it raises :class:`~derivations.errors.CheckTimeoutError`, an
error naming the step, never a verdict.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

import sympy as sp

from derivations.errors import CheckTimeoutError

#: Beyond this many terms an expansion is not tried (it would fill memory, not prove).
MAX_EXPANDED_TERMS = 20_000
#: A refuted step's residual is expanded only up to this many terms (it is printed, not proved).
RESIDUAL_TERMS = 2_000
#: The safety limit of one check in seconds; ``DERIVATIONS_SAFETY_SECONDS`` overrides it.
SAFETY_SECONDS = 300.0


@dataclass(frozen=True)
class Effort:
    """The work limits of one check: what each canonical form may be given.

    ``expanded_terms`` bounds :func:`expansion_size` for every form (they all
    expand); ``rational_terms`` bounds it for every form but expansion (the
    others put every term over one denominator, or simplify); ``rational_ops``
    bounds the operation count given to the rational normal forms (``cancel``,
    exponentials, logarithms, radicals);
    ``simplify_ops`` the count given to ``simplify``, the most expensive form,
    which is skipped when zero, and ``simplify_power`` the largest power of a
    compound term it is given (``sin(a+b+c+d+e)**12`` ran into the safety limit).

    Measured (December 2026): the largest difference any form proves in the
    derivations, the project's pages and the lint corpus is 1,258 terms; the
    rational forms spent a minute failing on two of 3,000 terms in one corpus post.
    """

    expanded_terms: int = MAX_EXPANDED_TERMS
    rational_terms: int = 2_500
    rational_ops: int = 1500
    simplify_ops: int = 120
    simplify_power: int = 6

    def for_a_residual(self) -> Effort:
        """The limits for printing the residual of a refuted step: a readable form, not a proof."""
        return replace(self, expanded_terms=min(self.expanded_terms, RESIDUAL_TERMS))

    def admits(self, form: str, size: int, ops: int, power: int = 0) -> str | None:
        """Why ``form`` may not run on an expression of this size (None if it may).

        ``power`` is the largest integer exponent on a compound base (:func:`largest_power`):
        ``simplify`` expands such powers of trigonometric sums, which no term count sees.
        """
        if size > self.expanded_terms:
            return f"too large: about {_round(size)} terms expanded, the limit is {self.expanded_terms}"
        if form == "simplification" and ops > self.simplify_ops:
            return f"too large: {ops} operations, the limit is {self.simplify_ops}"
        if form != "expansion" and size > self.rational_terms:
            return f"too large: about {_round(size)} terms expanded, the limit is {self.rational_terms}"
        if form == "simplification" and power > self.simplify_power:
            return f"too large: a power {power} of a compound term, the limit is {self.simplify_power}"
        if form not in ("expansion", "simplification") and ops > self.rational_ops:
            return f"too large: {ops} operations, the limit is {self.rational_ops}"
        return None


DEFAULT_EFFORT = Effort()


def expansion_size(expr: sp.Basic, cap: int = 10**12) -> int:
    """The number of terms of ``expr`` fully expanded, estimated without expanding (an upper bound).

    A sum has the terms of its parts, a product their product, ``(a_1 + ... + a_k)^n``
    the :math:`\\binom{n+k-1}{k-1}` monomials of the multinomial theorem; a function's
    arguments are expanded separately, so they add. Capped at ``cap``.
    """
    total, _ = _size(expr, cap)
    return min(total, cap)


def _size(expr: sp.Basic, cap: int) -> tuple[int, int]:
    """(terms of the expansion of ``expr`` itself, work inside function arguments), both capped."""
    if not expr.args or expr.is_Atom:
        return 1, 0
    if isinstance(expr, sp.Add):
        parts = [_size(a, cap) for a in expr.args]
        return min(sum(p for p, _ in parts), cap), min(sum(w for _, w in parts), cap)
    if isinstance(expr, sp.Mul):
        terms, work = 1, 0
        for p, w in (_size(a, cap) for a in expr.args):
            terms, work = min(terms * p, cap), min(work + w, cap)
        return terms, work
    if isinstance(expr, sp.Pow):
        base, inner = _size(expr.base, cap)
        exponent = expr.exp
        if exponent.is_Integer and abs(exponent) > 1 and base > 1:
            n = int(abs(exponent))
            return _multinomial(n, base, cap), inner
        if exponent.is_Integer:
            return base, inner
        nested = _size(exponent, cap)
        return 1, min(base + inner + sum(nested), cap)
    parts = [_size(a, cap) for a in expr.args]  # a function: its arguments expand on their own
    return 1, min(sum(p + w for p, w in parts), cap)


def _multinomial(n: int, k: int, cap: int) -> int:
    """Monomials of a k-term sum to the n-th power, C(n+k-1, k-1), capped (never a huge number)."""
    r = min(n, k - 1)
    value = 1
    for i in range(1, r + 1):
        value = value * (n + k - 1 - r + i) // i
        if value >= cap:
            return cap
    return value


def largest_power(expr: sp.Basic) -> int:
    """The largest absolute integer exponent on a base that is not a symbol or a number (0 if none)."""
    powers = [abs(int(p.exp)) for p in expr.atoms(sp.Pow) if p.exp.is_Integer and not p.base.is_Atom]
    return max(powers, default=0)


def work_size(expr: sp.Basic) -> int:
    """Terms of the expansion plus the work inside function arguments: what expanding ``expr`` costs."""
    terms, inner = _size(expr, 10**12)
    return min(terms + inner, 10**12)


def _round(size: int) -> str:
    return f"{size:.1e}" if size >= 10**6 else str(size)


class _Expired(BaseException):
    """Raised by the alarm; a BaseException so that SymPy's ``except Exception`` cannot swallow it."""


@contextmanager
def safety_limit(what: str, seconds: float | None = None) -> Iterator[None]:
    """Raise :class:`CheckTimeoutError` naming ``what`` if the block runs longer than the safety limit.

    A last resort only: no verdict ever depends on it. When the alarm has rung, the
    block's result is discarded even if something caught the alarm, so an interrupted
    computation can never become a verdict. Works in the main thread (elsewhere there is
    no limit).
    """
    limit = seconds if seconds is not None else float(os.environ.get("DERIVATIONS_SAFETY_SECONDS", SAFETY_SECONDS))
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer") or limit <= 0:
        yield
        return
    if signal.getitimer(signal.ITIMER_REAL)[0] > 0:  # an outer limit is running: it stays in charge
        yield
        return
    rang = []

    def _expired(signum, frame):
        rang.append(True)
        raise _Expired

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, limit)
    message = f"{what} did not finish within the {limit:g} s safety limit (not a verdict)"
    try:
        yield
    except _Expired:
        raise CheckTimeoutError(message) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if rang:
        raise CheckTimeoutError(message)
