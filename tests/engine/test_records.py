"""Recorded results are parsed, never run: every committed record reads back; crafted ones are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sympy as sp

from derivations import registry
from derivations.engine.records import read_srepr
from derivations.errors import BadInputError
from tests.helpers import OUTPUT, run_cli

RECORDS = sorted(OUTPUT.glob("*.json"))
CANARY = "/tmp/derivations-test-records-PWNED"  # fixed, so the attack strings are plain constants
ATTACKS = {
    "import": f"__import__('os').system('touch {CANARY}')",
    "import-and": f"__import__('pathlib').Path('{CANARY}').write_text('x') and Integer(1)",
    "string-sympified": f"Add(Symbol('x'), \"__import__('os').system('touch {CANARY}')\")",
    "class-attribute": "Symbol.__class__",
    "reduce": "Symbol('x').__reduce__()",
    "lambda": "(lambda: 1)()",
    "float": "Float('1.5', precision=53)",
    "subscript": "[Symbol('x')][0]",
    "attribute": "Symbol('x').name",
    "builtin": "getattr(Symbol('x'), 'name')",
    "unknown-name": "x",
    "dunder-name": "Symbol('__class__')",
    "keyword-not-bool": "Symbol('x', positive=__import__('os'))",
    "keyword-not-assumption": "Symbol('x', evaluate=True)",
    "keyword-on-add": "Add(Symbol('x'), Integer(1), evaluate=True)",
    "starred": "Add(*[Symbol('x')])",
    "double-starred": "Add(**{'evaluate': True})",
    "integer-from-text": "Integer('5')",
    "comprehension": "Tuple(*[Symbol(n) for n in 'ab'])",
    "unapplied-function": "Function('f')",
    "not-an-expression": "Str('x')",
    "power-bomb": "Pow(Pow(Integer(9999), Integer(9999)), Integer(9999))",
    "syntax": "Add(",
}


@pytest.fixture(autouse=True)
def _no_canary():
    Path(CANARY).unlink(missing_ok=True)
    yield
    assert not Path(CANARY).exists(), "a crafted record ran code"


@pytest.mark.parametrize("path", RECORDS, ids=[p.stem for p in RECORDS])
def test_every_committed_result_reads_back_to_its_srepr(path):
    """srepr(read_srepr(s)) == s for each output/NAME.json (its derivation's classes imported)."""
    registry.deriver(path.stem)  # imports the derivation's module: its function classes exist
    text = json.loads(path.read_text(encoding="utf-8"))["result"]["srepr"]
    assert sp.srepr(read_srepr(text)) == text


def test_an_evaluated_result_reads_back_equal():
    """A result SymPy built reads back as the same expression (==), not only the same text."""
    x, mu = sp.Symbol("x", real=True), sp.Symbol("mu", real=True)
    s = sp.Symbol("sigma", positive=True)
    expr = sp.exp(-(x - mu) ** 2 / (2 * s**2)) / sp.sqrt(2 * sp.pi * s**2) + sp.Integral(x, (x, -sp.oo, sp.oo))
    assert read_srepr(sp.srepr(expr)) == expr


@pytest.mark.parametrize("text", ATTACKS.values(), ids=ATTACKS.keys())
def test_a_crafted_record_is_refused_and_runs_nothing(text):
    """Anything but the whitelisted calls is a ValueError (BadInputError), and nothing runs."""
    with pytest.raises(ValueError, match="not a SymPy record"):
        read_srepr(text)


def test_not_text_is_refused():
    with pytest.raises(BadInputError, match="not a SymPy record"):
        read_srepr(None)  # type: ignore[arg-type]


def _crafted_output(folder: Path) -> None:
    """``folder/NAME.json`` for the figures' derivations: the real records with a crafted srepr."""
    for name in ("forward_process", "gaussian_convolution"):
        record = json.loads((OUTPUT / f"{name}.json").read_text(encoding="utf-8"))
        record["result"]["srepr"] = ATTACKS["import-and"]
        (folder / f"{name}.json").write_text(json.dumps(record), encoding="utf-8")


def test_figures_refuse_a_crafted_record_naming_the_file(tmp_path):
    from derivations.publish import figures

    _crafted_output(tmp_path)
    with pytest.raises(BadInputError, match=r"forward_process\.json: not a SymPy record"):
        figures.recorded_result("forward_process", tmp_path)


def test_pdf_with_a_crafted_record_says_one_line_and_runs_nothing(tmp_path):
    """``derivations pdf NAME --out DIR`` with crafted records in DIR: bad input (exit 2), one line naming the
    file, no traceback, and nothing of the record runs."""
    pytest.importorskip("matplotlib", reason="the figures (and so the records) are read only with matplotlib")
    _crafted_output(tmp_path)
    ran = run_cli("pdf", "gaussian_product", "--out", str(tmp_path), "--tex-only")
    lines = ran.stderr.splitlines()
    assert ran.returncode == 2
    assert len(lines) == 1 and "Traceback" not in ran.stderr, ran.stderr
    assert "json: not a SymPy record" in lines[0] and str(tmp_path) in lines[0]
