"""Verdicts are a function of the input alone: the same under a slowed clock and on a busy CPU."""

from __future__ import annotations

import ast
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.notation import symbol
from derivations.gaussian import product

ENGINE = Path(__file__).resolve().parents[2] / "derivations" / "engine"
x, mu, sigma = symbol("x"), symbol("mu"), symbol("sigma")
CHECKS = [
    ((x + 1) ** 2, x**2 + 2 * x + 1),
    ((x + 1) ** 2, x**2 + 1),
    (sp.exp(-(x - mu) ** 2 / (2 * sigma**2)) * sp.exp(x), sp.exp(-(x**2) / (2 * sigma**2))),
    (sp.Integral(sp.exp(-(x**2)), (x, -sp.oo, sp.oo)), sp.sqrt(sp.pi)),
    (sp.exp(sp.log(x**2 + 1) / 2), sp.sqrt(x**2 + 1) + sp.sin(x) ** 2 + sp.cos(x) ** 2 - 1),
]


def _verdicts() -> list[tuple[str, str, str]]:
    """Every check's outcome, method and counterexample, and every step of a whole derivation."""
    single = [check_equal(lhs, rhs) for lhs, rhs in CHECKS]
    steps = [s.verdict for s in product.build().verify().steps]
    return [(v.outcome.value, v.method, str(v.counterexample)) for v in single + steps]


@pytest.fixture
def no_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every check computed, none read back from the proof store."""
    monkeypatch.setenv("DERIVATIONS_NO_CACHE", "1")


def test_a_slowed_clock_changes_no_verdict(no_store, monkeypatch: pytest.MonkeyPatch) -> None:
    """With every clock reading jumping an hour ahead, the verdicts are those of a normal run."""
    normal = _verdicts()
    ticks = iter(range(0, 10**9, 3600))
    for name in ("monotonic", "perf_counter", "time"):
        monkeypatch.setattr(time, name, lambda: float(next(ticks)))
    assert _verdicts() == normal


def _burn(stop) -> None:
    while not stop.is_set():
        sum(i * i for i in range(10_000))


def test_a_busy_cpu_changes_no_verdict(no_store) -> None:
    """With both cores kept busy by other processes, the verdicts are those of an idle run."""
    idle = _verdicts()
    context = multiprocessing.get_context("fork")
    stop = context.Event()
    burners = [context.Process(target=_burn, args=(stop,)) for _ in range(2)]
    for burner in burners:
        burner.start()
    try:
        busy = _verdicts()
    finally:
        stop.set()
        for burner in burners:
            burner.join()
    assert busy == idle


def test_no_engine_module_reads_the_clock() -> None:
    """The engine decides by work, never by time: no module of it calls time.* (the safety limit uses a signal)."""
    for path in sorted(ENGINE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        from_time = [node for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module == "time"]
        assert "time" not in imported and not from_time, path.name


SEEDED = """
import sympy as sp
from derivations.engine.checking import check_equal
t, T = sp.Symbol("t", integer=True), sp.Symbol("T", integer=True, positive=True)
f = sp.Function("f")
# evaluate=False: SymPy's own log() of this product is sometimes zoo, by the memory order of classes
checks = [(sp.log(sp.Product(f(t) / f(t - 1), (t, 1, 0)), evaluate=False), 0),
          (sp.Product(f(t) / f(t - 1), (t, 1, T)), f(T) / f(0)),
          (sp.Sum(t, (t, 3, 1)), -2)]
verdicts = [check_equal(a, b) for a, b in checks]
# the sums relation writes the case T = 1 out: log of an empty product once evaluated to 2 pi i
from derivations.engine.settings import CheckSettings
from derivations.engine.sums import sums_equal
for _ in range(5):
    verdicts.append(sums_equal(sp.log(sp.Product(f(t) / f(t - 1), (t, 1, T - 1)), evaluate=False),
                               sp.Sum(sp.log(f(t) / f(t - 1)), (t, 1, T - 1)), CheckSettings()))
    f = sp.Function("f")  # a new class: its hash (its id) changes the order of sets
print([(v.outcome.value, v.method) for v in verdicts])
"""


def test_the_hash_seed_changes_no_verdict() -> None:
    """SymPy orders terms by hash (and classes by address); sums over concrete ranges once varied with them."""
    env = {**os.environ, "DERIVATIONS_NO_CACHE": "1"}
    runs = {subprocess.run([sys.executable, "-c", SEEDED], env={**env, "PYTHONHASHSEED": str(seed)},
                           capture_output=True, text=True, check=True).stdout for seed in (0, 3, 5, 6)}
    assert len(runs) == 1
    assert runs.pop().startswith("[('proved', ")  # the empty product's log is 0


def test_a_record_does_not_depend_on_how_its_symbols_were_first_made() -> None:
    """SymPy's srepr prints assumptions as passed: a symbol made with every implied one spelled out (SymPy's
    disambiguate does) printed differently, and SymPy's expression cache spread it (a full run's output/*.json
    once differed so). Records and cache keys print each symbol's assumptions canonically."""
    import doctest

    import sympy as sp

    from derivations.engine import srepr as module
    from derivations.engine.srepr import srepr

    a = sp.Symbol("a_determinism", positive=True)
    spelled_out = sp.Symbol("a_determinism", **a.assumptions0)
    clean = "Add(Integer(1), Mul(Integer(-1), Symbol('a_determinism', positive=True)))"
    first = 1 - spelled_out
    assert sp.srepr(1 - a) != clean  # SymPy's cache hands back the expression made first: what broke the record
    assert srepr(first) == srepr(1 - a) == clean
    assert doctest.testmod(module).failed == 0
