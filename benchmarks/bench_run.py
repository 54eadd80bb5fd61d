"""Benchmark: `derivations run` (all derivations, whole process) against a bare `import sympy`, cold and warm.

* cold: an empty proof store (every step is checked, as on a fresh machine);
* warm: the same command again with the store the cold run filled;
* no store: ``DERIVATIONS_NO_CACHE=1`` (every step checked, nothing kept).

Prints the wall times (best of N runs each, measured in this run) and their ratios to
the bare import. Targets: cold within 5x, warm within 2x.
Run: python benchmarks/bench_run.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command (best is kept)")
    args = parser.parse_args()
    run = [sys.executable, "-m", "derivations", "run", "--out"]
    bare = min(timed([sys.executable, "-c", "import sympy"], dict(os.environ)) for _ in range(args.repeat))
    cold, warm, none = [], [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as store, tempfile.TemporaryDirectory() as out:
            env = {**os.environ, "DERIVATIONS_CACHE_DIR": store}
            env.pop("DERIVATIONS_NO_CACHE", None)
            cold.append(timed([*run, out], env))
            warm.append(timed([*run, out], env))
            none.append(timed([*run, out], {**os.environ, "DERIVATIONS_NO_CACHE": "1"}))
    print(f"import sympy:                 {bare:6.2f} s")
    for label, times, target in (("derivations run, cold", cold, 5), ("derivations run, warm", warm, 2),
                                 ("derivations run, no store", none, 5)):
        best = min(times)
        print(f"{label + ':':29} {best:6.2f} s   {best / bare:5.1f}x the import (target: within {target}x)")


if __name__ == "__main__":
    main()
