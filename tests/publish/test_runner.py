"""The main job: derivations checked side by side give the same files as one by one."""

from __future__ import annotations

import pytest

from derivations.errors import UnknownDerivationError
from derivations.publish import runner

NAMES = ["forward_process", "gaussian_product"]


def test_side_by_side_equals_one_by_one() -> None:
    """Checking in two processes writes byte-identical files, in the order asked for."""
    serial = list(runner.run_builtins(NAMES, jobs=1))
    parallel = list(runner.run_builtins(NAMES, jobs=2))
    assert [r.name for r in parallel] == NAMES
    assert [r.files for r in parallel] == [r.files for r in serial]
    assert [r.section for r in parallel] == [r.section for r in serial]
    assert all(r.proved == r.checked_steps for r in parallel)


def test_unknown_name_fails_before_any_work() -> None:
    """An unknown derivation name is reported before anything is checked."""
    with pytest.raises(UnknownDerivationError, match=r"^unknown derivation 'nope'; known: gaussian_convolution"):
        list(runner.run_builtins(["forward_process", "nope"], jobs=2))


def test_failed_check_is_a_value_not_an_exception() -> None:
    """A derivation whose step is refuted comes back as Failed, naming the step."""
    from derivations.engine.derivation import Derivation
    from derivations.engine.notation import symbol

    x = symbol("x")

    def derive():
        d = Derivation("broken", title="t")
        d.start((x + 1) ** 2, lhs="f", because="definition")
        d.then(x**2 + 1, because="expand")
        return d.check()

    result = runner.run_one("broken", derive)
    assert isinstance(result, runner.Failed)
    assert result.message.startswith('broken: step 2 "expand" is refuted')


def test_a_missing_typesetter_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without latexify the run ends with an OutputError naming the package (one line from the CLI), not a traceback."""
    import sys

    from derivations.errors import OutputError

    monkeypatch.setenv("DERIVATIONS_NO_CACHE", "1")
    monkeypatch.delitem(sys.modules, "derivations.code.typeset", raising=False)
    monkeypatch.setitem(sys.modules, "latexify", None)  # an import of latexify now fails
    with pytest.raises(OutputError, match="latexify"):
        runner.collected_files([])
