"""The front door of checking: what a user types is parsed, never run, and never proves something false.

Each false proof an adversarial review found at the front door (``derivations check``, its
LaTeX input, the Python API) is a case here, with the verdict it must get now.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.derivation import Derivation
from derivations.engine.notation import symbol
from derivations.engine.relations import Context
from derivations.engine.settings import DEFAULT_SETTINGS
from derivations.engine.substitution import at, substitution
from derivations.engine.syntax import expression, parse_sympy_expr
from derivations.errors import BadInputError, DerivationError, OutputError
from derivations.publish.output import write_files
from tests.helpers import run_cli

#: check LHS RHS [options] -> the exit code and how the one line starts (never 0: each is false or unreadable).
FALSE_AT_THE_FRONT_DOOR = {
    "decimal rounded away": (("10**20 + 1.0", "10**20"), 1, "refuted"),
    "tiny decimal": (("1+1e-20", "1"), 1, "refuted"),
    "cos of a tiny decimal": (("cos(1e-10)", "1"), 1, "refuted"),
    "exp of a tiny decimal": (("exp(1e-20)", "1"), 1, "refuted"),
    "positive symbol as a normal": (("sqrt(sigma**2)", "sigma", "--normal", "sigma"), 3, "undecided"),
    "Abs of a positive normal": (("Abs(A)", "A", "--normal", "A"), 3, "undecided"),
    "LaTeX normal under assume positive": ((r"\sqrt{\epsilon_1^2}", r"\epsilon_1", "--normal", "epsilon_1",
                                            "--assume", "positive"), 3, "undecided"),
    "0/0 against oo - oo": ((r"\frac{0}{0}", r"\infty - \infty"), 3, "undecided (an undefined value"),
    "1/0 against 2/0": ((r"\frac{1}{0}", r"\frac{2}{0}"), 3, "undecided (an undefined value"),
    # the third adversarial round
    "a hypothesis on an integration variable": (("Integral(Abs(t)*exp(-t**2), (t, -oo, oo)) + x", "x",
                                                 "--positive", "t;x-10"), 3, "undecided (the hypothesis t > 0"),
    "divergent series subtracted": (("Sum(1/n, (n, 1, oo)) - Sum(1/(n+1), (n, 1, oo))", "1"), 3,
                                    "undecided (the series"),
}


@pytest.mark.parametrize("args, code, start", FALSE_AT_THE_FRONT_DOOR.values(), ids=FALSE_AT_THE_FRONT_DOOR.keys())
def test_false_identities_at_the_front_door_are_not_proved(args, code, start) -> None:
    """Each input the review proved falsely is now refuted or undecided, in one line."""
    result = run_cli("check", *args)
    assert (result.returncode, result.stdout.startswith(start)) == (code, True), result.stdout + result.stderr


@pytest.mark.parametrize("lhs, rhs", [("0.5*x", "x/2"), ("0.1*3", "0.3"), ("1e-3", "1/1000")])
def test_decimals_are_the_exact_rationals_they_spell(lhs: str, rhs: str) -> None:
    """0.5 is 1/2 and 0.1 * 3 is 3/10 exactly: proved, with no engine error and no rounding."""
    assert run_cli("check", lhs, rhs).stdout.startswith("proved")


def test_a_float_is_refused_by_the_python_api() -> None:
    """A Python float has already been rounded: check_equal refuses it with a line that says what to write."""
    x = symbol("x")
    with pytest.raises(BadInputError, match=r"^the lhs holds the floating-point number 0\.5"):
        check_equal(sp.Float(0.5) * x, x / 2)
    with pytest.raises(BadInputError, match=r"^the step is the float 0\.5"):
        Derivation("floats", title="t").start(0.5, lhs=x, because="a float")


INJECTIONS = [
    "x.subs(x, '_'+'_import_'+'_(\"os\").system(\"touch {marker}\")')",
    "Integral(x.subs(x, '_'+'_import_'+'_(\"os\").system(\"touch {marker}\")'), (x, 0, 1))",
    "__import__('os').system('touch {marker}')",
    "(lambda: __import__('os').system('touch {marker}'))()",
    "[c for c in ().__class__.__base__.__subclasses__()]",
    "exec('open(\"{marker}\", \"w\")')",
    "getattr(x, 'subs')",
    "x if open('{marker}', 'w') else x",
]


@pytest.mark.parametrize("template", INJECTIONS, ids=range(len(INJECTIONS)))
@pytest.mark.parametrize("where", ["lhs", "positive", "normal"])
def test_nothing_a_user_types_is_run(tmp_path: Path, template: str, where: str) -> None:
    """Code in an expression, a hypothesis or a name list is refused (exit 2), and it never runs."""
    marker = tmp_path / "pwned"
    text = template.format(marker=marker)
    args = {"lhs": ("check", text, "x"), "positive": ("check", "x", "x", "--positive", text),
            "normal": ("check", "x", "x", "--normal", text)}[where]
    result = run_cli(*args)
    assert result.returncode == 2 and result.stderr.startswith("derivations: error: "), result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not marker.exists()


def test_the_python_api_parses_strings_without_running_them(tmp_path: Path) -> None:
    """A string given to the Python API goes through the same whitelist: nothing runs."""
    marker = tmp_path / "pwned"
    with pytest.raises(BadInputError):
        check_equal(f"__import__('os').system('touch {marker}')", "0")
    assert not marker.exists()
    assert expression("x**2 + 1/2") == symbol("x") ** 2 + sp.Rational(1, 2)


BAD_INPUT = {
    "tower of powers": (("check", "10**10**8", "1"), "a power too large to compute exactly"),
    "unknown unicode function": (("check", "é(x)", "x"), "é is not a function this reader knows"),
    "factorial sign": (("check", "n!", "n"), "(write factorial(n) for n!)"),
    "positive of zero over zero": (("check", "x", "x", "--positive", "1/(x-x)"), "cannot state zoo > 0"),
    "positive of an imaginary": (("check", "x", "x", "--positive", "I*x"), "cannot state I*x > 0: it is not real"),
    "nesting": (("check", "(" * 300 + "x" + ")" * 300, "x"), "too many nested parentheses"),
    "huge factorial": (("check", "factorial(100000)", "1"), "is too large to compute exactly"),
    "two names of one normal": (("check", "eps - epsilon", "0", "--normal", "eps,epsilon"), "name the same variable"),
    "a log to base 0": (("check", "log(x, 0)", "0"), "a logarithm's base must be positive and not 1"),
    "a decimal of 5001 digits": (("check", "1e5000", "0"), "a number with more than 1000 digits"),
    "a huge exponent of a name": (("check", "x**(10**10)", "0"), "an exponent over 10000 is not read"),
}


@pytest.mark.parametrize("args, says", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_is_one_line_and_exit_2(args, says: str) -> None:
    """Pathological or unreadable input ends at once with one line saying what was refused."""
    result = run_cli(*args)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and says in result.stderr, result.stderr


@pytest.mark.parametrize("lhs, rhs", [("(a+b)**9999", "0"), ("+".join(f"x{i}" for i in range(3000)), "x0"),
                                      ("sin(a+b+c+d+e)**12",  # simplify ran into the safety limit (a review)
                                       "(sin(a)*cos(b+c+d+e)+cos(a)*sin(b+c+d+e))**12 + 10**(-40)")],
                         ids=["huge power", "3000 terms", "a power of a trigonometric sum"])
def test_large_input_gets_a_verdict_not_a_hang(lhs: str, rhs: str) -> None:
    """A power too large to expand, a sum of 3000 terms: a verdict in seconds, never proved."""
    result = run_cli("check", lhs, rhs)
    assert result.returncode in (1, 3), result.stderr
    assert len(result.stdout.splitlines()) == 1 and len(result.stdout) < 1000


def test_an_expression_that_starts_with_a_minus_is_an_expression() -> None:
    """check "-x" "-x" is a check, not an unknown option."""
    assert run_cli("check", "-x", "-x").stdout.startswith("proved")
    assert run_cli("check", "-x", "-(x)", "--positive", "-x+2").returncode == 0


def test_an_integral_over_a_declared_normal_is_undecided_in_one_line() -> None:
    """A noise variable that is also an integration variable: undecided, with the reason, no traceback."""
    result = run_cli("check", "Integral(exp(-e1**2), (e1, -oo, oo))", "sqrt(pi)", "--normal", "e1")
    assert result.returncode == 3
    assert "e1 is a declared standard normal and also an integration variable" in result.stdout


# --- substitutions prove only what is known -----------------------------------------


def test_substitution_in_distribution_keeps_the_parts_independent() -> None:
    """e2 replaced by e1 in e1 + e2 (as if equal in distribution) would prove e1 + e2 =d 2 e1: undecided."""
    e1, e2 = symbol("eps_tm1"), symbol("eps_tm2")
    d = Derivation("merge", title="t")
    d.declare_normals(e1, e2)
    d.suppose(e2, e1, because="both are N(0, 1)", in_distribution=True)
    d.start(e1 + e2, lhs="z", because="definition")
    d.then(2 * e1, relation=substitution(e2, e1, in_distribution=True), because="e2 has the law of e1")
    (verdict,) = [s.verdict for s in d.verify().steps if s.step.number == 2]
    assert verdict.outcome.value == "undecided" and "also occurs in the rest of the line" in verdict.method


def test_substituting_a_value_that_is_not_known_proves_nothing() -> None:
    """substitution(x, 2) on x**2 = 4: x = 2 is no fact of the derivation, so the step is undecided."""
    x = symbol("x")
    verdict = substitution(x, 2).check(x**2, sp.Integer(4), Context(DEFAULT_SETTINGS))
    assert verdict.outcome.value == "undecided"


def test_evaluating_at_a_value_is_printed_as_such() -> None:
    """at({x: 2}) proves 'x**2 at x = 2 is 4' and prints the condition over the equals sign."""
    x = symbol("x")
    relation = at({x: 2})
    assert relation.check(x**2, sp.Integer(4), Context(DEFAULT_SETTINGS)).proved
    assert relation.latex == r"\overset{x = 2}{=}"


def test_a_substitution_must_respect_what_the_replaced_expression_is() -> None:
    """|x| = -1 contradicts |x| >= 0: supposing it is refused, so |x| + 1 = 0 cannot be proved."""
    x = symbol("x")
    d = Derivation("abs", title="t")
    with pytest.raises(DerivationError, match=r"cannot suppose Abs\(x\) = -1"):
        d.suppose(sp.Abs(x), -1, because="wrong")
    verdict = substitution(sp.Abs(x), -1).check(sp.Abs(x) + 1, sp.S.Zero, Context(DEFAULT_SETTINGS))
    assert verdict.outcome.value == "undecided"


# --- output -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["/../../elsewhere/x", "../x", "a/b", ".hidden", ""])
def test_a_derivation_name_is_not_a_path(name: str) -> None:
    """A derivation's name names its files: one with a folder or a leading dot is refused."""
    with pytest.raises(DerivationError, match=r"is not a derivation name"):
        Derivation(name, title="t")


