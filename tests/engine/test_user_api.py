"""The Python API in a user's hands: any name is a symbol, arguments are checked at the call, errors
name the user's line, and a checked derivation prints short and readable."""

from __future__ import annotations

import doctest
import inspect
import re

import pytest
import sympy as sp

import derivations  # noqa: F401 - installs the writers of to_latex() and to_markdown()
from derivations.engine import arguments
from derivations.engine.derivation import Derivation
from derivations.engine.notation import symbol
from derivations.engine.relations import EQUAL_IN_DISTRIBUTION, INTEGRAL
from derivations.errors import BadInputError, StepNotEqualError, StepUndecidedError

x = symbol("x")
HERE = arguments.where_called().rsplit(":", 1)[0]  # this file, as the messages name it


# --- symbols --------------------------------------------------------------------------------


def test_a_name_outside_the_table_is_a_real_symbol() -> None:
    """symbol("b") is a plain real symbol; keyword assumptions are kept."""
    assert symbol("b") == sp.Symbol("b", real=True)
    assert symbol("b", positive=True) == sp.Symbol("b", real=True, positive=True)
    assert sp.sqrt(symbol("b", positive=True) ** 2) == symbol("b", positive=True)
    assert symbol("n", integer=True).is_integer


def test_a_name_of_the_table_keeps_the_table_assumptions() -> None:
    """alpha_bar_t (or its SymPy name) is the table's symbol; other assumptions for it are refused."""
    assert symbol("alpha_bar_t") is symbol("alphabar_t")
    assert symbol("sigma", positive=True) == symbol("sigma") and symbol("sigma", real=True) == symbol("sigma")
    with pytest.raises(ValueError, match=r"^symbol\(\): 'x' is in the notation table as real; it cannot also be "
                                         r"positive=True"):
        symbol("x", positive=True)


@pytest.mark.parametrize("args, kwargs, error, says", [
    ((3,), {}, TypeError, "the name must be a string, not int"),
    (("a b",), {}, ValueError, "'a b' is not a name"),
    (("z",), {"postive": True}, TypeError, "'postive' is not a SymPy assumption"),
    (("z",), {"positive": 1}, TypeError, "must be True or False, not 1"),
    (("z",), {"imaginary": True}, ValueError, "contradict each other"),
], ids=["not a string", "space", "misspelt assumption", "not a bool", "contradiction"])
def test_a_bad_symbol_is_refused_naming_what(args, kwargs, error, says: str) -> None:
    with pytest.raises(error, match=re_escape(says)):
        symbol(*args, **kwargs)


def re_escape(text: str) -> str:
    return re.escape(text)


# --- arguments checked at the call ----------------------------------------------------------


def _started() -> Derivation:
    d = Derivation("square", title="A square")
    d.start((x + 1) ** 2, lhs="f(x)", because="definition")
    return d


def test_a_relation_given_as_a_string_is_a_type_error_naming_the_valid_ones() -> None:
    """relation="integral" fails at the call, says which relations there are and what was meant."""
    with pytest.raises(TypeError) as caught:
        _started().then(x**2 + 2 * x + 1, relation="integral", because="expand")
    message = str(caught.value)
    assert message.startswith("then(): relation='integral' is a string; pass a relation object: one of EQUAL, "
                              "INTEGRAL, DIFFERENTIATION, EQUAL_IN_DISTRIBUTION, GIVEN, DEFINITION, proportional_in(x)")
    assert "did you mean relation=INTEGRAL (from derivations import INTEGRAL)?" in message
    assert f"(at {HERE}:" in message and HERE.endswith("test_user_api.py")
    with pytest.raises(TypeError, match=r"^then\(\): relation must be a relation, .*; not NoneType None"):
        _started().then(x, relation=None, because="expand")


@pytest.mark.parametrize("kwargs, says", [({"because": 3}, "then(): because must be a string, not int 3"),
                                          ({"because": "b", "tag": [1]}, "then(): tag must be a string, not list")],
                         ids=["because", "tag"])
def test_other_arguments_are_checked_at_the_call(kwargs: dict, says: str) -> None:
    with pytest.raises(TypeError, match=re_escape(says)):
        _started().then(x, **kwargs)


