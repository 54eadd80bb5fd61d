"""The assertions of the pytest plugin: :func:`assert_equal` and :func:`assert_proved`.

Each fails like an ``assert`` (``AssertionError``, with ``__tracebackhide__`` so that pytest shows the
user's line, not the engine's frames): the step, where it was written, the residual and the
counterexample. Undecided fails too, unless allowed: then it is an xfail, never a pass. SymPy and the
engine are imported when a helper is called, not when pytest starts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from derivations.engine.settings import CheckSettings
    from derivations.engine.steps import CheckedDerivation
    from derivations.engine.verdict import Verdict


class DerivationFailure(Exception):
    """A derivation or a post that is not proved: reported as its message, without a traceback."""

    def __init__(self, message: str, undecided: bool = False) -> None:
        super().__init__(message)
        self.undecided = undecided  # only undecided steps failed (an allowed undecided is an xfail)

    @classmethod
    def from_error(cls, error: Exception) -> DerivationFailure:
        """The library's error raised by ``d.check()`` (or bad input), undecided if it says so."""
        from derivations.errors import KnownResultMismatchError, StepUndecidedError

        undecided = isinstance(error, StepUndecidedError) or (
            isinstance(error, KnownResultMismatchError) and bool(re.search(r": undecided \(", str(error))))
        return cls(str(error), undecided)


def assert_equal(lhs: Any, rhs: Any, *, normals: Sequence[Any] = (), positive: Sequence[Any] = (),
                 settings: CheckSettings | None = None, allow_undecided: bool = False) -> Verdict:
    """Assert that ``lhs`` equals ``rhs`` (in distribution, with ``normals``); return the proof's verdict.

    Text is parsed as SymPy syntax (never evaluated); a name in it is the symbol of that name the
    other arguments hold (``assert_equal("sqrt(s**2)", s)`` with a positive ``s``), else the notation
    table's, else a real one. ``positive`` are expressions stated positive. A refuted or undecided
    check raises ``AssertionError`` with the residual and the counterexample; with
    ``allow_undecided`` an undecided check is an xfail (never a pass).

    >>> from derivations import symbol
    >>> x = symbol("x")
    >>> assert_equal((x + 1)**2, x**2 + 2*x + 1).describe()
    'proved (expansion)'
    """
    __tracebackhide__ = True
    import sympy as sp

    from derivations.engine.effort import safety_limit
    from derivations.engine.relations import EQUAL, EQUAL_IN_DISTRIBUTION, Context
    from derivations.engine.settings import CheckSettings
    from derivations.engine.verdict import Outcome, Verdict
    from derivations.errors import DerivationError

    try:
        (left, right), noise, hypotheses = _read((lhs, rhs), normals, positive)
        context = Context((settings or CheckSettings()).with_positive(*hypotheses), noise)
        relation = EQUAL_IN_DISTRIBUTION if noise else EQUAL
        with safety_limit("assert_equal"):
            verdict = relation.check(left, right, context)
    except DerivationError as error:  # bad input: the error itself, raised from here, not from the engine
        raise error.with_traceback(None) from None
    except (ValueError, TypeError, ArithmeticError, AttributeError, NotImplementedError, RecursionError) as error:
        verdict = Verdict(Outcome.UNDECIDED, f"the engine could not handle this input ({type(error).__name__})")
    if verdict.proved:
        return verdict
    message = f"{sp.sstr(left)} = {sp.sstr(right)} is {verdict.describe()}"
    if verdict.outcome is Outcome.UNDECIDED and allow_undecided:
        pytest.xfail(message)
    raise AssertionError(message)