def test_the_writer_refuses_a_name_with_a_folder(tmp_path: Path) -> None:
    """write_files never writes outside its folder."""
    with pytest.raises(OutputError, match=r"not a plain file name"):
        write_files(tmp_path / "out", {"../escaped.md": "x"})
    assert not (tmp_path / "escaped.md").exists()


def test_a_folder_in_the_way_stops_everything_before_anything_is_replaced(tmp_path: Path) -> None:
    """NAME.json being a folder: one error, NAME.md and NAME.tex untouched, no temporary file left."""
    out = tmp_path / "out"
    write_files(out, {"d.md": "old md", "d.tex": "old tex"})
    (out / "d.json").mkdir()
    with pytest.raises(OutputError, match=r"it is a folder; nothing was written"):
        write_files(out, {"d.md": "new", "d.tex": "new", "d.json": "new"})
    assert (out / "d.md").read_text() == "old md" and (out / "d.tex").read_text() == "old tex"
    assert sorted(p.name for p in out.iterdir()) == ["d.json", "d.md", "d.tex"]


def test_written_files_are_readable_by_others(tmp_path: Path) -> None:
    """Files get 0666 less the umask (0644 with the usual 022), not mkstemp's 0600."""
    old = os.umask(0o022)
    try:
        (path,) = write_files(tmp_path, {"a.md": "x"})
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_file_that_never_ends_is_refused_by_size() -> None:
    """lint /proc/self/pagemap: the size limit counts bytes read, not what the file system reports."""
    if not Path("/proc/self/pagemap").exists():
        pytest.skip("no /proc on this system")
    result = run_cli("lint", "/proc/self/pagemap")
    assert result.returncode == 2 and "more than the limit" in result.stderr


