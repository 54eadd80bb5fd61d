"""Benchmark: the time to lint source 000 and a long (~90 kB) post, in process and as a whole `derivations lint`.

* in process: :func:`derivations.lint.lint_text`, best of N runs; before each run SymPy's cache and the
  package's ``functools`` caches are cleared (the LaTeX parser, built once, is kept), so every run
  reads and checks every step afresh;
* whole process: ``python -m derivations lint POST``, best of N (import, parser build and all).

The proof store is off (``DERIVATIONS_NO_CACHE=1``) for both. The long post is the real corpus
(tests/lint/corpus/real/*.md, sorted; by default 01-03, 94.5 kB) concatenated until it reaches ``--kb`` kB,
or the posts given with ``--long`` (one: linted as is); a second front matter is dropped, and the result
is written to /tmp/bench/long_post.md. Concatenated posts share one context (a name defined in one is
defined in the next). Prints wall time, steps, steps/s, seconds per 10 kB, the slowest blocks (with the
post they came from), and the long post's time per kB over 000's.
Target: a ~90 kB post lints in under 20 s (in process and as a whole process) on this 2-core machine.
Run: python benchmarks/bench_lint.py [--repeat N] [--kb 90] [--long POST.md ...]
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import subprocess
import sys
import time
from pathlib import Path

os.environ["DERIVATIONS_NO_CACHE"] = "1"  # before the package reads it: every step is checked

import sympy.core.cache  # noqa: E402

from derivations.lint import Status, lint_text  # noqa: E402

SOURCE_000 = Path("/work/shared/seeds/000_d506fda4f155f43f.txt")
CORPUS = Path(__file__).resolve().parents[1] / "tests" / "lint" / "corpus" / "real"
LONG_POST = Path("/tmp/bench/long_post.md")
TARGET_SECONDS = 20.0
KEPT_CACHES = {("derivations.latex.grammar", "parser")}  # built once per process, not per post

Blocks = list[tuple[float, int]]  # (seconds, line) per display block


def long_post(paths: list[Path], kilobytes: float) -> tuple[str, list[tuple[int, str]]]:
    """``paths`` concatenated until ``kilobytes`` kB, and (first line, file name) of each part."""
    parts: list[str] = []
    starts: list[tuple[int, str]] = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if parts:  # a second front matter would be read as prose
            text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
        starts.append((sum(part.count("\n") for part in parts) + 1, path.name))
        parts.append(text.rstrip("\n") + "\n\n")
        if sum(len(part.encode()) for part in parts) >= kilobytes * 1000:
            break
    return "".join(parts), starts


def clear_caches() -> None:
    """Empty SymPy's cache and every ``functools`` cache of the package but :data:`KEPT_CACHES`."""
    sympy.core.cache.clear_cache()
    for name, module in list(sys.modules.items()):
        if name.startswith("derivations") and module is not None:
            for attr, value in list(vars(module).items()):
                if (name, attr) not in KEPT_CACHES and isinstance(value, functools._lru_cache_wrapper):
                    value.cache_clear()


def lint_in_process(text: str) -> tuple[float, dict[Status, int], Blocks]:
    """Wall time, steps by status, and (seconds, line) per block (the first includes reading the post)."""
    clear_caches()
    blocks: Blocks = []
    started = last = time.perf_counter()

    def progress(message: str) -> None:  # "line 12: 3 steps", after each block is checked
        nonlocal last
        now = time.perf_counter()
        blocks.append((now - last, int(message.split(":")[0].removeprefix("line "))))
        last = now

    report = lint_text(text, progress=progress)
    seconds = time.perf_counter() - started
    return seconds, {status: report.count(status) for status in Status}, blocks


def lint_process(path: Path) -> float:
    """Wall time of ``derivations lint path`` (exit 0 or 1: a report; 2 or a crash is an error)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "derivations", "lint", str(path)], capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"derivations lint {path} exited {done.returncode}: {done.stderr.strip()[-500:]}")
    return time.perf_counter() - started


def measure(label: str, path: Path, text: str, repeat: int, where: list[tuple[int, str]]) -> tuple[float, float]:
    """Print the figures for one post; return the best in-process and whole-process seconds."""
    best, counts, blocks = min((lint_in_process(text) for _ in range(repeat)), key=lambda run: run[0])
    whole = min(lint_process(path) for _ in range(repeat))
    kb, steps = len(text.encode()) / 1000, sum(counts.values())
    summary = ", ".join(f"{n} {status.value}" for status, n in counts.items())
    print(f"{label}: {path.name}, {kb:.1f} kB, {len(blocks)} blocks, {steps} steps ({summary})")
    print(f"  in process:    {best:6.2f} s  {steps / best:6.1f} steps/s  {best / kb * 10:5.2f} s per 10 kB")
    print(f"  whole process: {whole:6.2f} s  {steps / whole:6.1f} steps/s  {whole / kb * 10:5.2f} s per 10 kB")
    for seconds, line in sorted(blocks, reverse=True)[:3]:
        origin = next((f" ({name})" for first, name in reversed(where) if first <= line), "")
        print(f"  slowest block at line {line}{origin}: {seconds:.2f} s")
    return best, whole


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each (best is kept)")
    parser.add_argument("--kb", type=int, default=90, help="size of the generated long post in kB (default: 90)")
    parser.add_argument("--long", type=Path, nargs="+", help="posts to lint (concatenated) as the long post")
    args = parser.parse_args()
    if args.long and len(args.long) == 1:
        long_path, long_text, where = args.long[0], args.long[0].read_text(encoding="utf-8"), []
    else:
        paths = args.long or sorted(CORPUS.glob("[0-9]*.md"))
        long_text, where = long_post(paths, args.kb if not args.long else float("inf"))
        long_path = LONG_POST
        long_path.parent.mkdir(parents=True, exist_ok=True)
        long_path.write_text(long_text, encoding="utf-8")
    lint_text("$$\n\\begin{aligned}\n&(x+1)^2 \\\\\n&= x^2 + 2x + 1\n\\end{aligned}\n$$\n")  # load once, untimed
    print(f"best of {args.repeat}, proof store off")
    text_000 = SOURCE_000.read_text(encoding="utf-8")
    short = measure("source 000", SOURCE_000, text_000, args.repeat, [])
    long = measure("long post", long_path, long_text, args.repeat, where)
    size_ratio = len(long_text.encode()) / len(text_000.encode())
    print(f"long post / 000, seconds per kB: {long[0] / short[0] / size_ratio:.2f} in process, "
          f"{long[1] / short[1] / size_ratio:.2f} whole process")
    met = max(long) < TARGET_SECONDS
    print(f"target: {len(long_text.encode()) / 1000:.0f} kB in under {TARGET_SECONDS:.0f} s: "
          f"{'met' if met else 'MISSED'} ({long[0]:.2f} s in process, {long[1]:.2f} s whole process)")


if __name__ == "__main__":
    main()
