"""Shared by the lint tests: each of the project's own pages (output/*.md) linted once in the session."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import pytest

from derivations.lint import lint_text
from derivations.lint.check import Options
from derivations.lint.linter import LintReport


@functools.cache
def _linted(page: Path) -> LintReport:
    return lint_text(page.read_text(encoding="utf-8"), Options(), path=str(page))


@pytest.fixture(scope="session")
def own_lint() -> Callable[[Path], LintReport]:
    """page -> its lint report with the default options, computed once per page in the session."""
    return _linted