def test_an_integer_tag_is_read_as_text() -> None:
    d = _started()
    d.then(x**2 + 2 * x + 1, because="expand", tag=3)
    assert d.steps[-1].tag == "3"


def test_a_float_is_refused_at_the_call_naming_the_line() -> None:
    """A Python float (already rounded) is refused where it is written, not published as 0.5 log(...)."""
    with pytest.raises(BadInputError, match=r"^the step holds the floating-point number 0\.5.*\(at " + re.escape(HERE)):
        _started().then(0.5 * sp.log(x**2 + 1), because="a float")
    with pytest.raises(BadInputError, match=r"^the known result is the float 0\.5"):
        _started().conclude(known=0.5, source="a paper")
    d = _started()
    assert len(d.chains) == 1 and len(d.steps) == 1  # nothing half-added
    with pytest.raises(BadInputError):
        d.start(x / 2.0, lhs="g", because="a float")
    assert len(d.chains) == 1


def test_a_failed_step_names_the_file_and_line_of_its_then_call() -> None:
    """The error of a refuted or undecided step says where the step was written."""
    d = _started()
    line = inspect.currentframe().f_lineno + 1
    d.then(x**2 + 1, because="a slip")
    with pytest.raises(StepNotEqualError) as caught:
        d.check()
    assert str(caught.value).endswith(f"; written at {HERE}:{line}")
    assert d.steps[-1].where == f"{HERE}:{line}"
    open_step = Derivation("open", title="t")
    open_step.start(x, lhs="z", because="definition")
    open_step.then(-x, relation=EQUAL_IN_DISTRIBUTION, because="symmetry")
    with pytest.raises(StepUndecidedError, match=rf"written at {re.escape(HERE)}:\d+$"):
        open_step.check()


# --- short, readable displays ---------------------------------------------------------------


def test_a_checked_derivation_prints_in_a_few_marked_lines() -> None:
    """repr is one line with the counts and the first failure; str a line a step with its mark."""
    d = _started()
    d.then(x**2 + 2 * x + 1, because="expand the square")
    d.then(x**2 + 2 * x, because="a slip")
    d.conclude(known=x**2 + 2 * x + 1, source="algebra")
    checked = d.verify()
    assert repr(checked).startswith('<CheckedDerivation square: 1/2 checked steps proved, 1 stated; ✗ step 3 "a '
                                    'slip" refuted (numeric counterexample); residual 1; at x=')
    assert repr(checked).endswith("; ✗ result equals algebra>")
    lines = str(checked).splitlines()
    assert lines[:4] == ["A square [square]", '  · step 1 "definition": f(x) = (x + 1)**2',
                         '  ✓ step 2 "expand the square": = x**2 + 2*x + 1', '  ✗ step 3 "a slip": = x**2 + 2*x']
    assert lines[4].startswith("      refuted (numeric counterexample); residual 1; at x=")
    assert lines[4].endswith(f"[{HERE}:{d.steps[-1].where.split(':')[-1]}]")
    assert lines[5].startswith("  ✗ result equals algebra: refuted")
    assert len(repr(checked)) < 400 and len(str(checked)) < 1000


def test_verdicts_and_steps_print_short() -> None:
    d = _started()
    d.then(x**2 + 1, because="a slip")
    step = d.verify().steps[-1]
    assert repr(step.verdict).startswith("<Verdict ✗ refuted (numeric counterexample); residual 2*x; at x=")
    assert str(step.verdict).startswith("✗ refuted (numeric counterexample)")
    assert repr(step.step) == "<Step 2: = x**2 + 1 because 'a slip'>"
    assert repr(d) == "<Derivation 'square': 2 steps in 1 chain, not checked (verify() or check())>"
    assert str(INTEGRAL) == "integral"


def test_a_checked_derivation_gives_its_latex_and_markdown() -> None:
    """to_latex() and to_markdown() are what derivations run writes to NAME.tex and NAME.md."""
    from derivations.latex import render

    d = _started()
    d.then(x**2 + 2 * x + 1, because="expand the square")
    checked = d.check()
    assert checked.to_latex() == render.tex(checked) and r"\begin{align*}" in checked.to_latex()
    assert checked.to_markdown() == render.md(checked) and "$$" in checked.to_markdown()


def test_the_examples_of_the_argument_checks_run() -> None:
    result = doctest.testmod(arguments, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted > 0
