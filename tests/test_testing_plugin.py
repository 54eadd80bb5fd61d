"""The pytest plugin (derivations.testing), run through pytester: what a user's pytest run shows.

Each test writes a small project (derivation files, posts, tests) into pytester's folder and
runs pytest on it in this process: a true derivation passes, a false step fails with its
residual and counterexample and no traceback into the engine, undecided fails unless marked
(and is then xfailed, never passed), a post with a refuted step fails.
"""

from __future__ import annotations

import doctest
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import derivations
import derivations.engine.derivation
import derivations.engine.matrices
import derivations.latex.render
import derivations.latex.script
import derivations.lint.linter
import derivations.lint.report
from derivations.testing import assertions

pytest_plugins = ["pytester"]
#: pytester runs pytest in this process and forgets the modules each run imports; imported here
#: first, the engine (and NumPy under it) and Hypothesis (its plugin loads it) are loaded once and kept:
#: a run then takes milliseconds, not a second.
PRELOADED = (derivations.engine.derivation, derivations.engine.matrices, derivations.latex.render,
             derivations.latex.script, derivations.lint.linter, derivations.lint.report)
try:
    import hypothesis  # noqa: F401
except ImportError:  # not installed: nothing to keep
    pass

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "examples" / "gaussian_log_density.py").read_text(encoding="utf-8")
WRONG = EXAMPLE.replace('(x - mu) ** 2 / (2 * sigma**2),\n           because="log',
                        '(x - mu) ** 2 / sigma**2,\n           because="log')
UNDECIDED = textwrap.dedent('''\
    from derivations import EQUAL_IN_DISTRIBUTION, Derivation, symbol

    x = symbol("x")


    def derive():
        d = Derivation("open", title="An open step")
        d.start(x, lhs="z", because="definition")
        d.then(-x, relation=EQUAL_IN_DISTRIBUTION, because="a normal is symmetric")
        return d.check()
''')
REFUTED_POST = "# A post\n\n$$\n\\begin{aligned}\n(x+1)^2 &= x^2 + 2x + 1 \\\\\n&= x^2 + 1\n\\end{aligned}\n$$\n"
PROVED_POST = "# Another\n\n$$\n(x+1)^2 = x^2 + 2x + 1\n$$\n"


def test_a_true_derivation_passes(pytester: pytest.Pytester) -> None:
    """A derivation file whose every step is proved is one passing item."""
    pytester.makepyfile(good=EXAMPLE)
    result = pytester.runpytest("--derivations", "good.py")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["good.py .*"])


def test_a_false_step_fails_with_its_residual_and_point(pytester: pytest.Pytester) -> None:
    """The failure names the step, the residual, the counterexample and the line; no traceback."""
    pytester.makepyfile(wrong=WRONG)
    result = pytester.runpytest("--derivations", "wrong.py")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(['*step 2 "log of a product is a sum of logs" is refuted (numeric counterexample); '
                                 "residual (-mu + x)**2/(2*sigma**2); at mu=*; written at wrong.py:23"])
    assert "Traceback" not in result.stdout.str() and "derivations/engine" not in result.stdout.str()


def test_undecided_fails_unless_marked_and_is_then_xfailed(pytester: pytest.Pytester) -> None:
    """Undecided is a failure; with the option or the marker it is xfailed, never passed."""
    pytester.makepyfile(open_step=UNDECIDED)
    failed = pytester.runpytest("--derivations", "open_step.py")
    failed.assert_outcomes(failed=1)
    failed.stdout.fnmatch_lines(['open: step 2 "a normal is symmetric" is undecided (no standard normals are '
                                 "declared)*; written at open_step.py:9"])
    pytester.runpytest("--derivations", "open_step.py", "--derivations-allow-undecided").assert_outcomes(xfailed=1)
    pytester.makeconftest("""
        def pytest_collection_modifyitems(items):
            for item in items:
                if item.path.name == "open_step.py":
                    item.add_marker("derivations_allow_undecided")
    """)
    pytester.runpytest("--derivations", "open_step.py").assert_outcomes(xfailed=1)


def test_allowing_undecided_does_not_excuse_a_refuted_step(pytester: pytest.Pytester) -> None:
    """--derivations-allow-undecided: a refuted step still fails."""
    pytester.makepyfile(wrong=WRONG)
    pytester.runpytest("--derivations", "wrong.py", "--derivations-allow-undecided").assert_outcomes(failed=1)


def test_a_post_with_a_refuted_step_fails_and_a_proved_one_passes(pytester: pytest.Pytester) -> None:
    """Each Markdown post under the folder is one item, linted: the refuted line is reported with its residual."""
    posts = pytester.mkdir("posts")
    (posts / "wrong.md").write_text(REFUTED_POST, encoding="utf-8")
    (posts / "right.md").write_text(PROVED_POST, encoding="utf-8")
    result = pytester.runpytest("--derivations", "posts")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*posts/wrong.md:6: refuted: = x^2 + 1; residual 2*x; at x=*",
                                 "*posts/wrong.md: 1 blocks, 2 steps: 1 proved, 1 refuted*"])


def test_a_folder_gives_one_item_per_derivation_file_and_skips_helpers(pytester: pytest.Pytester) -> None:
    """Only files defining derive() are items; without test paths, the ini file's tests are not collected."""
    folder = pytester.mkdir("derivs")
    (folder / "good.py").write_text(EXAMPLE, encoding="utf-8")
    (folder / "helper.py").write_text("VALUE = 1\n", encoding="utf-8")
    pytester.makepyfile(test_other="def test_other():\n    assert True\n")
    result = pytester.runpytest("--derivations", "derivs", "--collect-only", "-q")
    result.stdout.fnmatch_lines(["derivs/good.py::derive"])
    assert "helper" not in result.stdout.str() and "test_other" not in result.stdout.str()
    both = pytester.runpytest("test_other.py", "--derivations", "derivs")
    both.assert_outcomes(passed=2)


