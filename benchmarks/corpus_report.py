"""Corpus report: lint every corpus post and compare with its hand-checked expected report (issue 15).

The corpus is ``tests/lint/corpus/real/NN_*.md`` (third-party posts, see ``real/SOURCES.md``) and the
seeds in ``tests/lint/corpus/seeds/``. Each post's expected report is
``tests/lint/corpus/expected/<stem>.toml``: its real slips, the steps the linter refutes that are not
slips (false refutations), and any false proof. Prints one row per post and a total, then the commonest
reasons for unparsed and undecided steps. Prints figures only: it never fails on them (exit 0).

Columns: steps, proved, refuted, undecided, unparsed; slips caught (a listed slip the linter refutes),
slips missed (listed, not refuted; "step" slips in brackets), false refutations (refuted steps that match
no listed slip), false proofs (proved steps that match a listed slip or a ``proved_false`` entry), seconds.

Run: python benchmarks/corpus_report.py [--jobs N] [--no-cache] [--only STEM ...] [--details]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
import tomllib
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "lint" / "corpus"
EXPECTED = CORPUS / "expected"


def corpus_files() -> list[Path]:
    """The corpus posts: the real posts, then the seeds (a seed's .md wrapper replaces its .txt)."""
    real = sorted((CORPUS / "real").glob("[0-9]*.md"))
    seeds = sorted(p for p in (CORPUS / "seeds").iterdir() if p.suffix in (".md", ".txt"))
    return real + seeds


def norm(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Step:
    """A linter step, reduced to what the comparison needs (picklable)."""

    line: int
    source: str
    status: str
    method: str
    residual: str | None = None


@dataclass
class Linted:
    path: Path
    steps: list[Step]
    seconds: float


def lint_one(path: Path) -> Linted:
    from derivations.lint import lint_file

    started = time.perf_counter()
    report = lint_file(path)
    seconds = time.perf_counter() - started
    steps = [Step(s.line, s.source, s.status.value, s.method, s.residual) for s in report.steps]
    return Linted(path, steps, seconds)


def lint_corpus(paths: list[Path], jobs: int = 1) -> list[Linted]:
    if jobs <= 1:
        return [lint_one(p) for p in paths]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(lint_one, paths))


def load_expected(stem: str) -> dict:
    path = EXPECTED / f"{stem}.toml"
    if not path.exists():
        return {}
    with path.open("rb") as stream:
        return tomllib.load(stream)


def matches(entry: dict, steps: list[Step]) -> list[Step]:
    """The steps an expected entry names: same line, and its excerpt occurs in the step's source."""
    excerpt = norm(entry["source"])
    found = [s for s in steps if s.line == entry["line"] and excerpt in norm(s.source)]
    if "link" in entry and found:
        found = found[entry["link"]:entry["link"] + 1]
    return found


@dataclass
class Comparison:
    counts: Counter
    caught: list[dict] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    false_refutations: list[Step] = field(default_factory=list)  # refuted, matching no listed slip
    unexplained: list[Step] = field(default_factory=list)  # false refutations not in true_steps_refuted
    false_proofs: list[tuple[dict, Step]] = field(default_factory=list)


def compare(steps: list[Step], expected: dict) -> Comparison:
    result = Comparison(Counter(s.status for s in steps))
    slips = expected.get("slips", [])
    for slip in slips:
        found = matches(slip, steps)
        (result.caught if any(s.status == "refuted" for s in found) else result.missed).append(slip)
        result.false_proofs += [(slip, s) for s in found if s.status == "proved"]
    for entry in expected.get("proved_false", []):
        result.false_proofs += [(entry, s) for s in matches(entry, steps) if s.status == "proved"]
    listed = expected.get("true_steps_refuted", [])
    for step in steps:
        if step.status != "refuted":
            continue
        if any(step in matches(slip, [step]) for slip in slips):
            continue
        result.false_refutations.append(step)
        if not any(matches(entry, [step]) for entry in listed):
            result.unexplained.append(step)
    return result


def reason(method: str) -> str:
    """A step's method, cut at its first parenthesis or colon (the common part of a reason)."""
    cut = re.split(r"[(:]", method, maxsplit=1)[0]
    return norm(cut).rstrip(" ,;.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="posts linted in parallel")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the proof store")
    parser.add_argument("--only", nargs="*", default=None, help="post stems (or prefixes) to lint")
    parser.add_argument("--details", action="store_true", help="list every false refutation, miss and false proof")
    args = parser.parse_args()
    if args.no_cache:
        os.environ["DERIVATIONS_NO_CACHE"] = "1"
    paths = corpus_files()
    if args.only:
        paths = [p for p in paths if any(p.stem.startswith(o) for o in args.only)]
    started = time.perf_counter()
    linted = lint_corpus(paths, args.jobs)
    wall = time.perf_counter() - started

    header = (f"{'post':<40} {'steps':>5} {'prov':>5} {'ref':>4} {'und':>4} {'unp':>4} "
              f"{'caught':>6} {'missed':>9} {'f.ref':>5} {'f.prf':>5} {'sec':>6}")
    print(header)
    print("-" * len(header))
    total = Counter()
    unparsed, undecided = Counter(), Counter()
    details = []
    for item in linted:
        expected = load_expected(item.path.stem)
        cmp = compare(item.steps, expected)
        c = cmp.counts
        missed_steps = sum(1 for s in cmp.missed if s.get("kind") == "step")
        row = dict(steps=len(item.steps), proved=c["proved"], refuted=c["refuted"], undecided=c["undecided"],
                   unparsed=c["unparsed"], caught=len(cmp.caught), missed=len(cmp.missed), missed_steps=missed_steps,
                   fref=len(cmp.false_refutations), fprf=len(cmp.false_proofs), sec=item.seconds)
        total.update({k: v for k, v in row.items()})
        name = item.path.stem[:40] + ("" if expected else " (no expected)")
        print(f"{name:<40} {row['steps']:>5} {row['proved']:>5} {row['refuted']:>4} {row['undecided']:>4} "
              f"{row['unparsed']:>4} {row['caught']:>6} {row['missed']:>5} ({missed_steps:>1}) {row['fref']:>5} "
              f"{row['fprf']:>5} {row['sec']:>6.1f}")
        for step in item.steps:
            if step.status == "unparsed":
                unparsed[reason(step.method)] += 1
            elif step.status == "undecided":
                undecided[reason(step.method)] += 1
        details.append((item.path.stem, cmp))
    print("-" * len(header))
    steps = total["steps"] or 1
    print(f"{'total':<40} {total['steps']:>5} {total['proved']:>5} {total['refuted']:>4} {total['undecided']:>4} "
          f"{total['unparsed']:>4} {total['caught']:>6} {total['missed']:>5} ({total['missed_steps']:>1}) "
          f"{total['fref']:>5} {total['fprf']:>5} {total['sec']:>6.1f}")
    decided = total["proved"] + total["refuted"]
    print(f"\ndecided: {decided}/{total['steps']} = {100 * decided / steps:.1f} % of steps (target >= 50 %)")
    print(f"false refutations: {total['fref']} = {100 * total['fref'] / steps:.2f} per 100 steps (target <= 1)")
    print(f"false proofs: {total['fprf']} (target 0)")
    slips = total["caught"] + total["missed"]
    primary = [(s, s in cmp.caught) for _, cmp in details for s in cmp.caught + cmp.missed if "consequence_of" not in s]
    print(f"real slips caught: {total['caught']}/{slips} listed (target: all); of the primary slips (not a consequence "
          f"of another): {sum(c for _, c in primary)}/{len(primary)}")
    print(f"missed slips of kind 'step': {total['missed_steps']}")
    print(f"wall time {wall:.1f} s with {args.jobs} job(s); sum of per-post times {total['sec']:.1f} s")
    unexplained = [(stem, s) for stem, cmp in details for s in cmp.unexplained]
    if unexplained:
        print(f"\nrefutations in no expected file (neither a slip nor a known false refutation): {len(unexplained)}")
        for stem, s in unexplained:
            print(f"  {stem}:{s.line}: {s.source[:100]}  [{reason(s.method)}]")
    for title, counter in (("unparsed", unparsed), ("undecided", undecided)):
        print(f"\ntop reasons for {title} ({sum(counter.values())} steps):")
        for text, count in counter.most_common(15):
            print(f"  {count:>4}  {text}")
    if args.details:
        for stem, cmp in details:
            for _, step in cmp.false_proofs:
                print(f"FALSE PROOF {stem}:{step.line}: {step.source[:100]}")
            for step in cmp.false_refutations:
                print(f"false refutation {stem}:{step.line}: {step.source[:100]}  [{reason(step.method)}]")
            for slip in cmp.missed:
                print(f"missed slip {stem}:{slip['line']} ({slip.get('kind', '?')}): {slip['source'][:80]}")


if __name__ == "__main__":
    sys.exit(main())
