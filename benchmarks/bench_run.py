"""Benchmark: `derivations run` (all derivations, whole process) against a bare `import sympy`.

Prints both wall times (best of N runs each) and their ratio. Target: the ratio within 5x.
Run: python benchmarks/bench_run.py [--repeat N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time


def best_time(command: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command (best is kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out:
        run = best_time([sys.executable, "-m", "derivations", "run", "--out", out], args.repeat)
    bare = best_time([sys.executable, "-c", "import sympy"], args.repeat)
    print(f"import sympy:     {bare:.2f} s")
    print(f"derivations run:  {run:.2f} s")
    print(f"ratio:            {run / bare:.1f}x (target: within 5x)")


if __name__ == "__main__":
    main()