def test_a_broken_file_names_its_line(pytester: pytest.Pytester) -> None:
    """A relation passed as a string, or a crash in derive(), fails with the file and the line."""
    pytester.makepyfile(broken='''
        from derivations import Derivation, symbol

        x = symbol("x")


        def derive():
            d = Derivation("b", title="t")
            d.start(x, lhs="f", because="definition")
            d.then(x, relation="integral", because="oops")
            return d.check()
    ''', crash="def derive():\n    return 1 / 0\n")
    result = pytester.runpytest("--derivations", "broken.py", "crash.py")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*relation='integral' is a string*did you mean relation=INTEGRAL*(at broken.py:9)*",
                                 "*crash.py: derive() raised ZeroDivisionError: division by zero (at crash.py:2*"])


def test_a_missing_path_is_a_usage_error(pytester: pytest.Pytester) -> None:
    """--derivations on a path that does not exist stops pytest with one line."""
    result = pytester.runpytest("--derivations", "nowhere.py")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--derivations: no such file or folder: nowhere.py*"])


HELPER_TESTS = '''
    from derivations import Derivation, check_equal, symbol
    from derivations.testing import assert_equal, assert_proved

    x = symbol("x")


    def test_assert_equal_passes():
        assert assert_equal("(x+1)**2", "x**2 + 2*x + 1").proved


    def test_assert_equal_fails():
        assert_equal((x + 1)**2, x**2 + 1)


    def test_plain_assert_on_expressions():
        assert (x + 1)**2 == x**2 + 1


    def test_plain_assert_on_a_verdict():
        assert check_equal((x + 1)**2, x**2 + 3).proved


    def test_assert_proved_fails():
        d = Derivation("square", title="t")
        d.start((x + 1)**2, lhs="f", because="definition")
        d.then(x**2 + 1, because="a slip")
        assert_proved(d)
'''


def test_the_assertions_show_the_residual_and_no_engine_frames(pytester: pytest.Pytester) -> None:
    """assert_equal, assert_proved and a plain assert explain the failure with the engine's residual."""
    pytester.makepyfile(test_helpers=HELPER_TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=4)
    result.stdout.fnmatch_lines([
        "E   *AssertionError: (x + 1)**2 = x**2 + 1 is refuted (numeric counterexample); residual 2*x; at x=*",
        "E *the engine: refuted (numeric counterexample); residual 2*x*",
        "E *where False = <Verdict ✗ refuted (numeric counterexample); residual 2*.proved",
        "E   *square: 1 of 1 checked steps not proved",
        '*✗ step 2 "a slip": = x**2 + 1 (written at test_helpers.py:26)',
    ])
    assert "derivations/engine" not in result.stdout.str()


def test_an_undecided_assertion_may_be_allowed_as_an_xfail(pytester: pytest.Pytester) -> None:
    """allow_undecided=True: an undecided check is an xfail, not a pass; without it, a failure."""
    pytester.makepyfile(test_open="""
        from derivations import EQUAL_IN_DISTRIBUTION, Derivation, symbol
        from derivations.testing import assert_equal, assert_proved

        def test_open_check():
            assert_equal("1/(x-x)", "1/(y-y)", allow_undecided=True)

        def test_open_derivation():
            d = Derivation("open", title="t")
            d.start(symbol("x"), lhs="z", because="definition")
            d.then(-symbol("x"), relation=EQUAL_IN_DISTRIBUTION, because="symmetry")
            assert_proved(d, allow_undecided=True)

        def test_open_check_fails():
            assert_equal("1/(x-x)", "1/(y-y)")
    """)
    result = pytester.runpytest("-rx")
    result.assert_outcomes(xfailed=2, failed=1)
    result.stdout.fnmatch_lines(["*undecided (an undefined value (zoo): not an identity)*"])


def test_text_takes_the_symbols_the_other_arguments_hold() -> None:
    """assert_equal("sqrt(s**2)", s): the s of the text is the positive s given; namesakes are refused."""
    import sympy as sp

    from derivations import symbol
    from derivations.errors import BadInputError

    s = symbol("s", positive=True)
    assert assertions.assert_equal("sqrt(s**2)", s).proved
    assert assertions.assert_equal("sqrt(1-alpha_t)*e1 + sqrt(alpha_t)*e2", "e3", normals=("e1", "e2", "e3"),
                                   positive=("1-alpha_t",)).proved
    with pytest.raises(BadInputError, match=r"^two symbols are named 'q', with different assumptions"):
        assertions.assert_equal(sp.Symbol("q", positive=True), sp.Symbol("q"))


def test_pytest_starts_without_sympy(tmp_path: Path) -> None:
    """The plugin is loaded in every pytest run; without --derivations it imports neither SymPy nor the engine."""
    (tmp_path / "test_plain.py").write_text("def test_plain():\n    assert 1 + 1 == 2\n", encoding="utf-8")
    code = ("import sys, pytest\n"
            f"code = pytest.main(['-q', '-p', 'no:cacheprovider', {str(tmp_path)!r}])\n"
            "print(code, 'derivations.testing' in sys.modules, 'sympy' in sys.modules, "
            "'derivations.engine' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip().splitlines()[-1] == "0 True False False", done.stdout + done.stderr


def test_the_plugin_examples_run() -> None:
    """The docstring examples of the plugin's assertions give the output they show."""
    result = doctest.testmod(assertions, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
