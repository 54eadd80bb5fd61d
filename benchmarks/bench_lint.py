"""Benchmark: the time to lint source 000 (in process, and as a whole `derivations lint` process).

Prints the best of N runs of each, the steps per second, and the slowest display blocks.
Target: a post like 000 lints in a few seconds.
Run: python benchmarks/bench_lint.py [--repeat N] [--post PATH]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from derivations.latex import parse
from derivations.latex.parse import Names, parse_row
from derivations.lint.check import Linter, Options
from derivations.lint.extract import extract

SOURCE_000 = Path("/work/shared/seeds/000_d506fda4f155f43f.txt")


def lint_in_process(text: str) -> tuple[float, int, list[tuple[float, int]]]:
    """Wall time, number of steps, and (seconds, line) per display block."""
    parse._antlr.cache_clear()  # each run parses every line afresh
    started = time.perf_counter()
    linter, steps, blocks = Linter(Options()), 0, []
    for block in extract(text).blocks:
        block_started = time.perf_counter()
        steps += len(linter.block(block))
        blocks.append((time.perf_counter() - block_started, block.line))
    return time.perf_counter() - started, steps, blocks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs (best is kept)")
    parser.add_argument("--post", type=Path, default=SOURCE_000,
                        help="the post to lint (default: source 000)")
    args = parser.parse_args()
    text = args.post.read_text(encoding="utf-8")
    parse_row("x", Names())  # load the LaTeX parser once, outside the timings
    runs = [lint_in_process(text) for _ in range(args.repeat)]
    best, steps, blocks = min(runs, key=lambda run: run[0])
    whole = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "derivations", "lint", str(args.post)], capture_output=True)
        whole = min(whole, time.perf_counter() - started)
    print(f"lint {args.post.name}: {best:.2f} s in process ({steps} steps, {steps / best:.1f} steps/s), "
          f"{whole:.2f} s as a whole process (best of {args.repeat})")
    for seconds, line in sorted(blocks, reverse=True)[:3]:
        print(f"  block at line {line}: {seconds:.2f} s")


if __name__ == "__main__":
    main()
