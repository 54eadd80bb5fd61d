"""pytest for derivations: assertions that show the residual, and derivation files and posts as test items.

A pytest plugin, registered through the ``pytest11`` entry point: installing the package is enough.

* :func:`assert_equal` and :func:`assert_proved` fail like an ``assert``, with the step, the
  residual and the counterexample, and no traceback into the engine.
* A plain ``assert lhs == rhs`` on SymPy expressions, or a comparison of verdicts, explains itself
  (:func:`pytest_assertrepr_compare`): the engine's verdict on the two sides and the residual.
* ``pytest --derivations PATH...`` collects each derivation file under PATH (a ``.py`` module with
  a top-level ``derive()``) as one item, and each Markdown post (``.md``) as one item, linted with
  :mod:`derivations.lint`. Without test paths on the command line only these are collected.

Only proved is a pass. An undecided step (or an unparsed line of a post) fails the item, unless
the item is marked ``derivations_allow_undecided`` or ``--derivations-allow-undecided`` is given:
then it is reported as xfailed, never as passed; a refuted step fails either way.

Nothing is imported from the engine (nor SymPy) when pytest starts: only when ``--derivations``
is given or a helper is called.
"""

from __future__ import annotations

import fnmatch
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from derivations.testing.assertions import DerivationFailure, assert_equal, assert_proved
from derivations.testing.items import ALLOW_UNDECIDED, POST_SUFFIXES, DerivationFile, PostFile, defines_derive

__all__ = ["ALLOW_UNDECIDED", "DerivationFailure", "assert_equal", "assert_proved"]
_ROOTS = pytest.StashKey[tuple[Path, ...]]()


def pytest_assertrepr_compare(config: pytest.Config, op: str, left: Any, right: Any) -> list[str] | None:
    """Explain a failed ``==`` of SymPy expressions (the engine's verdict and residual) or of verdicts."""
    verdicts = sys.modules.get("derivations.engine.verdict")
    if verdicts is not None and any(isinstance(side, verdicts.Verdict) for side in (left, right)):
        return [f"{left!r} {op} {right!r}", *(f"{name}: {side}" for name, side in (("left", left), ("right", right))
                                              if isinstance(side, verdicts.Verdict))]
    sympy = sys.modules.get("sympy")  # no SymPy loaded: neither side is a SymPy expression
    if sympy is None or op != "==" or not any(isinstance(side, sympy.Basic) for side in (left, right)):
        return None
    if not all(isinstance(side, (sympy.Basic, int)) for side in (left, right)):
        return None
    from derivations.engine.checking import check_equal
    from derivations.errors import DerivationError

    head = f"{sympy.sstr(left)} == {sympy.sstr(right)}"
    try:
        verdict = check_equal(left, right)
    except (DerivationError, ValueError, TypeError, ArithmeticError, AttributeError, RecursionError) as error:
        return [head, f"the engine cannot compare them: {error}"]
    if verdict.proved:
        return [head, f"not the same expression, but equal: {verdict.describe()}",
                "(== compares the expression trees; derivations.testing.assert_equal compares the mathematics)"]
    return [head, f"the engine: {verdict.describe()}"]


# --- collection: pytest --derivations PATH... ----------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("derivations", "check derivation files and Markdown posts")
    group.addoption("--derivations", nargs="+", action="extend", metavar="PATH", default=None,
                    help="collect each derivation file (.py with a top-level derive()) and Markdown post "
                    "(.md, linted) under PATH as a test item; only proved passes")
    group.addoption("--derivations-allow-undecided", action="store_true", default=False,
                    help="report an undecided derivation or post as xfailed instead of failed "
                    "(a refuted step still fails)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{ALLOW_UNDECIDED}: an undecided step of this derivation or post is an "
                            "xfail, not a failure (a refuted step still fails)")
    paths = config.getoption("derivations", None)
    if not paths:
        return
    base = config.invocation_params.dir
    roots = tuple((base / path).resolve() for path in paths)
    missing = [path for path, root in zip(paths, roots) if not root.exists()]
    if missing:
        raise pytest.UsageError(f"--derivations: no such file or folder: {missing[0]}")
    config.stash[_ROOTS] = roots
    named = [str(root) for root in roots]
    if config.args_source is pytest.Config.ArgsSource.ARGS:  # tests named too: collect both
        config.args = [*config.args, *(path for path in named if path not in config.args)]
    else:  # `pytest --derivations PATH`: only these, not the test paths of the ini file
        config.args = named
        config.args_source = pytest.Config.ArgsSource.ARGS


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> Iterator[Any]:
    collected = yield
    roots = parent.config.stash.get(_ROOTS, ())
    if not any(file_path == root or root in file_path.parents for root in roots):
        return collected
    if file_path.suffix == ".py" and file_path.name not in ("conftest.py", "__init__.py"):
        if not (file_path in roots or defines_derive(file_path)):
            return collected
        patterns = parent.config.getini("python_files")
        is_test_module = any(fnmatch.fnmatch(file_path.name, pattern) for pattern in patterns)
        kept = [node for node in collected if is_test_module or not isinstance(node, pytest.Module)]
        return [*kept, DerivationFile.from_parent(parent, path=file_path)]
    if file_path.suffix.lower() in POST_SUFFIXES:
        return [*collected, PostFile.from_parent(parent, path=file_path)]
    return collected
