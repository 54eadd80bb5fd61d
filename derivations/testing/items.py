"""The test items of ``pytest --derivations PATH...``: a derivation file's ``derive()``, a Markdown post.

A derivation file is imported by path (as ``python PATH`` would, without its ``__main__`` block: it
is the user's own code) when its item runs, not when it is collected; a post is read and linted,
never executed. A failed item is reported as its message (the step, the residual, the point, the
file and line), with no traceback.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from derivations.testing.assertions import DerivationFailure, checked_of, fail, judge

#: The marker that turns an undecided item into an xfail (a refuted one still fails).
ALLOW_UNDECIDED = "derivations_allow_undecided"
#: The suffixes of the Markdown posts ``--derivations`` lints.
POST_SUFFIXES = (".md", ".markdown")


def defines_derive(path: Path) -> bool:
    """Does the file define ``derive`` at its top level? Read, not run (a file that does not parse: yes, to say so)."""
    try:
        tree = ast.parse(path.read_bytes(), filename=str(path))
    except (SyntaxError, ValueError, OSError):
        return True
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == "derive":
            return True
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "derive" for t in node.targets):
            return True
        if isinstance(node, ast.ImportFrom) and any((a.asname or a.name) == "derive" for a in node.names):
            return True
    return False


class _Checked(pytest.Item):
    """An item whose failure is its message: the step, the residual, the point; no traceback."""

    def allowed(self) -> bool:
        return bool(self.config.getoption("derivations_allow_undecided", False)
                    or self.get_closest_marker(ALLOW_UNDECIDED) is not None)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, DerivationFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{self.path.name}::{self.name}"


class DerivationItem(_Checked):
    """The derivation a file's ``derive()`` returns: passes only if every step (and the result) is proved."""

    def runtest(self) -> None:
        __tracebackhide__ = True
        try:
            failure = judge(checked_of(run_derive(self.path)))
        except DerivationFailure as error:
            failure = error
        if failure is not None:
            fail(failure, allowed=self.allowed(), exception=DerivationFailure)


class DerivationFile(pytest.File):
    """A derivation file: one item, its ``derive()``."""

    def collect(self) -> Iterator[pytest.Item]:
        yield DerivationItem.from_parent(self, name="derive")


class PostItem(_Checked):
    """A Markdown post, linted: passes only if every step of its display math is proved."""

    def runtest(self) -> None:
        __tracebackhide__ = True
        from derivations.errors import DerivationError
        from derivations.lint.check import Status
        from derivations.lint.linter import lint_file
        from derivations.lint.report import summary, text_line

        try:
            report = lint_file(_shown(self.path))
        except DerivationError as error:
            raise DerivationFailure(str(error)) from None
        if all(step.status is Status.PROVED for step in report.steps):
            return
        lines = [text_line(report.path, step) for step in report.steps if step.status is not Status.PROVED]
        refuted = any(step.status is Status.REFUTED for step in report.steps)
        fail(DerivationFailure("\n".join([*lines, summary(report)]), not refuted), allowed=self.allowed(),
              exception=DerivationFailure)


class PostFile(pytest.File):
    """A Markdown post: one item, its lint."""

    def collect(self) -> Iterator[pytest.Item]:
        yield PostItem.from_parent(self, name="lint")


def _shown(path: Path) -> Path:
    """``path`` relative to the working directory when it is under it (as the user typed it, most often)."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def run_derive(path: Path) -> Any:
    """Import the user's file ``path`` (as ``python PATH`` would, without ``__main__``) and call its ``derive()``.

    Raises:
        DerivationFailure: the file cannot be imported, has no ``derive``, or ``derive()`` raised; the
            message names the file and the line.
    """
    from derivations.errors import DerivationError

    shown = _shown(path)
    spec = importlib.util.spec_from_file_location(f"_derivations_test_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise DerivationFailure(f"{shown}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    sys.path.insert(0, str(path.parent))  # its own folder first, as `python PATH` does
    try:
        try:
            spec.loader.exec_module(module)
        except Exception as error:  # the user's file, not ours: one message, naming the line
            raise DerivationFailure(f"{shown} cannot be imported: {_user_error(error, path)}") from None
        derive = getattr(module, "derive", None)
        if not callable(derive):
            raise DerivationFailure(f"{shown} defines no derive() function")
        try:
            return derive()
        except DerivationError as error:  # a step not proved (d.check()), or bad input: its own message
            raise DerivationFailure.from_error(error) from None
        except Exception as error:
            raise DerivationFailure(f"{shown}: derive() raised {_user_error(error, path)}") from None
    finally:
        if sys.path and sys.path[0] == str(path.parent):
            del sys.path[0]


def _user_error(error: BaseException, path: Path) -> str:
    """``TypeError: ... (at FILE:LINE: the line)``: the error and the last line of the user's file it passed."""
    text = f"{type(error).__name__}: {error}"
    if isinstance(error, SyntaxError) and error.lineno:
        return f"{text} (at {_shown(path)}:{error.lineno})"
    ours = [frame for frame in traceback.extract_tb(error.__traceback__) if Path(frame.filename) == path]
    if ours and f"{_shown(path)}:{ours[-1].lineno}" not in text:  # the library's errors may say it already
        return f"{text} (at {_shown(path)}:{ours[-1].lineno}: {(ours[-1].line or '').strip()})"
    return text