def _read(sides: Sequence[Any], normals: Sequence[Any], positive: Sequence[Any]) -> tuple[tuple, tuple, tuple]:
    """The two sides, the normals and the hypotheses as expressions; text parsed with the symbols given."""
    import sympy as sp

    from derivations.engine.syntax import expression, parse_symbol_list, parse_sympy_expr
    from derivations.errors import BadInputError

    noise = tuple(next(iter(parse_symbol_list(n).values())) if isinstance(n, str) else n for n in normals)
    given = [expression(v, "argument") for v in (*sides, *positive) if not isinstance(v, str)]
    known = {s.name: s for s in set().union(*(v.free_symbols for v in given if isinstance(v, sp.Basic)))}
    known.update({s.name: s for s in noise})

    def read(value: Any, what: str) -> sp.Expr:
        return parse_sympy_expr(value, fixed=known) if isinstance(value, str) else expression(value, what)

    left, right = read(sides[0], "lhs"), read(sides[1], "rhs")
    hypotheses = tuple(read(p, "positive expression") for p in positive)
    by_name: dict[str, sp.Symbol] = {}
    for sym in sorted(set().union(*(e.free_symbols for e in (left, right, *hypotheses, *noise))), key=str):
        if by_name.setdefault(sym.name, sym) != sym:
            raise BadInputError(f"two symbols are named {sym.name!r}, with different assumptions "
                                f"({by_name[sym.name].assumptions0} and {sym.assumptions0}): make them one")
    return (left, right), noise, hypotheses


def assert_proved(derivation: Any, *, allow_undecided: bool = False) -> CheckedDerivation:
    """Assert that every step of ``derivation`` is proved, and its result is the published one.

    ``derivation`` is a ``Derivation`` (checked here, every step), a ``CheckedDerivation``, or a
    function such as ``derive`` that returns one of them. A failure raises ``AssertionError``
    naming each step that is not proved, where it was written, its residual and counterexample.
    """
    __tracebackhide__ = True
    from derivations.errors import DerivationError

    try:
        checked = checked_of(derivation() if callable(derivation) else derivation)
        failure = judge(checked)
    except DerivationError as error:  # d.check() inside derive(): the first step not proved
        failure = DerivationFailure.from_error(error)
    except DerivationFailure as error:
        failure = error
    if failure is not None:  # raised here, outside the handlers: no chained traceback
        fail(failure, allowed=allow_undecided, exception=AssertionError)
    return checked


def checked_of(value: Any) -> CheckedDerivation:
    """A checked derivation from what a ``derive()`` returned (a ``Derivation`` is verified here)."""
    from derivations.engine.derivation import Derivation
    from derivations.engine.steps import CheckedDerivation

    if isinstance(value, Derivation):
        return value.verify()
    if isinstance(value, CheckedDerivation):
        return value
    raise DerivationFailure(f"expected a Derivation or a CheckedDerivation, not {type(value).__name__}")


def judge(checked: CheckedDerivation) -> DerivationFailure | None:
    """None if everything is proved; else the failure: each step not proved, and whether all are undecided."""
    from derivations.engine.verdict import Outcome

    failed = checked.failures()
    known = checked.known_verdict
    if not failed and (known is None or known.proved):
        return None
    lines = [f"{checked.name}: {len(failed)} of {sum(1 for s in checked.steps if s.step.relation.checked)} "
             "checked steps not proved" + ("" if known is None or known.proved else ", nor the result")]
    for row in failed:
        where = f" (written at {row.step.where})" if row.step.where else ""
        lines += [f"  {row.verdict.outcome.mark} {row.step.line()}{where}", f"      {row.verdict.describe()}"]
    if known is not None and not known.proved:
        lines.append(f"  {known.outcome.mark} the result is not {checked.derivation.known.source}: {known.describe()}")
    verdicts = [row.verdict for row in failed] + ([known] if known is not None and not known.proved else [])
    return DerivationFailure("\n".join(lines), all(v.outcome is Outcome.UNDECIDED for v in verdicts))


def fail(failure: DerivationFailure, *, allowed: bool, exception: type[Exception]) -> None:
    __tracebackhide__ = True
    if failure.undecided and allowed:
        pytest.xfail(f"undecided (allowed): {failure}")
    raise exception(str(failure))