def test_the_reader_never_calls_python_eval(monkeypatch: pytest.MonkeyPatch) -> None:
    """parse_sympy_expr builds the expression itself: eval and exec are never reached."""
    import builtins

    def forbidden(*args, **kwargs):
        raise AssertionError("eval or exec was called")

    monkeypatch.setattr(builtins, "eval", forbidden)
    monkeypatch.setattr(builtins, "exec", forbidden)
    assert parse_sympy_expr("sqrt(alpha_bar_t)*x_0 + Integral(exp(-t**2), (t, -oo, oo))").has(sp.Integral)


@pytest.mark.parametrize("lhs, rhs", [("Sum(k, (k, 3, 1))", "-2"), ("Product(k, (k, 3, 1))", "1/2"),
                                      ("Sum(1, (k, n, n - 2))", "-1")], ids=["sum", "product", "symbolic"])
def test_a_reversed_range_is_empty_as_written_in_sympy_syntax(lhs: str, rhs: str) -> None:
    """As in LaTeX: a sum or product whose upper limit is below the lower one has no terms (Karr says otherwise)."""
    assert run_cli("check", lhs, rhs).returncode == 1


def test_a_name_indexed_by_the_bound_variable_is_refused() -> None:
    """Product(alpha_t, (t, 1, T)) would treat alpha_t as one constant: refused, not proved alpha_t**T."""
    result = run_cli("check", "Product(alpha_t, (t, 1, T))", "alpha_t**T")
    assert result.returncode == 2 and "over its index" in result.stderr
