"""Time the unrolled check of the forward process for T = 125, 250, 500, 1000 and print the growth.

Run: ``python benchmarks/bench_forward_unrolled.py``. A linear check doubles its time
when T doubles (growth ratio near 2); a quadratic one would give ratios near 4.
"""

from __future__ import annotations

import time

import sympy as sp

from derivations.diffusion import forward_unrolled

SIZES = (125, 250, 500, 1000)


def time_unroll(T: int) -> float:
    """Seconds to compose and prove ``T`` steps, including the comparison with the closed form."""
    start = time.perf_counter()
    unrolled = forward_unrolled.unroll(T)
    mean, variance = forward_unrolled.closed_form(T)
    if sp.expand(unrolled.mean_coefficient - mean) != 0 or sp.expand(unrolled.variance - variance) != 0:
        raise SystemExit(f"T={T}: the unrolled result is not the closed form")
    return time.perf_counter() - start


def main() -> None:
    forward_unrolled.unroll(4)  # warm up imports and caches
    previous = None
    print(f"{'T':>6} {'seconds':>9} {'growth':>7}")
    for T in SIZES:
        seconds = time_unroll(T)
        growth = "" if previous is None else f"{seconds / previous:7.2f}"
        print(f"{T:>6} {seconds:9.3f} {growth:>7}")
        previous = seconds
    print(f"T = {SIZES[-1]}: {previous:.2f} s (target: within 2 s)")


if __name__ == "__main__":
    main()
